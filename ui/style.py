"""The app's look: Fusion with the style sheet shipped as resources/styles/app.qss, its colours those of the theme
for the background in use (ui/theme.py: light, or dark under a dark palette)."""

from __future__ import annotations

from string import Template

from PySide6.QtWidgets import QApplication

from annotator.resources_path import resource_path
from ui import theme as themes

STYLE_FILE = "styles/app.qss"
STYLE = "Fusion"
APPEARANCES = ("system", "light", "dark")
_given: list = []  # the palette the application had before a choice of Settings replaced it (the system's)


def app_arguments(program: str) -> list[str]:
    """The QApplication's arguments, choosing the style: Qt sets it up without the QStyle crossing into Python
    (``QApplication.setStyle`` returns it, and wrapping it builds its enums: ~8 ms of the start)."""
    return [program, "-style", STYLE]


def style_sheet(theme: themes.Theme) -> str:
    """The shipped style sheet with ``theme``'s colours (``$paper``, ``$ink``, ...); a missing sheet is a broken
    installation and says so."""
    names = {k: v for k, v in vars(theme).items() if isinstance(v, str)}
    return Template(resource_path(STYLE_FILE).read_text(encoding="utf-8")).substitute(names)


def apply_style(app: QApplication, style_chosen: bool = False, appearance: str = "system") -> themes.Theme:
    """Fusion (unless the app was made with ``app_arguments``) with the style sheet in the colours of the palette in
    use; ``appearance`` "dark" gives Fusion a dark palette first (where the platform offers none), "light" the
    style's own. Returns the theme chosen."""
    if not style_chosen:
        app.setStyle(STYLE)
    if not _given:
        _given.append(app.palette())
    if appearance == "dark":
        app.setPalette(themes.dark_palette())
    elif appearance == "light":
        app.setPalette(_given[0] if not themes.is_dark(_given[0]) else app.style().standardPalette())
    else:
        app.setPalette(_given[0])
    theme = themes.current()
    app.setStyleSheet(style_sheet(theme))
    return theme
