"""A Label Studio task's per-region TextArea (a note on one span, ``perRegion``) goes back on its region: the import
keeps it as a comment "[on GPE 30-35] text", and the export wrote every comment into one TextArea of the whole text,
so the note was no longer on its span, and every note went out under the tag name ``comment`` (session 19, a task
with labels, a relation, choices and two TextAreas)."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main

TEXT = "Rebels attacked a convoy near Kabul \U0001f6a8 on Monday, police said."


def _at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


def _u16(i: int) -> int:
    return len(TEXT[:i].encode("utf-16-le")) // 2


def _task() -> list[dict]:
    def region(rid: str, word: str, label: str) -> dict:
        s, e = _at(word)
        value = {"start": _u16(s), "end": _u16(e), "text": word, "labels": [label]}
        return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}

    monday = _at("Monday")
    results = [
        region("a1", "Rebels", "ORG"),
        region("a2", "Kabul", "GPE"),
        region("a3", "Monday", "DATE"),
        {"from_id": "a1", "to_id": "a2", "type": "relation", "direction": "right", "labels": ["located_in"]},
        {"id": "c", "from_name": "tone", "to_name": "text", "type": "choices", "value": {"choices": ["Negative"]}},
        {"id": "n", "from_name": "notes", "to_name": "text", "type": "textarea", "value": {"text": ["check it"]}},
        {
            "id": "a3",
            "from_name": "remark",
            "to_name": "text",
            "type": "textarea",
            "value": {"start": _u16(monday[0]), "end": _u16(monday[1]), "text": ["the 4th, not the 11th"]},
        },
    ]
    return [{"id": 7, "data": {"text": TEXT}, "annotations": [{"id": 1, "result": results}]}]


def test_a_note_on_a_region_goes_back_on_its_region(tmp_path):
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps(_task()), encoding="utf-8")
    p, out = tmp_path / "p.annotator", tmp_path / "out.json"
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    results = task["annotations"][0]["result"]
    notes = [r for r in results if r["type"] == "textarea"]
    monday = next(r for r in results if r["type"] == "labels" and r["value"]["labels"] == ["DATE"])
    on_region = [r for r in notes if "start" in r["value"]]
    assert [(r["id"], r["value"]) for r in on_region] == [
        (
            monday["id"],
            {"start": _u16(_at("Monday")[0]), "end": _u16(_at("Monday")[1]), "text": ["the 4th, not the 11th"]},
        )
    ]
    assert [r["value"] for r in notes if "start" not in r["value"]] == [{"text": ["check it"]}]
    # each under the TextArea tag it came from (they went out as 'comment', a tag the project lacks)
    assert sorted(r["from_name"] for r in notes) == ["notes", "remark"]
    again = tmp_path / "again.json"  # and the file is stable through a second project
    assert main(["import", str(tmp_path / "q.annotator"), str(out)]) == 0
    assert main(["export", str(tmp_path / "q.annotator"), "-f", "label_studio", "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.slow  # four commands (~1 s)
def test_two_textarea_tags_of_one_kind_each_go_out_under_their_own_name(tmp_path):
    """A task with two TextArea tags of the whole text (``notes``, ``summary``) and two per region (``remark``,
    ``source``) sent all of a kind out under the first one's name: the second tag's notes came back in the first."""
    (task,) = _task()
    results = task["annotations"][0]["result"]
    kabul = _at("Kabul")
    results += [
        {"id": "s", "from_name": "summary", "to_name": "text", "type": "textarea", "value": {"text": ["an attack"]}},
        {
            "id": "a2",
            "from_name": "source",
            "to_name": "text",
            "type": "textarea",
            "value": {"start": _u16(kabul[0]), "end": _u16(kabul[1]), "text": ["Reuters"]},
        },
    ]
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([task]), encoding="utf-8")
    p, out = tmp_path / "p.annotator", tmp_path / "out.json"
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    (back,) = json.loads(out.read_text(encoding="utf-8"))
    notes = [r for r in back["annotations"][0]["result"] if r["type"] == "textarea"]
    assert sorted((r["from_name"], r["value"]["text"][0], "start" in r["value"]) for r in notes) == [
        ("notes", "check it", False),
        ("remark", "the 4th, not the 11th", True),
        ("source", "Reuters", True),
        ("summary", "an attack", False),
    ]
    assert len({r["id"] for r in notes if "start" not in r["value"]}) == 2  # two results of the whole text
    again = tmp_path / "again.json"  # the file is stable through a second project
    assert main(["import", str(tmp_path / "q.annotator"), str(out)]) == 0
    assert main(["export", str(tmp_path / "q.annotator"), "-f", "label_studio", "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()
