"""What one exported record's DocBin Doc holds, worked out without spaCy (``plan_doc``): its entities, all spans,
triggers and events aligned to the tokens, the dicts of ``attrs["entities"]`` and ``attrs["events"]``
(``entity_info``, ``event_entry``, ``argument_entry``) and its ``user_data`` (``user_data_of``); what cannot be kept
is reported. The layout is told in ``spacy_docbin``; ``docbin_arrays`` makes the same dicts for the documents it
encodes as arrays."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.categories import document_cats
from annotator.formats.problem_place import Where
from annotator.formats.writing import FormatExportReport
from annotator.formats.meta_keys import SPACY_DOCBIN
from annotator.formats.entity_links import links_of
from annotator.formats.schema_names import GivenSpellings
from annotator.formats.tokens import DocTokens, align

SPAN_KEY = "sc"
TRIGGER_KEY = "triggers"
SCORED_KEY = "scored"  # the entities that have a score, with ``attrs["scores"]`` (a float a span, as spancat writes)
SHAPE = SPACY_DOCBIN  # meta: how the DocBin a document came from spelt the schema's names (``given_spellings``)


@dataclass
class DocPlan:
    """What one record's Doc holds, worked out without spaCy: token spans are (first token, end token, label)."""

    spans: list[tuple[int, int, str]]
    infos: list[dict[str, Any]]
    ents: list[tuple[int, int, str]]
    outside: bool  # tokens outside doc.ents are O (reviewed) rather than missing
    triggers: list[tuple[int, int, str]]
    events: list[dict[str, Any]]
    user_data: dict[str, Any]
    scored: list[tuple[int, int, str]] = field(default_factory=list)  # the spans of entities with a score
    scores: list[float] = field(default_factory=list)  # their scores, in the same order
    cats: dict[str, float] = field(default_factory=dict)  # ``doc.cats`` (``common.document_cats``)
    ent_kbs: list[str] = field(
        default_factory=list
    )  # each of ``ents``' knowledge-base id ("" none: ``entity_links.links_of``)
    groups: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # span groups of the file's names
    # each of ``spans``' knowledge-base id ("" none): an entity kept only in ``doc.spans`` (overlapping another) keeps
    # its link there (a BioNLP Bacteria Biotope entity inside its Title lost it)
    span_kbs: list[str] = field(default_factory=list)


def filter_token_spans(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``spacy.util.filter_spans`` on (start, end, label) tuples: longest first, then earliest; no overlaps."""
    if all(a[1] <= b[0] for a, b in zip(spans, spans[1:])):  # already in order and apart: nothing to filter
        return list(spans)
    seen: set[int] = set()
    out = []
    for sp in sorted(spans, key=lambda x: (x[1] - x[0], -x[0]), reverse=True):
        if sp[0] not in seen and sp[1] - 1 not in seen:
            out.append(sp)
            seen.update(range(sp[0], sp[1]))
    return sorted(out, key=lambda x: x[0])


def entity_info(eid: int, state: str, source: str, annotator: str | None, proxy: bool) -> dict[str, Any]:
    """One entity of ``attrs["entities"]``; ``event_proxy`` only for an entity standing for a nested event."""
    info = {"id": eid, "state": state, "source": source, "annotator": annotator}
    if proxy:
        info["event_proxy"] = True
    return info


def plan_doc(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    mode: str = "expand",
    proxies: set[str] | frozenset[str] = frozenset(),
) -> DocPlan:
    """Align a record's entities and triggers to ``toks`` and report what cannot be kept (see the module doc); labels,
    event types and roles as the DocBin the document came from spelt them (``spelt``: ``PER`` for ``PERSON``)."""
    name = rec["name"]
    given = spelt(rec)
    spans: list[tuple[int, int, str]] = []
    infos: list[dict[str, Any]] = []
    index: dict[Any, int] = {}
    scored: list[tuple[int, int, str]] = []
    scores: list[float] = []
    chars: list[tuple[int, int]] = []  # each span's entity's characters, as stored
    stored: list[str] = []  # and its label
    ents = rec["entities"]
    exact = toks.exact_many([e["start"] for e in ents], [e["end"] for e in ents])
    for e, x in zip(ents, exact):
        where = Where(rec.get("id"), name, f"entity {e['label']}", e["label"])
        hit = x if x is not None else align(toks, e["start"], e["end"], mode, report, where, x)
        if hit is None:
            continue
        index[e["id"]] = len(spans)
        spans.append((hit[0], hit[1] + 1, given.label(e["label"])))
        chars.append((e["start"], e["end"]))
        stored.append(e["label"])
        infos.append(entity_info(e["id"], e["state"], e["source"], e["annotator"], e["label"] in proxies))
        if e.get("score") is not None:
            scored.append(spans[-1])
            scores.append(float(e["score"]))
    apart = _spans_only(rec["meta"])  # the file's spans that were not its doc.ents: in doc.spans alone again
    candidates = [
        sp
        for sp, info, ch in zip(spans, infos, chars)
        if not info.get("event_proxy") and (ch[0], ch[1], sp[2]) not in apart
    ]
    flat = filter_token_spans(candidates)
    kept = set(flat)
    for sp in candidates:  # one problem per entity left out of doc.ents
        if sp not in kept:
            report.problem(
                "overlapping entities kept only in doc.spans",
                f"{name}: {sp[2]} [{toks.starts[sp[0]]}, {toks.ends[sp[1] - 1]})",
            )
        else:
            kept.discard(sp)
    triggers: list[tuple[int, int, str]] = []
    events: list[dict[str, Any]] = []
    trig = [v["trigger"] for v in rec["events"]]
    exact = toks.exact_many([t["start"] for t in trig], [t["end"] for t in trig])
    for v, t, x in zip(rec["events"], trig, exact):
        hit = (
            x
            if x is not None
            else align(
                toks,
                t["start"],
                t["end"],
                mode,
                report,
                Where(rec.get("id"), name, f"trigger of {v['type']}", v["type"]),
                x,
            )
        )
        if hit is None:
            report.problem(
                "events left out (trigger not on token edges)",
                f"{name}: event {v['id']} {v['type']}",
                Where(rec.get("id"), name, label=v["type"]).at(t["start"], t["end"]),
            )
            continue
        arguments = []
        for a in v["arguments"]:
            k = index.get(a["entity_id"])
            if k is None:
                report.problem("arguments left out (entity not exported)", f"{name}: event {v['id']} {a['role']}")
                continue
            s, e, label = spans[k]
            a = {**a, "role": given.role(a["role"])}
            arguments.append(argument_entry(a, k, label, toks.starts[s], toks.ends[e - 1]))
        etype = given.label(v["type"])
        events.append(event_entry({**v, "type": etype}, arguments))
        triggers.append((hit[0], hit[1] + 1, etype))
    plan = DocPlan(spans, infos, flat, rec["status"] == "reviewed", triggers, events, user_data_of(rec))
    plan.cats = document_cats(rec["meta"])
    plan.scored, plan.scores = scored, scores
    plan.groups = _own_groups(rec["meta"], spans, chars, stored)
    kb_of = links_of(rec["meta"])  # a DocBin's kb_ids, a Prodigy link's, a brat normalisation's
    if kb_of:
        by_span = {sp: kb_of.get(c, "") for sp, c in zip(spans, chars)}
        plan.ent_kbs = [by_span.get(sp, "") for sp in flat]
        plan.span_kbs = [by_span.get(sp, "") for sp in spans]
    return plan


def argument_entry(a: dict[str, Any], k: int, label: str, start: int, end: int) -> dict[str, Any]:
    """An event argument in ``attrs["events"]``: its entity is span ``k`` of ``doc.spans["sc"]``, [start, end)."""
    return {"role": a["role"], "entity_id": a["entity_id"], "start": start, "end": end, "label": label, "span": k}


def event_entry(v: dict[str, Any], arguments: list[dict[str, Any]]) -> dict[str, Any]:
    """One event of ``attrs["events"]`` from its exported record (``event_dicts``)."""
    t = v["trigger"]
    return {
        "id": v["id"],
        "type": v["type"],
        "trigger": [t["start"], t["end"]],
        "attributes": v["attributes"],
        "arguments": arguments,
        "state": v["state"],
        "source": v["source"],
    }


def user_data_of(rec: dict[str, Any]) -> dict[str, Any]:
    """``doc.user_data`` of a record (name, id, status, meta, comments), after the keys of its own a DocBin the
    document came from had there (``spacy_doc_extras``: kept in ``meta[SHAPE]``, written back as they came)."""
    kept = rec["meta"].get(SHAPE)
    own = kept.get("user_data") if isinstance(kept, dict) else None
    return ({k: v for k, v in own.items() if not k.startswith("annotator_")} if isinstance(own, dict) else {}) | {
        "annotator_name": rec["name"],
        "annotator_id": rec["id"],
        "annotator_status": rec["status"],
        "annotator_meta": rec["meta"],
        "annotator_comments": [{"author": c["author"], "text": c["text"]} for c in rec["comments"]],
    }


def check_rebuilds(rec: dict[str, Any], toks: DocTokens, words: list[str], report: FormatExportReport) -> None:
    # the length doc.text would have, without making a Token object per token (complete() guarantees the rest)
    if sum(map(len, words)) + sum(toks.spaces) != len(rec["text"]):  # pragma: no cover - complete() guarantees it
        report.problem(
            "documents whose tokens do not rebuild the text", rec["name"], Where(rec.get("id"), rec["name"]).at()
        )


def _spans_only(meta: dict[str, Any]) -> set[tuple[int, int, str]]:
    """The spans of the DocBin a document came from that were in its span groups and not in its ``doc.ents``
    (``spacy_doc_extras.SPANS_ONLY``: characters and the file's label), which the export leaves out of ``doc.ents``."""
    kept = meta.get(SHAPE)
    given = kept.get("spans_only") if isinstance(kept, dict) else None
    return (
        {(x[0], x[1], x[2]) for x in given if isinstance(x, list) and len(x) == 3} if isinstance(given, list) else set()
    )


def spelt(rec: dict[str, Any]) -> GivenSpellings:
    """The spellings the file a record's document came from gave the schema's names (a DocBin's, a Label Studio task's, ...:
    ``GivenSpellings.of_meta``; none: as the schema's)."""
    return GivenSpellings.of_meta(rec["meta"])


def labels_of(rec: dict[str, Any]) -> set[str]:
    """Every label a record's Doc can carry (entity labels and event types, as ``plan_doc`` writes them)."""
    given = spelt(rec)
    return {given.label(e["label"]) for e in rec["entities"]} | {given.label(v["type"]) for v in rec["events"]}


def _own_groups(
    meta: dict[str, Any], spans: list[tuple[int, int, str]], chars: list[tuple[int, int]], stored: list[str]
) -> dict[str, list[tuple[int, int, str]]]:
    """The span groups of names of its own the DocBin the document came from had (``spacy_doc_extras``:
    ``meta[SHAPE]["span_groups"]``, ``[start, end, label]`` by characters, the label as the file spelt it), each
    with the document's entities now on those characters and of that label (``spans`` as written, ``chars`` and
    ``stored``: each one's characters and label as stored), in their order; an entity deleted since is not there (a
    group left without any, not at all); a group the file had empty goes empty again (session 40)."""
    kept = meta.get(SHAPE)
    given = kept.get("span_groups") if isinstance(kept, dict) else None
    out: dict[str, list[tuple[int, int, str]]] = {}
    empty: set[str] = set()  # the file's groups without spans (a spancat group found empty): written empty again
    for name, members in given.items() if isinstance(given, dict) else ():
        wanted = {tuple(m) for m in members if isinstance(m, list) and len(m) == 3}
        if not members:
            empty.add(str(name))
        out[str(name)] = [
            sp for sp, c, lab in zip(spans, chars, stored) if (*c, sp[2]) in wanted or (*c, lab) in wanted
        ]
    return {name: group for name, group in out.items() if group or name in empty}
