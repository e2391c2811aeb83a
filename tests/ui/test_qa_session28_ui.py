"""Session 28, as a user (helper s28-ui): the event list at 1366x768 read as a person reads it."""

from __future__ import annotations

from pathlib import Path

TALKS = (
    "Indian External Affairs Minister S Jaishankar and Russian Foreign Minister Sergey Lavrov will conduct official "
    "discussions in Moscow. The planned meeting highlights the ongoing engagement between New Delhi and Moscow. "
    "Jaishankar later stated that their conversation in New York was fruitful. Vladimir Putin's visit to India "
    "is expected in December."
)


def _talks_suggestions(path: Path) -> None:
    """Seed 000's kind of text, one document, with the suggested events pre-annotation gave it."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    from ui_helpers import find

    def sug(type_: str, word: str, *args: tuple[str, str, str]) -> EventSuggestion:
        parts = tuple(ArgumentSuggestion(role, *find(TALKS, w), label) for role, w, label in args)
        return EventSuggestion(type_, *find(TALKS, word), 0.5, parts)

    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(TALKS, "000.txt")]).imported[0][1]
        found = [
            sug(
                "Contact:Meet",
                "discussions",
                ("Entity", "Sergey Lavrov", "PERSON"),
                ("Entity", "S Jaishankar", "PERSON"),
            ),
            sug("Contact:Meet", "meeting", ("Place", "Moscow", "GPE")),
            sug("Contact:Meet", "conversation", ("Place", "New York", "GPE")),
            sug(
                "Movement:Transport", "visit", ("Artifact", "Vladimir Putin", "PERSON"), ("Destination", "India", "GPE")
            ),
        ]
        with p.db.conn:
            write_events(p, doc, found, "rules:test@1", WriteCounts())


def test_the_event_list_shows_each_trigger_whole_at_1366(qtbot, qapp, tmp_path):
    """Seed 000 pre-annotated, at 1366x768: the list's Trigger read "discu…", "meet…", "conv…" (53 px, its title's
    width) beside a State column of the same width holding one mark ("?") and Arguments given 204 px for the rest of
    its widest cell. The trigger is the event's word: it keeps its width, Arguments its least (about 18
    characters), and only State and Type give up room for the rest of Arguments."""
    from test_qa_session12 import shown_text
    from ui_support import event_list_at_1366

    path = tmp_path / "talks.annotator"
    _talks_suggestions(path)
    with event_list_at_1366(qtbot, qapp, path, 0, events=4) as (w, table):

        def laid_out() -> bool:  # once the dock has its width (the tab is laid out after it is shown)
            shown = sum(table.columnWidth(i) for i in range(table.model().columnCount()))
            return shown <= table.viewport().width() and table.columnWidth(2) > 0

        qtbot.waitUntil(laid_out)
        triggers = {w.events.cell(r, 1): shown_text(table, r, 1) for r in range(4)}
        assert all(whole == shown for whole, shown in triggers.items()), triggers
        assert all(shown_text(table, r, 0) == w.events.cell(r, 0) for r in range(4))  # each type whole too
        least = 18 * table.fontMetrics().averageCharWidth()  # Arguments keeps about 18 characters, as before
        assert table.columnWidth(2) >= least, (table.columnWidth(2), least)
        assert shown_text(table, 0, 3) == "?"  # State's mark, where its word has no room
