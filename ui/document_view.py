"""The document: read-only plain text (never HTML), highlights, labels above the lines, selection and event marks."""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from ui.palette import label_colors
from ui.plain import state_with_score
from ui.highlighter import MAX_UNBROKEN_LINE, SpanHighlighter, longest_line, view_text_and_breaks
from ui.span_labels import RoomyLayout, SpanLabels, room_for

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller


class DocumentView(QPlainTextEdit):
    """Shows the current document; emits nothing itself: keys go to ``key_handler``, clicks to the controller."""

    spanClicked = Signal(object)  # entity id or None

    def __init__(self, controller: "Controller", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(False)
        self.setMouseTracking(True)
        self.setCursorWidth(2)
        self.document().setDocumentMargin(14)
        self.highlighter = SpanHighlighter(self.document(), {})
        self.snap_to_tokens = True
        self.refused: str | None = None  # why the current document is not shown (too long a line)
        # where a document was left, (caret, first character in view or None): ui/places.py
        self.place_of: Callable[[int], tuple[int, int | None] | None] | None = None
        self._top_asked: tuple[int, int] | None = None  # (a place's top, the first line's start as it was shown)
        self.key_handler: Callable[[QKeyEvent], bool] | None = None
        self.context_menu_builder: Callable[[QContextMenuEvent], None] | None = None
        self.room_layout = RoomyLayout(self.document())
        self.document().setDocumentLayout(self.room_layout)
        self._range_lines = -1  # the lines the scroll bar's range was last counted from (``range_current``)
        self.room_layout.documentSizeChanged.connect(self._range_counted)
        self.labels = SpanLabels(self)
        self.palette_name = "schema"
        controller.documentChanged.connect(self.load)
        self.verticalScrollBar().valueChanged.connect(self._draw_waiting_blocks)
        controller.entitiesChanged.connect(self.on_entities_changed)
        controller.eventsChanged.connect(self.on_events_changed)
        controller.selectionChanged.connect(self.viewport().update)
        controller.projectChanged.connect(self._on_project)
        self.set_font_size(12)

    # -- setup ---------------------------------------------------------------------------------------
    def _on_project(self) -> None:
        self._top_asked = None
        colors = label_colors(self.controller.schema, self.palette_name)
        self.highlighter.set_colors({name: QColor(c) for name, c in colors.items()})

    def set_palette(self, name: str) -> None:
        """Label colours from the schema or the colour-blind-safe palette (ui/palette.py)."""
        self.palette_name = name
        self._on_project()
        self.load()

    def set_font_size(self, points: int) -> None:
        font = QFont("Noto Serif")
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setFamilies(["Noto Serif", "DejaVu Serif", "C059", "Georgia", "Times New Roman", "serif"])
        font.setPointSize(max(6, min(48, points)))
        self.setFont(font)
        self.room_layout.set_room(room_for(self))

    def set_show_rejected(self, show: bool) -> None:
        if self.highlighter.show_rejected != show:
            self.highlighter.show_rejected = show
            self.load()

    # -- loading -------------------------------------------------------------------------------------
    def load(self) -> None:
        """Show the controller's current document with every highlight (those out of view after the first paint)."""
        c = self.controller
        h = self.highlighter
        self._top_asked = None
        shown, breaks = view_text_and_breaks(c.doc.text) if c.doc is not None else ("", [])
        longest = longest_line(shown, breaks) if len(shown) > MAX_UNBROKEN_LINE else 0
        self.refused = None
        if longest > MAX_UNBROKEN_LINE:  # Qt would lay it out for minutes: say so instead of freezing
            self.refused = (
                f"“{c.doc.name}” is not shown: it has {longest:,} characters without a space or a line "
                f"break (this view shows up to {MAX_UNBROKEN_LINE:,}). Its annotations are listed in the "
                "panels and can be exported."
            )
            c.report_error(self.refused)
        self.setPlaceholderText(self.refused or "")
        if c.doc is None or self.refused:
            self.setPlainText("")
            h.set_block_starts([0])
            h.load((), (), c.u16)
            self.viewport().update()
            return
        h.clear()  # nothing of the document shown before is formatted while the new text is set
        self.setPlainText(shown)
        self.document().setUndoRedoEnabled(False)
        starts = [0] + c.u16.to_utf16_many([b + 1 for b in breaks])
        if len(starts) != self.document().blockCount():  # never expected; fall back to asking Qt
            starts, b = [], self.document().firstBlock()
            while b.isValid():
                starts.append(b.position())
                b = b.next()
        h.set_block_starts(starts)
        at = self.place_of(c.doc.id) if self.place_of is not None else None
        if at is not None and (at[0] or at[1]):
            self.show_place(at)  # where it was left: the blocks there are the ones indexed and formatted first
        if c.held.coming is None:  # else its rows are read after the text is drawn: ``rows_arrived``
            h.load(c.entities.values(), c.events.values(), c.u16, self.blocks_to_show)
        self._lay_out_in_view()
        self.viewport().update()

    def rows_arrived(self) -> None:
        """A long document's spans and events, read after its text was drawn: highlighted, those in view first (the
        others after the next paint, as ``load`` does)."""
        c = self.controller
        self.highlighter.load(c.entities.values(), c.events.values(), c.u16, self.blocks_to_show)
        self.viewport().update()

    def _lay_out_in_view(self) -> None:
        """The blocks in view laid out now, with their formats, as the paint would (to the first whose top is past the
        viewport's bottom, as the labels' paint reads them: ``SpanLabels._visible_items``): laid out by the paint,
        their wrapped lines widened the scroll bar's range after it, and the scroll bar and the window around it were
        drawn a second time at each open (session 35)."""
        block, offset, height = self.firstVisibleBlock(), self.contentOffset(), self.viewport().height()
        while block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() <= height:
            block = block.next()

    def blocks_to_show(self, margin: int = 2) -> list[int]:
        """The blocks the viewport can show from the first visible one (and ``margin`` more each side), worked out
        without laying any out (so that they are laid out once, with their formats): each block takes at least
        one line, and no fewer lines than its length over the most characters a line can hold."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return []
        first = block.blockNumber()
        fm = QFontMetricsF(self.font())
        per_line = max(1.0, self.viewport().width() / max(1.0, fm.horizontalAdvance("i")))
        lines = self.viewport().height() / max(1.0, fm.height() + self.room_layout.room) + 1
        out = []
        while block.isValid() and lines > 0:
            out.append(block.blockNumber())
            lines -= max(1, math.ceil((block.length() - 1) / per_line))
            block = block.next()
        last = out[-1] if out else first
        return list(range(max(0, first - margin), last + margin + 1))

    def visible_blocks(self, margin: int = 2) -> list[int]:
        """Numbers of the blocks in the viewport (and ``margin`` more each side)."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return []
        first = block.blockNumber()
        bottom = self.viewport().height()
        offset = self.contentOffset()
        out = []
        while block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() <= bottom:
            out.append(block.blockNumber())
            block = block.next()
        last = out[-1] if out else first
        return list(range(max(0, first - margin), last + margin + 1))

    def _draw_waiting_blocks(self, *_args: object) -> None:
        if self.highlighter.deferred:  # scrolled or resized onto blocks not highlighted yet: draw them first
            self.highlighter.highlight_now(self.visible_blocks())

    def on_entities_changed(self, ids: set[int]) -> None:
        c = self.controller
        if self.refused:
            return
        self.highlighter.update_entities(ids, c.entities, c.u16.to_utf16)
        self.viewport().update()

    def on_events_changed(self, ids: set[int]) -> None:
        c = self.controller
        if self.refused:
            return
        self.highlighter.update_events(ids, c.events, c.u16.to_utf16)
        self.viewport().update()

    # -- offsets (code points <-> Qt's UTF-16) ------------------------------------------------------
    def to16(self, cp: int) -> int:
        return self.controller.u16.to_utf16(cp)

    def to_cp(self, u16: int) -> int:
        return self.controller.u16.to_codepoint(u16)

    def selection_cp(self) -> tuple[int, int] | None:
        """The selected text in code points, or None when nothing is selected."""
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        a, b = self.to_cp(cur.selectionStart()), self.to_cp(cur.selectionEnd())
        return (a, b) if a < b else None

    def caret_cp(self) -> int:
        """The caret's place in code points."""
        return self.to_cp(self.textCursor().position())

    def clear_selection(self) -> None:
        """The selected words let go of; the caret stays where it is."""
        cur = self.textCursor()
        cur.clearSelection()
        self.setTextCursor(cur)

    def select_cp(self, start: int, end: int) -> None:
        cur = self.textCursor()
        cur.setPosition(self.to16(start))
        cur.setPosition(self.to16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)

    def show_cp(self, start: int, end: int | None = None) -> None:
        """Scroll so that [start, end) is visible, placing the caret at ``start`` without a selection."""
        cur = self.textCursor()
        if end is not None:
            cur.setPosition(self.to16(end))
            self.setTextCursor(cur)
            self.ensureCursorVisible()
        cur.setPosition(self.to16(start))
        self.setTextCursor(cur)
        self.ensureCursorVisible()
        self.reveal()

    def top_cp(self) -> int:
        """The first character of the first line in view, in code points (the bar counts lines: the first block
        shown may begin above the view)."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0
        above = -self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        layout, start = block.layout(), block.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.y() + line.height() / 2 >= above:
                start = block.position() + line.textStart()
                break
        return self.to_cp(start)

    def scroll_to_cp(self, top: int) -> None:
        """The line ``top`` is on made the view's first, the caret left where it is. The bar counts lines as the
        layout has them (a block not laid out counts one), and Qt finds the first block by that number: the block's
        first line number plus the line's index in it is exact at this moment."""
        pos = self.to16(top)
        block = self.document().findBlock(pos)
        if not block.isValid():
            return
        self.document().documentLayout().blockBoundingRect(block)  # laid out, its lines known
        self.range_current()
        line = block.layout().lineForTextPosition(pos - block.position())
        self.verticalScrollBar().setValue(block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0))

    def show_place(self, place: tuple[int, int | None]) -> None:
        """Back where a document was left, ``place`` (caret, top): ``top`` on the view's first line and the caret there,
        the caret brought into view if it is out of it then (a narrower window); without a top, the caret shown as
        after a jump. Places past the end of a text shorter than when they were kept are taken as its end."""
        n = len(self.controller.doc.text) if self.controller.doc is not None else 0
        caret, top = min(place[0], n), place[1]
        if top is None:
            self.show_cp(caret)
            return
        cur = self.textCursor()
        cur.setPosition(self.to16(caret))
        self.setTextCursor(cur)
        self.scroll_to_cp(min(top, n))
        self._top_asked = (min(top, n), self.top_cp())  # kept through a resize that comes before a scroll
        r = self.cursorRect()
        if r.top() < 0 or r.bottom() > self.viewport().height():
            self.ensureCursorVisible()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """The first line's words kept in view when the text wraps at a new width: Qt kept the first line's number,
        which the new wrapping gives to other words (a dock moved showed text thousands of characters further on)."""
        top = self.top_cp() if self.controller.doc is not None and not self.refused else None
        asked = self._top_asked  # a place shown, its line still the first: the words asked, not the line
        top = asked[0] if asked is not None and asked[1] == top else top
        super().resizeEvent(event)
        if top is not None and event.size().width() != event.oldSize().width() and self.top_cp() != top:
            self.scroll_to_cp(top)
        if asked is not None:  # still asked while the line holding it is the first (the next resize of a start)
            self._top_asked = (asked[0], self.top_cp()) if top == asked[0] else None

    def reveal(self) -> None:
        """After a jump (Tab, ], Find, undo, a click in a list): a caret on the viewport's first or last line, or
        out of it, is brought to the middle, so that the target is read with lines around it (Qt scrolled only
        as far as needed: a match sat on the last line, cut at the edge, nothing after it)."""
        r = self.cursorRect()
        line = r.height() + self.room_layout.room
        if r.top() < line or r.bottom() > self.viewport().height() - line:
            self.centerCursor()

    def _range_counted(self) -> None:
        self._range_lines = self.document().lineCount()

    def range_current(self) -> None:
        """The scroll bar's range counted again when the lines laid out since are more or fewer: blocks laid out
        without the layout's word (the text reopened at a place left) kept it short, and a jump to the last
        paragraph stopped at the line before it, the caret out of view, Tab and PageDown no further (session 33)."""
        if self.document().lineCount() != self._range_lines:
            self.room_layout.documentSizeChanged.emit(self.room_layout.documentSize())

    def ensureCursorVisible(self) -> None:  # noqa: N802
        """Qt's, then a line further when the room above the lines left the caret's line partly out of view."""
        self.range_current()
        super().ensureCursorVisible()
        bar = self.verticalScrollBar()
        for _ in range(3):
            r = self.cursorRect()
            if r.bottom() > self.viewport().height() and bar.value() < bar.maximum():
                bar.setValue(bar.value() + 1)
            elif r.top() < 0 and bar.value() > bar.minimum():
                bar.setValue(bar.value() - 1)
            else:
                break

    def cp_at(self, point: QPoint) -> int | None:
        """Code point under a viewport position, or None outside the text."""
        cur = self.cursorForPosition(point)
        pos = cur.position()
        if point.x() < self.cursorRect(cur).left() and pos > 0:
            pos -= 1  # cursorForPosition gives the nearest gap; take the character left of it
        return self.to_cp(pos)

    # -- geometry ------------------------------------------------------------------------------------
    def span_rects(self, start16: int, end16: int) -> list[QRectF]:
        """Rectangles (viewport coordinates) covering UTF-16 range [start16, end16), one per visual line."""
        out: list[QRectF] = []
        doc = self.document()
        block = doc.findBlock(start16)
        offset = self.contentOffset()
        while block.isValid() and block.position() < end16:
            if block.isVisible():
                top = self.blockBoundingGeometry(block).translated(offset).top()
                if top > self.viewport().height():
                    break
                layout = block.layout()
                bpos = block.position()
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    ls, le = bpos + line.textStart(), bpos + line.textStart() + line.textLength()
                    a, b = max(start16, ls), min(end16, le)
                    if a >= b:
                        continue
                    x1, _ = line.cursorToX(a - bpos)
                    x2, _ = line.cursorToX(b - bpos)
                    out.append(QRectF(x1 + offset.x(), top + line.y(), x2 - x1, line.height()))
            block = block.next()
        return out

    # -- painting the selection and the selected event ----------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self._draw_waiting_blocks()  # in view and not formatted yet (never expected after ``load``): first
        super().paintEvent(event)
        self.highlighter.resume()  # the blocks out of view get their formats after this first paint
        c = self.controller
        if c.doc is None:
            return
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme = self.highlighter.theme
        self.labels.paint(p)  # labels above the lines, the selected event's arcs, brackets of nested spans
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        if ev is not None:
            self._mark(p, ev.trigger_start, ev.trigger_end, QColor(theme.trigger))
            for a in ev.arguments:
                ent = c.entities.get(a.entity_id)
                if ent is not None:
                    self._mark(p, ent.start, ent.end, QColor(theme.argument))
        ent = c.entities.get(c.current_entity) if c.current_entity is not None else None
        if ent is not None:
            p.setPen(QPen(QColor(theme.ink), 2))  # the selected span's frame: the text's own ink
            p.setBrush(Qt.BrushStyle.NoBrush)
            for r in self.span_rects(self.to16(ent.start), self.to16(ent.end)):
                p.drawRoundedRect(r.adjusted(-1, 0, 1, 0), 2, 2)
        p.end()

    def _mark(self, p: QPainter, start: int, end: int, color: QColor) -> None:
        """A frame around a span (its tag is drawn above the line by SpanLabels)."""
        p.setPen(QPen(color, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for r in self.span_rects(self.to16(start), self.to16(end)):
            p.drawRect(r.adjusted(-1, 0, 1, 0))

    # -- tooltips (escaped: tooltips guess rich text) -----------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            cp = self.cp_at(event.pos())
            text = self.tooltip_at(cp) if cp is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, cp: int) -> str:
        """Rich-text tooltip for the spans at ``cp``; every piece of data in it is escaped."""
        c = self.controller
        lines = []
        for e in c.entities_at(cp, self.highlighter.show_rejected):
            lines.append(
                f"<b>{html.escape(e.label)}</b> ({html.escape(state_with_score(e.state, e.score))}): "
                f"{html.escape(c.span_said(e.start, e.end))}"
            )
        for v in c.events_at(cp):
            scored = f" ({html.escape(state_with_score(v.state, v.score))})" if v.score is not None else ""
            lines.append(
                f"<b>event {html.escape(v.type)}</b>{scored}: "
                f"{html.escape(c.span_said(v.trigger_start, v.trigger_end))}"
            )
        return "<qt>" + "<br>".join(lines) + "</qt>" if lines else ""

    # -- input ---------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Tab / Shift+Tab cycle through annotations instead of moving the focus
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if self.key_handler is not None and self.key_handler(event):
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.key_handler is not None and self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)
        if event.key() in (
            Qt.Key.Key_Down,
            Qt.Key.Key_Up,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_Right,
            Qt.Key.Key_Left,
            Qt.Key.Key_End,
            Qt.Key.Key_Home,
        ):
            self.ensureCursorVisible()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        over_label = self.labels.key_at(event.position()) is not None  # a box is clicked, not selected as text
        shape = Qt.CursorShape.PointingHandCursor if over_label else Qt.CursorShape.IBeamCursor
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(shape)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.controller.doc is None:
            return
        sel = self.selection_cp()
        if sel is not None:
            if self.snap_to_tokens:
                a, b = self.controller.snap(*sel)
                if (a, b) != sel and a < b:
                    self.select_cp(a, b)
            return
        key = self.labels.key_at(event.position())
        if key is not None:
            self.click_label(key)
            return
        cp = self.cp_at(event.position().toPoint())
        self.click_at(cp)

    def click_label(self, key: int) -> None:
        """A click on a label box above the text: a trigger's type selects that event (as a click on its trigger
        does), an entity's label or role that entity; the caret goes to the start of what was labelled."""
        c = self.controller
        if key < 0:
            ev = c.events.get(-key)
            if ev is None:
                return
            c.select_event(ev.id)
            hits = c.entities_at(ev.trigger_start, self.highlighter.show_rejected)
            c.select_entity(hits[0].id if hits else None)
            start = ev.trigger_start
        else:
            ent = c.entities.get(key)
            if ent is None:
                return
            c.select_entity(ent.id)
            start = ent.start
        cur = self.textCursor()
        cur.setPosition(self.to16(start))
        self.setTextCursor(cur)
        self.spanClicked.emit(c.current_entity)

    def click_at(self, cp: int | None) -> None:
        """Select the innermost span at ``cp`` (a second click goes to the next one out) and its event (a second
        click on a trigger goes to its next event: an execution is also a death, two events on one word)."""
        c = self.controller
        if cp is None:
            c.select_entity(None)
            return
        hits = c.entities_at(cp, self.highlighter.show_rejected)
        events = [v.id for v in c.events_at(cp)]
        if events:
            c.select_event(
                events[(events.index(c.current_event) + 1) % len(events)] if c.current_event in events else events[0]
            )
        if hits:
            ids = [e.id for e in hits]
            nxt = ids[(ids.index(c.current_entity) + 1) % len(ids)] if c.current_entity in ids else ids[0]
            c.select_entity(nxt)
        else:
            c.select_entity(None)
        self.spanClicked.emit(c.current_entity)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if self.context_menu_builder is not None:
            self.context_menu_builder(event)
        else:
            super().contextMenuEvent(event)
