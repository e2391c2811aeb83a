"""A set covers the documents its annotator worked on, not every document of her (pre-annotated) file: on the seeds,
bob never opened 003 (status new in his file, only the model's suggestions) and agreement compared his 'nothing'
there with alice's 45 spans (F1 0.607 for 0.961 on the one document both did), and adjudication offered to take his
'nothing' 45 times. Found using the team features as two annotators and a reviewer (session 13)."""

from __future__ import annotations

import shutil

from annotator import edits
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.teams.agreement import agreement
from annotator.teams.differences import differences, document_sets
from annotator.teams.merge import merge_projects

TEXTS = {
    "one.txt": "Maria Lopez met officials in Kabul.",
    "two.txt": "Rebels attacked a convoy near Herat.",
    "three.txt": "Officials in Paris said nothing more.",
}


def _team(tmp_path):  # type: ignore[no-untyped-def]
    """The team's file, pre-annotated (a suggestion on each document), copied for alice and bob."""
    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        for _, doc in import_documents(p, [IncomingDocument(t, n) for n, t in TEXTS.items()]).imported:
            edits.add_entity(p, doc, 0, 5, "PERSON", state="suggested", source="spacy:test")
            edits.set_status(p, doc, "new")  # as pre-annotation leaves it (an edit here made it in_progress)
    for name in ("alice", "bob"):
        shutil.copy(team, tmp_path / f"{name}.annotator")
    return team


def _work(path, name: str, accept: list[str], annotated_empty: list[str] = ()) -> None:  # type: ignore[no-untyped-def]
    with Project(path, create=False, annotator=name) as p:
        for doc in p.document_ids():
            if p.document(doc).name in accept:
                edits.accept_all(p, doc)
            if p.document(doc).name in annotated_empty:  # looked, found nothing: marked annotated
                edits.reject_all(p, doc)
                edits.set_status(p, doc, "annotated")


def test_a_document_one_annotator_never_opened_is_not_compared(tmp_path):
    team = _team(tmp_path)
    _work(tmp_path / "alice.annotator", "alice", ["one.txt", "two.txt", "three.txt"])
    _work(tmp_path / "bob.annotator", "bob", ["one.txt"], annotated_empty=["three.txt"])  # two.txt: never opened
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [tmp_path / "alice.annotator", tmp_path / "bob.annotator"])
        ids = {p.document(d).name: d for d in p.document_ids()}
        (pair,) = agreement(p)["pairs"]
        assert sorted(d["name"] for d in pair["by_document"]) == ["one.txt", "three.txt"]
        assert pair["project"]["entities_exact"]["overall"]["f1"] == 2 * 1 / (2 + 1)  # one.txt agreed; three: bob 0
        assert document_sets(p, ids["two.txt"]) == ["alice"]
        assert [d.options[0][0] for d in differences(p, ids["two.txt"])] == ["alice"]  # no 'bob: nothing' to take
        assert document_sets(p, ids["three.txt"]) == ["alice", "bob"]  # marked annotated with nothing: his answer
