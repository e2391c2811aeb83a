"""Where things stand in a schema file's TOML source, for messages that name a line and for edits that keep the
rest of the file as it was (``schema_write.with_aliases``): the line of the n-th ``[[table]]`` and of a key in it."""

from __future__ import annotations

import re
from bisect import bisect_right

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")


class Locator:
    """Finds the line of the n-th ``[[table]]`` of a schema file and of a key inside it.

    Headers are indexed by name and by line, so each lookup is a bisection: parsing stays linear in the size
    of the file (a scan per lookup made a schema of 10,000 labels take seconds).
    """

    def __init__(self, source: str) -> None:
        self.lines = source.splitlines()
        self.headers: list[tuple[int, str]] = []  # (line number, table name), in file order
        self.lines_of: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            m = _HEADER.match(line)
            if m and not line.lstrip().startswith("#"):
                name = m.group(1).replace(" ", "")
                self.headers.append((number, name))
                self.lines_of.setdefault(name, []).append(number)
        self._numbers = [n for n, _ in self.headers]

    def table(self, name: str, index: int, after: int = 0, before: int | None = None) -> int | None:
        found = self.lines_of.get(name, [])
        k = bisect_right(found, after) + index
        if k < len(found) and (before is None or found[k] < before):
            return found[k]
        return None

    def next_header(self, line: int | None, names: tuple[str, ...] | None = None) -> int | None:
        if line is None:
            return None
        if names is None:
            k = bisect_right(self._numbers, line)
            return self._numbers[k] if k < len(self._numbers) else None
        after = [self.table(n, 0, after=line) for n in names]
        return min((n for n in after if n is not None), default=None)

    def key(self, line: int | None, key: str) -> int | None:
        """The line of ``key = ...`` in the table starting at ``line`` (or the table's line)."""
        if line is None:
            return None
        end = self.next_header(line) or len(self.lines) + 1
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(line + 1, end):
            if pattern.match(self.lines[number - 1]):
                return number
        return line
