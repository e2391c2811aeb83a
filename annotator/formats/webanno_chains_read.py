"""WebAnno TSV coreference chains read: a file's chain links as relations between entities, in the shape
``webanno_chains`` describes (its names, shared with the export, are there).

In: a mention on an entity's span is that entity; a mention on no entity's span becomes an entity, labelled with its
``referenceType`` (INCEpTION's mention type: ``nam``, ``pro``, ...), or ``Mention`` when it has none, labels a new
project's schema takes as any other (``webanno_schema``). A relation from mention k to mention k-1 keeps
``referenceRelation`` (link k-1's, the relation between the two), ``referenceType`` (mention k's) and
``previousReferenceType`` (mention k-1's). A chain of one mention has no relation to keep: its entity stays, the chain
is reported; so is a value on a chain's last link (``referenceRelation`` says how a link relates to the next one).
"""

from __future__ import annotations

from typing import Any, Protocol

from annotator.formats.webanno_chains import CHAIN, MENTION, PREVIOUS_TYPE, RELATION, TYPE, chain_type
from annotator.formats.webanno_layout import Annotation, Layout
from annotator.formats.webanno_tsv import short_name
from annotator.importing import IncomingDocument, IncomingEntity


class _Warn(Protocol):
    def add(self, kind: str, example: str = "") -> None: ...


def read_chains(layout: Layout, doc: IncomingDocument, source: str, warn: _Warn) -> list[dict[str, Any]]:
    """The file's chain links as relations between entities (``doc.entities`` gains the mentions that are no
    entity's span); what cannot be kept goes to ``warn``."""
    by_span: dict[tuple[int, int], IncomingEntity] = {}
    for e in doc.entities:
        by_span.setdefault((e.start, e.end), e)
    chains: dict[tuple[str, int], list[Annotation]] = {}
    for a in layout.links:
        if a.begin >= a.end:
            warn.add("zero-width chain links", f"{a.units[0].id} {short_name(a.layer)} {a.ids[0]}-{a.ids[1]}")
            continue
        chains.setdefault((a.layer, a.ids[0]), []).append(a)
    out: list[dict[str, Any]] = []
    for number, ((layer, chain), links) in enumerate(chains.items(), start=1):
        links.sort(key=lambda a: a.ids[1])
        mentions = [_mention(a, by_span, doc, source) for a in links]
        where = f"{links[0].units[0].id} {short_name(layer)} chain {chain}"
        if len(links) == 1:
            warn.add("chains of one mention (its entity kept; no relation to keep the chain by)", where)
        if links[-1].features.get(RELATION) is not None:
            warn.add("relation values on a chain's last link (there is no link after it)", where)
        for k in range(1, len(links)):
            here, before = mentions[k], mentions[k - 1]
            out.append(
                {
                    "layer": layer,
                    "type": chain_type(layer),
                    "features": {
                        RELATION: links[k - 1].features.get(RELATION),
                        TYPE: links[k].features.get(TYPE),
                        PREVIOUS_TYPE: links[k - 1].features.get(TYPE),
                    },
                    CHAIN: number,
                    "from": [here.start, here.end, here.label],
                    "to": [before.start, before.end, before.label],
                }
            )
    return out


def _mention(
    a: Annotation, by_span: dict[tuple[int, int], IncomingEntity], doc: IncomingDocument, source: str
) -> IncomingEntity:
    got = by_span.get((a.begin, a.end))
    if got is None:
        label = a.features.get(TYPE) or MENTION
        got = by_span[(a.begin, a.end)] = IncomingEntity(len(doc.entities), a.begin, a.end, label, "accepted", source)
        doc.entities.append(got)
    return got
