"""CoNLL-2003-style IOB2 export of the flat entities: ``TOKEN -X- _ TAG`` a line, a blank line between
sentences, ``-DOCSTART- -X- O O`` before each document (``docstart=no`` leaves it out): the one document
line ``spacy convert`` recognises, and one seqeval reads as an ``O`` token.

Entities that stand for a nested event (a label that is also an event type: see brat import) are not
entities of the text: they are left out.

Overlapping entities cannot be flat: the longest wins (then the earliest) and the others are reported.
Whitespace tokens (line breaks, runs of spaces) are not written. Events, states and comments are lost.

Import (``read_conll``): CoNLL-2003 and the column files made like it (our export, ``spacy convert``'s input, the
copies named ``train.txt`` or ``eng.train``): a token a line, its tag in the rightmost column whose every value is
``O`` or ``B-X``/``I-X`` (IOB2, IOB1, and BIOES/BILOU's ``S-``/``E-``/``U-``/``L-``), columns split by tabs when the
line has any (a token may hold spaces), else by runs of spaces. ``-DOCSTART-`` lines start a document (a file without
one is one document); a blank line ends a sentence; a line starting with ``#`` that is not a token line is a comment.
CoNLL keeps no original text: the text is rebuilt from the tokens, a space between tokens and a line per sentence;
the tokens and sentences are stored as the document's tokens (``IncomingDocument.tokens``), so the token exports cut
it as the file did (``U.S.``, ``1996-08-22`` and ``'s`` stay whole) until a pre-annotation replaces them.
spaCy's ``iob`` converter input (WikiNER's layout) is read too: a sentence a line, ``word|TAG`` or ``word|POS|TAG``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.formats.brat_conf import proxy_labels
from annotator.formats.common import (
    FormatExportReport,
    LabelTally,
    ReadResult,
    need,
    option_choice,
    read_text_file,
    write_per_part,
)
from annotator.formats.regions import Region, build_document
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.tokens import ALIGN_MODES, DocTokens, align
from annotator.schema import Schema
from annotator.store import Project


DOCSTART = "-DOCSTART- -X- O O"


def flat_tags(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    mode: str = "expand",
    skip: set[str] | frozenset[str] = frozenset(),
) -> list[str]:
    """IOB2 tag per token; overlapping entities: longest first, then earliest; labels in ``skip`` left out."""
    name = rec["name"]
    spans = []
    for e in rec["entities"]:
        if e["label"] in skip:
            continue
        hit = align(toks, e["start"], e["end"], mode, report, f"{name}: entity {e['label']}")
        if hit is not None:
            spans.append((hit[0], hit[1], e["label"], e["start"], e["end"]))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    tags = ["O"] * len(toks)
    for i, j, label, s, e in spans:
        if any(t != "O" for t in tags[i : j + 1]):
            report.problem("overlapping entities left out", f"{name}: {label} [{s}, {e})")
            continue
        tags[i] = f"B-{label}"
        for k in range(i + 1, j + 1):
            tags[k] = f"I-{label}"
    return tags


def document_conll(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    mode: str,
    docstart: bool,
    skip: set[str] | frozenset[str] = frozenset(),
) -> str:
    text = rec["text"]
    tags = flat_tags(rec, toks, report, mode, skip)
    out = [DOCSTART, ""] if docstart else []
    sent_starts = set(toks.sent_starts)
    sentence: list[str] = []
    for k in range(len(toks)):
        if k in sent_starts and sentence:
            out += sentence + [""]
            sentence = []
        if toks.is_space(text, k):
            continue
        word = text[toks.starts[k] : toks.ends[k]]
        if " " in word or "\t" in word or "\n" in word or "\xa0" in word:  # a DocBin's word may hold a space
            follow = "O" if tags[k] == "O" else "I-" + tags[k][2:]  # the rest of a split token: inside its entity
            sentence += [f"{w} -X- _ {tags[k] if i == 0 else follow}" for i, w in enumerate(word.split())]
        else:
            sentence.append(f"{word} -X- _ {tags[k]}")
    if sentence:
        out += sentence + [""]
    return "\n".join(out) + "\n"


@export_writer("conll")
def write_conll(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    opts = dict(request.options)
    mode = option_choice(opts, "misaligned", ALIGN_MODES)
    docstart = option_choice(opts, "docstart", ("yes", "no")) == "yes"
    skip = proxy_labels(project.schema)
    return write_per_part(
        project,
        out,
        request,
        "conll",
        lambda rec, toks, report: document_conll(rec, toks, report, mode, docstart, skip).encode("utf-8"),
    )


TAG = re.compile(r"O|[BIESLU]-\S+")
SNIFF_LINES = 200
# a value that holds nothing: a column of only these is a placeholder (our export's "-X- _", CoNLL-U's "_"), not data
PLACEHOLDERS = frozenset({"_", "-X-"})


def _fields(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


# CoNLL-2000's chunk labels: a column of B-NP, I-VP... is syntax (CoNLL-2003's third column), not entities
CHUNKS = frozenset("NP VP PP ADVP ADJP SBAR PRT CONJP INTJ LST UCP".split())


@dataclass(frozen=True)
class Shape:
    """The columns of a CoNLL file's token lines: how many, which holds the token, which hold entity tags."""

    width: int
    token: int
    tags: tuple[int, ...]


def column_shape(lines: list[str]) -> Shape | None:
    """The columns of CoNLL token lines, told from the first of ``lines``; None when they are not such lines.

    The tag columns are the columns at the right whose every value is a tag (``O`` alone in a file without
    entities), up to one that is not, or that holds chunks (CoNLL-2003's ``B-NP``): the last one alone in CoNLL-2003, both of
    GermEval 2014's (outer and nested entities). The token is the first column, or the second after a column of
    token numbers (GermEval's ``1\tAuch\tO\tO``, CoNLL-U's ID)."""
    rows = []
    for line in lines:
        if not line.strip() or line.startswith("-DOCSTART-"):
            continue
        rows.append(_fields(line))
        if len(rows) == SNIFF_LINES:
            break
    counts = Counter(len(r) for r in rows if not r[0].startswith("#"))
    if not counts:
        return None
    width = counts.most_common(1)[0][0]
    rows = [r for r in rows if len(r) == width]  # comments and odd lines aside
    if width < 2 or 2 * len(rows) < sum(counts.values()):
        return None
    token = 1 if width >= 3 and all(r[0].isdigit() for r in rows) else 0
    tags: list[int] = []
    for col in range(width - 1, token, -1):
        values = [r[col] for r in rows]
        labels = {v[2:] for v in values if v != "O"}  # none: a file without entities (our export of such documents)
        if not all(TAG.fullmatch(v) for v in values) or (labels and labels <= CHUNKS):
            if tags:
                break
            continue  # a column after the tags (LexiconNER's "TOKEN TAG 0")
        tags.append(col)
    return Shape(width, token, tuple(sorted(tags))) if tags else None


def _piped(token: str) -> list[str] | None:
    parts = token.split("|")
    return parts if len(parts) in (2, 3) and parts[0] and TAG.fullmatch(parts[-1]) else None


def sentence_lines(lines: list[str]) -> bool:
    """Whether ``lines`` are spaCy's ``iob`` converter input (WikiNER's): a sentence a line, each token
    ``word|TAG`` or ``word|POS|TAG``, told from the first of them."""
    sample = [line for line in lines if line.strip() and not line.startswith("-DOCSTART-")][:SNIFF_LINES]
    return bool(sample) and all(_piped(t) for line in sample for t in line.split())


def _token_rows(path: Path, lines: list[str]) -> tuple[list[tuple[int, str]], int]:
    """(line number, column line) a token, and how many columns besides the token and the tag the file had: a
    sentence-a-line file becomes a token a line, a blank line after each sentence."""
    if not sentence_lines(lines):
        return list(enumerate(lines, start=1)), 0
    rows: list[tuple[int, str]] = []
    other = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("-DOCSTART-"):
            rows.append((number, line))
            continue
        for token in line.split():
            parts = _piped(token)
            need(parts is not None, path, number, f"{token!r} is not WORD|TAG or WORD|POS|TAG")
            assert parts is not None
            other = max(other, len(parts) - 2)
            rows.append((number, f"{parts[0]}\t{parts[-1]}"))
        rows.append((number, ""))
    return rows, other


def read_conll(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """A CoNLL-2003-style column file: documents at ``-DOCSTART-``, entities from the tag column."""
    path = Path(path)
    rows, piped_other = _token_rows(path, read_text_file(path).lstrip("\ufeff").replace("\r\n", "\n").split("\n"))
    lines = [line for _, line in rows]
    shape = column_shape(lines)
    need(
        shape is not None,
        path,
        None,
        "not a CoNLL file: no column of IOB tags (O, B-LABEL, I-LABEL) on the token lines",
    )
    assert shape is not None
    width, col = shape.width, shape.tags[-1]
    others = [c for c in range(shape.token + 1, width) if c not in shape.tags]  # token numbers are no data
    data: set[int] = set()  # the columns of ``others`` with a value that is not a placeholder
    warnings: list[str] = []
    notes: list[str] = []
    docs = []
    unknown = LabelTally(path)
    comments = 0
    pieces: list[str] = []  # the document's text so far
    regions: list[Region] = []
    first_line: int | None = None
    opened: dict[int, Region | None] = {}  # the entity going on in each tag column
    tok_starts: list[int] = []  # the file's tokens, kept as the document's tokens
    tok_ends: list[int] = []
    sent_starts: list[int] = []
    at = 0  # the text's length so far
    new_sentence = True

    def finish() -> None:
        nonlocal pieces, regions, first_line, at, opened, new_sentence, tok_starts, tok_ends, sent_starts
        if pieces:
            with unknown.collect():
                doc = build_document(
                    "".join(pieces),
                    f"{path.name}:{first_line}",
                    regions,
                    [],
                    schema,
                    path,
                    first_line or 1,
                    warnings,
                    source="conll",
                )
                doc.tokens, doc.tokens_source = (tok_starts, tok_ends, sent_starts), "conll"
                docs.append(doc)
        pieces, regions, first_line, at, opened, new_sentence = [], [], None, 0, {}, True
        tok_starts, tok_ends, sent_starts = [], [], []

    for number, line in rows:
        if not line.strip():
            opened, new_sentence = {}, True
            continue
        fields = _fields(line)
        if fields[0] == "-DOCSTART-":
            finish()
            continue
        if line.startswith("#") and (len(fields) != width or not TAG.fullmatch(fields[col])):
            comments += 1
            continue
        need(
            len(fields) == width,
            path,
            number,
            f"{len(fields)} columns where the file's token lines have {width}",
        )
        token = fields[shape.token]
        for c in shape.tags:
            need(
                bool(TAG.fullmatch(fields[c])),
                path,
                number,
                f"{fields[c]!r} is not a tag (O, B-LABEL, I-LABEL, E-, S-)",
            )
        need(token != "", path, number, "no token")
        for c in others:
            if fields[c] not in PLACEHOLDERS:
                data.add(c)
        if first_line is None:
            first_line = number
        if pieces:
            pieces.append("\n" if new_sentence else " ")
            at += 1
        if new_sentence:
            sent_starts.append(len(tok_starts))
        new_sentence = False
        start, end = at, at + len(token)
        for m in re.finditer(r"\S+", token):  # a tab-separated token may hold a space: its words, as tokens
            tok_starts.append(start + m.start())
            tok_ends.append(start + m.end())
        pieces.append(token)
        at = end
        for c in shape.tags:  # one entity layer a column (GermEval's second: entities inside entities)
            tag, open_ = fields[c], opened.get(c)
            if tag == "O":
                opened[c] = None
                continue
            prefix, label = tag[0], tag[2:]
            if prefix in "IEL" and open_ is not None and open_.label == label:
                open_.end = end  # the entity goes on
            else:  # B-, S-, U-, or an I- after O or another label (IOB1)
                open_ = Region(len(regions), start, end, label)
                regions.append(open_)
            opened[c] = None if prefix in "ESLU" else open_
    finish()
    unknown.check()
    need(bool(docs), path, None, "no tokens in the file")
    notes.append(
        f"{path}: CoNLL keeps no original text: each document's text is its tokens, a space between them and a "
        "line per sentence"
    )
    other = len(data) + piped_other
    if other:  # printed after "not kept: "
        warnings.append(
            f"{path}: {other} column{'s' if other > 1 else ''} besides the token and the entity tag "
            "(CoNLL-2003's part-of-speech and chunk tags, say)"
        )
    if comments:
        warnings.append(f"{path}: {comments} comment lines (starting with #)")
    return ReadResult(docs, None, warnings, notes)
