"""Documents and a pattern pipeline shared by the GUI tests (imported by name, not via conftest)."""

from __future__ import annotations

DOC_A = (
    "Maria Lopez met John Smith in Paris on Monday.\n"
    "NATO forces attacked Tal Abyad on Friday.\n"
    "Acme Corp fired 200 workers."
)
DOC_B = "<b>x</b> said 😀 Zoë met 李小龍 in 東京 🎉 today.\r\nSecond line 𝔘𝔫𝔦 here."
DOC_C = "Nothing to see here, only words."
PATTERNS = [
    {"label": "PERSON", "pattern": "Maria Lopez"},
    {"label": "PERSON", "pattern": "John Smith"},
    {"label": "GPE", "pattern": "Paris"},
    {"label": "DATE", "pattern": "Monday"},
    {"label": "ORG", "pattern": "NATO"},
    {"label": "GPE", "pattern": "Tal Abyad"},
    {"label": "DATE", "pattern": "Friday"},
    {"label": "ORG", "pattern": "Acme Corp"},
    {"label": "PERSON", "pattern": "Zoë"},
    {"label": "PERSON", "pattern": "李小龍"},
]


def pattern_pipeline():  # type: ignore[no-untyped-def]
    from annotator.nlp import blank_pipeline_with_patterns

    return blank_pipeline_with_patterns(PATTERNS)


def open_window(
    qtbot,
    path,
    annotator: str = "tester",
    pipeline=pattern_pipeline,  # type: ignore[no-untyped-def]
    size: tuple[int, int] = (1200, 800),
):
    """The real main window on the project at ``path``, shown and exposed; end it with ``close_window``."""
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    settings = AppSettings()
    settings.set("annotator", annotator)
    w = MainWindow(settings, pipeline=pipeline, auto_preannotate=False)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_project(path)
    qtbot.waitUntil(lambda: not w.after_view_paint.pending)  # the side panels fill just after the text is drawn
    return w


def close_window(w) -> None:  # type: ignore[no-untyped-def]
    """Wait for the window's background work, then close its project."""
    w.wait_for_workers()
    w.controller.close_project()
