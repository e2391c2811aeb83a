"""The BioNLP Shared Tasks' own pair out (session 41; session 40's Left): a document read from ``NAME.a1`` (the given
proteins) and ``NAME.a2`` (an ``Entity`` site, triggers, events, a modification) went back to brat as one
``NAME.ann``, its ``M1`` as ``A1``, with no way to the pair the tasks' tools and evaluation read. ``--option
files=bionlp`` writes ``NAME.a1`` with the given entities' ``T`` lines and ``NAME.a2`` with the rest, the ids going on
from the .a1's and the attributes as ``M`` lines; brat's one ``.ann`` stays the default and says which documents came
as a pair. Our own document, in the 2011 GE task's shape."""

from __future__ import annotations

import pytest

from annotator import api
from annotator.errors import OptionError

TEXT = "TRAF2 binds the cytoplasmic domain of CD40, and CD40 expression was not induced by IL-4.\n"
A1 = "T1\tProtein 0 5\tTRAF2\nT2\tProtein 38 42\tCD40\nT3\tProtein 48 52\tCD40\nT4\tProtein 83 87\tIL-4\n"
A2 = (
    "T5\tEntity 16 34\tcytoplasmic domain\n"
    "T6\tBinding 6 11\tbinds\n"
    "T7\tGene_expression 53 63\texpression\n"
    "T8\tPositive_regulation 72 79\tinduced\n"
    "E1\tBinding:T6 Theme:T1 Theme2:T2 Site2:T5\n"
    "E2\tGene_expression:T7 Theme:T3\n"
    "E3\tPositive_regulation:T8 Theme:E2 Cause:T4\n"
    "M1\tNegation E3\n"
)


def _write(folder, files):  # type: ignore[no-untyped-def]
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path):  # type: ignore[no-untyped-def]
    corpus = _write(tmp_path / "GE", {"PMID-9.txt": TEXT, "PMID-9.a1": A1, "PMID-9.a2": A2})
    made = api.new_project(tmp_path / "p.annotator")
    api.import_files(made, [corpus])
    return made


def _files(folder) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if not p.name.endswith(".conf")}


def test_the_pair_on_request_as_it_came_and_back_the_same(project, tmp_path):
    report = api.export(project, tmp_path / "out", format="brat", options={"files": "bionlp"})
    assert _files(tmp_path / "out") == {"PMID-9.txt": TEXT, "PMID-9.a1": A1, "PMID-9.a2": A2}
    assert report.problems == []
    again = api.new_project(tmp_path / "q.annotator")
    api.import_files(again, [tmp_path / "out"])
    api.export(again, tmp_path / "out2", format="brat", options={"files": "bionlp"})
    assert _files(tmp_path / "out2") == _files(tmp_path / "out")


def test_one_ann_by_default_saying_which_came_as_a_pair(project, tmp_path):
    report = api.export(project, tmp_path / "out", format="brat")
    assert sorted(_files(tmp_path / "out")) == ["PMID-9.ann", "PMID-9.txt"]
    assert [m for k, m in report.problems if ".a1/.a2" in k] == ["PMID-9.txt"]
    assert "--option files=bionlp writes the pair" in report.summary()


def test_a_document_that_came_another_way_gives_its_entities_as_the_a1(tmp_path):
    ann = A1 + A2.replace("T5\tEntity", "T5\tProtein")  # one .ann: no given entities told apart
    corpus = _write(tmp_path / "one", {"PMID-9.txt": TEXT, "PMID-9.ann": ann})
    made = api.new_project(tmp_path / "p.annotator")
    api.import_files(made, [corpus])
    report = api.export(made, tmp_path / "out", format="brat", options={"files": "bionlp"})
    files = _files(tmp_path / "out")
    assert [x.split("\t")[2] for x in files["PMID-9.a1"].splitlines()] == [
        "TRAF2",
        "cytoplasmic domain",
        "CD40",
        "CD40",
        "IL-4",
    ]
    a2 = files["PMID-9.a2"].splitlines()
    assert a2[0] == "T6\tBinding 6 11\tbinds" and "E1\tBinding:T6 Theme:T1 Theme2:T3 Site2:T2" in a2
    assert not report.problems


def test_a_files_value_not_known_is_refused(project, tmp_path):
    with pytest.raises(OptionError, match="option files must be one of ann, bionlp, not 'a1'"):
        api.export(project, tmp_path / "x", format="brat", options={"files": "a1"})
    assert not (tmp_path / "x").exists()


REL_TEXT = "The p50 subunit of the NF-kappa B complex binds DNA.\n"
REL_A1 = "T1\tProtein 4 7\tp50\nT2\tProtein 23 33\tNF-kappa B\n"
REL = (  # the 2011 REL task's part beside the .a1 (brat reads NAME.rel as it reads NAME.a2)
    "T3\tEntity 23 41\tNF-kappa B complex\nR1\tSubunit-Complex Arg1:T1 Arg2:T3\nR2\tProtein-Component Arg1:T2 Arg2:T3\n"
)


def test_the_rel_task_s_part_goes_back_to_its_own_file(tmp_path):
    corpus = _write(tmp_path / "REL", {"PMID-3.txt": REL_TEXT, "PMID-3.a1": REL_A1, "PMID-3.rel": REL})
    made = api.new_project(tmp_path / "p.annotator")
    api.import_files(made, [corpus])
    api.export(made, tmp_path / "out", format="brat", options={"files": "bionlp"})
    assert _files(tmp_path / "out") == {"PMID-3.txt": REL_TEXT, "PMID-3.a1": REL_A1, "PMID-3.rel": REL}
