"""The status line's memos keep the objects they were worked out from, never their ``id()``: an object made after
the first was freed is often given its memory, and so its ``id()`` (session 39; N's trigger words, session 38).
Whether it is given is the allocator's: each test makes the case twenty times (main failed in one of them or more)."""

from __future__ import annotations

import dataclasses

from ui_helpers import find
from ui_support import DOC_A

ROUNDS = 20


def test_the_words_n_stops_at_are_counted_again_after_a_span_covers_one(qtbot, window):
    from annotator import edits

    c = window.controller
    moves = window.edit_actions.moves
    for _ in range(ROUNDS):
        index = c.span_index()  # held here, as a stop test's closure holds it, until the edit is made
        assert window._trigger_words_left() == len(moves.n_stops()) == 3  # met, attacked, fired
        change = edits.add_entity(c.project, c.doc.id, *find(DOC_A, "fired"), "ORG")
        c.held.apply(change, c.project.annotation_set)  # the held rows up to date: the index made again when asked
        del index  # its memory free for the next index, made at once (as a view asks for it first)
        c.span_index()
        assert window._trigger_words_left() == len(moves.n_stops()) == 2  # main: 3 when the id() was given again
        index = c.span_index()
        c.held.apply(edits.delete_entity(c.project, change.result_id), c.project.annotation_set)
        del index
        c.span_index()
    assert window._trigger_words_left() == 3


def test_the_annotators_waiting_for_adjudication_are_read_again_for_another_document_object(qtbot, window, monkeypatch):
    import ui.window_status as status

    c = window.controller
    sets: set[str] = {status.DEFAULT_SET}
    monkeypatch.setattr(status, "covering_sets", lambda project, doc_id: set(sets))
    monkeypatch.setattr(status, "waits_for_adjudication", lambda names, doc_status: bool(names))
    for _ in range(ROUNDS):
        for other, waiting in (("vera", ["vera"]), (None, [])):
            # the sets on the file changed (another annotator's work on this document waits, or no longer) and the
            # document was read again: a Document equal to the one before, made after that one was freed (main: its
            # id() given again, the names of before kept)
            sets.clear()
            sets.update({status.DEFAULT_SET, other} - {None})
            fields = {f.name: getattr(c.held.doc, f.name) for f in dataclasses.fields(c.held.doc)}
            kind = type(c.held.doc)
            c.held.doc = None
            c.held.doc = kind(**fields)
            assert window._waiting_annotators() == waiting
