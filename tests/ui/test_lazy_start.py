"""Start-up: what the window needs to show the first document is imported; the dialogs wait for their first use.

Run in a fresh interpreter (this test process has imported everything already), the way the app starts.
"""

from __future__ import annotations

import pytest

import json
import subprocess
import sys

from ui_support import app_child_env

SCRIPT = r"""
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
with Project(sys.argv[1], annotator="setup") as p:
    import_documents(p, [IncomingDocument("Alice met Bob in Paris.", "a.txt")])
from ui.main_window import MainWindow
from ui.settings import AppSettings
w = MainWindow(AppSettings(), auto_preannotate=False)
w.show()
assert w.open_project(sys.argv[1])
app.processEvents()
shown = sorted(m for m in sys.modules if m.startswith(("ui.", "annotator.")))
w.actions_by_name["agreement"].trigger()  # the first use loads the window's module
app.processEvents()
print(json.dumps({"shown": shown, "doc": w.controller.doc.name, "after": sorted(sys.modules)}))
w.controller.close_project()
"""

LAZY = (
    "ui.dialogs.adjudication",
    "ui.dialogs.agreement",
    "ui.dialogs.training",
    "ui.dialogs.export",
    "ui.dialogs.import_format",
    "ui.dialogs.settings",
    "ui.dialogs.shortcuts",
    "ui.dialogs.event_type",
    "ui.dialogs.problems",
    "annotator.validation",
    "annotator.teams.adjudication",
    "annotator.teams.agreement",
    "annotator.teams.differences",
)


@pytest.mark.slow
def test_dialog_modules_are_not_imported_when_the_window_first_shows(tmp_path):
    env = app_child_env(tmp_path / "config")
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "p.annotator")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["doc"] == "a.txt"
    assert "ui.main_window" in seen["shown"] and "ui.document_view" in seen["shown"]
    assert [m for m in LAZY if m in seen["shown"]] == []
    assert "ui.dialogs.agreement" in seen["after"]  # the menu action still opens its window
    assert not any(m == "spacy" or m.startswith("spacy.") for m in seen["after"])
