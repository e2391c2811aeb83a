"""Session 17's first-hour pass (docs/keyboard.md, round 10b): seeds 000 and 004 annotated by keys under Xvfb. Each
test presses keys through the real window, then reads what the project file holds or what the window shows, and
failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import event_fillers

ALT, SHIFT = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
MEETING = "The planned meeting highlights the engagement between New Delhi and Moscow, despite altering circumstances."


def _meeting_project(tmp_path):  # type: ignore[no-untyped-def]
    """Seed 000's second sentence as pre-annotation left it: a suggested Contact:Meet on "meeting" with no role
    filled, two suggested GPEs after it."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find

    path = tmp_path / "meeting.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(MEETING, "m.txt")]).imported[0][1]
        with p.transaction():
            spans = [(*find(MEETING, "New Delhi"), "GPE"), (*find(MEETING, "Moscow"), "GPE")]
            write_entities(p, doc, spans, "spacy:test@1", WriteCounts())
            meeting = EventSuggestion("Contact:Meet", *find(MEETING, "meeting"), 0.45)
            write_events(p, doc, [meeting], "rules:test@1", WriteCounts())
    return path


def _fillers(path) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return event_fillers(path, MEETING)


def test_alt_shift_n_on_a_span_already_in_the_role_says_so(qtbot, tmp_path):
    """A click on "New Delhi", which fills Entity already, and Alt+Shift+1: nothing happened and the status line still
    described the span. It says the span is in the role already."""
    from ui_support import close_window, window_on_its_event
    from ui_helpers import click_char, find

    path = _meeting_project(tmp_path)
    w, ev = window_on_its_event(qtbot, path)
    try:
        c, v = w.controller, w.view
        qtbot.keyClick(v, Qt.Key.Key_1, ALT)
        qtbot.waitUntil(lambda: _fillers(path) == [("Entity", "New Delhi")])
        c.select_event(ev.id)
        click_char(qtbot, v, find(MEETING, "New Delhi")[0] + 2)
        qtbot.keyClick(v, Qt.Key.Key_Exclam, ALT | SHIFT)
        assert _fillers(path) == [("Entity", "New Delhi")]
        assert "already" in w.message.text() and "New Delhi" in w.message.text(), w.message.text()
    finally:
        close_window(w)


def test_the_export_dialog_names_the_folder_it_writes_to(qtbot, tmp_path, monkeypatch):
    """`scripts/app` opens `seeds.annotator` by a relative path: Ctrl+E proposed "seeds.json" and the status line said
    "Exported to seeds.json: 8 documents, ...", with no folder a person could look in (the folder the app was
    started from). The dialog proposes the whole path beside the project, which the line then names."""
    from pathlib import Path

    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui.dialogs.export import ExportDialog
    from ui_support import close_window, open_window

    monkeypatch.chdir(tmp_path)
    with Project(tmp_path / "seeds.annotator", annotator="setup") as p:
        import_documents(p, [IncomingDocument(MEETING, "m.txt")])
    shown: list[ExportDialog] = []

    def look(dlg: ExportDialog) -> int:
        shown.append(dlg)
        return 0

    monkeypatch.setattr(ExportDialog, "exec", look)
    w = open_window(qtbot, Path("seeds.annotator"))
    try:
        w.actions_by_name["export"].trigger()
        (dlg,) = shown
        assert dlg.path.text() == str(tmp_path / "seeds.json")
    finally:
        close_window(w)


def test_every_suggestion_decided_names_the_trigger_words_left(qtbot, tmp_path):
    """Seed 000 by Tab and Enter: the last suggestion decided, the status line said "Every suggestion in this document
    is decided (Ctrl+Enter: mark it annotated)", and a person new to the app marked it annotated with six events of its
    gold never made ("conference", "conversations", ...: no suggestion came for them, and only N goes to them). The
    line says how many trigger words are no event yet, and the key that goes to them."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, open_window

    text = "The ministers met in Moscow. The conference included discussions about trade."
    path = tmp_path / "words.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "w.txt")]).imported[0][1]
        edits.add_entity(p, doc, *find(text, "Moscow"), "GPE")
    w = open_window(qtbot, path)
    try:
        v = w.view
        v.setFocus()
        qtbot.waitUntil(lambda: "trigger words are no event yet" in w.message.text())
        said = w.message.text()
        assert said.startswith("No suggestions in this document;"), said  # a person's span only (session 29)
        assert "3 trigger words are no event yet (N: the next" in said, said
        qtbot.keyClick(v, Qt.Key.Key_N)
        qtbot.waitUntil(lambda: v.selection_cp() is not None)
        qtbot.keyClick(v, Qt.Key.Key_E)
        qtbot.waitUntil(lambda: len(w.controller.events) == 1)
        w.controller.select_event(None)
        qtbot.waitUntil(lambda: "2 trigger words are no event yet" in w.message.text())
    finally:
        close_window(w)
