"""The command line in a pipeline: ``-`` for standard output (``export -o -``), data on stdout and messages on
stderr. An export to ``-`` wrote a file named '-' in the current folder and printed 'wrote -: ...' to stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ["Maria Lopez met officials in Paris.", "Ivan Petrov flew to Zurich on Monday."]


def _project(folder: Path) -> Path:
    path = folder / "p.annotator"
    with Project(path, annotator="t") as p:
        import_documents(p, [IncomingDocument(t, f"{k}.txt") for k, t in enumerate(TEXTS)])
    return path


def _annotator(cwd: Path, *argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *argv], cwd=cwd, env=env, capture_output=True, input=stdin, timeout=120
    )


@pytest.mark.slow  # other processes
@pytest.mark.parametrize("fmt", ["json", "jsonl", "conll"])
def test_export_to_dash_writes_the_export_to_stdout_and_its_summary_to_stderr(tmp_path, fmt):
    path = _project(tmp_path)
    to_file = _annotator(tmp_path, "export", str(path), "-f", fmt, "-o", str(tmp_path / f"file.{fmt}"))
    assert to_file.returncode == 0, to_file.stderr
    piped = _annotator(tmp_path, "export", str(path), "-f", fmt, "-o", "-")
    assert piped.returncode == 0, piped.stderr
    assert not (tmp_path / "-").exists(), "a file named '-' was written"
    if fmt == "json":  # the header's export time differs; the documents are the same
        got, want = json.loads(piped.stdout), json.loads((tmp_path / "file.json").read_bytes())
        assert got["documents"] == want["documents"]
    else:
        assert piped.stdout == (tmp_path / f"file.{fmt}").read_bytes()
    err = piped.stderr.decode()
    assert "wrote standard output" in err and "2 documents" in err, err
    assert sorted(os.listdir(tmp_path)) == ["file." + fmt, "p.annotator"]


@pytest.mark.slow  # other processes
def test_export_to_dash_without_a_format_is_json(tmp_path):
    path = _project(tmp_path)
    piped = _annotator(tmp_path, "export", str(path), "-o", "-")
    assert piped.returncode == 0, piped.stderr
    assert [d["text"] for d in json.loads(piped.stdout)["documents"]] == TEXTS


@pytest.mark.slow  # other processes
@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["-f", "brat"], "brat writes a folder"),
        (["-f", "prodigy", "--option", "split=train=0.5,dev=0.5"], "split"),
    ],
)
def test_export_to_dash_of_a_folder_or_a_split_is_a_usage_error(tmp_path, argv, says):
    path = _project(tmp_path)
    r = _annotator(tmp_path, "export", str(path), "-o", "-", *argv)
    err = r.stderr.decode()
    assert r.returncode == 2 and r.stdout == b"", err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotator: error:") and says in lines[0], err
    assert sorted(os.listdir(tmp_path)) == ["p.annotator"]


def _names_and_texts(path: Path) -> list[tuple[str, str]]:
    with Project(path, create=False) as p:
        return [(p.document(d).name, p.document(d).text) for d in p.document_ids()]


@pytest.mark.slow  # other processes
@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_import_of_dash_reads_the_project_s_own_export_from_stdin(tmp_path, fmt):
    """'skipped -: no such file or folder': a pipeline could not pipe an export (or its own JSONL) in."""
    source = _project(tmp_path)
    exported = _annotator(tmp_path, "export", str(source), "-f", fmt, "-o", "-")
    assert exported.returncode == 0, exported.stderr
    target = tmp_path / "new.annotator"
    r = _annotator(tmp_path, "import", str(target), "-", stdin=exported.stdout)
    assert r.returncode == 0, r.stderr
    assert b"2 imported" in r.stdout, r.stdout
    assert _names_and_texts(target) == _names_and_texts(source)
    assert sorted(os.listdir(tmp_path)) == ["new.annotator", "p.annotator"]


@pytest.mark.slow  # other processes
def test_import_of_dash_reads_plain_text_and_a_named_format_from_stdin(tmp_path):
    target = tmp_path / "new.annotator"
    r = _annotator(tmp_path, "import", str(target), "-", stdin=TEXTS[0].encode("utf-8"))
    assert r.returncode == 0, r.stderr
    conll = b"Ivan B-PERSON\nPetrov I-PERSON\nflew O\nto O\nZurich B-GPE\n. O\n"
    r = _annotator(tmp_path, "import", str(target), "-", "--format", "conll", stdin=conll)
    assert r.returncode == 0, r.stderr
    assert [t for _, t in _names_and_texts(target)] == [TEXTS[0], "Ivan Petrov flew to Zurich ."]


@pytest.mark.slow  # other processes
def test_import_of_dash_twice_or_of_nothing_is_refused(tmp_path):
    target = tmp_path / "new.annotator"
    r = _annotator(tmp_path, "import", str(target), "-", "-", stdin=b"text")
    err = r.stderr.decode()
    assert r.returncode == 2 and "once" in err and len(err.strip().splitlines()) == 1, err
    r = _annotator(tmp_path, "import", str(target), "-", stdin=b"")
    err = r.stderr.decode()
    assert r.returncode == 1 and "standard input" in err and "empty" in err, err
    assert os.listdir(tmp_path) == []


def test_import_of_dash_from_a_terminal_is_refused_rather_than_waiting(tmp_path, capsys, monkeypatch):
    """stdin a terminal: reading it would wait for typing, with no word why."""
    import io

    from annotator.cli import main

    class Terminal(io.BytesIO):
        buffer = property(lambda self: self)

        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    code = main(["import", str(tmp_path / "new.annotator"), "-"])
    err = capsys.readouterr().err
    assert code == 2 and "terminal" in err and len(err.strip().splitlines()) == 1, err
    assert os.listdir(tmp_path) == []


def test_validate_json_gives_each_problem_as_data_with_the_same_exit_code(tmp_path, capsys):
    """A CI gate on a project parsed 'NAME (document N): MESSAGE' lines; stats, models and agree had --json."""
    from annotator import edits
    from annotator.cli import main

    path = _project(tmp_path)
    assert main(["validate", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"problems": []}
    with Project(path, annotator="t") as p:
        event = edits.add_event(p, 1, "Contact:Meet", 0, 5).result_id
    assert main(["validate", str(path), "--json"]) == 1
    captured = capsys.readouterr()
    problems = json.loads(captured.out)["problems"]
    assert problems and all(x["document"] == 1 and x["name"] == "0.txt" for x in problems), problems
    assert {"kind", "message", "event_id", "entity_id", "role"} <= set(problems[0]) and captured.err == ""
    assert any(x["kind"] == "missing_role" and x["event_id"] == event for x in problems), problems


def test_export_to_dash_in_process(tmp_path, capsysbinary):
    """The inner loop's own check of ``-o -`` (the tests above run the command as a pipeline does)."""
    from annotator.cli import main

    path = _project(tmp_path)
    assert main(["export", str(path), "-f", "jsonl", "-o", "-"]) == 0
    captured = capsysbinary.readouterr()
    assert [json.loads(line)["text"] for line in captured.out.splitlines()] == TEXTS
    assert b"wrote standard output" in captured.err and not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (b'{"format": "annotator-json", "documents": []}', ".json"),  # the project's export: one line
        (b'{\n  "format": "annotator-json",\n  "documents": []\n}\n', ".json"),  # pretty-printed (jq, json.tool)
        (b'\n[{"data": {"text": "x"}}]', ".json"),  # a list (Label Studio), after a blank line
        (b'{"text": "a"}\n{"text": "b"}\n', ".jsonl"),
        (b'{"text": "a"}', ".jsonl"),  # one document a line, of one line
        (b"Ivan Petrov flew to Zurich.", ".txt"),
        (b"", ".txt"),
        (b"x^2 is a square, x^3 a cube.", ".txt"),  # a zlib header in text: text
        (zlib.compress(b"\x82\xa5attrs\x90" * 40), ".spacy"),  # a DocBin (session 10: 'binary file')
    ],
)
def test_what_stdin_gave_is_saved_whole_under_the_ending_its_content_calls_for(data, suffix):
    import io

    from annotator.formats.stdin_spool import stdin_spooled

    with stdin_spooled(["a.txt", "-"], io.BytesIO(data)) as (paths, spool):
        assert paths[0] == "a.txt" and paths[1] == spool and Path(spool).name == f"stdin{suffix}"
        assert Path(spool).read_bytes() == data
    assert not Path(spool).parent.exists()  # the private folder goes with the block


def test_a_docbin_piped_in_is_imported(tmp_path, capsysbinary, monkeypatch):
    """'export -f spacy -o - | annotator import P -' said 'skipped standard input: binary file (contains NUL
    bytes)'."""
    import io

    from annotator.cli import main

    path = _project(tmp_path)
    assert main(["export", str(path), "-f", "spacy", "-o", "-"]) == 0
    docbin = capsysbinary.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(docbin)))
    target = tmp_path / "again.annotator"
    assert main(["import", str(target), "-"]) == 0
    assert b"standard input: read as spaCy DocBin" in capsysbinary.readouterr().err
    with Project(target, create=False) as p:
        assert [p.document(d).text for d in p.document_ids()] == TEXTS


def test_a_binary_export_to_a_terminal_is_refused(tmp_path, capsys, monkeypatch):
    """'export -f spacy -o -' in a terminal printed the DocBin's compressed bytes onto the screen."""
    from annotator.cli import main

    path = _project(tmp_path)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code = main(["export", str(path), "-f", "spacy", "-o", "-"])
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert code == 2 and captured.out == "" and len(lines) == 1 and "terminal" in lines[0], captured
