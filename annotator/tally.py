"""Running counts over a document's spans or events, kept up to date edit by edit: the ids in each state and the
labels (or types) of those not rejected. What the status line, Tab, the legend and the document list read after
every key, without a pass over the 8,000 spans of a long document each time."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Protocol


class _Item(Protocol):
    id: int
    state: str


def _kind(item: object) -> str:
    """A span's label or an event's type."""
    return str(getattr(item, "label", None) or getattr(item, "type", ""))


class Tally:
    """Ids by state and kinds (labels or types) of the items not rejected."""

    def __init__(self, items: Iterable[_Item] = ()) -> None:
        self.by_state: dict[str, set[int]] = {}
        self.kinds: Counter[str] = Counter()
        self.reset(items)

    def reset(self, items: Iterable[_Item]) -> None:
        """Count ``items`` afresh: in one loop with the kinds counted at its end (a method call and a Counter
        update per item took 12 ms for the 22,219 spans and events of a 1 MB document)."""
        by_state: dict[str, set[int]] = {}
        kinds: list[str] = []
        for item in items:
            state = item.state
            ids = by_state.get(state)
            if ids is None:
                by_state[state] = ids = set()
            ids.add(item.id)
            if state != "rejected":
                kinds.append(getattr(item, "label", None) or getattr(item, "type", ""))
        self.by_state = by_state
        self.kinds = Counter(map(str, kinds))

    def _add(self, item: _Item) -> None:
        self.by_state.setdefault(item.state, set()).add(item.id)
        if item.state != "rejected":
            self.kinds[_kind(item)] += 1

    def _remove(self, item: _Item) -> None:
        self.by_state.get(item.state, set()).discard(item.id)
        if item.state != "rejected":
            self.kinds[_kind(item)] -= 1
            if self.kinds[_kind(item)] <= 0:
                del self.kinds[_kind(item)]

    def update(self, old: _Item | None, new: _Item | None) -> None:
        """One item changed from ``old`` to ``new`` (None: it was not there, or is gone)."""
        if old is not None:
            self._remove(old)
        if new is not None:
            self._add(new)

    def ids(self, state: str) -> set[int]:
        """The ids in ``state`` (the set itself: do not change it)."""
        return self.by_state.get(state, set())

    def count(self, state: str) -> int:
        return len(self.by_state.get(state, ()))

    def not_rejected(self) -> int:
        return sum(self.kinds.values())
