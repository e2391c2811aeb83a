"""Session 33 (s33-real): a text of spaces and line breaks alone became an empty document (a .txt of spaces, a JSONL
line with ``"text": "  "``, a doccano, Prodigy or Label Studio task so); a ``"text": ""`` line refused the whole file.
Such a text is left out with a one-line note, as an empty file is skipped, and the file's other texts come in."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.store import Project

REAL = "Ada Lovelace wrote the first program in London."


def _texts(path):
    with Project(path, create=False) as project:
        return [project.document(i).text for i in project.document_ids()]


def test_a_txt_file_of_spaces_and_line_breaks_is_skipped_as_an_empty_file_is(tmp_path, capsys):
    (tmp_path / "blank.txt").write_text("  \n\n\t \n", encoding="utf-8")
    (tmp_path / "real.txt").write_text(REAL, encoding="utf-8")
    path = tmp_path / "p.annotator"
    main(["import", str(path), str(tmp_path / "blank.txt"), str(tmp_path / "real.txt")])
    err = capsys.readouterr().err
    assert _texts(path) == [REAL]
    skipped = [line for line in err.splitlines() if line.startswith("skipped")]
    assert skipped == [f"skipped {tmp_path / 'blank.txt'}: empty file (spaces and line breaks alone, no text)"], err


def _lines(fmt: str, text: str) -> list[dict]:
    if fmt == "prodigy":
        return [{"text": text, "answer": "accept", "spans": []}]
    if fmt == "label_studio":
        return [{"id": 1, "data": {"text": text}, "annotations": []}]
    return [{"text": text, "label": []} if fmt == "doccano" else {"text": text}]


@pytest.mark.parametrize("fmt", [None, "doccano", "prodigy", "label_studio"])
@pytest.mark.parametrize("blank", ["   ", " \n\t\n "])
def test_a_line_whose_text_is_spaces_is_left_out_with_a_note_and_the_rest_read(tmp_path, capsys, fmt, blank):
    src = tmp_path / ("tasks.json" if fmt == "label_studio" else "lines.jsonl")
    rows = [*_lines(fmt or "", blank), *_lines(fmt or "", REAL)]
    if fmt == "label_studio":
        rows[1]["id"] = 2
        src.write_text(json.dumps(rows), encoding="utf-8")
    else:
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    path = tmp_path / "p.annotator"
    code = main(["import", str(path), str(src), *(["-f", fmt] if fmt else [])])
    err = capsys.readouterr().err
    assert code == 0 and _texts(path) == [REAL], err
    notes = [line for line in err.splitlines() if "spaces and line breaks alone" in line]
    assert len(notes) == 1 and notes[0].startswith(f"note: {src}: 1 line (1)"), err


def test_an_empty_text_in_a_jsonl_line_no_longer_refuses_the_whole_file(tmp_path, capsys):
    src = tmp_path / "lines.jsonl"
    src.write_text(json.dumps({"text": ""}) + "\n" + json.dumps({"text": REAL}) + "\n", encoding="utf-8")
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(src)]) == 0
    assert _texts(path) == [REAL], capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "prodigy"])
def test_a_file_of_blank_texts_alone_is_refused_saying_so(tmp_path, capsys, fmt):
    src = tmp_path / "lines.jsonl"
    src.write_text(json.dumps(_lines(fmt, "  ")[0]) + "\n", encoding="utf-8")
    path = tmp_path / "p.annotator"
    main(["import", str(path), str(src), *([] if fmt == "jsonl" else ["-f", fmt])])
    err = capsys.readouterr().err
    assert "every text is spaces and line breaks alone" in err, err
    assert not path.exists() or _texts(path) == []
