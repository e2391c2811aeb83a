"""Entry point of the desktop app: ``annotator gui [PROJECT] [--annotator NAME] [--model PIPELINE]``."""

from __future__ import annotations

import argparse
import os
import sys


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="annotator gui", description="Annotate entities and events.")
    p.add_argument("project", nargs="?", help="project file to open (created when missing)")
    p.add_argument("--annotator", help="your name, recorded on every edit")
    p.add_argument("--model", help="spaCy pipeline for pre-annotation")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build the QApplication, the settings and the main window, and run the event loop."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # The Qt-free core the window opens the project with, before Qt: once PySide6 is imported, its import hook
    # (for ``from __feature__ import ...``) reads the source of every module imported after it.
    import annotator.edits  # noqa: F401
    import annotator.navigation  # noqa: F401
    import annotator.store  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from ui.settings import AppSettings
    from ui.style import app_arguments, apply_style

    made_here = QApplication.instance() is None
    app = QApplication.instance() or QApplication(app_arguments(sys.argv[0] if sys.argv else "annotator"))
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    settings = AppSettings()
    if args.annotator:
        settings.set("annotator", args.annotator)
    elif not settings.annotator:
        if os.environ.get("ANNOTATOR_CONFIG_DIR") and os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            settings.set("annotator", _login())  # tests: never block on a dialog
        else:
            from ui.dialogs.settings import ask_annotator_name

            settings.set("annotator", ask_annotator_name(None, _login()) or _login())
    if args.model:
        settings.set("pipeline", args.model)
    from ui import gc_guard
    from ui.main_window import MainWindow

    apply_style(app, style_chosen=made_here, appearance=str(settings.get("appearance")))
    window = MainWindow(settings)
    if window.first_start:  # the screen's room: maximised, where a window manager places it
        window.showMaximized()
    else:
        window.show()
    gc_guard.freeze_start()  # the start's objects out of the collector's way (before a document is read)
    if args.project:
        window.open_project(args.project)
    elif settings.recent_projects() and os.path.exists(settings.recent_projects()[0]):
        window.open_project(settings.recent_projects()[0])
    return finish(window, int(app.exec()))


def finish(window: object, code: int) -> int:
    """After the event loop: if background work could not stop in time (spaCy inside a long piece), end the
    process here rather than let Python destroy a running QThread (SIGABRT). Finished batches are committed;
    SQLite keeps the file whole, as after any abrupt end."""
    if getattr(window, "exit_hard", False):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _login() -> str:
    from annotator.users import login_name

    return login_name()


if __name__ == "__main__":
    raise SystemExit(main())
