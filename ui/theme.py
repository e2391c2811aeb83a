"""The app's own colours for the background in use: light (the default) or dark, told from the palette Qt gives
the application (a dark platform theme, ``-style fusion`` with a dark palette, Settings' Appearance).

One place for every colour the app draws itself: the style sheet's (resources/styles/app.qss, a template filled
from a ``Theme``), the text's highlights and label boxes, the panels' inks. Under a dark palette the fixed light
colours left the title, the legend and the status line white on near-white, and the triggers, the arguments and the
hints dark red and dark blue on near-black. Span fills are worked out from the label's colour so that the text on
them keeps a contrast of at least ``TEXT_CONTRAST`` (WCAG's 4.5:1) and a suggestion's dashes ``MARK_CONTRAST``
(3:1) against its fill, whatever the schema's colours."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from annotator.schema_model import TRIGGER_COLOR

TEXT_CONTRAST = 4.5  # WCAG 2 AA, normal text
MARK_CONTRAST = 3.0  # WCAG 2.1 1.4.11, graphical marks (a suggestion's dashes, a focus frame)


@dataclass(frozen=True)
class Theme:
    """Named colours (#rrggbb) of one look."""

    dark: bool
    paper: str  # the text's background
    ink: str  # the text
    chrome: str  # window and dock background
    chrome_ink: str  # its text (titles, legend, status line)
    header: str  # dock titles, table headers, the status bar
    border: str
    grid: str
    alternate: str  # a table's alternate rows
    selection: str  # selected text / the current row of a list that has the keys
    selection_ink: str
    idle_selection: str  # the current row of a list without the keys
    muted: str  # hints, role keys, a new document's status
    faint: str  # an empty role's dash
    error: str
    trigger: str  # a trigger's words, its type's box and mark
    trigger_tint: str  # a decided trigger's fill
    argument: str  # an argument's mark, its role's box, the lines to it, its name in the editor
    mark_ink: str  # text on a trigger's or argument's filled box
    rejected: str
    suggested_event: str  # an undecided suggestion in the event and entity lists
    statuses: dict[str, str] = field(default_factory=dict)  # the document list's status inks


LIGHT = Theme(
    dark=False,
    paper="#ffffff",
    ink="#1a1a1a",
    chrome="#fafaf8",
    chrome_ink="#1a1a1a",
    header="#ecebe6",
    border="#d0d0cc",
    grid="#e6e6e2",
    alternate="#f6f6f3",
    selection="#3a6fd8",
    selection_ink="#ffffff",
    idle_selection="#d9dde6",
    muted="#555555",
    faint="#999999",
    error="#b00020",
    trigger=TRIGGER_COLOR,
    trigger_tint="#f6dde3",
    argument="#1f4e9c",
    mark_ink="#ffffff",
    rejected="#8a8a8a",
    suggested_event="#7a5c00",
    statuses={"new": "#666666", "in_progress": "#a05a00", "annotated": "#1d6b2a", "reviewed": "#1f4e9c"},
)

DARK = Theme(
    dark=True,
    paper="#1e1f22",
    ink="#e6e6e6",
    chrome="#2b2d30",
    chrome_ink="#e6e6e6",
    header="#3a3c40",
    border="#55585e",
    grid="#3a3c40",
    alternate="#26282b",
    selection="#3d6fd6",
    selection_ink="#ffffff",
    idle_selection="#44484f",
    muted="#b4b4b4",
    faint="#a0a0a0",
    error="#ff909e",
    trigger="#ff8fa3",
    trigger_tint="#4a2630",
    argument="#8db6ff",
    mark_ink="#1e1f22",
    rejected="#9a9a9a",
    suggested_event="#e6c35c",
    statuses={"new": "#a8a8a8", "in_progress": "#f0a850", "annotated": "#7fd48c", "reviewed": "#8db6ff"},
)


def is_dark(palette: QPalette) -> bool:
    """A palette whose windows are darker than their text (a dark theme)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def current() -> Theme:
    """The look for the application's palette now (``LIGHT`` when there is no application yet)."""
    app = QGuiApplication.instance()
    return DARK if app is not None and is_dark(QGuiApplication.palette()) else LIGHT


def dark_palette() -> QPalette:
    """Fusion's colour roles for ``DARK`` (Settings' Appearance: Dark, where the platform offers no dark theme)."""
    t = DARK
    p = QPalette()
    roles = QPalette.ColorRole
    for role, color in (
        (roles.Window, t.chrome),
        (roles.WindowText, t.chrome_ink),
        (roles.Base, t.paper),
        (roles.AlternateBase, t.alternate),
        (roles.Text, t.ink),
        (roles.Button, t.header),
        (roles.ButtonText, t.chrome_ink),
        (roles.BrightText, "#ffffff"),
        (roles.Highlight, t.selection),
        (roles.HighlightedText, t.selection_ink),
        (roles.ToolTipBase, t.header),
        (roles.ToolTipText, t.chrome_ink),
        (roles.PlaceholderText, t.faint),
        (roles.Link, t.argument),
        (roles.Light, "#4a4d52"),
        (roles.Midlight, "#3f4246"),
        (roles.Mid, "#2f3134"),
        (roles.Dark, "#1a1b1d"),
        (roles.Shadow, "#000000"),
    ):
        p.setColor(role, QColor(color))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d7f84"))
    return p


# -- contrast ----------------------------------------------------------------------------------------------
def luminance(color: QColor) -> float:
    """WCAG relative luminance."""

    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = luminance(QColor(a)), luminance(QColor(b))
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` of the way to ``b`` (0: a, 1: b)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


def _until(start: QColor, toward: QColor, against: QColor, ratio: float) -> QColor:
    """``start`` moved toward ``toward`` in steps until its contrast with ``against`` is at least ``ratio``."""
    for step in range(21):
        c = mix(start, toward, step / 20)
        if contrast(c, against) >= ratio:
            return c
    return QColor(toward)


def span_fill(label_color: QColor, decided: bool, theme: Theme) -> QColor:
    """A span's fill: the label's colour (a suggestion's paler) on a light page, a deep tint of it on a dark one,
    moved toward the page until the text on it keeps ``TEXT_CONTRAST``."""
    paper, ink = QColor(theme.paper), QColor(theme.ink)
    start = (
        mix(label_color, paper, 0.62 if decided else 0.8)
        if theme.dark
        else (QColor(label_color) if decided else mix(label_color, paper, 0.45))
    )
    return _until(start, paper, ink, TEXT_CONTRAST)


def span_edge(label_color: QColor, against: QColor, theme: Theme) -> QColor:
    """A span's underline and its label box's frame: darker than the label's colour on a light page, lighter on a
    dark one, until it stands out from ``against`` (the span's fill) by ``MARK_CONTRAST``."""
    if theme.dark:
        return _until(QColor(label_color), QColor("#ffffff"), against, MARK_CONTRAST)
    return _until(QColor(label_color).darker(190), QColor("#000000"), against, MARK_CONTRAST)


def ink_on(fill: QColor | str) -> str:
    """Dark or light text, whichever reads better on ``fill`` (a label's colour in a table cell)."""
    return "#1a1a1a" if contrast("#1a1a1a", fill) >= contrast("#ffffff", fill) else "#ffffff"
