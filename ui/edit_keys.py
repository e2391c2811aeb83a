"""The annotation keys on the document view: which edit or move of ``ui.editing.EditActions`` a key press asks for
(Tab, Enter, X, Delete, Escape, Space, Shift+Space, a label key (Ctrl+ one that is a digit too), E, A, N, [ ], Alt+N,
Shift+arrows, Ctrl+Shift+N, Ctrl+Alt+Shift+N). The main window hands it the view's keys; the actions do the work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor

from ui.panels.find_bar import DIGIT_KEYS
from ui.role_keys import ROLE_KEYS

if TYPE_CHECKING:  # pragma: no cover
    from ui.editing import EditActions

MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)
CARET_MOVES = (  # the caret's own keys, alone or with Ctrl (a word, a paragraph, the text's ends)
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)


def _past_the_match_s_word(edit: "EditActions") -> bool:
    """Ctrl+Shift+Right on Find's match that ends inside a word (the bar open): the selection is taken on to the
    next word's start here, and the view's own move then takes it past that word. A key on the match acts on its
    whole word already (a label key, E, Alt+N snap it), so the first press, which only took in the rest of the
    match's word, was a key lost for words of two or more ("sa" -> "Saturday morning": seed 002's Time)."""
    view = edit.view
    sel = view.selection_cp()
    if sel is None or not edit.on_find_match() or edit.c.snap(*sel)[1] <= sel[1]:
        return False
    cur = view.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cur)
    return True


def annotation_key(edit: "EditActions", event: QKeyEvent) -> bool:
    """True when the key was an annotation command (``edit`` did it)."""
    c, view = edit.c, edit.view
    if c.doc is None or view.refused:  # nothing shown, nothing to select
        return False
    key, mods = event.key(), event.modifiers()
    shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    plain = not (ctrl or alt or bool(mods & Qt.KeyboardModifier.MetaModifier))
    if c.held.coming is not None:  # a long document's rows still read: the view's own keys (move, select, copy)
        if key in MODIFIER_KEYS or key in CARET_MOVES or ctrl:  # work, an annotation key is refused, said
            return False
        return c.refuse_read_only()
    if key == Qt.Key.Key_Tab and not ctrl:
        edit.cycle(1)
        return True
    if key == Qt.Key.Key_Backtab and not ctrl:
        edit.cycle(-1)
        return True
    if not (alt and key in ROLE_KEYS) and key not in MODIFIER_KEYS:
        edit.events.forget_candidates()  # Alt+N again moves to the next candidate only when pressed in a row
    if alt and key in ROLE_KEYS:
        if ctrl and shift:  # the filler selected moved into role N (session 39)
            edit.events.move_filler(ROLE_KEYS[key] - 1)
        elif ctrl:
            edit.events.clear_role(ROLE_KEYS[key] - 1)
        elif shift:
            edit.events.add_another(ROLE_KEYS[key] - 1)
        else:
            edit.fill_role(ROLE_KEYS[key] - 1)
        edit.events.show_role(ROLE_KEYS[key] - 1)  # the row the key changed, in the editor's view
        return True
    if ctrl and shift and not alt and key in ROLE_KEYS:  # the filler of role N of the selected event (round 31)
        edit.events.select_filler(ROLE_KEYS[key] - 1)
        return True
    if ctrl and shift and not alt and key == Qt.Key.Key_Right and _past_the_match_s_word(edit):
        return False  # the view takes the selection on to the next word's end, as from a word's end
    has_target = edit.current() is not None or (c.current_event is not None and view.selection_cp() is None)
    if shift and key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and has_target and not alt:
        edit.move_edge("end" if ctrl else "start", -1 if key == Qt.Key.Key_Left else 1)
        return True
    if key in CARET_MOVES and not (shift or alt):
        c.select_entity(None)  # moving the caret (Ctrl+Home, a word, ... too) leaves the span
        return False
    if ctrl and not (alt or shift) and key in DIGIT_KEYS and DIGIT_KEYS[key] in edit.label_keys():
        edit.label(edit.label_keys()[DIGIT_KEYS[key]])  # Ctrl+ a label key that is a digit, as in Find's bar
        return True
    if not plain:
        return False
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        if shift:  # the selected event's trigger widened to the phrase its word starts ("found … guilty")
            edit.events.accept_as_phrase()
        else:
            edit.accept()
        return True
    if key == Qt.Key.Key_Delete or key == Qt.Key.Key_Backspace:
        edit.delete()
        return True
    if key == Qt.Key.Key_Escape:
        if edit.closes_find():
            return True
        if edit.events.back_to_picked_event():  # the filler Ctrl+Shift+N selected: back to its event
            return True
        bare = view.selection_cp() is None and c.current_entity is None and c.current_event is None
        edit.clear_selection()
        c.select_entity(None)
        c.select_event(None)
        if bare:
            edit.escapedBare.emit()
        return True
    if key == Qt.Key.Key_Space and shift:
        edit.select_name()
        return True
    if key == Qt.Key.Key_Space:
        edit.select_at_caret()
        return True
    text = event.text()
    if text in ("x", "X"):
        edit.reject()
        return True
    if key == Qt.Key.Key_E and shift and edit.events.take_alternative():  # a suggestion's other type, one key
        return True
    if text in ("e", "E"):
        edit.new_event()
        return True
    label = edit.label_keys().get(text) if text else None
    if label is not None:
        edit.label(label)
        return True
    if text in ("a", "A"):
        edit.label_everywhere(accept=text == "A")
        return True
    if text in ("n", "N"):
        edit.moves.next_trigger_word(-1 if text == "N" else 1)
        return True
    if text in ("]", "["):
        edit.moves.step(1 if text == "]" else -1)
        return True
    return False
