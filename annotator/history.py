"""The undo history's policy, without Qt: one ``Step`` per edit, knowing whether the file holds its change.

An edit runs once (``Step.do``); undo and redo then replay its Change (``recorder.undo``/``recorder.redo``, which
keep ids, so later steps that name the same rows stay valid). What a failure means is decided here, by the
error's type:

- a step whose rows were changed elsewhere (``StaleChangeError``) can never apply again: it is dropped from the
  history, and the file keeps what it has;
- any other failure (disk full, file locked, a conflict) leaves the step where it was, to be tried again: the
  history must not move.

A step asked to undo when the file does not hold its change (or to redo when it does) does nothing, so an
adapter whose stack calls these more than once (Qt's QUndoStack calls ``redo`` on push) needs no flags of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from annotator import recorder
from annotator.errors import AnnotatorError, StaleChangeError
from annotator.model import Change
from annotator.stale_steps import onto_successors
from annotator.store import Project


@dataclass(frozen=True)
class Outcome:
    """What one undo or redo did: ``change`` to redraw, or the ``error`` and whether the step was ``dropped``."""

    change: Change | None = None
    error: AnnotatorError | None = None
    dropped: bool = False

    @property
    def kept(self) -> bool:
        """The step failed and stays where it is, to be tried again: the history must not move."""
        return self.error is not None and not self.dropped


class Step:
    """One edit: ``edit(project, *args, **kwargs)`` is a core function returning a Change."""

    def __init__(self, edit: Callable[..., Change], *args: Any, **kwargs: Any) -> None:
        self.edit = edit
        self.args = args
        self.kwargs = kwargs
        self.change: Change | None = None
        self.applied = False  # the file holds this step's change

    @property
    def result_id(self) -> int | None:
        return self.change.result_id if self.change else None

    @property
    def done(self) -> bool:
        """The edit ran and changed something (an edit that changed nothing is no step of the history)."""
        return self.change is not None and not self.change.is_empty

    def do(self, project: Project) -> Change:
        """Make the edit in the file; raises AnnotatorError when it is refused or not saved."""
        self.change = self.edit(project, *self.args, **self.kwargs)
        self.applied = not self.change.is_empty
        return self.change

    def undo(self, project: Project) -> Outcome:
        if not self.applied or self.change is None:
            return Outcome()
        return self._replay(recorder.undo, project, applied_after=False)

    def redo(self, project: Project) -> Outcome:
        if self.applied or self.change is None:
            return Outcome()
        return self._replay(recorder.redo, project, applied_after=True)

    def _replay(self, how: Callable[[Project, Change], Change], project: Project, applied_after: bool) -> Outcome:
        assert self.change is not None
        try:
            # an undecided suggestion a later pre-annotation wrote again under a new id: the step goes on with it
            self.change = onto_successors(project, self.change, use_after=applied_after)
            change = how(project, self.change)
        except StaleChangeError as exc:
            return Outcome(error=exc, dropped=True)
        except AnnotatorError as exc:
            return Outcome(error=exc)
        self.applied = applied_after
        return Outcome(change=change)
