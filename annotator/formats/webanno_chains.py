"""WebAnno TSV coreference chains (``#T_CH`` layers: DKPro Core's ``CoreferenceLink``, a project's own chain layers)
as the project keeps them: a relation between entities from each mention to the one before it in its chain, in the
shape every kept relation has (``meta["webanno"]["relations"]``, which the WebAnno TSV, doccano and Label Studio
exports write), with ``"chain"`` (its chain's number) and the link features needed to write the chain back.

In: ``webanno_chains_read`` (the reader's side; this module imports nothing of the import's). Out: the relations of
each ``(layer, chain)`` joined back into chains, in order, each link on the rows of its entity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, TypeVar

from annotator.formats.webanno_tsv import SOURCE, short_name

RELATION = "referenceRelation"
TYPE = "referenceType"
PREVIOUS_TYPE = "previousReferenceType"
MENTION = "Mention"  # the label of a mention on no entity's span that has no referenceType
CHAIN = "chain"  # the key that marks a kept relation as a chain link (its chain's number in the document)
# the entities a chain's mentions made (on no span of another layer), [start, end, label]: written back in the chain
# alone, not as NamedEntity spans the file never had (session 33)
CHAIN_MENTIONS = "chain_mentions"


def chain_mentions(meta: dict[str, Any]) -> set[tuple[int, int, str]]:
    """The (start, end, label) of the entities a WebAnno TSV import made of chain mentions alone (``CHAIN_MENTIONS``
    in ``meta["webanno"]``); an item not of that shape is passed over."""
    kept = meta.get(SOURCE)
    given = kept.get(CHAIN_MENTIONS) if isinstance(kept, dict) else None
    return {
        (x[0], x[1], x[2])
        for x in (given if isinstance(given, list) else ())
        if isinstance(x, list) and len(x) == 3 and type(x[0]) is int and type(x[1]) is int and isinstance(x[2], str)
    }


def chain_type(layer: str) -> str:
    """The relation type a chain layer's links are kept as: ``...CoreferenceLink`` -> ``Coreference``."""
    name = short_name(layer)
    return name[: -len("Link")] if name.endswith("Link") and len(name) > 4 else name


def is_chain_link(relation: Any) -> bool:
    """Is a kept relation a coreference chain's link (written as a chain, not on a relation layer)?"""
    return (
        isinstance(relation, dict) and isinstance(relation.get(CHAIN), int) and isinstance(relation.get("layer"), str)
    )


S = TypeVar("S")


@dataclass
class ChainLink:
    """A mention of a chain going out: its span, its type, its relation to the next mention."""

    span: Any
    type: Any
    relation: Any


def chains_out(
    relations: Iterable[dict[str, Any]], span_of: Callable[[Any], S | None], problem: Callable[[str], None]
) -> list[tuple[str, list[ChainLink]]]:
    """The chains the kept chain-link relations make, as ``(layer, links in order)``; ``span_of`` finds an end's span
    (None when it is not written: the relation is left out, said through ``problem``, and the chain goes out in the
    pieces that are left)."""
    groups: dict[tuple[str, int], list[tuple[S, S, dict[str, Any]]]] = {}
    for r in relations:
        ends = [span_of(r.get("from")), span_of(r.get("to"))]
        if ends[0] is None or ends[1] is None:
            problem(str(r.get("type")))
            continue
        features = r.get("features") if isinstance(r.get("features"), dict) else {}
        groups.setdefault((r["layer"], r[CHAIN]), []).append((ends[0], ends[1], features))
    out: list[tuple[str, list[ChainLink]]] = []
    for (layer, _chain), edges in groups.items():
        prev: dict[int, S] = {}
        after: dict[int, S] = {}
        link: dict[int, ChainLink] = {}
        order: list[S] = []
        for here, before, features in edges:
            for sp in (before, here):
                if id(sp) not in link:
                    link[id(sp)] = ChainLink(sp, None, None)
                    order.append(sp)
            link[id(here)].type = features.get(TYPE)
            link[id(before)].type = features.get(PREVIOUS_TYPE, link[id(before)].type)
            link[id(before)].relation = features.get(RELATION)
            prev.setdefault(id(here), before)
            after.setdefault(id(before), here)
        seen: set[int] = set()
        for head in [sp for sp in order if id(sp) not in prev] or order[:1]:
            chain: list[ChainLink] = []
            node: S | None = head
            while node is not None and id(node) not in seen:
                seen.add(id(node))
                chain.append(link[id(node)])
                node = after.get(id(node))
            if len(chain) > 1:
                out.append((layer, chain))
    return out


def kept_chains(
    kept: Any, span_of: Callable[[Any], S | None], problem: Callable[[str], None]
) -> list[tuple[str, list[ChainLink]]]:
    """The chains of the chain links among the relations a WebAnno TSV import kept (``kept``: its meta entry,
    ``meta["webanno"]``), as ``chains_out`` joins them: for the WebAnno TSV export's chain layers and DyGIE++'s
    ``clusters``."""
    links = [r for r in kept.get("relations", []) if is_chain_link(r)] if isinstance(kept, dict) else []
    return chains_out(links, span_of, problem) if links else []


COREFERENCE_LINK = "de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink"


def chain_link(here: list[Any], before: list[Any], chain: int) -> dict[str, Any]:
    """A kept chain link (DKPro Core's ``CoreferenceLink`` layer) from ``here`` to ``before`` (``[start, end, label]``)
    in chain number ``chain``: the one shape every import's chains are kept in."""
    return {
        "layer": COREFERENCE_LINK,
        "type": chain_type(COREFERENCE_LINK),
        "features": {RELATION: None, TYPE: None, PREVIOUS_TYPE: None},
        CHAIN: chain,
        "from": here,
        "to": before,
    }


def with_equivalences(kept: Any, equivalences: Any, label_at: Callable[[int, int], str | None]) -> Any:
    """``kept`` (``meta["webanno"]``) with brat's equivalences (``meta["brat"]["equivalences"]``: members
    ``["T", label, start, end]``) as chains after its own, a link from each member to the one before it, each member
    labelled as the document's entity there (``label_at``; the member's own label when none): brat declares an
    equivalence symmetric and transitive, a chain (session 31: the WebAnno TSV export said each "left out (the
    format has no place for them)"). ``kept`` as it is when there are none."""
    given = [v for v in equivalences if isinstance(v, dict)] if isinstance(equivalences, list) else []
    if not given:
        return kept
    relations = list(kept.get("relations", [])) if isinstance(kept, dict) else []
    number = max((r[CHAIN] for r in relations if is_chain_link(r)), default=0)
    for item in given:
        spans = [
            [m[2], m[3], label_at(m[2], m[3]) or m[1]]
            for m in item.get("members") or []
            if isinstance(m, list) and len(m) >= 4 and m[0] == "T" and isinstance(m[2], int) and isinstance(m[3], int)
        ]
        if len(spans) > 1:
            number += 1
            relations += [chain_link(spans[k], spans[k - 1], number) for k in range(1, len(spans))]
    return {**(kept if isinstance(kept, dict) else {}), "relations": relations}
