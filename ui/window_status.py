"""The main window's status line: what it says of the selection (a span, an event fitted to the line's width, a
key's note), the work left in the open document in the status bar's own widget, an undo's or redo's words, and
the line told again as the caret, the document's status or the window's width change (a mixin of MainWindow, split
from its keyboard flow to keep each file to one job)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from annotator.model import DEFAULT_SET, FINISHED
from annotator.navigation import LocalTokens
from annotator.teams.sets import covering_sets, waits_for_adjudication
from ui.caret_note import caret_key, caret_span
from ui.event_line import DECIDE_KEYS, event_line
from ui.event_moves import same_objects
from ui.pane_keys import pane_keys
from ui.plain import tooltip_text
from ui.status_line import SEPARATOR
from ui.step_notes import after_review_said, made_fillers_said
from ui.work_left import keys_left, work_left, work_left_short

if TYPE_CHECKING:  # pragma: no cover
    from ui.side_panels import SidePanels
    from ui.window_parts import WindowParts as _Window
else:
    _Window = object  # a part of the window: what it takes from the rest is WindowParts


class WindowStatusLine(_Window):
    """Methods of MainWindow that tell the status line (``self`` is the MainWindow)."""

    _refit_queued = False  # a refit of the status line waits for the layout to settle (``refit_line``)
    _keys_left = ""  # the keys the work-left widget says where there is room (``say_keys_left``)

    def show_note(self, message: str) -> None:
        """A key's own message ("Entity: John Smith (Alt+1 again: next candidate)"): it stays, with the work left,
        while what was selected when it was said stays selected and no other edit is made (the panels' update
        after the edit described the selection over it, so it was never seen). Another document ends it: "a.txt has
        1 problem left", said on the next one, stayed two document changes later."""
        c = self.controller
        self._note = (message, c.current_entity, c.current_event, c.doc.id if c.doc is not None else None)
        self.message.setText(message)
        self._described = self.message.text()  # as the line keeps it (its spaces made one): told from another's

    def forget_note(self, *_: object) -> None:
        self._note = None

    def end_note(self, message: str) -> None:
        """The note ``message`` is over (the window it spoke of closed): when the status line still shows it, the
        line tells the selection and the document's work again; another message since then stays."""
        note = getattr(self, "_note", None)
        if message and note is not None and note[0] == message and self.message.text() == self._described:
            self.forget_note()
            self.message.setText("")
            self.describe_current_entity()

    def after_step(self, *_: object) -> None:
        """The undo stack moved: an undo or redo tells what it did ("Undone: Fill Place") beside the work left, with
        what it touched selected; any other step ends the message of the key before it."""
        said = self.controller.take_said()
        before, self._step_index = getattr(self, "_step_index", None), self.controller.undo_stack.index()
        if said is None:
            made = self._step_index != before and not self.controller.kept.landing  # not a kept edit written
            step = self.controller.undo_stack.command(self._step_index - 1)
            new = made and self._step_index > (before or 0)  # made, not undone
            if new and (review := after_review_said(self.controller, step)):  # after the key's own line (move_on's)
                QTimer.singleShot(0, self, partial(self.controller.report_status, review))
            if new and (went := made_fillers_said(self.controller, step)):  # before the next suggestion's line
                short = made_fillers_said(self.controller, step, short=True)
                QTimer.singleShot(0, self, lambda: self.controller.report_status(self._went_beside(went, short)))
            if made and getattr(self, "_note", None) is not None:  # a step made: said again
                self.forget_note()  # now (a comment, which changes no span or event, left "Undone: Accept all
                self.describe_current_entity()  # suggestions" as if that were the last thing done)
        else:
            self.show_note(said)

    def _went_beside(self, went: str, short: str) -> str:
        """What a rejected event took with it before the next suggestion's line: whole where the line keeps the next
        one's keys beside it, else its short form (at 1366 "X: reject)" of the next was cut, s40-look)."""
        line = self.message.text()
        whole = went + SEPARATOR + line
        return whole if self.message.fits(whole) else short + SEPARATOR + line

    def _trigger_words_left(self) -> int:
        """How many words N stops at (``EventMoves.n_stops``), counted again only when a span, a rejection or an event
        trigger changed: 4.6 ms a count on the 529,249-character document of bench/event_keys.py, at every key once all is
        decided."""
        c = self.controller
        taken = frozenset((v.trigger_start, v.trigger_end) for v in c.events.values())  # a rejected one's too
        # the text and the span index themselves, held: an index made after a span was added took the freed one's
        # memory, and its ``id()`` matched: N's words counted before the span (session 39)
        held = (c.doc.text if c.doc is not None else None, c.span_index())
        key = (c.entity_tally.count("rejected"), taken)
        kept = getattr(self, "_words_left", None)
        if kept is None or not same_objects(kept[0], held) or kept[1] != key:
            kept = self._words_left = (held, key, len(self.edit_actions.moves.n_stops()))
        return kept[2]

    def _waiting_annotators(self) -> list[str]:
        """The annotators whose work on the open document waits for adjudication (``teams.sets``), read again only
        when the document or its status changed (the line is told at every key)."""
        c = self.controller
        doc = c.doc
        key = (c.project, doc)  # the objects themselves, held (a status changed makes another Document)
        kept = getattr(self, "_adjudication_kept", None)
        if kept is None or not same_objects(kept[0], key):
            names: list[str] = []
            if c.project is not None and c.doc is not None:
                names = sorted(covering_sets(c.project, c.doc.id) - {DEFAULT_SET})
                names = names if waits_for_adjudication(names, c.doc.status) else []
            kept = self._adjudication_kept = (key, names)
        return kept[1]

    def work_left_now(self) -> tuple[str, str]:
        """What is left to do in the open document: (the status bar's own widget's words, the whole line)."""
        c = self.controller
        short = ""  # the count in the status bar's own widget (a selection's line no longer ends with it)
        self._keys_left = ""
        if c.doc is not None and (coming := c.held.coming) is not None:  # not "no suggestions here": not read yet
            left = f"Reading this document's annotations ({coming.total:,}): they are shown once read"
        elif c.doc is not None:
            n = self.undecided_count()
            bare = not n and c.doc.status == "new" and not c.entities and not c.events
            if bare and self.preannotating():
                # not "every suggestion is decided (Ctrl+Enter: mark it annotated)": they have not come yet
                left = "Pre-annotation is running: this document's suggestions come when it is done (Alt+C cancels it)"
            elif bare and (elsewhere := self.waiting_for_other_run()):  # not "Pre-annotate all": it is refused
                left = elsewhere
            elif bare and (names := self._waiting_annotators()):  # a team project's final set before adjudication
                left = (
                    f"Nothing decided here yet: the work of {', '.join(names)} waits for adjudication "
                    "(Review > Adjudicate differences…: Ctrl+Shift+J)"
                )
                short = "Left: adjudication"
            elif bare and isinstance(c.tokens(), LocalTokens):  # never pre-annotated (cancelled, or turned off)
                left = (
                    "No suggestions here yet: Project > Pre-annotate all documents makes them "
                    "(or select words and press a label key)"
                )
            else:
                words = 0 if n or c.doc.status in FINISHED else self._trigger_words_left()
                made = n > 0 or any(
                    t.count(s) for t in (c.entity_tally, c.event_tally) for s in ("accepted", "rejected")
                )
                left = work_left(n, c.doc.status, c.event_tally.count("suggested"), words, made)
                short = work_left_short(n, c.doc.status, c.event_tally.count("suggested"), words, made)
                self._keys_left = keys_left(n, c.doc.status, words)
        elif c.project is not None and self.importing():  # not "has no documents yet" while they come in
            left = "Importing: the documents come into the list as each batch is stored (Alt+C cancels; stored ones are kept)"
        elif c.project is not None and not c.project.document_ids():  # a new project (`gui NEW` makes one): said so
            left = f"{c.project.path.name} has no documents yet: File > Import files… (Ctrl+I) brings them in"
        elif c.project is None:  # the first start: the window was empty and said nothing
            left = "No project open: File > New project… (Ctrl+N) makes one, File > Open project… (Ctrl+O) opens one"
        else:
            left = ""
        return short, left

    def describe_current_entity(self) -> None:
        """The selected span (else event): label, state and text in the status bar; cleared when it is gone."""
        c = self.controller
        e = c.entities.get(c.current_entity) if c.current_entity is not None else None
        v = c.events.get(c.current_event) if c.current_event is not None else None
        short, left = self.work_left_now()
        self._fitted_at: int | None = None  # the line's width a suggested event's fillers were fitted to
        self.show_work_left(short, left)
        note = getattr(self, "_note", None)
        ours = self.message.text() in ("", getattr(self, "_described", ""))  # not a message of some work's
        here = (c.current_entity, c.current_event, c.doc.id if c.doc is not None else None)
        if note is not None and (note[1:] != here or not ours):
            # its selection is gone, or another message came after it (a setting's, a work's end): it came back over
            # "Version 1 is now the default" minutes later, at the pre-annotation that message asked for
            note = self._note = None
        whole = ""  # the line's whole text where it says less (the selected event's, ``ui.event_line``)
        pane = pane_keys(self._panels_shown(), QApplication.focusWidget())  # the keys in a panel: what they do there
        if note is not None:
            text = note[0]
        elif pane:
            text = pane
        elif e is not None:
            keys = DECIDE_KEYS if e.state == "suggested" else ""
            text = f"{e.label} ({e.state}): {c.span_said(e.start, e.end, 80)}{keys}"
        elif v is not None:
            # fewer fillers named, words shortened where the line is cut (1366x768): its keys, then the caret note, stay
            # in view (sessions 26, 34); fitted to the line as wide as it is beside the work-left widget, shown with it
            self.work_label.setVisible(bool(getattr(self, "_work_left_whole", "")))
            self.message.parentWidget().layout().activate()  # the status bar's
            under = caret_span(c, self.view)  # the caret moved off the event onto a span: said (``caret_moved``)
            self._caret_said = caret_key(under)
            # "found" of "found … guilty": Shift+Enter takes the phrase (a decided event's too, session 23)
            phrase = self.edit_actions.events.phrase(v) if v.state != "rejected" else None
            text, whole = event_line(c, v, phrase, under, self.message.fits)
            self._fitted_at = self.message.width()  # resized to another width: fitted again (``refit_line``)
        else:
            text = ""
        if text:
            beside = f"{SEPARATOR}{left}" if left and not short else ""
            self.message.set_text_and_whole(f"{text}{beside}", f"{whole}{beside}" if whole != text else "")
            self._described = self.message.text()
        elif ours:  # what it described is gone, or nothing is selected: the work left in the document
            self.message.setText(left)
            self._described = left
        self.follow_work_label()  # once the line is set (shown before it, the line's text hid it again: a relayout)
        self.say_keys_left()

    def say_keys_left(self) -> None:
        """The work-left widget followed by the keys left (``keys_left``) when the selection's line keeps its whole
        text beside them: the line's words come first (a decided event's "Shift+Enter: widen the trigger to …" was
        cut for them at 1200 px)."""
        label, keys = self.work_label, self._keys_left
        if not keys or not label.isVisible() or label.text().endswith(keys):
            return
        self.message.parentWidget().layout().activate()  # the status bar's widths as the texts now set make them
        fm = self.message.fontMetrics()
        if fm.horizontalAdvance(self.message.text()) + fm.horizontalAdvance(keys) <= self.message.width():
            label.setText(label.text() + keys)

    def keys_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """The keys went into a side panel, to another or back to the text (F6, Escape, a click): the line says what
        they do there, while it says the selection (no message came since)."""
        panels = self._panels_shown()
        if pane_keys(panels, old) == pane_keys(panels, new):
            return
        if self.message.text() in ("", getattr(self, "_described", "")):
            self.describe_current_entity()

    def _panels_shown(self) -> "SidePanels | None":
        """The side panels when built (asked for, they would be built now)."""
        return self.side_panels() if self.panels_built else None

    def status_shown(self) -> None:
        """The open document's status changed (Mark reviewed, which stays on it; an undo of a mark): the title, and the
        work left beside the line. It said "All decided; annotated" on a document just marked reviewed, until the
        selection changed (session 30). The line itself is told again only while it says the selection."""
        self.show_title()
        if self.message.text() in ("", getattr(self, "_described", "")):
            self.describe_current_entity()
            return
        self.show_work_left(*self.work_left_now())
        self.follow_work_label()

    def caret_moved(self) -> None:
        """The caret moved while an event is selected: the line names the span under it once that is another one
        (``ui.caret_note``), while the line still says the selection (no message came since)."""
        e = caret_span(self.controller, self.view)
        if caret_key(e) == getattr(self, "_caret_said", None):
            return
        if self.message.text() == getattr(self, "_described", None):
            self.describe_current_entity()

    def refit_line(self, _width: int = 0) -> None:
        """The line names a suggested event's fillers fitted to its width (``describe_current_entity``); the window
        resized, they are fitted to the new width, once the layout has settled (session 26's fit followed only a new
        selection: made narrow, the line fitted wider was cut before its keys, "X: re…"; made wide, it kept "and 2
        more" with room for them). Only while the line still says the selection, and its width is another."""
        fitted = getattr(self, "_fitted_at", None)
        if fitted is None or self._refit_queued:
            return
        self._refit_queued = True

        def refit() -> None:
            self._refit_queued = False
            width = self.message.width()
            if getattr(self, "_fitted_at", None) in (None, width) or self.controller.current_event is None:
                return
            if self.message.text() == getattr(self, "_described", None):  # no other message came since
                self.describe_current_entity()

        QTimer.singleShot(0, self, refit)

    def show_work_left(self, short: str, whole: str) -> None:
        """The work left in the status bar's own widget (``short``, ``whole`` in its tooltip), where no message can push
        it out of view; hidden while the line says ``whole``: the caller follows it once the line is set (not twice)."""
        label = self.work_label
        label.setText(short)
        label.setToolTip(tooltip_text(whole) if short else "")
        self._work_left_whole = whole if short else ""

    def follow_work_label(self) -> None:
        """The work-left widget shown unless the status line says the same whole (nothing selected)."""
        whole = getattr(self, "_work_left_whole", "")
        self.work_label.setVisible(bool(whole) and self.message.text() != whole)
