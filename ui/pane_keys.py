"""What the keys do in the side panel that holds them, said on the status line in place of the text's keys: F6 took
the keys to the Events list while the line still said "PERSON (suggested): Anna Kowalczyk (Enter: accept; X:
reject)", and Enter there selected the row's event instead (the document list's opened another document). Session 39
(helper s39-look)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QWidget

    from ui.side_panels import SidePanels

BACK = "F6: the next panel; Escape: back to the text"
DOCUMENTS_KEYS = f"Document list: ↑/↓ a document, Enter opens it; {BACK}"
ENTITIES_KEYS = f"Entity list: ↑/↓ a span, Enter selects it in the text (where Enter accepts it); {BACK}"
EVENTS_KEYS = f"Event list: ↑/↓ an event, Enter selects it in the text (where Enter accepts it); {BACK}"
COMMENTS_KEYS = f"Comments: type one in the box, Enter adds it (Ctrl+Z takes it back); {BACK}"
EDITOR_KEYS = f"Event editor: Tab its boxes, Space opens one, a letter picks in it; {BACK}"


def pane_keys(panels: "SidePanels | None", focus: "QWidget | None") -> str:
    """The line for the panel of ``panels`` holding ``focus`` (its list, the document filter, the comment box, the
    event editor); "" where the keys are elsewhere (the text, the Find bar, a dialog)."""
    if panels is None or focus is None:
        return ""
    for pane, said in (
        (panels.documents, DOCUMENTS_KEYS),
        (panels.entities, ENTITIES_KEYS),
        (panels.events, EVENTS_KEYS),
        (panels.comments, COMMENTS_KEYS),
        (panels.event_editor, EDITOR_KEYS),
    ):
        if focus is pane or pane.isAncestorOf(focus):
            return said
    return ""
