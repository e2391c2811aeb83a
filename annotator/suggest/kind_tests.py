"""A table of blocker kinds and their tests (``KindTests``), as ``trigger_sides.kinds_of_sides``,
``figurative.figurative_kinds``, ``pastimes.pastime_kinds`` and ``turns_of_phrase.turn_kinds`` read them: the tests of
the kinds a candidate's types block on run, the others not; which those are is kept per set of kinds asked (the
suggester asks with one frozenset per set of candidate types), so a candidate builds no table and walks no kind it
does not want."""

from __future__ import annotations

from typing import AbstractSet, Any, Callable


class KindTests:
    """Kinds and their tests, in order; a test takes the same arguments for every kind of the table."""

    def __init__(self, *tests: tuple[str, Callable[..., Any]]) -> None:
        self.tests = tests
        self._asked: dict[frozenset[str], tuple[tuple[str, Callable[..., Any]], ...]] = {}

    def of(self, wanted: AbstractSet[str] | None) -> tuple[tuple[str, Callable[..., Any]], ...]:
        """The (kind, test) pairs of the kinds in ``wanted`` (None: all), in the table's order."""
        if wanted is None:
            return self.tests
        if not isinstance(wanted, frozenset):  # a set that may change: not kept
            return tuple(t for t in self.tests if t[0] in wanted)
        asked = self._asked.get(wanted)
        if asked is None:
            asked = self._asked[wanted] = tuple(t for t in self.tests if t[0] in wanted)
        return asked

    def kinds(self, wanted: AbstractSet[str] | None, *args: Any) -> frozenset[str]:
        """The kinds of ``wanted`` (None: all) whose tests hold of ``args``, each test run once, in order."""
        asked = self.of(wanted)
        if not asked:
            return frozenset()
        return frozenset([kind for kind, said in asked if said(*args)])
