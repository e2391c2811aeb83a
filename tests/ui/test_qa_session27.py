"""Session 27 as a user (helper s27-qa, docs/reliability.md "Session 27: as a user"): keys pressed through the real
window under Xvfb, then what the project file holds; each test failed on main before its fix."""

from __future__ import annotations

from ui_support import close_window

CONVICT = (
    "Judge Anna Kowalczyk of the Warsaw Regional Court found Marek Zielinski guilty of accepting 3.4 million zlotys "
    "(about $850,000) from two construction firms between 2017 and 2020."
)


def test_a_suggested_event_s_line_with_its_phrase_key_keeps_x_in_view_at_1366(qtbot, tmp_path):
    """Seed 004's suggested "found" (Justice:Convict, Defendant "Marek Zielinski", Adjudicator "Anna Kowalczyk") at
    1366x768: naming one filler and its Shift+Enter phrase, the line was still cut before its last key ("…; Shift+Enter:
    accept as “found Marek Zielinski guilty”…"). Where one filler does not fit, the fillers are counted, not named."""
    from ui_support import window_on_suggested_event

    fillers = (("Defendant", "Marek Zielinski", "PERSON"), ("Adjudicator", "Anna Kowalczyk", "PERSON"))
    w, ev = window_on_suggested_event(
        qtbot, tmp_path / "convict.annotator", CONVICT, "Justice:Convict", "found", 0.96, fillers
    )
    try:
        shown = w.message.shown_text()
        assert "Shift+Enter: accept as “found Marek Zielinski guilty”" in shown, shown
        assert shown.endswith("X: reject)"), shown
        # named one and counted the other, or counted both, as the room the status bar leaves allows (its work-left
        # widget hides once the line fits whole, so the room is not the same from run to run)
        assert "with 2 fillers" in shown or "Defendant “Marek Zielinski” and 1 more" in shown, shown
        assert "Anna Kowalczyk" not in shown, shown  # not both named: that did not fit
        w.resize(1920, 1000)
        qtbot.waitUntil(lambda: w.message.width() > 1200)
        w.controller.select_event(None)
        w.controller.select_event(ev.id)  # wide enough: both named, as before
        assert "Defendant “Marek Zielinski”, Adjudicator “Anna Kowalczyk”" in w.message.shown_text()
    finally:
        close_window(w)


def test_the_export_dialog_s_refusal_goes_when_what_it_refused_is_changed(qtbot, tmp_path):
    """Export (Ctrl+E), File the open project's own file: "…/w.annotator: is the open project file w.annotator …;
    nothing was written" under the fields. Format brat then made the name "…/w.annotator.brat" and the red line still
    named w.annotator, as if the new name were refused too; so after typing another name. The refusal says what was
    refused when OK was pressed; a change of the name, the format or the options takes it away."""
    from ui_support import show_widget

    from annotator.store import Project
    from ui.dialogs import export

    project = tmp_path / "w.annotator"
    Project(project, annotator="a").close()
    dlg = show_widget(qtbot, export.ExportDialog(str(project), None))
    dlg.accept()
    assert "is an annotator project file" in dlg.error.text() and dlg.isVisible(), dlg.error.text()
    dlg.set_format("brat")  # the name follows the format: w.annotator.brat, never refused
    assert dlg.path.text().endswith("w.annotator.brat")
    assert dlg.error.text() == ""
    dlg.set_format("json")
    dlg.path.setText(str(project))
    dlg.accept()
    assert dlg.error.text() != ""
    dlg.path.setText(str(tmp_path / "out.json"))  # another name typed
    assert dlg.error.text() == ""
    dlg.options_edit.setText("tokens")  # no =: refused at OK
    dlg.accept()
    assert "tokens" in dlg.error.text(), dlg.error.text()
    dlg.options_edit.setText("tokens=no")
    assert dlg.error.text() == ""


def test_pre_annotation_in_the_app_says_when_the_default_trained_model_was_left_behind(tmp_path, monkeypatch):
    """A project copied without its .models folder (its default trained version 1 left behind), then Project >
    Pre-annotate all documents: the original pipeline ran in its place, its suggestions replacing the trained ones,
    and the line said only "Pre-annotation: 8 documents, …" (`annotator preannotate` warns of it). The app says it."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.learn import versions
    from annotator.store import Project
    from ui.workers import PreannotateWorker
    from ui_support import pattern_pipeline

    path = tmp_path / "copy.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met John Smith.", "a.txt")])
    note = "copy.annotator: trained model version 1 was left behind (expected in …); using the original pipeline"
    chosen = versions.Selection(pattern_pipeline(), None, None, note)
    monkeypatch.setattr(versions, "select_for_preannotation", lambda project, model, version: chosen)
    worker = PreannotateWorker(path, pipeline=None, batch_size=1)
    said: list[str] = []
    worker.done.connect(said.append)
    worker.failed.connect(said.append)
    worker.run()  # here, not in a thread: what it says is the point
    assert said and said[0].startswith("Pre-annotation: 1 document") and said[0].endswith(note), said
    assert worker.detail.startswith(note), worker.detail


def test_the_event_editor_s_trigger_takes_the_theme_chosen_while_an_event_is_shown(qtbot, tmp_path, qapp):
    """Settings (Ctrl+,), Theme: Dark with seed 004's "found Marek Zielinski guilty" shown: the text and the Roles box
    turned dark, the editor's Trigger stayed the light theme's dark red (#9c0d2c on #2b2d30, about 2:1), for every
    event shown after, until the app was started again. It takes the theme's trigger ink at once, and back."""
    from PySide6.QtGui import QPalette

    import ui.style
    from ui.theme import DARK, LIGHT
    from ui_support import one_event, open_window

    path = tmp_path / "convict.annotator"
    one_event(path, CONVICT, [("Marek Zielinski", "PERSON")], "Justice:Convict", "found")
    palette, sheet = qapp.palette(), qapp.styleSheet()
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        (ev,) = w.controller.events.values()
        w.controller.select_event(ev.id)
        assert LIGHT.trigger in w.event_editor.trigger_label.styleSheet()
        w.settings.set("appearance", "dark")
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert DARK.trigger in w.event_editor.trigger_label.styleSheet(), w.event_editor.trigger_label.styleSheet()
        assert w.event_editor.trigger_label.full_text == "found"
        w.controller.select_event(None)  # the hint names the triggers' ink of the theme: pink on the dark panel
        assert "click a trigger (pink, underlined)" in _editor_hint(w)
        w.controller.select_event(ev.id)
        w.settings.set("appearance", "light")
        assert LIGHT.trigger in w.event_editor.trigger_label.styleSheet()
        w.controller.select_event(None)
        assert "click a trigger (dark red, underlined)" in _editor_hint(w)
    finally:
        close_window(w)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)
        getattr(ui.style, "_given", []).clear()


def _editor_hint(w) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    w.event_editor.refresh()
    return " ".join(lab.text() for lab in w.event_editor.scroll.widget().findChildren(QLabel))


def test_a_long_refusal_in_the_export_dialog_wraps_instead_of_widening_it(qtbot, tmp_path):
    """Export onto the open project's own file at 1366x768: the red line "…/w.annotator: is the open project file
    w.annotator (or one of its side files); choose another name to export to; nothing was written" widened the dialog
    from about 540 to 860 px, over the right panel. It wraps in the dialog's width."""
    from ui_support import show_widget

    from annotator.store import Project
    from ui.dialogs import export

    project = tmp_path / "a-project-with-a-long-name-as-people-give-them.annotator"
    Project(project, annotator="a").close()
    dlg = show_widget(qtbot, export.ExportDialog(str(tmp_path / "out.json"), None))
    before = dlg.width()
    dlg.path.setText(str(project))
    dlg.accept()
    assert "nothing was written" in dlg.error.text()
    dlg.layout().activate()
    qtbot.waitUntil(lambda: dlg.error.isVisible())
    assert dlg.sizeHint().width() <= before + 2, (before, dlg.sizeHint().width())
    assert dlg.error.heightForWidth(dlg.error.width()) > dlg.error.fontMetrics().height()  # more than one line


def test_the_side_docks_keep_their_share_when_the_window_is_widened_or_narrowed(qtbot, project_path):
    """Opened at 1366 and maximised at 1920, the event panel stayed 368 px (Qt gives a window's new width all to
    the text: 1,100 px of it beside an event list whose columns were cut); made 1366 again from 1920 the docks kept
    their 1920 widths and the text was left 470 px. Each side dock keeps its share of the window, as a splitter's
    panes do."""
    from ui_support import laid_out, open_window

    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        w.size_docks()  # as the window does at start, at its size
        laid_out()
        right, left = w.docks["annotations"], w.docks["documents"]
        shares = right.width() / w.width(), left.width() / w.width()
        w.resize(1920, 1000)
        laid_out()
        assert w.width() == 1920
        assert right.width() >= int(shares[0] * 1920) - 4, (right.width(), shares)
        assert left.width() >= int(shares[1] * 1920) - 4, (left.width(), shares)
        assert w.docks["event"].width() == right.width()  # the event editor below it widens with it
        w.resize(1366, 740)
        laid_out()
        assert right.width() <= int(shares[0] * 1366) + 4, (right.width(), shares)
        assert w.view.width() >= 1366 * 45 // 100  # the text keeps its share at 1366
        assert not w.documents_width.moved()  # the list's width is still the app's, fitted to names on the next open
    finally:
        close_window(w)


def test_the_note_of_another_program_s_open_ends_when_that_program_quits(qtbot, project_path, monkeypatch):
    """ "Open in another program too (pid …): its edits show here within seconds; …" stayed on the status line after
    that program quit, until the selection changed. The poll after it quits ends it: the line tells the work again."""
    from annotator import shm_holders, whereabouts
    from ui_support import open_window

    other = 4_000_000  # no process of the machine: its open is the test's word
    monkeypatch.setattr(whereabouts, "live_opens", lambda ident: [other])
    monkeypatch.setattr(shm_holders, "other_users_opens", lambda path: [])
    w = open_window(qtbot, project_path)
    try:
        assert f"Open in another program too (pid {other})" in w.message.text()
        w.controller.poll.timeout.emit()  # a poll while it still has the file open: the note stays
        assert f"Open in another program too (pid {other})" in w.message.text()
        monkeypatch.setattr(whereabouts, "live_opens", lambda ident: [])  # it quit
        w.controller.poll.timeout.emit()
        assert "another program" not in w.message.text(), w.message.text()
        assert w.message.text()  # the line tells the document's work again, not blank
    finally:
        close_window(w)


def test_the_side_lists_never_show_the_document_before_s_rows_while_the_next_is_drawn(window):
    """Ctrl+PgDown on a corpus of 1 MB documents: the entity list showed the document before's rows for ~3 s (the
    panels fill once the new text is drawn, by design). Until they are filled, they show no rows of another
    document: emptied at the switch."""
    c = window.controller
    first = c.doc.id
    assert window.entities.model.rowCount() > 0  # a.txt's spans listed
    before = {e.id for e in window.entities.model.rows}
    other = next(i for i in c.project.document_ids() if i != first)
    c.open_document(other)  # no event processed: the text not drawn yet
    shown = {e.id for e in window.entities.model.rows}
    assert not (shown & before), "the list still shows the document before's rows"
    assert window.events.model.rowCount() == 0 or all(e.doc_id == other for e in window.events.model.rows)
