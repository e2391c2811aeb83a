"""Bad input at the command line, as a pipeline meets it (session 9 QA): each gives one clear line on stderr, the
exit code a script can test, and changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.store import Project
from core_helpers import one_document_project


def _error_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("annotator: error:") and "Traceback" not in err, err
    return lines[0]


def test_an_unknown_import_format_is_a_usage_error(tmp_path, capsys):
    """It exited 1, as a damaged file does, where export's unknown format exits 2: a script could not tell a
    wrong command line from bad data."""
    path = one_document_project(tmp_path)
    (tmp_path / "in.jsonl").write_text('{"text": "Ivan Petrov flew to Zurich."}\n', encoding="utf-8")
    code = main(["import", str(path), str(tmp_path / "in.jsonl"), "--format", "bart"])
    line = _error_line(capsys.readouterr().err)
    assert code == 2 and "bart" in line and "brat" in line, line
    with Project(path, create=False) as p:
        assert len(p.document_ids()) == 1


@pytest.mark.parametrize("command", [["stats"], ["validate"], ["export", "-o", "{t}/out.json"], ["models"]])
def test_an_empty_project_file_is_said_to_be_empty_not_missing(tmp_path, capsys, command):
    """A zero-byte file (a copy cut short, a disk that filled) was reported as 'no such project file'."""
    path = tmp_path / "cut.annotator"
    path.write_bytes(b"")
    code = main([command[0], str(path), *[a.format(t=tmp_path) for a in command[1:]]])
    line = _error_line(capsys.readouterr().err)
    assert code == 1 and f"{path}: " in line and "empty" in line and "no such" not in line, line
    assert path.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == ["cut.annotator"]


def test_an_import_of_a_folder_with_nothing_to_import_fails(tmp_path, capsys):
    """'0 imported, 0 duplicates skipped, 0 files skipped' and exit 0: a pipeline whose corpus folder came out
    empty (a wrong path in a glob, a failed download) went on as if it had worked."""
    path = one_document_project(tmp_path)
    empty = tmp_path / "corpus"
    empty.mkdir()
    code = main(["import", str(path), str(empty)])
    captured = capsys.readouterr()
    assert code == 1, captured
    assert f"skipped {empty}: " in captured.err and "no file" in captured.err, captured.err
    assert "1 file skipped" in captured.out


def test_a_project_another_program_is_writing_to_says_so(tmp_path, capsys, monkeypatch):
    """'cannot write to the project: database is locked': which program, and was anything changed?"""
    import annotator.store as store

    path = one_document_project(tmp_path)
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code = main(["status", str(path), "annotated", "--all"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    line = _error_line(capsys.readouterr().err)
    assert code == 1 and "another program" in line and "nothing was changed" in line, line
    with Project(path, create=False) as p:
        assert p.document(1).status == "new"


def test_preannotate_and_train_refuse_a_read_only_project_before_loading_a_model(tmp_path, capsys, monkeypatch):
    """preannotate loaded the pipeline (seconds) and then said the project was read-only; train told how many
    finished documents it lacked, and with enough would have trained for minutes before failing to save."""
    import annotator.learn.versions as versions

    path = one_document_project(tmp_path)
    path.chmod(0o444)  # no write permission bit: read-only, even for root
    monkeypatch.setattr(versions, "select_for_preannotation", lambda *a, **k: pytest.fail("a model was loaded"))
    for argv in (["preannotate", str(path)], ["train", str(path)]):
        code = main(argv)
        line = _error_line(capsys.readouterr().err.replace("loading the default model ...\n", ""))
        assert code == 1 and "read-only" in line and "nothing was changed" in line and str(path) in line, line


@pytest.mark.slow  # other processes
def test_gui_without_a_display_says_so_in_one_line(tmp_path):
    """Qt aborted the process (exit 134) with six lines ending 'Reinstalling the application may fix this
    problem.'"""
    import os
    import subprocess
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("a display is an X11/Wayland matter")
    path = one_document_project(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(PYTHONPATH=str(Path(__file__).resolve().parents[2]), ANNOTATOR_CONFIG_DIR=str(tmp_path / "config"))
    r = subprocess.run(
        [sys.executable, "-m", "annotator", "gui", str(path)], env=env, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 1, (r.returncode, r.stderr)
    line = _error_line(r.stderr)
    assert "display" in line and "DISPLAY" in line, line


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda t: t / "none.toml", "No such file or directory"),
        (lambda t: t, "Is a directory"),
        (lambda t: (t / "latin1.toml", (t / "latin1.toml").write_bytes(b'[schema]\nname = "caf\xe9"\n'))[0], "UTF-8"),
    ],
)
def test_a_schema_file_that_cannot_be_read_is_named_once_without_python_s_words(tmp_path, capsys, make, says):
    """'none.toml: cannot read schema file: [Errno 2] No such file or directory: 'none.toml'': the path twice
    and Python's errno; a Latin-1 file: "'utf-8' codec can't decode byte 0xe9 in position 22: ..."."""
    schema = make(tmp_path)
    code = main(["init", str(tmp_path / "new.annotator"), "--schema", str(schema)])
    line = _error_line(capsys.readouterr().err)
    assert code == 1 and f"{schema}: cannot read schema file: " in line and says in line, line
    assert "Errno" not in line and "codec" not in line and line.count(str(schema)) == 1, line
    assert not (tmp_path / "new.annotator").exists()


@pytest.mark.parametrize("fmt", ["json", "spacy", "brat"])
def test_an_export_that_selects_no_document_writes_nothing_and_says_why(tmp_path, capsys, fmt):
    """'export --status reviewed' on a project with none reviewed wrote an empty corpus, exit 0 ('wrote
    train.spacy: 0 documents'): a training script went on to train on nothing."""
    path = one_document_project(tmp_path)
    out = tmp_path / "out"
    code = main(["export", str(path), "-f", fmt, "-o", str(out), "--status", "reviewed", "annotated"])
    line = _error_line(capsys.readouterr().err)
    assert code == 1 and not out.exists(), line
    assert "no document with status reviewed or annotated" in line and "1 new" in line, line
    assert "nothing was written" in line
