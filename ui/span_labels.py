"""Labels in room reserved above every line (as brat does): each span's label and each trigger's type sit above
where they start, never over text nor cut at the edge; the selected event's arguments are joined to its trigger
by lines that run only through that room and the left margin (never across a line of text); spans that hold
other spans get brackets under them, one level each.

``RoomyLayout`` is the plain-text layout with the room: it moves every line of a block down (the room above
each line), so hit tests, the caret and scrolling all see the same geometry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QWidget

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller
    from ui.highlighter import SpanHighlighter


class LabelledView(Protocol):
    """What the labels need of the view they paint in (``ui.document_view.DocumentView`` is one): its plain-text
    geometry, its highlighter's spans and the controller's current event."""

    controller: "Controller"
    highlighter: "SpanHighlighter"

    def span_rects(self, start16: int, end16: int) -> list[QRectF]: ...

    def font(self) -> QFont: ...

    def viewport(self) -> QWidget: ...

    def document(self) -> QTextDocument: ...

    def firstVisibleBlock(self) -> QTextBlock: ...  # noqa: N802 (Qt name)

    def contentOffset(self) -> QPointF: ...  # noqa: N802 (Qt name)

    def blockBoundingGeometry(self, block: QTextBlock) -> QRectF: ...  # noqa: N802 (Qt name)


BRACKET_GAP = 3.0  # pixels between stacked brackets under nested spans
LANE_GAP = 3.0  # pixels between the margin's vertical runs of arguments on other lines
BAND_LIFT = 5.0  # pixels above a row of label boxes where the lines to arguments on other lines run
LANE_ROOM = 3.0  # pixels of the room above every line kept for those lines: their own lane, clear of the labels'
# tops (2 px over them they ran through every label's top and the same-line brackets, s40-look) and of the
# underlines and brackets of the line above
CORNER = 3.0  # radius of their corners
DROP_INSET = 4.0  # pixels in from a box's edge where its lines meet it: every line leaving the trigger on one side
# leaves at one point (the same-line bracket's left at its edge + 2, the margin's at + 4: two drops read as one thick
# one, s40-look's Left), and a corner rounded alike on both, so that the lines run as one until they part


class RoomyLayout(QPlainTextDocumentLayout):
    """QPlainTextDocumentLayout with ``room`` pixels free above every visual line (for labels)."""

    def __init__(self, document: QTextDocument, room: float = 0.0) -> None:
        super().__init__(document)
        self.room = room

    def set_room(self, room: float) -> None:
        if room != self.room:
            self.room = room
            doc = self.document()
            doc.markContentsDirty(0, doc.characterCount())  # lay out again with the new room

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802 (Qt name)
        rect = super().blockBoundingRect(block)  # lays the block out when it is not yet
        tl = block.layout()
        n = tl.lineCount()
        if not n or not self.room or abs(tl.lineAt(0).y() - self.room) < 0.01:
            return rect  # no room, or moved already (a new layout puts its first line at the top; Qt asks often)
        y, moved = 0.0, False
        for i in range(n):
            line = tl.lineAt(i)
            want = y + self.room * (i + 1)
            if abs(line.y() - want) > 0.01:
                line.setPosition(QPointF(line.x(), want))
                moved = True
            y += line.height()
        return super().blockBoundingRect(block) if moved else rect


def label_font(view: "LabelledView") -> QFont:
    small = QFont(view.font())
    small.setPointSizeF(max(6.5, view.font().pointSizeF() * 0.62))
    return small


def room_for(view: "LabelledView") -> float:
    """Room above each line: one row of labels, the gap for the brackets of the line above and the lane of the
    selected event's lines to its arguments on other lines."""
    return QFontMetricsF(label_font(view)).height() + 3 + 2 * BRACKET_GAP + LANE_ROOM


def short_type(type_: str) -> str:
    return type_.split(":")[-1]


def nesting_levels(spans: list[tuple[int, int, int]]) -> dict[int, int]:
    """key -> how many levels of spans (start, end, key) it holds: 0 for a span holding none, 1 for one holding
    only such spans, and so on (a bracket is drawn under each span of level 1 and more, one step lower a level)."""
    level: dict[int, int] = {}
    ordered = sorted(spans, key=lambda t: t[1] - t[0])
    for i, (s, e, k) in enumerate(ordered):
        inner = [level[k2] for s2, e2, k2 in ordered[:i] if s <= s2 and e2 <= e and (s2, e2) != (s, e)]
        level[k] = 1 + max(inner) if inner else 0
    return level


def place_row(starts: list[float], widths: list[float], width: float, gap: float = 3.0) -> list[float]:
    """Left edges of a line's label boxes, in order: each at its span's start, after the one before it, never
    past the right edge; boxes pushed back from that edge push the ones before them (the last label of a line
    was pulled left over its neighbour: 'CARDINAL' on '40' hid 'Transfer-Ownership' on 'supply')."""
    xs, right = [], -1e9
    for x, w in zip(starts, widths):
        x = max(x, right + gap)
        xs.append(x)
        right = x + w
    limit = width - 2
    for i in range(len(xs) - 1, -1, -1):  # from the right edge back
        xs[i] = max(1.0, min(xs[i], limit - widths[i]))
        limit = xs[i] - gap
    return xs


def margin_route(trig: QRectF, box: QRectF | None, lane: float, edge: float = 0.0) -> QPainterPath:
    """From the top of the trigger's type box, along the band above its row to ``lane`` in the left margin, along
    the margin to the band above the argument's row, and on to the top of its role box: only through the room
    reserved above the lines and the margin, never across a line of text. Without a ``box`` (the argument is
    scrolled out of sight) it runs along the margin to the viewport's ``edge`` and ends in an arrowhead there."""
    band_t = trig.top() - BAND_LIFT
    band_b = box.top() - BAND_LIFT if box is not None else edge
    xt = trig.left() + DROP_INSET
    r = min(CORNER, abs(band_b - band_t) / 2)
    down = 1.0 if band_b > band_t else -1.0
    path = QPainterPath()
    path.moveTo(xt, trig.top())
    path.lineTo(xt, band_t + CORNER)
    path.quadTo(xt, band_t, xt - CORNER, band_t)  # rounded as ``row_route``'s corner over the trigger
    path.lineTo(lane + r, band_t)
    path.quadTo(lane, band_t, lane, band_t + down * r)
    if box is None:
        path.lineTo(lane, edge)
        path.moveTo(lane - 2, edge - down * 5)  # an arrowhead at the edge: more beyond it
        path.lineTo(lane, edge)
        path.lineTo(lane + 2, edge - down * 5)
        return path
    xb = box.left() + DROP_INSET
    path.lineTo(lane, band_b - down * r)
    path.quadTo(lane, band_b, lane + r, band_b)
    path.lineTo(xb, band_b)  # one line meets a role box: its corner left square
    path.lineTo(xb, box.top())
    return path


def row_route(trig: QRectF, box: QRectF) -> QPainterPath:
    """From the trigger's type box to a role box on the same line: up from the nearer corners into the lane over
    the row (``BAND_LIFT``, where the lines to other lines run) and along it, clear of the labels between (2 px over
    their tops it read as joining them too, s40-look)."""
    band = trig.top() - BAND_LIFT
    left, right = (trig, box) if trig.center().x() < box.center().x() else (box, trig)
    x0, x1 = left.right() - DROP_INSET, right.left() + DROP_INSET  # where ``margin_route`` meets a box too
    r = max(0.0, min(CORNER, (x1 - x0) / 2))
    path = QPainterPath()
    path.moveTo(x0, left.top())
    path.lineTo(x0, band + r)
    path.quadTo(x0, band, x0 + r, band)
    path.lineTo(x1 - r, band)
    path.quadTo(x1, band, x1, band + r)
    path.lineTo(x1, right.top())
    return path


class SpanLabels:
    """Paints the labels, arcs and brackets of the visible lines (called from the view's paintEvent)."""

    def __init__(self, view: "LabelledView") -> None:
        self.view = view
        self.boxes: list[tuple[QRectF, int, str]] = []  # (box, key, text) as last painted: for tests and tooltips
        self.kinds: dict[int, str] = {}  # key -> how its box was drawn last ("selected-trigger-suggested", ...)
        self.arcs: list[QPainterPath] = []  # the selected event's lines to its arguments, as last painted

    def key_at(self, point: QPointF) -> int | None:
        """The key of the label box at a viewport point as last painted (an entity id, or -event id), else None."""
        for box, key, _ in reversed(self.boxes):  # drawn last is on top
            if box.contains(point):
                return key
        return None

    def _visible_items(self) -> list[tuple[int, int, int, str, str]]:
        """(key, start16, end16, label, state) of every span and trigger starting on a visible line."""
        v = self.view
        h = v.highlighter
        out = []
        block = v.firstVisibleBlock()
        offset = v.contentOffset()
        height = v.viewport().height()
        while block.isValid():
            if v.blockBoundingGeometry(block).translated(offset).top() > height:
                break
            pos, end = block.position(), block.position() + block.length()
            for k in h.keys_in_block(block.blockNumber()):
                s, e, label, state = h.item(k)
                if pos <= s < end:
                    out.append((k, s, e, label, state))
            block = block.next()
        return out

    def paint(self, p: QPainter) -> None:
        v = self.view
        c = v.controller
        font = label_font(v)
        fm = QFontMetricsF(font)
        p.setFont(font)
        width = v.viewport().width()
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        roles: dict[int, str] = {}
        if ev is not None:
            for a in ev.arguments:
                roles.setdefault(a.entity_id, a.role)
        rows: dict[float, list[tuple[float, int, str, str, str, QRectF]]] = {}
        ends: dict[int, int] = {}
        items = self._visible_items()
        for k, s, e, label, state in items:
            rects = v.span_rects(s, e)
            if not rects:
                continue
            first = rects[0]
            if k < 0:
                text = short_type(label)
                selected = ev is not None and -k == ev.id
                kind = (
                    ("selected-trigger" if state == "trigger" else "selected-trigger-suggested") if selected else state
                )
            elif k in roles:
                text, kind = roles[k], "argument" if state != "suggested" else "argument-suggested"
            else:
                text, kind = label, state
            rows.setdefault(first.top(), []).append((first.left(), k, text, kind, label, first))
            ends[k] = e
        self.boxes = []
        self.kinds = {}
        placed: dict[int, QRectF] = {}
        for top, row in rows.items():
            # spans before triggers; labels of one place in Tab's order (end, then id: two events on one trigger)
            row.sort(key=lambda t: (t[0], t[1] < 0, ends[t[1]], abs(t[1])))
            widths = [fm.horizontalAdvance(text) + 6 for _, _, text, _, _, _ in row]
            xs = place_row([x for x, *_ in row], widths, width)
            for (_, k, text, kind, label, _), x, w in zip(row, xs, widths):
                box = QRectF(x, top - fm.height() - 3, w, fm.height() + 1)
                self._box(p, box, text, kind, label)
                placed[k] = box
                self.boxes.append((box, k, text))
                self.kinds[k] = kind
        self.arcs = []
        if ev is not None:
            self._arcs(p, ev, placed)
        self._brackets(p, items)

    def _box(self, p: QPainter, box: QRectF, text: str, kind: str, label: str) -> None:
        h = self.view.highlighter
        t = h.theme  # the colours for the background in use
        trigger, argument, paper, ink = QColor(t.trigger), QColor(t.argument), QColor(t.paper), QColor(t.ink)
        width = 1.0  # the edge's pen: the selected event's undecided labels a heavier dash
        if kind in ("selected-trigger", "argument"):  # the selected event's, decided: filled
            mark = trigger if kind == "selected-trigger" else argument
            fill, edge, ink, dash = mark, mark, QColor(t.mark_ink), False
        elif kind in ("selected-trigger-suggested", "argument-suggested"):  # undecided: dashed, as every suggestion
            mark = trigger if kind == "selected-trigger-suggested" else argument
            fill, edge, ink, dash = paper, mark, mark, True
            width = 2.0
        elif kind.startswith("trigger"):
            undecided = kind != "trigger"
            fill = paper if undecided else QColor(t.trigger_tint)
            edge, ink, dash = trigger, trigger, undecided
        else:
            undecided = kind == "suggested"
            fill = paper if undecided else h.fill(label, True)
            edge, dash = h.edge(label), undecided
            if kind == "rejected":
                fill, edge, ink = paper, QColor(t.rejected), QColor(t.rejected)
        p.setPen(QPen(edge, width, Qt.PenStyle.DashLine if dash else Qt.PenStyle.SolidLine))
        p.setBrush(fill)
        p.drawRoundedRect(box, 3, 3)
        p.setPen(ink)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _arcs(self, p: QPainter, ev, placed: dict[int, QRectF]) -> None:  # type: ignore[no-untyped-def]
        """Lines from the selected event's type to each argument's role, never across text: on one line, a bracket
        over the row; to another line, along the band above the trigger's labels to the left margin, down (or up)
        the margin, and along the band above the argument's labels to its role (a curve from box to box crossed
        every line between)."""
        self.arcs = []
        trig = placed.get(-ev.id)
        if trig is None:
            return
        mark = QColor(self.view.highlighter.theme.argument)
        pen = QPen(QColor(mark.red(), mark.green(), mark.blue(), 200), 1.5)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        lanes = self._lanes()
        lane = 0
        height = self.view.viewport().height()
        for a in ev.arguments:
            box = placed.get(a.entity_id)
            if box is None:  # scrolled out of sight: along the margin to the edge it lies beyond
                ent = self.view.controller.entities.get(a.entity_id)
                if ent is None:
                    continue
                up = ent.start < ev.trigger_start
                path = margin_route(trig, None, lanes[lane % len(lanes)], 0.0 if up else height)
                lane += 1
                p.drawPath(path)
                self.arcs.append(path)
                continue
            if abs(box.top() - trig.top()) < 1:  # same line: a bracket over the row, in the lane
                path = row_route(trig, box)
            else:  # another line: by the margin
                path = margin_route(trig, box, lanes[lane % len(lanes)])
                lane += 1
            p.drawPath(path)
            self.arcs.append(path)

    def _lanes(self) -> list[float]:
        """x of the vertical runs in the left margin, one per argument on another line (a few pixels apart)."""
        margin = self.view.document().documentMargin()
        n = max(1, int((margin - 2) // LANE_GAP))
        return [margin - 2 - LANE_GAP * i for i in range(n)]

    def _brackets(self, p: QPainter, items: list[tuple[int, int, int, str, str]]) -> None:
        """A span holding other spans gets a bracket under it, one step lower for each level it holds."""
        v = self.view
        spans = [(s, e, k, label) for k, s, e, label, state in items if k > 0]
        if len(spans) < 2:
            return
        level = nesting_levels([(s, e, k) for s, e, k, _ in spans])
        for s, e, k, label in spans:
            if not level[k]:
                continue
            color = v.highlighter.edge(label)
            p.setPen(QPen(color, 1.2))
            for r in v.span_rects(s, e):
                y = r.bottom() + BRACKET_GAP * (level[k] - 1) + 1
                p.drawLine(QPointF(r.left() + 1, y), QPointF(r.right() - 1, y))
                p.drawLine(QPointF(r.left() + 1, y), QPointF(r.left() + 1, y - 3))
                p.drawLine(QPointF(r.right() - 1, y), QPointF(r.right() - 1, y - 3))
