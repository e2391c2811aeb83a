"""What the screen shows (issue 12 points 11-14): labels in room above the lines, arcs for the selected event,
every trigger's type, a legend that wraps, a window that fits 1366x768, a colour-blind-safe palette."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from ui_support import DOC_A, close_window, open_window, window_settled
from ui_helpers import click_char, drag_select, find


def text_rects(view) -> list[QRectF]:  # type: ignore[no-untyped-def]
    """The ink of every visible line of text (viewport coordinates)."""
    out = []
    block = view.firstVisibleBlock()
    offset = view.contentOffset()
    while block.isValid() and view.blockBoundingGeometry(block).translated(offset).top() < view.viewport().height():
        out += view.span_rects(block.position(), block.position() + max(1, block.length() - 1))
        block = block.next()
    return out


def attack_with_arguments_on_three_lines(qtbot, window):  # type: ignore[no-untyped-def]
    """DOC_A's "attacked" made an event with an argument on each of the three lines (Attacker on the first, Place on
    its own, Target on the third), painted: (the view, the event's id)."""
    from ui import commands as cmd

    v, c = window.view, window.controller
    drag_select(qtbot, v, *find(DOC_A, "attacked"))  # line 2
    qtbot.keyClick(v, "e")
    ev = c.current_event
    span = {c.span_text(e.start, e.end): e.id for e in c.entities.values()}
    c.run(cmd.AddArgument, ev, "Attacker", span["Maria Lopez"])  # line 1
    c.run(cmd.AddArgument, ev, "Target", span["Acme Corp"])  # line 3
    c.run(cmd.AddArgument, ev, "Place", span["Tal Abyad"])  # line 2, the same line
    v.viewport().repaint()
    return v, ev


def test_labels_sit_above_the_lines_never_over_text_nor_cut(qtbot, window):
    v = window.view
    drag_select(qtbot, v, *find(DOC_A, "attacked"))
    qtbot.keyClick(v, "e")
    v.viewport().repaint()
    boxes = v.labels.boxes
    texts = {t for _, _, t in boxes}
    assert {"PERSON", "GPE", "DATE", "ORG", "Attack"} <= texts  # spans and every trigger show their type
    lines = text_rects(v)
    width = v.viewport().width()
    for box, _, text in boxes:
        assert box.left() >= 0 and box.right() <= width, text  # never cut at the edge
        for r in lines:
            assert not box.adjusted(0.5, 0.5, -0.5, -0.5).intersects(r), (text, box, r)  # never over text


def test_the_selected_events_roles_are_drawn_at_its_arguments(qtbot, window):
    from PySide6.QtCore import Qt

    v, c = window.view, window.controller
    drag_select(qtbot, v, *find(DOC_A, "attacked"))
    qtbot.keyClick(v, "e")
    qtbot.keyClick(v, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # Place: Tal Abyad
    v.viewport().repaint()
    tal = next(e.id for e in c.entities.values() if (e.start, e.end) == find(DOC_A, "Tal Abyad"))
    assert (tal, "Place") in {(k, t) for _, k, t in v.labels.boxes}


def test_every_legend_label_and_the_status_bar_fit_at_1366x768(qtbot, project_path):
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        window_settled(qtbot, w)
        legend = w.legend
        assert len(legend.buttons) == len(w.controller.schema.entities)
        for b in legend.buttons.values():
            assert b.isVisible()
            assert legend.rect().contains(b.geometry()), b.text()  # wrapped, not scrolled away nor cut
        assert w.statusBar().isVisible()
        assert w.statusBar().geometry().bottom() <= w.height()
        w.toggle_side_panels()  # F8: the text gets the width
        assert not any(d.isVisible() for d in w.docks.values())
    finally:
        close_window(w)


def test_colour_blind_palette(qtbot, window):
    from ui.palette import COLORBLIND

    window.settings.set("palette", "colorblind")
    assert window.view.highlighter.color("PERSON").name() == COLORBLIND[0]
    assert window.entities.model.colors["ORG"] == COLORBLIND[1]
    window.settings.set("palette", "schema")


def test_right_click_acts_on_the_span_under_the_pointer(qtbot, window, db):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu
    from ui_helpers import click_char, entity_rows, point_of

    v = window.view
    click_char(qtbot, v, find(DOC_A, "Paris")[0])  # Paris selected ...
    at = point_of(v, find(DOC_A, "Friday")[0] + 1)  # ... but the pointer is on Friday

    def choose_reject() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        act = next(a for a in menu.actions() if a.text().startswith("Reject"))
        menu.close()
        act.trigger()

    QTimer.singleShot(50, choose_reject)
    window._context_menu(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, v.viewport().mapToGlobal(at)))
    rows = entity_rows(db, db.document_ids()[0])
    assert rows[find(DOC_A, "Friday")].state == "rejected"
    assert rows[find(DOC_A, "Paris")].state == "suggested"


def test_status_line_forgets_a_deleted_span(qtbot, window):
    from PySide6.QtCore import Qt
    from ui_helpers import click_char

    click_char(qtbot, window.view, find(DOC_A, "Paris")[0])
    assert window.message.text().startswith("GPE (suggested): Paris")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "GPE (suggested): Paris" not in window.message.text())  # not described as still there
    assert window.message.text().startswith("GPE “Paris” deleted (Ctrl+Z puts it back)")  # session 11: said


def test_reopening_returns_to_the_last_document_and_place(qtbot, project_path, monkeypatch):
    w = open_window(qtbot, project_path)
    try:
        c = w.controller
        second = c.project.document_ids()[1]
        w.open_document(second)
        w.view.show_cp(20)
        w.close()  # remembers the place
    finally:
        close_window(w)
    from annotator.store import Project

    read = []
    document = Project.document
    monkeypatch.setattr(Project, "document", lambda self, doc_id: (read.append(doc_id), document(self, doc_id))[1])
    w = open_window(qtbot, project_path)
    try:
        assert w.controller.doc.id == second
        assert read == [second]  # the document it returns to is the one read (not the first one, then that one)
        assert w.view.to_cp(w.view.textCursor().position()) == 20
    finally:
        close_window(w)


def test_nested_spans_get_stacked_brackets():
    from ui.span_labels import nesting_levels

    # "the Russian Ministry of Foreign Affairs" holding "Russian" and "Foreign Affairs", which holds "Affairs"
    spans = [(0, 39, 1), (4, 11, 2), (24, 39, 3), (32, 39, 4), (50, 55, 5)]
    assert nesting_levels(spans) == {1: 2, 2: 0, 3: 1, 4: 0, 5: 0}


def test_every_line_keeps_its_room_for_labels_after_a_relayout(qtbot, window):
    """Each visual line sits ``room`` below the one before, when first shown, after a new highlight (the block is
    laid out again) and after a zoom (the room changes): the layout moves the lines of a new layout only once."""
    from ui import commands as cmd

    v = window.view

    def gaps() -> set[float]:
        out = set()
        block = v.document().firstBlock()
        while block.isValid():
            v.blockBoundingGeometry(block)  # laid out and moved
            tl, y = block.layout(), 0.0
            for i in range(tl.lineCount()):
                out.add(round(tl.lineAt(i).y() - y, 2))
                y = tl.lineAt(i).y() + tl.lineAt(i).height()
            block = block.next()
        return out

    room = round(v.room_layout.room, 2)
    assert gaps() == {room}
    s = find(DOC_A, "forces")[0]
    window.controller.run(cmd.AddEntity, window.controller.doc.id, s, s + 6, "ORG")
    assert gaps() == {room}
    window.zoom(4)
    assert round(v.room_layout.room, 2) != room and gaps() == {round(v.room_layout.room, 2)}


EXECUTED = "Iran executed Ahmad Rezaei on Tuesday."


def three_events_on_executed(tmp_path):  # type: ignore[no-untyped-def]
    """A project whose one document has three events on the trigger 'executed' (an execution is also a death)."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "two.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(EXECUTED, "two.txt")]).imported[0][1]
        start, end = find(EXECUTED, "executed")
        for type_ in ("Justice:Execute", "Life:Die", "Conflict:Attack"):
            edits.add_event(p, doc, type_, start, end)
    return path


def tab_order(qtbot, w) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    w.view.setFocus()
    reached = []
    for _ in range(3):
        qtbot.keyClick(w.view, Qt.Key.Key_Tab)
        reached.append(w.controller.events[w.controller.current_event].type)
    assert len(set(reached)) == 3
    return reached


def test_two_events_on_one_trigger_are_labelled_in_the_order_tab_reaches_them(qtbot, tmp_path):
    """Both types on 'executed', their labels side by side, left to right as Tab goes (Tab reached Execute first
    while its label was drawn after Die's)."""
    w = open_window(qtbot, three_events_on_executed(tmp_path), size=(1366, 740))
    try:
        v, c = w.view, w.controller
        reached = tab_order(qtbot, w)
        c.select_event(None)
        v.viewport().repaint()
        drawn = sorted((box.left(), text) for box, k, text in v.labels.boxes if k < 0)
        assert [t for _, t in drawn] == [t.split(":")[1] for t in reached]
    finally:
        close_window(w)


def test_clicking_a_trigger_again_selects_its_next_event(qtbot, tmp_path):
    """As a second click on a span goes to the next one out: a click on 'executed' always chose the same event,
    so the mouse never reached the others on that trigger."""
    w = open_window(qtbot, three_events_on_executed(tmp_path), size=(1366, 740))
    try:
        v, c = w.view, w.controller
        reached = tab_order(qtbot, w)
        c.select_event(None)
        clicked = []
        for _ in range(4):
            click_char(qtbot, v, find(EXECUTED, "executed")[0] + 2)
            clicked.append(c.events[c.current_event].type)
        assert clicked == [*reached, reached[0]]
    finally:
        close_window(w)


def test_a_click_on_a_label_box_selects_what_it_labels(qtbot, tmp_path):
    """Each type drawn above 'executed' selects its own event when clicked (a click on the box, in the room above
    the line, selected nothing); a click on an entity's label box selects that entity."""
    from PySide6.QtCore import Qt

    from annotator import edits
    from annotator.store import Project

    path = three_events_on_executed(tmp_path)
    with Project(path, annotator="setup") as p:
        doc = p.document_ids()[0]
        edits.add_entity(p, doc, *find(EXECUTED, "Ahmad Rezaei"), "PERSON")
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        v, c = w.view, w.controller
        v.viewport().repaint()
        boxes = list(v.labels.boxes)
        assert len([k for _, k, _ in boxes if k < 0]) == 3
        for box, key, text in boxes:
            c.select_event(None)
            c.select_entity(None)
            qtbot.mouseMove(v.viewport(), pos=box.center().toPoint())
            assert v.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor  # the box shows it is clickable
            qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=box.center().toPoint())
            if key < 0:
                assert c.current_event == -key, text
            else:
                assert c.current_entity == key, text
    finally:
        close_window(w)


def test_labels_at_a_lines_right_edge_do_not_cover_each_other(qtbot, tmp_path):
    """The last label of a line was pulled left to stay inside the view, over the label before it ('CARDINAL' on
    '40' hid 'Transfer-Ownership' on 'supply' at 1366x768): the labels before it move left too."""
    from ui import commands as cmd
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    text = " ".join(["ab"] * 300)
    path = tmp_path / "edge.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(text, "edge.txt")])
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        v, c = w.view, w.controller
        line = v.document().firstBlock().layout().lineAt(0)
        end = line.textStart() + line.textLength()
        last = text.rindex("ab", 0, end)  # the last word of the first line, and the one before it
        for start, label in ((last - 3, "WORK_OF_ART"), (last, "QUANTITY")):
            c.run(cmd.AddEntity, c.doc.id, start, start + 2, label)
        v.viewport().repaint()
        boxes = sorted((box for box, _, _ in v.labels.boxes), key=lambda b: b.left())
        assert len(boxes) == 2
        assert boxes[0].right() < boxes[1].left() and boxes[1].right() <= v.viewport().width()
    finally:
        close_window(w)


def test_the_status_line_tells_the_work_left_in_the_document(qtbot, window):
    """With nothing selected the status line was empty (after opening, after an undo, after the last key): it
    says how many suggestions are left to decide here, and what the keys do with them."""
    from PySide6.QtCore import Qt

    c = window.controller
    undecided = sum(e.state == "suggested" for e in c.entities.values())
    c.select_entity(None)
    c.select_event(None)
    window.refresh_panels()
    assert f"{undecided} suggestions undecided" in window.message.text()
    click_char(qtbot, window.view, find(DOC_A, "Paris")[0])
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # accepted: one fewer, and on to the next
    # the next one selected: the count in the status bar's own widget beside its line (session 21b)
    qtbot.waitUntil(lambda: window.work_label.text() == f"Left: {undecided - 1} undecided")


def test_deciding_an_event_leaves_its_line_where_it_was(qtbot, window, db):
    """An accepted trigger was drawn bold: Enter on a suggested event widened the word, the rest of its line moved
    and could wrap onto the next one under the reader's eyes. A decided trigger is told by its underline and
    tint, in the same letters."""
    from PySide6.QtCore import Qt

    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    c, v = window.controller, window.view
    d = db.document_ids()[0]
    with db.transaction():
        write_events(db, d, [EventSuggestion("Contact:Meet", *find(DOC_A, "met"), 0.5)], "rules:test@1", WriteCounts())
    c.reload()
    qtbot.waitUntil(lambda: len(c.events) == 1)
    after = find(DOC_A, "in Paris")
    before = v.span_rects(v.to16(after[0]), v.to16(after[1]))
    window.edit_actions.select_event(next(iter(c.events.values())))
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_Return)  # accepted
    assert next(iter(c.events.values())).state == "accepted"
    v.viewport().repaint()
    assert v.span_rects(v.to16(after[0]), v.to16(after[1])) == before


def test_lines_to_arguments_on_other_lines_never_cross_text(qtbot, window):
    """The selected event's arc to an argument on another line was a curve from box to box, drawn across every
    line of text between: it runs in the room above the lines and in the left margin now."""
    v, _ = attack_with_arguments_on_three_lines(qtbot, window)
    assert len(v.labels.arcs) == 3
    lines = [r.adjusted(0.5, 0.5, -0.5, -0.5) for r in text_rects(v)]
    for path in v.labels.arcs:
        for i in range(201):
            pt = path.pointAtPercent(i / 200)
            assert not any(r.contains(pt) for r in lines), (pt, path.elementAt(0))


def test_a_line_to_an_argument_out_of_sight_runs_along_the_margin_to_the_edge_beyond(qtbot, tmp_path):
    """An argument scrolled out of sight had no line at all: the trigger's line runs along the margin to the edge
    it lies beyond (an arrowhead there), never across the text."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    text = "Maria Lopez arrived.\n" + "Nothing happened on this line.\n" * 80 + "Later she met John Smith in Paris."
    path = tmp_path / "far.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "far.txt")]).imported[0][1]
        maria = edits.add_entity(p, doc, *find(text, "Maria Lopez"), "PERSON").result_id
        john = edits.add_entity(p, doc, *find(text, "John Smith"), "PERSON").result_id
        ev = edits.add_event(p, doc, "Contact:Meet", *find(text, "met")).result_id
        edits.add_argument(p, ev, "Entity", maria)
        edits.add_argument(p, ev, "Entity", john)
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        v, c = w.view, w.controller
        w.edit_actions.select_event(c.events[ev])
        v.viewport().repaint()
        assert not any(k == maria for _, k, _ in v.labels.boxes)  # Maria is out of sight, far above
        assert len(v.labels.arcs) == 2
        # the line to Maria reaches the top edge (its extent, not points sampled along it: where the samples fall
        # depends on the font's line height, and on DejaVu Sans none of 51 fell within 0.5 px of the edge)
        far = [path for path in v.labels.arcs if path.boundingRect().top() <= 0.5]
        assert len(far) == 1
        lines = [r.adjusted(0.5, 0.5, -0.5, -0.5) for r in text_rects(v)]
        for path in v.labels.arcs:
            for i in range(201):
                pt = path.pointAtPercent(i / 200)
                assert not any(r.contains(pt) for r in lines), pt
    finally:
        close_window(w)
