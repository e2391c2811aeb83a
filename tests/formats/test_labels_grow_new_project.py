"""A new project takes the entity labels its input files use and its schema lacks (as WebAnno TSV layers and brat's
types already did): a CoNLL corpus tagged GENE, or a doccano file labelled CHEMICAL, imported into a new project
was refused ('labels not in the project's schema news')."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.loading import import_format, import_paths
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

GENES = "BRCA1\tB-GENE\nbinds\tO\np53\tB-GENE\nin\tO\nParis\tB-GPE\n.\tO\n"
CHEMS = "Aspirin\tB-CHEMICAL\ncures\tO\nheadaches\tO\n.\tO\n"


def labels(project: Project) -> dict[str, int]:
    got: dict[str, int] = {}
    for doc in project.document_ids():
        for e in project.entities(doc):
            got[e.label] = got.get(e.label, 0) + 1
    return got


def test_a_conll_corpus_of_new_labels_comes_into_a_new_project_with_them(tmp_path):
    (tmp_path / "train.conll").write_text(GENES, encoding="utf-8")
    (tmp_path / "test.conll").write_text(CHEMS, encoding="utf-8")
    with Project(tmp_path / "p.annotator") as p:
        report = import_paths(p, [tmp_path / "train.conll", tmp_path / "test.conll"])
        assert not report.skipped
        assert labels(p) == {"GENE": 2, "GPE": 1, "CHEMICAL": 1}
        assert report.labels_added == ["GENE", "CHEMICAL"]
        assert "labels added to the project's schema: GENE, CHEMICAL" in report.summary()
        added = p.schema.label("GENE")
        assert added is not None and added.color != "#dddddd"  # a colour of its own, as WebAnno's added labels
        assert p.schema.label("PERSON") is not None  # the news schema's labels are all kept
    with Project(tmp_path / "p.annotator", create=False) as again:  # stored: the file says it, not the session
        assert again.schema.label("CHEMICAL") is not None


def test_a_project_with_documents_still_refuses_labels_it_lacks(tmp_path):
    (tmp_path / "more.conll").write_text(CHEMS, encoding="utf-8")
    with Project(tmp_path / "p.annotator") as p:
        import_documents(p, [IncomingDocument("Maria met John.", "a.txt")])
        with pytest.raises(ImportFileError, match="CHEMICAL"):
            import_format(p, "conll", [tmp_path / "more.conll"])
        report = import_paths(p, [tmp_path / "more.conll"])
        assert [why for _, why in report.skipped] and "CHEMICAL" in report.skipped[0][1]
        assert p.schema.label("CHEMICAL") is None and len(p.document_ids()) == 1


def test_one_named_reader_over_several_files_grows_once_for_all(tmp_path):
    a, b = tmp_path / "a.conll", tmp_path / "b.conll"
    a.write_text(GENES, encoding="utf-8")
    b.write_text(CHEMS, encoding="utf-8")
    with Project(tmp_path / "p.annotator") as p:
        import_format(p, "conll", [a, b])
        assert labels(p) == {"GENE": 2, "GPE": 1, "CHEMICAL": 1}


def test_a_doccano_file_on_the_command_line(tmp_path, capsys):
    f = tmp_path / "doccano.jsonl"
    f.write_text(json.dumps({"text": "Aspirin cures headaches.", "label": [[0, 7, "CHEMICAL"]]}) + "\n", "utf-8")
    code = main(["import", str(tmp_path / "p.annotator"), str(f)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "labels added to the project's schema: CHEMICAL" in out


def test_conll_2003_tags_are_matched_to_the_schemas_names_first(tmp_path):
    """CoNLL-2003's PER is the news schema's PERSON (its alias), as the DyGIE++ and WebAnno readers match names;
    only MISC, which the schema has no name for, is added."""
    f = tmp_path / "eng.train"
    f.write_text(
        "EU B-ORG\nrejects O\nGerman B-MISC\ncall O\n.\tO\n\nPeter B-PER\nBlackburn I-PER\n".replace("\t", " ")
    )
    with Project(tmp_path / "p.annotator") as p:
        report = import_format(p, "conll", [f])
        assert labels(p) == {"ORG": 1, "MISC": 1, "PERSON": 1}
        assert report.labels_added == ["MISC"]
        assert any("PER -> PERSON" in n for n in report.notes)


def test_an_option_without_format_goes_to_the_reader_the_files_are_told_to_be(tmp_path, capsys):
    """``annotator import P eng.train --option column=3`` answered "--option goes with --format" though the file is
    told to be CoNLL by its content; now its reader takes the option. Files told to be several formats still need
    --format."""
    f = tmp_path / "four.conll"
    f.write_text("EU NNP B-ORG O\nrejects VBZ O O\nGerman JJ B-NORP O\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(f), "--option", "column=3"]) == 0
    err = capsys.readouterr().err
    assert "read as CoNLL (told from the files)" in err
    with Project(tmp_path / "p.annotator", create=False) as p:
        assert labels(p) == {"ORG": 1, "NORP": 1}
    (tmp_path / "plain.txt").write_text("Just words.", encoding="utf-8")
    code = main(["import", str(tmp_path / "q.annotator"), str(f), str(tmp_path / "plain.txt"), "--option", "column=3"])
    assert code == 2
    assert "options go with a format" in capsys.readouterr().err


def test_a_misspelt_document_marker_is_read_as_a_word_and_said(tmp_path):
    """A postal corpus's CoNLL file (custom House, Street, City tags) separated its second document with
    '-DOCTYPE- -X- -X- O': read as a word of the first document without a word of warning; now a note names the
    line, and the new project takes the corpus's labels."""
    f = tmp_path / "addresses.conll"
    f.write_text(
        "-DOCSTART- -X- -X- O\n\nAda NPP NPP B-House\n12 NPP NPP B-Street\nHigh NPP NPP I-Street\n"
        "Leeds NPP NPP B-City\n\n-DOCTYPE- -X- -X- O\n\nBo NPP NPP B-House\nYork NPP NPP B-City\n",
        encoding="utf-8",
    )
    with Project(tmp_path / "p.annotator") as p:
        report = import_format(p, "conll", [f])
        assert labels(p) == {"House": 2, "Street": 1, "City": 2}
        (said,) = [n for n in report.notes if "document marker" in n]
        assert "line 8: -DOCTYPE-" in said
