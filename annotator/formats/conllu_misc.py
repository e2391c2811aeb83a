"""CoNLL-U's entities in MISC (the tenth column) as tag columns of their own, for ``read_conll`` to read as any
other tag column.

Two shapes, as UD corpora with a named-entity layer and the tools that write them put them there:

- a key whose values are IOB or BIOES tags: ``NER=B-per`` (SSJ, classla), ``NER=B-PERSON`` (LatinCy's output),
  ``ner=B-PERSON``/``ner=E-PERSON`` (Stanza's), ``name=B-PER`` (NorNE); a token without the key is ``O``;
- CorefUD's ``Entity=`` brackets: ``(e1-person-1-new`` opens a mention, ``e1)`` closes it, ``(person-1)`` is a one-word
  mention (GUM's older ``type-id`` order); the type is the ``etype`` field the ``# global.Entity = eid-etype-...``
  header names, else the field after an id such as ``e1``/``c1``, else the first. Mentions nest (``(place-10)person-1)``
  closes two): each goes to the first tag column where it overlaps no other, so a nested mention is a tag column
  further right, as GermEval's nested entities are.

A token line gets the tag columns appended (every line as many); the MISC column stays a column besides the token and
the tags (not kept, as before). What cannot be read as an entity is said: a mention without a type (``(c1--1)``, a
coreference model's output), one never closed in its sentence, a closing bracket that closes nothing. Which mentions
corefer (their entity ids) goes to ``mentions`` (first and last word's line, type, id), which ``conllu_chains`` keeps
as coreference chains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.formats.iob import TAG
from annotator.wording import counted

MISC = 9  # CoNLL-U's tenth column
GLOBAL_ENTITY = re.compile(r"#\s*global\.Entity\s*=\s*(\S+)")
ID_LIKE = re.compile(r"[a-z]?\d+(\[\d+/\d+\])?")  # CorefUD's eid (e1, c12, e3[1/2]) or GUM's number


def misc_fields(value: str) -> dict[str, str]:
    """A MISC value's ``key=value`` pairs (``_`` is none; a bare key is ``Yes``, as UD reads it)."""
    if value in ("_", ""):
        return {}
    out: dict[str, str] = {}
    for part in value.split("|"):
        key, eq, val = part.partition("=")
        out[key] = val if eq else "Yes"
    return out


def _is_word(fields: list[str]) -> bool:
    return len(fields) == 10 and fields[0].isdigit()


def tag_key(lines: list[str]) -> str | None:
    """The MISC key whose every value is a tag, not all ``O`` (``NER``, ``ner``, ``name``), in CoNLL-U ``lines``."""
    seen: dict[str, bool] = {}
    some: set[str] = set()
    for line in lines:
        fields = line.split("\t")
        if not _is_word(fields):
            continue
        for key, val in misc_fields(fields[MISC]).items():
            seen[key] = seen.get(key, True) and TAG.fullmatch(val) is not None
            if val != "O":
                some.add(key)
    return next((k for k, ok in seen.items() if ok and k in some), None)


def has_brackets(lines: list[str]) -> bool:
    """Whether CoNLL-U ``lines`` hold CorefUD's ``Entity=`` mentions."""
    for line in lines:
        fields = line.split("\t")
        if _is_word(fields) and "(" in misc_fields(fields[MISC]).get("Entity", ""):
            return True
    return False


def misc_entities(lines: list[str]) -> bool:
    """Whether CoNLL-U ``lines`` hold entities in MISC (a tag key, or ``Entity=`` brackets)."""
    return tag_key(lines) is not None or has_brackets(lines)


def _brackets(value: str) -> list[tuple[str, str]]:
    """An ``Entity=`` value as ("open"/"close"/"one", name) in order: ``(e1-person-1(e2-place-2)e1)`` is open e1...,
    one e2..., close e1."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(value):
        if value[k] == "(":
            j = k + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            if j < len(value) and value[j] == ")":
                out.append(("one", value[k + 1 : j]))
                j += 1
            else:
                out.append(("open", value[k + 1 : j]))
            k = j
        else:
            j = value.find(")", k)
            if j < 0:
                break
            out.append(("close", value[k:j].strip("(")))
            k = j + 1
    return out


@dataclass
class _Order:
    """Which dash-separated field of a mention is its id and which its type (``# global.Entity``, else told)."""

    eid: int | None = None
    etype: int | None = None

    def split(self, name: str) -> tuple[str, str]:
        parts = name.split("-")
        if self.etype is not None:
            eid = parts[self.eid] if self.eid is not None and self.eid < len(parts) else name
            return eid, parts[self.etype] if self.etype < len(parts) else ""
        if len(parts) > 1 and ID_LIKE.fullmatch(parts[0]):
            return parts[0], parts[1]
        return name, parts[0]


@dataclass
class _Tally:
    untyped: int = 0
    unclosed: list[int] = field(default_factory=list)  # line numbers
    stray: list[int] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    mentions: int = 0


def _sentence_mentions(
    words: list[tuple[int, list[str]]], order: _Order, tally: _Tally
) -> list[tuple[int, int, str, str]]:
    """The sentence's mentions as (first word, last word, type, entity id), from its words' ``Entity=`` brackets."""
    open_: list[tuple[int, str, str, str]] = []  # (first word, name, eid, type)
    found: list[tuple[int, int, str, str]] = []

    def keep(first: int, last: int, eid: str, etype: str) -> None:
        if not etype:
            tally.untyped += 1
            return
        tally.mentions += 1
        tally.ids.add(eid)
        found.append((first, last, etype, eid))

    for w, (number, fields) in enumerate(words):
        for kind, name in _brackets(misc_fields(fields[MISC]).get("Entity", "")):
            if kind == "close":
                at = next(
                    (
                        k
                        for k in range(len(open_) - 1, -1, -1)
                        if name in (open_[k][1], open_[k][2]) or open_[k][1].startswith(name + "-")
                    ),
                    None,
                )
                if at is None:
                    tally.stray.append(number)
                    continue
                first, _, eid, etype = open_.pop(at)
                keep(first, w, eid, etype)
            else:
                eid, etype = order.split(name)
                if kind == "one":
                    keep(w, w, eid, etype)
                else:
                    open_.append((w, name, eid, etype))
    tally.unclosed += [words[first][0] for first, *_ in open_]
    return found


def _columns(mentions: list[tuple[int, int, str, str]], size: int) -> list[list[str]]:
    """Tag columns (B-/I-) of ``size`` words: each mention, widest first among those starting together, in the first
    column where it overlaps none."""
    cols: list[list[str]] = []
    for first, last, etype, _ in sorted(mentions, key=lambda m: (m[0], -m[1])):
        col = next((c for c in cols if all(t == "O" for t in c[first : last + 1])), None)
        if col is None:
            col = ["O"] * size
            cols.append(col)
        col[first] = f"B-{etype}"
        for k in range(first + 1, last + 1):
            col[k] = f"I-{etype}"
    return cols


def _sentences(rows: list[tuple[int, str]]) -> list[list[int]]:
    """The indices of ``rows`` that are CoNLL-U word lines, a list a sentence."""
    out: list[list[int]] = [[]]
    for k, (_, line) in enumerate(rows):
        if not line.strip():
            if out[-1]:
                out.append([])
        elif _is_word(line.split("\t")):
            out[-1].append(k)
    return [s for s in out if s]


def with_misc_tags(
    path: Path, rows: list[tuple[int, str]], mentions: list[tuple[int, int, str, str]] | None = None
) -> tuple[list[tuple[int, str]], list[str], list[str]]:
    """``rows`` (line number, line) with MISC's entities appended to each word line as tag columns, and the notes and
    warnings (not kept) on how they were read; a CoNLL-U file without entities gets a column of ``O`` (its sentences
    come in as texts); ``rows`` unchanged when they are not CoNLL-U. ``mentions`` gets CorefUD's typed mentions as
    (first word's line, last word's line, type, entity id)."""
    lines = [line for _, line in rows]
    key = tag_key(lines)
    brackets = has_brackets(lines)
    if key is None and not brackets:
        data = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
        if not data or 2 * sum(map(_is_word, data)) < len(data):
            return rows, [], []
        note = f"{path}: no entities in the file (no tag column, no NER= or Entity= in MISC): its sentences came in as text"
        return [(n, f"{line}\tO" if _is_word(line.split("\t")) else line) for n, line in rows], [note], []
    out = list(rows)
    notes: list[str] = []
    warnings: list[str] = []
    if key is not None:
        for k, (number, line) in enumerate(rows):
            fields = line.split("\t")
            if _is_word(fields):
                out[k] = (number, f"{line}\t{misc_fields(fields[MISC]).get(key, 'O')}")
        notes.append(f"{path}: entities read from the MISC column's {key}= tags (a word without one is O)")
        if brackets:
            warnings.append(f"{path}: the MISC column's Entity= mentions (read are its {key}= tags)")
        return out, notes, warnings
    order = _Order()
    for line in lines:
        header = GLOBAL_ENTITY.match(line)
        if header:
            names = header.group(1).split("-")
            order = _Order(
                names.index("eid") if "eid" in names else None, names.index("etype") if "etype" in names else None
            )
            break
    tally = _Tally()
    per_sentence = []
    for sentence in _sentences(rows):
        words = [(rows[k][0], rows[k][1].split("\t")) for k in sentence]
        found = _sentence_mentions(words, order, tally)
        if mentions is not None:
            mentions += [(words[a][0], words[b][0], etype, eid) for a, b, etype, eid in found]
        per_sentence.append((sentence, _columns(found, len(words))))
    width = max((len(cols) for _, cols in per_sentence), default=0) or 1
    tags = {k: "\t".join(["O"] * width) for sentence, _ in per_sentence for k in sentence}
    for sentence, cols in per_sentence:
        cols += [["O"] * len(sentence)] * (width - len(cols))
        for w, k in enumerate(sentence):
            tags[k] = "\t".join(c[w] for c in cols)
    for k, tag in tags.items():
        out[k] = (rows[k][0], f"{rows[k][1]}\t{tag}")
    notes.append(
        f"{path}: {counted(tally.mentions, 'mention')} of CorefUD's Entity= read as entities, labelled by their "
        f"entity type" + (f" (nested ones in {width} tag columns)" if width > 1 else "")
    )
    if tally.ids and mentions is None:
        warnings.append(
            f"{path}: which mentions corefer ({counted(len(tally.ids), 'entity id')} of Entity=): each mention is an "
            "entity of its own"
        )
    if tally.untyped:
        warnings.append(f"{path}: {counted(tally.untyped, 'Entity= mention')} without an entity type")
    for what, numbers in (("never closed in its sentence", tally.unclosed), ("closing none", tally.stray)):
        if numbers:
            shown = ", ".join(map(str, numbers[:3])) + (", ..." if len(numbers) > 3 else "")
            warnings.append(f"{path}: {counted(len(numbers), 'Entity= bracket')} {what} (line {shown})")
    return out, notes, warnings


EMPTY_NODE = re.compile(r"\d+\.\d+$")  # CoNLL-U's empty node's id (8.1): a word of the enhanced graph, not in the text


def empty_node_entities(path: Path, lines: list[str]) -> list[str]:
    """The warning (or []) on CoNLL-U ``lines``' empty nodes (``8.1``) whose MISC carries an entity (a tag other than
    ``O``, ``NER=B-GPE``, or CorefUD's ``Entity=`` brackets, a dropped subject's mention): the node is no word of the
    text, so its entity has no characters to lie on and is left out, said with its line, word and tag (session 40:
    left out without a word)."""
    lost: list[str] = []
    for number, line in enumerate(lines, start=1):
        fields = line.split("\t")
        if len(fields) != 10 or not EMPTY_NODE.match(fields[0]):
            continue
        misc = misc_fields(fields[MISC])
        tags = [f"{k}={v}" for k, v in misc.items() if v != "O" and TAG.fullmatch(v)]
        tags += [f"Entity={misc['Entity']}"] if "(" in misc.get("Entity", "") else []
        if tags:
            lost.append(f"line {number}: {fields[0]} {fields[1]} {'|'.join(tags)}")
    if not lost:
        return []
    shown = "; ".join(lost[:3]) + ("; ..." if len(lost) > 3 else "")
    return [
        f"{path}: {counted(len(lost), 'empty node')} (CoNLL-U's 8.1: a word of the enhanced graph, not in the text) "
        f"carrying an entity, left out (no characters to lie on): {shown}"
    ]


def space_after_text(words: list[tuple[str, str]]) -> str:
    """A sentence's text from its words and their MISC values: ``SpaceAfter=No`` joins a word to the next, the others
    are followed by a space (CoNLL-U's rule where a sentence has no ``# text``)."""
    return "".join(w + ("" if misc_fields(m).get("SpaceAfter") == "No" else " ") for w, m in words).rstrip(" ")
