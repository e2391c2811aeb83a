"""WebAnno TSV 3.x read into its parts, before any of it becomes the project's: the header's layers and columns,
the sentences (the text rebuilt from their ``#Text=`` lines as INCEpTION rebuilds it), the token and sub-token rows
(units) and the annotations their cells make (multi-unit by their ``[n]`` ids, stacked by ``|``). What the parts
mean for the project (entities, events, what is left out) is ``webanno_read``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from annotator.errors import ImportFileError
from annotator.formats.reading import need
from annotator.formats.webanno_tsv import (
    EMPTY,
    FORMAT_LINE,
    TSV2_LINE,
    UNSET,
    split_suffix,
    split_unescaped,
    unescape_text,
    unescape_value,
)
from annotator.offsets import Utf16Map, utf16_length

UNIT_ID = re.compile(r"(\d+)-(\d+)(?:\.(\d+))?$")
OFFSETS = re.compile(r"(\d+)-(\d+)$")
CHAIN_LINK = re.compile(r"^(.*)->(\d+)-(\d+)$")


@dataclass
class Column:
    index: int  # 0 for the first annotation column (the fourth of a row)
    layer: str
    kind: str  # span, relation, chain
    role: str  # feature, placeholder, slot_role, slot_target, base, chain_type, chain_link
    feature: str = ""
    target: str = ""  # the type a slot or a relation points at; a slot's role column: its declaration (ROLE_...)


@dataclass(slots=True)
class Unit:
    id: str
    begin: int  # in the file's offsets (UTF-16 units) until ``Layout.to_codepoints``
    end: int
    line: int
    text: str
    cells: list[str]
    sub: bool


@dataclass
class Annotation:
    layer: str
    units: list[Unit]
    line: int
    features: dict[str, str | None] = field(default_factory=dict)
    roles: dict[str, list[str | None]] = field(default_factory=dict)  # slot feature -> each link's role
    targets: dict[str, list[str]] = field(default_factory=dict)  # slot feature -> each link's target reference
    source: str = ""  # a relation: the unit it comes from, with its ``[source_target]`` ids
    ids: tuple[int, int] = (0, 0)

    @property
    def begin(self) -> int:
        return self.units[0].begin

    @property
    def end(self) -> int:
        """Where its last row (in the file's order) ends, as INCEpTION's reader extends an annotation row by row: an
        annotation on a token and then on that token's sub-token row ends with the sub-token."""
        return self.units[-1].end


@dataclass
class Layout:
    minor: int
    columns: list[Column]
    text: str = ""
    units: dict[str, Unit] = field(default_factory=dict)
    tokens: list[Unit] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)  # token indices
    sentence_ids: int = 0
    spans: list[Annotation] = field(default_factory=list)
    relations: list[Annotation] = field(default_factory=list)
    chains: dict[str, int] = field(default_factory=dict)  # a chain layer without a link column -> its cells
    links: list[Annotation] = field(default_factory=list)  # chain links, each with ``ids`` (chain, index in it)
    link_at: dict[tuple[str, int, int], Annotation] = field(default_factory=dict)  # (layer, chain, index) -> link
    by_id: dict[tuple[str, str], Annotation] = field(default_factory=dict)  # (layer, [n]) -> annotation
    at_unit: dict[tuple[str, str], list[Annotation]] = field(default_factory=dict)  # (unit, layer) -> stacked
    utf16: bool = True

    def layers(self, kind: str) -> dict[str, list[Column]]:
        out: dict[str, list[Column]] = {}
        for c in self.columns:
            if c.kind == kind:
                out.setdefault(c.layer, []).append(c)
        return out


def parse_header(lines: list[str], path: Path) -> tuple[int, list[Column], int]:
    """(minor version, columns, index of the first line after the header)."""
    first = lines[0].lstrip("\ufeff") if lines else ""
    m = FORMAT_LINE.match(first)
    need(
        TSV2_LINE.match(first) is None,
        path,
        1,
        "WebAnno TSV 2 (its first line names the layers, no '#FORMAT=WebAnno TSV 3.x') is not read (only 3.x): export "
        "the documents from WebAnno or INCEpTION again as 'WebAnno TSV v3'",
    )
    need(
        m is not None,
        path,
        1,
        f"not a WebAnno TSV file: the first line is {first[:60]!r}, not '#FORMAT=WebAnno TSV 3.x'",
    )
    assert m is not None
    need(
        m.group(1) == "3",
        path,
        1,
        f"WebAnno TSV {m.group(1)}.{m.group(2) or 0} is not read (only 3.x): export the documents from WebAnno or "
        "INCEpTION again as 'WebAnno TSV v3'",
    )
    columns: list[Column] = []
    i = 1
    while i < len(lines) and lines[i].startswith(("#T_SP=", "#T_RL=", "#T_CH=")):
        kind = {"#T_SP=": "span", "#T_RL=": "relation", "#T_CH=": "chain"}[lines[i][:6]]
        layer, *decls = [f for f in lines[i][6:].split("|") if f]
        need(bool(layer), path, i + 1, "a layer line without a layer name")
        if not decls:
            columns.append(Column(len(columns), layer, kind, "placeholder"))
        for d in decls:
            columns.append(_column(len(columns), layer, kind, d, columns, path, i + 1))
        i += 1
    return int(m.group(2) or 0), columns, i


def _column(index: int, layer: str, kind: str, decl: str, before: list[Column], path: Path, line: int) -> Column:
    if kind == "span" and decl.startswith("ROLE_"):
        feature = decl[5:].partition(":")[2].partition("_")[0]
        need(bool(feature), path, line, f"slot column {decl!r} names no feature (ROLE_LAYER:feature_LinkType)")
        return Column(index, layer, kind, "slot_role", feature, decl)  # its whole declaration, for the export
    if kind == "span" and before and before[-1].role == "slot_role" and before[-1].layer == layer and "." in decl:
        return Column(index, layer, kind, "slot_target", before[-1].feature, decl)
    if kind == "relation" and decl.startswith("BT_"):
        return Column(index, layer, kind, "base", "", decl[3:])
    if kind == "chain" and decl in ("referenceType", "referenceRelation"):
        return Column(index, layer, kind, "chain_type" if decl == "referenceType" else "chain_link", decl)
    return Column(index, layer, kind, "feature", decl)


def read_layout(lines: list[str], path: Path) -> Layout:
    """The file's header, sentences, units and annotations; a line that cannot be read refuses the file."""
    minor, columns, i = parse_header(lines, path)
    out = Layout(minor, columns)
    sentences: list[tuple[list[str], list[Unit]]] = []  # (#Text lines, token units)
    texts: list[str] = []
    units: list[Unit] = []
    in_tokens = False
    for number in range(i + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line:
            if in_tokens:
                sentences.append((texts, units))
                texts, units, in_tokens = [], [], False
            need(not texts, path, number, "a sentence ('#Text=') with no token lines")
            continue
        if line.startswith("#") and not in_tokens:
            if line.startswith("#Text="):
                texts.append(unescape_text(line[6:], minor))
            elif line.startswith("#Sentence.id="):
                out.sentence_ids += 1
            continue
        need(bool(texts), path, number, "a token line before the sentence's '#Text=' line")
        unit = _unit(line, number, len(columns), path)
        if unit.sub and not units:  # the checks of each row make their message only when they fail
            raise ImportFileError(str(path), f"sub-token {unit.id} before any token of its sentence", number)
        units.append(unit)
        in_tokens = True
    if in_tokens:
        sentences.append((texts, units))
    need(in_tokens or not texts, path, len(lines), "a sentence ('#Text=') with no token lines")
    need(bool(sentences), path, None, "no sentences in the file (no '#Text=' line followed by token lines)")
    _rebuild(out, sentences, path)
    width = len(columns)
    for unit in out.units.values():
        if unit.cells.count(EMPTY) != width:  # most rows have nothing on them
            _annotations(out, unit, path)
    return out


def _unit(line: str, number: int, ncols: int, path: Path) -> Unit:
    fields = line.rstrip("\r").split("\t")
    if len(fields) >= 3 + ncols:
        sentence, _, token = fields[0].partition("-")
        begin, _, end = fields[1].partition("-")
        whole, dot, sub = token.partition(".")
        if (
            sentence.isdecimal()
            and whole.isdecimal()
            and (not dot or sub.isdecimal())
            and begin.isdecimal()
            and end.isdecimal()
            and int(begin) <= int(end)
        ):
            return Unit(fields[0], int(begin), int(end), number, fields[2], fields[3 : 3 + ncols], bool(dot))
    _bad_unit(fields, ncols, path, number)
    raise AssertionError("unreachable")  # pragma: no cover


def _bad_unit(fields: list[str], ncols: int, path: Path, number: int) -> None:
    """Refuse a token row that cannot be read, saying what is wrong with it."""
    need(
        len(fields) >= 3 + ncols,
        path,
        number,
        f"a token line needs {3 + ncols} tab-separated fields (id, offsets, token and one per header column), "
        f"it has {len(fields)}",
    )
    need(
        bool(UNIT_ID.match(fields[0])),
        path,
        number,
        f"{fields[0]!r} is not a token id (SENTENCE-TOKEN or SENTENCE-TOKEN.SUB)",
    )
    o = OFFSETS.match(fields[1])
    need(o is not None, path, number, f"{fields[1]!r} is not a token's offsets (BEGIN-END)")
    assert o is not None
    need(False, path, number, f"token {fields[0]}: its offsets {o.group(1)}-{o.group(2)} end before they begin")


def _rebuild(out: Layout, sentences: list[tuple[list[str], list[Unit]]], path: Path) -> None:
    """The text from the ``#Text=`` lines as INCEpTION rebuilds it (each sentence's lines joined by line breaks, a line
    break after it, taken back when the next sentence starts where it ends, spaces where it starts later), in UTF-16
    units as the format counts; a file whose tokens fit only as code points is read that way."""
    for utf16 in (True, False):
        text = _join(sentences, utf16, path)
        bad = _misfit(text, sentences, utf16)
        if bad is None:
            break
        if not utf16:
            unit, got = _misfit(_join(sentences, True, path), sentences, True) or bad
            need(
                False,
                path,
                unit.line,
                f"token {unit.id} is {unit.text!r} but its offsets {unit.begin}-{unit.end} hold {got!r} in the text "
                "the '#Text=' lines give",
            )
    out.text, out.utf16 = text, utf16
    mapped = utf16 and _astral(text)
    conv: Callable[[int], int] = Utf16Map(text).to_codepoint if mapped else int
    last_end = 0
    for _texts, units in sentences:
        out.sentence_starts.append(len(out.tokens))
        for u in units:
            if mapped:
                u.begin, u.end = conv(u.begin), conv(u.end)
            if u.id in out.units:
                raise ImportFileError(str(path), f"token id {u.id} given twice", u.line)
            out.units[u.id] = u
            if not u.sub and u.begin < u.end:
                if u.begin < last_end:
                    raise ImportFileError(str(path), f"token {u.id} overlaps the token before it", u.line)
                out.tokens.append(u)
                last_end = u.end


def _size(s: str, utf16: bool) -> int:
    return utf16_length(s) if utf16 else len(s)


def _astral(text: str) -> bool:
    """Does ``text`` hold a character outside the BMP (two UTF-16 units), where the offsets differ from code points?"""
    return not text.isascii() and _size(text, True) != len(text)


def _join(sentences: list[tuple[list[str], list[Unit]]], utf16: bool, path: Path) -> str:
    parts: list[str] = []
    length = 0
    for texts, units in sentences:
        begin = units[0].begin
        if length > begin:
            need(
                length == begin + 1 and parts[-1].endswith("\n"),
                path,
                units[0].line,
                f"token {units[0].id} starts at {begin}, inside the sentence before it (which ends at {length - 1})",
            )
            parts[-1] = parts[-1][:-1]
            length -= 1
        elif length < begin:
            parts.append(" " * (begin - length))
            length = begin
        body = "\n".join(texts) + "\n"
        parts.append(body)
        length += _size(body, utf16)
    return "".join(parts)


def _misfit(text: str, sentences: list[tuple[list[str], list[Unit]]], utf16: bool) -> tuple[Unit, str] | None:
    """The first unit whose offsets do not hold its token text, with what they hold; None when all fit."""
    m = Utf16Map(text) if utf16 and _astral(text) else None
    for _texts, units in sentences:
        for u in units:
            s, e = (m.to_codepoint(u.begin), m.to_codepoint(u.end)) if m else (u.begin, u.end)
            if e > len(text) or text[s:e] != u.text or (m and (m.to_utf16(s), m.to_utf16(e)) != (u.begin, u.end)):
                return u, text[s:e]
    return None


def _annotations(out: Layout, unit: Unit, path: Path) -> None:
    types: list[tuple[Column, str]] = []  # a chain layer's referenceType cells: after its links (the ids are there)
    for col in out.columns:
        cell = unit.cells[col.index]
        if cell == EMPTY or cell == "":
            continue
        if col.kind == "chain":
            if col.role == "chain_link":
                _chain_links(out, col, unit, cell, path)
            elif col.role == "chain_type":
                types.append((col, cell))
            continue
        for k, raw in enumerate(split_unescaped(cell, "|")):
            value, ref = (raw, None) if col.role in ("slot_target", "base") else split_suffix(raw)
            need(
                ref is None or ref.isdigit(),
                path,
                unit.line,
                f"{raw!r}: the disambiguation id in brackets must be a number",
            )
            a = _annotation(out, col, unit, k, ref if col.kind == "span" else None)
            _set(a, col, value, path, unit)
    for col, cell in types:
        _chain_types(out, col, unit, cell, path)


def _chain_links(out: Layout, col: Column, unit: Unit, cell: str, path: Path) -> None:
    """A chain layer's ``referenceRelation`` cell: each stacked ``VALUE->CHAIN-INDEX`` a link of chain CHAIN at place
    INDEX, over every row that names it (INCEpTION's multi-row link), its value the relation to the next link."""
    stack = out.at_unit.setdefault((unit.id, col.layer), [])
    for raw in split_unescaped(cell, "|"):
        m = CHAIN_LINK.match(raw)
        if m is None:
            raise ImportFileError(str(path), f"{raw!r} is not a chain link (VALUE->CHAIN-LINK, as '*->1-2')", unit.line)
        key = (col.layer, int(m.group(2)), int(m.group(3)))
        a = out.link_at.get(key)
        if a is None:
            a = out.link_at[key] = Annotation(col.layer, [], unit.line, ids=key[1:])
            out.links.append(a)
            a.features[col.feature] = None if m.group(1) == UNSET else unescape_value(m.group(1))
        a.units.append(unit)
        stack.append(a)


def _chain_types(out: Layout, col: Column, unit: Unit, cell: str, path: Path) -> None:
    """A chain layer's ``referenceType`` cell: each stacked ``VALUE[CHAIN]`` the type of the link at its place in the
    row's stack of links; a layer without a link column is only counted (its chains cannot be told apart)."""
    stack = out.at_unit.get((unit.id, col.layer), [])
    if not any(c.layer == col.layer and c.role == "chain_link" for c in out.columns):
        out.chains[col.layer] = out.chains.get(col.layer, 0) + len(split_unescaped(cell, "|"))
        return
    values = split_unescaped(cell, "|")
    need(
        len(values) == len(stack),
        path,
        unit.line,
        f"chain layer {col.layer}: {len(values)} referenceType values but {len(stack)} links on row {unit.id}",
    )
    for a, raw in zip(stack, values):
        value, _chain = split_suffix(raw)
        a.features[col.feature] = None if value == UNSET else unescape_value(value)


def _annotation(out: Layout, col: Column, unit: Unit, k: int, ref: str | None) -> Annotation:
    stack = out.at_unit.setdefault((unit.id, col.layer), [])
    if k < len(stack):
        return stack[k]
    a = out.by_id.get((col.layer, ref)) if ref else None
    if a is None:
        a = Annotation(col.layer, [], unit.line)
        (out.spans if col.kind == "span" else out.relations).append(a)
        if ref:
            out.by_id[(col.layer, ref)] = a
    a.units.append(unit)
    while len(stack) < k:  # a cell that skips stack places: they stay its own, unnamed
        stack.append(Annotation(col.layer, [unit], unit.line))
    stack.append(a)
    return a


def _set(a: Annotation, col: Column, value: str, path: Path, unit: Unit) -> None:
    if col.role == "feature":
        a.features[col.feature] = None if value == UNSET else unescape_value(value)
    elif col.role == "slot_role":
        links = [] if value in (EMPTY, "") else split_unescaped(value, ";")
        a.roles[col.feature] = [None if r == UNSET else unescape_value(r) for r in links]
    elif col.role == "slot_target":
        a.targets[col.feature] = [] if value in (EMPTY, UNSET, "") else split_unescaped(value, ";")
        need(
            len(a.targets[col.feature]) == len(a.roles.get(col.feature, a.targets[col.feature])),
            path,
            unit.line,
            f"slot {col.feature}: {len(a.roles.get(col.feature, []))} roles but {len(a.targets[col.feature])} targets",
        )
    elif col.role == "base":
        unit_id, ids = split_suffix(value)
        a.source = unit_id
        if ids is not None:
            src, _, tgt = ids.partition("_")
            need(src.isdigit() and tgt.isdigit(), path, unit.line, f"{value!r}: relation ids must be [SOURCE_TARGET]")
            a.ids = (int(src), int(tgt))
