"""Seams found using the whole command line as a user would (qa pass): options that do not go together, a
reader that goes away (``| head``), a training base pipeline that is not installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from annotator.cli import main
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[2]


def _project(tmp_path: Path, status: str | None = None) -> Path:
    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        report = import_documents(
            p, [IncomingDocument(f"Maria Lopez met officials in Paris {k}.", f"{k}.txt") for k in range(3)]
        )
        if status:
            from annotator import edits

            for _name, doc_id in report.imported:
                edits.set_status(p, doc_id, status)
    return path


def test_model_and_model_version_together_are_a_usage_error(tmp_path, capsys):
    path = _project(tmp_path)
    code = main(["preannotate", str(path), "--model", "original", "--model-version", "1"])
    err = capsys.readouterr().err
    lines = [x for x in err.splitlines() if x.startswith("annotator: error:")]
    assert code == 2 and len(lines) == 1 and "--model-version" in lines[0] and "--model" in lines[0], err
    with Project(path, create=False) as p:
        assert p.tokens(1) is None  # nothing ran


def test_a_closed_output_pipe_is_not_an_error(tmp_path):
    path = _project(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator", "stats", str(path), "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader went away before anything was written, as `| head -0` does
    err = proc.stderr.read().decode()
    code = proc.wait()
    assert err == "", err
    assert code == 141  # as a shell reports a command ended by SIGPIPE


def test_train_with_a_missing_base_pipeline_says_how_to_install(tmp_path, capsys):
    path = _project(tmp_path, status="annotated")
    code = main(["train", str(path), "--base", "en_no_such_pipeline_xyz"])
    err = capsys.readouterr().err
    lines = [x for x in err.splitlines() if x.startswith("annotator: error:")]
    assert code == 1 and len(lines) == 1, err
    assert "en_no_such_pipeline_xyz" in lines[0] and "not installed" in lines[0] and "Traceback" not in err
