"""Files in UTF-16 with its byte order mark (Windows' "Unicode" in Notepad, PowerShell 5's ``>``; session 29): their
mark names the encoding, so they are read without ``--encoding``, and their kind is told from the text, from a file
and from standard input. A UTF-16 doccano JSONL was refused as "binary file (contains NUL bytes)" without
``--encoding utf-16``; with it, given on standard input, it was named ``stdin.txt`` (its bytes looked at as UTF-8)
and came in as one plain document of JSON text, its span lost."""

from __future__ import annotations

import io
import json
import sys

import pytest

from annotator.formats.loading import import_paths
from annotator.store import Project

TEXT = "Café owner José Muñoz said “no comment” 😀 in Zürich."
LINE = {"text": TEXT, "label": [[11, 21, "PERSON"], [45, 51, "GPE"]]}


def _utf16(obj: object, codec: str = "utf-16") -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode(codec) + "\n".encode(codec)[-2:] * (codec != "utf-16")


def _spans(project: Project, doc_id: int) -> list[tuple[str, str]]:
    text = project.document(doc_id).text
    return sorted((text[s.start : s.end], s.label) for s in project.entities(doc_id))


@pytest.mark.parametrize("mark", ["utf-16-le", "utf-16-be"])
def test_a_doccano_jsonl_in_utf_16_with_its_mark_is_read_as_doccano_without_encoding(project, tmp_path, mark):
    path = tmp_path / "tasks.jsonl"
    bom = "\ufeff".encode(mark)
    path.write_bytes(bom + (json.dumps(LINE, ensure_ascii=False) + "\n").encode(mark))
    report = import_paths(project, [path])
    assert report.skipped == [], report.skipped  # main: "binary file (contains NUL bytes)"
    assert report.formats == [(str(path), "doccano")]
    ((_, doc_id),) = report.imported
    assert project.document(doc_id).text == TEXT
    assert _spans(project, doc_id) == [("José Muñoz", "PERSON"), ("Zürich", "GPE")]


def test_the_projects_json_and_a_plain_text_in_utf_16_are_read(project, tmp_path):
    (tmp_path / "news.txt").write_bytes(TEXT.encode("utf-16"))
    doc = {"name": "wire-1", "text": TEXT + " Again.", "entities": [{"start": 11, "end": 21, "label": "PERSON"}]}
    (tmp_path / "export.json").write_bytes(json.dumps([doc], ensure_ascii=False).encode("utf-16"))
    report = import_paths(project, [tmp_path / "news.txt", tmp_path / "export.json"])
    assert report.skipped == [], report.skipped
    got = dict(report.imported)
    assert set(got) == {"news.txt", "wire-1"}, got
    assert project.document(got["news.txt"]).text == TEXT
    assert _spans(project, got["wire-1"]) == [("José Muñoz", "PERSON")]


def test_utf_16_without_a_mark_is_still_binary_and_a_bad_marked_file_says_what_its_mark_said(project, tmp_path):
    bare = tmp_path / "bare.txt"
    bare.write_bytes(TEXT.encode("utf-16-le"))  # no mark: nothing says what it is
    broken = tmp_path / "broken.txt"
    broken.write_bytes("\ufeffab".encode("utf-16-le") + b"\x00\xd8" + "cd".encode("utf-16-le"))  # a lone surrogate
    report = import_paths(project, [bare, broken])
    reasons = dict(report.skipped)
    assert reasons[str(bare)] == f"{bare}: binary file (contains NUL bytes)"
    assert "not valid utf-16 (its byte order mark says so)" in reasons[str(broken)], reasons


@pytest.mark.parametrize("given", [[], ["--encoding", "utf-16"]])
def test_a_utf_16_doccano_jsonl_on_standard_input_is_told_as_doccano(tmp_path, capsys, monkeypatch, given):
    from annotator.cli import main

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_utf16(LINE))))
    target = tmp_path / "p.annotator"
    assert main(["import", str(target), "-", *given]) == 0, capsys.readouterr().err
    assert "standard input: read as doccano" in capsys.readouterr().err
    with Project(target, create=False) as p:
        (doc_id,) = p.document_ids()
        assert p.document(doc_id).text == TEXT  # main: the JSON line itself, as a plain text
        assert _spans(p, doc_id) == [("José Muñoz", "PERSON"), ("Zürich", "GPE")]


def test_the_first_line_of_standard_input_is_read_in_the_encoding_given(tmp_path):
    from annotator.formats.stdin_spool import stdin_spooled
    from annotator.text_encoding import reading_in

    payload = (json.dumps(LINE, ensure_ascii=False) + "\n").encode("utf-16-le") * 2  # no mark: told by --encoding
    with reading_in("utf-16-le"), stdin_spooled(["-"], io.BytesIO(payload)) as (paths, spool):
        assert spool.endswith("stdin.jsonl"), spool  # main: .json (its bytes' NULs are no JSON line)
