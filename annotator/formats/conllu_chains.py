"""CorefUD's coreference (which ``Entity=`` mentions are one entity: their entity id) kept as the project keeps the
coreference chains of a WebAnno TSV import (``webanno_chains``): a relation from each mention to the one before it in
its chain, in ``meta["webanno"]["relations"]`` with the chain's number, on DKPro Core's ``CoreferenceLink`` layer. So
the WebAnno TSV export writes them as chains, the DyGIE++ export as ``clusters``, doccano's and Label Studio's as
relations. A chain of one mention has no link to keep (its mention stays an entity).
"""

from __future__ import annotations

from typing import Any, Sequence

from annotator.formats.webanno_chains import CHAIN, chain_link, is_chain_link
from annotator.formats.webanno_tsv import SOURCE
from annotator.importing import IncomingDocument

KEPT = SOURCE  # where the chains of every import are kept (meta["webanno"], as a WebAnno TSV import keeps them)


def keep_chains(
    docs: Sequence[IncomingDocument], lines: Sequence[Sequence[int]], mentions: Sequence[tuple[int, int, str, str]]
) -> tuple[int, int]:
    """Put the chains of ``mentions`` (first word's line, last word's line, type, entity id) into the documents' meta;
    ``lines``: each document's tokens' line numbers, in order (the tokens ``doc.tokens`` holds). The links kept, and
    the mentions left out (on no entity's words)."""
    at: dict[int, tuple[int, int]] = {}  # a word's line -> (document, token)
    for d, numbers in enumerate(lines):
        at.update({n: (d, k) for k, n in enumerate(numbers)})
    chains: dict[tuple[int, str], list[tuple[int, int, str]]] = {}  # (document, entity id) -> its mentions' spans
    unplaced = 0
    labels: dict[int, dict[tuple[int, int], list[str]]] = {}  # a document's entity labels by span, made when needed
    for first, last, etype, eid in mentions:
        if first not in at or last not in at or at[first][0] != at[last][0]:
            continue
        d = at[first][0]
        starts, ends = docs[d].tokens[0], docs[d].tokens[1]  # type: ignore[index]
        span = (starts[at[first][1]], ends[at[last][1]])
        if d not in labels:
            labels[d] = entity_labels(docs[d])
        label = entity_label(labels[d], span, etype)
        if label is not None:
            chains.setdefault((d, eid.split("[")[0]), []).append((*span, label))  # e3[1/2]: a part of e3's mention
        else:
            unplaced += 1
    by_doc: dict[int, list[list[tuple[int, int, str]]]] = {}
    for (d, _), spans in chains.items():
        by_doc.setdefault(d, []).append(spans)
    return sum(keep_span_chains(docs[d], got) for d, got in by_doc.items()), unplaced


def keep_span_chains(doc: IncomingDocument, chains: Sequence[Sequence[tuple[int, int, str]]]) -> int:
    """Keep ``chains`` (each its mentions' character spans with their entities' labels, in order) in ``doc``'s meta as
    coreference links, numbered after the chains it already holds; a mention given twice counts once, a chain of one
    mention has no link. The links kept."""
    kept = doc.meta.get(KEPT, {}).get("relations", [])
    number = max((r[CHAIN] for r in kept if is_chain_link(r)), default=0)
    links: list[dict[str, Any]] = []
    for chain in chains:
        spans = list(dict.fromkeys(chain))
        if len(spans) > 1:
            number += 1
            links += [chain_link(list(spans[k]), list(spans[k - 1]), number) for k in range(1, len(spans))]
    if links:
        doc.meta.setdefault(KEPT, {}).setdefault("relations", []).extend(links)
    return len(links)


def entity_labels(doc: IncomingDocument) -> dict[tuple[int, int], list[str]]:
    """The labels of the document's entities by their spans (``entity_label`` looks a mention up in it)."""
    out: dict[tuple[int, int], list[str]] = {}
    for e in doc.entities:
        out.setdefault((e.start, e.end), []).append(e.label)
    return out


def entity_label(labels: dict[tuple[int, int], list[str]], span: tuple[int, int], etype: str = "") -> str | None:
    """The label of the entity on ``span`` (``labels``: ``entity_labels`` of its document; the one of type ``etype``
    where several are there, as the schema names it); None when no entity is there."""
    here = labels.get(span, [])
    return next((x for x in here if x.lower() == etype.lower()), here[0] if here else None)
