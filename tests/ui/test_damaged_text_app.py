"""A document whose stored text was damaged on disk (bytes that are not UTF-8 written over it; the file's structure
whole) reached the app as SQLite's raw error: opening the project at it, or choosing it in the list, failed with
'Could not decode to UTF-8 column'. Now the core says DamagedTextError, the project opens at the next document it
can read, and choosing the damaged one says why and keeps the document shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import DamagedTextError
from annotator.store import Project
from damage_support import MARK, project_with_damaged_text
from ui_support import close_window, open_window


def _damaged_first(tmp_path: Path) -> Path:
    texts = [f"{MARK} met officials in Paris.", "Maria met John in Rome.", "Acme hired Bob."]
    return project_with_damaged_text(tmp_path / "p.annotator", texts)


def test_the_core_says_a_damaged_text_is_damage(tmp_path):
    path = _damaged_first(tmp_path)
    with Project(path, create=False) as p:
        first, second, _ = p.document_ids()
        with pytest.raises(DamagedTextError, match="restore it from a backup copy"):
            p.document(first)
        assert p.document(second).text == "Maria met John in Rome."


def test_the_app_opens_at_a_readable_document_and_says_which_could_not_be_opened(qtbot, tmp_path):
    path = _damaged_first(tmp_path)
    w = open_window(qtbot, path)
    try:
        c = w.controller
        first, second, _ = c.project.document_ids()
        assert c.doc is not None and c.doc.id == second
        assert "not valid UTF-8" in w.message.text()
        w.message.clear()
        w.open_document(first)  # chosen in the list
        assert c.doc.id == second  # the document shown stays
        assert "restore it from a backup copy" in w.message.text()
    finally:
        close_window(w)


def test_pre_annotation_of_a_project_with_a_damaged_text_says_it_is_damaged(qtbot, tmp_path):
    """The app's automatic pre-annotation read every text and failed on the status line with
    'Pre-annotation failed: OperationalError: Could not decode to UTF-8 column ...' (seen on screen)."""
    path = _damaged_first(tmp_path)
    w = open_window(qtbot, path)
    try:
        w.preannotate(only_new=False)
        qtbot.waitUntil(lambda: not w.workers, timeout=20000)
        assert "restore it from a backup copy" in w.message.text()
        assert "OperationalError" not in w.message.text()
    finally:
        close_window(w)
