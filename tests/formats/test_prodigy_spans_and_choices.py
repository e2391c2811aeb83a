"""A Prodigy answer of a ``blocks`` interface that asks for spans and a choice about the text at once (the shape of
explosion/prodigy-recipes' ``tutorials/span-and-textcat``: ``spans_manual`` and ``choice`` blocks, ``_view_id:
"blocks"``, the chosen ids in ``accept``): the choice is the text's categories. Session 36: with spans beside it, the
choice was read as the spans' entity link ("'greet', 'purchase' chosen for size [13, 18) ... (an entity link)"), so the
app showed no category, and a link of one id went out as each span's knowledge-base id. Our own answers in that
shape."""

from __future__ import annotations

import orjson

from annotator import api
from annotator.categories import document_categories

OPTIONS = [{"id": x, "text": x} for x in ("greet", "inform", "purchase", "confirm")]


def _task(text: str, spans: list[tuple[int, int, str]], chosen: list[str], hash_: int) -> dict:
    return {
        "text": text,
        "options": OPTIONS,
        "_input_hash": hash_,
        "_task_hash": hash_ + 1,
        "_view_id": "blocks",
        "spans": [{"start": s, "end": e, "label": label} for s, e, label in spans],
        "accept": chosen,
        "config": {"choice_style": "multiple"},
        "answer": "accept",
    }


TASKS = [
    _task("hi, I want a large pepperoni pizza", [(13, 18, "size"), (19, 28, "topping")], ["greet", "purchase"], 10),
    _task("the small one please", [(4, 9, "size")], ["inform"], 20),
]


def test_a_blocks_answer_s_choice_is_the_text_s_categories_and_goes_back(tmp_path):
    src = tmp_path / "bot.jsonl"
    src.write_bytes(b"".join(orjson.dumps(t) + b"\n" for t in TASKS))
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src])
    assert not [n for n in report.notes if "entity link" in n], report.notes
    first, second = project.document_ids()
    assert document_categories(project.document(first).meta) == ["greet", "purchase"]
    assert document_categories(project.document(second).meta) == ["inform"]
    assert len(project.entities(first)) == 2 and len(project.entities(second)) == 1
    api.export(project, tmp_path / "out.jsonl", format="prodigy")
    out = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert [(t["accept"], t["_view_id"], len(t["spans"])) for t in out] == [
        (["greet", "purchase"], "blocks", 2),
        (["inform"], "blocks", 1),
    ]
    assert all(t["options"] == OPTIONS for t in out)
    api.export(project, tmp_path / "brat", format="brat")  # a category is no entity's link
    assert not [x for ann in (tmp_path / "brat").glob("*.ann") for x in ann.read_text().splitlines() if x[0] == "N"]
    again = api.new_project(tmp_path / "q.annotator")
    api.import_files(again, [tmp_path / "out.jsonl"])
    assert [document_categories(again.document(d).meta) for d in again.document_ids()] == [
        ["greet", "purchase"],
        ["inform"],
    ]
