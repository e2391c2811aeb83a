"""Ctrl+F: find text in the document (Enter selects the next match and returns to the text, Shift+Enter the
previous one, Escape closes; a match inside a word is stepped over while others stand at a word's start or end:
``find_words.find_stops``; a role key, Alt+N or Alt+Shift+N, selects the next match and fills the role with it, as
Enter and the key after it do; Alt+E and Alt+X likewise make an event on it and reject the suggestion it lies in, and
Ctrl+ a label key that is a digit labels it). Another document opened closes the bar (its words and "not found" were the document
before's); the words stay, and Ctrl+F there shows them again, counted in the document open. The count ("12 matches",
"not found") follows the words as they are typed: counted once per change of the words (``find_words.count_all``), not
as the bar is drawn; "k of n" at each Enter. F3 and Shift+F3 in the text go to the words' next and previous match
(``again``)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from annotator.find_words import count_all, find_all, find_stops, next_match, next_match_in, next_match_named
from annotator.graphemes import inside_cluster
from annotator.trigger_reach import next_match_for_event
from annotator.wording import counted
from ui.role_keys import ROLE_KEYS

if TYPE_CHECKING:  # pragma: no cover
    from ui.document_view import DocumentView


class FindBar(QWidget):
    jumped = Signal()  # a match was selected from the bar: the text has the focus again

    def __init__(
        self,
        view: "DocumentView",
        text: Callable[[], str],
        chosen: Callable[[], tuple[int, int] | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.text = text  # the open document's text (stored, code points)
        self.chosen = chosen  # what the keys act on: the selected span's or event trigger's [start, end), or None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in document")
        self.edit.setClearButtonEnabled(True)
        self.info = QLabel("")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        # room for what it says, kept: the buttons left of it moved under the pointer at each "3 of 6" / "not found"
        said = ("not found", "9,999 of 9,999", "9,999 matches")
        self.info.setMinimumWidth(max(self.info.fontMetrics().horizontalAdvance(t) for t in said))
        prev, nxt, close = QPushButton("Previous"), QPushButton("Next"), QPushButton("Close")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(self.edit, 1)
        lay.addWidget(prev)
        lay.addWidget(nxt)
        lay.addWidget(self.info)
        lay.addWidget(close)
        self.edit.returnPressed.connect(lambda: self.jump(False))
        # the buttons give the keys back to the text as Enter does (a role key after Next was lost on the button)
        nxt.clicked.connect(lambda: self.jump(False))
        prev.clicked.connect(lambda: self.jump(True))
        close.clicked.connect(self.close_bar)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._words_changed)
        self._at: tuple[int, int] | None = None  # the match "k of n" is said of, while it is selected
        self._last: tuple[int, int] | None = None  # the match the bar selected last, of these words in this document
        self._none: tuple[str, str] | None = None  # (the text, words) counted last as not found in it (``count``)
        # the undecided suggestions' extents, spans' and triggers': a match in one of them is one X rejects (Alt+X)
        self.undecided: Callable[[], list[tuple[int, int]]] = lambda: []
        # the name around words (``Controller.name_around``): Alt+Enter goes to the next match that lies in one
        self.named: Callable[[int, int], tuple[int, int] | None] = lambda start, end: None
        # what a role key in the bar selects for the role from a match (``role_keys.bar_filler``): the name around it
        self.filler: Callable[[int, int], tuple[int, int] | None] = lambda start, end: None
        # the document's spans (names, dates, amounts): Alt+E passes over a match in one, as no new event's trigger
        self.spans: Callable[[], list[tuple[int, int]]] = lambda: []
        # whether a word is a trigger word of the schema: Alt+E goes to the next match of one first (session 33)
        self.names_type: Callable[[str], bool] = lambda word: False
        # the events' triggers: Alt+E passes over a trigger word there while another is found (E there decides it)
        self.triggers: Callable[[], list[tuple[int, int]]] = lambda: []
        view.selectionChanged.connect(self._left_match)
        view.cursorPositionChanged.connect(self._left_match)
        self.hide()

    def open_bar(self) -> None:
        sel = self.view.textCursor().selectedText()
        if sel and "\u2029" not in sel:
            self.edit.setText(sel)  # the bar hidden yet: counted below, once
        self.show()
        self.count()  # the words kept (or taken) counted here: never a search before's result
        self.edit.setFocus()
        self.edit.selectAll()

    def count(self) -> None:
        """Say how often the words occur in the open document (nothing while the box is empty). Words that go on from
        words not found in this text are not found either: no scan (a letter typed after "not found" on a 2 MB
        document read all of it again, 15-50 ms a key), unless what is typed completes the last character typed (a
        flag's second half, an accent typed apart: a match is whole characters, so its first half found none)."""
        words, text = self.edit.text(), self.text()
        none = self._none
        if not words or (
            none is not None
            and none[0] is text
            and words.startswith(none[1])
            and not inside_cluster(words, len(none[1]))  # "🇻" not found, "🇻🇳" may be: a character typed on
        ):
            n = 0
        else:
            n = count_all(text, words)
            if not n:
                self._none = (text, words)
        self._at = None
        self.info.setText("" if not words else counted(n, "match", "matches") if n else "not found")

    def _words_changed(self, _text: str) -> None:
        """The words typed, pasted or cleared: counted in the open document at once (the count of the words before,
        or none at all until Enter, was what a person read while typing). Once per change: the text is in memory."""
        self._last = None
        if self.isVisible():
            self.count()
        else:  # set while the bar is hidden (open_bar's selection taken as the words counts them itself)
            self.info.setText("")

    def _left_match(self) -> None:
        """The selection is no longer the match "k of n" was said of (an undo selected what it touched, a key moved
        on): the count of the words again, which the next Enter goes on from."""
        if self._at is not None and self.view.selection_cp() != self._at:
            self.count()

    def document_changed(self) -> None:
        """Another document opened: the bar closes (a person moving on by Ctrl+Enter read the last document's words
        and "not found" over the new one); the words stay for the next Ctrl+F, which counts them in this one."""
        self._at = self._last = None  # the bar closed too: its match was the last document's
        if not self.isVisible():
            return
        typing = self.edit.hasFocus()
        self.info.setText("")
        self.hide()
        if typing:  # the keys back to the text, as Escape gives them; another widget's focus (the list) is left
            self.view.setFocus()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def on_match(self) -> bool:
        """Whether the text's selection is the match the bar selected last (X rejects the suggestion it lies in:
        ``EditActions.reject``), the bar open or closed since by Escape, which keeps the match for the next key. With
        the bar closed X rejected the event selected before the Find instead, out of view, its arguments gone (seed
        001's "supply", session 30): a label key took the match there. ``_at`` is let go once the selection leaves the
        match (``_left_match``) or another document opens."""
        return self._at is not None and self.view.selection_cp() == self._at

    def close_on_match(self) -> bool:
        """Escape in the text: with the bar open and its match still selected, or what the keys act on lying on it (a
        role key in the bar made the words a span, the line saying "a label key changes it"), the bar closes and the
        match or span stays for the next key (True); else nothing (False: Escape lets go of what is selected). Seed
        002: Ctrl+F "Médecins Sans Frontières", Alt+1 (a PERSON Agent), Escape to close the bar let go of the span,
        and 2 made "Frontières", the word at the caret, an ORG inside it."""
        if not self.isVisible() or not (self.on_match() or self._acts_on_match()):
            return False  # closed: Escape lets go of the match it kept
        self.close_bar()
        return True

    def _acts_on_match(self) -> bool:
        """The bar open, nothing selected in the text, and what the keys act on overlaps the match it selected last."""
        last = self._last
        if not self.isVisible() or last is None or self.view.selection_cp() is not None:
            return False
        chosen = self.chosen()
        return chosen is not None and chosen[0] < last[1] and last[0] < chosen[1]

    def find(
        self,
        backward: bool = False,
        within: list[tuple[int, int]] | None = None,
        names: bool = False,
        trigger: bool = False,
    ) -> bool:
        """Select the next match after the caret (the previous one before it), wrapping round; say which of how
        many it is. ``within``: the next match that lies in one of those spans, when one does (Alt+X: ``_match_key``);
        ``names``: the next match that lies in a name, when one does (Alt+Enter: ``_name_key``); ``trigger``: the next
        match that could be a new event's trigger, a trigger word of the schema in no span, else a word in no span and
        of no closed class, when one is (Alt+E: ``trigger_reach.next_match_for_event``)."""
        words = self.edit.text()
        if not words:
            return False
        text = self.text()
        matches = find_all(text, words)
        stops = find_stops(text, matches)  # a match inside a word is stepped over while others stand at a word's edge
        here = self._from(matches)
        i = next_match_in(stops, *here, within) if within else None
        i = next_match_named(text, stops, *here, self.named) if names else i
        i = next_match_for_event(text, stops, *here, self.spans(), self.names_type, self.triggers()) if trigger else i
        i = next_match(stops, here[0], here[1], backward) if i is None else i
        if i is None:
            self._at = self._last = None
            self.info.setText("not found")
            return False
        self._at = None
        self.view.select_cp(*stops[i])
        self._at = self._last = stops[i]
        self.view.reveal()  # the match with lines around it, not on the viewport's edge
        self.info.setText(f"{matches.index(stops[i]) + 1} of {len(matches)}")
        return True

    def _from(self, matches: list[tuple[int, int]]) -> tuple[int, int]:
        """Where the next match is looked for from: the text selected, else the caret; but the match the bar selected
        last while the caret is in it or what the keys act on overlaps it (an event made or selected on the match
        put the caret at its start, and Enter found the same match again)."""
        selected = self.view.selection_cp()
        if selected:
            return selected
        caret = self.view.to_cp(self.view.textCursor().position())
        last = self._last
        if last is not None and last in matches:
            chosen = self.chosen()
            if last[0] <= caret <= last[1] or (chosen is not None and chosen[0] < last[1] and last[0] < chosen[1]):
                return last
        return caret, caret

    def jump(self, backward: bool = False) -> None:
        """Select the next match and give the keys back to the text (the bar stays open to show the word)."""
        if self.find(backward):
            self.view.setFocus()
            self.jumped.emit()

    def again(self, backward: bool = False) -> None:
        """F3 / Shift+F3 (the platform's Find next / previous): the words' next (previous) match selected from the text,
        the bar shown with them and the keys left in the text, one key a match where Ctrl+F and Enter were two (seed
        002's third "market": `Ctrl+F m a Return Ctrl+F Return Ctrl+F Return`); with no words the bar opens, as Ctrl+F
        does."""
        if not self.edit.text():
            self.open_bar()
            return
        if not self.isVisible():
            self.show()
            self.count()
        self.jump(backward)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.edit and isinstance(event, QKeyEvent) and _match_key(event):
            if event.type() == QKeyEvent.Type.ShortcutOverride:  # the bar's, not the Edit menu's (Alt+E elsewhere)
                event.accept()
                if ACTS_AT_OVERRIDE:
                    self._match_key(event, later=True)
                return True
            if event.type() == QKeyEvent.Type.KeyPress:
                self._match_key(event)
                return True
        if obj is self.edit and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() == (
                Qt.KeyboardModifier.AltModifier
            ):
                self._name_key()
                return True
            if (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.jump(True)
                return True
            mods = event.modifiers()
            # Alt alone: Ctrl+Alt is AltGr on Windows, a character typed in the bar ("@" on a German keyboard)
            if mods & Qt.KeyboardModifier.AltModifier and not mods & Qt.KeyboardModifier.ControlModifier:
                if event.key() in ROLE_KEYS:
                    self._role_key(event)
                    return True
            if mods == Qt.KeyboardModifier.ControlModifier and event.key() in DIGIT_KEYS and self.edit.text():
                self._label_key(event)
                return True
        return super().eventFilter(obj, event)

    def _label_key(self, event: QKeyEvent) -> None:
        """Ctrl+ a digit typed in the bar (the digit alone is a letter of the words there): the words' next match
        selected, as Enter does, and the digit pressed in the text, where a label key labels the match (or decides the
        one undecided suggestion it lies in: session 26), one key where Enter and the label key were two (a name spaCy
        missed: `Ctrl+F b r Ctrl+2` for seed 000's "BRICS"); nothing when the words are not found (said)."""
        if not self.find():
            return
        self.view.setFocus()
        self.jumped.emit()
        digit = DIGIT_KEYS[event.key()]
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(self.view, QKeyEvent(kind, event.key(), Qt.KeyboardModifier.NoModifier, digit))

    def _name_key(self) -> None:
        """Alt+Enter typed in the bar (Shift+Space there is a space of the words): the words' next match selected, as
        Enter does, and widened to the name around it in the text, as Shift+Space does there (``select_name``: again
        Shift+Space takes the "the" in), one key where Enter and Shift+Space were two (a name spaCy missed: seed 002's
        `Ctrl+F m é Return Shift+Space 2` is `Ctrl+F m é Alt+Return 2`). It goes to the next match that lies in a name
        (``named``), passing over those in none, where Shift+Space would widen nothing (seed 004's "co": "the court"
        passed over to "Court of Appeal", where Enter, F3 and Shift+Space were three keys); when none does, the next
        match, and Shift+Space says there is no name. Nothing when the words are not found (said), or none are typed."""
        if not self.edit.text() or not self.find(names=True):
            return
        self.view.setFocus()
        self.jumped.emit()
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(self.view, QKeyEvent(kind, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier, " "))

    def _match_key(self, event: QKeyEvent, later: bool = False) -> None:
        """Alt+E or Alt+X typed in the bar (E and X there are letters of the words): the words' next match selected, as
        Enter does, and E (an event on it) or X (the suggestion it lies in rejected) pressed in the text, one key where
        Enter and the key were two (a trigger the suggester missed: `Ctrl+F v e r Alt+E`); nothing when the words are
        not found (said), or none are typed. Alt+X goes to the next match that lies in one undecided suggestion
        (``undecided``), passing over those in none, where X would reject nothing (session 30: seed 002's `Ctrl+F t e
        Return F3 x` is `Ctrl+F t e Alt+X`); when none does, the next match, and X says why it rejects nothing. Alt+E
        goes to the next match whose word is a trigger word of the schema (``names_type``) in no span (``spans``),
        passing over "state" and "said" for "s" (seed 002's `Ctrl+F s t r Alt+E` is `Ctrl+F s Alt+E`); else to an event's
        trigger word (E decides it); else to the next in no span and of no closed class of English; else the next match
        (session 33: ``trigger_reach``).
        ``later``: at the key's ShortcutOverride (macOS), the keys given to the text at once, so that the key goes on to
        the text, which types nothing, not to the bar's input method, and E or X pressed once that is done."""
        reject = event.key() == Qt.Key.Key_X
        if not self.edit.text() or not self.find(within=self.undecided() if reject else None, trigger=not reject):
            return
        self.view.setFocus()
        self.jumped.emit()
        key, text = (Qt.Key.Key_X, "x") if reject else (Qt.Key.Key_E, "e")

        def press() -> None:
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                QApplication.sendEvent(self.view, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

        if later:
            QTimer.singleShot(0, press)
        else:
            press()

    def _role_key(self, event: QKeyEvent) -> None:
        """A role key typed in the bar (the key was lost there): Alt+N and Alt+Shift+N select the words' next match, as
        Enter does, and fill the role with it in the text ("Ctrl+F m o d Alt+Shift+1": Enter was a key more); nothing
        when the words are not found (said); with no words typed the key acts in the text as it is. A match in no
        span is widened first to the name of several words around it (``filler``: seed 004's "co" fills with "Court of
        Appeal", not a span "Court" of its own; Alt+Enter and the key were two keys; in a span, the key takes that
        span: ``EditActions.take_span_around_match``): Enter, then the key, fills with the word alone."""
        if self.edit.text() and not self.find():
            return
        self.view.setFocus()
        if self.edit.text():
            self.jumped.emit()
            match = self.view.selection_cp()
            if match is not None and (name := self.filler(*match)) is not None:
                self.view.select_cp(*name)
        QApplication.sendEvent(self.view, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text()))


# macOS: Option+E is a dead key. The ShortcutOverride the bar takes from the Edit menu comes first, then (no shortcut
# having matched) the key goes to the focused widget's input method, which starts an accent in the bar: no KeyPress
# follows (Qt's cocoa QNSView handleKeyEvent). There the bar acts at the override (``FindBar._match_key``).
ACTS_AT_OVERRIDE = sys.platform == "darwin"
DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): str(d) for d in range(10)}  # Ctrl+ one of them: ``FindBar._label_key``


def _match_key(event: QKeyEvent) -> bool:
    """Alt+E or Alt+X, with no other modifier (Ctrl+Alt is AltGr on Windows, Shift+E another type): a key of the text
    that acts on Find's match, taken in the bar (``FindBar._match_key``)."""
    alt = Qt.KeyboardModifier.AltModifier
    return event.key() in (Qt.Key.Key_E, Qt.Key.Key_X) and event.modifiers() == alt
