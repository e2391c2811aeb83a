"""brat's view of a text and of an .ann line, shared by the brat reader and writer.

brat reads ``.txt`` files with universal newlines (``\\r\\n`` and a lone ``\\r`` become ``\\n``), so its
offsets count ``\\r\\n`` as one character; ``BratOffsets`` converts between those offsets and the stored
text's code points. brat splits ``.ann`` files into lines the way Python's ``str.splitlines`` does, so a
``T`` line's text or a note may hold none of those characters (``LINE_BREAKS``).

A brat note (``#1\tAnnotatorNotes T3\ttext``) is kept as a document comment that names what it sat on
(``note_comment``): ``[on LABEL 4-9] text``, ``[on event TYPE 4-9] text`` (the trigger's span) or
``[on relation TYPE 0-14 19-32] text`` (its arguments' spans, in order), a note type other than
``AnnotatorNotes`` in front (``[Lemma on N 0-4] talo``); ``parse_note`` reads it back for the export.

Ids follow brat's reader (``server/src/annotation.py``): letters (or ``#`` and letters), digits, and any
suffix (``T12``, ``#3``, ``E1a``); ``*`` alone is an equivalence.

A document's annotations are ``NAME.ann``, or, as brat reads them when there is none, the BioNLP Shared Tasks'
``NAME.a1``, ``NAME.a2``, ``NAME.co``, ``NAME.rel`` read as one (``ann_files``, ``read_parts``; ``in_part`` and
``said_in_parts`` give a line of the whole as the file and line it came from).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path
from annotator.importing import decode_text


NOTE_TYPE = "AnnotatorNotes"
_NOTE = re.compile(r"^\[(?:(\S+) )?on (?:(event|relation) )?(\S+) (\d+-\d+(?: \d+-\d+)*)\] (.*)$", re.S)
LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
BRAT_ID = re.compile(r"^(?:[A-Za-z]+|#[A-Za-z]*)[0-9]+.*$|^\*$")


def note_comment(note_type: str, kind: str, label: str, spans: list[tuple[int, int]], body: str) -> str:
    """A brat note as the document comment that names its annotation (``kind``: "", "event" or "relation")."""
    head = "" if note_type == NOTE_TYPE else f"{note_type} "
    where = " ".join(f"{s}-{e}" for s, e in spans)
    return f"[{head}on {kind + ' ' if kind else ''}{label} {where}] {body}"


def parse_note(comment: str) -> tuple[str, str, str, tuple[tuple[int, int], ...], str] | None:
    """(note type, kind, label, spans, body) of a comment ``note_comment`` made, else None."""
    m = _NOTE.match(comment)
    if m is None:
        return None
    spans = tuple((int(a), int(b)) for a, b in (p.split("-") for p in m.group(4).split(" ")))
    kind = m.group(2) or ""
    if kind != "relation" and len(spans) != 1:  # an entity or an event's trigger is one span
        return None
    return m.group(1) or NOTE_TYPE, kind, m.group(3), spans, m.group(5)


def universal_newlines(text: str) -> str:
    """The text as brat reads it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class BratOffsets:
    """Offsets in the text as brat reads it <-> code points of the stored text (they differ after each ``\\r\\n``)."""

    def __init__(self, text: str) -> None:
        crlf = [m.start() for m in re.finditer("\r\n", text)]
        self._brat_pos = [p - k for k, p in enumerate(crlf)]  # where each dropped "\r" sits in brat's text
        self._dropped = [p + 1 for p in crlf]  # the stored positions of the "\n" that brat's text lacks
        self.identity = not crlf

    def to_stored(self, offset: int) -> int:
        return offset if self.identity else offset + bisect_left(self._brat_pos, offset)

    def to_brat(self, offset: int) -> int:
        return offset if self.identity else offset - bisect_left(self._dropped, offset)


def pair_of(stem: Path) -> tuple[Path, Path]:
    """``NAME.txt`` and ``NAME.ann`` for a document NAME, which may itself hold dots (``AFP_ENG_20030304.0250``)."""
    return stem.parent / f"{stem.name}.txt", stem.parent / f"{stem.name}.ann"


# the BioNLP Shared Tasks' files: a document's annotations split over NAME.a1 (given entities), NAME.a2 (events and
# the rest), NAME.co (coreference), NAME.rel (relations); brat reads them together when there is no NAME.ann
PARTIAL_SUFFIXES = (".a1", ".a2", ".co", ".rel")


def stem_of(path: Path) -> Path | None:
    """The document NAME of ``NAME.txt``/``NAME.ann`` (or of a partial file, ``NAME.a1``; only the last suffix is the
    kind of file), else None."""
    if path.suffix in (".txt", ".ann", *PARTIAL_SUFFIXES):
        return path.parent / path.name[: -len(path.suffix)]
    return None


def ann_files(stem: Path) -> list[Path]:
    """The files that hold a document's annotations, as brat's reader picks them: ``NAME.ann`` when it exists, else
    every partial file there is (``NAME.a1``, ``NAME.a2``, ``NAME.co``, ``NAME.rel``, read as one)."""
    ann = pair_of(stem)[1]
    if ann.exists():
        return [ann]
    return [p for p in (stem.parent / f"{stem.name}{s}" for s in PARTIAL_SUFFIXES) if p.exists()]


# brat's BIONLP_ST_2013_NORMALIZATION_RES (server/src/annotation.py): the 2013 tasks' N lines as brat's own
BIONLP_2013_NORMALIZATION = (
    (re.compile(r"^(Reference) Annotation:(\S+) Referent:(\S+)"), r"\1 \2 \3"),
    (re.compile(r"^(Reference) Referent:(\S+) Annotation:(\S+)"), r"\1 \3 \2"),
)


def read_parts(parts: list[Path]) -> tuple[str, list[tuple[Path, int]]]:
    """A document's annotation files read as one text (``NAME.ann``, or its ``.a1``, ``.a2``, ... one after the other)
    and where each begins: (file, the line of the whole it starts on)."""
    texts, starts, at = [], [], 1
    for part in parts:
        t = decode_text(part.read_bytes(), str(part))[0] if part.stat().st_size else ""
        t = t if not t or t.endswith("\n") else t + "\n"
        starts.append((part, at))
        at += t.count("\n")
        texts.append(t)
    return "".join(texts), starts


def in_part(starts: list[tuple[Path, int]], line: int) -> tuple[Path, int]:
    """The file and its own line of ``line`` of the parts read as one."""
    part, first = next((p, f) for p, f in reversed(starts) if f <= line)
    return part, line - first + 1


def said_in_parts(label: Path, starts: list[tuple[Path, int]], lines: list[str]) -> list[str]:
    """Messages about the parts read as one (``LABEL:LINE: ...``) as about the file and line they came from."""
    where = re.compile(rf"^{re.escape(str(label))}:(\d+):")

    def local(m: re.Match[str]) -> str:
        part, n = in_part(starts, int(m.group(1)))
        return f"{part}:{n}:"

    return [where.sub(local, x) for x in lines] if len(starts) > 1 else lines
