"""Documents and a pattern pipeline shared by the GUI tests (imported by name, not via conftest)."""

from __future__ import annotations

import os
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator
from annotator.fileid import sqlite_uri
from project_support import store_word_tokens  # noqa: F401 (the GUI tests take it from here)
from text_support import argument_words

DOC_A = (
    "Maria Lopez met John Smith in Paris on Monday.\n"
    "NATO forces attacked Tal Abyad on Friday.\n"
    "Acme Corp fired 200 workers."
)
DOC_B = "<b>x</b> said 😀 Zoë met 李小龍 in 東京 🎉 today.\r\nSecond line 𝔘𝔫𝔦 here."
DOC_C = "Nothing to see here, only words."
# seed 004's arrest, which the keys passes replay (docs/keyboard.md rounds 12b and 13)
ARRESTED = (
    "Zielinski, 58, was arrested by officers of the Central Anti-Corruption Bureau at his home in Krakow in February "
    "2023, along with businessman Piotr Nowicki, the owner of Nowicki Budownictwo."
)
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


def app_child_env(config_dir: Path) -> dict[str, str]:
    """The environment of the app run in a child process, as a person starts it: this tree importable, no screen
    needed, its settings in ``config_dir`` (never the person's own)."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "QT_QPA_PLATFORM": "offscreen",
        "ANNOTATOR_CONFIG_DIR": str(config_dir),
    }


def pattern_pipeline():  # type: ignore[no-untyped-def]
    """``blank_pipeline_with_patterns(PATTERNS)``, its spaCy pipeline made once per test process
    (``spacy_support.ruler_pipeline``): it was made anew at each call, ~9 a process at ~90 ms of CPU each (the window's
    pre-annotation calls it, as tests do); runs never change it. A new ``Pipeline`` around it each time."""
    from annotator.nlp import Pipeline
    from spacy_support import ruler_pipeline

    made = ruler_pipeline(PATTERNS)
    return Pipeline(made.nlp, made.name, made.version)


HANG_GUARD_MS = 120_000  # ends a wait that would never end; it measures nothing (speed goes in bench/)


def settled(qtbot, condition) -> None:  # type: ignore[no-untyped-def]
    """Wait for work the event loop is sure to do (a paint, the side panels built after it, the document list after
    that): nothing in it is decided by time, so the wait is on the condition alone. Under the load of five
    helpers' test runs that work took 6-7 s after an open, past pytest-qt's 5 s, and tests failed now and then."""
    qtbot.waitUntil(condition, timeout=HANG_GUARD_MS)


MODAL_GUARD_MS = 120_000  # how long one modal dialog may stay up unanswered in a test (a guard, no bound on speed)
MODAL_LOOK_MS = 2_000


class ModalGuard:
    """Rejects the modal dialog that stays up ``guard_ms`` (looked at every ``look_ms`` while an event loop runs: a
    modal's own does) and names it in ``left``: a key that opened a dialog where a test expected none left the test
    waiting in the dialog's event loop for ever (tests/ui/conftest.py's ``_modal_left_unanswered``)."""

    def __init__(self, guard_ms: int = MODAL_GUARD_MS, look_ms: int = MODAL_LOOK_MS) -> None:
        from PySide6.QtCore import QTimer

        self.guard_ms = guard_ms
        self.left: str | None = None
        self._seen: Any = None
        self._since = 0.0
        self._timer = QTimer()
        self._timer.setInterval(look_ms)
        self._timer.timeout.connect(self.look)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def look(self) -> None:
        import time

        from PySide6.QtWidgets import QApplication, QDialog

        dlg = QApplication.activeModalWidget()
        if dlg is None or dlg is not self._seen:
            self._seen, self._since = dlg, time.monotonic()
        elif (time.monotonic() - self._since) * 1000 >= self.guard_ms and isinstance(dlg, QDialog):
            self.left = f"{type(dlg).__name__} “{dlg.windowTitle()}”"
            self._seen = None
            dlg.reject()


class ModalAnswer:
    """Runs ``answer`` at the first turn of the event loop that finds a modal dialog up and its window active (the
    focus given), or ``ANSWER_AFTER_MS`` after it came up if the window is never made active: what a
    ``QTimer.singleShot(50, answer)`` stood for, where the 50 ms was a guess at when the dialog would be up (~40 GUI
    tests waited it out, ~2 s of idle wall a run; session 39). Stopped at the test's end if no dialog came
    (tests/ui/conftest.py's ``_modal_answers_stopped``)."""

    ANSWER_AFTER_MS = 50
    pending: list[ModalAnswer] = []

    def __init__(self, answer: Callable[[], None]) -> None:
        from PySide6.QtCore import QTimer

        self.answer = answer
        self.answered = False
        self._up_since: float | None = None
        self._timer = QTimer()
        self._timer.setInterval(0)  # each pass of the event loop: the modal's own loop runs it
        self._timer.timeout.connect(self.look)
        self._timer.start()
        ModalAnswer.pending.append(self)

    def look(self) -> None:
        import time

        from PySide6.QtWidgets import QApplication

        dlg = QApplication.activeModalWidget()
        if dlg is None or not dlg.isVisible():
            return
        if self._up_since is None:
            self._up_since = time.monotonic()
        if not dlg.isActiveWindow() and (time.monotonic() - self._up_since) * 1000 < self.ANSWER_AFTER_MS:
            return
        self.stop()
        self.answered = True
        self.answer()

    def stop(self) -> None:
        self._timer.stop()
        if self in ModalAnswer.pending:
            ModalAnswer.pending.remove(self)


def when_modal(answer: Callable[[], None]) -> ModalAnswer:
    """``answer`` run once a modal dialog is up (``ModalAnswer``): call it before the action that opens the dialog."""
    return ModalAnswer(answer)


def laid_out() -> None:
    """The layouts Qt was asked for, done now: the posted ``LayoutRequest`` events delivered (a layout sets its
    widgets' geometry, and theirs in turn, when its request arrives), and again for any a layout posted on the way.
    What the test reads next is the geometry the next paint shows. It replaces a fixed ``qtbot.wait(50)`` ("laid
    out"), which guessed how long the event loop takes to get there: too short under load, too long otherwise."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):  # a layout's request, a parent's it posts, a grandparent's
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def window_settled(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """Wait until the main window ``w`` has no deferred work left (the events already posted delivered; the side
    panels' and the document list's zero-time timers run; nothing waiting for the text's paint), then its layouts
    done (``laid_out``): the real condition a fixed ``qtbot.wait(20)`` after an edit, an open or a click stood for.
    A check that something did not happen (no read, no box) is made after it."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # a queued signal's slot may start one of the timers below
    settled(qtbot, lambda: not (w._panel_timer.isActive() or w._docs_timer.isActive() or w.after_view_paint.pending))
    laid_out()


def show_widget(qtbot, widget, size: tuple[int, int] | None = None):  # type: ignore[no-untyped-def]
    """``widget`` kept by qtbot, resized to ``size`` (when given), shown and exposed."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    with qtbot.waitExposed(widget):  # a bare call waits nothing: it is a context manager
        widget.show()
    return widget


def shown_window(
    qtbot,
    annotator: str = "tester",
    pipeline=pattern_pipeline,  # type: ignore[no-untyped-def]
    size: tuple[int, int] = (1200, 800),
    auto_preannotate: bool = False,
):
    """The real main window, shown and exposed, no project open yet."""
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    settings = AppSettings()
    settings.set("annotator", annotator)
    return show_widget(qtbot, MainWindow(settings, pipeline=pipeline, auto_preannotate=auto_preannotate), size)


def project_held_elsewhere(tmp_path: Path, host: str = "elsewhere", pid: int = 4242, minutes_ago: int = 0) -> Path:
    """A project of one new document whose pre-annotation lease another run holds (``host``, ``pid``, heard from
    ``minutes_ago``)."""
    import sqlite3
    from datetime import datetime, timedelta, timezone

    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "p.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Maria Lopez visited Paris.", "a.txt")])
    at = (datetime.now(timezone.utc) - timedelta(minutes=minutes_ago)).isoformat(timespec="milliseconds")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO preannotation_lease VALUES (1, ?, ?, ?, ?, 'theirs')", (pid, host, at, at))
    conn.commit()
    conn.close()
    return path


def open_window(
    qtbot,
    path,
    annotator: str = "tester",
    pipeline=pattern_pipeline,  # type: ignore[no-untyped-def]
    size: tuple[int, int] = (1200, 800),
):
    """The real main window on the project at ``path``, shown and exposed; end it with ``close_window``."""
    w = shown_window(qtbot, annotator, pipeline, size)
    assert w.open_project(path)
    settled(qtbot, lambda: not w.after_view_paint.pending)  # the side panels fill just after the text is drawn
    return w


def window_on_its_event(qtbot, path: Path):  # type: ignore[no-untyped-def]
    """The window on the project at ``path``, the text focused and the one event of its document selected; (window,
    event)."""
    w = open_window(qtbot, path)
    w.view.setFocus()
    (ev,) = w.controller.events.values()
    w.controller.select_event(ev.id)
    return w, ev


def press_role_key(qtbot, w, event_type: str, role: str) -> None:  # type: ignore[no-untyped-def]
    """Alt+N on the text for ``role``, N its place among ``event_type``'s roles (the Roles box's key)."""
    from PySide6.QtCore import Qt

    names = [r.name for r in w.controller.schema.event_type(event_type).roles]
    qtbot.keyClick(w.view, getattr(Qt.Key, f"Key_{names.index(role) + 1}"), Qt.KeyboardModifier.AltModifier)


def close_window(w) -> None:  # type: ignore[no-untyped-def]
    """Wait for the window's background work, then close its project."""
    w.wait_for_workers()
    w.controller.close_project()


@contextmanager
def event_list_at_1366(qtbot, qapp, path, points: float, events: int) -> Iterator:  # type: ignore[no-untyped-def]
    """The window at 1366x740 (the font at ``points``, 0: as it is) on its Events tab, the list showing ``events``
    rows: yields (window, table); the window closed and the font put back after."""
    from PySide6.QtGui import QFont

    was = QFont(qapp.font())
    if points:
        big = QFont(was)
        big.setPointSizeF(points)
        qapp.setFont(big)
    try:
        w = open_window(qtbot, path, size=(1366, 740))
        qtbot.waitUntil(lambda: w.panels_built)
        w.tabs.setCurrentIndex(1)  # the Events tab
        table = w.events.table
        qtbot.waitUntil(lambda: table.isVisible() and len(w.events.ids) == events)
        yield w, table
        close_window(w)
    finally:
        qapp.setFont(was)


def picker_closer(shut: list[str]) -> Callable[[], None]:
    """A callback that shuts the modal dialog open when it runs (the type picker a key should not have opened),
    adding its title to ``shut``, so a test fails on it and goes on."""
    from PySide6.QtWidgets import QApplication

    def close_picker() -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is not None:
            shut.append(dlg.windowTitle())
            dlg.reject()

    return close_picker


def modal_answerer(fill: Callable[[Any], None], seen: dict[str, object]) -> Callable[[], None]:
    """A callback that gives the modal dialog open when it runs to ``fill``; what ``fill`` raises is kept as
    ``seen["failed"]`` and the dialog rejected (it is modal: the test would wait on it for ever)."""
    from PySide6.QtWidgets import QApplication

    def answer() -> None:
        dlg = QApplication.activeModalWidget()
        try:
            fill(dlg)
        except Exception as exc:
            seen["failed"] = exc
            dlg.reject()

    return answer


def seed004_suggestions(path: Path, text: str) -> None:
    """A project at ``path`` holding ``text`` (seed 004's sentences: a sentencing, a trial, a conviction, a fine, an
    arrest) as one document and six suggested events on its words, with the fillers pre-annotation would give."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events
    from ui_helpers import find

    def sug(type_: str, word: str, *args: tuple[str, str, str]) -> EventSuggestion:
        parts = tuple(ArgumentSuggestion(role, *find(text, w), label) for role, w, label in args)
        return EventSuggestion(type_, *find(text, word), 0.8, parts)

    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "004.txt")]).imported[0][1]
        found = [
            sug("Personnel:End-Position", "former", ("Person", "deputy transport minister", "PERSON")),
            sug("Justice:Sentence", "sentenced", ("Defendant", "deputy transport minister", "PERSON")),
            sug("Justice:Trial-Hearing", "trial"),
            sug("Justice:Convict", "found"),
            sug("Justice:Fine", "fined", ("Adjudicator", "court", "ORG"), ("Money", "500,000 zlotys", "MONEY")),
            sug("Justice:Arrest-Jail", "arrested", ("Person", "Zielinski", "PERSON"), ("Agent", "officers", "PERSON")),
        ]
        with p.db.conn:
            write_events(p, doc, found, "rules:test@1", WriteCounts())


def one_suggested_event(path: Path, text: str, spans, event) -> None:  # type: ignore[no-untyped-def]
    """A project at ``path`` holding ``text`` as one document, entity suggestions ``spans`` ((start, end, label))
    and one suggested ``event`` (an EventSuggestion), as pre-annotation writes them."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.writer import WriteCounts, write_entities, write_events

    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "m.txt")]).imported[0][1]
        with p.transaction():
            write_entities(p, doc, spans, "spacy:test@1", WriteCounts())
            write_events(p, doc, [event], "rules:test@1", WriteCounts())


LEND = (
    "As part of the package, the Export-Import Bank of Korea agreed to lend the Republic of Kenya's national treasury "
    "six hundred million dollars for the second phase of the Nairobi Commuter Rail project."
)  # seed 001's "lend": three long fillers, whose status line does not fit at 1366
LEND_FILLERS = (
    ("Giver", "the Export-Import Bank of Korea", "ORG"),
    ("Recipient", "the Republic of Kenya", "GPE"),
    ("Money", "six hundred million dollars", "MONEY"),
)


def window_on_suggested_event(  # type: ignore[no-untyped-def]
    qtbot, path: Path, text: str, event_type: str, trigger: str, score: float, fillers, size=(1366, 740)
):
    """The real window at ``size`` on a project of ``text`` holding one suggested ``event_type`` event on the words
    ``trigger`` (``fillers``: (role, words, label)), that event selected and the text focused: (window, event). End
    it with ``close_window``."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui_helpers import find

    parts = tuple(ArgumentSuggestion(role, *find(text, w), label) for role, w, label in fillers)
    one_suggested_event(path, text, [], EventSuggestion(event_type, *find(text, trigger), score, parts))
    w = open_window(qtbot, path, size=size)
    try:
        qtbot.waitUntil(lambda: w.panels_built)
        w.view.setFocus()
        (ev,) = w.controller.events.values()
        w.controller.select_event(ev.id)
    except BaseException:
        close_window(w)
        raise
    return w, ev


def one_event(path: Path, text: str, words_labels, event_type: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    """A project at ``path`` holding ``text`` as one document, the entities ``words_labels`` ((words, label), each
    the first place its words stand) and one hand-made ``event_type`` event on the words ``trigger``."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find

    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "a.txt")]).imported[0][1]
        for words, label in words_labels:
            edits.add_entity(p, doc, *find(text, words), label)
        edits.add_event(p, doc, event_type, *find(text, trigger))


def event_fillers(path: Path, text: str) -> list[tuple[str, str]]:
    """The (role, words) of the arguments of the one event of the one document the project at ``path`` holds."""
    from annotator.store import Project

    with Project(path, create=False) as p:
        (event,) = p.events(p.document_ids()[0])
        ents = {e.id: e for e in p.entities(p.document_ids()[0])}
        return sorted(argument_words(text, event.arguments, ents))


def suggest_meet(db, window, alternatives: tuple[str, ...] = ("Contact:Phone-Write",)) -> int:  # type: ignore[no-untyped-def]
    """One suggested Contact:Meet on "met" of a.txt (score 0.6, Contact:Phone-Write beside it unless told), shown in the
    window; its id."""
    return suggest_event(db, window, "Contact:Meet", "met", alternatives).id


def suggest_event(db, window, event_type: str, words: str, alternatives: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """One suggested ``event_type`` on the first ``words`` of a.txt (score 0.6, by the rules), written by a second
    connection and shown in the window as its poll reads it; the event as the window holds it."""
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events
    from ui_helpers import find

    d = db.document_ids()[0]
    with db.transaction():
        found = [EventSuggestion(event_type, *find(DOC_A, words), 0.6, alternatives=alternatives)]
        write_events(db, d, found, "rules:test@1", WriteCounts())
    read_as_the_poll_reads(window.controller)
    return next(e for e in window.controller.events.values() if e.type == event_type)


def picker_answering(monkeypatch, event_type: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The event type picker answered with ``event_type`` at once; the trigger words it was opened on, in order."""
    import ui.dialogs.event_type as picker

    asked: list[str] = []

    def answer(parent, schema, trigger: str = "", *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
        asked.append(trigger)
        return event_type

    monkeypatch.setattr(picker, "pick_event_type", answer)
    return asked


def read_as_the_poll_reads(c) -> None:  # type: ignore[no-untyped-def]
    """A second connection's commit read as the app reads another program's: by its poll of the file's
    ``data_version`` (``Controller.check_outside_changes``), run now instead of at its next tick. ``c.reload()`` read
    the rows without the poll: the poll then met the same commit at its tick (1.5 s after the open) and read
    everything again, and a test slowed by load met that second read between two of its steps."""
    c.check_outside_changes()


def file_rows(path: Path, sql: str) -> list[tuple]:
    """What the file holds, read by a connection of its own (read-only)."""
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def locked(path: Path) -> sqlite3.Connection:
    """The teammate's program writing (an import, a pre-annotation, a merge): the write lock held."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def let_go_and_land(qtbot, c, other: sqlite3.Connection) -> None:  # type: ignore[no-untyped-def]
    """The teammate's write ends; the window's kept edits are written (the retry timer's step, at once)."""
    other.execute("COMMIT")
    other.close()
    c.kept.write_kept()  # the retry timer, once the lock is free
    qtbot.waitUntil(lambda: c.edits_waiting() == 0)


@contextmanager
def attacker_fill_kept(qtbot, w, path: Path) -> Iterator[int]:  # type: ignore[no-untyped-def]
    """A Conflict:Attack made on DOC_A's "attacked", "forces" selected (no span) and Alt+1 (Attacker) pressed while
    another program writes: the fill kept; yields the event's id with the fill still waiting, and lands it at the end
    (``let_go_and_land``)."""
    from ui import commands
    from ui_helpers import find

    c = w.controller
    ev = c.run(commands.AddEvent, c.doc.id, "Conflict:Attack", *find(DOC_A, "attacked"))
    w.view.setFocus()
    c.select_entity(None)
    c.select_event(ev)
    w.view.select_cp(*find(DOC_A, "forces"))
    other = locked(path)
    try:
        press_role_key(qtbot, w, "Conflict:Attack", "Attacker")  # kept
        yield ev
    finally:
        let_go_and_land(qtbot, c, other)


def suggested_court_fine(path: Path) -> str:
    """A project at ``path`` whose one document has a suggested Justice:Fine on "fined", its Adjudicator the suggested
    ORG "court" (the kept-edit tests' event); returns the document's text."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui_helpers import find

    text = "The court also fined him 500,000 zlotys."
    spans = [(*find(text, "court"), "ORG")]
    args = (ArgumentSuggestion("Adjudicator", *find(text, "court"), "ORG"),)
    one_suggested_event(path, text, spans, EventSuggestion("Justice:Fine", *find(text, "fined"), 0.6, args))
    return text


def train_versions(project, count: int, size: int = 1000) -> None:  # type: ignore[no-untyped-def]
    """``count`` trained versions published for ``project`` (the first the default), each a weights file of
    ``size * (k + 1)`` bytes: what Save a copy… has to copy."""
    from annotator.learn import versions

    for k in range(count):
        tmp = versions.new_temp_folder(project)
        (tmp / "pipeline").mkdir()
        (tmp / "pipeline" / "weights.bin").write_bytes(b"w" * size * (k + 1))
        versions.publish(project, tmp, {"created": f"run {k}", "documents": 3}, k == 0)


def save_copy_as(window, monkeypatch, copy: Path) -> None:  # type: ignore[no-untyped-def]
    """File > Save a copy… in ``window`` with ``copy`` answered in the save dialog."""
    from ui import file_dialogs

    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(copy), ""))
    window.save_copy_of_project()


class RunningImport:
    """An import running (what the refusal reads of a worker: its state, its title, whether it writes)."""

    reads_only = False
    title = "Importing"

    def isRunning(self) -> bool:  # noqa: N802
        return True

    def cancel(self) -> None:  # pragma: no cover - a refusal cancels nothing
        raise AssertionError("the import was cancelled")
