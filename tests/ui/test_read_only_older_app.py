"""A read-only project of an older file format opens in the app as it is: shown read-only from a copy upgraded in a
temporary folder, with a one-line note saying so; the file itself never written (session 10). It was refused at the
open ("needs an upgrade from file format 7 to format 8 to be opened, but is read-only")."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from test_news_aliases_migration import old_news_source, old_project  # noqa: E402


def test_a_read_only_older_project_is_shown_from_an_upgraded_copy_with_a_note(qtbot, tmp_path):
    from ui_support import close_window, open_window

    path = old_project(tmp_path, old_news_source())  # format 7: a news project from before migration 8
    path.chmod(0o444)
    kept = hashlib.sha256(path.read_bytes()).hexdigest()
    w = open_window(qtbot, path)
    try:
        p = w.controller.project
        assert p is not None and p.read_only and p.read_from is not None
        assert w.view.toPlainText() == "Rebels attacked the convoy."
        said = w.message.text() + w.message.toolTip()
        assert "file format 7" in said and "upgraded" in said and "not changed" in said, said
        banner = w.read_only_banner.text()
        assert w.read_only_banner.isVisible() and "upgraded copy" in banner and "\n" not in banner, banner
        assert "[read-only]" in w.windowTitle()
        copy_folder = p.read_from.path.parent
    finally:
        close_window(w)
    assert not copy_folder.exists()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == kept
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "old.annotator"]


def test_about_and_models_of_a_read_only_older_project(qtbot, tmp_path):
    """Help > About names the file's own format (not the upgraded copy's), and says why it is read-only; Project >
    Models… offers no switch (nothing can be written), and says so on its button (session 31)."""
    from ui.dialogs.about import AboutDialog
    from ui.dialogs.models import ModelsDialog
    from ui_support import close_window, open_window

    from annotator.migrations import LATEST

    path = old_project(tmp_path, old_news_source())  # format 7
    path.chmod(0o444)
    w = open_window(qtbot, path)
    try:
        p = w.controller.project
        about = AboutDialog(p, "", w)
        qtbot.addWidget(about)
        assert (
            about.values["Schema version"].text()
            == f"7 (the project file's format; shown from a copy upgraded to {LATEST})"
        )
        assert "upgraded copy" in about.values["Opened read-only"].text()
        models = ModelsDialog(w)
        qtbot.addWidget(models)
        models.table.selectRow(0)  # the original pipeline, the one row
        assert models.selected_version() == (True, None) and models.table.rowCount() == 1
        assert not models.use.isEnabled() and "read-only" in models.use.toolTip()
    finally:
        close_window(w)
