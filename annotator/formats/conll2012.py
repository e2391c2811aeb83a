"""CoNLL-2012's OntoNotes files (``*.gold_conll``, ``*.v4_gold_conll``, ``*_auto_conll``, and the ``.conll`` copies
tools make of them: the shared task's format, in which OntoNotes 5.0's named entities are handed round), for
``conll_read`` to read as a CoNLL column file: their rows as a word and an IOB2 tag each.

A document starts at ``#begin document (nw/wsj/00/wsj_0001); part 000`` and ends at ``#end document``; a token a line,
its columns split by runs of spaces: the document, the part, the word's number, **the word** (4th), its part of speech,
its piece of the parse, lemma, frameset, word sense, speaker, **the named entities** (11th, in brackets: ``(PERSON*``
opens one, ``*)`` closes it, ``(GPE)`` is one word, ``*`` inside or outside), the predicates' arguments (a column each)
and the coreference (last: ``(12`` opens a mention of chain 12, ``12)`` closes one, ``(12)`` is one word, ``|`` between
several). The words are Penn Treebank's, brackets escaped (``-LRB-``, ``-RCB-``) and some marks after
a slash (``/.``, ``/?``): read as the characters they stand for, so the text reads as written. The document is named
``nw/wsj/00/wsj_0001 part 000``. The coreference chains among named entities are kept as the project keeps chains (``conllu_chains``: out as DyGIE++'s
clusters, WebAnno TSV's chains), a mention on no named entity's words said as not kept (most are no name: "he", "the
company"; session 31: the column was not read). The other columns are said as not kept. Session 30: such a file was "unknown kind of
file" (``.gold_conll``), or as ``.conll`` refused, "no column of IOB tags".
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.formats.reading import need

BEGIN = re.compile(r"#begin document \((.*)\);\s*part\s+(\d+)\s*")
END = "#end document"
WORD, NAMES = 3, 10  # the word's column and the named entities' (0-based)
LEAST = 12  # columns a token line has at least: the eleven before the predicates' arguments, and the coreference
CELL = re.compile(r"(?:\((?P<label>[A-Za-z][\w-]*)\)|\((?P<opens>[A-Za-z][\w-]*)\*(?P<shut>\))?|\*(?P<closes>\))?)")
ESCAPED = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
SNIFF = 50
COREF = re.compile(r"(?P<opens>\()?(?P<chain>\d+)(?P<closes>\))?")  # (12  12)  (12): opens, closes, both


def _token_line(line: str) -> list[str] | None:
    fields = line.split()
    return fields if len(fields) >= LEAST and CELL.fullmatch(fields[NAMES]) else None


def is_conll2012(lines: list[str]) -> bool:
    """Whether ``lines`` (the start of a file) are a CoNLL-2012 file: its first line that is not blank begins a
    document, and its token lines have a column of named entities in brackets, the 11th."""
    filled = [line for line in lines if line.strip()]
    if not filled or not BEGIN.fullmatch(filled[0].rstrip()):
        return False
    sample = [line for line in filled[1:] if not line.startswith("#")][:SNIFF]
    return bool(sample) and all(_token_line(line) is not None for line in sample)


def word(token: str) -> str:
    """A Penn Treebank word as the text has it: ``-LRB-`` is ``(``, ``/.`` is ``.``."""
    if token in ESCAPED:
        return ESCAPED[token]
    return token[1:] if len(token) == 2 and token[0] == "/" else token


def with_bracket_tags(
    path: Path, rows: list[tuple[int, str]], mentions: list[tuple[int, int, str, str]] | None = None
) -> tuple[list[tuple[int, str]], list[str], list[str]]:
    """``rows`` (line number, line) of a CoNLL-2012 file as a word and its IOB2 tag each (tab-separated), a document
    marker (``# newdoc id = NAME``) at each ``#begin document``; the notes and the warnings (not kept) on how they were
    read. ``rows`` unchanged when they are no CoNLL-2012 file. ``mentions`` gets the coreference column's mentions
    (first word's line, last word's line, no type, the chain's id within its document), as CorefUD's are got."""
    if not is_conll2012([line for _, line in rows[:2000]]):
        return rows, [], []
    out: list[tuple[int, str]] = []
    current: str | None = None
    escaped = 0
    document = ""
    opened: dict[str, list[int]] = {}  # a chain id -> the lines its open mentions start on
    for number, line in rows:
        begins = BEGIN.fullmatch(line.rstrip())
        if begins:
            document = f"{begins.group(1)} part {begins.group(2)}"
            out.append((number, f"# newdoc id = {document}"))
            current = None
            continue
        if not line.strip() or line.startswith(END):
            out.append((number, ""))
            current = None  # a name never runs past its sentence
            if any(opened.values()):  # a mention never runs past its sentence either
                need(False, path, number, f"a coreference mention of chain {_open(opened)} not closed")
            continue
        fields = _token_line(line)
        need(fields is not None, path, number, "not a CoNLL-2012 token line (12 columns or more, the 11th in brackets)")
        assert fields is not None
        for first, chain in _corefer(fields[-1], number, opened, path):
            if mentions is not None:
                mentions.append((first, number, "", f"{document}#{chain}"))
        cell = CELL.fullmatch(fields[NAMES])
        assert cell is not None
        single, opens = cell.group("label"), cell.group("opens")
        if single or opens:
            need(current is None, path, number, f"a name opens inside {current!r}, which is not closed")
            tag = f"B-{single or opens}"
            current = opens if opens and not cell.group("shut") else None
        else:
            tag = f"I-{current}" if current else "O"
            if cell.group("closes"):
                need(current is not None, path, number, "a name closes that did not open ('*)' without its '(')")
                current = None
        text = word(fields[WORD])
        escaped += text != fields[WORD]
        out.append((number, f"{text}\t{tag}"))
    notes = [
        f"{path}: read as CoNLL-2012 (OntoNotes): the words (column 4) and the named entities (column 11, in brackets),"
        " a document at each '#begin document', named by its id and part"
        + (
            f"; {escaped} Penn Treebank escapes read as what they stand for (-LRB- as '(', /. as '.')"
            if escaped
            else ""
        )
    ]
    warnings = [
        f"{path}: CoNLL-2012's part-of-speech, parse, lemma, frameset, word sense, speaker and predicate argument "
        "columns"
    ]
    return out, notes, warnings


def _open(opened: dict[str, list[int]]) -> str:
    return next(chain for chain, lines in opened.items() if lines)


def _corefer(cell: str, number: int, opened: dict[str, list[int]], path: Path) -> list[tuple[int, str]]:
    """The mentions a coreference cell closes (``(12)``, ``12)``, ``(3|(12)``: each the line it began on and its chain),
    after opening those it opens (``(12``); ``-`` none. A cell of another shape, or one that closes what did not open,
    refuses the file with its line."""
    closed: list[tuple[int, str]] = []
    if cell == "-":
        return closed
    for part in cell.split("|"):
        got = COREF.fullmatch(part)
        need(got is not None, path, number, f"the coreference column's {part!r} is not '(N', 'N)', '(N)' or '-'")
        assert got is not None
        chain = got.group("chain")
        need(
            bool(got.group("opens") or got.group("closes")),
            path,
            number,
            f"the coreference column's {part!r} has no bracket",
        )
        if got.group("opens"):
            opened.setdefault(chain, []).append(number)
        if got.group("closes"):
            need(bool(opened.get(chain)), path, number, f"a coreference mention of chain {chain} closes, never opened")
            closed.append((opened[chain].pop(), chain))
    return closed
