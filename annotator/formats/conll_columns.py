"""A CoNLL column file's columns told from its token lines, for the reader (``conll_read``) and for telling a file's
format (``detect``): which column holds the token and which the entity tags (``column_shape``), whether a last
column is the IO scheme's (``io_column``), whether lines of a file of any name are CoNLL token lines
(``column_file``) or spaCy's ``iob`` converter input, a sentence a line (``sentence_lines``), and the names a CoNLL-U
Plus file's ``# global.columns`` gives its columns (``global_columns``), or CoNLL-U's own (``column_names``)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from annotator.formats.iob import TAG

SNIFF_LINES = 200
BARE_LABEL = re.compile(r"[^\W\d_][\w.:/-]{0,63}")  # an IO label: a word, dashes and dots inside (person-actor)
# a value that holds nothing: a column of only these is a placeholder (our export's "-X- _", CoNLL-U's "_"), not data
PLACEHOLDERS = frozenset({"_", "-X-", "-"})  # UNER's "-" too
# CoNLL-2000's chunk labels: a column of B-NP, I-VP... is syntax (CoNLL-2003's third column), not entities
CHUNKS = frozenset("NP VP PP ADVP ADJP SBAR PRT CONJP INTJ LST UCP".split())
# CoNLL-U's comments "# key = value" ("# text = Bo left." has as many words as UNER's five columns: it was sampled as a
# token line, and the tag column was not found); WNUT's token "#" ("#\tO") has no "="
KEY_VALUE = re.compile(r"#[^\t=]*=")


def line_fields(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


@dataclass(frozen=True)
class Shape:
    """The columns of a CoNLL file's token lines: how many, which holds the token, which hold entity tags."""

    width: int
    token: int
    tags: tuple[int, ...]
    io: bool = False  # the tag column holds O and bare labels (Few-NERD's person-actor, Stanford NER's PERSON)


def sampled_rows(lines: list[str]) -> tuple[list[list[str]], int] | None:
    """The first token lines' fields (comments and odd lines aside) and their width, or None when they are not
    column lines."""
    rows = []
    for line in lines:
        if not line.strip() or line.startswith("-DOCSTART-") or KEY_VALUE.match(line):
            continue
        rows.append(line_fields(line))
        if len(rows) == SNIFF_LINES:
            break
    counts = Counter(len(r) for r in rows if not r[0].startswith("#"))
    if not counts:
        return None
    width = counts.most_common(1)[0][0]
    rows = [r for r in rows if len(r) == width]
    if width < 2 or 2 * len(rows) < sum(counts.values()):
        return None
    return rows, width


def column_shape(lines: list[str]) -> Shape | None:
    """The columns of CoNLL token lines, told from the first of ``lines``; None when they are not such lines.

    The tag columns are the columns at the right whose every value is a tag (``O`` alone in a file without
    entities), up to one that is not, or that holds chunks (CoNLL-2003's ``B-NP``): the last one alone in CoNLL-2003,
    both of GermEval 2014's (outer and nested entities). The token is the first column, or the second after a column
    of token numbers (GermEval's ``1\\tAuch\\tO\\tO``, CoNLL-U's ID)."""
    sample = sampled_rows(lines)
    if sample is None:
        return None
    rows, width = sample
    token = token_column(rows, width)
    tags: list[int] = []
    for col in range(width - 1, token, -1):
        values = [r[col] for r in rows]
        labels = {v[2:] for v in values if v != "O"}  # none: a file without entities (our export of such documents)
        if not all(TAG.fullmatch(v) for v in values) or (labels and labels <= CHUNKS):
            if tags:
                break
            continue  # a column after the tags (LexiconNER's "TOKEN TAG 0")
        tags.append(col)
    if not tags and width - 1 > token and io_column([r[width - 1] for r in rows]):
        return Shape(width, token, (width - 1,), io=True)
    return Shape(width, token, tuple(sorted(tags))) if tags else None


def io_column(values: list[str]) -> bool:
    """Whether a last column is tags of the IO scheme: ``O`` and bare labels (Few-NERD's ``person-actor``, Stanford
    NER's ``PERSON``), ``O`` at least a third of them (the sign: no part-of-speech or chunk column has an ``O``), some
    labels, no B-/I- tag among them. Session 31: Few-NERD's ``train.txt`` came in as one plain document, its labels
    as words, and a ``.conll`` copy was refused until ``--option scheme=io`` was given."""
    outside = sum(v == "O" for v in values)
    return (
        3 * outside >= len(values)
        and outside < len(values)
        and all(v == "O" or BARE_LABEL.fullmatch(v) and not TAG.fullmatch(v) for v in values)
    )


def column_file(lines: list[str]) -> bool:
    """Whether ``lines`` are CoNLL token lines told from their content alone (a file of another name than a CoNLL
    one: ``train.txt``, ``eng.train``): more than one token line, the tag columns at their right end (one column may
    follow, LexiconNER's, beside columns of placeholders alone, UNER's ``-``: session 31, its ``.iob2`` copied to a
    ``.txt`` came in as one plain document). One line of prose is one "row" of many columns, and a word of it that looks
    like a tag ("E-commerce", "S-400", "U-235") was taken for its tag column: a plain sentence became a one-token
    document."""
    sample, shape = sampled_rows(lines), column_shape(lines)
    if sample is None or shape is None or len(sample[0]) <= 1:
        return False
    after = range(max(shape.tags) + 1, shape.width)  # placeholder columns aside (UNER's "-\t-" after its tags)
    return sum(1 for c in after if not all(r[c] in PLACEHOLDERS for r in sample[0])) <= 1


def token_column(rows: list[list[str]], width: int) -> int:
    return 1 if width >= 3 and all(r[0].isdigit() for r in rows) else 0


def piped_fields(token: str) -> list[str] | None:
    parts = token.split("|")
    return parts if len(parts) in (2, 3) and parts[0] and TAG.fullmatch(parts[-1]) else None


def sentence_lines(lines: list[str]) -> bool:
    """Whether ``lines`` are spaCy's ``iob`` converter input (WikiNER's): a sentence a line, each token
    ``word|TAG`` or ``word|POS|TAG``, told from the first of them."""
    sample = [line for line in lines if line.strip() and not line.startswith("-DOCSTART-")][:SNIFF_LINES]
    return bool(sample) and all(piped_fields(t) for line in sample for t in line.split())


# CoNLL-U's ten columns, as its specification names them (a .conllu without CoNLL-U Plus's first line has these)
CONLLU_COLUMNS = ("ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC")
GLOBAL_COLUMNS = re.compile(r"#\s*global\.columns\s*=\s*(.*)")  # CoNLL-U Plus: the file's first line names its columns


def global_columns(lines: list[str]) -> list[str]:
    """The names CoNLL-U Plus's first line (``# global.columns = ID FORM UPOS ... NE``) gives a file's columns, in
    order; [] without one."""
    first = next((line for line in lines if line.strip()), "")
    got = GLOBAL_COLUMNS.fullmatch(first.strip())
    return got.group(1).split() if got else []


def column_names(path: Path, lines: list[str]) -> tuple[list[str], str]:
    """The names of a file's columns and who gives them: CoNLL-U Plus's first line (``global_columns``), else
    CoNLL-U's own ten (``CONLLU_COLUMNS``) of a ``.conllu`` whose token lines have ten; ([], "") for another file."""
    given = global_columns(lines)
    if given:
        return given, "its '# global.columns'"
    first = next((x for x in lines if x.strip() and not x.startswith("#")), "")
    if path.suffix.lower() == ".conllu" and len(first.rstrip("\r\n").split("\t")) == len(CONLLU_COLUMNS):
        return list(CONLLU_COLUMNS), "CoNLL-U"
    return [], ""
