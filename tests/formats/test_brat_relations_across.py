"""A brat corpus's relations (BioNLP-ST 2011 REL's shape, nlplab/brat ``example-data/corpora/BioNLP-ST_2011/
BioNLP-ST_2011_REL``: ``R1  Protein-Component Arg1:T2 Arg2:T8``) were kept for the brat export alone: the Label Studio,
doccano, Prodigy and WebAnno TSV exports, which write relations between entities, wrote none of them (session 22 made
those four read each other's, not brat's). Those of two spans go out in each now, Arg1 the relation's first end; one
with an event argument stays brat's. Our own text, in its shape."""

from __future__ import annotations

import orjson
import pytest

from annotator import api
from annotator.formats.kept_relations import SHARED, kept_relations
from annotator.formats.meta_keys import PRODIGY

TEXT = "The fkhrl1 gene has an open reading frame (ORF) that codes for 180 amino acids.\n"
ANN = (
    "T1\tProtein 4 10\tfkhrl1\n"
    "T2\tEntity 23 41\topen reading frame\n"
    "T3\tEntity 43 46\tORF\n"
    "T4\tEntity 63 78\t180 amino acids\n"
    "R1\tProtein-Component Arg1:T1 Arg2:T2\n"
    "R2\tProtein-Component Arg1:T1 Arg2:T4\n"
)
CONF = (
    "[entities]\nProtein\nEntity\n[relations]\nProtein-Component\tArg1:Protein, Arg2:Entity\n[events]\n[attributes]\n"
)
WANT = {
    ("Protein-Component", (4, 10, "Protein"), (23, 41, "Entity")),
    ("Protein-Component", (4, 10, "Protein"), (63, 78, "Entity")),
}


def folder(tmp_path):  # type: ignore[no-untyped-def]
    src = tmp_path / "rel"
    src.mkdir()
    (src / "doc.txt").write_text(TEXT)
    (src / "doc.ann").write_text(ANN)
    (src / "annotation.conf").write_text(CONF)
    return src


def through(tmp_path, src, fmt, out):  # type: ignore[no-untyped-def]
    """The brat folder ``src`` imported, exported to ``fmt`` and that file imported into a second project: the export's
    report, the second project and the relations its document keeps (type, from, to)."""
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [src])
    report = api.export(first, tmp_path / out, fmt)
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / out], format=fmt)
    (doc,) = second.document_ids()
    got = {
        (r["type"], tuple(r["from"]), tuple(r["to"]))
        for _, r in kept_relations(second.document(doc).meta, (*SHARED, PRODIGY))
    }
    return report, second, got


def event_relation_folder(tmp_path):  # type: ignore[no-untyped-def]
    """The corpus with an event (``E1``) and a relation from it (``Cause Arg1:E1 Arg2:T3``), declared in its conf."""
    src = folder(tmp_path)
    (src / "doc.ann").write_text(
        ANN + "T5\tGene_expression 53 58\tcodes\nE1\tGene_expression:T5 Theme:T1\nR3\tCause Arg1:E1 Arg2:T3\n"
    )
    (src / "annotation.conf").write_text(
        CONF.replace("[events]\n", "[events]\nGene_expression\tTheme:Protein\n").replace(
            "[relations]\n", "[relations]\nCause\tArg1:Gene_expression, Arg2:Entity\n"
        )
    )
    return src


@pytest.mark.parametrize(
    "fmt, out", [("label_studio", "t.json"), ("doccano", "d.jsonl"), ("prodigy", "p.jsonl"), ("webanno", "w")]
)
def test_brat_relations_go_out_and_come_back(tmp_path, fmt, out):
    report, second, got = through(tmp_path, folder(tmp_path), fmt, out)
    assert "relations" not in report.summary() or "left out" not in report.summary(), report.summary()
    assert got == WANT


def test_a_relation_with_an_event_argument_stays_brats(tmp_path):
    src = event_relation_folder(tmp_path)
    project = api.new_project(tmp_path / "a.annotator")
    report = api.import_files(project, [src])
    assert not report.skipped, report.skipped
    api.export(project, tmp_path / "t.json", "label_studio")
    (task,) = orjson.loads((tmp_path / "t.json").read_bytes())
    labels = sorted(r["labels"][0] for r in task["annotations"][0]["result"] if r["type"] == "relation")
    assert labels == ["Protein-Component", "Protein-Component", "Theme"]  # Theme: the event's argument; Cause, from
    # the event, is brat's alone


def test_other_tools_relations_go_out_to_brat_with_their_types_declared(tmp_path):
    """The other way: a Label Studio task's relations (and doccano's, Prodigy's, WebAnno TSV's, kept alike) were left
    out of the brat export without a word; an ``R`` line each now, ``Arg1`` its first end, its type in the
    ``annotation.conf``, and the brat import reads them back."""
    regions = [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 4, "end": 10, "text": "fkhrl1", "labels": ["Protein"]}},
        {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 23, "end": 41, "text": "open reading frame", "labels": ["Entity"]}},
        {"from_id": "a", "to_id": "b", "type": "relation", "direction": "right", "labels": ["Protein-Component"]},
    ]  # fmt: skip
    src = tmp_path / "tasks.json"
    src.write_bytes(orjson.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": [{"result": regions}]}]))
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [src], format="label_studio")
    api.export(first, tmp_path / "out", "brat")
    (ann,) = (tmp_path / "out").glob("*.ann")
    assert "R1\tProtein-Component Arg1:T1 Arg2:T2" in ann.read_text().splitlines()
    assert "Protein-Component\tArg1:Protein, Arg2:Entity" in (tmp_path / "out" / "annotation.conf").read_text()
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "out"])
    (doc,) = second.document_ids()
    got = {
        (r["type"], tuple(r["from"]), tuple(r["to"])) for _, r in kept_relations(second.document(doc).meta, ("brat",))
    }
    assert got == {("Protein-Component", (4, 10, "Protein"), (23, 41, "Entity"))}


def test_a_relation_only_brat_holds_comes_back_through_label_studio(tmp_path):
    """The Label Studio export writes the relations of two spans as its own and carries the rest of brat's meta in the
    task's data: a relation with an event's end (``Cause Arg1:E1 Arg2:T3``) came back from it no more (the whole
    relation list was left out of the data). (Since session 25 the event comes back too, its type told from the task's
    record: ``test_event_types_through_regions``.)"""
    src = event_relation_folder(tmp_path)
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [src])
    api.export(first, tmp_path / "t.json", "label_studio")
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "t.json"], format="label_studio")
    (doc,) = second.document_ids()
    kept = second.document(doc).meta["brat"]["relations"]
    assert [r["type"] for r in kept] == ["Cause"]  # the two of two spans came back as Label Studio's, not twice


def test_the_doccano_line_carries_brats_relations_once(tmp_path):
    """The doccano export wrote a brat document's relations as the line's ``relations`` and again inside the ``brat``
    meta beside it (read back once, but twice in the file); those of two spans go out as the line's alone now."""
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [folder(tmp_path)])
    api.export(first, tmp_path / "d.jsonl", "doccano")
    (line,) = [orjson.loads(x) for x in (tmp_path / "d.jsonl").read_bytes().splitlines()]
    assert [r["type"] for r in line["relations"]] == ["Protein-Component", "Protein-Component"]
    assert "relations" not in line.get("brat", {}), line.get("brat")


@pytest.mark.parametrize("fmt, out", [("label_studio", "t.json"), ("doccano", "d.jsonl"), ("prodigy", "p.jsonl")])
def test_a_brat_relations_own_roles_come_back_through_another_tool(tmp_path, fmt, out):
    """A brat relation with roles of its own (``Coreference Anaphor:T3 Antecedent:T2``, brat's coreference corpora's
    shape) went out as the other tool's relation, which has no roles, and came back to brat as ``Arg1:T3 Arg2:T2``:
    the relation goes out as that tool's and its roles stay in brat's meta beside (the data, the line), so the brat
    export of the project it came back into writes ``Anaphor`` and ``Antecedent`` again, once."""
    src = folder(tmp_path)
    (src / "doc.ann").write_text(ANN + "R3\tCoreference Anaphor:T3 Antecedent:T2\n")
    (src / "annotation.conf").write_text(
        CONF.replace("[relations]\n", "[relations]\nCoreference\tAnaphor:Entity, Antecedent:Entity\n")
    )
    _, second, got = through(tmp_path, src, fmt, out)
    assert ("Coreference", (43, 46, "Entity"), (23, 41, "Entity")) in got  # still that tool's relation
    api.export(second, tmp_path / "back", "brat")
    ann = (tmp_path / "back" / "doc.ann").read_text()
    lines = [x.split("\t")[1] for x in ann.splitlines() if x.startswith("R")]
    assert sorted(x.split()[0] for x in lines) == ["Coreference", "Protein-Component", "Protein-Component"], ann
    (coref,) = [x for x in lines if x.startswith("Coreference")]
    assert coref.split()[1].startswith("Anaphor:") and coref.split()[2].startswith("Antecedent:"), ann
    assert "Coreference\tAnaphor:Entity, Antecedent:Entity" in (tmp_path / "back" / "annotation.conf").read_text()


def test_brat_relations_go_out_to_dygiepp_and_come_back(tmp_path):
    """DyGIE++ has a place for relations between entities of one sentence (``relations``: ``[s1, e1, s2, e2,
    TYPE]``), but its export wrote only a DyGIE++ import's: a brat corpus's (and a doccano, Label Studio, WebAnno TSV
    or Prodigy import's) were left out without a word. They go out there now and come back as DyGIE++'s."""
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [folder(tmp_path)])
    api.export(first, tmp_path / "d.jsonl", "dygiepp")
    (line,) = [orjson.loads(x) for x in (tmp_path / "d.jsonl").read_bytes().splitlines()]
    words = [w for s in line["sentences"] for w in s]
    got = {
        (r[4], " ".join(words[r[0] : r[1] + 1]), " ".join(words[r[2] : r[3] + 1])) for s in line["relations"] for r in s
    }
    assert got == {
        ("Protein-Component", "fkhrl1", "open reading frame"),
        ("Protein-Component", "fkhrl1", "180 amino acids"),
    }, line["relations"]
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "d.jsonl"], format="dygiepp")
    (doc,) = second.document_ids()
    text, kept = second.document(doc).text, second.document(doc).meta["dygiepp"]["relations"]
    ends = {(r["type"], text[r["from"][0] : r["from"][1]], text[r["to"][0] : r["to"][1]]) for r in kept}
    assert ends == got  # the text is the tokens joined (DyGIE++ keeps no text), the relations on the same words


def test_brat_relations_go_out_to_oneie_and_come_back(tmp_path):
    """OneIE's ``relation_mentions`` (``Arg-1``, ``Arg-2`` by ``entity_id``) held only a OneIE or DyGIE++ import's
    relations: a brat corpus's were left out without a word. They go out there now and come back."""
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [folder(tmp_path)])
    api.export(first, tmp_path / "o.json", "oneie")
    lines = [orjson.loads(x) for x in (tmp_path / "o.json").read_bytes().splitlines()]
    names = {m["id"]: m["text"] for line in lines for m in line["entity_mentions"]}
    got = {
        (r["relation_type"], names[r["arguments"][0]["entity_id"]], names[r["arguments"][1]["entity_id"]])
        for line in lines
        for r in line["relation_mentions"]
    }
    assert got == {
        ("Protein-Component", "fkhrl1", "open reading frame"),
        ("Protein-Component", "fkhrl1", "180 amino acids"),
    }, got
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "o.json"], format="oneie")
    (doc,) = second.document_ids()
    text, kept = second.document(doc).text, second.document(doc).meta["dygiepp"]["relations"]
    assert {(r["type"], text[r["from"][0] : r["from"][1]], text[r["to"][0] : r["to"][1]]) for r in kept} == got


@pytest.mark.parametrize("fmt, out", [("dygiepp", "d.jsonl"), ("oneie", "o.json")])
def test_a_relation_from_an_event_is_said_where_relations_join_entities(tmp_path, fmt, out):
    """WNUT 2020's ``Mod-Link Arg1:E2 Arg2:T7`` shape: the exports whose relations join entities alone left a brat
    relation from an event out without a word; they say it now (its two-span neighbours still go out)."""
    src = event_relation_folder(tmp_path)
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [src])
    report = api.export(project, tmp_path / out, fmt)
    said = "1 brat relation from or to an event left out (the format's relations join entities): doc.txt: Cause"
    assert said in report.summary(), report.summary()


def _relations_of(ann: str) -> set[tuple[str, str, str]]:
    """A ``.ann``'s relations as (type, what Arg1 is, what Arg2 is): an event by its type and trigger's text, a span
    by its type and text."""
    lines = [x.split("\t") for x in ann.splitlines()]
    spans = {x[0]: (x[1].split()[0], x[2]) for x in lines if x[0].startswith("T")}
    events = {x[0]: spans[x[1].split()[0].split(":")[1]] for x in lines if x[0].startswith("E")}
    named = {**spans, **{k: (f"event {t}", s) for k, (t, s) in events.items()}}
    out = set()
    for x in lines:
        if x[0].startswith("R"):
            rtype, a1, a2 = x[1].split()
            out.add((rtype, " ".join(named[a1.split(":")[1]]), " ".join(named[a2.split(":")[1]])))
    return out


@pytest.mark.parametrize("holding", [False, True])
def test_a_relation_from_an_event_comes_back_through_webanno_tsv(tmp_path, holding):
    """``Cause Arg1:E1 Arg2:T3`` was said and lost at the WebAnno TSV export (its relation layers join spans). It goes
    out from a ``NamedEntity`` on the event's trigger labelled with the event's type (as a nested event's stand-in),
    which the import takes for the event, no entity of its own, and the brat export writes ``Arg1:E…`` again:
    brat -> project -> WebAnno TSV -> a new project (or one of the corpus's schema holding a document) -> brat."""
    src = event_relation_folder(tmp_path)
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [src])
    report = api.export(first, tmp_path / "w", "webanno")
    assert "from or to an event" not in report.summary(), report.summary()
    second = api.new_project(tmp_path / "b.annotator")
    if holding:  # the corpus's schema and another document of it
        held = tmp_path / "held"
        held.mkdir()
        (held / "other.txt").write_text("The protein was found.\n")
        (held / "other.ann").write_text("T1\tProtein 4 11\tprotein\n")
        (held / "annotation.conf").write_text((src / "annotation.conf").read_text())
        api.import_files(second, [held])
    got = api.import_files(second, [tmp_path / "w"], format="webanno")
    assert not got.skipped and got.imported, got
    doc = second.document_ids()[-1]
    assert "Gene_expression" not in {e.label for e in second.entities(doc)}  # the stand-in is no entity
    assert [v.type for v in second.events(doc)] == ["Gene_expression"]
    api.export(second, tmp_path / "back", "brat")
    ann = tmp_path / "back" / "doc.ann"
    want = _relations_of((src / "doc.ann").read_text())
    assert ("Cause", "event Gene_expression codes", "Entity ORF") in want
    assert _relations_of(ann.read_text()) == want, ann.read_text()
    assert "Cause\tArg1:Gene_expression, Arg2:Entity" in (tmp_path / "back" / "annotation.conf").read_text()
