"""The annotators' categories of a document are one item of adjudication (kind ``categories``): until session 15 they
were no item at all, so a document on which alice and bob differed only in its categories read "0 items, 0 to
settle" in the Adjudication window and waited for adjudication until marked reviewed by hand, and the reviewer
settled the other items of a document without a word about them."""

from __future__ import annotations

import shutil

from annotator import edits, recorder
from annotator.categories import document_categories
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.teams import adjudication as adj
from annotator.teams.differences import CategoryOption, differences
from annotator.teams.merge import merge_projects

TEXTS = ("Maria Lopez met officials in Kabul.", "Rain all week in Oslo.")


def _team(tmp_path, alice: list[str], bob: list[str], entity: bool = False):  # type: ignore[no-untyped-def]
    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument(t, f"{k}.txt") for k, t in enumerate(TEXTS)])
    for name, cats in (("alice", alice), ("bob", bob)):
        shutil.copy(team, tmp_path / f"{name}.annotator")
        with Project(tmp_path / f"{name}.annotator", create=False, annotator=name) as p:
            doc = p.document_ids()[0]
            if entity:
                edits.add_entity(p, doc, 0, 11, "PERSON")
            edits.set_categories(p, doc, cats)
    p = Project(team, create=False, annotator="rita")
    merge_projects(p, [tmp_path / "alice.annotator", tmp_path / "bob.annotator"])
    return p, p.document_ids()[0]


def test_differing_categories_are_an_item_taking_one_sets_them_and_undo_puts_them_back(tmp_path):
    p, doc = _team(tmp_path, ["politics", "diplomacy"], ["politics"])
    try:
        (d,) = differences(p, doc)  # the only difference: nothing else was annotated
        assert (d.kind, d.status) == ("categories", "categories")
        assert d.options == (
            ("alice", CategoryOption(("politics", "diplomacy"))),
            ("bob", CategoryOption(("politics",))),
        )
        assert document_categories(p.document(doc).meta) == ["politics", "diplomacy"]  # alice's, merged first
        change = adj.take(p, d, "bob", reviewer="rita")
        assert document_categories(p.document(doc).meta) == ["politics"]
        (d,) = differences(p, doc)
        assert d.decision["take"] == "bob" and d.decision["by"] == "rita"
        assert p.document(doc).status == "reviewed"  # its last item settled: reviewed, as for spans
        recorder.undo(p, change)
        assert document_categories(p.document(doc).meta) == ["politics", "diplomacy"]
        assert not differences(p, doc)[0].settled and p.document(doc).status == "new"
    finally:
        p.close()


def test_agreed_categories_are_taken_with_the_agreed_spans(tmp_path):
    p, doc = _team(tmp_path, ["weather"], ["weather"], entity=True)
    try:
        kinds = {(d.kind, d.status) for d in differences(p, doc)}
        assert kinds == {("entity", "same"), ("categories", "same")}
        adj.take_all_agreed(p, doc, reviewer="rita")
        assert all(d.settled for d in differences(p, doc)) and p.document(doc).status == "reviewed"
        assert document_categories(p.document(doc).meta) == ["weather"]
        assert not differences(p, p.document_ids()[1])  # no annotator gave the other document a category
    finally:
        p.close()
