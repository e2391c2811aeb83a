"""WebAnno TSV 3.3 export: a folder with one ``NAME.tsv`` per document, as INCEpTION and WebAnno import them.

- Entities: ``de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value``, the label as the value.
- Events (when the schema has event types): the custom span layer ``webanno.custom.Event`` on the trigger, its
  ``type`` feature the event type and its slot feature ``arguments`` (link type ``webanno.custom.EventArgumentsLink``,
  target ``NamedEntity``) a link per argument, the role as the link's role, in the column order INCEpTION writes
  (features by name: ``ROLE_...arguments...``, its target type, ``type``).
- Tokens and sentences: the document's stored ones, or the one token fallback (``annotator.tokens``) for a document
  never pre-annotated (reported); whitespace tokens are not rows. ``#Text=`` holds each sentence's text (a line per
  line of it); what lies between sentences is not kept by the format: INCEpTION rebuilds it as a line break and
  spaces, and a document whose text differs from that is reported.
- A span whose edges are not token edges goes on sub-token rows (``1-3.1``), as INCEpTION writes them, so it keeps
  its offsets; an edge in the space between tokens moves to the token (reported). Offsets count UTF-16 units.
- ``[n]`` disambiguation ids on every annotation that spans several rows or shares a row with another of its layer.
- Relations between entities a WebAnno TSV import kept (``meta["webanno"]``) go back on their layers (``#T_RL``, base
  type ``NamedEntity``, on the target's first row, ``[source_target]`` ids where an end needs one); those a doccano or
  Label Studio import kept go on ``webanno.custom.Relation|label``.
Lost: entity and event states, sources and annotators, event attributes, scores, comments, document status and meta.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.exporting import atomic_folder
from annotator.formats.brat import file_stem, unused_stem
from annotator.formats.common import FormatExportReport, parts_of, records_with_tokens, split_option
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.regions_out import KEPT
from annotator.formats.tokens import DocTokens
from annotator.formats.webanno_tsv import (
    EMPTY,
    EVENT_LAYER,
    EVENT_LINK,
    EVENT_SLOT,
    HEADER,
    NAMED_ENTITY,
    RELATION_LAYER,
    UNSET,
    escape_text,
    escape_value,
)
from annotator.formats.webanno_read import SOURCE
from annotator.offsets import Utf16Map
from annotator.store import Project

UnitKey = tuple[int, int, int]  # (word token index, begin, end): the token itself when begin, end are its own


@dataclass
class _Relation:
    layer: str
    features: dict[str, Any]
    source: "_Span"
    target: "_Span"


@dataclass
class _Span:
    units: list[UnitKey]
    value: str
    ident: int = 0  # the [n] disambiguation id, 0 for none
    args: list[tuple[str, "_Span"]] = field(default_factory=list)


class _Rows:
    """A document's word tokens (whitespace tokens left out), sentences and the units spans fall on."""

    def __init__(self, text: str, toks: DocTokens) -> None:
        self.text = text
        words = [k for k in range(len(toks)) if not toks.is_space(text, k)]
        self.starts = [toks.starts[k] for k in words]
        self.ends = [toks.ends[k] for k in words]
        self.sentence = [toks.sentence_of(k) for k in words]

    def units(self, start: int, end: int) -> tuple[list[UnitKey], tuple[int, int]] | None:
        """The rows [start, end) goes on (tokens, sub-tokens at cut edges) and the extent they give, or None when
        it touches no token."""
        i = bisect_right(self.ends, start)
        j = bisect_left(self.starts, end) - 1
        if i > j or i >= len(self.starts) or j < 0:
            return None
        s, e = max(start, self.starts[i]), min(end, self.ends[j])
        keys: list[UnitKey] = []
        for k in range(i, j + 1):
            b, f = max(s, self.starts[k]), min(e, self.ends[k])
            keys.append((k, b, f))
        return keys, (s, e)

    def is_token(self, key: UnitKey) -> bool:
        return (key[1], key[2]) == (self.starts[key[0]], self.ends[key[0]])


def _layer_cells(spans: list[_Span]) -> dict[UnitKey, list[_Span]]:
    """Each unit's spans of one layer, in order."""
    at: dict[UnitKey, list[_Span]] = {}
    for sp in spans:
        for key in sp.units:
            at.setdefault(key, []).append(sp)
    return at


def _give_ids(at: dict[UnitKey, list[_Span]], spans: list[_Span], n: int) -> int:
    """The [n] ids after ``n``: for each span on several units or sharing a unit with another of its layer (one
    numbering for the whole file, as INCEpTION's reader looks an id up across layers); the last id given."""
    shared = {id(sp) for stack in at.values() if len(stack) > 1 for sp in stack}
    for sp in spans:
        if len(sp.units) > 1 or id(sp) in shared:
            n += 1
            sp.ident = n
    return n


def document_tsv(rec: dict[str, Any], toks: DocTokens, report: FormatExportReport, events: bool) -> str | None:
    """A record as a WebAnno TSV 3.3 file; None (reported) when the document has no token to write."""
    text, name = rec["text"], rec["name"]
    rows = _Rows(text, toks)
    if not rows.starts:
        report.problem("documents left out (no tokens: only whitespace)", name)
        return None

    def place(start: int, end: int, what: str) -> list[UnitKey] | None:
        got = rows.units(start, end)
        if got is None:
            report.problem("spans left out (in the space between tokens)", f"{name}: {what} [{start}, {end})")
            return None
        if got[1] != (start, end):
            report.problem(
                "span edges in the space between tokens moved to the tokens",
                f"{name}: {what} [{start}, {end}) -> [{got[1][0]}, {got[1][1]})",
            )
        return got[0]

    entities: dict[int, _Span] = {}
    for e in rec["entities"]:
        units = place(e["start"], e["end"], f"entity {e['label']}")
        if units is not None:
            entities[e["id"]] = _Span(units, e["label"])
    triggers: list[_Span] = []
    if events:
        for v in rec["events"]:
            units = place(v["trigger"]["start"], v["trigger"]["end"], f"event {v['type']}")
            if units is None:
                continue
            sp = _Span(units, v["type"])
            for a in v["arguments"]:
                if a["entity_id"] in entities:
                    sp.args.append((a["role"], entities[a["entity_id"]]))
                else:
                    report.problem(
                        "arguments left out (their entity is not written)", f"{name}: {v['type']} {a['role']}"
                    )
            triggers.append(sp)
    relations = _relations(rec, entities, report)
    ne_at = _layer_cells(list(entities.values()))
    ev_at = _layer_cells(triggers)
    _give_ids(ev_at, triggers, _give_ids(ne_at, list(entities.values()), 0))
    return _render(rows, ne_at, ev_at, relations, events, report, name)


def _relations(rec: dict[str, Any], entities: dict[int, _Span], report: FormatExportReport) -> list[_Relation]:
    """The relations between entities a WebAnno TSV, doccano or Label Studio import kept in the meta, between the
    spans they join (one whose end is gone is left out and reported); doccano's and Label Studio's go on the layer
    ``webanno.custom.Relation`` with their type as its ``label``."""
    by_span: dict[tuple[int, int, str], _Span] = {}
    for e in rec["entities"]:
        if e["id"] in entities:
            by_span.setdefault((e["start"], e["end"], e["label"]), entities[e["id"]])
    out = []
    for key in (SOURCE, *KEPT):
        kept = rec["meta"].get(key)
        for r in kept.get("relations", []) if isinstance(kept, dict) else []:
            if not isinstance(r, dict):
                continue
            ends = [by_span.get(tuple(x)) if isinstance(x, list) else None for x in (r.get("from"), r.get("to"))]
            if ends[0] is None or ends[1] is None:
                report.problem(
                    "relations between entities left out (an end is gone)", f"{rec['name']}: {r.get('type')}"
                )
                continue
            features = r.get("features") if key == SOURCE and isinstance(r.get("features"), dict) else None
            layer = r.get("layer") if key == SOURCE and isinstance(r.get("layer"), str) else RELATION_LAYER
            out.append(_Relation(layer, features if features is not None else {"label": r.get("type")}, *ends))
    return out


def _render(
    rows: _Rows,
    ne_at: dict[UnitKey, list[_Span]],
    ev_at: dict[UnitKey, list[_Span]],
    relations: list[_Relation],
    events: bool,
    report: FormatExportReport,
    name: str,
) -> str:
    text = rows.text
    u16 = Utf16Map(text)
    subs: dict[int, list[UnitKey]] = {}
    for key in [*ne_at, *ev_at]:
        if not rows.is_token(key) and key[1] < key[2]:
            subs.setdefault(key[0], [])
            if key not in subs[key[0]]:
                subs[key[0]].append(key)
    ids: dict[UnitKey, str] = {}
    sentences: list[list[int]] = []
    for k, s in enumerate(rows.sentence):
        if not sentences or rows.sentence[sentences[-1][0]] != s:
            sentences.append([])
        sentences[-1].append(k)
        ids[(k, rows.starts[k], rows.ends[k])] = f"{len(sentences)}-{len(sentences[-1])}"
        for n, key in enumerate(sorted(subs.get(k, []), key=lambda x: (x[1], x[2])), start=1):
            ids[key] = f"{len(sentences)}-{len(sentences[-1])}.{n}"

    def ref(sp: _Span) -> str:
        return ids[sp.units[0]] + (f"[{sp.ident}]" if sp.ident else "")

    def suffix(sp: _Span) -> str:
        return f"[{sp.ident}]" if sp.ident else ""

    rel_layers: dict[str, list[str]] = {}  # relation layer -> its features, in the order met
    rel_at: dict[UnitKey, list[_Relation]] = {}  # a relation goes on its target's first row, as INCEpTION puts it
    for r in relations:
        names = rel_layers.setdefault(r.layer, [])
        names += [f for f in r.features if f not in names]
        rel_at.setdefault(r.target.units[0], []).append(r)

    def source(r: _Relation) -> str:
        ident = f"[{r.source.ident}_{r.target.ident}]" if r.source.ident or r.target.ident else ""
        return ids[r.source.units[0]] + ident

    def value(v: Any) -> str:
        return UNSET if v is None else escape_value(str(v))

    def cells(key: UnitKey) -> list[str]:
        ne = ne_at.get(key, [])
        out = ["|".join(escape_value(sp.value) + suffix(sp) for sp in ne) or EMPTY]
        if events:
            ev = ev_at.get(key, [])
            roles = "|".join((";".join(escape_value(r) for r, _ in sp.args) or EMPTY) + suffix(sp) for sp in ev)
            targets = "|".join(";".join(ref(t) for _, t in sp.args) or UNSET for sp in ev)
            types = "|".join(escape_value(sp.value) + suffix(sp) for sp in ev)
            out += [roles or EMPTY, targets or EMPTY, types or EMPTY]
        for layer, names in rel_layers.items():
            rels = [r for r in rel_at.get(key, []) if r.layer == layer]
            out += ["|".join(value(r.features.get(f)) for r in rels) or EMPTY for f in names]
            out.append("|".join(source(r) for r in rels) or EMPTY)
        return out

    lines = [HEADER, f"#T_SP={NAMED_ENTITY}|value"]
    if events:
        lines.append(f"#T_SP={EVENT_LAYER}|ROLE_{EVENT_LAYER}:{EVENT_SLOT}_{EVENT_LINK}|{NAMED_ENTITY}|type")
    lines += [
        f"#T_RL={layer}|{''.join(f + '|' for f in names)}BT_{NAMED_ENTITY}" for layer, names in rel_layers.items()
    ]
    lines.append("")
    rebuilt: list[str] = []  # the text as an import rebuilds it from the sentences (UTF-16 lengths, as it counts)
    at16 = 0
    for sent in sentences:
        s, e = rows.starts[sent[0]], rows.ends[sent[-1]]
        if at16 > u16.to_utf16(s):  # the sentence starts where the one before ends: no line break between
            rebuilt[-1] = rebuilt[-1][:-1]
        else:
            rebuilt.append(" " * (u16.to_utf16(s) - at16))
        rebuilt.append(text[s:e] + "\n")
        at16 = u16.to_utf16(e) + 1
        lines.append("")
        lines += [f"#Text={escape_text(part)}" for part in text[s:e].split("\n")]
        for k in sent:
            for key in [(k, rows.starts[k], rows.ends[k]), *sorted(subs.get(k, []), key=lambda x: (x[1], x[2]))]:
                b, f = key[1], key[2]
                lines.append(
                    "\t".join([ids[key], f"{u16.to_utf16(b)}-{u16.to_utf16(f)}", text[b:f], *cells(key)]) + "\t"
                )
    if "".join(rebuilt)[:-1] != text[: rows.ends[-1]]:
        report.problem(
            "documents whose text outside the sentences comes back as line breaks and spaces (WebAnno TSV keeps only "
            "the sentences)",
            name,
        )
    return "\n".join(lines) + "\n"


@export_writer("webanno")
def write_webanno(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """A folder of WebAnno TSV 3.3 files (with ``split=...``, one subfolder per part)."""
    assignment = split_option(project, request.statuses, dict(request.options))
    report = FormatExportReport(format="webanno")
    events = bool(project.schema.events)
    with atomic_folder(out, "a WebAnno TSV export") as folder:
        used: set[str] = set()
        for part in parts_of(assignment):
            if part:
                (folder / part).mkdir()
        for rec, toks in records_with_tokens(project, request, report):
            body = document_tsv(rec, toks, report, events)
            if body is None:
                continue
            part = assignment[rec["id"]]
            stem = unused_stem(file_stem(rec["name"]), part, used, rec["id"])
            data = body.encode("utf-8")
            try:
                (folder / part / f"{stem}.tsv").write_bytes(data)
            except OSError as exc:  # name the document; atomic_folder removes the half-made folder
                raise AnnotatorError(
                    f"{out}: export failed at document {rec['name']!r} (file {stem}.tsv): {exc.strerror or exc}; "
                    "nothing was replaced"
                ) from None
            report.bytes += len(data)
    report.files = [str(out)]
    return report
