"""Session 33, the engineer's corpus (helper s33-eng): a corpus handed out, pre-annotated and finished by a script
(a Makefile or a CI job), and its exports taken into a training pipeline."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from core_helpers import two_suggested_documents

from annotator.exporting import written_to_stream

ROOT = Path(__file__).resolve().parents[2]


class _PipeWrites(io.RawIOBase):
    """Standard output as `python -u` or PYTHONUNBUFFERED=1 gives it (a raw file, no buffer): a write to a pipe takes
    what the pipe has room for and says how much; the rest is the caller's to write again."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.taken = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        part = bytes(data[: self.room])
        self.taken += part
        return len(part)


def test_an_export_to_standard_output_writes_every_byte_to_a_stream_that_takes_a_part_at_a_time(tmp_path):
    """With PYTHONUNBUFFERED=1 (a Dockerfile's or CI job's usual setting) `sys.stdout.buffer` is the raw file: a
    write to a pipe returns after the part the pipe took (64 KiB, or what was written before its reader went away),
    and the copy to standard output took one write a MiB as all of it: `export -o - | head -c 100` exited 0 with
    "wrote standard output: 33 documents, ..." (the reader had 64 KiB of 585 KiB; 141 without -u), and every part
    past the first was lost unsaid wherever the pipe returned short."""
    body = bytes(range(256)) * 1000  # 256,000 bytes, less than one copy step

    def write(path: Path) -> str:
        path.write_bytes(body)
        return "done"

    stream = _PipeWrites(room=65_536)
    assert written_to_stream(write, ".jsonl", stream) == "done"
    assert bytes(stream.taken) == body


@pytest.mark.slow  # other processes
def test_an_export_to_a_pipe_closed_early_exits_141_with_pythonunbuffered(tmp_path):
    """The command as a script runs it: `PYTHONUNBUFFERED=1 annotator export P -f jsonl -o - | head -c 100`. The
    reader goes away after 100 bytes of about 300,000: exit 141 and no summary, as without PYTHONUNBUFFERED."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "p.annotator"
    text = " ".join(f"Maria Lopez met officials in Paris on day {k}." for k in range(6000))  # about 300,000 chars
    with Project(path, annotator="t") as project:
        import_documents(project, [IncomingDocument(text, "long.txt")])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator", "export", str(path), "-f", "jsonl", "-o", "-"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert len(proc.stdout.read(100)) == 100
    proc.stdout.close()  # as `head -c 100` does
    err = proc.stderr.read().decode()
    code = proc.wait()
    assert code == 141 and "wrote standard output" not in err, (code, err)


def test_a_hugging_face_line_with_no_tokens_is_said_where_it_is_left_out(tmp_path, capsys):
    """A token classification file with lines of no tokens (a blank sentence a script kept, a document with nothing
    left after filtering) came in without them and without a word: "2 imported", the lines gone. They hold nothing to
    annotate and are still left out, now said with their lines in the import's "not kept" lines."""
    import json

    from annotator.cli import main

    rows = [
        {"document": "a", "tokens": ["Maria", "left", "."], "ner_tags": ["B-PERSON", "O", "O"]},
        {"document": "a", "tokens": [], "ner_tags": []},
        {"document": "b", "tokens": [], "ner_tags": [], "text": ""},
        {"document": "c", "tokens": ["Paris", "."], "ner_tags": ["B-GPE", "O"]},
    ]
    source = tmp_path / "train.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(source), "--format", "hf"]) == 0
    out, err = capsys.readouterr()
    said = [line for line in err.splitlines() if "no tokens" in line]
    assert len(said) == 1 and "lines 2, 3" in said[0] and said[0].startswith("not kept:"), err
    assert "2 imported" in out


def test_accept_and_status_json_say_what_they_did_as_json_on_stdout(project, capsys):
    """The finishing steps of a Makefile (`accept --all`, `status annotated --all`) had no `--json` ("unrecognized
    arguments: --json", exit 2) where `import`, `preannotate`, `export` and `train` have one: a script read how many
    suggestions were accepted, how many were left and how many documents changed from the words of the line. Each
    prints one JSON document on stdout; a second run says it did nothing, as JSON."""
    import json

    from annotator.cli import main

    path = two_suggested_documents(project)
    assert main(["accept", path, "--docs", "d0.txt", "--min-score", "0.8", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["documents"], first["entities"], first["events"]) == (1, 1, 0), first
    assert (first["left_undecided"], first["unscored"], first["min_score"]) == (1, 1, 0.8), first
    assert first["summary"].startswith("1 entity suggestion scored at least 0.8 accepted in 1 document")
    assert main(["accept", path, "--all", "--json"]) == 0
    rest = json.loads(capsys.readouterr().out)
    assert (rest["documents"], rest["entities"], rest["events"], rest["left_undecided"]) == (2, 3, 2, 0), rest
    assert rest["min_score"] is None
    assert main(["status", path, "annotated", "--docs", "d0.txt", "--json"]) == 0
    out, err = capsys.readouterr()
    marked = json.loads(out)
    assert marked == {
        "status": "annotated",
        "documents": 1,
        "marked": [{"name": "d0.txt", "id": 1}],
        "already": 0,
        "undecided": {"entities": 0, "events": 0},
        "summary": "1 document marked annotated",
    }, marked
    assert main(["status", path, "annotated", "--all", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["documents"], [m["name"] for m in again["marked"]], again["already"]) == (2, ["d1.txt"], 1)
    assert main(["accept", path, "--all", "--json"]) == 0
    none = json.loads(capsys.readouterr().out)
    assert (none["entities"], none["events"], none["summary"]) == (0, 0, "nothing left to accept in 2 documents")
    assert main(["accept", path, "--all"]) == 0
    assert capsys.readouterr().out == "nothing left to accept in 2 documents\n"


def test_the_json_schema_s_id_names_the_version_its_files_carry():
    """The project's JSON was version 6 (noun heads, session 33; 7 since session 42's heads_version) and the JSON Schema requires `"version": 6`, but its
    `$id` still named `export-5.schema.json`: a pipeline that keeps schemas by `$id` (a registry, jsonschema's
    referencing) filed version 6's schema under version 5's name, over the one version 5 files need."""
    import json

    from annotator.formats.project_json_names import VERSION
    from annotator.resources_path import resource_path

    schema = json.loads(resource_path("export.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["version"]["const"] == VERSION
    assert schema["$id"].endswith(f"/export-{VERSION}.schema.json"), schema["$id"]


def test_the_note_of_undecided_suggestions_in_an_entity_only_export_counts_no_event(project, tmp_path, capsys):
    """`export -f hf` (or CoNLL) of a pre-annotated project noted "3,099 entity and 368 event suggestions nobody
    decided are in it", beside its own "369 events left out (the format holds entities alone)": the engineer looked
    for events in a file that holds none. The note counts what the file holds."""
    from annotator.cli import main

    path = two_suggested_documents(project)
    for fmt in ("hf", "conll"):
        out = tmp_path / f"out.{fmt}"
        assert main(["export", path, "-f", fmt, "-o", str(out)]) == 0
        notes = [line for line in capsys.readouterr().err.splitlines() if line.startswith("note:")]
        assert notes == [
            "note: 4 entity suggestions nobody decided are in it, where a training tool takes them for annotations "
            "(--states accepted added leaves them out)"
        ], (fmt, notes)
    assert main(["export", path, "-f", "dygiepp", "-o", str(tmp_path / "out.dygiepp")]) == 0  # holds events: both
    assert "note: 4 entity and 2 event suggestions nobody decided" in capsys.readouterr().err


class _CutAfterFirst(io.RawIOBase):
    """Standard output to a reader that stopped reading: the first write goes, Ctrl+C comes during the second."""

    def __init__(self) -> None:
        self.taken = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        if self.taken:
            raise KeyboardInterrupt
        self.taken += bytes(data[:65_536])
        return min(len(data), 65_536)


def test_ctrl_c_while_an_export_goes_to_standard_output_says_what_its_reader_got(project, monkeypatch, capsys):
    """Ctrl+C while `export -o -` copied to a slow reader: 69,632 bytes had gone down the pipe, and the line said
    "interrupted; nothing was written (an export is written whole or not at all ...)": the reader's file was cut
    short, and the engineer was told it held nothing. Exit 130 still; the line says the reader's copy is cut short."""
    from annotator.cli import main
    from annotator.importing import IncomingDocument, import_documents

    path = str(project.path)
    with project as p:
        text = " ".join(f"Maria Lopez met officials in Paris on day {k}." for k in range(6000))
        import_documents(p, [IncomingDocument(text, "long.txt")])
    stream = _CutAfterFirst()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(stream, write_through=True))  # as python -u gives
    code = main(["export", path, "-f", "jsonl", "-o", "-"])
    err = capsys.readouterr().err
    assert code == 130 and "nothing was written" not in err, err
    assert "was going to standard output: what its reader got is cut short; run it again" in err, err


@pytest.mark.parametrize("mark", ["utf-32-le", "utf-32-be"])
def test_a_utf32_file_with_its_mark_is_refused_naming_utf32_and_the_encoding_that_reads_it(tmp_path, capsys, mark):
    """A UTF-32 text with its byte order mark (PowerShell's `Out-File -Encoding utf32`) was "binary file (contains
    NUL characters read as utf-16)" (its little-endian mark begins as UTF-16's) or "binary file (contains NUL bytes)":
    the engineer looked for a binary in a folder of texts. It is still refused (UTF-32's mark is left unread on
    purpose, text_encoding), now naming what it is and the option that reads it, which does."""
    import codecs

    from annotator.cli import main

    bom = codecs.BOM_UTF32_LE if mark.endswith("le") else codecs.BOM_UTF32_BE
    source = tmp_path / "u32.txt"
    source.write_bytes(bom + "Police arrested two men in Paris.".encode(mark))
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(source)]) == 1
    err = capsys.readouterr().err
    assert "reads as UTF-32 text: import it with --encoding utf-32" in err, err
    assert main(["import", str(path), str(source), "--encoding", "utf-32"]) == 0


def test_a_closed_standard_output_is_said_in_one_line_not_a_traceback(project, monkeypatch, capsys):
    """A job run with its standard output closed (`>&-`, a daemon's or cron's start): Python gives `sys.stdout` as
    None, and `stats --json` and `export -o -` ended in a traceback ("'NoneType' object has no attribute 'flush'",
    "… 'buffer'"). An export to standard output is refused before it runs, one line, nothing written; a command whose
    result has nowhere to go does its work and exits as it would (print writes nothing where stdout is None)."""
    from annotator.cli import main

    path = two_suggested_documents(project)
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["export", path, "-f", "jsonl", "-o", "-"]) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("annotator: error: -o - writes to standard output, which is closed")
    assert main(["stats", path, "--json"]) == 0
    assert main(["status", path, "annotated", "--all"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_closed_standard_error_leaves_the_export_to_do_its_work(project, monkeypatch, tmp_path):
    """`annotator export … 2>&-` (stderr closed: `sys.stderr` None) ended in a traceback nobody saw, at the progress
    bar's look at the terminal: exit 1 and no file. Its lines go nowhere now; the export is written, exit 0."""
    from annotator.cli import main

    path = two_suggested_documents(project)
    monkeypatch.setattr(sys, "stderr", None)
    out = tmp_path / "out.jsonl"
    assert main(["export", path, "-f", "jsonl", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 2
