"""Text that SQLite and UTF-8 can hold: names from the file system and strings from JSON, checked once.

A file name that is not UTF-8 reaches Python with "surrogate escapes" (``caf\\udce9.txt``), and JSON may
spell a lone surrogate (``"\\ud800"``): neither can be written to the project (UTF-8), so an import stopped
with a UnicodeEncodeError. Names are made printable (the odd bytes written as ``\\xe9``); a text or an
annotation string with a lone surrogate is refused with the file named, and the import goes on.
"""

from __future__ import annotations

import re
from typing import Any

BOM = "\ufeff"  # a UTF-8 byte order mark: stripped from a file's text at import and recorded (documents.bom)
_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def printable(name: str) -> str:
    """``name`` with undecodable file-name bytes as ``\\xNN`` and other lone surrogates as ``\\udNNN``."""
    if not has_surrogate(name):
        return name
    return name.encode("utf-8", "surrogateescape" if _only_escapes(name) else "backslashreplace").decode(
        "utf-8", "backslashreplace"
    )


def _only_escapes(name: str) -> bool:
    return all("\udc80" <= ch <= "\udcff" for ch in _SURROGATE.findall(name))


def first_surrogate(value: Any) -> str | None:
    """Where in a (nested) value the first lone surrogate is, e.g. ``"character 4"``; None if there is none."""
    if isinstance(value, str):
        m = _SURROGATE.search(value) if not value.isascii() else None
        return f"character {m.start()} (U+{ord(m.group()):04X})" if m else None
    if isinstance(value, dict):
        for k, v in value.items():
            where = first_surrogate(k) or first_surrogate(v)
            if where:
                return f"{k!r}: {where}" if isinstance(k, str) else where
    elif isinstance(value, (list, tuple)):
        for v in value:
            where = first_surrogate(v)
            if where:
                return where
    return None
