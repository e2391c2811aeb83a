"""A schema's TOML read into plain data (``tomllib``), its errors said with the line and column.

A schema grown by an import (``formats/schema_growth.grown_schema``: the schema's own text, then the tables of the
labels and event types the file adds) is read from the data of its own text, read once in this process, and the
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
KEPT_READS = 8  # the texts grown whose data is kept, the latest used (the news schema's at every import that grows it)
# a text grown, its trailing newlines cut -> its data; its tables are shared with each grown text's data (the schema's
# parse only reads them)
_read: OrderedDict[str, dict[str, Any]] = OrderedDict()


def toml_data(source: str, where: str, grown_from: str | None = None) -> dict[str, Any]:
    """The data of the TOML ``source``; a ``SchemaError`` naming ``where``, the line and the column when it is no TOML.
    ``grown_from``: the text ``source`` opens with (then a newline and tables added after it), its data read once."""
    data = _grown(source, grown_from) if grown_from is not None else None
    return _whole(source, where) if data is None else data


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


def _grown(source: str, grown_from: str) -> dict[str, Any] | None:
    """The data of ``source`` from the data of ``grown_from`` (kept, or read now) and of the rest alone; None when
    ``source`` does not open with it, or when the rest's data could differ from what the whole text gives."""
    import tomllib  # only when TOML is read

    base = grown_from.rstrip("\n")
    if not source.startswith(base + "\n"):
        return None
    rest = source[len(base) :]
    first = next((line for line in rest.splitlines() if line.strip() and not line.lstrip().startswith("#")), None)
    if first is None or _ARRAY_HEADER.fullmatch(first) is None:
        return None  # its first lines could belong to the text before's last table
    try:
        before = _read.get(base)
        if before is None:
            before = tomllib.loads(base)
        added = tomllib.loads(rest)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None  # said by the whole text's read, with the whole text's line
    _read[base] = before
    _read.move_to_end(base)
    while len(_read) > KEPT_READS:
        _read.popitem(last=False)
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
