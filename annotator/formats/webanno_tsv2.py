"""WebAnno TSV 2 (WebAnno 2's export, as INCEpTION's curation tests still hold it) read as the TSV 3.3 it stands for,
so one reader (``webanno_read``) takes both.

TSV 2 has no ``#FORMAT`` line: its first line names the layers and their features (`` # webanno.custom.Place | kind
# webanno.custom.Near | why | AttachTo=webanno.custom.Place``; a layer with ``AttachTo=`` is a relation layer over the
layer it names). Each sentence is ``#id=N`` and ``#text=...``, then a line per token: ``S-T``, the token, and a cell
per feature of each layer in the header's order (a relation layer's features, then the token its relation comes
from, ``1-4``). A span cell is ``_`` or ``O`` (nothing), else its values stacked with ``|``, each ``B-VALUE`` and
``I-VALUE`` over several tokens or the bare value on one. No offsets: each token is looked for in its sentence's text
(in order, whitespace between), the text is the sentences' texts a line each; a sentence whose text does not hold its
tokens is its tokens with a space between them. Written out as TSV 3.3: the same layers and features (``#T_SP``,
``#T_RL`` with ``BT_`` the layer it attaches to), offsets in UTF-16 units, a span over several tokens its value with
an id on each (``City[3]``), a relation from the span that begins at its governor token."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.formats.reading import need
from annotator.offsets import Utf16Map, utf16_length
from annotator.formats.tokens import join_tokens, tokens_in_text
from annotator.formats.webanno_tsv import TSV2_LINE

EMPTY = ("_", "O", "")
TOKEN_ID = re.compile(r"(\d+)-(\d+)$")


@dataclass
class _Layer:
    name: str
    features: list[str]
    attach: str | None  # the span layer a relation layer's relations join, else None (a span layer)

    @property
    def width(self) -> int:
        return len(self.features) + (1 if self.attach else 0)


@dataclass
class _Span:
    first: int  # token index in the document
    last: int
    values: list[str]  # a value per feature
    id: int = 0  # TSV 3's disambiguation id (0: one token, none written)


@dataclass
class _Sentence:
    line: int
    text: str | None = None
    rows: list[tuple[int, str, str, list[str]]] = field(default_factory=list)  # (line, its id, token, cells)


def is_tsv2(first: str) -> bool:
    return TSV2_LINE.match(first.lstrip("\ufeff")) is not None


def _header(first: str, path: Path) -> list[_Layer]:
    layers = []
    for part in re.split(r"\s*#\s+", first.lstrip("\ufeff").strip()):
        if not part:
            continue
        names = [x.strip() for x in part.split("|")]
        attach = next((x[len("AttachTo=") :] for x in names if x.startswith("AttachTo=")), None)
        features = [x for x in names[1:] if x and not x.startswith("AttachTo=")]
        need(bool(names[0]), path, 1, f"WebAnno TSV 2: a layer without a name in the first line ({part!r})")
        layers.append(_Layer(names[0], features, attach))
    return layers


def _sentences(lines: list[str], width: int, path: Path) -> list[_Sentence]:
    out: list[_Sentence] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        if line.startswith("#id="):
            out.append(_Sentence(number))
            continue
        if line.startswith("#text="):
            if not out or out[-1].text is not None or out[-1].rows:
                out.append(_Sentence(number))
            out[-1].text = line[len("#text=") :]
            continue
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        need(
            TOKEN_ID.match(cells[0]) is not None and len(cells) >= 2,
            path,
            number,
            f"WebAnno TSV 2: a token line must start with SENTENCE-TOKEN and the token, not {line[:40]!r}",
        )
        rest = cells[2:]
        while len(rest) > width and rest[-1] == "":
            rest.pop()  # the tab a line ends with
        need(
            len(rest) == width,
            path,
            number,
            f"WebAnno TSV 2: {len(rest)} annotation cells where the first line's layers give {width}",
        )
        if not out:
            out.append(_Sentence(number))
        out[-1].rows.append((number, cells[0], cells[1], rest))
    return [s for s in out if s.rows]


def _spans(column: list[list[str]], others: list[list[list[str]]]) -> list[_Span]:
    """The spans of a span layer from its first feature's cells (``column``: a list of stacked values a token), each
    with its other features' values at its first token (``others``)."""
    spans: list[_Span] = []
    open_: dict[str, _Span] = {}  # value -> the span it continues on the next token
    for k, values in enumerate(column):
        now: dict[str, _Span] = {}
        for n, value in enumerate(values):
            if value in EMPTY:
                continue
            prefix, bare = (value[:2], value[2:]) if value[:2] in ("B-", "I-") and len(value) > 2 else ("", value)
            going = open_.get(bare) if prefix == "I-" else None
            if going is not None:
                going.last = k
            else:
                going = _Span(k, k, [bare] + [_at(o[k], n) for o in others])
                spans.append(going)
            if prefix:
                now[bare] = going
        open_ = now
    return spans


def _at(values: list[str], n: int) -> str:
    value = values[n] if n < len(values) else (values[0] if values else "_")
    value = value[2:] if value[:2] in ("B-", "I-") else value
    return "_" if value in EMPTY else value


def as_tsv3(lines: list[str], path: Path) -> list[str]:
    """The lines of a WebAnno TSV 2 file as the WebAnno TSV 3.3 lines that say the same."""
    layers = _header(lines[0], path)
    sentences = _sentences(lines, sum(x.width for x in layers), path)
    need(bool(sentences), path, None, "WebAnno TSV 2: no token lines")
    # the text, and each token's place in it (code points, then UTF-16 units for TSV 3)
    texts, places = [], []
    for s in sentences:
        words = [w for _, _, w, _ in s.rows]
        where = tokens_in_text(s.text, words)
        if where is None:
            joined = join_tokens([words])
            where, s.text = list(zip(joined.starts, joined.ends)), joined.text
        texts.append(s.text or "")
        places.append(where)
    rows = [r for s in sentences for r in s.rows]
    cells: list[list[list[str]]] = [[c.split("|") for c in r[3]] for r in rows]  # token -> cell -> stacked values
    ids = [f"{n + 1}-{j + 1}" for n, s in enumerate(sentences) for j in range(len(s.rows))]  # TSV 3's, renumbered
    index = {r[1]: k for k, r in enumerate(rows)}  # the file's token id -> token
    at = 0
    spans: dict[str, list[_Span]] = {}
    for layer in layers:
        if layer.attach is None and layer.features:
            cols = [[cells[k][at + i] for k in range(len(rows))] for i in range(len(layer.features))]
            spans[layer.name] = _spans(cols[0], cols[1:])
        at += layer.width
    next_id = 1
    for found in spans.values():
        for sp in found:
            if sp.last > sp.first:
                sp.id, next_id = next_id, next_id + 1
    # TSV 3: span layers first, then relation layers (the file's order within each)
    ordered = [x for x in layers if x.attach is None] + [x for x in layers if x.attach is not None]
    out = ["#FORMAT=WebAnno TSV 3.3"]
    for x in ordered:
        if x.attach is None:
            out.append(f"#T_SP={x.name}|{'|'.join(x.features)}" if x.features else f"#T_SP={x.name}")
        else:
            out.append(f"#T_RL={x.name}|{'|'.join(x.features)}|BT_{x.attach}")
    out += ["", ""]
    starts: dict[str, dict[int, list[_Span]]] = {
        name: {k: [sp for sp in found if sp.first == k] for k in range(len(rows))} for name, found in spans.items()
    }
    offsets = _utf16_offsets(texts, places)
    k = 0
    for n, s in enumerate(sentences):
        out.append("#Text=" + _escaped(texts[n]))
        for _line, _id, word, _cells_ in s.rows:
            row = [ids[k], f"{offsets[k][0]}-{offsets[k][1]}", word]
            for x in ordered:
                row += _cells(x, k, _Doc(layers, cells, spans, starts, rows, ids, index), path)
            out.append("\t".join(row) + "\t")
            k += 1
        out.append("")
    return out


@dataclass
class _Doc:
    layers: list[_Layer]
    cells: list[list[list[str]]]  # token -> cell -> stacked values
    spans: dict[str, list[_Span]]  # span layer -> its spans
    starts: dict[str, dict[int, list[_Span]]]  # span layer -> token -> the spans that begin there
    rows: list[tuple[int, str, str, list[str]]]
    ids: list[str]  # each token's TSV 3 id
    index: dict[str, int]  # the file's token id -> token


def _cells(x: _Layer, k: int, d: _Doc, path: Path) -> list[str]:
    """Token ``k``'s TSV 3 cells of layer ``x``."""
    if x.attach is None:
        if not x.features:
            return []
        on = [sp for sp in d.spans.get(x.name, []) if sp.first <= k <= sp.last]
        if not on:
            return ["_"] * len(x.features)
        return [
            "|".join(_escape_value(sp.values[i]) + (f"[{sp.id}]" if sp.id else "") for sp in on)
            for i in range(len(x.features))
        ]
    first = sum(y.width for y in d.layers[: d.layers.index(x)])
    mine = d.cells[k][first : first + x.width]
    governors = [g for g in mine[-1] if g not in EMPTY]
    if not governors:
        return ["_"] * x.width
    line = d.rows[k][0]
    deps = d.starts.get(x.attach, {}).get(k, [])
    feats: list[list[str]] = [[] for _ in x.features]
    bts: list[str] = []
    for n, g in enumerate(governors):
        gi = d.index.get(g)
        need(gi is not None, path, line, f"WebAnno TSV 2: the relation's governor {g!r} is no token of the file")
        assert gi is not None
        gov = next(iter(d.starts.get(x.attach, {}).get(gi, [])), None)
        dep = deps[0] if deps else None
        need(
            gov is not None and dep is not None,
            path,
            line,
            f"WebAnno TSV 2: a {x.name} relation from {g} has no {x.attach} span beginning at one of its ends",
        )
        assert gov is not None and dep is not None
        for i in range(len(x.features)):
            values = mine[i]
            value = values[n] if n < len(values) else (values[0] if values else "_")
            feats[i].append("_" if value in EMPTY else _escape_value(value))
        bts.append(f"{d.ids[gov.first]}[{gov.id}_{dep.id}]" if gov.id or dep.id else d.ids[gov.first])
    return ["|".join(f) for f in feats] + ["|".join(bts)]


def _escape_value(value: str) -> str:
    return re.sub(r"([\\\[\]|_;*])", r"\\\1", value) if value not in EMPTY else value


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t")


def _utf16_offsets(texts: list[str], places: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Each token's offsets in UTF-16 units (TSV 3's), the sentences' texts a line each (``offsets``, the one
    conversion)."""
    out = []
    at = 0  # the sentence's start in UTF-16 units, a line break between sentences
    for text, where in zip(texts, places):
        units = Utf16Map(text)
        out += [(at + units.to_utf16(s), at + units.to_utf16(e)) for s, e in where]
        at += utf16_length(text) + 1
    return out
