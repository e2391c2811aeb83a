"""Issue 9, point 15: a killed `init` never leaves a project without the --schema it was given."""

from __future__ import annotations

import pytest

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from annotator.cli import main
from annotator.fileid import sqlite_uri
from annotator.store import Project

SCHEMA = """
[schema]
name = "tiny"
[[entity]]
name = "PERSON"
key = "p"
"""

KILL_AT_SCHEMA = """
import os, signal, sys
from annotator import store
real = store.Project.set_schema
def killed(self, schema, **kwargs):
    if os.environ.get("KILL_AFTER_INSERT"):
        real(self, schema, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
store.Project.set_schema = killed
from annotator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_killed(tmp_path: Path, project: Path, schema: Path, after_insert: bool) -> int:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    if after_insert:
        env["KILL_AFTER_INSERT"] = "1"
    r = subprocess.run(
        [sys.executable, "-c", KILL_AT_SCHEMA, "init", str(project), "--schema", str(schema)],
        env=env,
        capture_output=True,
        cwd=tmp_path,
    )
    return r.returncode


@pytest.mark.slow
def test_killed_init_leaves_nothing_half_made_and_can_be_run_again(tmp_path, capsys):
    schema = tmp_path / "tiny.toml"
    schema.write_text(SCHEMA, encoding="utf-8")
    for after_insert in (False, True):
        project = tmp_path / f"p{int(after_insert)}.annotator"
        assert run_killed(tmp_path, project, schema, after_insert) == -signal.SIGKILL
        # whatever is there is not half a project (tables without the schema given)
        if project.exists() and project.stat().st_size:
            conn = sqlite3.connect(sqlite_uri(project, immutable=1), uri=True)
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            schemas = conn.execute("SELECT count(*) FROM schemas").fetchone()[0] if tables else 0
            conn.close()
            assert tables == 0 or (after_insert and schemas == 1), (tables, schemas)
        assert main(["init", str(project), "--schema", str(schema)]) == 0, capsys.readouterr().err
        with Project(project, create=False) as p:
            assert p.schema.name == "tiny" and p.schema.label_names == ["PERSON"]
