"""A model trained while its project was moved or deleted, kept aside (``learn.kept_models``): the box at the end of
the training says where and offers to attach it to the project where it is now (a file the person picks); Settings
offers the same for the project open (``SettingsDialog``). The command line's ``annotator models P --attach`` was the
only way."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ui import file_dialogs
from ui.unasked_box import open_unasked

if TYPE_CHECKING:  # pragma: no cover
    from annotator.errors import ModelKeptAsideError
    from ui.window_face import WindowFace


def offer_attach(window: "WindowFace", kept: "ModelKeptAsideError") -> QMessageBox:
    """The training's failure with the model kept aside: its message, and 'Attach to a project…'."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Model kept aside", str(kept), QMessageBox.StandardButton.NoButton, window
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    attach = box.addButton("&Attach to a project…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    attach.clicked.connect(lambda: pick_and_attach(window, kept))
    open_unasked(box)  # the training's end, unasked: A (Attach), Enter, Escape typed for the text answer nothing
    window.kept_model_box = box  # type: ignore[attr-defined]
    return box


def pick_and_attach(window: "WindowFace", kept: "ModelKeptAsideError") -> int | None:
    """Ask which project file (where the project is now, else the kept folder's) and attach the model to it."""
    from ui.project_files import PROJECT_FILTER

    start = kept.project_now or os.path.dirname(os.path.dirname(kept.kept))
    path, _ = file_dialogs.open_file_name(window, "Attach the kept model to the project", start, PROJECT_FILTER)
    return attach_to(window, Path(path), Path(kept.kept)) if path else None


def attach_to(window: "WindowFace", path: Path, folder: Path) -> int | None:
    """Attach the kept model ``folder`` to the project at ``path`` (the window's own when it is that file); the
    outcome in the status line. A model of another project, a read-only project: refused there, the folder kept."""
    from annotator import fileid
    from annotator.errors import AnnotatorError
    from annotator.learn.kept_models import attach
    from annotator.store import Project

    own = window.controller.project
    try:
        if own is not None and own.identity is not None and fileid.identity(path) == own.identity:
            own.check_writable()
            number = attach(own, folder)
        else:
            with Project(path, create=False) as project:
                project.check_writable()
                number = attach(project, folder)
    except (AnnotatorError, OSError) as exc:
        window.show_error(f"The kept model was not attached: {exc}")
        return None
    window.message.setStyleSheet("")
    window.message.setText(
        f"{folder.name}: attached to {path.name} as version {number} (not the default: Project > Models… makes it so)"
    )
    return number
