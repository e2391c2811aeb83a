"""One main window per test process for the ``window`` fixture, as a person uses one window for one project after
another: made once, its project closed after each test by File > Close project (the window as at a start with no
project open), and given to the next test only when nothing the test did is left in it. What a new window would not
have is compared with the same window closed the first time, before any test touched it (``Look``): the preferences,
the window's size and state, every dock and toolbar, every widget's visibility, enabled state, text, check, tab and
splitter, every action's state, the plain attributes of the window and its parts, no other window shown, no worker,
no deferred work. Anything else (a preference changed, a dialog left open, a monkeypatched method, a dock moved):
the window is closed as qtbot closes one and the next test gets a new one. Made, shown and its side panels filled
after its first paint, a window took ~45 ms of CPU a test (docs/performance.md, session 24)."""

from __future__ import annotations

from collections import Counter
from types import MethodType
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from ui_support import settled, window_settled

SIZE = (1400, 900)
ASIDE = QPoint(-20000, -20000)  # out of every screen
ANNOTATOR = "tester"
_kept: list[Any] = []  # the window whose project the test before closed, at most one (looked at when taken)
_first: list["Look"] = []  # how the window looked closed the first time, before any test
reused = [0, 0]  # windows given again, windows made (counted for the measure in docs/performance.md)
refusals: Counter[str] = Counter()  # what kept a window from the next test, by part (the same measure)


def take(qtbot, path):  # type: ignore[no-untyped-def]
    """The main window on the project at ``path``, shown, its panels filled: the kept one when there is one (its
    preferences in this test's folder, the active window again), else a new one."""
    w = _kept.pop() if _kept else None
    if w is not None and w.pos() != _first[0].place:  # moved aside (``aside``): back where it stood
        w.move(_first[0].place)
    if w is not None and _as_new(w) and _activated(qtbot, w):
        from ui.settings import make_qsettings

        reused[0] += 1
        w.settings.q = make_qsettings()  # this test's own preferences folder (tests/conftest.py)
        w.settings.set("annotator", ANNOTATOR)
    else:
        if w is not None:
            _closed(w)
        w = _made(qtbot)
        reused[1] += 1
        if not _first:  # how it looks closed, before any test: opened and closed once
            _open(qtbot, w, path)
            _close(qtbot, w)
            _first.append(Look.of(w))
            _first[0].place = w.pos()
    _open(qtbot, w, path)
    return w


def aside() -> None:
    """The kept window moved out of the screen (it stays shown: see ``give_back``), for a test that makes windows of
    its own; ``take`` moves it back."""
    for w in _kept:
        w.move(ASIDE)


def _activated(qtbot, w) -> bool:  # type: ignore[no-untyped-def]
    """The kept window made the active one, as a new window is once shown (the keys' and the focus's tests ask it);
    False when it does not become so at once (then a new one is made)."""
    from PySide6.QtWidgets import QApplication

    w.activateWindow()
    try:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=1000)
    except TimeoutError:
        return False
    return True


def give_back(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """The test's end: the project closed (its background work waited for first) and the window kept, shown (shown
    again after a hide, offscreen Qt never makes it active again); the next ``take`` looks at it, once the test's
    fixtures are undone (its monkeypatches: the ``monkeypatch`` the autouse fixtures share ends after this one)."""
    w.wait_for_workers()
    _windows_of_it_closed(w)
    if _close(qtbot, w) and _first:
        _kept.append(w)
    else:
        _closed(w)


def _windows_of_it_closed(w) -> None:  # type: ignore[no-untyped-def]
    """The windows of its own the test left open (Review > Adjudicate's, Agreement's, a message box: the main window
    their parent) closed and let go, as they went with the main window when qtbot closed it: left shown, listening to
    the kept window's controller, they refused it."""
    from PySide6.QtWidgets import QApplication

    for t in QApplication.topLevelWidgets():
        if t is not w and t.parentWidget() is w and t.isWindow() and t.isVisible():
            t.close()
            t.deleteLater()


def _as_new(w) -> bool:  # type: ignore[no-untyped-def]
    """Whether the kept window looks as it did closed the first time, after what a new window has too is put back:
    the find bar's words (kept from project to project, as a person wants them; a new window has none) and the
    methods monkeypatch's undo leaves on an instance (it sets the bound method it read, which is the class's)."""
    for obj in (w, w.controller, w.view, w.edit_actions, w.edit_actions.events, w.controller.kept):
        for name, value in list(vars(obj).items()):
            if (
                isinstance(value, MethodType)
                and value.__self__ is obj
                and value.__func__ is getattr(type(obj), name, None)
            ):
                delattr(obj, name)
    if not w.find_bar.isVisible():
        w.find_bar.edit.clear()
    _memos_forgotten(w)
    # what the test let go (``deleteLater``: the legend's entries at a close, a dialog) but no event loop of its
    # level ran to delete since, as the app's own loop does: in the widgets compared, a window kept ~18 buttons
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    differences = Look.of(w).differences(_first[0])
    refusals.update(differences)
    return not differences


# What the window keeps of the test before that a new window has not, put back as a new window has it: the export's
# last choice (keyed by the project's path: every test's project is another file, so it never applied again), the
# last question's count of what it accepted unasked (read at once by the mark it answers), and the message boxes kept
# by name once closed (the tests read them after; the window reads only whether one is still open). They refused ~40
# windows a run (docs/performance.md, session 28).
MEMOS = ("_last_export", "accepted_unasked")
BOXES = ("_alert_box", "training_result", "kept_model_box")


def _memos_forgotten(w) -> None:  # type: ignore[no-untyped-def]
    """The memos of ``MEMOS`` and the closed boxes of ``BOXES`` gone from the kept window, as from a new one (an open
    box is left: it is "others shown")."""
    from shiboken6 import Shiboken

    for name in MEMOS:
        if name in vars(w):
            delattr(w, name)
    for name in BOXES:
        box = vars(w).get(name)
        if box is not None and Shiboken.isValid(box) and not box.isVisible():
            delattr(w, name)
            Shiboken.delete(box)  # now: the widgets compared next are the window's without it


def _closed(w) -> None:  # type: ignore[no-untyped-def]
    """Closed as qtbot closes the widgets it keeps."""
    w.close()
    w.deleteLater()


def drop() -> None:
    """The process's kept window closed (the session's end)."""
    while _kept:
        _closed(_kept.pop())


def _made(qtbot):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow
    from ui.settings import AppSettings
    from ui_support import pattern_pipeline

    settings = AppSettings()
    settings.set("annotator", ANNOTATOR)
    w = MainWindow(settings, pipeline=pattern_pipeline, auto_preannotate=False)
    w.resize(*SIZE)
    with qtbot.waitExposed(w):
        w.show()
    return w


def _open(qtbot, w, path) -> None:  # type: ignore[no-untyped-def]
    assert w.open_project(path)
    settled(qtbot, lambda: not w.after_view_paint.pending)  # the side panels fill just after the text is drawn


def _close(qtbot, w) -> bool:  # type: ignore[no-untyped-def]
    """File > Close project; False when the window is no more in a state to close it (closed by the test, a close
    refused)."""
    if not w.isVisible():
        return False
    p = w.controller.project
    if p is not None and p.stopped is not None and p.stopped.deleted:  # the only copy of its work: the close asks
        w.controller.close_project()  # (a test that deleted or replaced the open file): closed as before, not kept
        return False
    w.actions_by_name["close_project"].trigger()
    if w.controller.project is not None:  # refused (an edit kept, work running): closed as before, nothing kept
        w.controller.close_project()
        return False
    window_settled(qtbot, w)
    return True


PLAIN = (str, int, float, bool, type(None), tuple, frozenset)


def _as_made(kind: type, name: str, value: Any) -> bool:
    """An attribute as a new window has it: None (a memo not made yet, or forgotten at the close) or the class's own
    default (``_waiting_said = ""``) set on the instance."""
    return value is None or (isinstance(value, PLAIN) and value == getattr(kind, name, object()))


_KINDS: dict[type, tuple[bool, ...]] = {}  # a widget class: whether it is each kind ``Look.of`` reads more of
_SIGNALS: dict[type, tuple[tuple[str, str], ...]] = {}  # a class's signals (signature, SIGNAL()), read once a process


def _signals(obj: Any) -> tuple[tuple[str, str], ...]:
    from PySide6.QtCore import SIGNAL, QMetaMethod

    kind = type(obj)
    if kind not in _SIGNALS:
        meta = obj.metaObject()
        said = []
        for k in range(meta.methodCount()):
            m = meta.method(k)
            if m.methodType() == QMetaMethod.MethodType.Signal:
                signature = bytes(m.methodSignature().data()).decode()
                said.append((signature, SIGNAL(signature)))
        _SIGNALS[kind] = tuple(said)
    return _SIGNALS[kind]


def _listeners(obj: Any) -> tuple[tuple[str, int], ...]:
    """How many slots each of ``obj``'s signals has."""
    return tuple((signature, obj.receivers(signal)) for signature, signal in _signals(obj))


def _named(f: Any) -> str:
    """A callable by what it is, not where it lives (each window has its own bound methods and partials)."""
    f = getattr(f, "func", f)  # a partial: its function
    return str(getattr(f, "__qualname__", type(f).__name__))


class Look:
    """What a test may leave in a window that a new one would not have (compared with ==)."""

    def __init__(self, parts: dict[str, Any]) -> None:
        self.parts = parts
        self.place: Any = None  # where the first window stood (a kept window moved aside goes back there)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Look) and self.parts == other.parts

    def differences(self, other: "Look") -> list[str]:
        """The parts that differ, each named with what differs in it."""
        said = []
        for key in sorted(set(self.parts) | set(other.parts)):
            mine, theirs = self.parts.get(key), other.parts.get(key)
            if mine == theirs:
                continue
            if isinstance(mine, frozenset) and isinstance(theirs, frozenset):
                said += [f"{key}: {name}" for name in sorted(mine ^ theirs)]
            elif (
                isinstance(mine, tuple)
                and isinstance(theirs, tuple)
                and all(isinstance(x, tuple) and len(x) == 2 for x in mine + theirs)
            ):
                a, b = dict(mine), dict(theirs)
                said += [f"{key}: {name}" for name in sorted(set(a) | set(b)) if a.get(name) != b.get(name)]
            else:
                said.append(key)
        return said

    @classmethod
    def of(cls, w) -> "Look":  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import (
            QAbstractButton,
            QAbstractItemView,
            QApplication,
            QComboBox,
            QLabel,
            QLineEdit,
            QSplitter,
            QTabWidget,
            QWidget,
        )

        from ui.settings import DEFAULTS

        app = QApplication.instance()
        parts: dict[str, Any] = {
            "preferences": tuple((name, w.settings.get(name)) for name in DEFAULTS),
            "window": (w.isVisible(), w.geometry().getRect(), int(w.windowState().value), w.windowTitle()),
            "others shown": tuple(
                type(t).__name__ for t in QApplication.topLevelWidgets() if t is not w and t.isVisible()
            ),
            "font": app.font().toString(),
            "workers": len(w.workers),
            "deferred": (w._panel_timer.isActive(), w._docs_timer.isActive(), bool(w.after_view_paint.pending)),
            "focus": type(w.focusWidget()).__name__,
        }
        # what listens to the window's objects: a test's window or lambda connected to them (an Adjudication window
        # the test deleted, still connected to the undo stack) is no new window's
        for where, obj in (
            ("window", w),
            ("controller", w.controller),
            ("undo stack", w.controller.undo_stack),
            ("kept", w.controller.kept),
            ("settings", w.settings),
            ("view", w.view),
            ("edit actions", w.edit_actions),
        ):
            parts[f"{where} listened"] = _listeners(obj)
        for name, act in sorted(w.actions_by_name.items()):
            parts[f"action {name}"] = (act.isEnabled(), act.isChecked(), act.isVisible(), act.text(), act.toolTip())
        # the legend's buttons put aside at the close (hidden) say the closed project's counts: the next open of the
        # same labels sets each one's text again (``Legend.set_counts``), an open of other labels lets them go; what a
        # test counted (an entity added, accepted) refused ~40 windows a run (docs/performance.md, session 30)
        aside = {id(b) for b in w.legend._aside.values()}
        kinds = (QLabel, QLineEdit), QAbstractButton, QComboBox, QTabWidget, QSplitter, QAbstractItemView
        for k, child in enumerate(w.findChildren(QWidget)):
            kind = type(child)
            if kind not in _KINDS:  # which of ``kinds`` a widget class is, asked once a process (~190 widgets a look)
                _KINDS[kind] = tuple(issubclass(kind, of) for of in kinds)
            text, button, combo, tabs, splitter, view = _KINDS[kind]
            seen: tuple[Any, ...] = (kind.__name__, child.objectName(), child.isVisibleTo(w), child.isEnabled())
            if text:
                seen += (child.text(),)
            if button:
                seen += (None if id(child) in aside else child.text(), child.isChecked())
            if combo:
                seen += (child.currentIndex(), child.count())
            if tabs:
                seen += (child.currentIndex(),)
            if splitter:
                seen += (tuple(child.sizes()),)
            if view and child.model() is not None:
                seen += (child.model().rowCount(),)
            if child.isWindow() or child.parent() is w:
                seen += (child.geometry().getRect(),)
            parts[f"widget {k}"] = seen
        for where, obj in (
            ("window", w),
            ("controller", w.controller),
            ("view", w.view),
            ("edit actions", w.edit_actions),
            ("events", w.edit_actions.events),
            ("kept", w.controller.kept),
        ):
            own = {k: v for k, v in vars(obj).items() if not _as_made(type(obj), k, v)}
            parts[f"{where} names"] = frozenset(own)
            parts[f"{where} plain"] = tuple(sorted((k, v) for k, v in own.items() if isinstance(v, PLAIN)))
            parts[f"{where} callables"] = tuple(  # a method or a hook replaced by the test (monkeypatch)
                sorted((k, _named(v)) for k, v in own.items() if callable(v) and not hasattr(v, "metaObject"))
            )
        return cls(parts)
