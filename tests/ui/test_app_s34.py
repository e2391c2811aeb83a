"""Session 34 (helper s34-team): a set's rename taken back while another program writes to the project.

On main the rename's undo (Ctrl+Z in the main window) ran in a worker that waited the busy timeout once and gave up:
the step stayed where it was, "try again when it is done" in the status line, and nothing tried it again. It is tried
again now as an edit kept meanwhile is (``write_queue.write_when_free``: ``FIRST_WAIT_MS``, then every ``RETRY_MS``),
the status bar's progress saying it waits, until it lands or Cancel gives up: said, the step kept made. Each test
failed on main (a long write of another program: the busy timeout shortened to 0.2 s)."""

from __future__ import annotations

import time

import pytest

from test_app_s33 import _rename, _sets
from test_app_s32 import _sets_window, _team
from ui_support import close_window, locked


@pytest.fixture
def short_busy_timeout(monkeypatch):  # type: ignore[no-untyped-def]
    """Another program's write outlasting the worker's busy timeout (10 s in use) without the test waiting it out."""
    from annotator import store

    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)


def _undo_while_locked(qtbot, w, team):  # type: ignore[no-untyped-def]
    """The rename root -> bob made, then Edit > Undo while another program holds the write lock for longer than the
    busy timeout: (the other program's connection, the list the step's ends are counted in)."""
    c = w.controller
    step = c.undo_stack.command(0)
    ended: list[bool] = []
    step.after = lambda: ended.append(True)
    other = locked(team)
    w.actions_by_name["undo"].trigger()
    since = time.monotonic()
    # the wait said (on main never: the worker gave up after the busy timeout) and held past six busy timeouts
    qtbot.waitUntil(lambda: "waiting for another program to finish writing" in w.progress_label.text())
    qtbot.waitUntil(lambda: time.monotonic() - since > 1.2 or bool(ended))
    return other, ended


@pytest.mark.slow
def test_a_rename_taken_back_while_another_program_writes_waits_and_lands_when_it_is_done(
    qtbot, tmp_path, short_busy_timeout
):
    team = _team(tmp_path)
    w, dlg = _sets_window(qtbot, team)
    c = w.controller
    try:
        _rename(qtbot, dlg, "root", "bob")
        dlg.reject()
        other, ended = _undo_while_locked(qtbot, w, team)
        try:
            assert not ended and w.workers, "still waiting (on main: given up, 'try again when it is done')"
        finally:
            other.execute("COMMIT")
            other.close()
        qtbot.waitUntil(lambda: ended == [True] and not w.workers)
        assert _sets(team) == ["alice", "root"]
        assert w.message.text().startswith("Undone: Rename set 'root' to 'bob' (set 'bob' renamed 'root'"), (
            w.message.text()
        )
        assert c.undo_stack.index() == 0 and c.undo_stack.canRedo()
    finally:
        close_window(w)


@pytest.mark.slow
def test_a_rename_s_undo_given_up_while_another_program_writes_is_said_and_stays_in_the_history(
    qtbot, tmp_path, short_busy_timeout
):
    team = _team(tmp_path)
    w, dlg = _sets_window(qtbot, team)
    c = w.controller
    undo = w.actions_by_name["undo"]
    try:
        _rename(qtbot, dlg, "root", "bob")
        dlg.reject()
        other, ended = _undo_while_locked(qtbot, w, team)
        try:
            w.cancel_work()  # the status bar's Cancel
            qtbot.waitUntil(lambda: ended == [True] and not w.workers)
        finally:
            other.execute("COMMIT")
            other.close()
        said = w.message.text()
        assert "cancelled while another program was still writing to the project; nothing was changed" in said, said
        assert "“Rename set 'root' to 'bob'” stays made; Undo tries it again" in said, said
        assert _sets(team) == ["alice", "bob"]
        assert c.undo_stack.index() == 1 and undo.text() == "&Undo Rename set 'root' to 'bob'", undo.text()
        ended.clear()
        undo.trigger()  # the other program done: taken back now
        qtbot.waitUntil(lambda: ended == [True] and not w.workers)
        assert _sets(team) == ["alice", "root"] and c.undo_stack.index() == 0
    finally:
        close_window(w)


def test_the_adjudication_list_says_every_way_three_annotators_versions_differ_and_names_each_key():
    """The seeds' 002 with alice, bob and carol: bob took the Victim out of alice's "killed" and carol rejected it. The
    Difference column read "only alice, bob" (its first way alone: as if alice and bob agreed), and the keys line
    "A / B" with a C column beside it."""
    from annotator.teams.differences import Difference, EventOption
    from ui.dialogs.adjudication import difference_said, keys_hint

    attrs = (("polarity", "Positive"),)
    alice = EventOption("Life:Die", 24, 30, attrs, (("Place", 100, 109, "GPE"), ("Victim", 12, 18, "PERSON")))
    bob = EventOption("Life:Die", 24, 30, attrs, (("Place", 100, 109, "GPE"),))
    killed = Difference(
        "ev24-x", 1, "event", "only", ("only", "arguments"), (("alice", alice), ("bob", bob), ("carol", None))
    )
    assert difference_said(killed) == "only alice, bob; arguments"
    assert keys_hint(3).startswith("A / B / C: take that annotator's version · Shift+A / Shift+B / Shift+C: of every")
    assert keys_hint(2).startswith("A / B: take that annotator's version · Shift+A / Shift+B: of every item left")
    assert keys_hint(0) == ""  # no annotator worked on the document (the heading says it)
    assert keys_hint(6).startswith("A … H: take that annotator's version · Shift+A … Shift+H: of every item left")


def test_the_agreement_window_shows_the_trigger_words_whatever_the_type_and_those_typed_otherwise():
    """Review > Agreement: one row of the trigger words (its one label's overall) and a row per pair of types given to
    the same words (alice's "airstrike" Conflict:Attack, carol's Conflict:Demonstrate)."""
    from annotator.teams.agreement import ANY_TYPE, Scores
    from ui.dialogs.agreement import pair_rows

    sc = Scores()
    sc.trigger_words.count(ANY_TYPE, tp=9, a=11, b=9)
    sc.other_types[("Conflict:Attack", "Conflict:Demonstrate")] += 1
    rows = [r for r in pair_rows(sc.to_dict()) if r[0] in ("Trigger words (any type)", "Same trigger, other type")]
    assert rows == [
        ["Trigger words (any type)", "overall", "11", "9", "1.000", "0.818", "0.900", ""],
        ["Same trigger, other type", "Conflict:Attack / Conflict:Demonstrate: 1", "", "", "", "", "", ""],
    ], rows
