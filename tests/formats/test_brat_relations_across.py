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


@pytest.mark.parametrize(
    "fmt, out", [("label_studio", "t.json"), ("doccano", "d.jsonl"), ("prodigy", "p.jsonl"), ("webanno", "w")]
)
def test_brat_relations_go_out_and_come_back(tmp_path, fmt, out):
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [folder(tmp_path)])
    report = api.export(first, tmp_path / out, fmt)
    assert "relations" not in report.summary() or "left out" not in report.summary(), report.summary()
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / out], format=fmt)
    (doc,) = second.document_ids()
    got = {
        (r["type"], tuple(r["from"]), tuple(r["to"]))
        for _, r in kept_relations(second.document(doc).meta, (*SHARED, PRODIGY))
    }
    assert got == WANT


def test_a_relation_with_an_event_argument_stays_brats(tmp_path):
    src = folder(tmp_path)
    (src / "doc.ann").write_text(
        ANN + "T5\tGene_expression 53 58\tcodes\nE1\tGene_expression:T5 Theme:T1\nR3\tCause Arg1:E1 Arg2:T3\n"
    )
    (src / "annotation.conf").write_text(
        CONF.replace("[events]\n", "[events]\nGene_expression\tTheme:Protein\n").replace(
            "[relations]\n", "[relations]\nCause\tArg1:Gene_expression, Arg2:Entity\n"
        )
    )
    project = api.new_project(tmp_path / "a.annotator")
    report = api.import_files(project, [src])
    assert not report.skipped, report.skipped
    api.export(project, tmp_path / "t.json", "label_studio")
    (task,) = orjson.loads((tmp_path / "t.json").read_bytes())
    labels = sorted(r["labels"][0] for r in task["annotations"][0]["result"] if r["type"] == "relation")
    assert labels == ["Protein-Component", "Protein-Component", "Theme"]  # Theme: the event's argument; Cause, from
    # the event, is brat's alone
