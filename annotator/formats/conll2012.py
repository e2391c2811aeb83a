"""CoNLL-2012's OntoNotes files (``*.gold_conll``, ``*.v4_gold_conll``, ``*_auto_conll``, and the ``.conll`` copies
tools make of them: the shared task's format, in which OntoNotes 5.0's named entities are handed round), for
``conll_read`` to read as a CoNLL column file: their rows as a word and an IOB2 tag each.

A document starts at ``#begin document (nw/wsj/00/wsj_0001); part 000`` and ends at ``#end document``; a token a line,
its columns split by runs of spaces: the document, the part, the word's number, **the word** (4th), its part of speech,
its piece of the parse, lemma, frameset, word sense, speaker, **the named entities** (11th, in brackets: ``(PERSON*``
opens one, ``*)`` closes it, ``(GPE)`` is one word, ``*`` inside or outside), the predicates' arguments (a column each)
and the coreference (last). The words are Penn Treebank's, brackets escaped (``-LRB-``, ``-RCB-``) and some marks after
a slash (``/.``, ``/?``): read as the characters they stand for, so the text reads as written. The document is named
``nw/wsj/00/wsj_0001 part 000``. The other columns are said as not kept. Session 30: such a file was "unknown kind of
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


def with_bracket_tags(path: Path, rows: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[str], list[str]]:
    """``rows`` (line number, line) of a CoNLL-2012 file as a word and its IOB2 tag each (tab-separated), a document
    marker (``# newdoc id = NAME``) at each ``#begin document``; the notes and the warnings (not kept) on how they were
    read. ``rows`` unchanged when they are no CoNLL-2012 file."""
    if not is_conll2012([line for _, line in rows[:2000]]):
        return rows, [], []
    out: list[tuple[int, str]] = []
    current: str | None = None
    escaped = 0
    for number, line in rows:
        begins = BEGIN.fullmatch(line.rstrip())
        if begins:
            out.append((number, f"# newdoc id = {begins.group(1)} part {begins.group(2)}"))
            current = None
            continue
        if not line.strip() or line.startswith(END):
            out.append((number, ""))
            current = None  # a name never runs past its sentence
            continue
        fields = _token_line(line)
        need(fields is not None, path, number, "not a CoNLL-2012 token line (12 columns or more, the 11th in brackets)")
        assert fields is not None
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
        f"{path}: CoNLL-2012's part-of-speech, parse, lemma, frameset, word sense, speaker, predicate argument and "
        "coreference columns"
    ]
    return out, notes, warnings
