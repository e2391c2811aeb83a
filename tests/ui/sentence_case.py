"""Seed 004's "sentence" as the keyboard passes met it (rounds 8b and 10): a Justice:Sentence whose Time holds "two
years" (the gold Sentence), and "May 2023" a DATE in no role; shared by the tests that press Alt+N on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import event_fillers

GIVEN = "Nowicki testified in May 2023 and was given a suspended sentence of two years after pleading guilty."


def given_project(tmp_path):  # type: ignore[no-untyped-def]
    """The project file holding GIVEN with its two dates and the event."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find

    path = tmp_path / "given.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(GIVEN, "g.txt")]).imported[0][1]
        two = edits.add_entity(p, doc, *find(GIVEN, "two years"), "DATE").result_id
        edits.add_entity(p, doc, *find(GIVEN, "May 2023"), "DATE")
        ev = edits.add_event(p, doc, "Justice:Sentence", *find(GIVEN, "sentence")).result_id
        edits.add_argument(p, ev, "Time", two)
    return path


def roles(path) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(role, words) of the event's arguments as the file holds them."""
    return event_fillers(path, GIVEN)


def role_key(c, role: str) -> Qt.Key:  # type: ignore[no-untyped-def]
    """The number key of ROLE in Justice:Sentence's Roles box (Alt+that key fills it)."""
    names = [r.name for r in c.schema.event_type("Justice:Sentence").roles]
    return getattr(Qt.Key, f"Key_{names.index(role) + 1}")
