"""Prodigy JSONL out: a document as a task (``record_to_task``; the layout is told in ``prodigy``, whose reader takes
it back), the annotators' sets of a document as a review's ``versions``.

Labels, event types and roles go out as the answers a document came in with spelt them (``meta["prodigy"]``'s
``labels`` and ``roles``, kept by the reader: ``schema_names.given_spellings``), else as the schema names them."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import orjson

from annotator.categories import CATEGORIES, document_categories, document_cats
from annotator.formats.problem_place import Where
from annotator.formats.common import option_choice
from annotator.formats.entity_links import PRODIGY_LINKS, links_beyond, without_docbin_links
from annotator.formats.writing import FormatExportReport, write_per_part
from annotator.formats.records import SETS_KEY, ExportRequest, covering_set_records, export_writer
from annotator.formats.prodigy_disabled import DISABLED, mark_disabled
from annotator.formats.prodigy_colors import RELATION_COLORS, colored
from annotator.formats.kept_relations import SHARED, as_prodigy, kept_relations
from annotator.formats.meta_keys import BRAT, PRODIGY, PRODIGY_OWN_KEYS as OWN_KEYS
from annotator.formats.schema_names import GivenSpellings
from annotator.formats.tokens import ALIGN_MODES, DocTokens, align
from annotator.model import FINISHED, HUMAN
from annotator.store import Project


def _hash(*parts: str) -> int:
    return int.from_bytes(
        hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).digest()[:4], "big", signed=True
    )


MORE = "_link_tasks"  # a task's further tasks (its entity links), written after it by the export, never in it


def record_to_task(
    rec: dict[str, Any], toks: DocTokens, report: FormatExportReport, mode: str = "expand"
) -> dict[str, Any]:
    text, name = rec["text"], rec["name"]
    tokens = [
        {"text": text[s:e], "start": s, "end": e, "id": k, "ws": ws}
        for k, (s, e, ws) in enumerate(zip(toks.starts, toks.ends, toks.spaces))
    ]
    spans: list[dict[str, Any]] = []
    # an answered task's spans are its annotations: what nobody decided (and a rejected suggestion, where the export
    # asks for those) goes beside them, in ``suggestions`` with its state, and comes back as it was
    answered = _answered(rec)
    held: list[dict[str, Any]] = []
    by_entity: dict[int, dict[str, Any]] = {}
    kept = rec["meta"].get(PRODIGY) if isinstance(rec["meta"].get(PRODIGY), dict) else {}
    mark_disabled(tokens, kept.get(DISABLED))  # the tokens the Prodigy task did not let her select
    spelt = GivenSpellings.of_meta(rec["meta"])  # the labels, event types and roles as its file spelt them (PER)
    seen: dict[tuple[int, int, str, str], dict[str, Any]] = {}

    def span(
        start: int, end: int, label: str, what: str, state: str = "accepted", source: str | None = None
    ) -> dict[str, Any] | None:
        hit = align(toks, start, end, mode, report, Where(rec.get("id"), name, what, label))
        if hit is None:
            return None
        s, e = toks.starts[hit[0]], toks.ends[hit[1]]
        aside = answered and state in UNDECIDED_OR_REJECTED
        key = (s, e, label, state if aside else "")
        if key not in seen:
            seen[key] = {"start": s, "end": e, "token_start": hit[0], "token_end": hit[1], "label": label}
            if source not in OWN_SOURCES:  # what made it (a pipeline, a person): Prodigy keeps a span's other keys
                seen[key]["source"] = source
            (held if aside else spans).append(seen[key])
        return seen[key]

    for ent in rec["entities"]:
        got = span(
            ent["start"], ent["end"], spelt.label(ent["label"]), f"entity {ent['label']}", ent["state"], ent["source"]
        )
        if got is not None:
            by_entity[ent["id"]] = got
            if ent.get("score") is not None and "score" not in got:  # a suggestion's score, as ner.teach gives it
                got["score"] = ent["score"]
    relations, events = [], []
    for v in rec["events"]:
        t, etype = v["trigger"], spelt.label(v["type"])
        aside = answered and v["state"] in UNDECIDED_OR_REJECTED  # an undecided event: in ``events`` alone, marked
        head = (
            span(t["start"], t["end"], etype, f"trigger of {v['type']}", source=v["source"])
            if not aside
            else _trigger_aside(toks, t, etype, mode, report, name)
        )
        args = []
        for a in v["arguments"]:
            child = by_entity.get(a["entity_id"])
            if child is None:
                continue
            role = spelt.role(a["role"])
            args.append({"role": role, "start": child["start"], "end": child["end"], "label": child["label"]})
            if head is not None and not aside:
                relations.append(
                    {
                        "head": head["token_end"],
                        "child": child["token_end"],
                        "head_span": dict(head),
                        "child_span": dict(child),
                        "label": role,
                    }
                )
        if head is None:
            report.problem("events left out (trigger not on token edges)", f"{name}: event {v['id']} {v['type']}")
            continue
        events.append(
            {
                "type": etype,
                "start": head["start"],
                "end": head["end"],
                "attributes": v["attributes"],
                "arguments": args,
                **({"state": v["state"]} if aside else {}),
                **({"source": v["source"]} if v["source"] not in OWN_SOURCES else {}),
            }
        )
    ends = {(e["start"], e["end"], e["label"]): by_entity[e["id"]] for e in rec["entities"] if e["id"] in by_entity}

    def end_of(end: Any) -> dict[str, Any] | None:
        """A kept relation's end: its entity's span, or words that are no span (``label`` null, as rel.manual
        writes a relation drawn from a token)."""
        if isinstance(end, list) and len(end) == 3 and end[2] is None and all(isinstance(x, int) for x in end[:2]):
            hit = align(toks, end[0], end[1], mode, report, f"{name}: relation end")
            return (
                None
                if hit is None
                else {
                    "start": toks.starts[hit[0]],
                    "end": toks.ends[hit[1]],
                    "token_start": hit[0],
                    "token_end": hit[1],
                    "label": None,
                }
            )
        return ends.get(tuple(end or ()))

    # relations between entities an import kept: a Prodigy import's, and doccano's, Label Studio's, WebAnno TSV's
    for r in [as_prodigy(x) for _, x in kept_relations(rec["meta"], (PRODIGY, *SHARED, BRAT))]:
        if not isinstance(r.get("label"), str):  # Label Studio draws them; rel.manual's always have one
            report.problem(
                "relations without a label left out (a Prodigy relation needs a label; kept in the task's meta)", name
            )
            continue
        head, child = (end_of(r.get(x)) for x in ("head", "child"))
        if head is None or child is None:
            report.problem("Prodigy relations left out (an end is gone)", f"{name}: {r.get('label')}")
            continue
        relations.append(
            {
                "head": head["token_end"],
                "child": child["token_end"],
                "head_span": dict(head),
                "child_span": dict(child),
                "label": r["label"],
            }
        )
    colored(relations, kept.get(RELATION_COLORS))  # the colours the Prodigy import kept, by label
    # the file holds one set: the record of the annotators' sets (teams.sets.META_KEY) would name sets it lacks
    meta = {k: v for k, v in rec["meta"].items() if k not in (PRODIGY, "annotation_sets")}
    # with spans, "accept" would be read as the spans' links, but in the blocks task a choice beside spans came in
    blocks = kept.get("view_id") == "blocks"
    textcat = _textcat(meta, kept) if not spans or blocks else {}
    if textcat:
        meta.pop(CATEGORIES, None)
    links = _links(kept, spans, report, name)  # nel.manual's choices about spans (the ids each links to)
    other = _other_links(rec["meta"], spans, report, name)  # a DocBin's kb_ids, brat's normalisations: as nel.manual's
    links += other
    meta = without_docbin_links(meta, [(x["spans"][0]["start"], x["spans"][0]["end"]) for x in other])  # said once
    # one link on all the task's spans goes on the task itself, as nel.manual saved it; others as tasks of their own
    alone = len(links) == 1 and len(links[0]["spans"]) == len(spans)
    link = {"options": links[0]["options"], "accept": links[0]["accept"]} if alone else {}
    task: dict[str, Any] = {
        "text": text,
        "tokens": tokens,
        "spans": spans,
        "relations": relations,
        "events": events,
        "meta": {**meta, "name": name, "document_id": rec["id"], "status": rec["status"]},
        **textcat,
        **link,
        **({"_view_id": "blocks"} if blocks and textcat else {}),
    }
    if not answered and rec["status"] == "new":  # a task to do: its answer in Prodigy says how far it got (the
        del task["meta"]["status"]  # status it left with, which Prodigy keeps in the meta, beat an accept there)
    if answered and task.get("answer") != "reject":  # the decided spans are its annotations, accepted as they stand
        task["answer"] = "accept"  # (a rejected textcat label stays rejected, whatever the document's status)
        if held:
            task["suggestions"] = [{**h, "state": k[3]} for k, h in seen.items() if k[3]]
    own = kept.get(OWN_KEYS)  # the input's own keys a Prodigy import kept: back at the task's top, as they came
    task.update({k: v for k, v in own.items() if k not in task} if isinstance(own, dict) else {})
    given = kept.get("input_hash")  # the dataset's own (Prodigy's review and --exclude match inputs by it)
    task["_input_hash"] = given if type(given) is int else _hash(text)
    given = kept.get("task_hash")  # the question's own, as Prodigy hashed it (--exclude by task matches it)
    task["_task_hash"] = (
        given if type(given) is int else _hash(text, orjson.dumps(spans).decode(), orjson.dumps(relations).decode())
    )
    if links and not alone:
        task[MORE] = _link_tasks(task, links)
    return task


UNDECIDED_OR_REJECTED = ("suggested", "rejected")
# the sources a Prodigy import gives (its entities', its events'): not written, so a Prodigy file goes back as it came
OWN_SOURCES = (None, "prodigy", "import")


def made_by(given: dict[str, Any], source: str, state: str) -> tuple[str, str]:
    """(source, state) of a span or event our export wrote its ``source`` on (``source`` and ``state`` else): what a
    person made (``human``) and an answer accepts is ``added`` again, as it went out."""
    made = given.get("source") if isinstance(given.get("source"), str) and given.get("source") else source
    return made, ("added" if made == HUMAN and state == "accepted" else state)


def _answered(rec: dict[str, Any]) -> bool:
    """Whether a document goes out as an accepted answer: reviewed or annotated, or with anything decided on it (an
    entity or event accepted, added or rejected); a document nobody touched is a task still to do (no answer)."""
    if rec["status"] in FINISHED:
        return True
    return any(x["state"] != "suggested" for x in rec["entities"] + rec["events"])


def _trigger_aside(
    toks: DocTokens, t: dict[str, Any], label: str, mode: str, report: FormatExportReport, name: str
) -> dict[str, Any] | None:
    """An undecided event's trigger, aligned to the tokens but written as no span of the answer."""
    hit = align(toks, t["start"], t["end"], mode, report, f"{name}: trigger of {label}")
    if hit is None:
        return None
    return {"start": toks.starts[hit[0]], "end": toks.ends[hit[1]], "token_start": hit[0], "token_end": hit[1]}


def _textcat(meta: dict[str, Any], kept: dict[str, Any]) -> dict[str, Any]:
    """A document's categories as Prodigy's textcat answers: ``label`` where they came as textcat.teach's one label
    (rejected where it came so, ``answer: reject``: its spaCy cats at 0.0), else the choice's ``options`` (those the import kept, and a category they lack) and ``accept``; {} for none."""
    cats = document_categories(meta)
    if not cats:  # textcat.teach's one label rejected (spaCy's cats at 0.0): the answer it came as
        declined = [c for c, v in document_cats(meta).items() if v == 0.0]
        return {"label": declined[0], "answer": "reject"} if kept.get("category") == "label" and declined else {}
    if kept.get("category") == "label" and len(cats) == 1:
        return {"label": cats[0]}
    options = [o for o in kept.get("options") or [] if isinstance(o, dict) and "id" in o]
    options += [{"id": c, "text": c} for c in cats if c not in {str(o["id"]) for o in options}]
    return {"options": options, "accept": cats}


def _links(kept: dict[str, Any], spans: list[dict[str, Any]], report: Any, name: str) -> list[dict[str, Any]]:
    """The entity links a Prodigy import kept (nel.manual: the ``options`` offered and the ids ``accept``ed for a
    task's spans) whose spans the task still has, each as ``{"spans": [the task's span dicts], "options", "accept"}``;
    those whose span is gone are left out, said."""
    links = [x for x in kept.get("links") or [] if isinstance(x, dict) and isinstance(x.get("spans"), list)]
    by_key = {(s["start"], s["end"], s["label"]): s for s in spans}
    out = []
    for x in links:
        keys = [tuple(k) for k in x["spans"] if isinstance(k, list)]
        if not keys or len(keys) != len(x["spans"]) or any(k not in by_key for k in keys):
            report.problem("Prodigy entity links left out (their span is gone)", name)
            continue
        out.append(
            {"spans": [by_key[k] for k in keys], "options": x.get("options") or [], "accept": x.get("accept") or []}
        )
    return out


def _other_links(meta: dict[str, Any], spans: list[dict[str, Any]], report: Any, name: str) -> list[dict[str, Any]]:
    """The entity links another format kept (``entity_links``: a DocBin's kb_id, a brat normalisation) as nel.manual
    answers of the task's span: the id its one option, chosen; a link whose span the task lacks is left out, said."""
    by_chars = {(s["start"], s["end"]): s for s in reversed(spans)}  # a span's first dict
    out = []
    for (s, e), kb_id in links_beyond(meta, PRODIGY_LINKS).items():
        if (s, e) not in by_chars:
            report.problem("Prodigy entity links left out (their span is gone)", f"{name} [{s}, {e}): {kb_id}")
            continue
        out.append({"spans": [by_chars[(s, e)]], "options": [{"id": kb_id, "text": kb_id}], "accept": [kb_id]})
    return out


def _link_tasks(task: dict[str, Any], links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """nel.manual's tasks for ``links`` on ``task``'s text, one a link as Prodigy saves them (the text, the linked
    span alone, its ``options`` and ``accept``, the task's answer and ``_input_hash``), so that the reader groups them
    back into the task's document."""
    out = []
    for link in links:
        t: dict[str, Any] = {
            "text": task["text"],
            "tokens": task["tokens"],
            "spans": link["spans"],
            "options": link["options"],
            "accept": link["accept"],
            "_view_id": "choice",
            "meta": {"name": task["meta"]["name"], "document_id": task["meta"]["document_id"]},
        }
        if "answer" in task:
            t["answer"] = task["answer"]
        t["_input_hash"] = task["_input_hash"]
        t["_task_hash"] = _hash(
            task["text"], orjson.dumps(link["spans"]).decode(), orjson.dumps(link["accept"]).decode()
        )
        out.append(t)
    return out


@export_writer("prodigy")
def write_prodigy(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """One task a line (one file per part with ``split=...``)."""
    opts = dict(request.options)
    mode = option_choice(opts, "misaligned", ALIGN_MODES)
    return write_per_part(
        project,
        out,
        request,
        "prodigy",
        lambda rec, toks, report: _lines(
            record_to_task(rec, toks, report, mode),
            {n: record_to_task(r, toks, report, mode) for n, r in covering_set_records(project, request, rec).items()},
            _annotator_set(rec, request.annotation_set or project.annotation_set),
        ),
    )


def _annotator_set(rec: dict[str, Any], exported: str) -> str | None:
    """``exported`` when it is one of the annotators' sets that cover the record's document (``SETS_KEY``: an import
    of several annotators' answers, a merge), else None (the final set, or a set of its own)."""
    covers = rec["meta"].get(SETS_KEY)
    return exported if isinstance(covers, dict) and exported in covers else None


def _lines(task: dict[str, Any], others: dict[str, dict[str, Any]], annotator_set: str | None = None) -> bytes:
    """A document's lines: its task (with the annotators' sets as ``versions``), then its entity links' tasks. The
    export of an annotator's set (``annotator_set``) writes her answer and each other set's as Prodigy saves several
    annotators' answers to one question (``as_answers``), not as a review: she reviewed nothing."""
    more = task.pop(MORE, [])
    for t in others.values():
        t.pop(MORE, None)
    if annotator_set is not None:
        tasks = [*as_answers({annotator_set: task, **others}, task["_task_hash"]), *more]
    else:
        tasks = [with_versions(task, others), *more]
    return b"".join(orjson.dumps(t, option=orjson.OPT_APPEND_NEWLINE) for t in tasks)


def with_versions(task: dict[str, Any], others: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``task`` (the exported set's) with the annotators' sets of its document as a review's ``versions``, each an
    accepted answer of the session named after its set, as Prodigy's review recipe saves them and the reader takes
    them back into those sets (``prodigy_answers.review_versions``)."""
    if not others:
        return task
    versions = [  # the answers to one question: its task's hash (a kept one is the document's, read back so)
        {**t, "_annotator_id": name, "_session_id": name, "sessions": [name], "answer": "accept"}
        | {"_task_hash": task["_task_hash"]}
        for name, t in others.items()
    ]
    return {**task, "sessions": list(others), "versions": versions}


def as_answers(tasks: dict[str, dict[str, Any]], task_hash: int) -> list[dict[str, Any]]:
    """The tasks of a document's sets (by set name) as Prodigy's ``feed_overlap`` saves several annotators' answers to
    one question (what its ``review`` recipe reads): each under ``_annotator_id`` and ``_session_id`` its set's name,
    with the question's one ``_task_hash``, accepted (a rejected text classification's answer stays rejected); read
    back each into its set (``prodigy_answers.by_annotator``). Session 35 wrote an annotator's set's export as a
    review whose ``sessions`` were the other sets alone, and read it back as a reviewer's."""
    return [
        {**t, "_annotator_id": name, "_session_id": name, "_task_hash": task_hash}
        | {"answer": "reject" if t.get("answer") == "reject" else "accept"}
        for name, t in tasks.items()
    ]
