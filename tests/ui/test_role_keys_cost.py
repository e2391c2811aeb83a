"""Alt+N on a long document costs what it costs on a short one: the sentence from the tokens read once per document
(they were read from the file and parsed at each key), the candidates from the span index (every span was sorted at
each key), going on into the rest of the document only when the user goes past the nearest."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from ui_support import DOC_A
from ui_helpers import drag_select, find

from annotator.keyflow import role_candidates

ALT = Qt.KeyboardModifier.AltModifier


def make_meet(qtbot, w):  # type: ignore[no-untyped-def]
    drag_select(qtbot, w.view, *find(DOC_A, "met"))
    qtbot.keyClick(w.view, "e")
    ev = w.controller.current_event
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    w.controller.select_event(ev)
    return ev


def test_alt_n_reads_the_tokens_once_and_goes_past_the_nearest_into_the_whole_list(qtbot, window, monkeypatch):
    from ui import role_filling

    w, c = window, window.controller
    monkeypatch.setattr(role_filling, "CANDIDATES_FIRST", 1)  # the first press makes the shortest list it can
    ev_id = make_meet(qtbot, w)
    ev = c.events[ev_id]
    role = c.schema.event_type(ev.type).roles[0]
    whole = role_candidates(
        c.entities.values(),
        role,
        (ev.trigger_start, ev.trigger_end),
        c.sentence(ev.trigger_start),
        used=[],
        text=c.doc.text,
    )
    assert len(whole) >= 4  # the sentence's two people, Paris (told as where: last), others after
    reads = []
    real = c.project.tokens
    monkeypatch.setattr(c.project, "tokens", lambda doc_id: reads.append(doc_id) or real(doc_id))
    filled = []
    for _ in range(len(whole) + 1):
        qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)
        args = [a for a in c.events[ev_id].arguments if a.role == role.name]
        assert len(args) == 1  # the same argument, its entity the next candidate
        if not filled or filled[-1] != args[0].entity_id:
            filled.append(args[0].entity_id)
    assert filled == [e.id for e in whole]  # every candidate once, in the whole list's order
    assert "No other entity fills" in w.message.text()
    assert reads == []  # the sentence comes from the tokens the controller holds


def test_the_event_editor_finds_each_fill_list_once_a_rebuild(qtbot, window, monkeypatch):
    """Selecting an event (], Alt+N, an undo) rebuilt the editor after finding every role's fill list three times:
    twice to see whether what it shows changed, once to fill the lists."""
    from ui.panels import event_editor

    w, c = window, window.controller
    ev_id = make_meet(qtbot, w)
    c.select_event(None)
    qtbot.waitUntil(lambda: w.event_editor.event_id is None)
    calls = []
    real = event_editor.nearest_candidates
    monkeypatch.setattr(event_editor, "nearest_candidates", lambda *a: calls.append(a[1].labels) or real(*a))
    c.select_event(ev_id)
    qtbot.waitUntil(lambda: w.event_editor.event_id == ev_id)
    roles = c.schema.event_type(c.events[ev_id].type).roles
    assert sorted(calls) == sorted(r.labels for r in roles)  # once each
    fills = w.event_editor.fill_combos
    assert [combo.count() - 1 for combo in fills] == [len(real(c, r, c.events[ev_id])) for r in roles]


def test_filling_a_role_makes_only_the_roles_box_again(qtbot, window):
    """Alt+N (and Ctrl+Alt+N, an argument undone) changes only the event's roles: the editor made its type and
    attribute boxes again too, a quarter of its rebuild at every such key. The Roles box shows the new filler, the
    old one is gone."""
    from PySide6.QtWidgets import QGroupBox

    w, c = window, window.controller
    ev_id = make_meet(qtbot, w)
    qtbot.waitUntil(lambda: w.event_editor.event_id == ev_id)
    ed = w.event_editor
    body, type_box, polarity = ed.scroll.widget(), ed.type_combo, ed.attribute_combos["polarity"]
    qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)
    (arg,) = c.events[ev_id].arguments
    shown = DOC_A[c.entities[arg.entity_id].start : c.entities[arg.entity_id].end]
    buttons = lambda: ed.scroll.widget().findChildren(QAbstractButton)  # noqa: E731
    qtbot.waitUntil(lambda: any(b.text() == shown and b.isVisible() for b in buttons()))
    assert ed.scroll.widget() is body and ed.type_combo is type_box and ed.attribute_combos["polarity"] is polarity
    qtbot.waitUntil(lambda: ed._group.isVisible())
    groups = [g for g in body.findChildren(QGroupBox) if g.isVisible()]
    assert groups == [ed._group]  # the old Roles box is not left behind
    c.undo_stack.undo()  # the argument undone: the same box again, now empty
    qtbot.waitUntil(lambda: not any(b.text() == shown for b in ed._group.findChildren(QAbstractButton)))
    assert ed.type_combo is type_box


def test_alt_n_before_pre_annotation_ranks_the_fallback_sentence_first(qtbot, tmp_path):
    """A document never pre-annotated has no stored sentences: its trigger's sentence was the whole text, so Alt+N
    ranked every span of a long document, and one in the next sentence came first when nearer. It is the one
    fallback's sentence (annotator.tokens), found around the trigger."""
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project
    from ui import commands as cmd
    from ui_support import close_window, open_window

    text = "Maria Lopez came to the hall with her friends and later met. John Smith left."
    maria, john, met = find(text, "Maria Lopez"), find(text, "John Smith"), find(text, "met")
    path = tmp_path / "raw.annotator"
    with Project(path) as p:
        ents = [IncomingEntity(k, s, e, "PERSON") for k, (s, e) in enumerate((maria, john))]
        import_documents(p, [IncomingDocument(text, "raw.txt", entities=ents)])
        assert p.tokens(p.document_ids()[0]) is None  # never pre-annotated
    w = open_window(qtbot, path)
    try:
        c = w.controller
        assert c.sentence(met[0]) == (0, text.index(".") + 1)
        ev = c.run(cmd.AddEvent, c.doc.id, "Contact:Meet", *met, {})
        w.edit_actions.select_event(c.events[ev])
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)
        (arg,) = c.events[ev].arguments
        filler = c.entities[arg.entity_id]
        assert (filler.start, filler.end) == maria  # its sentence's, not the nearer one of the next
    finally:
        close_window(w)
