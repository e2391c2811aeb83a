"""A WebAnno / INCEpTION relation to one of two stacked spans alike in label and place (``PER[1]|LOC[2]|PER[3]``, as
INCEpTION's ``relStackedTest`` holds them once a second feature is gone) went back out on the first (``1-1[1_0]``):
the kept relation names its ends by span and label alone. The import keeps which of them it was (``stacked``) and the
export writes the relation from that one again, also after the project's JSON (our own file in that shape)."""

from __future__ import annotations

from pathlib import Path

import orjson

from project_support import new_project
from annotator.formats import writers
from annotator.formats.loading import import_format, import_paths

NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
TSV = "\n".join(
    [
        "#FORMAT=WebAnno TSV 3.3",
        f"#T_SP={NE}|value",
        f"#T_RL=webanno.custom.Relation|label|BT_{NE}",
        "",
        "",
        "#Text=Ada met Bo .",
        "1-1\t0-3\tAda\tPER[1]|LOC[2]|PER[3]\t_\t_\t",
        "1-2\t4-7\tmet\t_\t_\t_\t",
        "1-3\t8-10\tBo\tPER\tknows\t1-1[3_0]\t",
        "1-4\t11-12\t.\t_\t_\t_\t",
        "",
    ]
)


def relation_rows(path: Path) -> list[str]:
    return [
        line.split("\t", 3)[2] + " " + " ".join(c for c in line.split("\t")[3:] if c not in ("_", ""))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line[:1].isdigit()
    ]


def test_a_relation_from_the_second_of_two_stacked_spans_goes_back_from_it(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "s.tsv").write_text(TSV, encoding="utf-8")
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [tmp_path / "in" / "s.tsv"])
    (doc_id,) = project.document_ids()
    (rel,) = project.document(doc_id).meta["webanno"]["relations"]
    assert rel["stacked"] == [1, 0]  # the second PERSON at 0-3 (LOC between them is another label)
    writers()["webanno"](project, tmp_path / "out")
    written = relation_rows(tmp_path / "out" / "s.tsv")
    assert written == relation_rows(tmp_path / "in" / "s.tsv"), written  # 1-1[3_0], not 1-1[1_0]
    writers()["json"](project, tmp_path / "p.json")
    again = new_project(tmp_path / "q.annotator", annotator="t")
    import_paths(again, [tmp_path / "p.json"])
    writers()["webanno"](again, tmp_path / "out2")
    assert relation_rows(tmp_path / "out2" / "s.tsv") == written


def test_the_label_studio_and_doccano_exports_take_the_same_span(tmp_path):
    """They write the relations a WebAnno TSV import kept too: from the second PERSON region, not the first."""
    (tmp_path / "s.tsv").write_text(TSV, encoding="utf-8")
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [tmp_path / "s.tsv"])
    writers()["label_studio"](project, tmp_path / "ls.json")
    (task,) = orjson.loads((tmp_path / "ls.json").read_bytes())
    result = task["annotations"][0]["result"]
    people = [x["id"] for x in result if x.get("type") == "labels" and x["value"]["start"] == 0]
    labels = [x["value"]["labels"][0] for x in result if x.get("type") == "labels" and x["value"]["start"] == 0]
    (rel,) = [x for x in result if x.get("type") == "relation"]
    assert labels == ["PER", "LOC", "PER"] and rel["from_id"] == people[2], (people, rel)
    writers()["doccano"](project, tmp_path / "d.jsonl")
    (line,) = [orjson.loads(x) for x in (tmp_path / "d.jsonl").read_bytes().splitlines()]
    ids = [e["id"] for e in line["entities"] if e["start_offset"] == 0 and e["label"] != "LOC"]
    assert [r["from_id"] for r in line["relations"]] == [ids[1]]
