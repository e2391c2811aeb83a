"""GUI fixtures: a small project made with the core's import and an exact pattern pipeline (no real model)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ui_support import DOC_A, DOC_B, DOC_C, PATTERNS, close_window, open_window, pattern_pipeline  # noqa: F401


@pytest.fixture(scope="session")
def _project_template(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The three documents, imported and pre-annotated once per test run (0.5 s each time: most of a GUI test's
    set-up); each test gets a copy of the closed file."""
    from annotator.fileid import SIDE_SUFFIXES
    from annotator.importing import IncomingDocument, import_documents
    from annotator.preannotate import preannotate
    from annotator.store import Project

    path = tmp_path_factory.mktemp("template") / "gui.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(
            p, [IncomingDocument(DOC_A, "a.txt"), IncomingDocument(DOC_B, "b.txt"), IncomingDocument(DOC_C, "c.txt")]
        )
        preannotate(p, pattern_pipeline())
    assert not [s for s in SIDE_SUFFIXES if Path(f"{path}{s}").exists()]  # the whole project is in the one file
    return path


@pytest.fixture
def project_path(tmp_path: Path, _project_template: Path) -> Path:
    """A project file with three documents, pre-annotated by the pattern pipeline (a copy of one made once)."""
    path = tmp_path / "gui.annotator"
    shutil.copyfile(_project_template, path)
    return path


@pytest.fixture
def window(qtbot, project_path):  # type: ignore[no-untyped-def]
    """The real main window on the project, showing document a.txt: the window the test before closed its project in
    (File > Close project) when nothing that test did is left in it, else a new one (tests/ui/window_pool.py)."""
    import window_pool

    w = window_pool.take(qtbot, project_path)
    yield w
    window_pool.give_back(qtbot, w)


@pytest.fixture(scope="session", autouse=True)
def _window_pool_closed():  # type: ignore[no-untyped-def]
    """The kept window closed at the test process's end."""
    yield
    import window_pool

    window_pool.drop()


@pytest.fixture(autouse=True)
def _window_pool_out_of_the_way(request):  # type: ignore[no-untyped-def]
    """The kept window moved out of the screen before a test that does not take it: shown there, it lay under the
    windows such a test makes (a mouse move to a point of the test's window reached the kept one: test_app_screen's
    label boxes); ``window_pool.take`` puts it back."""
    if "window" not in request.fixturenames:
        import window_pool

        window_pool.aside()


# How long an edit waits for another program's write before it is kept, in the GUI tests: the app's 100 ms
# (``write_queue.FIRST_WAIT_MS``) was waited out at every key the tests press while another program holds the lock
# (``ui_support.locked``: held until the test lets it go), ~0.1 s of idle wall a key, ~5 s a tests/ui run
# (docs/performance.md, session 30). What is kept, and when it lands, is as at 100 ms.
TESTS_FIRST_WAIT_MS = 20


@pytest.fixture(autouse=True)
def _short_first_wait(monkeypatch):  # type: ignore[no-untyped-def]
    from annotator import write_queue

    monkeypatch.setattr(write_queue, "FIRST_WAIT_MS", TESTS_FIRST_WAIT_MS)


@pytest.fixture
def db(project_path):  # type: ignore[no-untyped-def]
    """A second connection to the same file: what the project FILE holds."""
    from annotator.store import Project

    p = Project(project_path, create=False)
    yield p
    p.close()


@pytest.fixture(autouse=True)
def _application_look_put_back():  # type: ignore[no-untyped-def]
    """The application's look as it was before each test: its palette, its style sheet and the palette ui.style keeps
    as the system's (``_given``, kept by the first ``apply_style`` of a process). They belong to the one
    QApplication every test of a process shares, so a test that left them changed (``ui.app.main`` run in-process
    applies the app's style and keeps the light palette as the system's) changed the tests after it in the same
    process: the dark palette's tests then got the light palette back from ``apply_style``, and failed or passed as
    xdist happened to hand tests to its two processes (the "flaky under load" dark palette test of session 17)."""
    from PySide6.QtWidgets import QApplication

    import ui.style

    app = QApplication.instance()
    before = (app.palette(), app.styleSheet()) if app is not None else None
    given = list(ui.style._given)
    yield
    app = QApplication.instance()
    if app is not None and before is not None:
        app.setPalette(before[0])
        app.setStyleSheet(before[1])
    ui.style._given[:] = given


@pytest.fixture(autouse=True)
def _modal_left_unanswered():  # type: ignore[no-untyped-def]
    """A modal dialog no one answered in a test rejected after ``ui_support.MODAL_GUARD_MS``, the test failed saying
    which: a key that opened a dialog where the test expected none left its process waiting for ever (an inner loop
    hung at 97 %; session 38)."""
    from ui_support import ModalGuard

    guard = ModalGuard()
    guard.start()
    yield
    guard.stop()
    if guard.left is not None:
        pytest.fail(f"a modal dialog, {guard.left}, was left unanswered for {guard.guard_ms // 1000} s: rejected")


@pytest.fixture(autouse=True)
def _modal_answers_stopped():  # type: ignore[no-untyped-def]
    """A ``ui_support.when_modal`` answer whose dialog never came stopped at the test's end: its timer would look on
    in the tests after it (and answer their dialogs)."""
    yield
    from ui_support import ModalAnswer

    for left in list(ModalAnswer.pending):
        left.stop()


@pytest.fixture(autouse=True)
def _workers_ended():  # type: ignore[no-untyped-def]
    """Every worker (a QThread of ``ui.workers``) a test started has ended before the next test: cancelled and
    waited for. One left running went on into the tests after it, its thread loading spaCy or writing while their
    windows came and went and the GUI thread collected their garbage (the CI run that died of a segmentation fault in
    session 42: docs/reliability.md, "Session 43: the crash in CI"). The worker is kept (a strong reference) until it
    has ended, so its Python side is never the last thing to go while its thread runs."""
    from ui.workers import Worker
    from ui_support import HANG_GUARD_MS

    started: list[Worker] = []
    start = Worker.start

    def kept_start(self, *args):  # type: ignore[no-untyped-def]
        started.append(self)
        start(self, *args)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Worker, "start", kept_start)
        yield
    hung = []
    for worker in started:
        try:
            if worker.isRunning():
                worker.cancel()
                if not worker.wait(HANG_GUARD_MS):
                    hung.append(worker.title)
        except RuntimeError:  # its C++ side deleted (``deleteLater`` once finished): it had ended
            pass
    started.clear()
    if hung:
        pytest.fail(f"a worker left running did not end within {HANG_GUARD_MS // 1000} s of its cancel: {hung}")
