"""Session 41 (helper s41-look, docs/keyboard.md "Session 41 (helper s41-look)"): the event display and the keys at
real sizes, events-dev articles and the seeds pre-annotated and decided by keys under Xvfb at 1366x768 and 1920x1080;
each test fails on main."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from ui_helpers import find
from ui_support import DOC_A


def _ends_on(path, box: QRectF) -> list[float]:  # type: ignore[no-untyped-def]
    """x of the ends of ``path`` that meet ``box``'s top edge (where a line drops onto the box)."""
    out = []
    for i in (0, path.elementCount() - 1):
        e = path.elementAt(i)
        if abs(e.y - box.top()) < 0.01 and box.left() <= e.x <= box.right():
            out.append(e.x)
    return out


def test_the_lines_leaving_a_trigger_on_one_side_leave_it_at_one_point(qtbot, window):
    """s40-look's Left, seen again on events-dev at 1366 ("killed" with its Victim "jihadists" before it on its line
    and its Agent "coalition" on the next): the bracket to the same-line filler dropped onto the trigger's type box 2 px
    in from its left edge, the line by the margin 4 px in, two drops side by side read as one thick smudge. Every line
    leaving the trigger leftwards leaves it at one point now (and meets its role box as far in)."""
    from ui import commands as cmd

    v, c = window.view, window.controller
    s, e = find(DOC_A, "NATO forces")
    nato = next((x.id for x in c.entities.values() if (x.start, x.end) == (s, e)), None)
    if nato is None:
        nato = c.run(cmd.AddEntity, c.doc.id, s, e, "ORG")
    ev = c.run(cmd.AddEvent, c.doc.id, "Conflict:Attack", *find(DOC_A, "attacked"))
    span = {c.span_text(x.start, x.end): x.id for x in c.entities.values()}
    c.run(cmd.AddArgument, ev, "Attacker", nato)  # the same line, before the trigger
    c.run(cmd.AddArgument, ev, "Target", span["Acme Corp"])  # the next line: by the margin
    window.edit_actions.select_event(c.events[ev])
    v.viewport().repaint()
    placed = {k: box for box, k, _ in v.labels.boxes}
    trig = placed[-ev]
    assert len(v.labels.arcs) == 2
    drops = sorted(x for path in v.labels.arcs for x in _ends_on(path, trig))
    assert len(drops) == 2 and drops[0] < trig.center().x(), drops  # both leave it leftwards
    assert drops[1] - drops[0] < 0.01, drops  # main: 2 px apart
    inset = drops[0] - trig.left()
    (at_nato,) = [x for path in v.labels.arcs for x in _ends_on(path, placed[nato])]
    (at_acme,) = [x for path in v.labels.arcs for x in _ends_on(path, placed[span["Acme Corp"]])]
    assert abs(placed[nato].right() - at_nato - inset) < 0.01, (at_nato, placed[nato])  # as far in from its near edge
    assert abs(at_acme - placed[span["Acme Corp"]].left() - inset) < 0.01, (at_acme, placed[span["Acme Corp"]])


@pytest.mark.slow  # two windows: ~3 s
def test_a_later_start_in_a_shorter_window_keeps_room_for_seven_roles_before_an_event_is_chosen(qtbot, tmp_path):
    """At 1366 the split kept from a run in a 768 px window was restored into the screen's room 25-60 px less (a
    taskbar; Xvfb's 25 px): under "No event selected" the event panel was 20-40 px short of a Transport's seven roles,
    and the first Transport shown took them from the Annotations, the list jumping up under the person's eyes. The
    panel is as tall as the schema's event of the most roles needs from the start; choosing the Transport moves
    nothing."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui.widget_tools import lay_out_now
    from ui_support import close_window, open_window, shown_window

    text = "The ministry said the minister will travel to Moscow on Monday."
    path = tmp_path / "t.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "t.txt")]).imported[0][1]
        ev = edits.add_event(p, doc, "Movement:Transport", *find(text, "travel")).result_id
    w = open_window(qtbot, path, pipeline=None, size=(1366, 768))
    w.settings.q.setValue("window/geometry", w.saveGeometry())  # as the window's close keeps them
    w.settings.q.setValue("window/state", w.saveState())
    close_window(w)
    w.close()
    w = shown_window(qtbot, pipeline=None, size=(1366, 708))
    try:
        assert w.open_project(path)
        qtbot.waitUntil(lambda: not w.after_view_paint.pending)
        assert w._docks_restored
        ed, above = w.event_editor, w.docks["annotations"]
        assert ed.event_id is None
        need = ed.most_height()
        lay_out_now()  # the split asked for laid out, as the paint due lays it out
        assert ed.height() >= need, (ed.height(), need)  # main: 372 of 409
        rows = above.height()
        w.controller.select_event(ev)
        qtbot.waitUntil(lambda: ed.event_id == ev)
        qtbot.waitUntil(lambda: not w._height_timer.isActive())  # the height fitted once the rows are laid out
        assert ed.height_short() == 0
        assert above.height() == rows  # nothing jumped
    finally:
        close_window(w)


def test_corpus_names_of_a_long_common_start_are_cut_once_their_number_in_sight(qtbot):
    """The document list at 1366 on five events-dev articles read "…3131977.t…", "…6.07.09.34…", "…6.11.28.36…": cut
    at both ends around where each parts from its neighbours, the number telling the articles apart cut too. Each
    shows its end now, cut once before it, the article's number (its last digits) and ".txt" in sight."""
    from test_qa_session10 import _shown_names

    from ui.panels.document_widths import least_width
    from ui.panels.documents import DocumentPanel
    from ui_support import show_widget

    numbers = ["3131977", "3132000", "3410778", "3614228", "3630378"]
    dates = ["01.05", "01.05", "07.09", "11.28", "12.09"]
    names = [f"VOA_EN_NW_2016.{d}.{n}.txt" for d, n in zip(dates, numbers)]
    panel = DocumentPanel()
    panel.resize(least_width(panel), 500)
    show_widget(qtbot, panel)
    rows = [
        {"id": i, "name": n, "status": "new", "entities": 0, "events": 0, "suggestions": 0} for i, n in enumerate(names)
    ]
    panel.set_rows(rows, 0)
    shown = _shown_names(panel)
    assert len(set(shown)) == len(names), shown
    for name, number, seen in zip(names, numbers, shown):
        assert seen == name or (seen.startswith("…") and name.endswith(seen[1:])), (name, seen)  # main: "…3131977.t…"
        assert seen.endswith(".txt") and number[-4:] in seen, (number, seen)
