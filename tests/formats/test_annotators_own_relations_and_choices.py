"""A Label Studio export of a task two annotators did (our own, in the shape of Label Studio's JSON export: per-annotator
``annotations`` with ``completed_by``, one marked ``ground_truth``, each with ``labels`` regions, a ``relation`` and a
text ``choices``, and a model's ``predictions``). Each annotator's regions come into a set of her own, but her relations
between entities and her choices of the text were dropped without a word where her set is not the import's (the
document keeps one meta, the import's set's): the Label Studio export wrote the import's set's choice for every
annotator and no relation for the annotator who drew one, though the import said "1 relation between entities kept
for the exports that write them". Session 38 (s38-real)."""

from __future__ import annotations

import json

from annotator import api
from format_helpers import labels_region


def _region(rid: str, start: int, end: int, text: str, label: str) -> dict:
    return labels_region(rid, start, end, label, text, origin="manual")


def _choice(rid: str, choice: str) -> dict:
    return {"value": {"choices": [choice]}, "id": rid, "from_name": "topic", "to_name": "text", "type": "choices"}


TASK = {
    "id": 1,
    "data": {"text": "Barack Obama visited Paris yesterday."},
    "annotations": [
        {
            "id": 10,
            "completed_by": 1,
            "was_cancelled": False,
            "ground_truth": False,
            "result": [
                _region("a1", 0, 12, "Barack Obama", "PER"),
                _region("a2", 21, 26, "Paris", "LOC"),
                {"from_id": "a1", "to_id": "a2", "type": "relation", "direction": "right", "labels": ["visited"]},
                _choice("c1", "Politics"),
                {  # a choice on her region (Label Studio's per-region choices)
                    "value": {"start": 21, "end": 26, "text": "Paris", "choices": ["Capital"]},
                    "id": "a2",
                    "from_name": "kind",
                    "to_name": "text",
                    "type": "choices",
                },
            ],
        },
        {
            "id": 11,
            "completed_by": 2,
            "was_cancelled": False,
            "ground_truth": True,
            "result": [_region("b1", 0, 12, "Barack Obama", "PER"), _choice("c2", "Travel")],
        },
    ],
    "predictions": [{"model_version": "ner-v1", "result": [_region("p1", 21, 26, "Paris", "GPE")]}],
}


def _by_annotator(path) -> dict:
    (task,) = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for a in task["annotations"]:
        relations = [(r["from_id"], r["to_id"], r["labels"]) for r in a["result"] if r["type"] == "relation"]
        texts = {r["id"]: r["value"]["text"] for r in a["result"] if r["type"] == "labels"}
        out[a.get("completed_by")] = (
            sorted(
                c
                for r in a["result"]
                if r["type"] == "choices" and "start" not in r["value"]
                for c in r["value"]["choices"]
            ),
            [(texts[f], texts[t], labels) for f, t, labels in relations],
            sorted(
                (r["value"]["text"], *r["value"]["choices"])
                for r in a["result"]
                if r["type"] == "choices" and "start" in r["value"]
            ),
        )
    return out


def test_each_annotators_relations_and_choices_go_back_out_as_hers(tmp_path):
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([TASK]), encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src])
    api.export(project, tmp_path / "out.json", format="label_studio")
    got = _by_annotator(tmp_path / "out.json")
    assert got[1] == (["Politics"], [("Barack Obama", "Paris", ["visited"])], [("Paris", "Capital")])
    assert got[2] == (["Travel"], [], [])
    assert got[None] == (["Travel"], [], [])  # the import's set: the ground truth's
    again = api.new_project(tmp_path / "q.annotator")  # read back: the same again
    api.import_files(again, [tmp_path / "out.json"])
    api.export(again, tmp_path / "again.json", format="label_studio")
    assert _by_annotator(tmp_path / "again.json") == got


def _prodigy_answer(who: str, relation: bool) -> dict:
    words = [("Barack", 0, 6, True), ("Obama", 7, 12, True), ("visited", 13, 20, True), ("Paris", 21, 26, False)]
    tokens = [
        {"text": t, "start": s, "end": e, "id": i, "ws": w}
        for i, (t, s, e, w) in enumerate(words + [(".", 26, 27, False)])
    ]
    per = {"start": 0, "end": 12, "token_start": 0, "token_end": 1, "label": "PERSON"}
    gpe = {"start": 21, "end": 26, "token_start": 3, "token_end": 3, "label": "GPE"}
    rel = {"head": 1, "child": 3, "head_span": per, "child_span": gpe, "label": "VISITED"}
    return {
        "text": "Barack Obama visited Paris.",
        "tokens": tokens,
        "spans": [per, gpe],
        "relations": [rel] if relation else [],
        "_view_id": "relations",
        "answer": "accept",
        "_input_hash": 11,
        "_task_hash": 22,
        "_annotator_id": f"news-{who}",
        "_session_id": f"news-{who}",
    }


def _choice_answer(who: str, choice: str) -> dict:
    options = [{"id": "BUSINESS", "text": "BUSINESS"}, {"id": "POLITICS", "text": "POLITICS"}]
    return {
        "text": "Stocks fell sharply today.",
        "options": options,
        "accept": [choice],
        "_view_id": "choice",
        "answer": "accept",
        "_input_hash": 33,
        "_task_hash": 44,
        "_annotator_id": f"news-{who}",
        "_session_id": f"news-{who}",
    }


def test_each_prodigy_annotators_relations_and_choices_are_hers_in_every_sets_export(tmp_path):
    """A Prodigy dataset's rel.manual and textcat answers of two annotators (``_annotator_id``): the Prodigy export of
    either's set wrote the first annotator's relation and category for both (bob drew no relation and chose POLITICS)."""
    answers = [_prodigy_answer("alice", True), _prodigy_answer("bob", False)]
    answers += [_choice_answer("alice", "BUSINESS"), _choice_answer("bob", "POLITICS")]
    src = tmp_path / "answers.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in answers), encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src])
    for exported in ("news-alice", "news-bob"):
        out = tmp_path / f"{exported}.jsonl"
        api.export(project, out, format="prodigy", annotation_set=exported)
        tasks = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        got = {
            (t["_annotator_id"], t["text"][:6]): ([r["label"] for r in t.get("relations", [])], t.get("accept"))
            for t in tasks
            if t.get("_annotator_id")
        }
        assert got == {
            ("news-alice", "Barack"): (["VISITED"], None),
            ("news-bob", "Barack"): ([], None),
            ("news-alice", "Stocks"): ([], ["BUSINESS"]),
            ("news-bob", "Stocks"): ([], ["POLITICS"]),
        }, exported
