"""The relations between entities the imports keep in a document's meta (the app has no place for them), read as one
list for every export that writes them: doccano's, Label Studio's and WebAnno TSV's keep them in one shape
(``{"type", "from": [start, end, label], "to": [...]}`` under ``meta["doccano"]``, ``meta["label_studio"]``,
``meta["webanno"]``), Prodigy's ``rel.manual`` relations in its own (``{"label", "head", "child"}`` under
``meta["prodigy"]``), brat's in its own (``{"type", "args": [[ROLE, ["T", label, start, end]], ...]}`` under
``meta["brat"]``: those of two spans are read, session 23). Each export took only the keys of its own family, so a
Prodigy dataset's relations went to no doccano, Label Studio or WebAnno file and theirs to no Prodigy file (session 22),
and a brat corpus's relations to none of them (session 23)."""

from __future__ import annotations

from typing import Any, Container, Iterator, Mapping

from annotator.formats.meta_keys import BRAT, DOCCANO, DYGIEPP, LABEL_STUDIO, PRODIGY, WEBANNO
from annotator.formats.webanno_chains import is_chain_link

SHARED = (DOCCANO, LABEL_STUDIO, WEBANNO)  # the keys that keep them in the shared shape
CHAINS_LEFT_OUT = (
    "coreference links left out (no place for them: DyGIE++'s clusters and WebAnno TSV's chains hold them)"
)


def from_words(r: dict[str, Any]) -> bool:
    """Whether a relation (shared shape) has an end on words that are no span (``[start, end, None]``: Prodigy's
    rel.manual draws one from any token), which only a Prodigy file can hold."""
    return any(isinstance(x, list) and len(x) == 3 and x[2] is None for x in (r.get("from"), r.get("to")))


def as_shared(r: dict[str, Any]) -> dict[str, Any]:
    """A Prodigy relation (``label``, ``head``, ``child``) in the shape the other imports keep (``type``, ``from``,
    ``to``)."""
    return {"type": r.get("label"), "from": r.get("head"), "to": r.get("child")}


def from_brat(r: dict[str, Any]) -> dict[str, Any] | None:
    """A brat relation (``type``, ``args`` of a role and the span it names) in the shared shape, its first argument the
    ``from`` end (``Arg1``); None for one whose arguments are not two spans (an event's: only brat holds it)."""
    args = r.get("args")
    if not isinstance(args, list) or len(args) != 2:
        return None
    ends = [a[1] for a in args if isinstance(a, list) and len(a) == 2 and isinstance(a[1], list)]
    if len(ends) != 2 or any(len(e) != 4 or e[0] != "T" for e in ends):
        return None
    (_, a_label, a_start, a_end), (_, b_label, b_start, b_end) = ends
    return {"type": r.get("type"), "from": [a_start, a_end, a_label], "to": [b_start, b_end, b_label]}


def own_roles(r: dict[str, Any]) -> bool:
    """Whether a brat relation has roles of its own (``Anaphor``, ``Antecedent``), which the shared shape has no place
    for: its ``from`` and ``to`` come back to brat as ``Arg1`` and ``Arg2``."""
    args = r.get("args")
    roles = [a[0] for a in args if isinstance(a, list) and a] if isinstance(args, list) else []
    return roles != ["Arg1", "Arg2"]


def event_ended(meta: dict[str, Any]) -> list[str]:
    """The types of the relations brat's meta keeps that are not of two spans (an end that is an event, ``Mod-Link
    Arg1:E2 Arg2:T7``): an export whose relations join entities alone leaves them out, and says so (session 24)."""
    kept = meta.get(BRAT)
    given = kept.get("relations") if isinstance(kept, dict) else None
    return [str(r.get("type")) for r in given or [] if isinstance(r, dict) and from_brat(r) is None]


EVENT_ENDED = "brat relations from or to an event left out (the format's relations join entities)"


def event_ended_shared(meta: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """The relations brat's meta keeps with an end that is an event (``Cause Arg1:E1 Arg2:T3``) and two ends alone
    (``Arg1``, ``Arg2``), in the shared shape, an event's end as its trigger's ``[start, end, type]`` (the span an
    export whose relations join spans writes a stand-in on: WebAnno TSV's ``NamedEntity`` labelled with the type, read
    back as the event, as a nested event's); and the types of the others (an end that is a relation, roles of their
    own, a second event of the type on that trigger), which stay brat's alone."""
    kept = meta.get(BRAT)
    given = kept.get("relations") if isinstance(kept, dict) else None
    out, left = [], []
    for r in given or []:
        if not isinstance(r, dict) or from_brat(r) is not None:
            continue
        args = r.get("args") if isinstance(r.get("args"), list) else []
        ends = [a[1] for a in args if isinstance(a, list) and len(a) == 2 and isinstance(a[1], list)]
        shaped = len(ends) == 2 == len(args) and not own_roles(r)
        if not shaped or any(
            len(e) < 4 or e[0] not in ("T", "E") or e[0] == "E" and e[4:5] not in ([], [0]) for e in ends
        ):
            left.append(str(r.get("type")))
            continue
        (_, a_label, a_start, a_end, *_), (_, b_label, b_start, b_end, *_) = ends
        out.append({"type": r.get("type"), "from": [a_start, a_end, a_label], "to": [b_start, b_end, b_label]})
    return out, left


def with_others(own: list[dict[str, Any]], meta: dict[str, Any]) -> list[dict[str, Any]]:
    """An import's own relations (shared shape), then another tool's between entities not among them (brat's of two
    spans, doccano's, Label Studio's, WebAnno TSV's, Prodigy's: session 24), for the exports that write relations
    between entities from their own key first (DyGIE++, OneIE); coreference chain links are none (``chain_links``)."""
    given = {repr((r.get("type"), r.get("from"), r.get("to"))) for r in own}
    others = [
        r
        for _, r in kept_relations(meta, (BRAT, *SHARED, PRODIGY))
        if repr((r.get("type"), r.get("from"), r.get("to"))) not in given and not is_chain_link(r)
    ]
    return own + others


def chain_links(meta: dict[str, Any]) -> list[dict[str, Any]]:
    """The coreference chain links (WebAnno TSV's chains, CorefUD's, WikiEvents' clusters) the document keeps:
    no relation between entities, so ``with_others`` leaves them to the exports that write chains (session 31: the
    DyGIE++ export wrote each link as a ``Coreference`` relation beside its cluster, OneIE's as a relation mention)."""
    return [r for _, r in kept_relations(meta, SHARED) if is_chain_link(r)]


def entity_relations(
    meta: dict[str, Any],
    by_span: Mapping[tuple[int, int, str], int],
    written: Container[int],
    problems: Any,
    name: str,
    chains_written: bool = False,
) -> Iterator[tuple[dict[str, Any], int, int]]:
    """The relations between entities for an export whose relations join the entity mentions it wrote (OneIE,
    WikiEvents): a DyGIE++ import's own (``meta["dygiepp"]``), then another tool's (``with_others``), each with the
    ids of its two entities (``by_span``: (start, end, label) -> entity id). Left out and said (``problems``, the
    document ``name``): brat's from an event (``EVENT_ENDED``), another tool's from words that are no entity, and one
    with an end that is gone or was not written (not in ``written``); chain links too, but by an export that writes
    them elsewhere (``chains_written``: WikiEvents' coref file)."""
    kept = meta.get(DYGIEPP)
    given = kept.get("relations") if isinstance(kept, dict) else None
    own = [r for r in given or [] if isinstance(r, dict)]
    for t in event_ended(meta):  # brat's from an event: the format's relations join entities
        problems.problem(EVENT_ENDED, f"{name}: {t}")
    for r in [] if chains_written else chain_links(meta):
        problems.problem(CHAINS_LEFT_OUT, f"{name}: {r.get('type')}")
    for r in with_others(own, meta):
        if r not in own and from_words(r):
            problems.problem("relations from words that are no entity left out", f"{name}: {r.get('type')}")
            continue
        ends = [by_span.get(tuple(x)) if isinstance(x, list) else None for x in (r.get("from"), r.get("to"))]
        one, two = ends
        if one is None or two is None or one not in written or two not in written:
            problems.problem("relations left out (an end is gone)", f"{name}: {r.get('type')}")
            continue
        yield r, one, two


def as_prodigy(r: dict[str, Any]) -> dict[str, Any]:
    """A relation in the shared shape as a Prodigy import keeps it."""
    return {"label": r.get("type"), "head": r.get("from"), "child": r.get("to")}


def kept_relations(meta: dict[str, Any], keys: tuple[str, ...]) -> list[tuple[str, dict[str, Any]]]:
    """The relations kept under each of ``keys`` (with the key each came under), in the shared shape (Prodigy's
    converted); one given under two keys with the same type and ends (a file of one tool read back from another's
    export keeps both) once, the first."""
    out: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    for key in keys:
        kept = meta.get(key)
        for r in kept.get("relations", []) if isinstance(kept, dict) else []:
            if not isinstance(r, dict):
                continue
            shared = as_shared(r) if key == PRODIGY else from_brat(r) if key == BRAT else r
            if shared is None:
                continue
            same = repr((shared.get("type"), shared.get("from"), shared.get("to")))
            if same not in seen:
                seen.add(same)
                out.append((key, shared))
    return out


def unwritten(key: str, kept: dict[str, Any]) -> dict[str, Any]:
    """A meta value that holds relations (``kept``, under ``key``) without those an export of relations between
    entities writes as its own (of two spans); the others stay in it (brat's with an event's end, Prodigy's from words
    that are no span), for a file that carries the meta to bring them back, and so do brat's with roles of their own
    (``own_roles``: written as the export's too, brought back once, ``kept_relations``; session 24)."""
    given = kept.get("relations")
    if not isinstance(given, list):
        return kept
    left = []
    for r in given:
        shared = (
            (as_shared(r) if key == PRODIGY else from_brat(r) if key == BRAT else r) if isinstance(r, dict) else None
        )
        if shared is None or from_words(shared) or (key == BRAT and own_roles(r)):
            left.append(r)  # (one with roles of its own goes out as the export's and stays here for its roles)
    out = {k: v for k, v in kept.items() if k != "relations"}
    return {**out, "relations": left} if left else out
