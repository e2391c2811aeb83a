"""Entity and trigger highlighting as character formats over plain text, bucketed per text block.

Spans are kept in UTF-16 units (Qt's positions) and grouped by the blocks (paragraphs) they touch, so an edit
re-highlights only the blocks of the spans it changed, never the whole document.

The formats are set on each block's ``QTextLayout`` directly (what Qt's own QSyntaxHighlighter does at its end),
without a QSyntaxHighlighter: that one re-runs every block when it is attached to a document and lays out again
each block it formats. Here a block that is not laid out yet gets its formats before its first layout, and the
blocks out of view are formatted after the first paint, many at a time, without being laid out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import repeat
from operator import sub
from typing import Callable, Iterable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from annotator.model import Entity, Event
from annotator.offsets import Utf16Map
from ui import theme as themes


UNKNOWN_LABEL_COLOR = "#dddddd"
# what Qt's QTextCursor.insertText (used by setPlainText) turns into a block separator, one unit each
BLOCK_SEPARATORS = re.compile("[\n\r\u2029\ufdd0\ufdd1]")


LAZY_BLOCKS = 150  # blocks with spans above which only the visible ones are highlighted before the first paint
LAZY_STEP = 40  # blocks formatted per step after it (not laid out: ~1 ms a step, so input is never kept waiting)
LONG_LINE = 10_000  # Qt lays out a line (block) whole: longer lines are shown broken at a space
MAX_UNBROKEN_LINE = 500_000  # a longer run without a space or line break is not shown (it would freeze Qt)


def view_text(text: str) -> str:
    """The text as handed to Qt, the same length (so offsets hold): '\\r\\n' would become ONE block separator, so
    its '\\r' is shown as a space; in a line over LONG_LINE characters a space is shown as a line break about
    every LONG_LINE characters."""
    return view_text_and_breaks(text)[0]


def view_text_and_breaks(text: str) -> tuple[str, list[int]]:
    """``view_text`` and the offsets of its block separators (one pass over the text for both)."""
    shown = text.replace("\r\n", " \n")
    breaks = [m.start() for m in BLOCK_SEPARATORS.finditer(shown)]
    if len(shown) <= LONG_LINE:
        return shown, breaks
    pieces: list[str] = []
    start = done = 0
    for end in breaks + [len(shown)]:
        i = start
        while end - i > LONG_LINE:
            cut = shown.rfind(" ", i + LONG_LINE // 2, i + LONG_LINE)
            if cut < 0:
                cut = shown.find(" ", i + LONG_LINE, end)
                if cut < 0:
                    break
            pieces.append(shown[done:cut])
            pieces.append("\n")
            done = i = cut + 1
        start = end + 1
    if not pieces:
        return shown, breaks
    pieces.append(shown[done:])
    shown = "".join(pieces)
    return shown, [m.start() for m in BLOCK_SEPARATORS.finditer(shown)]


def longest_line(shown: str, breaks: list[int] | None = None) -> int:
    """The longest line (block) of text as shown (``breaks``: its block separators, when known)."""
    if breaks is None:
        breaks = [m.start() for m in BLOCK_SEPARATORS.finditer(shown)]
    longest = last = 0
    for b in breaks:
        if b - last > longest:
            longest = b - last
        last = b + 1
    return max(longest, len(shown) - last)


def trigger_state(v: Event) -> str:
    """How a trigger is drawn: "trigger" (decided), "trigger-suggested" (dashed) or "trigger-rejected"."""
    return "trigger" if v.state in ("accepted", "added") else f"trigger-{v.state}"


class SpanHighlighter(QObject):
    """Draws the current document's entities (by label and state) and event triggers."""

    def __init__(self, document: QTextDocument, colors: dict[str, str]) -> None:
        super().__init__(document)
        self._doc = document
        self.colors = {k: QColor(v) for k, v in colors.items()}
        self.show_rejected = False
        self.block_starts: list[int] = [0]
        self._items: dict[int, tuple[int, int, str, str]] = {}  # key -> (start16, end16, label, state)
        self.buckets: dict[int, set[int]] = {}
        # a long document's spans out of view, indexed right after the first paint: (entities, events, offsets,
        # first and last block indexed so far)
        self._pending: tuple[list[Entity], list[Event], Utf16Map, int, int] | None = None
        self._formats: dict[tuple, QTextCharFormat] = {}
        self.theme = themes.current()  # the colours for the background in use (``set_theme`` when it changes)
        self._marks: dict[tuple[str, str], QColor] = {}  # (label, "fill"/"decided"/"edge") -> colour, worked out once
        self.blocks_highlighted = 0  # for benchmarks and tests: how many blocks were given their formats
        # blocks of a long document not formatted yet: those in view get theirs before the first paint, these
        # after it, LAZY_STEP at a time (``resume``, called by the view once it has painted)
        self.deferred: set[int] = set()
        self._in_view: Callable[[], Iterable[int]] | None = None  # the blocks the view may show (``load``)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._highlight_some)

    def document(self) -> QTextDocument:
        return self._doc

    @property
    def items(self) -> dict[int, tuple[int, int, str, str]]:
        """Every span shown: key (entity id, or -event id) -> (start16, end16, label, state)."""
        self._complete()
        return self._items

    def item(self, key: int) -> tuple[int, int, str, str]:
        """One span of a block in view (``keys_in_block``), without waiting for the rest of the index."""
        return self._items[key]

    # -- indexing ------------------------------------------------------------------------------------
    def set_block_starts(self, starts: list[int]) -> None:
        self.block_starts = starts or [0]

    def block_of(self, u16: int) -> int:
        return max(0, bisect_right(self.block_starts, u16) - 1)

    def _blocks_of(self, start16: int, end16: int) -> tuple[int, int]:
        """The first and last block a span touches."""
        return self.block_of(start16), self.block_of(max(start16, end16 - 1))

    def _put(self, key: int, start16: int, end16: int, label: str, state: str) -> set[int]:
        touched = self._drop(key)
        self._items[key] = (start16, end16, label, state)
        b0, b1 = self._blocks_of(start16, end16)
        for b in range(b0, b1 + 1):
            self.buckets.setdefault(b, set()).add(key)
            touched.add(b)
        return touched

    def _drop(self, key: int) -> set[int]:
        item = self._items.pop(key, None)
        if item is None:
            return set()
        b0, b1 = self._blocks_of(item[0], item[1])
        for b in range(b0, b1 + 1):
            bucket = self.buckets.get(b)
            if bucket is not None:
                bucket.discard(key)
        return set(range(b0, b1 + 1))

    def _visible(self, e: Entity | Event) -> bool:
        return self.show_rejected or e.state != "rejected"

    def load(
        self,
        entities: Iterable[Entity],
        events: Iterable[Event],
        u16: Utf16Map,
        visible: Callable[[], Iterable[int]] | None = None,
    ) -> None:
        """Index the spans (of the text just set in the document) and format the blocks: all at once in a short
        document; in a long one (more than ``LAZY_BLOCKS`` blocks) only the spans and blocks of ``visible()`` now,
        the others after the first paint (``resume``)."""
        self.deferred = set()
        self._later.stop()
        self._in_view = visible
        self._pending = None
        ents = list(entities) if self.show_rejected else [e for e in entities if e.state != "rejected"]
        evs = [v for v in events if self._visible(v)]
        count = len(self.block_starts)
        if visible is None or count <= LAZY_BLOCKS:
            self._index(ents, evs, u16)
            self._format_blocks(sorted(self.buckets))
            return
        shown = [b for b in visible() if 0 <= b < count]
        lo, hi = (min(shown), max(shown)) if shown else (0, 0)
        a = u16.to_codepoint(self.block_starts[lo])
        b = u16.to_codepoint(self.block_starts[hi + 1]) if hi + 1 < count else u16.length
        self._index(
            [e for e in ents if e.start < b and e.end > a],
            [v for v in evs if v.trigger_start < b and v.trigger_end > a],
            u16,
        )
        self._pending = (ents, evs, u16, lo, hi)
        self.deferred = set(range(count))
        self.highlight_now(shown)

    def clear(self) -> None:
        """Forget the spans and the waiting blocks (the document's text is about to change)."""
        self._later.stop()
        self.deferred, self._pending, self._items, self.buckets = set(), None, {}, {}

    def _complete(self) -> None:
        """Index every span of a long document (its blocks in view were indexed alone before the first paint)."""
        if self._pending is None:
            return
        ents, evs, u16, _, _ = self._pending
        self._pending = None
        self._index(ents, evs, u16)
        self.deferred &= set(self.buckets)  # blocks without spans have nothing to wait for

    def _indexed(self, blocks: Iterable[int]) -> bool:
        """Whether the spans of these blocks are all indexed (else ``_complete`` must run first)."""
        if self._pending is None:
            return True
        lo, hi = self._pending[3], self._pending[4]
        return all(lo <= b <= hi for b in blocks)

    def _index(self, ents: list[Entity], evs: list[Event], u16: Utf16Map) -> None:
        keys = [e.id for e in ents] + [-v.id for v in evs]
        starts = [e.start for e in ents] + [v.trigger_start for v in evs]
        ends = [e.end for e in ents] + [v.trigger_end for v in evs]
        labels = [e.label for e in ents] + [v.type for v in evs]
        states = [e.state for e in ents] + [trigger_state(v) for v in evs]
        s16, e16 = u16.to_utf16_many(starts), u16.to_utf16_many(ends)
        # blocks of the first and last unit of each span, in one C-level pass each (``block_of`` for many)
        bounds = self.block_starts
        b0 = list(map(sub, map(bisect_right, repeat(bounds), s16), repeat(1)))
        b1 = list(map(sub, map(bisect_right, repeat(bounds), map(max, s16, map(sub, e16, repeat(1)))), repeat(1)))
        self._items = dict(zip(keys, zip(s16, e16, labels, states)))
        self.buckets = buckets = {}
        for key, first, last in zip(keys, b0, b1):
            for b in range(first, last + 1) if last != first else (first,):
                bucket = buckets.get(b)
                if bucket is None:
                    buckets[b] = {key}
                else:
                    bucket.add(key)

    def highlight_now(self, blocks: Iterable[int]) -> None:
        """Format these blocks now if they are still waiting (the view calls it with what it is about to show)."""
        waiting = sorted(b for b in blocks if b in self.deferred)
        if not self._indexed(waiting):
            self._complete()
            waiting = [b for b in waiting if b in self.deferred]
        self._format_blocks(waiting)

    def resume(self) -> None:
        """Format the waiting blocks, a step at a time (the view calls it once the text is on screen)."""
        if self.deferred and not self._later.isActive():
            self._later.start()

    def _highlight_some(self) -> None:
        self._complete()
        if not self.deferred:
            return
        self._format_blocks(sorted(self.deferred)[:LAZY_STEP])
        if self.deferred:
            self._later.start()

    def finish(self) -> None:
        """Format every block still waiting (tests, screenshots)."""
        self._complete()
        self._format_blocks(sorted(self.deferred))

    def update_entities(self, ids: Iterable[int], entities: dict[int, Entity], to16: Callable[[int], int]) -> set[int]:
        self._complete()
        touched: set[int] = set()
        for i in ids:
            e = entities.get(i)
            if e is None or not self._visible(e):
                touched |= self._drop(i)
            else:
                touched |= self._put(i, to16(e.start), to16(e.end), e.label, e.state)
        self._redraw(touched)
        return touched

    def update_events(self, ids: Iterable[int], events: dict[int, Event], to16: Callable[[int], int]) -> set[int]:
        self._complete()
        touched: set[int] = set()
        for i in ids:
            v = events.get(i)
            if v is None or not self._visible(v):
                touched |= self._drop(-i)
            else:
                touched |= self._put(-i, to16(v.trigger_start), to16(v.trigger_end), v.type, trigger_state(v))
        self._redraw(touched)
        return touched

    def _redraw(self, blocks: set[int]) -> None:
        """An edit: each touched block formatted and laid out again at once (the view repaints it)."""
        doc = self._doc
        for b in sorted(blocks):
            block = doc.findBlockByNumber(b)
            if block.isValid():
                self.deferred.discard(b)
                self._set_formats(block)
                doc.markContentsDirty(block.position(), block.length())

    def keys_in_block(self, number: int) -> set[int]:
        if not self._indexed((number,)):
            self._complete()
        return self.buckets.get(number, set())

    # -- setting the formats -------------------------------------------------------------------------
    def _format_blocks(self, numbers: list[int]) -> None:
        """Set the formats of these blocks (ascending numbers), then tell the layout once for all of them.

        A block not laid out yet only needs its formats (it is laid out with them when it is first shown). The
        layout is told without a repaint when none of the blocks whose layouts it throws away can be on screen
        (the view's blocks, ``load``'s ``visible``); else the view repaints, laying those out again."""
        if not numbers:
            return
        doc = self._doc
        first = last = None
        laid_out = False
        for n in numbers:
            self.deferred.discard(n)
            block = doc.findBlockByNumber(n)
            if not block.isValid():
                continue
            laid_out = laid_out or block.layout().lineCount() > 0
            self._set_formats(block)
            if first is None:
                first = block
            last = block
        if first is None or last is None:
            return
        start = first.position()
        length = min(last.position() + last.length(), doc.characterCount()) - start
        if self._in_view is None:
            shown = laid_out
        else:  # the plain-text layout counts a changed range twice (removed + added): so many blocks are cleared
            cleared = range(first.blockNumber(), doc.findBlock(start + 2 * length - 1).blockNumber() + 1)
            shown = any(b in cleared for b in self._in_view())
        layout = doc.documentLayout()
        quiet = not shown and not layout.signalsBlocked()
        if quiet:
            layout.blockSignals(True)  # nothing on screen changes: no repaint of the view
        try:
            doc.markContentsDirty(start, length)
        finally:
            if quiet:
                layout.blockSignals(False)

    def _set_formats(self, block: QTextBlock) -> None:
        ranges = []
        for a, b, fmt in self.block_formats(block.blockNumber(), block.position(), block.length() - 1):
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = a, b - a, fmt
            ranges.append(r)
        block.layout().setFormats(ranges)
        self.blocks_highlighted += 1

    def block_formats(self, number: int, pos: int, length: int) -> list[tuple[int, int, QTextCharFormat]]:
        """(start, end, format) within block ``number`` (at UTF-16 ``pos``, ``length`` units without its separator):
        where spans overlap, the innermost entity gives the colour, the outermost an underline."""
        keys = self.buckets.get(number)
        if not keys:
            return []
        items = self._items
        end_block = pos + length
        marks: list[tuple[int, int, int]] = []
        for k in keys:
            s, e, _, _ = items[k]
            s = (s if s > pos else pos) - pos
            e = (e if e < end_block else end_block) - pos
            if s < e:
                marks.append((s, 1, k))
                marks.append((e, 0, k))
        marks.sort()
        out: list[tuple[int, int, QTextCharFormat]] = []
        active: set[int] = set()
        last = 0
        for x, kind, k in marks:
            if x > last and active:
                fmt = self._segment_format(active)
                if out and out[-1][1] == last and out[-1][2] is fmt:
                    out[-1] = (out[-1][0], x, fmt)
                else:
                    out.append((last, x, fmt))
            last = x
            if kind:
                active.add(k)
            else:
                active.discard(k)
        return out

    def _segment_format(self, active: set[int]) -> QTextCharFormat:
        items = self._items
        ents = sorted((k for k in active if k > 0), key=lambda k: (items[k][1] - items[k][0], k))
        inner = outer = None
        if ents:
            inner = items[ents[0]][2:]
            if len(ents) > 1:
                outer = items[ents[-1]][2:]
        triggers = sorted(items[k][3] for k in active if k < 0)  # "trigger" sorts first: decided wins
        return self._format(inner, outer, triggers[0] if triggers else None)

    # -- formats -------------------------------------------------------------------------------------
    def color(self, label: str) -> QColor:
        c = self.colors.get(label)
        if c is None:
            c = self.colors[label] = QColor(UNKNOWN_LABEL_COLOR)
        return c

    def set_theme(self, theme: themes.Theme) -> None:
        """Draw with ``theme``'s colours from now on (the view highlights its document again)."""
        self.theme = theme
        self.set_colors(self.colors)

    def set_colors(self, colors: dict[str, QColor]) -> None:
        """The labels' colours (another schema or palette): formats and fills are worked out again."""
        self.colors = colors
        self._formats.clear()
        self._marks.clear()

    def fill(self, label: str, decided: bool) -> QColor:
        """A span's fill for the background in use (the text on it stays readable); worked out once a label (the
        label boxes ask at every paint)."""
        key = (label, "decided" if decided else "fill")
        c = self._marks.get(key)
        if c is None:
            c = self._marks[key] = themes.span_fill(self.color(label), decided, self.theme)
        return c

    def edge(self, label: str) -> QColor:
        """A span's underline and label-box frame: seen against its suggested fill."""
        key = (label, "edge")
        c = self._marks.get(key)
        if c is None:
            c = self._marks[key] = themes.span_edge(self.color(label), self.fill(label, False), self.theme)
        return c

    def _format(self, inner: tuple | None, outer: tuple | None, trigger: str | None) -> QTextCharFormat:
        sig = (inner, outer, trigger)
        fmt = self._formats.get(sig)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        t = self.theme
        if inner is not None:
            label, state = inner
            if state == "rejected":
                fmt.setForeground(QColor(t.rejected))
                fmt.setFontStrikeOut(True)
            elif state == "suggested":
                fmt.setBackground(self.fill(label, False))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(self.edge(label))
            else:
                fmt.setBackground(self.fill(label, True))
        if outer is not None:  # a span nested in another: the outer one shows as an underline
            label, state = outer
            style = (
                QTextCharFormat.UnderlineStyle.DotLine
                if state == "suggested"
                else QTextCharFormat.UnderlineStyle.SingleUnderline
            )
            fmt.setUnderlineStyle(style)
            fmt.setUnderlineColor(self.edge(label))
        if trigger == "trigger-rejected":
            fmt.setForeground(QColor(t.rejected))
            fmt.setFontStrikeOut(True)
        elif trigger:  # decided: dark red on a tint, underlined; undecided: dark red, dashed underline (as suggestions)
            fmt.setForeground(QColor(t.trigger))
            if trigger == "trigger" and inner is None:  # a tint, not bold: deciding it never moves the line's words
                fmt.setBackground(QColor(t.trigger_tint))
            if inner is None or trigger != "trigger":
                fmt.setUnderlineStyle(
                    QTextCharFormat.UnderlineStyle.SingleUnderline
                    if trigger == "trigger"
                    else QTextCharFormat.UnderlineStyle.DashUnderline
                )
                fmt.setUnderlineColor(QColor(t.trigger))
        self._formats[sig] = fmt
        return fmt
