"""Session 17's keys pass (docs/keyboard.md, round 10): each test presses keys through the real window, then reads
what the project file holds or what the window shows, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sentence_case import given_project, roles

ALT, SHIFT, CTRL = (
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.ControlModifier,
)


def test_alt_n_cycling_never_puts_a_filler_of_another_role_in_both(qtbot, tmp_path):
    """Nothing selected, Alt+4 (Sentence) put "May 2023", and Alt+4 again put "two years", the Time of the event, in
    Sentence too: a filler in two roles, unasked (one argument in 1,055 of events-dev is). The cycle offers no filler
    of another role; its message names it and the key that moves it."""
    from ui_support import close_window, window_on_its_event

    path = given_project(tmp_path)
    w, ev = window_on_its_event(qtbot, path)
    try:
        v = w.view
        qtbot.keyClick(v, Qt.Key.Key_4, ALT)
        first = w.message.text()
        assert first.startswith("Sentence: May 2023"), first
        assert "two years" not in first, first
        qtbot.keyClick(v, Qt.Key.Key_4, ALT)
        said = w.message.text()
        assert "“two years” is in Time" in said and "Alt+4 moves it" in said, said
    finally:
        close_window(w)
    assert roles(path) == [("Sentence", "May 2023"), ("Time", "two years")]


def test_alt_shift_n_with_nothing_selected_adds_no_filler_of_another_role(qtbot, tmp_path):
    """Alt+Shift+4 with nothing selected adds the nearest candidate not in the role: "May 2023", then nothing more
    ("two years" is Time's), where it put "two years" in both."""
    from ui_support import close_window, window_on_its_event

    path = given_project(tmp_path)
    w, ev = window_on_its_event(qtbot, path)
    try:
        v = w.view
        qtbot.keyClick(v, Qt.Key.Key_4, ALT | SHIFT)
        qtbot.keyClick(v, Qt.Key.Key_4, ALT | SHIFT)
    finally:
        close_window(w)
    assert ("Sentence", "two years") not in roles(path)


def test_an_empty_role_names_no_filler_of_another_role_as_its_keys_candidate(qtbot, tmp_path):
    """Seed 004: "two years" the event's Time and the only DATE: the empty Sentence row said "— Alt+4: two years", what the key
    would put in both roles. It names no candidate (the key names the filler and how to move it)."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui.elided import ElidedLabel
    from ui_helpers import find
    from ui_support import close_window, open_window

    text = "Nowicki was given a suspended sentence of two years."
    path = tmp_path / "one.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "g.txt")]).imported[0][1]
        two = edits.add_entity(p, doc, *find(text, "two years"), "DATE").result_id
        ev = edits.add_event(p, doc, "Justice:Sentence", *find(text, "sentence")).result_id
        edits.add_argument(p, ev, "Time", two)
    w = open_window(qtbot, path)
    try:
        c, v, ed = w.controller, w.view, w.event_editor
        v.setFocus()
        (event,) = c.events.values()
        c.select_event(event.id)
        qtbot.waitUntil(lambda: len(ed.fill_combos) == 6)

        def said() -> list[str]:
            return [lab.full_text for lab in ed.findChildren(ElidedLabel) if lab.full_text.startswith("—")]

        qtbot.waitUntil(lambda: len(said()) == 5)  # every role but Time empty
        assert not any("two years" in s for s in said()), said()
        qtbot.keyClick(v, Qt.Key.Key_4, ALT)
        assert "“two years” is in Time (select it, then Alt+4 moves it)" in w.message.text(), w.message.text()
    finally:
        close_window(w)


def test_the_first_start_window_takes_the_screens_room(qtbot, monkeypatch):
    """The first start (no geometry of a last run) opened a fixed 1500x920 window: in the corner of a 1920x1080
    screen, cut to the screen at 1366x768. It takes the screen's available geometry at both; a later start keeps the
    geometry the last one left."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    for room in (QRect(0, 0, 1920, 1080), QRect(0, 0, 1366, 740)):
        monkeypatch.setattr(QScreen, "availableGeometry", lambda _self, r=room: QRect(r))
        settings = AppSettings()
        settings.q.remove("window/geometry")
        settings.set("annotator", "tester")
        w = MainWindow(settings, auto_preannotate=False)
        qtbot.addWidget(w)
        assert w.geometry() == room, (w.geometry(), room)
    w.resize(1000, 700)
    settings.q.setValue("window/geometry", w.saveGeometry())
    again = MainWindow(settings, auto_preannotate=False)
    qtbot.addWidget(again)
    assert again.size().height() == 700  # the last run's (its width within the test screen's 800 pixels)


def test_a_long_name_in_a_narrow_filler_column_is_never_cut_inside_a_word(qtbot, tmp_path):
    """At 1366 pixels the Person of "arrested" showed "Giorgos / Konstantinopoul / os", the name cut inside its word
    (round 8: "Badreddin e"). Its lines break at word boundaries, a word wider than the column elided; the whole name
    in the tooltip. (Session 25: the column has room for 15 average characters, "Konstantinopoulos" whole; the word
    wider than it is a longer one.)"""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui.wrapped import WrappedButton
    from ui_helpers import find
    from ui_support import close_window, open_window

    text = "Police arrested Giorgos Hatzikonstantinopoulos in Athens on Friday."
    name = "Giorgos Hatzikonstantinopoulos"
    path = tmp_path / "long.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "g.txt")]).imported[0][1]
        edits.add_entity(p, doc, *find(text, name), "PERSON")
        edits.add_event(p, doc, "Justice:Arrest-Jail", *find(text, "arrested"))
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        c, v, ed = w.controller, w.view, w.event_editor
        v.setFocus()
        (event,) = c.events.values()
        c.select_event(event.id)
        v.select_cp(*find(text, name))
        qtbot.keyClick(v, Qt.Key.Key_1, ALT)  # Person
        qtbot.waitUntil(lambda: any(b.full_text == name for b in ed.findChildren(WrappedButton)))
        (button,) = [b for b in ed.findChildren(WrappedButton) if b.full_text == name]
        qtbot.waitUntil(lambda: button.width() > 0 and button.isVisible())
        assert button.width() < button.fontMetrics().horizontalAdvance(
            "Hatzikonstantinopoulos"
        )  # narrower than the word
        layout = button._lines(button.width() - 4)
        pieces = [
            name[layout.lineAt(i).textStart() : layout.lineAt(i).textStart() + layout.lineAt(i).textLength()]
            for i in range(layout.lineCount())
        ]
        assert [x.strip() for x in pieces] == ["Giorgos", "Hatzikonstantinopoulos"], pieces
        shown = button.shown_lines(button.width())
        assert shown[0] == "Giorgos" and shown[1].endswith("…") and "Hatzikonstantinopoulos".startswith(shown[1][:-1])
        assert name in button.toolTip()
    finally:
        close_window(w)


ACCEPTING = (
    "Judge Anna Kowalczyk of the Warsaw Regional Court found Marek Zielinski guilty of accepting 3.4 million zlotys "
    "(about $850,000) from two construction firms between 2017 and 2020."
)


def test_the_giver_told_after_from_is_alt_ns_first_candidate(qtbot, tmp_path):
    """Seed 004's "accepting": nothing selected, Alt+1 (Giver) put Marek Zielinski, then the court, then "firms", the
    gold Giver told after "from": three keys. A name told after "from" comes first for a role filled from "from"
    (``keyflow.source_order``); on events-dev 708 -> 703 keys (bench/role_keys.py). Recipient, which "from" does not
    fill, takes it after the sentence's others. (The document is not pre-annotated: the fallback's sentence ended at
    the full stop of "3.4", "firms" outside it.)"""
    from ui_support import close_window, event_fillers, one_event, press_role_key, window_on_its_event

    path = tmp_path / "accepting.annotator"
    words_labels = (
        ("Anna Kowalczyk", "PERSON"),
        ("Warsaw Regional Court", "ORG"),
        ("Marek Zielinski", "PERSON"),
        ("3.4 million zlotys", "MONEY"),
        ("firms", "ORG"),
    )
    one_event(path, ACCEPTING, words_labels, "Transaction:Transfer-Money", "accepting")
    w, ev = window_on_its_event(qtbot, path)
    try:
        press_role_key(qtbot, w, ev.type, "Giver")
        assert w.message.text().startswith("Giver: firms"), w.message.text()
        press_role_key(qtbot, w, ev.type, "Recipient")
        assert w.message.text().startswith("Recipient: Marek Zielinski"), w.message.text()
    finally:
        close_window(w)
    assert event_fillers(path, ACCEPTING) == [("Giver", "firms"), ("Recipient", "Marek Zielinski")]


def test_the_review_menu_marks_the_document_reviewed(qtbot, tmp_path):
    """The Review menu held the team's work alone (Adjudicate differences, Agreement between annotators): a person
    looking there to review the document found neither Mark reviewed nor its problems list (under Document). Its first
    item is Mark reviewed, its key beside it; chosen there, the file holds the document reviewed."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import close_window, open_window

    path = tmp_path / "one.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Nothing to decide here.", "n.txt")])
    w = open_window(qtbot, path)
    try:
        review = next(a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == "Review")
        items = [a for a in review.actions() if not a.isSeparator()]
        assert items[0].text().replace("&", "") == "Mark reviewed", [a.text() for a in items]
        assert items[0].shortcut().toString() == "Ctrl+Shift+R"
        assert [a.text().replace("&", "") for a in items[1:]] == [
            "Adjudicate differences…",
            "Agreement between annotators…",
        ]
        items[0].trigger()
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        assert p.document(p.document_ids()[0]).status == "reviewed"


def test_the_export_dialog_says_what_it_does_with_the_suggestions_nobody_decided(qtbot, tmp_path, monkeypatch):
    """Export in the app said nothing of the suggestions nobody decided (the command line says it after writing): a
    brat or CoNLL export with "suggested" ticked wrote them as annotations. The dialog says it under its choices, as
    the choices change: written as annotations, kept apart (JSON), left out ("suggested" unticked); the documents of
    the statuses ticked only."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui.dialogs.export import ExportDialog
    from ui_helpers import find
    from ui_support import close_window, open_window

    text = "Police arrested Nowicki in Krakow."
    path = tmp_path / "s.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "s.txt")]).imported[0][1]
        for words, label in (("Nowicki", "PERSON"), ("Krakow", "GPE")):
            edits.add_entity(p, doc, *find(text, words), label, state="suggested")
    shown: list[ExportDialog] = []

    def look(dlg: ExportDialog) -> int:
        shown.append(dlg)
        return 0

    monkeypatch.setattr(ExportDialog, "exec", look)
    w = open_window(qtbot, path)
    try:
        w.actions_by_name["export"].trigger()
        (dlg,) = shown
        note = dlg.undecided_note
        dlg.set_format("conll")
        assert not note.isHidden()
        assert note.text().startswith("2 entity suggestions nobody decided go in as annotations"), note.text()
        dlg.set_format("json")
        assert "go in as suggestions, apart from the decided annotations" in note.text(), note.text()
        dlg.states["suggested"].setChecked(False)
        assert note.text() == "2 entity and 0 event suggestions nobody decided are left out (“suggested” is unticked)."
        dlg.states["suggested"].setChecked(True)
        for status, box in dlg.statuses.items():
            box.setChecked(status == "reviewed")  # no reviewed document: nothing to say
        assert note.isHidden() and note.text() == ""
    finally:
        close_window(w)
