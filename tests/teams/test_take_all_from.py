"""Review > Adjudicate: one annotator's version of every item left, in one step (session 33, s33-app). A reviewer who
trusts alice's version of the rest of a document pressed A on each item; `adjudication.take_all_from` takes it whole
(one Change, undone whole). Failed before: no such function."""

from __future__ import annotations

import pytest

from annotator import edits
from annotator.errors import AnnotatorError
from annotator.importing import IncomingDocument, import_documents
from annotator.recorder import undo
from annotator.store import Project
from annotator.teams import adjudication as adj
from annotator.teams.differences import differences
from teams_data import at

TEXT = "Maria Lopez met John Smith in Paris on Monday."


def _project(tmp_path) -> tuple[Project, int]:  # type: ignore[no-untyped-def]
    """alice: Maria Lopez PERSON, Paris GPE, Monday DATE; bob: Maria Lopez PERSON, Paris LOC, John Smith PERSON."""
    p = Project(tmp_path / "team.annotator", annotator="setup")
    doc = import_documents(p, [IncomingDocument(text=TEXT, name="t")]).imported[0][1]
    spans = {
        "alice": [("Maria Lopez", "PERSON"), ("Paris", "GPE"), ("Monday", "DATE")],
        "bob": [("Maria Lopez", "PERSON"), ("Paris", "LOC"), ("John Smith", "PERSON")],
    }
    for name, marked in spans.items():
        p.annotation_set, p.annotator = name, name
        for word, label in marked:
            edits.add_entity(p, doc, *at(TEXT, word), label)
    p.annotation_set, p.annotator = "main", "rita"
    return p, doc


def _main(p: Project, doc: int) -> list[tuple[str, str]]:
    return sorted((TEXT[e.start : e.end], e.label) for e in p.entities(doc, "main") if e.state in ("accepted", "added"))


def test_one_annotator_s_version_of_every_item_left_in_one_step(tmp_path):
    p, doc = _project(tmp_path)
    monday = next(d for d in differences(p, doc) if d.start == at(TEXT, "Monday")[0])
    adj.take(p, monday, "bob", reviewer="rita")  # settled first: bob's nothing stays
    ch = adj.take_all_from(p, doc, "alice", reviewer="rita")
    assert _main(p, doc) == [("Maria Lopez", "PERSON"), ("Paris", "GPE")]  # not John Smith (bob's), not Monday
    decided = {d.start: (d.decision or {}).get("take") for d in differences(p, doc)}
    assert decided == {0: "alice", 16: "alice", 30: "alice", 39: "bob"}, decided
    assert p.document(doc).status == "reviewed"  # the last item settled, as ever
    assert ch.action == "adjudicate:take all alice"
    undo(p, ch)  # whole
    assert _main(p, doc) == [] and p.document(doc).status != "reviewed"
    assert sum(1 for d in differences(p, doc) if d.settled) == 1
    with pytest.raises(AnnotatorError, match="not one of this document's annotators' sets"):
        adj.take_all_from(p, doc, "carol", reviewer="rita")
    p.close()
