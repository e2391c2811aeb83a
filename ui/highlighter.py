"""Entity and trigger highlighting as character formats over plain text, bucketed per text block.

Spans are kept in UTF-16 units (Qt's positions) and grouped by the blocks (paragraphs) they touch, so an edit
re-highlights only the blocks of the spans it changed (``rehighlightBlock``), never the whole document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable, Iterable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.model import Entity, Event

TRIGGER_COLOR = QColor("#9c0d2c")
REJECTED_COLOR = QColor("#8a8a8a")
UNKNOWN_LABEL_COLOR = "#dddddd"
# what Qt's QTextCursor.insertText (used by setPlainText) turns into a block separator, one unit each
BLOCK_SEPARATORS = re.compile("[\n\r\u2029\ufdd0\ufdd1]")


LAZY_BLOCKS = 150  # blocks with spans above which only the visible ones are highlighted before the first paint
LAZY_STEP = 25  # blocks highlighted per step after it (a step stays under a frame at this size)
LONG_LINE = 10_000  # Qt lays out a line (block) whole: longer lines are shown broken at a space
MAX_UNBROKEN_LINE = 500_000  # a longer run without a space or line break is not shown (it would freeze Qt)


def view_text(text: str) -> str:
    """The text as handed to Qt, the same length (so offsets hold): '\\r\\n' would become ONE block separator, so
    its '\\r' is shown as a space; in a line over LONG_LINE characters a space is shown as a line break about
    every LONG_LINE characters."""
    shown = text.replace("\r\n", " \n")
    if len(shown) <= LONG_LINE:
        return shown
    ends = [m.start() for m in BLOCK_SEPARATORS.finditer(shown)] + [len(shown)]
    pieces: list[str] = []
    start = done = 0
    for end in ends:
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
        return shown
    pieces.append(shown[done:])
    return "".join(pieces)


def longest_line(shown: str) -> int:
    """The longest line (block) of text as shown."""
    longest = last = 0
    for m in BLOCK_SEPARATORS.finditer(shown):
        longest = max(longest, m.start() - last)
        last = m.end()
    return max(longest, len(shown) - last)


def lighter(color: QColor, amount: float = 0.45) -> QColor:
    """Mix ``color`` with white (amount 0 = unchanged, 1 = white)."""
    return QColor(
        round(color.red() + (255 - color.red()) * amount),
        round(color.green() + (255 - color.green()) * amount),
        round(color.blue() + (255 - color.blue()) * amount),
    )


def darker(color: QColor) -> QColor:
    return color.darker(190)


def trigger_state(v: Event) -> str:
    """How a trigger is drawn: "trigger" (decided), "trigger-suggested" (dashed) or "trigger-rejected"."""
    return "trigger" if v.state in ("accepted", "added") else f"trigger-{v.state}"


class SpanHighlighter(QSyntaxHighlighter):
    """Draws the current document's entities (by label and state) and event triggers."""

    def __init__(self, document: QTextDocument, colors: dict[str, str]) -> None:
        super().__init__(document)
        self.colors = {k: QColor(v) for k, v in colors.items()}
        self.show_rejected = False
        self.block_starts: list[int] = [0]
        self.items: dict[int, tuple[int, int, str, str]] = {}  # key -> (start16, end16, label, state)
        self.item_blocks: dict[int, tuple[int, int]] = {}
        self.buckets: dict[int, set[int]] = {}
        self._formats: dict[tuple, QTextCharFormat] = {}
        self.blocks_highlighted = 0  # for benchmarks and tests: how many blocks were redrawn
        # blocks of a long document not highlighted yet: the visible ones are drawn at once, these a few at a time
        # after the first paint (highlighting 1,000 blocks in Python took ~200 ms before anything showed)
        self.deferred: set[int] = set()
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._highlight_some)

    # -- indexing ------------------------------------------------------------------------------------
    def set_block_starts(self, starts: list[int]) -> None:
        self.block_starts = starts or [0]

    def block_of(self, u16: int) -> int:
        return max(0, bisect_right(self.block_starts, u16) - 1)

    def _put(self, key: int, start16: int, end16: int, label: str, state: str) -> set[int]:
        touched = self._drop(key)
        self.items[key] = (start16, end16, label, state)
        b0, b1 = self.block_of(start16), self.block_of(max(start16, end16 - 1))
        self.item_blocks[key] = (b0, b1)
        for b in range(b0, b1 + 1):
            self.buckets.setdefault(b, set()).add(key)
            touched.add(b)
        return touched

    def _drop(self, key: int) -> set[int]:
        if key not in self.items:
            return set()
        del self.items[key]
        b0, b1 = self.item_blocks.pop(key)
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
        to16,  # type: ignore[no-untyped-def]
        visible: Callable[[], Iterable[int]] | None = None,
    ) -> None:
        """Index every span and draw them: all at once in a short document; in a long one (more than
        ``LAZY_BLOCKS`` blocks with spans) the ``visible()`` blocks now and the others right after, in steps."""
        self.items, self.item_blocks, self.buckets = {}, {}, {}
        self.deferred = set()
        self._later.stop()
        items, item_blocks, buckets, starts = self.items, self.item_blocks, self.buckets, self.block_starts
        spans = [(e.id, to16(e.start), to16(e.end), e.label, e.state) for e in entities if self._visible(e)]
        spans += [
            (-v.id, to16(v.trigger_start), to16(v.trigger_end), v.type, trigger_state(v))
            for v in events
            if self._visible(v)
        ]
        for key, s16, e16, label, state in spans:  # what _put does, without the bookkeeping of a change
            b0 = max(0, bisect_right(starts, s16) - 1)
            b1 = max(0, bisect_right(starts, max(s16, e16 - 1)) - 1)
            items[key] = (s16, e16, label, state)
            item_blocks[key] = (b0, b1)
            for b in range(b0, b1 + 1):
                bucket = buckets.get(b)
                if bucket is None:
                    buckets[b] = {key}
                else:
                    bucket.add(key)
        if visible is None or len(self.buckets) <= LAZY_BLOCKS:
            self.rehighlight()
            return
        self.deferred = set(self.buckets)
        self.highlight_now(visible())
        self._later.start()

    def highlight_now(self, blocks: Iterable[int]) -> None:
        """Draw these blocks now if they are still waiting (the view calls it with what it is about to show)."""
        doc = self.document()
        for b in blocks:
            if b in self.deferred:
                self.deferred.discard(b)
                block = doc.findBlockByNumber(b) if doc is not None else None
                if block is not None and block.isValid():
                    self.rehighlightBlock(block)

    def _highlight_some(self) -> None:
        if not self.deferred:
            return
        self.highlight_now(sorted(self.deferred)[:LAZY_STEP])
        if self.deferred:
            self._later.start()

    def finish(self) -> None:
        """Draw every block still waiting (tests, screenshots)."""
        self.highlight_now(sorted(self.deferred))

    def update_entities(self, ids: Iterable[int], entities: dict[int, Entity], to16) -> set[int]:  # type: ignore[no-untyped-def]
        touched: set[int] = set()
        for i in ids:
            e = entities.get(i)
            if e is None or not self._visible(e):
                touched |= self._drop(i)
            else:
                touched |= self._put(i, to16(e.start), to16(e.end), e.label, e.state)
        self._redraw(touched)
        return touched

    def update_events(self, ids: Iterable[int], events: dict[int, Event], to16) -> set[int]:  # type: ignore[no-untyped-def]
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
        doc = self.document()
        for b in sorted(blocks):
            block = doc.findBlockByNumber(b)
            if block.isValid():
                self.rehighlightBlock(block)

    def keys_in_block(self, number: int) -> set[int]:
        return self.buckets.get(number, set())

    # -- formats -------------------------------------------------------------------------------------
    def color(self, label: str) -> QColor:
        c = self.colors.get(label)
        if c is None:
            c = self.colors[label] = QColor(UNKNOWN_LABEL_COLOR)
        return c

    def _format(self, inner: tuple | None, outer: tuple | None, trigger: str | None) -> QTextCharFormat:
        sig = (inner, outer, trigger)
        fmt = self._formats.get(sig)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        if inner is not None:
            label, state = inner
            c = self.color(label)
            if state == "rejected":
                fmt.setForeground(REJECTED_COLOR)
                fmt.setFontStrikeOut(True)
            elif state == "suggested":
                fmt.setBackground(lighter(c))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(darker(c))
            else:
                fmt.setBackground(c)
        if outer is not None:  # a span nested in another: the outer one shows as an underline
            label, state = outer
            style = (
                QTextCharFormat.UnderlineStyle.DotLine
                if state == "suggested"
                else QTextCharFormat.UnderlineStyle.SingleUnderline
            )
            fmt.setUnderlineStyle(style)
            fmt.setUnderlineColor(darker(self.color(label)))
        if trigger == "trigger-rejected":
            fmt.setForeground(REJECTED_COLOR)
            fmt.setFontStrikeOut(True)
        elif trigger:  # decided: bold dark red, underlined; undecided: dark red, dashed underline (as suggestions)
            fmt.setForeground(TRIGGER_COLOR)
            if trigger == "trigger":
                fmt.setFontWeight(QFont.Weight.Bold)
            if inner is None or trigger != "trigger":
                fmt.setUnderlineStyle(
                    QTextCharFormat.UnderlineStyle.SingleUnderline
                    if trigger == "trigger"
                    else QTextCharFormat.UnderlineStyle.DashUnderline
                )
                fmt.setUnderlineColor(TRIGGER_COLOR)
        self._formats[sig] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        block = self.currentBlock()
        number = block.blockNumber()
        if number in self.deferred:  # drawn later (see ``load``)
            return
        keys = self.buckets.get(number)
        self.blocks_highlighted += 1
        if not keys:
            return
        pos = block.position()
        length = block.length() - 1  # UTF-16 units; ``text`` counts code points
        marks: list[tuple[int, int, int]] = []
        for k in keys:
            s, e, _, _ = self.items[k]
            s, e = max(s, pos) - pos, min(e, pos + length) - pos
            if s < e:
                marks.append((s, 1, k))
                marks.append((e, 0, k))
        marks.sort()
        active: set[int] = set()
        last = 0
        for x, kind, k in marks:
            if x > last and active:
                self._paint(last, x, active)
            last = x
            if kind:
                active.add(k)
            else:
                active.discard(k)

    def _paint(self, a: int, b: int, active: set[int]) -> None:
        ents = sorted((k for k in active if k > 0), key=lambda k: (self.items[k][1] - self.items[k][0], k))
        inner = outer = None
        if ents:
            inner = self.items[ents[0]][2:]
            if len(ents) > 1:
                outer = self.items[ents[-1]][2:]
        triggers = sorted(self.items[k][3] for k in active if k < 0)  # "trigger" sorts first: decided wins
        self.setFormat(a, b - a, self._format(inner, outer, triggers[0] if triggers else None))
