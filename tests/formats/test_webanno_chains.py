"""WebAnno TSV coreference chains (``#T_CH``): kept as relations from each mention to the one before it, written back
as chains. The fixtures are our own, in the shape of INCEpTION's ``testSimpleChain`` and its user guide's chain
example (``VALUE->CHAIN-LINK`` in the referenceRelation column, ``TYPE[CHAIN]`` in the referenceType column)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from project_support import new_project
from annotator import edits
from annotator.errors import ImportFileError
from annotator.formats import writers
from annotator.formats.loading import import_format
from annotator.formats.webanno_read import read_webanno
from annotator.store import Project

NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
COREF = "de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink"
HEADER = [f"#T_SP={NE}|value", f"#T_CH={COREF}|referenceRelation|referenceType"]
BODY = [
    "#Text=Angela Merkel said she would visit Paris .",
    "1-1\t0-6\tAngela\tPER[1]\tanaphoric->1-1\tnam[1]\t",
    "1-2\t7-13\tMerkel\tPER[1]\tanaphoric->1-1\tnam[1]\t",
    "1-3\t14-18\tsaid\t_\t_\t_\t",
    "1-4\t19-22\tshe\t_\tanaphoric->1-2\tpro[1]\t",
    "1-5\t23-28\twould\t_\t_\t_\t",
    "1-6\t29-34\tvisit\t_\t_\t_\t",
    "1-7\t35-40\tParis\tLOC\t*->2-1\tnam[2]\t",
    "1-8\t41-42\t.\t_\t_\t_\t",
    "",
    "#Text=The chancellor left .",
    "2-1\t43-46\tThe\t_\t*->1-3\tnom[1]\t",
    "2-2\t47-57\tchancellor\t_\t*->1-3\tnom[1]\t",
    "2-3\t58-62\tleft\t_\t_\t_\t",
    "2-4\t63-64\t.\t_\t_\t_\t",
]


def tsv(tmp_path: Path, name: str, header: list[str], body: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(["#FORMAT=WebAnno TSV 3.3", *header, "", "", *body, ""]), encoding="utf-8")
    return path


def chain_relations(project: Project, doc_id: int) -> list[tuple]:
    text = project.document(doc_id).text
    kept = project.document(doc_id).meta.get("webanno", {}).get("relations", [])
    return [
        (r["type"], text[r["from"][0] : r["from"][1]], text[r["to"][0] : r["to"][1]], r["features"])
        for r in kept
        if "chain" in r
    ]


def test_a_chain_comes_in_as_relations_from_each_mention_to_the_one_before(tmp_path):
    """Mentions on an entity's span are that entity (Angela Merkel, a multi-row link); the others come in as entities
    labelled with their type (she: pro); a chain of one mention keeps its entity and is reported."""
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "webanno", [tsv(tmp_path, "coref.tsv", HEADER, BODY)])
    (doc_id,) = project.document_ids()
    text = project.document(doc_id).text
    assert sorted((e.label, text[e.start : e.end]) for e in project.entities(doc_id)) == [
        ("LOC", "Paris"),
        ("PERSON", "Angela Merkel"),
        ("nom", "The chancellor"),
        ("pro", "she"),
    ]
    assert chain_relations(project, doc_id) == [
        (
            "Coreference",
            "she",
            "Angela Merkel",
            {"referenceRelation": "anaphoric", "referenceType": "pro", "previousReferenceType": "nam"},
        ),
        (
            "Coreference",
            "The chancellor",
            "she",
            {"referenceRelation": "anaphoric", "referenceType": "nom", "previousReferenceType": "pro"},
        ),
    ]
    assert project.schema.label("pro") is not None and project.schema.label("nom") is not None
    notes, said = " | ".join(report.notes), " | ".join(report.warnings)
    assert "2 coreference links kept as relations" in notes, notes
    assert "2 coreference mentions on no entity's span came in as entities" in notes, notes
    assert "chains of one mention" in said and "1-7 CoreferenceLink chain 2" in said, said
    assert "no place in the project" not in said


def test_chains_go_back_out_on_their_layer_and_come_back_the_same(tmp_path):
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [tsv(tmp_path, "coref.tsv", HEADER, BODY)])
    writers()["webanno"](project, tmp_path / "out")
    body = (tmp_path / "out" / "coref.tsv").read_text(encoding="utf-8")
    assert f"#T_CH={COREF}|referenceRelation|referenceType\n" in body, body
    events = "\t_" * 7  # the news schema's event layer's columns
    # a mention on no other span is written in its chain alone (session 33: it got a NamedEntity span "pro")
    assert f"\tshe\t_{events}\tanaphoric->1-2\tpro[1]\t" in body, body
    assert f"\tAngela\tPER[1]{events}\tanaphoric->1-1\tnam[1]\t" in body, body  # PER as the file spelt it
    assert f"\tchancellor\t_{events}\t*->1-3\tnom[1]\t" in body, body
    assert "\tParis\tLOC" + "\t_" * 9 + "\t\n" in body, body  # a chain of one mention: its entity alone
    again = new_project(tmp_path / "again.annotator", annotator="t")
    import_format(again, "webanno", [tmp_path / "out"])
    (a,), (b,) = project.document_ids(), again.document_ids()
    assert chain_relations(again, b) == chain_relations(project, a)
    writers()["webanno"](again, tmp_path / "out2")
    assert (tmp_path / "out2" / "coref.tsv").read_text(encoding="utf-8") == body
    writers()["doccano"](project, tmp_path / "d.jsonl")  # kept relations go to doccano too, typed Coreference
    line = json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8"))
    text, ents = line["text"], {e["id"]: e for e in line["entities"]}
    assert sorted(
        (text[ents[r["from_id"]]["start_offset"] : ents[r["from_id"]]["end_offset"]], r["type"])
        for r in line["relations"]
    ) == [("The chancellor", "Coreference"), ("she", "Coreference")]


def test_a_chain_whose_mention_is_not_exported_goes_out_in_the_pieces_left(tmp_path):
    """Exporting only accepted entities after she was rejected: the links to and from her are left out and said."""
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [tsv(tmp_path, "coref.tsv", HEADER, BODY)])
    (doc_id,) = project.document_ids()
    text = project.document(doc_id).text
    (she,) = [e for e in project.entities(doc_id) if text[e.start : e.end] == "she"]
    edits.reject_entity(project, she.id)
    report = writers()["webanno"](project, tmp_path / "out", states=("accepted", "added"))
    body = (tmp_path / "out" / "coref.tsv").read_text(encoding="utf-8")
    assert "->" not in body and "#T_CH" not in body, body
    assert "2 coreference links left out (a mention is gone)" in report.summary(), report.summary()


def test_a_chain_link_that_cannot_be_read_refuses_the_file_with_its_line(tmp_path):
    body = ["#Text=She left .", "1-1\t0-3\tShe\t_\tanaphoric-1-1\tpro[1]\t", "1-2\t4-8\tleft\t_\t_\t_\t"]
    with pytest.raises(ImportFileError, match=r"b.tsv:7: 'anaphoric-1-1' is not a chain link"):
        read_webanno(tsv(tmp_path, "b.tsv", HEADER, body))
    body[1] = "1-1\t0-3\tShe\t_\t*->1-1\tpro[1]|nam[2]\t"
    with pytest.raises(ImportFileError, match=r"b.tsv:7: .*2 referenceType values but 1 links on row 1-1"):
        read_webanno(tsv(tmp_path, "b.tsv", HEADER, body))


def test_a_chain_goes_out_to_dygiepp_as_a_cluster_and_comes_back(tmp_path):
    """WebAnno TSV's coreference chains were not written as DyGIE++'s ``clusters`` (it has a place for them): a
    WebAnno corpus with chains exported for DyGIE++'s coreference training lost them without a word."""
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [tsv(tmp_path, "coref.tsv", HEADER, BODY)])
    out = tmp_path / "out.jsonl"
    report = writers()["dygiepp"](project, out)
    assert "coreference" not in report.summary(), report.summary()
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    tokens = [t for s in line["sentences"] for t in s]
    clusters = [[" ".join(tokens[a : b + 1]) for a, b in c] for c in line["clusters"]]
    assert clusters == [["Angela Merkel", "she", "The chancellor"]]  # Paris's chain of one mention is none
    assert line["clusters"][0] == [[0, 1], [3, 3], [8, 9]]
    back = new_project(tmp_path / "back.annotator", annotator="t")
    got = import_format(back, "dygiepp", [out])
    assert any("1 coreference cluster kept for the export to DyGIE++" in n for n in got.notes), got.notes
    (doc_id,) = back.document_ids()
    text = back.document(doc_id).text
    assert [[text[s:e] for s, e in c] for c in back.document(doc_id).meta["dygiepp"]["clusters"]] == [
        ["Angela Merkel", "she", "The chancellor"]
    ]
    again = tmp_path / "again.jsonl"
    writers()["dygiepp"](back, again)
    assert json.loads(again.read_text(encoding="utf-8"))["clusters"] == line["clusters"]


def test_a_chain_mention_not_exported_is_said(tmp_path):
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [tsv(tmp_path, "coref.tsv", HEADER, BODY)])
    out = tmp_path / "out.jsonl"
    (doc_id,) = project.document_ids()
    (she,) = [e for e in project.entities(doc_id) if e.label == "pro"]
    edits.reject_entity(project, she.id)
    report = writers()["dygiepp"](project, out, states=("accepted", "added"))
    assert "2 coreference links left out (a mention is gone)" in report.summary(), report.summary()
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert "clusters" not in line  # what is left of the chain is one mention on each side of 'she': no cluster


def test_a_chain_goes_out_as_no_relation_between_entities(tmp_path):
    """A chain's links were written as ``Coreference`` relations too: DyGIE++'s ``relations`` beside its
    ``clusters`` (Merkel -> she, a relation a relation model would learn; the link across sentences "left out (ends in
    two sentences)"), OneIE's and WikiEvents' ``relation_mentions``. Now a chain is a cluster or nothing, said."""
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [tsv(tmp_path, "coref.tsv", HEADER, BODY)])
    report = writers()["dygiepp"](project, tmp_path / "d.jsonl")
    (line,) = [json.loads(x) for x in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert line["relations"] == [[], []]
    assert len(line["clusters"]) == 1
    assert "relation" not in report.summary(), report.summary()
    for fmt in ("oneie", "wikievents"):
        report = writers()[fmt](project, tmp_path / f"o.{fmt}")
        lines = [json.loads(x) for x in (tmp_path / f"o.{fmt}").read_text(encoding="utf-8").splitlines()]
        assert [r for x in lines for r in x["relation_mentions"]] == []
        said = "2 coreference links left out (no place for them: DyGIE++'s clusters and WebAnno TSV's chains hold them)"
        assert (said in report.summary()) == (fmt == "oneie"), report.summary()  # WikiEvents': gen-arg's coref file


def test_a_mention_on_no_other_span_goes_back_in_its_chain_alone_unless_a_person_changed_it(tmp_path):
    """Session 33 (s33-real), an INCEpTION project's coreference-only mentions (``pro``, ``nom`` on no NamedEntity):
    the round trip wrote each as a NamedEntity span too, annotations the file never had, which INCEpTION would show
    on its Named Entity layer. Written in the chain alone now; one a person relabelled is an entity of the project's
    own and goes out on the NamedEntity layer as any other."""
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [tsv(tmp_path, "coref.tsv", HEADER, BODY)])
    writers()["webanno"](project, tmp_path / "out")
    rows = [
        r.split("\t") for r in (tmp_path / "out" / "coref.tsv").read_text(encoding="utf-8").splitlines() if "\t" in r
    ]
    named = {r[2]: r[3] for r in rows}
    assert named == {
        "Angela": "PER[1]",
        "Merkel": "PER[1]",
        "said": "_",
        "she": "_",
        "would": "_",
        "visit": "_",
        "Paris": "LOC",
        ".": "_",
        "The": "_",
        "chancellor": "_",
        "left": "_",
    }, named
    (doc_id,) = project.document_ids()
    text = project.document(doc_id).text
    (she,) = [e for e in project.entities(doc_id) if text[e.start : e.end] == "she"]
    edits.relabel_entity(project, she.id, "PERSON")
    writers()["webanno"](project, tmp_path / "out2")
    rows = [
        r.split("\t") for r in (tmp_path / "out2" / "coref.tsv").read_text(encoding="utf-8").splitlines() if "\t" in r
    ]
    assert {r[2]: r[3] for r in rows}["she"] == "PER", rows  # PERSON as the file spelt it
