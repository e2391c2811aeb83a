"""A brat folder's files as the brat reader finds and reads them (the writer's and the reader's shared view of a
text and of an .ann line is ``brat_text``).

A document's annotations are ``NAME.ann``, or, as brat reads them when there is none, the BioNLP Shared Tasks'
``NAME.a1``, ``NAME.a2``, ``NAME.co``, ``NAME.rel`` read as one (``ann_files``, ``read_parts``; ``in_part`` and
``said_in_parts`` give a line of the whole as the file and line it came from). A folder's ``annotation.conf`` (and
``visual.conf``) is read as a schema by ``read_annotation_conf``; the conf's text, read and written, is ``brat_conf``'s.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from annotator.formats.brat_conf import conf_declarations, conf_schema, visual_kept, written_name
from annotator.formats.brat_shortcuts import SHORTCUTS
from annotator.formats.brat_text import REST_SUFFIXES
from annotator.formats.brat_tools import TOOLS, tools_kept
from annotator.formats.reading import read_file_bytes
from annotator.importing import decode_text
from annotator.schema import Schema


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


CONF_NAMES = ("annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf")  # a brat folder's own settings


def not_brat(files: list[Path]) -> list[Path]:
    """The files of a brat folder (``files``: what ``format_inputs.folder_files`` finds in it) that brat's reader does
    not read: no document's text or annotations (``stem_of``), no conf of brat's; a ``.jsonl`` or a note beside the
    pairs, each told by its own content (session 34: passed over without a word)."""
    return [f for f in files if stem_of(f) is None and f.name not in CONF_NAMES]


def ann_files(stem: Path) -> list[Path]:
    """The files that hold a document's annotations, as brat's reader picks them: ``NAME.ann`` when it exists, else
    every partial file there is (``NAME.a1``, ``NAME.a2``, ``NAME.co``, ``NAME.rel``, read as one)."""
    ann = pair_of(stem)[1]
    if ann.exists():
        return [ann]
    return [p for p in (stem.parent / f"{stem.name}{s}" for s in PARTIAL_SUFFIXES) if p.exists()]


# brat's BIONLP_ST_2013_NORMALIZATION_RES (server/src/annotation.py): the 2013 tasks' N lines as brat's own; brat's
# take the type Reference alone, the Bacteria Biotope tasks (2016, 2019) write their own types in that form
# (``N1	OntoBiotope Annotation:T4 Referent:OBT:000372``, ``N2	NCBI_Taxonomy Annotation:T3 Referent:1590``), which
# refused their whole file ("normalisation: unknown target or reference"): any type now
BIONLP_2013_NORMALIZATION = (
    (re.compile(r"^(\S+) Annotation:(\S+) Referent:(\S+)"), r"\1 \2 \3"),
    (re.compile(r"^(\S+) Referent:(\S+) Annotation:(\S+)"), r"\1 \3 \2"),
)


def read_parts(parts: list[Path]) -> tuple[str, list[tuple[Path, int]]]:
    """A document's annotation files read as one text (``NAME.ann``, or its ``.a1``, ``.a2``, ... one after the other)
    and where each begins: (file, the line of the whole it starts on)."""
    texts, starts, at = [], [], 1
    for part in parts:
        t = decode_text(part.read_bytes(), str(part), nuls_kept=True)[0] if part.stat().st_size else ""
        t = t if not t or t.endswith("\n") else t + "\n"
        starts.append((part, at))
        at += t.count("\n")
        texts.append(t)
    return "".join(texts), starts


def given_upto(starts: list[tuple[Path, int]]) -> int | None:
    """For a document's parts read as one (``read_parts``' starts), the last line of the whole that its ``NAME.a1``
    (the task's given entities) holds: 0 when the parts have no .a1, None when the annotations are a ``NAME.ann``."""
    if not starts or starts[0][0].suffix not in PARTIAL_SUFFIXES:
        return None
    if starts[0][0].suffix != ".a1":
        return 0
    return starts[1][1] - 1 if len(starts) > 1 else sys.maxsize


def rest_suffix(starts: list[tuple[Path, int]]) -> str | None:
    """The suffix of the one part beside a document's ``NAME.a1`` when it is not ``.a2``: the BioNLP Shared Tasks'
    REL task gives its relations in ``NAME.rel``, the CO task some in ``NAME.co``; None otherwise."""
    rest = [p.suffix for p, _ in starts if p.suffix != ".a1"]
    return rest[0] if len(rest) == 1 and rest[0] in REST_SUFFIXES else None


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


@dataclass
class ReadConf:
    """annotation.conf (+ visual.conf) read: its ``schema``, ``warnings``, what the schema has no place for
    (``declared``: ``conf_declarations``) and the schema's name our export's first line gives (``written``: None for
    another tool's conf)."""

    schema: Schema
    warnings: list[str]
    declared: dict[str, list[str]]
    written: str | None


def read_annotation_conf(path: Path, visual: Path | None = None, name: str | None = None) -> ReadConf:
    """annotation.conf (+ visual.conf, + kb_shortcuts.conf beside it) as a Schema (named as its first line says, else
    ``name``, else its folder)."""
    data = read_file_bytes(path)
    text = decode_text(data, str(path))[0] if data else ""  # in the import's encoding, as the texts are
    written = written_name(text)
    shortcuts = path.parent / SHORTCUTS  # the types' keys a brat server offered: the labels' keys
    schema, warnings = conf_schema(text, path, visual, written or name or path.parent.name, shortcuts)
    declared = conf_declarations(text, path) | visual_kept(visual) | tools_kept(path.parent / TOOLS)  # written back
    return ReadConf(schema, warnings, declared, written)
