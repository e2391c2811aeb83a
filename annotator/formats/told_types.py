"""Event types told from the events that use them, for a file without a schema of its own (DyGIE++'s lines, a
Prodigy task's ``events``): each role takes the labels of the entities that filled it, optional when some events of
the type lack it, repeatable when one fills it twice."""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable, Sequence


class EventUses:
    """The events of a file, type by type: how many, which labels filled each role, how often an event filled it."""

    def __init__(self) -> None:
        self.per_type: Counter[str] = Counter()
        self.roles: dict[str, dict[str, list[str]]] = {}  # event type -> role -> its fillers' labels, in order
        self.counts: dict[tuple[str, str], list[int]] = {}  # (event type, role) -> each event's number of it

    def add(self, event_type: str, arguments: Sequence[tuple[str, str | None]]) -> None:
        """One event of ``event_type`` with its (role, filler's label) ``arguments`` (None: a filler of no label,
        counted for the multiplicity alone)."""
        self.per_type[event_type] += 1
        seen: Counter[str] = Counter()
        for role, label in arguments:
            seen[role] += 1
            filled = self.roles.setdefault(event_type, {}).setdefault(role, [])
            if label is not None and label not in filled:
                filled.append(label)
        for role, k in seen.items():
            self.counts.setdefault((event_type, role), []).append(k)

    def tables(self, types: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """A schema file's ``[[event]]`` tables of ``types`` (default: all, in order of use), roles under
        ``roles``; a role whose fillers had no label is left out."""
        out = []
        for etype in self.per_type if types is None else types:
            role_tables = []
            for role, filled in self.roles.get(etype, {}).items():
                if not filled:
                    continue
                got = self.counts[(etype, role)]
                optional, repeated = len(got) < self.per_type[etype], max(got) > 1
                mult = (
                    "any" if optional and repeated else "optional" if optional else "one_or_more" if repeated else "one"
                )
                role_tables.append({"name": role, "labels": filled, "multiplicity": mult})
            out.append({"name": etype, "roles": role_tables})
        return out
