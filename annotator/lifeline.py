"""spaCy's worker processes (``nlp.pipe(n_process=N)``) end when the process that started them ends.

spaCy starts its workers as plain ``multiprocessing`` processes that wait on a queue: if the parent is
killed, they wait for ever (about 127 MB each). A no-op component is put first in the pipeline; in a worker it starts
a thread that ends the worker as soon as its parent is gone: at the worker's start where the worker is forked (Linux:
one whose first batch had not reached it when the parent was killed never ran the component, session 36), else the
first time it runs.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.util
import os
import threading
import time
from typing import Any

COMPONENT = "annotator_lifeline"
POLL_S = 0.25


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_S)
    os._exit(1)  # the parent is gone: nobody will read what this worker makes


class Lifeline:
    """Passes Docs through; in a process other than the one that made it, watches that process."""

    def __init__(self, parent: int) -> None:
        self.parent = parent
        self.watching: int | None = None
        multiprocessing.util.register_after_fork(self, Lifeline._forked)

    def _forked(self) -> None:
        """In a process ``multiprocessing`` has just forked: a child of the watched process watches it from now (a
        grandchild, forked by a worker, does not: the process it would watch is not its parent). Who forked it is
        asked of ``multiprocessing``, not of ``os.getppid()``: a parent killed before the child got here (under load)
        is no longer its parent, and the child, watching, ends at once."""
        forked_by = multiprocessing.parent_process()
        if forked_by is not None and forked_by.pid == self.parent:
            self._watch_here()

    def _watch_here(self) -> None:
        pid = os.getpid()
        if pid != self.parent and self.watching != pid:
            self.watching = pid
            threading.Thread(target=_watch, args=(self.parent,), name="lifeline", daemon=True).start()

    def __call__(self, doc: Any) -> Any:
        self._watch_here()
        return doc


def _make(nlp: Any, name: str) -> Lifeline:
    return Lifeline(os.getpid())


def add_lifeline(nlp: Any) -> None:
    """Put the lifeline first in ``nlp`` (once); call before ``nlp.pipe(n_process > 1)``."""
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, func=_make)
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, first=True)
    else:  # made in another process (a pipeline passed on): watch this one
        nlp.get_pipe(COMPONENT).parent = os.getpid()
