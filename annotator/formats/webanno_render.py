"""The WebAnno TSV export's text: the header's layers and columns, then each sentence's ``#Text=`` lines and its token
and sub-token rows with their cells, from the spans, relations and chains ``webanno.document_tsv`` placed on a
document's rows (offsets counted in UTF-16 units)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from annotator.formats.schema_names import GivenSpellings
from annotator.formats.webanno_chains import ChainLink
from annotator.formats.webanno_own import EventLayer, SpanLayer, slot_feature
from annotator.formats.webanno_rows import Relation, Rows, Span, UnitKey
from annotator.formats.webanno_tsv import (
    COMMENT_FEATURES,
    COMMENT_LAYER,
    DECISION_FEATURES,
    EMPTY,
    EVENT_LAYER,
    EVENT_LINK,
    EVENT_SLOT,
    HEADER,
    NAMED_ENTITY,
    UNSET,
    escape_text,
    escape_value,
)
from annotator.formats.writing import FormatExportReport
from annotator.offsets import Utf16Map


@dataclass
class Layers:
    """The features of the layers a file has: ``NamedEntity`` (``value``, and the decision features with
    ``decisions``), the event layer (``event_features``), the comment layer (with ``decisions``)."""

    events: tuple[str, ...]
    decisions: bool
    custom: list[SpanLayer] = field(default_factory=list)  # the project's own span layers
    slot_target: str = NAMED_ENTITY  # the event slot's target: ANY_SPAN when an argument is on a project's own layer
    own_events: list[EventLayer] = field(default_factory=list)  # the project's own event layers
    spelt: GivenSpellings = field(default_factory=GivenSpellings)  # the roles as the document's file spelt them
    linked: bool = False  # entities with a knowledge-base link: NamedEntity's ``identifier``, as INCEpTION writes it
    entity_declared: tuple[str, ...] = ()  # NamedEntity's other features the file it came from declared, set or not

    @property
    def entity(self) -> tuple[str, ...]:
        own = ("identifier", "value") if self.linked else ("value",)
        if self.entity_declared:  # INCEpTION's order: by name
            own = tuple(sorted({*own, *self.entity_declared} - set(DECISION_FEATURES)))
        return (*DECISION_FEATURES, *own) if self.decisions else own

    @property
    def comments(self) -> tuple[str, ...]:
        return COMMENT_FEATURES if self.decisions else ()


def render(
    rows: Rows,
    ne_at: dict[UnitKey, list[Span]],
    ev_at: dict[UnitKey, list[Span]],
    co_at: dict[UnitKey, list[Span]],
    relations: list[Relation],
    chains: list[tuple[str, list[ChainLink]]],
    layers: Layers,
    report: FormatExportReport,
    name: str,
) -> str:
    events, decisions, entity_features, comment_features = (
        layers.events,
        layers.decisions,
        layers.entity,
        layers.comments,
    )
    text = rows.text
    u16 = Utf16Map(text)
    s16, e16 = u16.to_utf16_many(rows.starts), u16.to_utf16_many(rows.ends)
    subs: dict[int, list[UnitKey]] = {}  # a token's sub-token rows, in order
    custom_keys = [key for c in layers.custom for key in c.at] + [key for x in layers.own_events for key in x.at]
    for key in sorted({key for key in [*ne_at, *custom_keys, *ev_at, *co_at] if not rows.is_token(key)}):
        subs.setdefault(key[0], []).append(key)
    bounds: list[tuple[int, int]] = []  # the sentences, as ranges of word token indices
    first = 0
    for k in range(1, len(rows.sentence) + 1):
        if k == len(rows.sentence) or rows.sentence[k] != rows.sentence[k - 1]:
            bounds.append((first, k))
            first = k
    firsts = [a for a, _ in bounds]
    ids: dict[UnitKey, str] = {}  # the row ids annotations name, made when first asked for

    def row_id(key: UnitKey) -> str:
        if key not in ids:
            n = bisect_right(firsts, key[0]) - 1
            base = f"{n + 1}-{key[0] - firsts[n] + 1}"
            ids[key] = base if rows.is_token(key) else f"{base}.{subs[key[0]].index(key) + 1}"
        return ids[key]

    def ref(sp: Span) -> str:
        return row_id(sp.units[0]) + (f"[{sp.ident}]" if sp.ident else "")

    def suffix(sp: Span) -> str:
        return f"[{sp.ident}]" if sp.ident else ""

    rel_layers: dict[str, list[str]] = {}  # relation layer -> its features, in the order met
    rel_base: dict[str, str] = {}  # relation layer -> the span layer its ends are on
    rel_at: dict[UnitKey, list[Relation]] = {}  # a relation goes on its target's first row, as INCEpTION puts it
    for r in relations:
        rel_base.setdefault(r.layer, r.base)
        names = rel_layers.setdefault(r.layer, [])
        names += [f for f in r.features if f not in names]
        rel_at.setdefault(r.target.units[0], []).append(r)

    def source(r: Relation) -> str:
        ident = f"[{r.source.ident}_{r.target.ident}]" if r.source.ident or r.target.ident else ""
        return row_id(r.source.units[0]) + ident

    def value(v: Any) -> str:
        return UNSET if v is None else escape_value(str(v))

    escaped: dict[str, str] = {}  # labels, types and roles repeat: each escaped once

    def esc(v: str) -> str:
        got = escaped.get(v)
        if got is None:
            got = escaped[v] = escape_value(v)
        return got

    ch_layers = list(dict.fromkeys(layer for layer, _ in chains))  # chain layers in the order met
    ch_at: dict[UnitKey, dict[str, list[tuple[int, int, ChainLink]]]] = {}  # unit -> layer -> (chain, place, link)
    for number, (layer, links) in enumerate(chains, start=1):  # one numbering of chains for the file
        for place, link in enumerate(links, start=1):
            for key in link.span.units:
                ch_at.setdefault(key, {}).setdefault(layer, []).append((number, place, link))
    ch_empty = [EMPTY, EMPTY] * len(ch_layers)
    rel_empty = [EMPTY] * sum(len(names) + 1 for names in rel_layers.values())

    def features(spans: list[Span] | None, names: tuple[str, ...]) -> list[str]:
        """A layer's cells on a row: ``value`` the span's value, the others its extra features."""
        if not spans:
            return [EMPTY] * len(names)
        return [
            "|".join((label(sp) if f == "value" else value(sp.extra.get(f))) + suffix(sp) for sp in spans)
            for f in names
        ]

    role = layers.spelt.role  # a role as the file the document came from spelt it

    def label(sp: Span) -> str:
        """An entity's labelling feature's cell: its label, or ``*`` where it came without one."""
        return UNSET if sp.unset else esc(sp.value)

    def own_event_cells(x: EventLayer, ev: list[Span] | None) -> list[str]:
        """A project's own event layer's cells on a row, column by column as its header declared them."""
        if not ev:
            return [EMPTY] * len(x.columns)
        out: list[str] = []
        for k, c in enumerate(x.columns):
            if c.startswith("ROLE_"):  # a slot's roles: a link without a role as '*'
                slot = slot_feature(c)
                out.append(
                    "|".join(
                        (
                            ";".join(
                                UNSET if r in x.unset else esc(role(r)) for r, _ in sp.args if x.slot_of(r) == slot
                            )
                            or EMPTY
                        )
                        + suffix(sp)
                        for sp in ev
                    )
                )
            elif k and x.columns[k - 1].startswith("ROLE_"):  # that slot's targets
                slot = slot_feature(x.columns[k - 1])
                out.append("|".join(";".join(ref(t) for r, t in sp.args if x.slot_of(r) == slot) or UNSET for sp in ev))
            elif c == x.feature:
                out.append("|".join(esc(sp.value) + suffix(sp) for sp in ev))
            else:  # an event attribute where the layer has it, else unset
                out.append("|".join(value(sp.attributes.get(c)) + suffix(sp) for sp in ev))
        return out

    def cells(key: UnitKey) -> list[str]:
        ne = ne_at.get(key)
        if (
            decisions or layers.linked or layers.entity_declared
        ):  # each feature a column: the decisions', the link's, the label
            out = features(ne, entity_features)
        else:
            out = ["|".join(label(sp) + suffix(sp) for sp in ne) if ne else EMPTY]
        for c in layers.custom:  # the project's own span layers: the label as their feature's value, the others kept
            own = c.at.get(key)
            if not c.extras:
                out.append("|".join((label(sp) if c.feature else UNSET) + suffix(sp) for sp in own) if own else EMPTY)
                continue
            out += [
                "|".join((label(sp) if f == c.feature else value(sp.attributes.get(f))) + suffix(sp) for sp in own)
                if own
                else EMPTY
                for f in c.columns
            ]
        ev = ev_at.get(key)
        for f in events:  # the event layer's features by name, as INCEpTION orders them
            if not ev:
                out += [EMPTY, EMPTY] if f == EVENT_SLOT else [EMPTY]
            elif f == EVENT_SLOT:
                out.append("|".join((";".join(esc(role(r)) for r, _ in sp.args) or EMPTY) + suffix(sp) for sp in ev))
                out.append("|".join(";".join(ref(t) for _, t in sp.args) or UNSET for sp in ev))
            elif f == "type":
                out.append("|".join(esc(sp.value) + suffix(sp) for sp in ev))
            elif f in DECISION_FEATURES:
                out.append("|".join(value(sp.extra.get(f)) + suffix(sp) for sp in ev))
            else:
                out.append("|".join(value(sp.attributes.get(f)) + suffix(sp) for sp in ev))
        for x in layers.own_events:
            out += own_event_cells(x, x.at.get(key))
        if comment_features:
            out += features(co_at.get(key), comment_features)
        if ch_layers:
            at = ch_at.get(key)
            if not at:
                out += ch_empty
            for layer in ch_layers if at else ():  # INCEpTION's column order: referenceRelation, referenceType
                got = at.get(layer)  # type: ignore[union-attr]
                out.append("|".join(f"{value(x.relation)}->{n}-{k}" for n, k, x in got) if got else EMPTY)
                out.append("|".join(f"{value(x.type)}[{n}]" for n, _, x in got) if got else EMPTY)
        here = rel_at.get(key)
        if not here:
            return out + rel_empty
        for layer, names in rel_layers.items():
            rels = [r for r in here if r.layer == layer]
            out += ["|".join(value(r.features.get(f)) for r in rels) or EMPTY for f in names]
            out.append("|".join(source(r) for r in rels) or EMPTY)
        return out

    lines = [HEADER, f"#T_SP={NAMED_ENTITY}|" + "|".join(layers.entity)]
    lines += [f"#T_SP={c.layer}|" + "|".join(c.columns) for c in layers.custom]
    if events:
        slot = f"ROLE_{EVENT_LAYER}:{EVENT_SLOT}_{EVENT_LINK}|{layers.slot_target}"
        lines.append(f"#T_SP={EVENT_LAYER}|" + "|".join(slot if f == EVENT_SLOT else f for f in events))
    lines += [f"#T_SP={x.layer}|" + "|".join(x.columns) for x in layers.own_events]
    if layers.comments:
        lines.append(f"#T_SP={COMMENT_LAYER}|" + "|".join(layers.comments))
    lines += [f"#T_CH={layer}|referenceRelation|referenceType" for layer in ch_layers]
    lines += [
        f"#T_RL={layer}|{''.join(f + '|' for f in names)}BT_{rel_base[layer]}" for layer, names in rel_layers.items()
    ]
    lines.append("")
    annotated = set(ne_at) | set(custom_keys) | set(ev_at) | set(rel_at) | set(ch_at) | set(co_at)
    bare = "\t".join([EMPTY] * len(cells((-1, 0, 0)))) + "\t"  # the cells of a row without annotations
    rebuilt: list[str] = []  # the text as an import rebuilds it from the sentences (UTF-16 lengths, as it counts)
    at16 = 0
    marked = {key[0] for key in annotated} | set(subs)  # word tokens whose rows carry something
    for n, (a, z) in enumerate(bounds, start=1):
        s, e = rows.starts[a], rows.ends[z - 1]
        if at16 > s16[a]:  # the sentence starts where the one before ends: no line break between
            rebuilt[-1] = rebuilt[-1][:-1]
        else:
            rebuilt.append(" " * (s16[a] - at16))
        rebuilt.append(text[s:e] + "\n")
        at16 = e16[z - 1] + 1
        lines.append("")
        lines += [f"#Text={escape_text(part)}" for part in text[s:e].split("\n")]
        for k in range(a, z):
            b, f = rows.starts[k], rows.ends[k]
            if k not in marked:
                lines.append(f"{n}-{k - a + 1}\t{s16[k]}-{e16[k]}\t{text[b:f]}\t{bare}")
                continue
            key = (k, b, f)
            tail = "\t".join(cells(key)) + "\t" if key in annotated else bare
            lines.append(f"{n}-{k - a + 1}\t{s16[k]}-{e16[k]}\t{text[b:f]}\t{tail}")
            for j, key in enumerate(subs.get(k, ()), start=1):
                b, f = key[1], key[2]
                span16 = f"{u16.to_utf16(b)}-{u16.to_utf16(f)}"
                lines.append(f"{n}-{k - a + 1}.{j}\t{span16}\t{text[b:f]}\t" + "\t".join(cells(key)) + "\t")
    if "".join(rebuilt)[:-1] != text[: rows.ends[-1]]:
        report.problem(
            "documents whose text outside the sentences comes back as line breaks and spaces (WebAnno TSV keeps only "
            "the sentences)",
            name,
        )
    return "\n".join(lines) + "\n"
