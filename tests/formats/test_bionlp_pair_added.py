"""What a person adds to a document read from the BioNLP Shared Tasks' pair, written back as the pair (session 41's
Left): the ``NAME.a1`` holds the given entities (the proteins the task gives), the ``NAME.a2`` what is asked for
(sites, triggers, events, relations). A protein she adds that the given layer lacked is a given one: it goes to the
.a1, where the tasks' tools read the given types (it went to the .a2, among the answers); an ``Entity`` site she adds
goes to the .a2. A type the .a2 itself held stays the .a2's. Our own document, in the 2011 GE task's shape, its .a2
holding a relation line beside the events (as the 2011 REL task's relations, ``R1 Protein-Component``)."""

from __future__ import annotations

from annotator import api, edits
from annotator.store import Project

TEXT = "TRAF2 binds the cytoplasmic domain of CD40, and CD40 expression was not induced by IL-4.\n"
A1 = "T1\tProtein 0 5\tTRAF2\nT2\tProtein 38 42\tCD40\nT3\tProtein 48 52\tCD40\n"
A2 = (
    "T4\tEntity 16 34\tcytoplasmic domain\n"
    "T5\tBinding 6 11\tbinds\n"
    "T6\tGene_expression 53 63\texpression\n"
    "E1\tBinding:T5 Theme:T1 Theme2:T2 Site2:T4\n"
    "E2\tGene_expression:T6 Theme:T3\n"
    "R1\tProtein-Component Arg1:T2 Arg2:T4\n"
)


def _pair(tmp_path, a1: str, a2: str):  # type: ignore[no-untyped-def]
    corpus = tmp_path / "GE"
    corpus.mkdir()
    for name, text in {"PMID-9.txt": TEXT, "PMID-9.a1": a1, "PMID-9.a2": a2}.items():
        (corpus / name).write_text(text, encoding="utf-8")
    made = api.new_project(tmp_path / "p.annotator")
    api.import_files(made, [corpus])
    return made


def _written(made, out) -> dict[str, str]:  # type: ignore[no-untyped-def]
    report = api.export(made, out, format="brat", options={"files": "bionlp"})
    assert report.problems == []
    return {p.suffix: p.read_text(encoding="utf-8") for p in out.iterdir() if p.stem == "PMID-9"}


def _add(path, spans) -> None:  # type: ignore[no-untyped-def]
    with Project(path, create=False) as project:
        (doc,) = project.document_ids()
        for start, end, label in spans:
            edits.add_entity(project, doc, start, end, label)


def test_an_added_protein_goes_to_the_a1_an_added_site_to_the_a2(tmp_path):
    made = _pair(tmp_path, A1, A2)
    assert _written(made, tmp_path / "as_read") == {".txt": TEXT, ".a1": A1, ".a2": A2}  # the relation line kept
    _add(tmp_path / "p.annotator", [(83, 87, "Protein"), (16, 27, "Entity")])
    files = _written(made, tmp_path / "out")
    assert files[".a1"] == A1 + "T4\tProtein 83 87\tIL-4\n"
    a2 = files[".a2"].splitlines()
    assert a2[:2] == ["T5\tEntity 16 27\tcytoplasmic", "T6\tEntity 16 34\tcytoplasmic domain"]
    assert "E1\tBinding:T7 Theme:T1 Theme2:T2 Site2:T6" in a2 and "R1\tProtein-Component Arg1:T2 Arg2:T6" in a2
    # read back, the added protein is a given one, and the pair comes out the same again
    again = api.new_project(tmp_path / "q.annotator")
    api.import_files(again, [tmp_path / "out"])
    assert _written(again, tmp_path / "out2") == files


def test_a_type_the_a2_held_keeps_its_additions_in_the_a2(tmp_path):
    a2 = "T4\tProtein 16 34\tcytoplasmic domain\n" + A2.split("\n", 1)[1]
    made = _pair(tmp_path, A1, a2)
    _add(tmp_path / "p.annotator", [(83, 87, "Protein")])
    files = _written(made, tmp_path / "out")
    assert files[".a1"] == A1
    assert files[".a2"].splitlines()[:2] == ["T4\tProtein 16 34\tcytoplasmic domain", "T5\tProtein 83 87\tIL-4"]
