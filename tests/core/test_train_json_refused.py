"""``annotator train --json`` refused (no finished documents, another training running, a project file that is not
there): one JSON object on standard output naming the reason, and exit 1, the line on stderr as without ``--json``.
Session 35: it printed nothing on standard output, so a script reading it got no JSON at all."""

from __future__ import annotations

import json
import time

from annotator.cli import main
from annotator.store import Project
from core_helpers import one_document_project


def test_no_finished_documents_gives_one_json_object_with_the_reason(tmp_path, capsys):
    path = one_document_project(tmp_path)
    assert main(["train", str(path), "--json"]) == 1
    got = capsys.readouterr()
    said = json.loads(got.out)
    assert said["refused"] is True and said["kind"] == "not_enough_data" and said["version"] is None
    assert "training needs at least" in said["reason"] and said["reason"] in got.err


def test_another_training_running_is_said_in_json(tmp_path, capsys):
    import subprocess
    import sys

    from annotator.learn import versions

    path = one_document_project(tmp_path)
    holds = "import sys, time; f = open(sys.argv[1], 'rb'); print(flush=True); time.sleep(60)"
    other = subprocess.Popen([sys.executable, "-c", holds, str(path)], stdout=subprocess.PIPE)
    other.stdout.readline()
    try:
        with Project(path, annotator="t") as p:
            root = versions.models_dir(p)
        root.mkdir()
        (root / f".tmp-{other.pid}-t{time.time_ns() - 5 * 10**9}-abcdef12").mkdir()
        assert main(["train", str(path), "--json"]) == 1
        said = json.loads(capsys.readouterr().out)  # looked for first, before the documents are read
        assert said["refused"] is True and said["kind"] == "training_running" and f"pid {other.pid}" in said["reason"]
    finally:
        other.kill()
        other.wait()


def test_a_missing_project_is_said_in_json_too(tmp_path, capsys):
    assert main(["train", str(tmp_path / "none.annotator"), "--json"]) == 1
    said = json.loads(capsys.readouterr().out)
    assert said["refused"] is True and said["reason"] and said["kind"] == "no_project_file"
