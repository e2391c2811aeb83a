"""Standard input as an import's file (``annotator import PROJECT -``): what the pipe gives is copied to a file in a
private temporary folder, named with the ending its first line tells (``stdin_suffix``), since readers re-read and
peek at their files and a pipe cannot be read twice."""

from __future__ import annotations

import codecs
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from annotator.formats.registry import FORMATS
from annotator.text_encoding import file_encoding

STDIN = "-"  # the input name that means standard input (``annotator import PROJECT -``)


def stdin_suffix(head: bytes, fmt: str | None = None) -> str:
    """The name ending under which what standard input gave is imported: the named format's (``fmt``; a WebAnno TSV
    file for webanno), else told from ``head``, its first line that is not blank: a JSON list, an object over several
    lines or one with ``documents`` (the project's JSON export, one line) as ``.json``, other one-line objects as
    ``.jsonl`` (one document a line), zlib data that is not text as ``.spacy`` (a DocBin: `export -f spacy -o - |
    annotator import P -` said "binary file"), a CSV header naming a text and a label column as ``.csv`` (doccano's
    upload; with ``-f doccano`` or ``-f label_studio`` any with a text column, and doccano's fastText lines as ``.txt``:
    session 29, such a CSV came in as one plain text, or with the format named was refused as "not valid JSON"), the
    rest as ``.txt`` (a plain text; CoNLL columns are then told from the content as from a file)."""
    from annotator.formats.spacy_read import zlib_header

    table = _table_header(head)
    lead = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if (fmt == "doccano" and table is not None) or (fmt == "label_studio" and lead not in b"{["):
        return ".csv"  # doccano's CSV upload, Label Studio's CSV export (it reads JSON or CSV)
    if fmt == "doccano" and head.startswith(b"__label__"):
        return ".txt"  # doccano's fastText upload
    if fmt is not None:  # a format's, or one of the project's own (json, jsonl, txt: OWN_FORMATS)
        return FORMATS[fmt].suffix or (".tsv" if fmt == "webanno" else "") if fmt in FORMATS else f".{fmt}"
    if table is not None and table[1] is not None:
        return ".csv"  # a header naming a text and a label column: doccano's CSV upload, told as a file's is
    if zlib_header(head) and not _is_text(head):
        return ".spacy"
    first = head.lstrip(b"\xef\xbb\xbf \t")[:1]
    if first == b"[":
        return ".json"
    if first != b"{":
        return ".txt"
    import orjson

    try:
        obj = orjson.loads(head)
    except orjson.JSONDecodeError:
        return ".json"  # an object over several lines: one JSON document, not one a line
    return ".json" if isinstance(obj, dict) and "documents" in obj else ".jsonl"


def _table_header(head: bytes) -> tuple[str, str | None] | None:
    """The text and label columns (``doccano_tables.table_columns``) of a CSV header line, None when ``head`` is no
    such line (JSON, or no text column)."""
    from annotator.formats.doccano_tables import header_columns

    line = head.decode("utf-8", "replace").lstrip("\ufeff").rstrip("\r\n")
    if line[:1] in ("{", "[", ""):
        return None
    return header_columns(line)


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data


def _first_line(path: Path) -> bytes:
    """The first line of ``path`` that is not blank (b'' when there is none), as UTF-8: a file in the encoding the
    import was told (``--encoding utf-16``) or its byte order mark names (``text_encoding.file_encoding``) is read in
    it. Its bytes were looked at as UTF-8, so a UTF-16 JSONL of doccano's was named ``stdin.txt`` and came in as one
    plain document of JSON text (session 29)."""
    with path.open("rb") as fh:
        encoding = file_encoding(fh.read(4))
    if codecs.lookup(encoding).name == "utf-8":
        with path.open("rb") as fh:
            for line in fh:
                if line.strip():
                    return line
        return b""
    with path.open(encoding=encoding, errors="replace", newline="") as fh:
        for text in fh:
            if text.strip(" \t\r\n\ufeff"):
                return text.lstrip("\ufeff").encode("utf-8")
    return b""


@contextmanager
def stdin_spooled(paths: list[str], stream: BinaryIO, fmt: str | None = None) -> Iterator[tuple[list[str], str]]:
    """``paths`` with ``-`` replaced by a file (``stdin`` + ``stdin_suffix``) holding all that ``stream`` gives, in a
    private temporary folder removed after the block; also that file's path ('' when ``-`` is not among them), which
    messages should call standard input. Readers re-read and peek at their files: a pipe cannot be, so it is copied
    to the file first (in pieces: a large input is never held in memory). A Ctrl+C inside the block keeps the file
    (the pipe cannot be read again: it is the one way to finish the import); one while the pipe is read does not."""
    if STDIN not in paths:
        yield paths, ""
        return
    folder = Path(tempfile.mkdtemp(prefix="annotator-stdin-"))
    keep = False
    try:
        part = folder / "stdin"
        with part.open("wb") as fh:
            shutil.copyfileobj(stream, fh, 1 << 20)
        spool = part.rename(part.with_name(f"stdin{stdin_suffix(_first_line(part), fmt)}"))
        try:
            yield [str(spool) if p == STDIN else p for p in paths], str(spool)
        except KeyboardInterrupt:
            keep = True
            raise
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
