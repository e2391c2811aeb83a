"""Screenshots of the app for docs/screenshots/: the whole screen, with a document open and an event selected.

Run under a real X server (Xvfb) at the screen size wanted, e.g.
    Xvfb :92 -screen 0 1366x768x24 &  DISPLAY=:92 python scripts/screenshots.py seeds.annotator out.png
The window fills the screen as a maximised window would; settings go to a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile


def main(project: str, out: str, event_index: int = 0) -> None:
    os.environ.setdefault("ANNOTATOR_CONFIG_DIR", tempfile.mkdtemp(prefix="annotator-shots-"))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app = QApplication(sys.argv)
    settings = AppSettings()
    settings.set("annotator", "screenshots")
    w = MainWindow(settings, auto_preannotate=False)
    geo = app.primaryScreen().availableGeometry()
    w.setGeometry(geo)
    w.show()
    w.open_project(project)
    c = w.controller

    def select() -> None:  # once the window has its size: the view scrolls the event into sight
        events = sorted((v for v in c.events.values() if v.arguments), key=lambda v: v.trigger_start)
        if events:
            w.edit_actions.select_event(events[min(event_index, len(events) - 1)])

    QTimer.singleShot(500, select)

    def shoot() -> None:
        app.primaryScreen().grabWindow(0).save(out)
        w.controller.close_project()
        app.quit()

    QTimer.singleShot(1500, shoot)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
