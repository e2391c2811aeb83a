"""Label Studio's Paragraphs tag (a dialogue: ``data`` holds a list of ``{"author", "text"}``, a ``paragraphlabels``
result places its span by paragraph index, as text, and offset in it), as Label Studio's own front-end tests, its SDK's
tests and public corpora of transcripts write them: such a task was refused ("has no text under 'dialogue'"). Our own
tasks, in that shape."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project
from format_helpers import paragraph_result


def _task(second: str, start: int, end: int) -> list[dict]:
    dialogue = [{"author": "Mia:", "text": "Don't you hate that?"}, {"author": "Vincent:", "text": second}]
    results = [paragraph_result("a1", 0, 0, 5, "Don't", "NEG"), paragraph_result("a2", 1, start, end, "Obama", "PER")]
    return [{"id": 3, "data": {"dialogue": dialogue}, "annotations": [{"id": 9, "result": results}]}]


def _entities(project) -> tuple[str, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    with Project(project, create=False) as p:
        (d,) = p.document_ids()
        text = p.document(d).text
        return text, sorted((text[e.start : e.end], e.label) for e in p.entities(d))


def test_a_dialogue_comes_in_as_its_paragraphs_and_goes_back_as_it_came(tmp_path):
    source = tmp_path / "dialogue.json"
    source.write_text(json.dumps(_task("Hate what? Obama in Kabul.", 11, 16)), encoding="utf-8")
    p, p2 = tmp_path / "p.annotator", tmp_path / "p2.annotator"
    out, again = tmp_path / "out.json", tmp_path / "again.json"
    assert main(["import", str(p), str(source)]) == 0
    text, spans = _entities(p)
    assert text == "Don't you hate that?\nHate what? Obama in Kabul."
    assert spans == [("Don't", "NEG"), ("Obama", "PERSON")]
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    assert task["data"]["dialogue"] == _task("Hate what? Obama in Kabul.", 11, 16)[0]["data"]["dialogue"]
    (annotation,) = task["annotations"]
    got = sorted(
        (r["value"]["start"], r["value"]["startOffset"], r["value"]["endOffset"], r["value"]["paragraphlabels"])
        for r in annotation["result"]
    )
    assert got == [("0", 0, 5, ["NEG"]), ("1", 11, 16, ["PER"])]  # PER as the task spelt it
    assert all(r["type"] == "paragraphlabels" and r["to_name"] == "dialogue" for r in annotation["result"])
    assert main(["import", str(p2), str(out)]) == 0
    assert main(["export", str(p2), "-f", "label_studio", "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_offsets_counted_in_utf16_units_within_a_paragraph(tmp_path):
    """An emoji before the span: Label Studio counts UTF-16 units in the paragraph (14-19 for 'Obama')."""
    source = tmp_path / "dialogue.json"
    source.write_text(json.dumps(_task("Hate what? 🙂 Obama in Kabul.", 14, 19)), encoding="utf-8")
    p, out = tmp_path / "p.annotator", tmp_path / "out.json"
    assert main(["import", str(p), str(source)]) == 0
    assert _entities(p)[1] == [("Don't", "NEG"), ("Obama", "PERSON")]
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    obama = next(r["value"] for r in task["annotations"][0]["result"] if r["value"]["text"] == "Obama")
    assert (obama["startOffset"], obama["endOffset"]) == (14, 19)


def test_a_span_in_a_paragraph_the_task_lacks_is_refused_with_its_place(tmp_path, capsys):
    task = _task("Hate what? Obama in Kabul.", 11, 16)
    task[0]["annotations"][0]["result"][1]["value"].update(start="7", end="7")
    source = tmp_path / "dialogue.json"
    source.write_text(json.dumps(task), encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(source)]) == 1
    said = capsys.readouterr().err
    assert "result 'a2' (paragraphlabels) is placed at paragraphs '7'-'7'" in said, said
    assert "the task has 2 paragraphs under 'dialogue'" in said, said
