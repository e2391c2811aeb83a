"""The BioNLP Bacteria Biotope tasks' files (2016, 2019: ``BB-rel+ner-...`` pairs, ``Title`` and ``Paragraph`` and the
entities in ``.a1``, ``Lives_In``/``Exhibits`` relations and normalisations in the 2013 form under their own types in
``.a2``: ``N1	NCBI_Taxonomy Annotation:T3 Referent:1590``, ``N2	OntoBiotope Annotation:T4 Referent:OBT:000372``).
The 2013 form was read for brat's type ``Reference`` alone, so each such file was refused whole ("normalisation:
unknown target or reference"); the brat export wrote ``BB-rel_ner-...``, the name the task's evaluation goes by lost.
Now read under any type, written as brat reads a normalisation (``DB:ID``; an id of no database under ``KB``, which
the reader takes off again), the file's name kept. Our own document in the tasks' shape."""

from __future__ import annotations

from spacy.tokens import DocBin
from spacy.vocab import Vocab

from annotator import api

TITLE = "Lactobacillus plantarum in fermented vegetables."
PARA = "Strains of Lactobacillus plantarum were isolated from kimchi; they are acid tolerant."
TEXT = f"{TITLE}\n{PARA}\n"
A1 = f"""T1\tTitle 0 48\t{TITLE}
T2\tParagraph 49 134\t{PARA}
T3\tMicroorganism 0 23\tLactobacillus plantarum
T4\tHabitat 27 47\tfermented vegetables
T5\tMicroorganism 60 83\tLactobacillus plantarum
T6\tHabitat 103 109\tkimchi
T7\tPhenotype 120 133\tacid tolerant
"""
A2 = """R1\tLives_In Microorganism:T3 Location:T4
R2\tLives_In Microorganism:T5 Location:T6
R3\tExhibits Microorganism:T5 Property:T7
N1\tNCBI_Taxonomy Annotation:T3 Referent:1590
N2\tOntoBiotope Referent:OBT:000372 Annotation:T4
N3\tOntoBiotope Annotation:T7 Referent:OBT:002761
"""
STEM = "BB-rel+ner-F-1"


def test_bacteria_biotope_normalisations_are_read_and_written_as_brat_reads_them(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for suffix, text in ((".txt", TEXT), (".a1", A1), (".a2", A2)):
        (corpus / f"{STEM}{suffix}").write_text(text, encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [corpus])
    assert not report.skipped, report.skipped
    (doc,) = project.document_ids()
    assert len(project.entities(doc)) == 7
    api.export(project, tmp_path / "brat", format="brat")
    ann = (tmp_path / "brat" / f"{STEM}.ann").read_text(encoding="utf-8").splitlines()
    ids = {x.split("\t")[1]: x.split("\t")[0] for x in ann if x.startswith("T")}
    norms = sorted(x.split("\t")[1] for x in ann if x.startswith("N"))
    assert norms == sorted(
        [
            f"NCBI_Taxonomy {ids['Microorganism 0 23']} KB:1590",
            f"OntoBiotope {ids['Habitat 27 47']} OBT:000372",
            f"OntoBiotope {ids['Phenotype 120 133']} OBT:002761",
        ]
    )
    assert sum(x.startswith("R") for x in ann) == 3
    again = api.new_project(tmp_path / "q.annotator")
    assert not api.import_files(again, [tmp_path / "brat"]).skipped
    api.export(again, tmp_path / "brat2", format="brat")
    assert (tmp_path / "brat2" / f"{STEM}.ann").read_text(encoding="utf-8").splitlines() == ann
    api.export(again, tmp_path / "out.spacy", format="spacy")
    (got,) = DocBin().from_disk(tmp_path / "out.spacy").get_docs(Vocab())
    linked = {(e.text, e.kb_id_) for e in got.spans["sc"] if e.kb_id_}  # inside Title and Paragraph: not in ents
    assert linked == {
        ("Lactobacillus plantarum", "1590"),
        ("fermented vegetables", "OBT:000372"),
        ("acid tolerant", "OBT:002761"),
    }
    third = api.new_project(tmp_path / "r.annotator")
    assert not api.import_files(third, [tmp_path / "out.spacy"]).skipped
    api.export(third, tmp_path / "brat3", format="brat")
    ann3 = (tmp_path / "brat3" / f"{STEM}.ann").read_text(encoding="utf-8").splitlines()
    assert sorted(x.split("\t")[1].split(" ", 2)[2] for x in ann3 if x.startswith("N")) == [
        "KB:1590",
        "OBT:000372",
        "OBT:002761",
    ]  # the DocBin's links, back as brat's normalisations
