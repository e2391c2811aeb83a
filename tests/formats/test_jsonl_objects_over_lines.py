"""A ``.jsonl`` (or ``.json``) of documents written over several lines (``jq`` without ``-c``, ``json.dump`` with
``indent``), one object or several one after another: read whole, said in one note; a cut one refused with its line
and nothing stored (session 34: refused at line 1, "not valid JSON (unexpected end of data ...); is the line cut
short?", and a ``.json`` of one document "not an annotator JSON export")."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.store import Project

ONE = {"text": "Gunmen killed three soldiers near Kabul.", "spans": [{"start": 34, "end": 39, "label": "GPE"}]}
TWO = {"text": "Rebels attacked a convoy.", "spans": [{"start": 0, "end": 6, "label": "PERSON"}]}


def _import(tmp_path, capsys, name: str, body: str) -> tuple[int, dict]:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    code = main(["import", str(tmp_path / "p.annotator"), str(path), "--json"])
    return code, json.loads(capsys.readouterr().out)


def _stored(tmp_path) -> list[tuple[str, list[str]]]:
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        return [(p.document(d).text, [e.label for e in p.entities(d)]) for d in p.document_ids()]


@pytest.mark.parametrize("name", ["docs.jsonl", "docs.json"])
def test_objects_written_over_lines_one_after_another_are_each_a_document(tmp_path, capsys, name):
    body = json.dumps(ONE, indent=2) + "\n" + json.dumps(TWO, indent=4) + "\n"
    code, got = _import(tmp_path, capsys, name, body)
    assert code == 0, got
    assert _stored(tmp_path) == [(ONE["text"], ["GPE"]), (TWO["text"], ["PERSON"])]
    assert any("2 JSON objects written over several lines" in n for n in got["notes"]), got["notes"]


def test_one_object_over_lines_in_a_jsonl(tmp_path, capsys):
    code, got = _import(tmp_path, capsys, "one.jsonl", json.dumps(ONE, indent=2))
    assert code == 0, got
    assert _stored(tmp_path) == [(ONE["text"], ["GPE"])]
    assert [n for n in got["notes"] if "over several lines" in n] == [
        f"{tmp_path / 'one.jsonl'}: 1 JSON object written over several lines, not one a line as JSON lines are: "
        "read one after another"
    ]


def test_one_document_object_in_a_json_file(tmp_path, capsys):
    code, got = _import(tmp_path, capsys, "one.json", json.dumps(ONE, indent=2))
    assert code == 0, got
    assert _stored(tmp_path) == [(ONE["text"], ["GPE"])]


def test_a_cut_object_is_refused_with_its_line_and_nothing_stored(tmp_path, capsys):
    body = json.dumps(ONE, indent=2) + "\n" + json.dumps(TWO, indent=2)[:-20]
    code, got = _import(tmp_path, capsys, "cut.jsonl", body)
    assert code == 1
    (skipped,) = got["skipped"]
    assert (
        f"cut.jsonl:{body.count(chr(10)) + 1}:" in skipped["reason"]
        and "written over several lines is cut or damaged" in skipped["reason"]
    )
    assert got["imported"] == []


def test_json_lines_read_as_before_without_a_note(tmp_path, capsys):
    code, got = _import(tmp_path, capsys, "lines.jsonl", json.dumps(ONE) + "\n" + json.dumps(TWO) + "\n")
    assert code == 0 and len(got["imported"]) == 2
    assert not [n for n in got["notes"] if "over several lines" in n]
