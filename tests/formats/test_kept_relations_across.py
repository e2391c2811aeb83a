"""Relations between entities go to every export that has a place for them, whichever import kept them
(``kept_relations``): a Prodigy ``rel.manual`` dataset's (``relations`` with ``head_span``/``child_span``) went out
by the Prodigy export alone, so its doccano, Label Studio and WebAnno TSV files had none; a doccano, Label Studio or
WebAnno TSV file's went to no Prodigy file. A relation given under two keys (a doccano file read back from our Prodigy
export) goes out once. The fixtures are our own, in each tool's shape."""

from __future__ import annotations

import json

from annotator.cli import main

TEXT = "Ahmad Shah met Karzai in Kabul."
WORDS = [("Ahmad", 0), ("Shah", 6), ("met", 11), ("Karzai", 15), ("in", 22), ("Kabul", 25), (".", 30)]


def _span(start: int, end: int, first: int, last: int, label: str | None) -> dict[str, object]:
    return {"start": start, "end": end, "token_start": first, "token_end": last, "label": label}


def _prodigy_answer() -> dict[str, object]:
    """A rel.manual answer: two relations between spans, one from words that are no span (``label`` null)."""
    tokens = [
        {"text": w, "start": s, "end": s + len(w), "id": i, "ws": w != "Kabul" and w != "."}
        for i, (w, s) in enumerate(WORDS)
    ]
    ahmad, karzai, kabul = _span(0, 10, 0, 1, "PERSON"), _span(15, 21, 3, 3, "PERSON"), _span(25, 30, 5, 5, "GPE")
    rel = [
        {"head": 1, "child": 3, "head_span": ahmad, "child_span": karzai, "label": "MEETS"},
        {"head": 3, "child": 5, "head_span": karzai, "child_span": kabul, "label": "LOCATED"},
        {"head": 2, "child": 5, "head_span": _span(11, 14, 2, 2, None), "child_span": kabul, "label": "WHERE"},
    ]
    return {"text": TEXT, "tokens": tokens, "spans": [ahmad, karzai, kabul], "relations": rel, "answer": "accept",
            "_view_id": "relations", "_input_hash": 101, "_task_hash": 201}  # fmt: skip


def _project(tmp_path, source: str, line: dict[str, object]):  # type: ignore[no-untyped-def]
    f, p = tmp_path / source, tmp_path / "p.annotator"
    f.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["import", str(p), str(f)]) == 0
    return p


def _export(p, fmt: str, out):  # type: ignore[no-untyped-def]
    assert main(["export", str(p), "-f", fmt, "-o", str(out)]) == 0
    return out


def test_a_prodigy_datasets_relations_go_to_doccano_label_studio_and_webanno(tmp_path, capsys):
    p = _project(tmp_path, "answers.jsonl", _prodigy_answer())
    capsys.readouterr()
    (line,) = [json.loads(x) for x in _export(p, "doccano", tmp_path / "d.jsonl").read_text("utf-8").splitlines()]
    label = {e["id"]: TEXT[e["start_offset"] : e["end_offset"]] for e in line["entities"]}
    got = sorted((label[r["from_id"]], r["type"], label[r["to_id"]]) for r in line["relations"])
    assert got == [("Ahmad Shah", "MEETS", "Karzai"), ("Karzai", "LOCATED", "Kabul")]
    assert "1 relation from words that are no entity left out" in capsys.readouterr().out  # said in the summary

    (task,) = json.loads(_export(p, "label_studio", tmp_path / "ls.json").read_text("utf-8"))
    result = task["annotations"][0]["result"]
    text = {r["id"]: r["value"]["text"] for r in result if r["type"] == "labels"}
    rels = sorted((text[r["from_id"]], r["labels"][0], text[r["to_id"]]) for r in result if r["type"] == "relation")
    assert rels == [("Ahmad Shah", "MEETS", "Karzai"), ("Karzai", "LOCATED", "Kabul")]

    tsv = next((_export(p, "webanno", tmp_path / "w")).glob("*.tsv")).read_text("utf-8")
    assert "MEETS" in tsv and "LOCATED" in tsv


def test_a_doccano_files_relations_go_to_the_prodigy_export_and_back_once(tmp_path):
    doccano = {
        "id": 7,
        "text": TEXT,
        "entities": [
            {"id": 12, "label": "PERSON", "start_offset": 0, "end_offset": 10},
            {"id": 13, "label": "GPE", "start_offset": 25, "end_offset": 30},
        ],
        "relations": [{"id": 3, "from_id": 12, "to_id": 13, "type": "based_in"}],
        "Comments": [],
    }
    p = _project(tmp_path, "d.jsonl", doccano)
    (task,) = [json.loads(x) for x in _export(p, "prodigy", tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    assert [(r["head_span"]["start"], r["label"], r["child_span"]["start"]) for r in task["relations"]] == [
        (0, "based_in", 25)
    ]
    q = tmp_path / "q.annotator"  # the Prodigy file into a new project, out to doccano again: the relation once
    assert main(["import", str(q), str(tmp_path / "a.jsonl")]) == 0
    (line,) = [json.loads(x) for x in _export(q, "doccano", tmp_path / "d2.jsonl").read_text("utf-8").splitlines()]
    assert [r["type"] for r in line["relations"]] == ["based_in"]


def test_a_label_studio_relation_without_a_label_is_left_out_of_the_prodigy_file_said_and_comes_back(tmp_path, capsys):
    # Label Studio draws relations without a label (no <Relations> labels in the config): the Prodigy export wrote
    # "label": null, which Prodigy's rel.manual never writes and our own Prodigy import refused ("relation 1 needs a
    # label"), so the whole file could not be read back; doccano's and brat's exports left it out and said so
    def region(rid: str, start: int, end: int, label: str) -> dict[str, object]:
        value = {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}
        return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}

    result = [
        region("a", 0, 10, "PERSON"),
        region("k", 15, 21, "PERSON"),
        region("c", 25, 30, "GPE"),
        {"from_id": "a", "to_id": "k", "type": "relation", "direction": "right", "labels": ["MEETS"]},
        {"from_id": "k", "to_id": "c", "type": "relation", "direction": "right"},
    ]
    src, p = tmp_path / "tasks.json", tmp_path / "p.annotator"
    src.write_text(json.dumps([{"id": 5, "data": {"text": TEXT}, "annotations": [{"result": result}]}]), "utf-8")
    assert main(["import", str(p), str(src)]) == 0
    capsys.readouterr()
    (task,) = [json.loads(x) for x in _export(p, "prodigy", tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    assert [(r["head_span"]["start"], r["label"], r["child_span"]["start"]) for r in task["relations"]] == [
        (0, "MEETS", 15)
    ]
    assert "1 relation without a label left out (a Prodigy relation needs a label" in capsys.readouterr().out
    q = (
        tmp_path / "q.annotator"
    )  # the Prodigy file reads back, and the task's meta brings the other one to Label Studio
    assert main(["import", str(q), str(tmp_path / "a.jsonl")]) == 0
    (back,) = json.loads(_export(q, "label_studio", tmp_path / "ls.json").read_text("utf-8"))
    rels = [r for r in back["annotations"][0]["result"] if r["type"] == "relation"]
    assert sorted(str(r.get("labels")) for r in rels) == ["None", "['MEETS']"]
