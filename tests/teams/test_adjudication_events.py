"""Adjudicating events on a pre-annotated team project (session 13, two annotators and a reviewer on the seeds):
an event taken where "main" holds the model's suggestion at that trigger was left a suggestion (type and arguments
set, state 'suggested': an export of decided annotations dropped every adjudicated event), and the document marked
reviewed kept its other event suggestions undecided ("11 suggestions undecided" on a reviewed document)."""

from __future__ import annotations

from annotator import edits
from annotator.importing import IncomingDocument, import_documents
from annotator.recorder import undo
from annotator.store import Project
from annotator.teams import adjudication as adj
from annotator.teams.differences import differences
from teams_data import at

TEXT = "Rebels attacked a convoy near Kabul and troops fired back"


def _suggested_event(p: Project, doc: int, trigger: str, type_: str) -> int:
    s, e = at(TEXT, trigger)
    event_id = edits.add_event(p, doc, type_, s, e).result_id
    with p.transaction():  # as pre-annotation stores it
        p.db.conn.execute("UPDATE events SET state = 'suggested', source = 'spacy:events' WHERE id = ?", (event_id,))
    return event_id


def _project(tmp_path) -> tuple[Project, int, dict[str, int]]:  # type: ignore[no-untyped-def]
    p = Project(tmp_path / "team.annotator", annotator="setup")
    doc = import_documents(p, [IncomingDocument(text=TEXT, name="t")]).imported[0][1]
    # the model's suggestions in main (pre-annotated before the copies were handed out)
    sugg = {w: _suggested_event(p, doc, w, "Conflict:Attack") for w in ("attacked", "fired")}
    for name in ("alice", "bob"):  # both accept "attacked" in their copies (here: their sets); nobody "fired"
        p.annotation_set, p.annotator = name, name
        s, e = at(TEXT, "attacked")
        edits.add_event(p, doc, "Conflict:Attack", s, e)
    p.annotation_set, p.annotator = "main", "rita"
    return p, doc, sugg


def test_an_event_taken_over_the_models_suggestion_is_accepted(tmp_path):
    p, doc, sugg = _project(tmp_path)
    (d,) = differences(p, doc)
    assert d.kind == "event" and d.status == "same"
    ch = adj.take(p, d, "alice", reviewer="rita")
    taken = p.event(sugg["attacked"])
    assert (taken.type, taken.state) == ("Conflict:Attack", "accepted")  # it stayed 'suggested'
    undo(p, ch)
    assert p.event(sugg["attacked"]).state == "suggested"
    p.close()


def test_the_last_decision_rejects_the_event_suggestions_nobody_kept(tmp_path):
    p, doc, sugg = _project(tmp_path)
    (d,) = differences(p, doc)
    ch = adj.take_all_agreed(p, doc, reviewer="rita")
    assert p.document(doc).status == "reviewed"
    assert p.event(sugg["fired"]).state == "rejected"  # it stayed an undecided suggestion on a reviewed document
    assert p.event(sugg["attacked"]).state == "accepted"
    undo(p, ch)
    assert p.event(sugg["fired"]).state == "suggested" and p.document(doc).status != "reviewed"
    p.close()
