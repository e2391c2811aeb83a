"""What the event keys remembered of a project by its row ids is forgotten when it is closed (File > Close project,
or the close before another project opens in the same window): every project numbers its events, spans and
arguments from 1, so the next project's rows meet the memos of the one before."""

from __future__ import annotations

from pathlib import Path

from ui_support import one_event, press_role_key, settled, window_settled

A_TEXT = "Maria Lopez met John Smith."
B_TEXT = "Anna Berg met Tom Hale on Monday."


def _meet_project(path: Path, text: str, words_labels, filler: str | None = None) -> Path:  # type: ignore[no-untyped-def]
    """A project of one document with one Contact:Meet on "met" (event 1), its spans 1, 2, ... in ``words_labels``'
    order, and ``filler`` in its Entity role (argument 1) when given."""
    from annotator import edits
    from annotator.store import Project

    one_event(path, text, words_labels, "Contact:Meet", "met")
    if filler is not None:
        with Project(path, annotator="setup") as p:
            d = p.document_ids()[0]
            (ev,) = p.events(d)
            (ent,) = [e for e in p.entities(d) if text[e.start : e.end] == filler]
            edits.add_argument(p, ev.id, "Entity", ent.id)
    return path


def _opened(qtbot, w, path: Path):  # type: ignore[no-untyped-def]
    assert w.open_project(path)
    window_settled(qtbot, w)
    settled(qtbot, lambda: not w.after_view_paint.pending)
    w.view.setFocus()
    (ev,) = w.controller.events.values()
    w.controller.select_event(ev.id)
    return ev


def _entity_fillers(c, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    (ev,) = c.events.values()
    return [text[c.entities[a.entity_id].start : c.entities[a.entity_id].end] for a in ev.arguments]


def test_a_role_key_in_the_next_project_starts_its_own_candidates(qtbot, window, tmp_path):
    w, c = window, window.controller
    a = _meet_project(tmp_path / "a.annotator", A_TEXT, [("Maria Lopez", "PERSON"), ("John Smith", "PERSON")])
    b = _meet_project(
        tmp_path / "b.annotator",
        B_TEXT,
        [("Anna Berg", "PERSON"), ("Monday", "DATE"), ("Tom Hale", "PERSON")],
        filler="Anna Berg",
    )
    ev = _opened(qtbot, w, a)
    press_role_key(qtbot, w, "Contact:Meet", "Entity")  # a's event 1: its argument 1, a cycle over a's persons
    assert len(_entity_fillers(c, A_TEXT)) == 1
    w.actions_by_name["close_project"].trigger()
    assert c.project is None
    ev_b = _opened(qtbot, w, b)  # b's event 1, its argument 1 (Anna Berg) in Entity: the ids a's cycle had
    assert (ev_b.id, ev_b.arguments[0].id) == (ev.id, c.events[ev.id].arguments[0].id)
    press_role_key(qtbot, w, "Contact:Meet", "Entity")
    # b's own first candidate in place of the filler there, as in a window just opened on b: Tom Hale (a's cycle went
    # on to its second candidate's id, which b gives Monday, a DATE, or Anna Berg herself)
    assert _entity_fillers(c, B_TEXT) == ["Tom Hale"]
    assert w.message.text().startswith("Entity: Tom Hale")


def test_the_close_keeps_no_row_of_the_closed_project(qtbot, window, tmp_path):
    """The selected span as last seen (kept to find a kept new span once it lands) and the stand-ins landed are the
    closed project's rows: forgotten at the close with its selection, as a window just made has none."""
    from annotator.model import Entity

    w, c = window, window.controller
    a = _meet_project(tmp_path / "a.annotator", A_TEXT, [("Maria Lopez", "PERSON"), ("John Smith", "PERSON")])
    _opened(qtbot, w, a)
    (maria,) = [e for e in c.entities.values() if A_TEXT[e.start : e.end] == "Maria Lopez"]
    c.select_entity(maria.id)
    c.landed[-1] = maria.id  # a selected stand-in landed as Maria Lopez's span (what a kept edit's landing records)
    w.actions_by_name["close_project"].trigger()
    assert c.project is None
    kept = [(name, v) for name, v in vars(c).items() if isinstance(v, Entity)]
    assert kept == []
    assert c.landed == {}


def test_a_fit_of_the_event_panel_pending_at_the_close_remembers_no_event_of_the_closed_project(
    qtbot, window, tmp_path
):
    """File > Close project forgets the event whose panel height was fitted (the next project numbers its events
    from 1 too: its event 1 would not be fitted); a fit still pending at the close (asked as the event was shown, run
    once laid out) fitted the closed project's event after it and remembered its id again."""
    w, c = window, window.controller
    _opened(qtbot, w, _meet_project(tmp_path / "a.annotator", A_TEXT, [("Maria Lopez", "PERSON")]))  # its event shown
    w.fit_event_height_soon()
    w.actions_by_name["close_project"].trigger()
    window_settled(qtbot, w)
    assert c.project is None and w._height_fitted_for is None
