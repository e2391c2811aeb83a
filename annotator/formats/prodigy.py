"""Prodigy JSONL: tasks out (text, tokens with ws, spans, relations, answer, meta) and accepted answers in.

Out, per document: ``tokens`` (text, start, end, id, ws), ``spans`` for entities and for triggers
(labelled with the event type; a trigger shared by events of one type is one span), ``relations`` from
each trigger to each argument labelled with the role (``head``/``child`` are the spans' last tokens),
``answer: "accept"`` for a document reviewed, annotated or with a decision on it, its ``spans`` the decided ones and
what nobody decided (or rejected) beside them in ``suggestions`` with its state (no answer for a document nobody
touched: a task still to be done, its suggestions its spans), ``meta``
(name, document_id, status and the document's meta), ``events`` (type, start, end, attributes,
arguments) so that events sharing a trigger and attributes survive, ``_input_hash``/``_task_hash``.

In: tasks are grouped by ``_input_hash`` (or text); rejected and ignored answers are left out and counted;
accepted spans are merged, one annotator's (``_annotator_id``) at a time: when several answered one text, each one's
answers go into an annotation set named after them (``prodigy_answers``). A label naming an event type is a trigger; relations from a trigger become
its arguments (``events`` wins when present). Offsets are checked against the span ``text`` when given,
and read as UTF-16 units when that is what fits. The task's own ``tokens`` are kept as the document's tokens (the first
accepted task's that fit the text; sentences cut among them by the fallback's rule), so the token exports, Prodigy's
own included, cut the text as the task did. Text classification answers (a task's ``label``, the choice's ``accept``
among its ``options``) are the document's categories (``formats.common.CATEGORIES``), written back the same way.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import orjson

from annotator.wording import counted
from annotator.formats.prodigy_answers import binary, by_annotator
from annotator.formats.common import (
    CATEGORIES,
    LabelTally,
    categories_note,
    document_categories,
    need_known_labels,
    FormatExportReport,
    ReadResult,
    check_with_line,
    fit_span,
    iter_jsonl,
    need,
    option_choice,
    trigger_labels,
    write_per_part,
)
from annotator.formats.schema_names import GivenSpellings, SchemaNames, given_spellings
from annotator.formats.records import ExportRequest, covering_set_records, export_writer
from annotator.formats.tokens import ALIGN_MODES, DocTokens, align
from annotator.db import is_score
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent
from annotator.model import STATUSES
from annotator.schema import Schema
from annotator.tokens import sentence_starts
from annotator.store import Project


def _hash(*parts: str) -> int:
    return int.from_bytes(
        hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).digest()[:4], "big", signed=True
    )


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
    kept = rec["meta"].get("prodigy") if isinstance(rec["meta"].get("prodigy"), dict) else {}
    spelt = GivenSpellings.of(kept)  # the labels, event types and roles as the answers spelt them (PER for PERSON)
    seen: dict[tuple[int, int, str, str], dict[str, Any]] = {}

    def span(start: int, end: int, label: str, what: str, state: str = "accepted") -> dict[str, Any] | None:
        hit = align(toks, start, end, mode, report, f"{name}: {what}")
        if hit is None:
            return None
        s, e = toks.starts[hit[0]], toks.ends[hit[1]]
        aside = answered and state in UNDECIDED_OR_REJECTED
        key = (s, e, label, state if aside else "")
        if key not in seen:
            seen[key] = {"start": s, "end": e, "token_start": hit[0], "token_end": hit[1], "label": label}
            (held if aside else spans).append(seen[key])
        return seen[key]

    for ent in rec["entities"]:
        got = span(ent["start"], ent["end"], spelt.label(ent["label"]), f"entity {ent['label']}", ent["state"])
        if got is not None:
            by_entity[ent["id"]] = got
            if ent.get("score") is not None and "score" not in got:  # a suggestion's score, as ner.teach gives it
                got["score"] = ent["score"]
    relations, events = [], []
    for v in rec["events"]:
        t, etype = v["trigger"], spelt.label(v["type"])
        aside = answered and v["state"] in UNDECIDED_OR_REJECTED  # an undecided event: in ``events`` alone, marked
        head = (
            span(t["start"], t["end"], etype, f"trigger of {v['type']}")
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

    for r in kept.get("relations", []):  # relations between entities a Prodigy import kept
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
    # the file holds one set: the record of the annotators' sets (teams.sets.META_KEY) would name sets it lacks
    meta = {k: v for k, v in rec["meta"].items() if k not in ("prodigy", "annotation_sets")}
    textcat = _textcat(meta, kept) if not spans else {}  # with spans, "accept" would be read as the spans' links
    if textcat:
        meta.pop(CATEGORIES, None)
    task: dict[str, Any] = {
        "text": text,
        "tokens": tokens,
        "spans": spans,
        "relations": relations,
        "events": events,
        "meta": {**meta, "name": name, "document_id": rec["id"], "status": rec["status"]},
        **textcat,
    }
    if answered:  # the decided spans are its annotations, accepted as they stand
        task["answer"] = "accept"
        if held:
            task["suggestions"] = [{**h, "state": k[3]} for k, h in seen.items() if k[3]]
    task["_input_hash"] = _hash(text)
    task["_task_hash"] = _hash(text, orjson.dumps(spans).decode(), orjson.dumps(relations).decode())
    return task


UNDECIDED_OR_REJECTED = ("suggested", "rejected")


def _answered(rec: dict[str, Any]) -> bool:
    """Whether a document goes out as an accepted answer: reviewed or annotated, or with anything decided on it (an
    entity or event accepted, added or rejected); a document nobody touched is a task still to do (no answer)."""
    if rec["status"] in ("reviewed", "annotated"):
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
    """A document's categories as Prodigy's textcat answers: ``label`` where they came as textcat.teach's one label,
    else the choice's ``options`` (those the import kept, and a category they lack) and ``accept``; {} for none."""
    cats = document_categories(meta)
    if not cats:
        return {}
    if kept.get("category") == "label" and len(cats) == 1:
        return {"label": cats[0]}
    options = [o for o in kept.get("options") or [] if isinstance(o, dict) and "id" in o]
    options += [{"id": c, "text": c} for c in cats if c not in {str(o["id"]) for o in options}]
    return {"options": options, "accept": cats}


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
        lambda rec, toks, report: orjson.dumps(
            with_versions(
                record_to_task(rec, toks, report, mode),
                {
                    n: record_to_task(r, toks, report, mode)
                    for n, r in covering_set_records(project, request, rec).items()
                },
            ),
            option=orjson.OPT_APPEND_NEWLINE,
        ),
    )


def with_versions(task: dict[str, Any], others: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``task`` (the exported set's) with the annotators' sets of its document as a review's ``versions``, each an
    accepted answer of the session named after its set, as Prodigy's review recipe saves them and the reader takes
    them back into those sets (``prodigy_answers.review_versions``)."""
    if not others:
        return task
    versions = [
        {**t, "_annotator_id": name, "_session_id": name, "sessions": [name], "answer": "accept"}
        for name, t in others.items()
    ]
    return {**task, "sessions": list(others), "versions": versions}


# -- reading --------------------------------------------------------------------------------------
def _span(
    text: str,
    s: Any,
    path: Path,
    line: int,
    what: str,
    remapped: list[str],
    bare: bool = False,
    names: SchemaNames | None = None,
    tokens: Any = None,
) -> tuple[int, int, str]:
    """A span object's offsets (checked against the text) and label (as the schema names it, with ``names``);
    ``bare``: a relation's end, which may be words that are no span (rel.manual draws relations from any token: its
    ``head_span`` then has ``"label": null``); ``tokens``: the task's own, which may confirm offsets its ``text``
    does not."""
    need(isinstance(s, dict), path, line, f"{what} must be an object")
    label = s.get("label")
    need((bare and label is None) or (isinstance(label, str) and label != ""), path, line, f"{what} needs a label")
    got = fit_span(text, s.get("start"), s.get("end"), s.get("text") if isinstance(s.get("text"), str) else None)
    if got is None and isinstance(s.get("text"), str) and _tokens_confirm(text, s, tokens):
        # Prodigy places a span by its offsets and tokens; its "text" is only shown (a converter may leave a
        # word piece there: "Zulu" on the token "Zuluovia")
        got = (s["start"], s["end"], "")
        remapped.append(
            f"{path}:{line}: {what}: its text {s['text']!r} is not the text at its offsets "
            f"{text[s['start'] : s['end']]!r}; kept by its offsets, which its tokens confirm"
        )
    need(
        got is not None,
        path,
        line,
        f"{what} has offsets {s.get('start')!r}, {s.get('end')!r} that do not fit the text"
        + (f" (expected {s['text']!r})" if isinstance(s.get("text"), str) else ""),
    )
    if got[2]:
        remapped.append(f"{path}:{line}: {what} offsets read as UTF-16 units")
    return got[0], got[1], names.region(label) if names is not None and label is not None else label


def _tokens_confirm(text: str, s: dict[str, Any], tokens: Any) -> bool:
    """Do the span's ``token_start`` and ``token_end`` name tokens of the task that fit the text and begin and end
    exactly at its ``start`` and ``end``?"""
    if not isinstance(tokens, list):
        return False
    start, end, first, last = (s.get(k) for k in ("start", "end", "token_start", "token_end"))
    if not all(type(v) is int for v in (start, end, first, last)) or not 0 <= first <= last < len(tokens):
        return False
    if not 0 <= start < end <= len(text):
        return False

    def fits(t: Any) -> bool:
        return (
            isinstance(t, dict)
            and type(t.get("start")) is int
            and type(t.get("end")) is int
            and isinstance(t.get("text"), str)
            and text[t["start"] : t["end"]] == t["text"]
        )

    a, b = tokens[first], tokens[last]
    return fits(a) and fits(b) and a["start"] == start and b["end"] == end


def read_prodigy(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """Accepted answers grouped by input; nothing is returned if any line is broken."""
    path = Path(path)
    warnings: list[str] = []
    notes: list[str] = []
    groups: dict[Any, dict[str, Any]] = {}
    skipped = rejected = declined = 0
    for line, task in iter_jsonl(path):
        need(isinstance(task, dict), path, line, "each line must be a JSON object (a Prodigy task)")
        text = task.get("text")
        need(isinstance(text, str) and text != "", path, line, "'text' must be a non-empty string")
        answer = task.get("answer")
        need(answer in (None, "accept", "reject", "ignore"), path, line, f"unknown answer {answer!r}")
        key = task.get("_input_hash")
        key = text if key is None else key
        need(
            isinstance(key, (int, str)) and not isinstance(key, bool),
            path,
            line,
            f"'_input_hash' must be a number (Prodigy's hash of the input), not {key!r}",
        )
        g = groups.setdefault(key, {"text": text, "line": line, "tasks": [], "rejected": []})
        need(g["text"] == text, path, line, f"_input_hash {key!r} was used for another text (line {g['line']})")
        if answer == "reject" and binary(task) and task.get("spans"):  # a model's span said to be wrong
            g["rejected"].append((line, task))
            rejected += 1
            continue
        if answer == "reject" and isinstance(task.get("label"), str) and not task.get("spans"):
            g["tasks"].append((line, task))  # textcat.teach: the text is not of that category (spaCy's cats 0.0)
            declined += 1
            continue
        if answer in ("reject", "ignore"):
            skipped += 1
            continue
        g["tasks"].append((line, task))
    if skipped:
        warnings.append(f"{path}: {skipped} rejected or ignored answers left out")
    if declined:
        notes.append(
            f"{path}: {counted(declined, 'rejected textcat answer')} kept as the text's spaCy cats at 0.0 (not of that "
            "category), as Prodigy's data-to-spacy reads them"
        )
    if rejected:
        notes.append(
            f"{path}: {counted(rejected, 'binary answer')} rejecting the span it showed (ner.teach) kept as rejected "
            "suggestions, so they are not offered again; a text whose answers are all binary is in_progress, not "
            "annotated (the rest of it was not looked at)"
        )
    docs = []
    unknown = LabelTally(path)  # labels the schema lacks: named all at once, after the whole file
    names = SchemaNames(schema or _default())  # PER as the news schema's PERSON (its alias), attack as Conflict:Attack
    for g in groups.values():
        if not g["tasks"] and not g["rejected"]:
            continue
        for aset, part, covers in by_annotator(g, path, notes):
            with unknown.collect():
                doc = _group_document(part, path, schema or _default(), warnings, notes, names)
                if aset is not None:  # an annotator's answers: her set; the final set has no decision yet
                    doc.annotation_set, doc.status = aset, "new"
                elif covers and part["tasks"] and doc.status == "annotated":  # the reviewer's (the others: new)
                    doc.status = "reviewed"
                if covers:
                    doc.meta["annotation_sets"] = covers  # teams.sets.META_KEY: the sets that cover the document
                check_with_line(schema or _default(), doc, path, g["line"])
                spelt = given_spellings(names)  # PER for PERSON, attacker for Attacker: written back as they came
                if spelt:
                    doc.meta.setdefault("prodigy", {}).update(spelt)
                docs.append(doc)
    unknown.check()
    notes += categories_note(path, docs, "textcat answers")
    notes += names.notes(str(path))
    need(bool(docs) or skipped > 0, path, None, "no tasks in the file")
    return ReadResult(docs, None, warnings, notes)


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``items`` without repeats (the same relation in two accepted tasks of one input), in order."""
    seen: dict[bytes, dict[str, Any]] = {}
    for x in items:
        seen.setdefault(orjson.dumps(x), x)
    return list(seen.values())


def _default() -> Schema:
    from annotator.schema import default_schema

    return default_schema()


def _task_tokens(
    text: str, task: dict[str, Any], path: Path, line: int, warnings: list[str]
) -> tuple[list[int], list[int], list[int]] | None:
    """A task's own tokens (``{"text", "start", "end", ...}``) as the document's tokens, sentences cut among them by
    the fallback's rule (``annotator.tokens.sentence_starts``: Prodigy keeps no sentences); None, said, when they do
    not fit the text."""
    given = task.get("tokens")
    if not isinstance(given, list) or not given:
        return None
    starts: list[int] = []
    ends: list[int] = []
    for k, t in enumerate(given):
        s, e = (t.get("start"), t.get("end")) if isinstance(t, dict) else (None, None)
        fits = (
            isinstance(s, int)
            and isinstance(e, int)
            and (ends[-1] if ends else 0) <= s <= e <= len(text)
            and (not isinstance(t.get("text"), str) or text[s:e] == t["text"])
        )
        if not fits:
            warnings.append(f"{path}:{line}: the task's tokens (token {k} does not fit the text; cut again here)")
            return None
        if s < e:
            starts.append(s)
            ends.append(e)
    return starts, ends, sentence_starts(text, starts, ends)


def _suggestions(
    text: str,
    task: dict[str, Any],
    path: Path,
    line: int,
    schema: Schema,
    notes: list[str],
    entities: dict[tuple[int, int, str], IncomingEntity],
    who: str | None,
    names: SchemaNames,
) -> None:
    """An answered task's ``suggestions`` (our export's: entities nobody decided, or rejected) into ``entities`` with
    their state and score, before the answer's spans and the events' arguments name them."""
    given = task.get("suggestions") or []
    need(isinstance(given, list), path, line, "'suggestions' must be a list")
    for k, sp in enumerate(given):
        s, e, label = _span(text, sp, path, line, f"suggestion {k}", notes, names=names)
        need_known_labels(schema, [label], path, line)
        st = sp.get("state", "suggested")
        need(st in UNDECIDED_OR_REJECTED, path, line, f"suggestion {k}: state {st!r} is neither suggested nor rejected")
        score = float(sp["score"]) if is_score(sp.get("score")) else None
        entities.setdefault((s, e, label), IncomingEntity((s, e, label), s, e, label, st, "prodigy", who, score))


def _group_document(
    g: dict[str, Any], path: Path, schema: Schema, warnings: list[str], notes: list[str], names: SchemaNames
) -> IncomingDocument:
    text = g["text"]
    triggers = trigger_labels(schema)
    entities: dict[tuple[int, int, str], IncomingEntity] = {}
    events: dict[tuple, IncomingEvent] = {}
    accepted = any(t.get("answer") == "accept" for _, t in g["tasks"])
    state = "accepted" if accepted else "suggested"
    meta: dict[str, Any] = {}
    kept: list[dict[str, Any]] = []  # relations between entities, for the Prodigy export
    # textcat answers: the document's categories (as doccano's text classification keeps them), the choice's options
    categories: list[str] = []
    declined: dict[str, float] = {}  # textcat.teach's rejected labels: spaCy's cats at 0.0
    choices: list[dict[str, Any]] = []
    form = None  # "label": they came as textcat.teach's task label
    tokens = next((t for line, task in g["tasks"] if (t := _task_tokens(text, task, path, line, warnings))), None)
    for line, task in g["tasks"]:
        who = task.get("_annotator_id") if isinstance(task.get("_annotator_id"), str) else None
        m = task.get("meta") or {}
        need(isinstance(m, dict), path, line, "'meta' must be an object")
        meta.update(m)
        need(isinstance(task.get("spans", []), list), path, line, "'spans' must be a list")
        need(isinstance(task.get("relations", []), list), path, line, "'relations' must be a list")
        # textcat answers: the task's label (textcat.teach; on a task without spans) and the chosen options
        chosen = task.get("accept") if isinstance(task.get("accept"), list) else []
        label = [task["label"]] if isinstance(task.get("label"), str) and not task.get("spans") else []
        if label and task.get("answer") == "reject":  # not of that category
            declined[label[0]] = 0.0
            continue
        options = [c for c in chosen if isinstance(c, (str, int))]
        spans_of = [s for s in task.get("spans") or [] if isinstance(s, dict)]
        if options and spans_of:  # a choice about the task's span (nel.manual: the knowledge-base id it links to)
            on = ", ".join(f"{s.get('label')} [{s.get('start')}, {s.get('end')})" for s in spans_of)
            warnings += [f"{path}:{line}: option {c!r} chosen for {on} (an entity link, say)" for c in options]
            options = []
        categories += [str(c) for c in label + options if str(c) not in categories]
        if options:  # the choice's options, chosen or not, for the Prodigy export to offer them again
            given = [o for o in task.get("options") or [] if isinstance(o, dict) and "id" in o]
            choices += [o for o in given if o["id"] not in {c["id"] for c in choices}]
        elif label:
            form = "label"

        def entity(s: int, e: int, label: str, score: float | None = None) -> tuple[int, int, str]:
            if (s, e, label) not in entities:
                entities[(s, e, label)] = IncomingEntity((s, e, label), s, e, label, state, "prodigy", who, score)
            elif score is not None and entities[(s, e, label)].score is None:
                entities[(s, e, label)].score = score
            return s, e, label

        if task.get("answer") == "accept":  # our export's: what nobody decided, beside the answer's spans
            _suggestions(text, task, path, line, schema, notes, entities, who, names)
        trig_spans = set()
        spans = [
            _span(text, sp, path, line, f"span {k}", notes, names=names, tokens=task.get("tokens"))
            for k, sp in enumerate(task.get("spans", []))
        ]
        need_known_labels(schema, [label for _, _, label in spans], path, line)
        for (s, e, label), given in zip(spans, task.get("spans", [])):
            if label in triggers:
                trig_spans.add((s, e, label))
            else:  # a model's span (ner.teach, ner.correct) may carry its score
                entity(s, e, label, float(given["score"]) if is_score(given.get("score")) else None)
        given_events = isinstance(task.get("events"), list)  # our export: events whole, relations only for show
        if given_events:
            for k, v in enumerate(task["events"]):
                need(isinstance(v, dict) and isinstance(v.get("type"), str), path, line, f"event {k} needs a type")
                s, e, etype = _span(text, {**v, "label": v["type"]}, path, line, f"event {k}", notes, names=names)
                attrs = v.get("attributes") or {}
                need(isinstance(attrs, dict), path, line, f"event {k}: 'attributes' must be an object")
                given_args = v.get("arguments") or []
                need(isinstance(given_args, list), path, line, f"event {k}: 'arguments' must be a list")
                args = []
                for j, a in enumerate(given_args):
                    need(
                        isinstance(a, dict) and isinstance(a.get("role"), str),
                        path,
                        line,
                        f"event {k} argument {j} needs a role",
                    )
                    filler = entity(*_span(text, a, path, line, f"event {k} argument {j}", notes, names=names))
                    args.append((names.role(etype, a["role"]), filler))
                # our export writes every value an event has: one it lacks has none (no schema default filled in)
                given_state = v.get("state", state)
                need(given_state in ("accepted", *UNDECIDED_OR_REJECTED), path, line, f"event {k}: unknown state")
                events[(etype, s, e, len(events))] = IncomingEvent(
                    etype,
                    s,
                    e,
                    dict(attrs),
                    args,
                    annotator=who,
                    fill_defaults="attributes" not in v,
                    state=given_state,
                )
        by_head: dict[tuple[int, int, str], list] = {t: [] for t in trig_spans}
        for k, r in enumerate(task.get("relations", [])):
            need(isinstance(r, dict) and isinstance(r.get("label"), str), path, line, f"relation {k} needs a label")
            head = _span(text, r.get("head_span"), path, line, f"relation {k} head_span", notes, True, names)
            child = _span(text, r.get("child_span"), path, line, f"relation {k} child_span", notes, True, names)
            if head[2] not in triggers:  # between entities (rel.manual): kept for the way back, as brat's R lines
                for end in (head, child):  # an end without a label is words that are no span: no entity
                    if end[2] not in triggers and end[2] is not None:
                        entity(*end)
                kept.append({"label": r["label"], "head": list(head), "child": list(child)})
                continue
            if given_events:
                continue
            if child[2] is None:  # a role's filler is an entity: words that are no span cannot fill it
                warnings.append(
                    f"{path}:{line}: relation {k} {r['label']!r} from the trigger {head[2]} [{head[0]}, {head[1]}) "
                    f"to words that are no span [{child[0]}, {child[1]}) (an argument is an entity)"
                )
                continue
            by_head.setdefault(head, []).append((names.role(head[2], r["label"]), entity(*child)))
        for (s, e, label), args in [] if given_events else by_head.items():
            key = (label, s, e, tuple(args))
            events.setdefault(key, IncomingEvent(label, s, e, {}, args, annotator=who))
    for line, task in g.get("rejected", []):  # binary answers rejecting their span: the model's, rejected
        who = task.get("_annotator_id") if isinstance(task.get("_annotator_id"), str) else None
        spans = [
            _span(text, sp, path, line, f"span {k}", notes, names=names, tokens=task.get("tokens"))
            for k, sp in enumerate(task.get("spans") or [])
        ]
        need_known_labels(schema, [label for _, _, label in spans], path, line)
        for (s, e, label), given in zip(spans, task.get("spans") or []):
            if label not in triggers and (s, e, label) not in entities:
                score = float(given["score"]) if is_score(given.get("score")) else None
                entities[(s, e, label)] = IncomingEntity((s, e, label), s, e, label, "rejected", "prodigy", who, score)
    binary_only = all(binary(t) for _, t in g["tasks"])  # every answer about one span: the text is not done
    done = "in_progress" if binary_only else "annotated" if accepted else "new"
    status = meta.get("status") if meta.get("status") in STATUSES else done
    name = meta.get("name") or meta.get("id") or f"{path.name}:{g['line']}"
    meta = {k: v for k, v in meta.items() if k not in ("name", "status", "document_id")}
    if kept:
        meta["prodigy"] = {"relations": _unique(kept)}
        notes.append(
            f"{path}:{g['line']}: {counted(len(meta['prodigy']['relations']), 'relation')} between entities kept for the "
            "Prodigy export (the app does not show them)"
        )
    if declined:
        given_cats = meta.get("cats") if isinstance(meta.get("cats"), dict) else {}
        meta["cats"] = {**declined, **given_cats}
    if categories:  # beside those an earlier export kept in the meta
        given = meta.get(CATEGORIES) if isinstance(meta.get(CATEGORIES), list) else []
        meta[CATEGORIES] = given + [c for c in categories if c not in given]
        if choices:
            meta.setdefault("prodigy", {})["options"] = choices
        elif form:
            meta.setdefault("prodigy", {})["category"] = form
    doc = IncomingDocument(
        text=text,
        name=str(name),
        meta=meta,
        status=status,
        source_path=str(path),
        entities=list(entities.values()),
        events=list(events.values()),
    )
    if tokens is not None:  # the task's own tokens, so the token exports cut the text as Prodigy did
        doc.tokens, doc.tokens_source = tokens, "prodigy"
    return doc
