"""The encoding an import reads its text files in: strict UTF-8 (a byte order mark stripped and recorded) unless the
user names another (``annotator import --encoding cp1252``, the Import dialog's Encoding), for an engineer's corpus of
older Windows-1252 / Latin-1 files. The name is checked before anything is read (``encoding_named``); the import
holds it for its readers while it runs (``reading_in``), and every reader's decoding of a text file asks for it
(``importing.decode_text``, the sniffing of a file's kind: ``head_text``), so no reader's signature carries it."""

from __future__ import annotations

import codecs
from contextlib import contextmanager
from contextvars import ContextVar
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


def head_text(head: bytes) -> str:
    """The first bytes of a file as text, for telling its kind (bad bytes replaced, a byte order mark dropped)."""
    return head.decode(given_encoding() or UTF8, "replace").lstrip("\ufeff")
