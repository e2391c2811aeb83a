"""Relation types brat cannot store as they are: Label Studio's Relation Extraction template names them TACRED's way
(``org:founded_by``), and brat keeps ``[A-Za-z0-9_-]`` alone, so the brat export writes ``org_founded_by``. Session 30:
read back, the relation was ``org_founded_by`` in every export after (Label Studio's, doccano's), the name lost; now
visual.conf gives it back (``org_founded_by | org:founded_by``), as it does for labels and event types. Our own task."""

from __future__ import annotations

import json

from annotator.cli import main
from format_helpers import labels_region

TEXT = "Ahmad Shah founded Acme Corp in Kabul."


def _region(rid: str, start: int, end: int, label: str) -> dict[str, object]:
    return labels_region(rid, start, end, label, TEXT[start:end])


def _relations(path) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    (task,) = json.loads(path.read_text("utf-8"))
    result = task["annotations"][0]["result"]
    text = {r["id"]: r["value"]["text"] for r in result if r["type"] == "labels"}
    return sorted((text[r["from_id"]], r["labels"][0], text[r["to_id"]]) for r in result if r["type"] == "relation")


def test_a_relation_type_brat_cannot_store_comes_back_by_its_name(tmp_path):
    result = [
        _region("a", 0, 10, "PERSON"),
        _region("o", 19, 28, "ORG"),
        _region("k", 32, 37, "GPE"),
        {"from_id": "o", "to_id": "a", "type": "relation", "direction": "right", "labels": ["org:founded_by"]},
        {"from_id": "a", "to_id": "k", "type": "relation", "direction": "right", "labels": ["per:city of residence"]},
    ]
    src, p, q = tmp_path / "tasks.json", tmp_path / "p.annotator", tmp_path / "q.annotator"
    src.write_text(json.dumps([{"id": 3, "data": {"text": TEXT}, "annotations": [{"result": result}]}]), "utf-8")
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "brat", "-o", str(tmp_path / "b")]) == 0
    ann = (tmp_path / "b" / "task_3.ann").read_text("utf-8")
    assert "\torg_founded_by Arg1:" in ann and "\tper_cityU0020ofU0020residence Arg1:" in ann  # as brat stores them
    assert main(["import", str(q), str(tmp_path / "b")]) == 0
    assert main(["export", str(q), "-f", "label_studio", "-o", str(tmp_path / "back.json")]) == 0
    assert _relations(tmp_path / "back.json") == [
        ("Acme Corp", "org:founded_by", "Ahmad Shah"),
        ("Ahmad Shah", "per:city of residence", "Kabul"),
    ]
    assert main(["export", str(q), "-f", "brat", "-o", str(tmp_path / "b2")]) == 0  # brat out again: the same files
    for name in ("task_3.ann", "annotation.conf", "visual.conf"):
        assert (tmp_path / "b2" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
