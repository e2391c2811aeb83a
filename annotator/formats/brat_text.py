"""brat's view of a text and of an .ann line, shared by the brat reader and writer.

It imports nothing of the import's side: how the reader finds and reads a folder's files is ``brat_files``.

brat reads ``.txt`` files with universal newlines (``\\r\\n`` and a lone ``\\r`` become ``\\n``), so its
offsets count ``\\r\\n`` as one character; ``BratOffsets`` converts between those offsets and the stored
text's code points. brat splits ``.ann`` files into lines the way Python's ``str.splitlines`` does, so a
``T`` line's text or a note may hold none of those characters (``LINE_BREAKS``).

A brat note (``#1\tAnnotatorNotes T3\ttext``) is kept as a document comment that names what it sat on
(``note_comment``): ``[on LABEL 4-9] text``, ``[on event TYPE 4-9] text`` (the trigger's span) or
``[on relation TYPE 0-14 19-32] text`` (its arguments' spans, in order), ``[on normalization LABEL 4-9] text``
(a note on an ``N`` line: the span it normalises, the first ``N`` there) or ``[on attribute NAME 4-9] text`` (on an
``A`` line: the attribute's name and the span or trigger it sits on), a note type other than
``AnnotatorNotes`` in front (``[Lemma on N 0-4] talo``); ``parse_note`` reads it back for the export.

Ids follow brat's reader (``server/src/annotation.py``): letters (or ``#`` and letters), digits, and any
suffix (``T12``, ``#3``, ``E1a``); ``*`` alone is an equivalence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any


NOTE_TYPE = "AnnotatorNotes"
_NOTE = re.compile(
    r"^\[(?:(\S+) )?on (?:(event|relation|normalization|attribute) )?(\S+) (\d+-\d+(?: \d+-\d+)*)\] (.*)$", re.S
)
LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
BRAT_ID = re.compile(r"^(?:[A-Za-z]+|#[A-Za-z]*)[0-9]+.*$|^\*$")


def note_comment(note_type: str, kind: str, label: str, spans: list[tuple[int, int]], body: str) -> str:
    """A brat note as the document comment that names its annotation (``kind``: "", "event", "relation",
    "normalization" or "attribute")."""
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
    """Offsets in the text as brat reads it <-> code points of the stored text (they differ after each ``\\r\\n``,
    and by one everywhere when the ``.txt`` begins with a byte order mark: brat reads it as a character, the stored
    text has none, ``bom``)."""

    def __init__(self, text: str, bom: bool = False) -> None:
        crlf = [m.start() for m in re.finditer("\r\n", text)]
        self._brat_pos = [p - k for k, p in enumerate(crlf)]  # where each dropped "\r" sits in brat's text
        self._dropped = [p + 1 for p in crlf]  # the stored positions of the "\n" that brat's text lacks
        self.identity = not crlf  # (of the line ends: the BOM's one is added or taken off either way)
        self.shift = int(bom)

    def to_stored(self, offset: int) -> int:
        offset -= self.shift
        return offset if self.identity else offset + bisect_left(self._brat_pos, offset)

    def to_brat(self, offset: int) -> int:
        return self.shift + (offset if self.identity else offset - bisect_left(self._dropped, offset))


BIONLP_FORM = "bionlp"  # a kept normalisation read in that form (``meta["brat"]["normalizations"][k]["form"]``)
NORMALIZATIONS = ("brat", BIONLP_FORM)  # the brat export's ``normalizations`` option: the form its N lines take

# the BioNLP Shared Tasks' files: the brat export's ``files`` option, one ``NAME.ann`` a document (brat's own) or the
# tasks' ``NAME.a1`` (the given entities' ``T`` lines) and ``NAME.a2`` (the rest, its ids going on from the .a1's)
FILES = ("ann", BIONLP_FORM)
READ_SOURCE = "brat"  # the source of the entities a brat import brings (the others: a person's, a model's)
GIVEN = "given"  # ``meta["brat"]["given"]``: the entities a document's NAME.a1 gave, [type, start, end] each
REST_SUFFIXES = (".co", ".rel")  # a task's part beside the .a1 in the place of the .a2 (CO, REL)
REST_IN = "rest_in"  # ``meta["brat"]["rest_in"]``: the suffix of the part beside its .a1 when not .a2 (.rel, .co)
PAIR_WRITTEN_AS_ANN = (  # a document read from the tasks' pair, written as one .ann by default
    "documents read from the BioNLP Shared Tasks' .a1/.a2 files written as one .ann each (--option files=bionlp "
    "writes the pair)"
)

BIONLP_WRITTEN_AS_BRAT = (  # a normalisation read in the BioNLP-ST 2013 form, written in brat's by default
    "normalisations read in the BioNLP Shared Task 2013 form written in brat's (--option normalizations=bionlp "
    "writes the task's form, which brat's server reads for Reference alone)"
)


def normalization_line(number: int, item: dict[str, Any], target: str, reference: str, form: str) -> str:
    """A kept normalisation's ``N`` line on ``target``: brat's (``N1\tNCBI_Taxonomy T3 KB:1590``, ``reference`` as
    brat reads it, ``DB:ID``), or with ``form`` "bionlp" the BioNLP Shared Task 2013 form the Bacteria Biotope task's
    files and evaluation use (``N1\tNCBI_Taxonomy Annotation:T3 Referent:1590``, the id as it came: brat's server
    reads that form for the type ``Reference`` alone, so it is an option, not the default)."""
    if form == BIONLP_FORM:
        head = f"{item['type']} Annotation:{target} Referent:{item['reference']}"
    else:
        head = f"{item['type']} {target} {reference}"
    return f"N{number}\t{head}" + (f"\t{item['text']}" if item.get("text") else "")
