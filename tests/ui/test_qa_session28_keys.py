"""Session 28's keys pass (docs/keyboard.md, round 22): keys a person spends after Find. Each test presses keys through
the real window, then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier
SUMMIT = "Leaders of the BRICS met in North Darfur, and the BRICS summit ended in Goma on Friday."


def test_ctrl_and_a_digit_label_key_in_finds_bar_label_the_match_as_enter_and_the_key_do(qtbot, tmp_path):
    """A name spaCy missed cost `Ctrl+F`, letters, `Enter` and its label key (seed 000's "BRICS", seed 002's "Rapid
    Support Forces"; 12 of the six key replays' keys were a label key after Find's Enter): the label keys are digits and
    letters the bar types. Ctrl+ a digit label key typed in the bar selects the words' next match and labels it, one
    key where Enter and the label key were two; on a match inside an undecided suggestion it decides that suggestion,
    as the label key on the match does (session 26). Words not found: nothing labelled, the bar says so. In the text
    Ctrl+ the digit is the label key too (a person's habit from the bar)."""
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "summit.annotator"
    darfur = (*find(SUMMIT, "North Darfur"), "GPE")
    one_suggested_event(path, SUMMIT, [darfur], EventSuggestion("Contact:Meet", *find(SUMMIT, "met"), 0.6))
    w = open_window(qtbot, path)
    try:
        v, bar = w.view, w.find_bar
        v.setFocus()
        for words, key in (("br", Qt.Key.Key_2), ("no", Qt.Key.Key_5), ("zzz", Qt.Key.Key_2)):
            qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
            bar.edit.selectAll()
            qtbot.keyClicks(bar.edit, words)
            qtbot.keyClick(bar.edit, key, CTRL)
        assert bar.info.text() == "not found" and bar.edit.text() == "zzz"  # nothing typed in the words
        qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
        v.select_cp(*find(SUMMIT, "Goma"))
        qtbot.keyClick(v, Qt.Key.Key_3, CTRL)
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        got = sorted((SUMMIT[e.start : e.end], e.label, e.state) for e in p.entities(p.document_ids()[0]))
    assert got == [  # main: none labelled (Ctrl+2 typed nothing in the bar, did nothing in the text)
        ("BRICS", "ORG", "added"),
        ("Goma", "GPE", "added"),
        ("North Darfur", "LOC", "accepted"),
    ], got


VERDICT = "The court read its verdict on Tuesday, and the firm offered to buy the plant before the strike."


def _option_key_as_cocoa_sends_it(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """Option+E as Qt's cocoa plugin delivers it (QNSView handleKeyEvent): the ShortcutOverride to the focused widget;
    no shortcut matching, the key goes to the focused widget's input method when it takes one (the bar's line: Option+E
    is a dead key there, an accent begun and no KeyPress), else on as a KeyPress (the text, read-only, takes no input
    method; the key does nothing there on macOS, whose menu bar has no Alt keys: not sent here, where the Edit menu's
    Alt+E would take it)."""
    from PySide6.QtGui import QInputMethodEvent, QKeyEvent
    from PySide6.QtWidgets import QApplication

    alt = Qt.KeyboardModifier.AltModifier
    QApplication.sendEvent(QApplication.focusWidget(), QKeyEvent(QKeyEvent.Type.ShortcutOverride, key, alt, ""))
    fo = QApplication.focusWidget()
    if fo.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
        QApplication.sendEvent(fo, QInputMethodEvent("´", []))


def test_option_e_and_option_x_in_finds_bar_act_on_the_match_on_macos(qtbot, tmp_path, monkeypatch):
    """Session 27's Alt+E / Alt+X in Find's bar act at the KeyPress; on macOS Option+E is a dead key and the KeyPress
    never comes: the bar took the ShortcutOverride (from the Edit menu), so no shortcut matched and the key went to the
    bar's input method, an accent begun in the words and no event made. There the bar acts at the override, the keys
    given to the text at once (which types nothing). Run here with the macOS way on and the key delivered as cocoa
    delivers it."""
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from ui.panels import find_bar
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    monkeypatch.setattr(find_bar, "ACTS_AT_OVERRIDE", True, raising=False)  # main has no such switch
    path = tmp_path / "verdict.annotator"
    one_suggested_event(
        path, VERDICT, [], EventSuggestion("Transaction:Transfer-Ownership", *find(VERDICT, "buy"), 0.6)
    )
    w = open_window(qtbot, path)
    try:
        v, bar = w.view, w.find_bar
        v.setFocus()
        c = w.controller

        def made(word: str, state: str) -> bool:
            return any(VERDICT[x.trigger_start : x.trigger_end] == word and x.state == state for x in c.events.values())

        for words, key, done in (
            ("verd", Qt.Key.Key_E, ("verdict", "added")),
            ("bu", Qt.Key.Key_X, ("buy", "rejected")),
        ):
            qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
            bar.edit.selectAll()
            qtbot.keyClicks(bar.edit, words)
            _option_key_as_cocoa_sends_it(qtbot, key)
            qtbot.waitUntil(lambda done=done: made(*done), timeout=20_000)  # main: the accent begun in the bar, no more
            assert bar.edit.text() == words
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        got = sorted((VERDICT[x.trigger_start : x.trigger_end], x.type, x.state) for x in p.events(p.document_ids()[0]))
    assert got == [  # main: the accent begun in the bar, no event on "verdict", "buy" undecided
        ("buy", "Transaction:Transfer-Ownership", "rejected"),
        ("verdict", "Justice:Convict", "added"),
    ], got
