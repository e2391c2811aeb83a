"""Session 28: Prodigy, doccano and Label Studio files whose offsets count in UTF-16 units (a browser tool's: an
emoji is two) were read span by span. A span whose text fits both ways (the first 'ha' of '😀😀😀 ha ha' at 7-9 in
UTF-16 units, the second 'ha' at 7-9 in code points) took the code points, landing on the wrong word, though the
task's other spans fit only as UTF-16 units. Now a task's spans are read one way (``utf16_spans.task_reads_utf16``).
And a Prodigy file said "offsets read as UTF-16 units" once a span, a doccano file once a line: now once a file, as
Label Studio's since session 27."""

from __future__ import annotations

import json

from annotator.formats.doccano import read_doccano
from annotator.formats.label_studio import read_label_studio
from annotator.formats.prodigy import read_prodigy
from annotator.formats.utf16_spans import task_reads_utf16, utf16_said_once

TEXT = "😀😀😀 ha ha, Boris Johnson said."
SECOND = "🙂 Angela Merkel met 🙂 Emmanuel Macron."


def _u16(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(words, at + 1)
    before = len(text[:at].encode("utf-16-le")) // 2
    return before, before + len(words.encode("utf-16-le")) // 2


def _spans(text: str, wanted: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    return [(*_u16(text, words), label, words) for words, label in wanted]


TASKS = [
    (TEXT, _spans(TEXT, [("ha", "ORG"), ("Boris Johnson", "PERSON")])),
    (SECOND, _spans(SECOND, [("Angela Merkel", "PERSON"), ("Emmanuel Macron", "PERSON")])),
]
EXPECTED = {
    TEXT: [(4, 6, "ha"), (11, 24, "Boris Johnson")],
    SECOND: [(2, 15, "Angela Merkel"), (22, 37, "Emmanuel Macron")],
}


def _placed(result) -> dict[str, list[tuple[int, int, str]]]:
    return {d.text: sorted((e.start, e.end, d.text[e.start : e.end]) for e in d.entities) for d in result.documents}


def _said(result) -> list[str]:
    return [n for n in result.notes if "UTF-16" in n]


def test_the_ambiguous_span_is_read_as_its_task_s_others():
    assert _u16(TEXT, "ha") == (7, 9) and TEXT[7:9] == "ha"  # the fixture: its UTF-16 offsets fit as code points too
    assert task_reads_utf16(TEXT, [(7, 9, "ha"), (*_u16(TEXT, "Boris Johnson"), "Boris Johnson")])
    assert not task_reads_utf16(TEXT, [(7, 9, "ha")])  # alone it says nothing: code points
    assert not task_reads_utf16(TEXT, [(7, 9, "ha"), (11, 24, "Boris Johnson")])  # one fits only as code points


def test_prodigy_reads_a_task_one_way_and_says_it_once(tmp_path):
    path = tmp_path / "answers.jsonl"
    lines = [
        {
            "text": text,
            "spans": [{"start": s, "end": e, "label": lab, "text": w} for s, e, lab, w in spans],
            "answer": "accept",
        }
        for text, spans in TASKS
    ]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    result = read_prodigy(path)
    assert _placed(result) == EXPECTED
    assert _said(result) == [
        f"{path}: offsets read as UTF-16 units (the spans' texts fit them that way) in 4 spans of 2 tasks (lines 1, 2)"
    ]


def test_doccano_reads_a_line_one_way_and_says_it_once(tmp_path):
    path = tmp_path / "doccano.jsonl"
    lines = [{"text": text, "label": [[s, e, lab, w] for s, e, lab, w in spans]} for text, spans in TASKS]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    result = read_doccano(path)
    assert _placed(result) == EXPECTED
    assert _said(result) == [
        f"{path}: offsets read as UTF-16 units (the spans' texts fit them that way) in 2 lines (lines 1, 2)"
    ]


def test_label_studio_reads_a_task_one_way(tmp_path):
    path = tmp_path / "ls.json"
    tasks = [
        {
            "data": {"text": text},
            "annotations": [
                {
                    "result": [
                        {
                            "id": f"r{k}",
                            "from_name": "label",
                            "to_name": "text",
                            "type": "labels",
                            "value": {"start": s, "end": e, "text": w, "labels": [lab]},
                        }
                        for k, (s, e, lab, w) in enumerate(spans)
                    ]
                }
            ],
        }
        for text, spans in TASKS
    ]
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    result = read_label_studio(path)
    assert _placed(result) == EXPECTED
    assert len(_said(result)) == 1 and "in 4 results of 2 tasks" in _said(result)[0]


def test_one_note_stays_as_it_was_and_others_keep_their_place():
    notes = ["f:1: something else", "f:1: span 0 offsets read as UTF-16 units", "f:2: more"]
    assert utf16_said_once("f", notes, "span") == notes
    notes.insert(2, "f:3: span 2 offsets read as UTF-16 units")
    assert utf16_said_once("f", notes, "span", why="why") == [
        "f:1: something else",
        "f: offsets read as UTF-16 units (why) in 2 spans of 2 tasks (lines 1, 3)",
        "f:2: more",
    ]
