"""The encoding an import reads its text files in: strict UTF-8 (a byte order mark stripped and recorded) unless the
user names another (``annotator import --encoding cp1252``, the Import dialog's Encoding), for an engineer's corpus of
older Windows-1252 / Latin-1 files. The name is checked before anything is read (``encoding_named``); the import
holds it for its readers while it runs (``reading_in``), and every reader's decoding of a text file asks for it
(``importing.decode_text``, the sniffing of a file's kind: ``head_text``), so no reader's signature carries it."""

from __future__ import annotations

import codecs
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

from annotator.errors import OptionError

UTF8 = "utf-8"
# what the app's Import dialog offers (any other name Python knows may be typed): (shown, codec name)
OFFERED = (("UTF-8", UTF8), ("Windows-1252", "cp1252"), ("Latin-1", "latin-1"), ("UTF-16", "utf-16"))

_GIVEN: ContextVar[str | None] = ContextVar("import_encoding", default=None)


def encoding_named(name: str) -> str:
    """The codec's own name for ``name`` (``CP1252`` and ``windows-1252`` give ``cp1252``); an unknown name, or a
    codec that does not make text of bytes (``base64``, ``rot13``), refused in one line (``OptionError``)."""
    try:
        info = codecs.lookup(name.strip())
    except (LookupError, ValueError):
        raise OptionError(
            f"unknown encoding {name!r} (give one Python knows: utf-8, cp1252, latin-1, utf-16, ...); nothing was "
            "imported"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise OptionError(f"{name!r} is not a text encoding (it does not make text of bytes); nothing was imported")
    return info.name


@contextmanager
def reading_in(name: str | None) -> Iterator[None]:
    """Within the block the import's text files are read in the encoding ``name`` (checked: ``encoding_named``);
    None: strict UTF-8, as without it."""
    token = _GIVEN.set(None if name is None else encoding_named(name))
    try:
        yield
    finally:
        _GIVEN.reset(token)


def given_encoding() -> str | None:
    """The encoding the running import was told to read in (the codec's name), None for the default (UTF-8)."""
    given = _GIVEN.get()
    return None if given in (UTF8, "utf-8-sig") else given  # UTF-8's own reading (a mark stripped and recorded)


# the byte order marks that name their encoding (UTF-32's are left: its files are rare, and its little-endian mark,
# FF FE 00 00, is also UTF-16's before a NUL, which stays a binary file)
_MARKS = ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def marked_encoding(head: bytes) -> str | None:
    """The encoding a file's byte order mark names (``utf-16``), None without one (UTF-8's mark is read
    by UTF-8 itself). Windows' editors ("Unicode" in Notepad) and PowerShell 5's ``>`` write UTF-16 with its mark:
    such a file was refused as "binary file (contains NUL bytes)" unless ``--encoding utf-16`` was given, and its
    kind never told (session 29). No UTF-8 text begins so (0xFF and 0xFE are never UTF-8), so reading it as the mark
    says guesses nothing."""
    for mark, name in _MARKS:
        if head.startswith(mark):
            return name
    return None


def file_encoding(head: bytes) -> str:
    """The encoding a file beginning with ``head`` is read in: the one the import was told, else the one its byte
    order mark names, else UTF-8."""
    return given_encoding() or marked_encoding(head) or UTF8


def head_text(head: bytes) -> str:
    """The first bytes of a file as text, for telling its kind (bad bytes replaced, a byte order mark dropped)."""
    return head.decode(file_encoding(head), "replace").lstrip("\ufeff")


def file_head(path: Path, size: int = 64) -> str:
    """The first ``size`` bytes of the file at ``path`` as text (``head_text``), "" where it cannot be opened: the one
    look every sniffing of a file's kind takes at its start."""
    try:
        with path.open("rb") as fh:
            return head_text(fh.read(size))
    except OSError:
        return ""


def json_opening(path: Path) -> str:
    """``{`` or ``[`` where the file at ``path`` starts as JSON text does (after white space and a byte order mark,
    UTF-8's or UTF-16's), else "": a DocBin starts with zlib's header, a ``.txt`` with its words."""
    first = file_head(path).lstrip(" \t\r\n")[:1]
    return first if first in ("{", "[") else ""


def utf32_hint(data: bytes) -> str:
    """Where a file refused as binary begins with UTF-32's byte order mark and reads as UTF-32 text (PowerShell's
    ``Out-File -Encoding utf32``), what to add to the refusal: the option that reads it; else "". Its mark is not
    read on its own (``_MARKS``): the refusal said "binary file", which sent the engineer looking for one."""
    if not data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return ""
    try:
        text = data.decode("utf-32")
    except UnicodeDecodeError:
        return ""
    if "\x00" in text:
        return ""
    return "; it begins with UTF-32's byte order mark and reads as UTF-32 text: import it with --encoding utf-32"
