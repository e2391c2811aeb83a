"""GUI fixtures: a small project made with the core's import and an exact pattern pipeline (no real model)."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """A project file with three documents, pre-annotated by the pattern pipeline."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.preannotate import preannotate
    from annotator.store import Project

    path = tmp_path / "gui.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(DOC_A, "a.txt"), IncomingDocument(DOC_B, "b.txt"),
                             IncomingDocument(DOC_C, "c.txt")])
        preannotate(p, pattern_pipeline())
    return path


@pytest.fixture
def window(qtbot, project_path):  # type: ignore[no-untyped-def]
    """The real main window on the project, showing document a.txt."""
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    settings = AppSettings()
    settings.set("annotator", "tester")
    w = MainWindow(settings, pipeline=pattern_pipeline, auto_preannotate=False)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_project(project_path)
    yield w
    w.wait_for_workers()
    w.controller.close_project()


@pytest.fixture
def db(project_path):  # type: ignore[no-untyped-def]
    """A second connection to the same file: what the project FILE holds."""
    from annotator.store import Project

    p = Project(project_path, create=False)
    yield p
    p.close()
