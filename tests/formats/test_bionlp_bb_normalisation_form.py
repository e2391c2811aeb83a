"""Session 40 (s39-real's Left): a Bacteria Biotope normalisation (``N1	NCBI_Taxonomy Annotation:T3 Referent:1590``,
the BioNLP Shared Task 2013 form the task's files and evaluation use) went back to brat as ``NCBI_Taxonomy T3
KB:1590`` alone, without a word, and no way to have the task's form. Brat's server reads that form for the type
``Reference`` alone (``BIONLP_ST_2013_NORMALIZATION_RES`` in its annotation.py), so brat's form stays the default and
says so once; ``--option normalizations=bionlp`` writes the task's form, the ids as they came, read back the same.
The task's pair of files of session 39's test, our own."""

from __future__ import annotations

import pytest

from annotator import api
from annotator.errors import OptionError

from tests.formats.test_bionlp_bb_normalisations import A1, A2, STEM, TEXT


@pytest.fixture
def project(tmp_path):  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for suffix, text in ((".txt", TEXT), (".a1", A1), (".a2", A2)):
        (corpus / f"{STEM}{suffix}").write_text(text, encoding="utf-8")
    made = api.new_project(tmp_path / "p.annotator")
    api.import_files(made, [corpus])
    return made


def _norms(folder) -> list[str]:  # type: ignore[no-untyped-def]
    ann = (folder / f"{STEM}.ann").read_text(encoding="utf-8").splitlines()
    ids = {x.split("\t")[0]: x.split("\t")[1] for x in ann if x.startswith("T")}
    out = []
    for x in ann:
        if x.startswith("N"):
            for t, where in ids.items():
                x = x.replace(f":{t} ", f":{where} ").replace(f" {t} ", f" {where} ")
            out.append(x.split("\t")[1])
    return sorted(out)


def test_the_tasks_form_on_request_read_back_the_same(project, tmp_path):
    report = api.export(project, tmp_path / "bb", format="brat", options={"normalizations": "bionlp"})
    assert _norms(tmp_path / "bb") == [
        "NCBI_Taxonomy Annotation:Microorganism 0 23 Referent:1590",
        "OntoBiotope Annotation:Habitat 27 47 Referent:OBT:000372",
        "OntoBiotope Annotation:Phenotype 120 133 Referent:OBT:002761",
    ]
    assert not [k for k, _ in report.problems if "2013 form" in k]
    again = api.new_project(tmp_path / "q.annotator")
    assert not api.import_files(again, [tmp_path / "bb"]).skipped
    api.export(again, tmp_path / "bb2", format="brat", options={"normalizations": "bionlp"})
    assert _norms(tmp_path / "bb2") == _norms(tmp_path / "bb")


def test_brats_form_by_default_says_so(project, tmp_path):
    report = api.export(project, tmp_path / "brat", format="brat")
    assert "NCBI_Taxonomy Microorganism 0 23 KB:1590" in _norms(tmp_path / "brat")
    said = [m for k, m in report.problems if k.startswith("normalisations read in the BioNLP Shared Task 2013 form")]
    assert said == [
        f"{STEM}.txt: NCBI_Taxonomy 1590",
        f"{STEM}.txt: OntoBiotope OBT:000372",
        f"{STEM}.txt: OntoBiotope OBT:002761",
    ]
    assert "--option normalizations=bionlp" in report.summary()


def test_a_form_not_known_is_refused(project, tmp_path):
    with pytest.raises(OptionError, match="option normalizations must be one of brat, bionlp, not 'a2'"):
        api.export(project, tmp_path / "x", format="brat", options={"normalizations": "a2"})
    assert not (tmp_path / "x").exists()
