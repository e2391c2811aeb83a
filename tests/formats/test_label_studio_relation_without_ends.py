"""A Label Studio task file a script wrote (a public literature-annotation pipeline's converter, read with the search
tool; our own task in its shape): ``labels`` regions under two tags, and ``relation`` results that name no regions
(no ``from_id``, ``to_id``: the label under ``value.labels``, the ends as texts in the result's ``meta``). Session 35
refused the whole file at the first such relation ("'from_id' and 'to_id' must be strings or numbers"), so none of
its regions came in. Now the regions are read and each such relation is said as left out, with its label; a
relation whose ends are given but are not ids is refused as before."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project
from format_helpers import labels_region

TITLE = "Gut bacteria and colitis"
ABSTRACT = (
    "Akkermansia muciniphila ameliorates colitis in mice. Fusobacterium nucleatum contributes to colorectal cancer."
)
TEXT = f"{TITLE}\n\n{ABSTRACT}"


def _region(rid, words, label, tag="label"):
    start = TEXT.index(words)
    return labels_region(rid, start, start + len(words), label, words, tag)


def _relation(rid, label, subject, obj):
    return {
        "value": {"labels": [label]},
        "id": rid,
        "from_name": "relation",
        "to_name": "text",
        "type": "relation",
        "meta": {"subject": subject, "object": obj, "evidence": ""},
    }


def _tasks(**relation_changes):
    results = [
        _region("entity_0", "Akkermansia muciniphila", "Bacteria"),
        _region("entity_1", "colitis in mice", "Disease"),
        _region("entity_2", "Fusobacterium nucleatum", "Bacteria"),
        _region("evidence_0", "Akkermansia muciniphila ameliorates colitis in mice.", "Evidence", "evidence_label"),
        {**_relation("relation_0", "ameliorates", "Akkermansia muciniphila", "colitis in mice"), **relation_changes},
        _relation("relation_1", "contributes_to", "Fusobacterium nucleatum", "colorectal cancer"),
    ]
    annotation = {
        "id": 0,
        "created_username": "llm_annotator",
        "created_ago": "0 minutes",
        "task": 0,
        "result": results,
    }
    data = {"text": TEXT, "pmid": "12345", "title": TITLE, "abstract": ABSTRACT}
    return [{"id": 0, "data": data, "annotations": [annotation]}]


def test_relations_that_name_no_regions_are_said_and_the_regions_read(tmp_path, capsys):
    given = tmp_path / "tasks.json"
    given.write_text(json.dumps(_tasks(), indent=2), encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    with Project(project, annotator="t") as p:
        (doc,) = p.document_ids()
        got = sorted((TEXT[e.start : e.end], e.label) for e in p.entities(doc))
    assert got == [
        ("Akkermansia muciniphila", "Bacteria"),
        ("Akkermansia muciniphila ameliorates colitis in mice.", "Evidence"),
        ("Fusobacterium nucleatum", "Bacteria"),
        ("colitis in mice", "Disease"),
    ]
    lines = [w for w in said["not_kept"] if "names no regions" in w]
    assert len(lines) == 2 and "ameliorates" in lines[0] and "contributes_to" in lines[1]


def test_a_relation_whose_ends_are_not_ids_is_still_refused(tmp_path, capsys):
    given = tmp_path / "tasks.json"
    given.write_text(json.dumps(_tasks(from_id={"id": "entity_0"}, to_id="entity_1")), encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(given)]) != 0
    assert "'from_id' and 'to_id' must be strings or numbers" in capsys.readouterr().err
