"""A decision on every suggestion of a document never reaches one the person was not shown: a pre-annotation or an
import elsewhere (a command while the app shows the document) added it since, and "accept all" or Ctrl+Enter's
"accept the N undecided" accepted it unseen, with the person's name on it (session 10). Given what the view showed
(``shown``), such an edit is refused and changes nothing."""

from __future__ import annotations

import pytest

from annotator import edits, edits_flow
from annotator.db import span_row
from annotator.errors import StaleChangeError
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project

TEXT = "Maria Lopez met John Smith in Paris on Monday."


def project(tmp_path) -> Project:  # type: ignore[no-untyped-def]
    p = Project(tmp_path / "p.annotator", annotator="maria")
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
