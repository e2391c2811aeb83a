"""A schema's TOML read into plain data (``tomllib``), its errors said with the line and column.

A schema grown by an import (``formats/schema_growth.grown_schema``: the schema's own text, then the tables of the
labels and event types the file adds) is read from the data of its own text, read before in this process, and the
added text alone: the news schema's TOML took ~10 ms of CPU to read again at every import that grew it (tomllib is
pure Python; ~240 a run of the tests, docs/performance.md, session 33). The data is the same as the whole text's:
the added text must open with an ``[[array]]`` table header of its own (nothing of it can belong to the last table of
the text before), and each of its top-level keys must be such an array of tables in both parts, so that each part's
tables are appended to the other's as TOML appends them. Anything else, or an error, reads the whole text.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from annotator.errors import SchemaError

_TOML_AT = re.compile(r"^(.*?) \(at line (\d+), column (\d+)\)$")
# the first line of an added text that is neither blank nor a comment: the header of an array of tables, a bare key
_ARRAY_HEADER = re.compile(r"[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\][ \t]*(#.*)?")
KEPT_READS = 8  # the texts whose data is kept, the latest read (a schema grown twice reads its first growth's)
# a text read, its trailing newlines cut -> its data; each part's tables are shared with what was read after it
# (the schema's parse only reads them)
_read: OrderedDict[str, dict[str, Any]] = OrderedDict()


def toml_data(source: str, where: str) -> dict[str, Any]:
    """The data of the TOML ``source``; a ``SchemaError`` naming ``where``, the line and the column when it is no TOML."""
    data = _grown(source)
    if data is None:
        data = _whole(source, where)
    _read[source.rstrip("\n")] = data
    _read.move_to_end(source.rstrip("\n"))
    while len(_read) > KEPT_READS:
        _read.popitem(last=False)
    return data


def _whole(source: str, where: str) -> dict[str, Any]:
    import tomllib  # only when TOML is read: a project's stored schema is read from its parsed copy (schema_cache)

    try:
        return tomllib.loads(source)
    except RecursionError:  # tomllib recurses once per nesting level
        raise SchemaError(f"{where}: not a schema: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_AT.match(str(exc))
        if m:
            raise SchemaError(f"{where}:{m.group(2)}: not valid TOML: {m.group(1)} (column {m.group(3)})") from None
        raise SchemaError(f"{where}: not valid TOML: {exc}") from None


def _grown(source: str) -> dict[str, Any] | None:
    """The data of ``source`` from a text read before that it opens with and of the rest alone; None when there is
    none, or when the rest's data could differ from what the whole text gives (then the whole is read)."""
    base = max((b for b in _read if len(b) < len(source) and source.startswith(b + "\n")), key=len, default=None)
    if base is None:
        return None
    rest = source[len(base) :]
    first = next((line for line in rest.splitlines() if line.strip() and not line.lstrip().startswith("#")), None)
    if first is None or _ARRAY_HEADER.fullmatch(first) is None:
        return None  # its first lines could belong to the text before's last table
    import tomllib

    try:
        added = tomllib.loads(rest)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None  # said by the whole text's read, with the whole text's line
    before = _read[base]
    for key, tables in added.items():
        if not isinstance(tables, list) or not _appendable(base, before.get(key), key):
            return None
    return {**before, **{key: list(before.get(key, [])) + tables for key, tables in added.items()}}


def _appendable(text: str, tables: Any, key: str) -> bool:
    """Whether ``[[key]]`` tables after ``text`` add to its ``key`` (none yet, or each one an ``[[key]]`` table of its
    own: an array written as ``key = [...]`` cannot be added to)."""
    if tables is None:
        return True
    headers = re.findall(rf"(?m)^[ \t]*\[\[[ \t]*{re.escape(key)}[ \t]*\]\]", text)
    return isinstance(tables, list) and len(headers) == len(tables)
