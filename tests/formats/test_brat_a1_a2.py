"""The BioNLP Shared Tasks ship each document as ``NAME.txt`` with its annotations split over ``NAME.a1`` (the given
proteins) and ``NAME.a2`` (triggers, events, modifications, equivalences, relations), and brat reads those files as
one when there is no ``NAME.ann`` (``PARTIAL_ANN_FILE_SUFF`` in brat's ``server/src/annotation.py``), the 2013 tasks'
normalisations (``N1 Reference Annotation:T1 Referent:ID``) too. Such a folder came in as bare texts, every ``.a1``
and ``.a2`` "unknown kind of file". Our own document, in their shape."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.brat_read import read_brat
from annotator.formats.detect import detect_format
from annotator.store import Project

TEXT = "IL-2 gene expression requires NF-kappa B activation.\n"
A1 = "T1\tProtein 0 4\tIL-2\nT2\tProtein 30 40\tNF-kappa B\n"
A2 = (
    "T3\tGene_expression 10 20\texpression\n"
    "T4\tPositive_regulation 21 29\trequires\n"
    "T5\tBinding 41 51\tactivation\n"
    "E1\tGene_expression:T3 Theme:T1\n"
    "E2\tPositive_regulation:T4 Theme:E1 Cause:E3\n"
    "E3\tBinding:T5 Theme:T2\n"
    "M1\tSpeculation E2\n"
    "N1\tReference Annotation:T1 Referent:UniProt:P60568\n"
)


def _folder(tmp_path, a2: str = A2):
    folder = tmp_path / "GE"
    folder.mkdir()
    (folder / "PMID-1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "PMID-1.a1").write_text(A1, encoding="utf-8")
    (folder / "PMID-1.a2").write_text(a2, encoding="utf-8")
    return folder


def test_a_bionlp_folder_of_a1_and_a2_files_comes_in_as_brat_and_goes_out_as_one_ann(tmp_path, capsys):
    folder = _folder(tmp_path)
    assert detect_format(folder) == "brat" and detect_format(folder / "PMID-1.a2") == "brat"
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(folder)]) == 0
    assert "read as brat" in capsys.readouterr().err
    with Project(p, create=False) as project:
        (doc_id,) = project.document_ids()
        ents = {e.id: (TEXT[e.start : e.end], e.label) for e in project.entities(doc_id)}
        events = sorted(
            (v.type, TEXT[v.trigger_start : v.trigger_end], sorted((a.role, ents[a.entity_id]) for a in v.arguments))
            for v in project.events(doc_id)
        )
        speculated = [v.type for v in project.events(doc_id) if v.attributes.get("Speculation") == "true"]
        norms = project.document(doc_id).meta["brat"]["normalizations"]
    assert events == [
        ("Binding", "activation", [("Theme", ("NF-kappa B", "Protein"))]),
        ("Gene_expression", "expression", [("Theme", ("IL-2", "Protein"))]),
        # the nested events as their stand-ins on their triggers
        (
            "Positive_regulation",
            "requires",
            [("Cause", ("activation", "Binding")), ("Theme", ("expression", "Gene_expression"))],
        ),
    ]
    assert speculated == ["Positive_regulation"]
    assert [(n["type"], n["target"][1:], n["reference"]) for n in norms] == [
        ("Reference", ["Protein", 0, 4], "UniProt:P60568")
    ]
    out = tmp_path / "out"
    assert main(["export", str(p), "-f", "brat", "-o", str(out)]) == 0
    ann = (out / "PMID-1.ann").read_text(encoding="utf-8")
    assert "E2\tPositive_regulation:T4 Theme:E1 Cause:E3" in ann and "A1\tSpeculation E2" in ann
    assert "N1\tReference T1 UniProt:P60568" in ann  # written in brat's own form


def test_a_bad_line_of_the_a2_is_named_by_its_own_file_and_line(tmp_path):
    folder = _folder(tmp_path, A2.replace("\tactivation\n", "\tactivity\n"))
    with pytest.raises(ImportFileError, match=r"PMID-1\.a2:3: T5: the offsets cover 'activation', but the line says"):
        read_brat(folder)


def test_an_argument_naming_an_id_no_line_defines_is_said_so(tmp_path):
    """In a folder without annotation.conf the schema is told from the files, and an argument pointing at an id no line
    defines was refused as "E3: Binding has no role 'Theme'" (the told schema never saw that role filled)."""
    folder = _folder(tmp_path, A2.replace("Binding:T5 Theme:T2", "Binding:T5 Theme:T9"))
    with pytest.raises(ImportFileError, match=r"PMID-1\.a2:6: E3: unknown argument id 'T9'"):
        read_brat(folder)
