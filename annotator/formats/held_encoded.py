"""A file refused as not UTF-8 that the project holds already, read in the encoding its refusal names: imported
before with ``--encoding cp1252``, then met again in the same folder without it, it was refused anew with the advice
to give ``--encoding``, as if it had never been read (session 32, session 31's lead 3). It is a duplicate."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping, Sequence

from annotator.errors import AnnotatorError
from annotator.importing import IncomingDocument
from annotator.import_rows import sha256_text
from annotator.store import Project
from annotator.text_encoding import reading_in


def held_in_encoding(
    project: Project,
    path: Path,
    encoding: str,
    read: Callable[[Path], Sequence[IncomingDocument]],
    named: Mapping[Path, str],
) -> tuple[list[tuple[str, int]], str] | None:
    """The (name, id of the stored document of its text) of each document ``read`` gives of ``path`` read in
    ``encoding``, and the note that says so, when the project holds every one; None when it does not hold them all or
    the file does not read so (it stays refused, with its advice). ``named``: a folder's files' names in it."""
    with reading_in(encoding):
        try:
            docs = list(read(path))
        except AnnotatorError:
            return None
    digests = [sha256_text(d.text) for d in docs]
    known = project.db.ids_of_digests(digests)
    if not docs or any(g not in known for g in digests):
        return None
    held = [(named.get(path, d.name) if d.name == path.name else d.name, known[g]) for d, g in zip(docs, digests)]
    return held, f"{path}: not UTF-8; read as {encoding}, as an earlier import was told, the project holds it"
