"""How wide the document list's parts are, in the list's font: the Status column (every status whole, in bold, with
the marks beside it), a name's floor and where it stops stretching, the panel's least width and its width with the
project's names whole (the dock's fit, ``ui.documents_width``), a count column's. Measures, nothing drawn."""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from PySide6.QtWidgets import QStyle, QTableView, QWidget

from annotator.model import STATUSES
from ui.panels.table_model import GRID_SLACK, cell_width, header_width
from ui.plain import state_shown

MIN_NAME_WIDTH = 130  # below this names read "0…t": the count columns scroll sideways instead
MIN_NAME_SAMPLE = "000_c508…ef81.txt"  # what that width shows in the default font; a larger font needs more
MARGIN = 4  # the panel layout's margins
MARKER_GAP = 4  # between the waiting marker and the status
NAME_FLOOR = 100  # what a name keeps when the Status column needs the rest ("000_c5…f81.txt": still told apart)
NAME_FLOOR_SAMPLE = "000_c5…f81.txt"
NAMES_MEASURED = 50  # the longest names (in characters) measured for the Name column's width  # in pixels they read "000…txt" in a 14 pt font, every name alike


def status_width(widget: QWidget, marked: bool = False, waits: bool = False) -> int:
    """The Status column's width: every status whole, in bold (the open document's row), not only those shown;
    ``marked``: with the marker of a document waiting for adjudication before it; ``waits``: with the mark of a status
    kept while another program writes after it ("annotated ⏳", bold once the person goes back to it: it read
    "ann…d ⏳" at 1366x768)."""
    icon = widget.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, widget) + MARKER_GAP if marked else 0
    return max(cell_width(widget, state_shown(s.replace("_", " "), waits), bold=True) for s in STATUSES) + icon


def name_floor(widget: QWidget) -> int:
    """The least a name keeps, in the widget's font (``NAME_FLOOR`` pixels at the default size)."""
    return max(NAME_FLOOR, cell_width(widget, NAME_FLOOR_SAMPLE))


def name_width(widget: QWidget) -> int:
    """The width below which the name stops stretching, in the widget's font (``MIN_NAME_WIDTH`` at the default)."""
    return max(MIN_NAME_WIDTH, cell_width(widget, MIN_NAME_SAMPLE))


def least_width(widget: QWidget, marked: bool = False) -> int:
    """The panel's least width: a name of ``NAME_FLOOR`` and the Status column whole beside it, with the table's
    frame, its vertical scroll bar and the layout's margins (at 1366x768 the dock's 160-218 px cut the Status)."""
    style = widget.style()
    frame = 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, widget)
    scroll_bar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, widget)
    return name_floor(widget) + status_width(widget, marked) + frame + scroll_bar + 2 * MARGIN


def longest(names: Iterable[str]) -> list[str]:
    """The ``NAMES_MEASURED`` longest of ``names`` (in characters): the ones whose width decides the Name column's."""
    return heapq.nlargest(NAMES_MEASURED, names, key=len)


def names_width(widget: QWidget, names: Iterable[str]) -> int:
    """The width of a Name cell showing the widest of ``names`` whole, in bold (the open document's row), with the
    grid's line and the fractional advance the delegate elides by (a name 1 px short read "…e_agreement.txt")."""
    return max((cell_width(widget, n, bold=True) + GRID_SLACK for n in longest(names)), default=0)


def content_width(widget: QWidget, names: Iterable[str], marked: bool = False, counts: int = 0) -> int:
    """The panel's width with the widest of ``names`` whole and the Status column beside it (its frame, scroll bar
    and margins, as ``least_width``) and the count columns of ``counts`` pixels; never less than that least width."""
    return (
        least_width(widget, marked) - name_floor(widget) + max(name_floor(widget), names_width(widget, names)) + counts
    )


def digits_as_zeros(count: int | str) -> str:
    """A count as its cell shows it (``document_rows.count_shown``) with each digit a 0: counts of one shape ("00",
    "00k") are as wide whichever their digits."""
    return "".join("0" if c.isdigit() else c for c in str(count))


def shown_width(table: QWidget, shown: str) -> int:
    """A cell showing a count of the shape ``shown`` (``digits_as_zeros``) whole, in bold (the open document's row),
    whichever its digits: the widest of them in each place (0 for no count)."""
    return max(cell_width(table, shown.replace("0", d), bold=True) for d in "0123456789") if shown else 0


COUNT_TITLES = ("Ent", "Ev", "Sug")  # the count columns' titles (``document_rows.COLUMNS``), "Adj" with a team's work
ADJ_TITLE = "Adj"
ROOM_SHAPE = "000"  # the counts the dock's fit keeps room for, known before the rows are (up to 999 each; a count
# of 1,000 and more is shown short, "1k", "12k", no wider up to 99,999: session 39)


def counts_room(widget: QWidget, marked: bool = False) -> int:
    """The room the dock's fit keeps for the count columns (``marked``: with Adj.), from their titles and counts of
    the shape ``ROOM_SHAPE``: the same before the rows come and after (fitted to the rows' counts, the dock widened
    after the first paint and the text reflowed under the reader's eyes); a narrower count gives the name its room."""
    titles = COUNT_TITLES + ((ADJ_TITLE,) if marked else ())
    return sum(max(cell_width(widget, t, bold=True), shown_width(widget, ROOM_SHAPE)) for t in titles)


def count_width(table: QTableView, col: int, title: str, shown: str, mark: bool | None = None) -> int:
    """A count column's width: its short title whole (in bold, as a selected row's header draws it) and its widest
    count; the room of the sort mark only while the list is sorted by it (``mark`` None: as the header is; every
    column kept that room, 20 px each: at 1366x768 the counts scrolled out of sight)."""
    hh = table.horizontalHeader()
    title_width = header_width(table, title)
    if mark is None:
        mark = hh.isSortIndicatorShown() and hh.sortIndicatorSection() == col
    if mark:
        style = table.style()
        room = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, hh)
        room += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, hh)
        title_width = max(hh.sectionSizeHint(col), title_width + room)
    return max(title_width, shown_width(table, shown))
