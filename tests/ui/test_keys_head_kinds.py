"""Session 34 (helper s34-args): a role key's cycle offers the sentence's noun heads (round 26b) only of a kind the
role takes (``annotator.role_heads.heads_of_kind``: the word classes of ``suggest.noun_classes``): Merge-Org's Org was
offered "deal" and the key made it an ORG. The test presses the keys through the real window and reads the project
file; it fails on main (the second Alt+1 made "deal" an ORG in Org)."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt

ALT = Qt.KeyboardModifier.AltModifier
TEXT = "The two banks will merge in a deal that values the combined company at $14 billion."


def _merger_with_heads(path):  # type: ignore[no-untyped-def]
    """A project of TEXT with a suggested Merge-Org of no filler, a MONEY span and the parse's noun heads "banks",
    "deal" and "company" stored as pre-annotation with events stores them."""
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import one_suggested_event, store_word_tokens

    merge = EventSuggestion("Business:Merge-Org", *find(TEXT, "merge"), 0.6, ())
    one_suggested_event(path, TEXT, [(*find(TEXT, "$14 billion"), "MONEY")], merge)
    store_word_tokens(path, TEXT, [find(TEXT, "banks"), find(TEXT, "deal"), find(TEXT, "company")])
    return path


def _org_fillers(path) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(words, label) of every filler of Org the project file holds."""
    from annotator.store import Project

    with Project(path, create=False) as p:
        doc = p.document_ids()[0]
        ents = {e.id: e for e in p.entities(doc)}
        return [
            (TEXT[ents[a.entity_id].start : ents[a.entity_id].end], ents[a.entity_id].label)
            for ev in p.events(doc)
            for a in ev.arguments
            if a.role == "Org"
        ]


@pytest.mark.slow  # about 2 s: the window and its keys
def test_a_role_key_offers_no_noun_of_a_kind_the_role_does_not_take(qtbot, tmp_path):
    from ui_support import close_window, open_window

    path = _merger_with_heads(tmp_path / "kinds.annotator")
    w = open_window(qtbot, path)
    try:
        v = w.view
        v.setFocus()
        (ev,) = w.controller.events.values()
        w.controller.select_event(ev.id)
        qtbot.keyClick(v, Qt.Key.Key_1, ALT)  # Org: no ORG span in the sentence; the nearest noun of an ORG's kind
        first, said = _org_fillers(path), w.message.text()
        qtbot.keyClick(v, Qt.Key.Key_1, ALT)  # again: the next such noun, past "deal" (main: "deal" made an ORG)
        second = _org_fillers(path)
    finally:
        close_window(w)
    assert first == [("banks", "ORG")], first
    # the status line's "Alt+1 again: ..." names the nouns of an ORG's kind first, "deal" (of no kind known) after
    # them (session 34, s34-keys: offered last, said so, where this first form left it out)
    assert said.index("“company”") < said.index("“deal”"), said
    assert second == [("company", "ORG")], second
