"""Session 30: the app looked at under Xvfb at 1366x768 and 1920x1080 (helper ``s30-look``): what was cut or unclear,
read from the widgets (sizes against the screen, texts against the room they have)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


def test_the_type_picker_is_as_wide_as_its_descriptions_need_within_the_screen(qtbot, window):
    """E on a word that names no type opens the picker: at 1366x768 its fixed 520 px cut most descriptions
    ("Conflict:Demonstrate — A large number of people come together in a public …"), 29 of 33. It is now as wide as
    its widest entry needs, up to nine tenths of the screen (never wider than the screen)."""
    from ui.dialogs.event_type import EventTypeDialog
    from ui_support import show_widget

    dlg = show_widget(qtbot, EventTypeDialog(window.controller.schema, "reviewing", window))
    QApplication.processEvents()
    room = dlg.screen().availableGeometry()
    fm = dlg.list.fontMetrics()
    view = dlg.list.viewport().width()
    texts = [dlg.list.item(i).text() for i in range(dlg.list.count())]
    widest = max(fm.horizontalAdvance(t) for t in texts)
    assert dlg.width() <= room.width() and dlg.height() <= room.height()
    if widest + 8 <= room.width() * 9 // 10 - 60:  # the screen has the room: every entry whole
        assert [t for t in texts if fm.horizontalAdvance(t) + 8 > view] == []
    else:  # else as wide as the screen allows
        assert dlg.width() >= room.width() * 9 // 10 - 1
    dlg.reject()


def _hints_cut(dlg, formats) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each format's Options hint that does not fit its box's text area, with how much it needs."""
    cut = {}
    for name in formats:
        dlg.set_format(name)
        QApplication.processEvents()
        dlg.adjustSize()  # as the dialog is when it opens on this format
        QApplication.processEvents()
        hint = dlg.options_edit.placeholderText()
        needed = dlg.options_edit.fontMetrics().horizontalAdvance(hint)
        room = dlg.options_edit.contentsRect().width() - 8  # the frame's and the text's margins
        if needed > room:
            cut[name] = f"{hint!r}: {needed} > {room}"
    return cut


def test_the_export_dialog_names_every_key_of_each_format_whole(qtbot, window, tmp_path):
    """Export's DyGIE++ hint read "KEY=VALUE; … with keys: split, seed, misaligned, dataset, trigger_head,…" at
    1366x768: its last key was not to be read anywhere but in the tooltip. The box is as wide as the longest
    hint needs, in the import dialog as well."""
    from annotator.formats.registry import export_formats, import_formats
    from ui.dialogs.export import ExportDialog
    from ui.dialogs.import_format import ImportFormatDialog
    from ui_support import show_widget

    dlg = show_widget(qtbot, ExportDialog(str(tmp_path / "p.json"), window))
    assert _hints_cut(dlg, [f.name for f in export_formats()]) == {}
    assert dlg.width() <= dlg.screen().availableGeometry().width()
    dlg.reject()
    imp = show_widget(qtbot, ImportFormatDialog(window))
    assert _hints_cut(imp, [f.name for f in import_formats()]) == {}
    imp.reject()


@pytest.mark.slow  # a team project made and a window opened on it: about 1.4 s
def test_the_adjudication_list_says_whose_an_item_is_that_one_annotator_alone_has(qtbot, tmp_path):
    """Review > Adjudicate differences… at 1366x768 on seed 000 (alice's spans, bob's none): 50 rows read "entity |
    only | November 17", a bare "only" that says nothing of whose. The column names the annotator: "only alice"."""
    from test_qa_session26 import _team
    from ui_support import close_window, open_window

    text = "Adebayo Ogunleye won in Lagos on Sunday."
    alice = [("Adebayo Ogunleye", "PERSON"), ("Lagos", "GPE"), ("Sunday", "DATE")]
    bob = [("Adebayo Ogunleye", "PERSON"), ("Lagos", "GPE")]
    w = open_window(qtbot, _team(tmp_path, text, {"alice": alice, "bob": bob}), annotator="vera", pipeline=None)
    try:
        w.actions_by_name["adjudicate"].trigger()
        dlg = w._adjudication_window
        rows = [dlg.tree.topLevelItem(i) for i in range(dlg.tree.topLevelItemCount())]
        assert [(r.text(1), r.text(2)) for r in rows if r.text(1) != "same"] == [("only alice", "Sunday")]
    finally:
        close_window(w)


def test_the_comments_tab_says_what_goes_there_and_its_box_s_hint_is_whole_at_1366(qtbot, window):
    """Annotations > Comments at 1366x768: an empty list with no word of what goes there, and the box's hint cut
    ("Write a comment on this docum…"). The list says it has none and where to write one; the hint fits the box."""
    from ui.panels.comments import NO_COMMENTS

    window.resize(1366, 740)
    panel = window.comments
    window.tabs.setCurrentWidget(panel)
    QApplication.processEvents()
    assert panel.list.count() == 0
    note = panel.empty_note
    assert note.isVisible() and note.text() == NO_COMMENTS
    room = panel.list.viewport().rect()
    assert room.contains(note.geometry()) and note.height() >= note.heightForWidth(note.width()), (
        note.geometry(),
        room,
    )
    box = panel.edit
    hint = box.placeholderText()
    assert box.fontMetrics().horizontalAdvance(hint) <= box.contentsRect().width() - 8, (hint, box.width())
    panel.addRequested.emit("Check the date.")
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert not panel.empty_note.isVisible()
    window.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.list.count() == 0)
    assert panel.empty_note.isVisible()


def test_the_entity_and_event_lists_of_a_document_without_any_say_what_goes_there(qtbot, window):
    """A document with nothing found ("Nothing to see here, only words.") showed blank Entities and Events tabs at
    1366x768 and 1920x1080, headers only. Each says what goes there and how to make one, and stops saying it once
    the document has a row."""
    from ui.panels.entities import EntityPanel
    from ui.panels.events import EventPanel

    window.resize(1366, 740)
    c = window.controller
    c.open_document(c.project.documents_named(["c.txt"])[0])
    qtbot.waitUntil(lambda: not window.after_view_paint.pending)  # the side panels fill once the text is drawn
    for panel, text in ((window.entities, EntityPanel.empty_text), (window.events, EventPanel.empty_text)):
        window.tabs.setCurrentWidget(panel)
        QApplication.processEvents()
        note = panel.empty_note
        assert panel.model.rowCount() == 0 and text
        assert note.isVisible() and note.text() == text
        room = panel.table.viewport().rect()
        assert room.contains(note.geometry()) and note.height() >= note.heightForWidth(note.width())
    c.open_document(c.project.documents_named(["a.txt"])[0])
    qtbot.waitUntil(lambda: not window.after_view_paint.pending)
    window.tabs.setCurrentWidget(window.entities)
    QApplication.processEvents()
    assert window.entities.model.rowCount() > 0 and not window.entities.empty_note.isVisible()
