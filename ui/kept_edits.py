"""The app's side of the edits kept while another program writes to the project (``annotator.write_queue``): tried
again on a timer, each one written put on the undo stack, a killed run's journal taken over at an open, and what is
still kept at a close named. The words are ``annotator.kept_messages``'; the controller wires this in."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Mapping

from PySide6.QtCore import QObject, QTimer, Signal

from annotator import kept_messages
from annotator.errors import AnnotatorError, ProjectMovedError
from annotator.foreseen import Foreseen
from annotator.stand_ins import stand_in
from annotator.model import Argument
from annotator.store import BUSY_TIMEOUT_MS, Project
from annotator.write_queue import RETRY_BUDGET_S, RETRY_MS, WriteQueue
from ui.commands import CoreEditCommand


class KeptEdits(QObject):
    """The edits kept, oldest first (``writes``), and the timer that tries them again."""

    waiting = Signal(int, str)  # (edits kept, what to show); (0, "") once every one is saved
    info = Signal(str)  # a passing message: they are saved, one was taken back
    failed = Signal(str)  # some could not be saved before the project closed

    def __init__(
        self,
        project: Callable[[], Project | None],
        push: Callable[[CoreEditCommand], None],
        report_failure: Callable[[AnnotatorError], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._project = project  # the open project, asked at each try
        self._push = push  # an edit written goes on the undo stack, as it would have at once
        self._report_failure = report_failure
        self.writes: WriteQueue[CoreEditCommand] = WriteQueue()
        self.landing = False  # kept edits are being written: their changes never move the view to their document
        self._landed = 0  # kept edits written since the last time none was kept
        self._refused = 0  # and refused since then (a rule, a change elsewhere): its refusal stays in view
        self._failure_said: str | None = None  # the kept edits' save failure last reported (said once)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.write_kept)

    def wait_for_reopen(self) -> bool:
        """The kept edits wait for the project file, renamed or moved, to be opened from where it is now: a close
        need not wait for them (they are beside the file)."""
        failure = self.writes.last_failure
        return isinstance(failure, ProjectMovedError) and failure.file_now is not None

    def submit(self, project: Project, cmd: CoreEditCommand) -> tuple[bool, bool | None]:
        """Make ``cmd`` now, or keep it behind the others while another program holds the lock: (made, its result)."""
        done, ok = self.writes.submit(project, cmd, cmd.execute, cmd.journal_line)
        if not done:  # kept: written by ``write_kept`` once the lock is free
            self.tell()
        return done, ok

    def decided(self, table: str) -> dict[int, CoreEditCommand]:
        """The items of ``table`` ("entities", "events") whose decision is kept, not yet written: id -> its edit."""
        found = ((cmd.decided(table), cmd) for cmd in self.writes.keys())
        return {i: cmd for i, cmd in found if i is not None}

    def decided_ids(self) -> tuple[set[int], set[int]]:
        """The spans and the events whose decision is kept (not in the file yet, so still shown undecided): a decision
        made, for Tab, Enter and X (Tab went to them, and Enter there kept a second decision, refused when it
        landed)."""
        return set(self.decided("entities")), set(self.decided("events"))

    def foreseen(self) -> list[Foreseen]:
        """The kept edits the window holds as made, in the order made (``annotator.foreseen``)."""
        return [f for cmd in self.writes.keys() for f in cmd.foresights()]

    def statuses(self) -> dict[int, str]:
        """The documents whose mark (a status) is kept, not yet written: id -> the status the last one kept gives."""
        found = (cmd.status_foreseen() for cmd in self.writes.keys())
        return dict(f for f in found if f is not None)

    def decision_waits(self, table: str, item_id: int) -> str | None:
        """What a key deciding the item ``item_id`` of ``table`` again says while its decision is kept; None: none is."""
        edit = self.decided(table).get(item_id)
        what = "span" if table == "entities" else "event"
        return None if edit is None else kept_messages.decision_waits(what, edit.text())

    def roles_wait(
        self,
        command: type[CoreEditCommand],
        event_id: int,
        arguments: Mapping[int, Argument],
        *args: Any,
        **kwargs: Any,
    ) -> str | None:
        """What ``command``, an edit of the arguments of event ``event_id`` given ``args`` and ``kwargs``, says when it
        names an argument or a span a kept edit made (held under a stand-in id the file does not have: it would be
        refused when it landed); None: it is made, from the roles as held, which the file has once the kept edits
        land (``arguments``: the rows held, by id)."""
        if command.fills is None or self._made(args, kwargs) is None:
            return None
        keys = self.writes.keys()
        edit = next((c for c in reversed(keys) if c.filled_event(arguments) == event_id), keys[-1])
        return kept_messages.roles_wait(edit.text())

    def made_waits(self, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> str | None:
        """What an edit given ``args`` and ``kwargs`` says when it names a span or an argument a kept edit made (a
        label key or Delete on a kept new span); None: it names none."""
        made = self._made(args, kwargs)
        return None if made is None else kept_messages.made_waits(made.text())

    def _made(self, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> CoreEditCommand | None:
        """The kept edit that made a row ``args`` or ``kwargs`` name (held under a stand-in id the file does not have,
        so an edit naming it would be refused when it landed); None: they name none."""
        named = {x for x in (*args, kwargs.get("replace"), kwargs.get("entity_id")) if stand_in(x)}
        if not named or not self.writes:
            return None
        keys = self.writes.keys()
        found = (c for c in keys for f in c.foresights() if {f.item_id, (f.values or {}).get("entity_id")} & named)
        return next(found, keys[-1])

    def take_over(self, project: Project, command_for: Callable[[dict], CoreEditCommand]) -> None:
        """A killed run's kept edits (its journal), the commands ``command_for`` makes of its lines: written at the
        open, or kept before any new edit while another program still writes."""
        if self.writes.take_over(project, command_for, CoreEditCommand.execute):
            self.tell()

    def write_kept(self) -> None:
        """Try the kept edits again (the retry timer), oldest first, for at most ``RETRY_BUDGET_S``."""
        project = self._project()
        if project is None:
            return
        landed = self._land(partial(self.writes.retry, project, budget_s=RETRY_BUDGET_S))
        written = sum(1 for _, ok in landed if ok is True)  # not one refused (its refusal said by ``execute``)
        self._landed += written
        self._refused += len(landed) - written
        failure = self.writes.last_failure
        if failure is not None and str(failure) != self._failure_said:  # said once (a box), then in the status
            self._report_failure(failure)
        self._failure_said = str(failure) if failure is not None else None
        if landed and not self.writes:
            before, refused, self._landed, self._refused = self._landed, self._refused, 0, 0
            # a refusal stays in view, in any pass since none was kept: each pass writes for RETRY_BUDGET_S at most,
            # and under load the last pass alone said "Saved: 1 edit" over the refusal of the pass before
            if before and not refused:
                self.info.emit(kept_messages.saved(before))
        self.tell()

    def write_before_close(self) -> None:
        """Edits still kept when the project closes: waited for (the window waits before it closes, so this is the
        last resort: the busy timeout); any still not written is named, never dropped silently."""
        project = self._project()
        if project is None or not self.writes:
            return
        self._land(partial(self.writes.drain, project, BUSY_TIMEOUT_MS / 1000))
        moved = self.wait_for_reopen()
        left = self.writes.clear()
        self._landed = self._refused = 0
        self.retry_timer.stop()
        if left:
            self.failed.emit(kept_messages.not_saved_at_close([c.text() for c in left], self.writes.journaled, moved))
        self.waiting.emit(0, "")

    def _land(self, write: Callable[[], list[tuple[CoreEditCommand, object]]]) -> list[tuple[CoreEditCommand, object]]:
        """Write kept edits (``landing`` while it runs); each one written goes on the undo stack."""
        self.landing = True
        try:
            landed = write()
            for cmd, ok in landed:
                if ok:  # landing still: a step of the stack, not the person's (a refusal said before it stays)
                    self._push(cmd)
        finally:
            self.landing = False
        return landed

    def take_back(self) -> None:
        """Undo of an edit that is kept, not yet written: it is forgotten (never written) and the person told."""
        cmd = self.writes.take_last()
        self.tell()
        if cmd is not None:
            self.info.emit(kept_messages.taken_back(cmd.text(), len(self.writes)))

    def tell(self) -> None:
        """The retry timer runs while edits are kept; ``waiting`` says how many."""
        n = len(self.writes)
        if n and not self.retry_timer.isActive():
            self.retry_timer.start()
        elif not n:
            self.retry_timer.stop()
        last = self.writes.keys()[-1].text() if n else ""
        self.waiting.emit(n, kept_messages.waiting(n, last, self.writes.last_failure, self.writes.journal_problem))
