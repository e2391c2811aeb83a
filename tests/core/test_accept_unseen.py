"""A decision on every suggestion of a document never reaches one the person was not shown: a pre-annotation or an
import elsewhere (a command while the app shows the document) added it since, and "accept all" or Ctrl+Enter's
"accept the N undecided" accepted it unseen, with the person's name on it (session 10). Given what the view showed
(``shown``), such an edit is refused and changes nothing."""

from __future__ import annotations

import pytest

from project_support import new_project
from annotator import edits, edits_flow
from annotator.db import span_row
from annotator.errors import StaleChangeError
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project

TEXT = "Maria Lopez met John Smith in Paris on Monday."


def project(tmp_path) -> Project:  # type: ignore[no-untyped-def]
    p = new_project(tmp_path / "p.annotator", annotator="maria")
    import_documents(
        p,
        [
            IncomingDocument(
                TEXT,
                "a.txt",
                entities=[
                    IncomingEntity(1, 0, 11, "PERSON", state="suggested"),
                    IncomingEntity(2, 16, 26, "PERSON", state="suggested"),
                ],
            )
        ],
    )
    return p


def suggested(p: Project) -> list[int]:
    return [e.id for e in p.entities(1) if e.state == "suggested"]


def add_elsewhere(path) -> int:  # type: ignore[no-untyped-def]
    """A suggestion stored by another connection (a command's pre-annotation)."""
    with Project(path, create=False, annotator="command") as other, other.transaction():
        return other.db.insert_span(span_row(1, "main", 30, 35, "GPE", "suggested", "spacy:test@1", None))


@pytest.mark.parametrize("decide", ["accept_all", "reject_all", "accept_rest"])
def test_a_suggestion_that_came_in_elsewhere_is_never_decided_unseen(tmp_path, decide):
    p = project(tmp_path)
    shown = suggested(p)
    assert len(shown) == 2
    new = add_elsewhere(p.path)
    before = p.change_log()
    with pytest.raises(StaleChangeError, match="1 entity suggestion came in elsewhere"):
        if decide == "accept_rest":
            edits_flow.accept_rest(p, 1, status="annotated", shown=shown, shown_events=[])
        else:
            getattr(edits, decide)(p, 1, shown=shown)
    assert suggested(p) == [*shown, new] and p.change_log() == before  # was: all three decided, GPE unseen
    assert p.document(1).status == "new"
    getattr(edits, decide if decide != "accept_rest" else "accept_all")(p, 1, shown=[*shown, new])  # once shown
    assert suggested(p) == []
    p.close()


def test_a_suggestion_decided_elsewhere_meanwhile_does_not_stop_accept_all(tmp_path):
    p = project(tmp_path)
    shown = suggested(p)
    with Project(p.path, create=False, annotator="colleague") as other:
        edits.reject_entity(other, shown[0])
    edits.accept_all(p, 1, shown=shown)
    assert [(e.id, e.state) for e in p.entities(1)] == [(shown[0], "rejected"), (shown[1], "accepted")]
    p.close()


def test_the_same_event_suggestion_a_rerun_put_back_is_accepted_with_the_rest(tmp_path):
    """Session 19: accept_rest given the rows the view showed accepts an event suggestion a re-run replaced by the
    same one (new id: same trigger, type and roles), and refuses one of another type, never shown."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, clear_undecided, write_events

    p = project(tmp_path)
    meet = EventSuggestion("Contact:Meet", 12, 15, 0.9, arguments=(ArgumentSuggestion("Entity", 0, 11, "PERSON"),))

    def run(events) -> None:  # type: ignore[no-untyped-def]
        with p.transaction():
            clear_undecided(p, 1, WriteCounts())
            p.db.insert_span(span_row(1, "main", 0, 11, "PERSON", "suggested", "spacy:test@1", None))
            p.db.insert_span(span_row(1, "main", 16, 26, "PERSON", "suggested", "spacy:test@1", None))
            write_events(p, 1, events, "rules:test@1", WriteCounts())

    run([meet])
    shown, shown_events = [e for e in p.entities(1) if e.state == "suggested"], list(p.events(1))
    run([EventSuggestion("Conflict:Attack", 12, 15, 0.9)])  # another type in its place: not what was shown
    with pytest.raises(StaleChangeError, match="1 event suggestion came in elsewhere"):
        edits_flow.accept_rest(p, 1, status="annotated", shown=shown, shown_events=shown_events)
    run([meet])  # the very same again, new ids
    assert {v.id for v in p.events(1)}.isdisjoint(v.id for v in shown_events)
    edits_flow.accept_rest(p, 1, status="annotated", shown=shown, shown_events=shown_events)
    assert [v.state for v in p.events(1)] == ["accepted"] and p.document(1).status == "annotated"
    assert {e.state for e in p.entities(1)} == {"accepted"}
