"""Text from the data shown in a button or label that never widens the panel holding it: elided to the width the
layout gives it ("…" at the end), the whole text in its tooltip. A long entity as an event's argument widened the
event panel to fit it, and the text column lost that width for the rest of the session."""

from __future__ import annotations

from pathlib import PurePath
from typing import Callable, Collection

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

from ui.plain import no_mnemonic, tooltip_text

LEAST_CHARACTERS = 4  # shown before "…" at the least width the widget asks for (the whole text in its tooltip)
SLACK = 4  # pixels asked beyond the text's advance (rounded to whole pixels), so that a text given its width fits


class ElidedLabel(QLabel):
    """A plain-text label elided to its width (asking for ``least`` characters at least); the whole text in its
    tooltip, unless one is given."""

    def __init__(
        self,
        text: str,
        tooltip: str = "",
        least: int = LEAST_CHARACTERS,
        parent: QWidget | None = None,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        ink: int = 0,
        cut_shortest: bool = False,
    ):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.full_text = text
        self.least = least
        self.mode = mode  # where "…" goes (the window's title: in the name's middle, its status kept)
        self.ink = ink  # pixels kept free after the text's advance (up to SLACK: whole at its size hint)
        # where no text fits, the last of ``shorter`` is the one cut rather than the whole: a role's row read
        # "— Alt+1: selected: alm…" at 1366, the key its first column shows kept, the words it puts cut (session 39)
        self.cut_shortest = cut_shortest
        self.setToolTip(tooltip_text(tooltip or text))
        super().setText(text)

    shorter: tuple[str, ...] = ()  # shorter texts to show, the first that fits, before the whole one is elided

    def set_full_text(self, text: str, shorter: tuple[str, ...] = ()) -> None:
        """Show another text (elided to the width it has; the whole in its tooltip): a widget kept for another
        event instead of a new one. ``shorter``: texts that say less but cut no word (the document's categories,
        "…: armed-conflict and 2 more"), the first that fits shown before the whole text is elided."""
        if text == self.full_text and shorter == self.shorter:
            return
        self.full_text, self.shorter = text, shorter
        self.setToolTip(tooltip_text(text))
        self.updateGeometry()
        room = self._room()
        super().setText(self._fitted(room) if room > 0 else text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        self.ensurePolished()  # the style sheet's font (bold) measured, not the default one
        hint = super().minimumSizeHint()
        least = self.fontMetrics().horizontalAdvance(self.full_text[: self.least] + "…")
        return QSize(min(self.sizeHint().width(), least + self._around()), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802
        self.ensurePolished()
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self.full_text) + self._around(), super().sizeHint().height())

    def _around(self) -> int:
        """The width besides the text's advance: the margin, the style sheet's padding (the contents margins) and
        ``SLACK``."""
        m = self.contentsMargins()
        return 2 * self.margin() + m.left() + m.right() + SLACK

    def _room(self) -> int:
        """The text's room at the width the label has: its contents less the margin and ``ink`` (fitted to the
        advance alone, the title's last bold glyph was drawn cut at the edge under a 14 pt font)."""
        return self.contentsRect().width() - 2 * self.margin() - self.ink

    def _fitted(self, room: int) -> str:
        """The text elided to ``room``; whole when its advance (as ``sizeHint`` measures it) fits: Qt's elision
        measures in fractions of a pixel, and the title given exactly its size hint beside the categories read
        "001_state_visit_trade_ag…ment.txt" with the room for the whole name."""
        fm = self.fontMetrics()
        for text in (self.full_text, *self.shorter):
            if fm.horizontalAdvance(text) <= room:
                return text
        cut = self.shorter[-1] if self.cut_shortest and self.shorter else self.full_text
        return fm.elidedText(cut, self.mode, room)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        text = self._fitted(self._room())
        if text != self.text():
            super().setText(text)


class ElidedButton(QPushButton):
    """A push button whose text is elided to its width (the whole text in its tooltip, unless one is given)."""

    def __init__(self, text: str, tooltip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(no_mnemonic(text), parent)
        self.full_text = text
        self.setToolTip(tooltip_text(tooltip or text))
        policy = self.sizePolicy()  # a push button never shrinks below its size hint: this one may, to its least
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)

    def _padding(self) -> int:
        """The button's width around its text (style, style sheet and frame as they are now), asked of the style
        for a wide text: a short one is widened to the style's least button width, which is no padding."""
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        wide = 1000
        size = QSize(wide, self.fontMetrics().height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, opt, size, self).width() - wide

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        self.ensurePolished()
        least = self.fontMetrics().horizontalAdvance(self.full_text[:LEAST_CHARACTERS] + "…") + self._padding() + SLACK
        return QSize(min(self.sizeHint().width(), least), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        self.ensurePolished()
        width = self.fontMetrics().horizontalAdvance(self.full_text) + self._padding() + SLACK
        return QSize(width, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        room = max(0, self.width() - self._padding())
        text = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room)
        if no_mnemonic(text) != self.text():
            super().setText(no_mnemonic(text))


def common_start(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share from their start."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def elide_unique(text: str, others: Collection[str], room: float, advance: Callable[[str], float]) -> str:
    """``text`` in ``room`` (``advance`` measures a string) as a start and an end around "…" that none of ``others``
    could be read as (it starts with the one and ends with the other): the most characters kept, at the end ("…"
    last) when that is told apart, else "…" as near the middle as that allows. Elided at their end alone,
    Transfer-Ownership and Transfer-Money both read "Transfer-…"; here "Transfer-M…" and "Transfer-O…", narrower
    "Trans…oney" and "Trans…rship"; "…" when nothing fits."""
    if advance(text) <= room:
        return text
    rivals = [u for u in others if u != text]
    n = len(text)
    # the start alone, as Qt elides ("Transfer-M…"), else "…" near the middle (narrow letters made "Transfer-…ey"
    # keep more characters than "Trans…Money"), then anywhere; the most characters kept, a start whenever it can be
    for way in ("start", "balanced", "any"):
        for kept in range(n - 1, 0, -1):
            middle_out = sorted(range(kept), key=lambda k: (k == 0, abs(2 * k - kept), k))
            lefts = [kept] if way == "start" else [k for k in middle_out if way == "any" or abs(2 * k - kept) <= 2]
            for left in lefts:
                start, end = text[:left], text[n - (kept - left) :]
                shown = f"{start}…{end}"
                if advance(shown) > room:
                    continue
                if not any(len(u) >= kept and u.startswith(start) and u.endswith(end) for u in rivals):
                    return shown
    return "…"


def common_end(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their end."""
    return common_start(a[::-1], b[::-1])


LEAD_CHARACTERS = 8  # a name's first word kept before "…" (its separator with it) when its end is shown: at most


def first_word(text: str) -> int:
    """How many characters ``text``'s first word and the separator after it are ("new-" of
    "new-VOA_EN_NW_2014.12.16.2560677.txt": 4), when that word is short (``LEAD_CHARACTERS``); else 0."""
    for k, ch in enumerate(text[: LEAD_CHARACTERS + 1]):
        if ch in "-_. ":
            return k + 1 if k else 0
    return 0


def told_leads(names: Collection[str]) -> frozenset[str]:
    """The first words (``first_word``, with their separator) that fewer than half of ``names`` start with: what
    marks a few names apart from the rest ("new-" of four documents imported again beside twelve "VOA_…"), which
    ``elide_apart`` keeps before "…" when it shows such a name's end. Session 43: at 1366x768 those four read
    "…6.2560677.txt" beside the others' "…3.2556485.txt", and which documents were the new ones was not seen."""
    counts: dict[str, int] = {}
    for name in names:
        if n := first_word(name):
            counts[name[:n]] = counts.get(name[:n], 0) + 1
    return frozenset(word for word, n in counts.items() if 2 * n < len(names))


def elide_apart(
    text: str,
    differs_at: int,
    room: float,
    advance: Callable[[str], float],
    shared_end: int = 0,
    lead: int = 0,
) -> str:
    """``text`` in ``room`` (``advance`` measures a string), keeping what tells it from its neighbours: its start up
    to the character at ``differs_at`` (where it parts from the names above and below it), then as much of its end
    (the extension) and of the rest as fits around "…". Qt's middle elision cut "dev_000_article.txt" and
    "dev_001_article.txt" both to "dev_00…le.txt". When even that start does not fit, the text from a little before
    the difference, elided at its end ("…12.09.4163…"). With ``shared_end`` (characters of its end a neighbour's
    name ends with too, as ".txt"), the end tells nothing apart: the most of the start is kept, "…" last (at 1366x768
    "001_state_visit_trade_agreement.txt" read "001_state_visi…agreement.txt", its words cut in the middle). With
    ``lead`` (characters of a first word few names start with, ``told_leads``), a name shown by its end keeps that word before
    "…" ("new-…2560677.txt") when the end still tells it apart beside it."""
    if advance(text) <= room:
        return text
    keep = min(len(text), differs_at + 1)
    if advance(text[:keep] + "…") > room:
        return (
            (lead and _told_end(text, differs_at, room, advance, shared_end, lead))
            or _told_end(text, differs_at, room, advance, shared_end)
            or _around(text, differs_at, room, advance)
        )
    left, right = keep, 0
    if shared_end:
        while left < len(text) and advance(text[: left + 1] + "…") <= room:
            left += 1
        return text[:left] + "…"
    grow_right = True
    while left + right < len(text):
        trial = (left, right + 1) if grow_right else (left + 1, right)
        shown = text[: trial[0]] + "…" + (text[len(text) - trial[1] :] if trial[1] else "")
        if advance(shown) > room:
            if not grow_right:
                break
            grow_right = False
            continue
        left, right = trial
        grow_right = not grow_right
    return text[:left] + "…" + (text[len(text) - right :] if right else "")


def _told_end(
    text: str, differs_at: int, room: float, advance: Callable[[str], float], shared_end: int, lead: int = 0
) -> str:
    """``text``'s end after "…", the most of it that fits in ``room``, where that end tells the name from its
    neighbours (longer than the end they share, ``shared_end``: ".txt") with at least ``LEAST_CHARACTERS`` before
    that shared end, and holds either the character at ``differs_at`` or the name's last digits (a corpus's document
    number, "…410778.txt"): else "". Around the difference alone, the events-dev articles
    "VOA_EN_NW_2016.01.05.3131977.txt" and their like read "…3131977.t…" and "…6.07.09.34…" at 1366, cut at both
    ends, the number telling them apart cut too (session 41): now "…131977.txt", "…410778.txt". ``lead`` characters
    of the start kept before "…" ("new-…2560677.txt"): "" when the end that fits beside them tells nothing."""
    head = text[:lead]
    start = len(text)
    while start > lead and advance(head + "…" + text[start - 1 :]) <= room:
        start -= 1
    if start <= lead:
        return text
    if len(text) - shared_end - start < LEAST_CHARACTERS:
        return ""
    stem = text[: len(text) - len(PurePath(text).suffix)]
    if not (start <= differs_at or stem[-1:].isdigit()):
        return ""
    if text[start] in "._-" and len(text) - shared_end - start > LEAST_CHARACTERS:
        start += 1  # "…3132000.txt", not "….3132000.txt" (read as four dots)
    return head + "…" + text[start:]


def _around(text: str, differs_at: int, room: float, advance: Callable[[str], float]) -> str:
    """``text`` around the character at ``differs_at`` in ``room``, when its start up to there does not fit: from a
    little before the difference, as much of what follows it (to the end, where "…" is then left off) and then of what
    comes before as fits. It showed only the few characters around the difference, "…" at both ends, whatever the
    room: a corpus's "year2009/month01/VOA_EN_NW_2009.12.09.416313_v0.txt" read "…3_v0.txt…" in a column with room for
    "…2009.12.09.416313_v0.txt" (session 28), as if the name went on after its ".txt"."""

    def shown(start: int, end: int) -> str:
        return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")

    start, end = max(0, differs_at - 3), min(len(text), differs_at + 1)
    if advance(shown(start, end)) > room:  # not even that: the few characters from before the difference that fit
        tail = "…" + text[start:]
        while len(tail) > 2 and advance(tail + "…") > room:
            tail = tail[:-1]
        return tail + "…"
    while end < len(text) and advance(shown(start, end + 1)) <= room:
        end += 1
    while start > 0 and advance(shown(start - 1, end)) <= room:
        start -= 1
    return shown(start, end)
