"""Prodigy JSONL: tasks out (text, tokens with ws, spans, relations, answer, meta; written by ``prodigy_out``) and
accepted answers in.

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
among its ``options``) are the document's categories (``categories.CATEGORIES``), written back the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.wording import counted
from annotator.formats.prodigy_answers import binary, by_annotator
from annotator.formats.prodigy_disabled import DISABLED, disabled_tokens
from annotator.formats.prodigy_colors import RELATION_COLORS, is_settings, relation_colors, settings_alone, theme_colors
from annotator.formats.prodigy_out import UNDECIDED_OR_REJECTED, made_by
from annotator.formats.prodigy_spans import given_offsets, task_span, task_tokens, texted_spans
from annotator.categories import CATEGORIES
from annotator.formats.reading import (
    LabelTally,
    blank_lines_note,
    blank_text,
    categories_note,
    need_known_labels,
    ReadResult,
    check_with_line,
    iter_jsonl,
    need,
    trigger_labels,
)
from annotator.formats.utf16_spans import task_reads_utf16, utf16_said_once
from annotator.formats.set_meta_kept import OWN, own_meta, undecided
from annotator.formats.meta_keys import PRODIGY, PRODIGY_OWN_KEYS as OWN_KEYS
from annotator.formats.schema_names import SchemaNames, given_spellings
from annotator.formats.brat_conf import proxy_index
from annotator.formats.told_types import EventUses, told_note, told_schema
from annotator.db import is_score
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent
from annotator.model import STATUSES
from annotator.schema import Schema


# -- reading --------------------------------------------------------------------------------------
# the keys of a Prodigy task its recipes and our export give (``_``-keys are Prodigy's bookkeeping); any other is the
# input's own (``proposal_id``, ``info``: a dataset's fields), kept in ``meta["prodigy"][OWN_KEYS]`` (session 34: lost);
# so is a task's ``config`` (``{"choice_style": "multiple"}``: a choice task's own settings, which our export does not
# write: session 40, dropped without a word, the task fed to Prodigy again offered one choice of several)
TASK_KEYS = frozenset(
    "text tokens spans relations answer meta accept options label events suggestions versions sessions html image "
    "audio video score priority spans_".split()
)


def read_prodigy(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """Accepted answers grouped by input; nothing is returned if any line is broken."""
    path = Path(path)
    need(not is_settings(path), path, None, settings_alone(path))
    warnings: list[str] = []
    notes: list[str] = []
    groups: dict[Any, dict[str, Any]] = {}
    skipped = rejected = declined = 0
    blank: list[int] = []  # the tasks whose text is spaces alone: left out, as an empty file is
    for line, task in iter_jsonl(path):
        need(isinstance(task, dict), path, line, "each line must be a JSON object (a Prodigy task)")
        text = task.get("text")
        if blank_text(text):
            blank.append(line)
            continue
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
    base = schema or _default()
    told = _told_event_types(groups, base, path)  # our export's events of types the schema lacks
    use = told or base
    if told is not None:
        how = "(and roles, attributes) told from their events' arguments (a Prodigy task brings no schema)"
        notes.append(told_note(path, base, how))
    names = SchemaNames(use)  # PER as the news schema's PERSON (its alias), attack as Conflict:Attack
    for g in groups.values():
        if not g["tasks"] and not g["rejected"]:
            continue
        parts = by_annotator(g, path, notes)
        decided = any(aset is None for aset, _part, _covers in parts)  # a reviewer's, or the only annotator's
        for aset, part, covers in parts:
            with unknown.collect():
                doc = _group_document(part, path, use, warnings, notes, names)
                if aset is not None:  # an annotator's answers: her set; the final set has no decision yet
                    doc.annotation_set, doc.status = aset, "new"
                elif covers and part["tasks"] and doc.status == "annotated":  # the reviewer's (the others: new)
                    doc.status = "reviewed"
                if covers:
                    doc.meta["annotation_sets"] = covers  # teams.sets.META_KEY: the sets that cover the document
                check_with_line(use, doc, path, g["line"])
                spelt = given_spellings(names)  # PER for PERSON, attacker for Attacker: written back as they came
                if spelt:
                    doc.meta.setdefault(PRODIGY, {}).update(spelt)
                if covers and aset in covers:  # her relations and choices: her set's (every set's document holds it)
                    covers[aset][OWN] = own_meta(doc.meta)
                    if not decided:  # the document's (the final set's) are nobody's yet, not the first annotator's
                        doc.meta = undecided(doc.meta)
                docs.append(doc)
    unknown.check()
    notes = utf16_said_once(path, notes, "span", why="the spans' texts fit them that way")
    notes += categories_note(path, docs, "textcat answers")
    notes += names.notes(str(path))
    notes += blank_lines_note(path, blank)
    need(
        bool(docs) or skipped > 0 or not blank,
        path,
        None,
        "no tasks in the file: every text is spaces and line breaks alone",
    )
    need(bool(docs) or skipped > 0, path, None, "no tasks in the file")
    said = "its events' types and attributes (told from the events: a Prodigy task brings no schema) are types"
    colors, read_beside = theme_colors(path)  # its labels' colours, where Prodigy's config beside it gives them
    return ReadResult(
        docs,
        told,
        warnings,
        notes + read_beside,
        schema_from=said if told is not None else "",
        told=told is not None,
        label_colors=colors,
    )


def _told_event_types(groups: dict[Any, dict[str, Any]], schema: Schema, path: Path) -> Schema | None:
    """``schema`` with the event types the tasks' ``events`` (our export's) use and it lacks, each role taking the
    labels of its arguments that the schema has (``told_types``), for the project to adopt or, holding documents,
    to take with ``--add-types`` as a brat folder's; None when it has them all (their trigger spans were taken as
    entity labels and the events refused)."""
    names = SchemaNames(schema)  # a look of its own: the reader's counts are for the documents' names
    uses = EventUses()
    events = [
        v
        for g in groups.values()
        for _, task in g["tasks"]
        for v in (task.get("events") if isinstance(task.get("events"), list) else ())
        if isinstance(v, dict) and isinstance(v.get("type"), str)
    ]
    kinds = set(schema.event_type_names) | {names.region(v["type"]) for v in events}
    for v in events:
        uses.attributes(schema, v.get("attributes"))
        etype = names.region(v["type"])
        given = v.get("arguments") if isinstance(v.get("arguments"), list) else []
        known = schema.event_type(etype) is not None
        if known and all(isinstance(a, dict) and schema.label(str(a.get("label"))) is not None for a in given):
            continue  # a news project's own export: its fillers' labels are the schema's
        args = [a for a in given if isinstance(a, dict) and isinstance(a.get("role"), str)]
        labels = [names.region(a["label"]) if isinstance(a.get("label"), str) else "" for a in args]
        if known:  # a label its roles lack (a schema's own Place for GPE) is told too
            uses.lacking(schema, etype, [(names.role(etype, a["role"]), x) for a, x in zip(args, labels)])
            continue
        # an argument labelled with an event type: the span that stands for a nested event (brat's <EVENT>)
        uses.add(etype, [(a["role"], x if schema.label(x) or x in kinds else None) for a, x in zip(args, labels)])
        uses.proxies += [x for x in labels if x in kinds and x not in uses.proxies and schema.label(x) is None]
    return told_schema(schema, uses, path, "a Prodigy file")


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``items`` without repeats (the same relation in two accepted tasks of one input), in order."""
    seen: dict[bytes, dict[str, Any]] = {}
    for x in items:
        seen.setdefault(orjson.dumps(x), x)
    return list(seen.values())


def _default() -> Schema:
    from annotator.schema import default_schema

    return default_schema()


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
    utf16: bool,
) -> None:
    """An answered task's ``suggestions`` (our export's: entities nobody decided, or rejected) into ``entities`` with
    their state and score, before the answer's spans and the events' arguments name them."""
    given = task.get("suggestions") or []
    need(isinstance(given, list), path, line, "'suggestions' must be a list")
    for k, sp in enumerate(given):
        s, e, label = task_span(
            text, sp, path, line, f"suggestion {k}", notes, names=names, tokens=task.get("tokens"), utf16=utf16
        )
        need_known_labels(schema, [label], path, line)
        st = sp.get("state", "suggested")
        need(st in UNDECIDED_OR_REJECTED, path, line, f"suggestion {k}: state {st!r} is neither suggested nor rejected")
        score = float(sp["score"]) if is_score(sp.get("score")) else None
        source, st = made_by(sp, "prodigy", st)
        entities.setdefault((s, e, label), IncomingEntity((s, e, label), s, e, label, st, source, who, score))


def _as_answered(events: dict[tuple, IncomingEvent], shown: list[tuple], triggers: set, held: set[tuple]) -> None:
    """The events of our export's ``events`` key that the task showed as spans and relations, as the answer left
    them (Prodigy keeps the key as it was sent): one whose trigger span she took out is not in the answer, an argument
    whose relation she took out not in its event."""
    for key in shown:
        v = events[key]
        trigger = (v.trigger_start, v.trigger_end, v.type)
        if trigger not in triggers:
            del events[key]
            continue
        v.arguments = [(role, filler) for role, filler in v.arguments if (trigger, role, filler) in held]


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
    links: list[dict[str, Any]] = []  # nel.manual's choices about a span: the knowledge-base ids, for the export
    form = None  # "label": they came as textcat.teach's task label
    blocks = False  # a choice made beside spans in one interface (``_view_id: "blocks"``): categories, not a link
    tokens = next((t for line, task in g["tasks"] if (t := task_tokens(text, task, path, line, warnings))), None)
    utf16 = task_reads_utf16(text, texted_spans(t for _, t in g["tasks"] + g.get("rejected", [])))
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
        beside = options and spans_of and task.get("_view_id") == "blocks"  # a choice block beside a spans block
        blocks = blocks or bool(beside)  # (span-and-textcat): the text's categories, as a choice without spans
        if options and spans_of and not beside:  # a choice about the task's span (nel.manual: the id it links to)
            placed = [given_offsets(text, s, task.get("tokens")) for s in spans_of]  # by its tokens, given alone
            on = ", ".join(f"{s.get('label')} [{a}, {b})" for s, (a, b) in zip(spans_of, placed))
            notes.append(f"{path}:{line}: {', '.join(map(repr, options))} chosen for {on} (an entity link) kept for the "
                         "Prodigy export (the app does not show it)")  # fmt: skip
            given = [o for o in task.get("options") or [] if isinstance(o, dict) and "id" in o]
            links.append({"spans": [[a, b, x.get("label")] for x, (a, b) in zip(spans_of, placed)],
                          "accept": options, "options": given})  # fmt: skip
            options = []
        categories += [str(c) for c in label + options if str(c) not in categories]
        if options:  # the choice's options, chosen or not, for the Prodigy export to offer them again
            given = [o for o in task.get("options") or [] if isinstance(o, dict) and "id" in o]
            choices += [o for o in given if o["id"] not in {c["id"] for c in choices}]
        elif label:
            form = "label"

        def entity(
            s: int, e: int, label: str, score: float | None = None, given: dict | None = None
        ) -> tuple[int, int, str]:
            if (s, e, label) not in entities:
                source, st = made_by(given or {}, "prodigy", state)  # our export's source (a person's: added)
                entities[(s, e, label)] = IncomingEntity((s, e, label), s, e, label, st, source, who, score)
            elif score is not None and entities[(s, e, label)].score is None:
                entities[(s, e, label)].score = score
            return s, e, label

        if task.get("answer") == "accept":  # our export's: what nobody decided, beside the answer's spans
            _suggestions(text, task, path, line, schema, notes, entities, who, names, utf16)
        trig_spans = set()
        spans = [
            task_span(text, sp, path, line, f"span {k}", notes, names=names, tokens=task.get("tokens"), utf16=utf16)
            for k, sp in enumerate(task.get("spans", []))
        ]
        need_known_labels(schema, [label for _, _, label in spans], path, line)
        for (s, e, label), given in zip(spans, task.get("spans", [])):
            if label in triggers:  # our export's span that stands for a nested event is its trigger's too (one span)
                trig_spans.add((s, e, label))
            if label not in triggers or proxy_index(given.get("source")) >= 0:
                # a model's span (ner.teach, ner.correct) may carry its score
                entity(s, e, label, float(given["score"]) if is_score(given.get("score")) else None, given)
        given_events = isinstance(task.get("events"), list)  # our export: events whole, relations only for show
        shown: list[tuple] = []  # the events shown as spans and relations (no state of their own): what she saw
        if given_events:
            for k, v in enumerate(task["events"]):
                need(isinstance(v, dict) and isinstance(v.get("type"), str), path, line, f"event {k} needs a type")
                s, e, etype = task_span(
                    text, {**v, "label": v["type"]}, path, line, f"event {k}", notes, names=names, utf16=utf16
                )
                need(  # else its trigger span was taken as an entity label and the event dropped without a word
                    schema.event_type(etype) is not None,
                    path,
                    line,
                    f"event {k}: event type {v['type']!r} is not in the schema {schema.name!r} (a Prodigy task's "
                    "events bring no roles for a type: import the project's JSON export, which carries its schema, or "
                    "import it into a project whose schema has the type: annotator init P --schema FILE)",
                )
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
                    filler = entity(
                        *task_span(text, a, path, line, f"event {k} argument {j}", notes, names=names, utf16=utf16)
                    )
                    args.append((names.role(etype, a["role"]), filler))
                # our export writes every value an event has: one it lacks has none (no schema default filled in)
                given_state = v.get("state", state)
                need(given_state in ("accepted", *UNDECIDED_OR_REJECTED), path, line, f"event {k}: unknown state")
                made, given_state = made_by(v, "import", given_state)
                if "state" not in v:
                    shown.append((etype, s, e, len(events)))
                events[(etype, s, e, len(events))] = IncomingEvent(
                    etype,
                    s,
                    e,
                    dict(attrs),
                    args,
                    annotator=who,
                    fill_defaults="attributes" not in v,
                    state=given_state,
                    source=made,
                )
        by_head: dict[tuple[int, int, str], list] = {t: [] for t in trig_spans}
        held: set[tuple] = set()  # (trigger, role, filler) of each relation the answer holds
        for k, r in enumerate(task.get("relations", [])):
            need(isinstance(r, dict) and isinstance(r.get("label"), str), path, line, f"relation {k} needs a label")
            head = task_span(
                text,
                r.get("head_span"),
                path,
                line,
                f"relation {k} head_span",
                notes,
                True,
                names,
                tokens=task.get("tokens"),
                utf16=utf16,
            )
            child = task_span(
                text,
                r.get("child_span"),
                path,
                line,
                f"relation {k} child_span",
                notes,
                True,
                names,
                tokens=task.get("tokens"),
                utf16=utf16,
            )
            if head[2] not in triggers:  # between entities (rel.manual): kept for the way back, as brat's R lines
                for end in (head, child):  # an end without a label is words that are no span: no entity
                    if end[2] not in triggers and end[2] is not None:
                        entity(*end)
                kept.append({"label": r["label"], "head": list(head), "child": list(child)})
                continue
            if given_events:
                held.add((head, names.role(head[2], r["label"]), child))
                continue
            if child[2] is None:  # a role's filler is an entity: words that are no span cannot fill it
                warnings.append(
                    f"{path}:{line}: relation {k} {r['label']!r} from the trigger {head[2]} [{head[0]}, {head[1]}) "
                    f"to words that are no span [{child[0]}, {child[1]}) (an argument is an entity)"
                )
                continue
            by_head.setdefault(head, []).append((names.role(head[2], r["label"]), entity(*child)))
        if task.get("answer") == "accept":
            _as_answered(events, shown, trig_spans, held)
        for (s, e, label), args in [] if given_events else by_head.items():
            key = (label, s, e, tuple(args))
            events.setdefault(key, IncomingEvent(label, s, e, {}, args, annotator=who))
    for line, task in g.get("rejected", []):  # binary answers rejecting their span: the model's, rejected
        who = task.get("_annotator_id") if isinstance(task.get("_annotator_id"), str) else None
        spans = [
            task_span(text, sp, path, line, f"span {k}", notes, names=names, tokens=task.get("tokens"), utf16=utf16)
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
        meta[PRODIGY] = {"relations": _unique(kept)}
        notes.append(
            f"{path}:{g['line']}: {counted(len(meta[PRODIGY]['relations']), 'relation')} between entities kept for the "
            "Prodigy export (the app does not show them)"
        )
    tasks = [t for _, t in g["tasks"] + g.get("rejected", [])]
    given_hash = next((t["_input_hash"] for t in tasks if type(t.get("_input_hash")) is int), None)
    if given_hash is not None:  # Prodigy's hash of the input: the export writes it back, not one of its own
        meta.setdefault(PRODIGY, {})["input_hash"] = given_hash
    task_hashes = {t["_task_hash"] for t in tasks if type(t.get("_task_hash")) is int}
    if len(task_hashes) == 1:  # the question the answers answer (several annotators' answers share it): written back;
        # a document of several questions (binary answers, entity links) goes out as one task, with a hash of its own
        meta.setdefault(PRODIGY, {})["task_hash"] = task_hashes.pop()
    if colors := relation_colors(tasks):  # the colour each relation label was drawn in: written back with them
        meta.setdefault(PRODIGY, {})[RELATION_COLORS] = colors
    if (disabled := disabled_tokens(tasks)) is not None:  # rel.manual's unselectable tokens: written back so
        meta.setdefault(PRODIGY, {})[DISABLED] = disabled
    if links:  # nel.manual's answers: they were said as not kept and lost on the way back to Prodigy
        meta.setdefault(PRODIGY, {})["links"] = links
    own = {k: v for t in tasks for k, v in t.items() if not k.startswith("_") and k not in TASK_KEYS}
    if own:  # the input's own keys (a dataset's ids, Prodigy keeps them in the task): written back as they came
        meta.setdefault(PRODIGY, {})[OWN_KEYS] = own
    if declined:
        given_cats = meta.get("cats") if isinstance(meta.get("cats"), dict) else {}
        meta["cats"] = {**declined, **given_cats}
        if not categories:  # textcat.teach's rejected label: the Prodigy export writes it back as such (session 24)
            meta.setdefault(PRODIGY, {})["category"] = "label"
    if categories:  # beside those an earlier export kept in the meta
        given = meta.get(CATEGORIES) if isinstance(meta.get(CATEGORIES), list) else []
        meta[CATEGORIES] = given + [c for c in categories if c not in given]
        if choices:
            meta.setdefault(PRODIGY, {})["options"] = choices
            if blocks:  # the export writes the choice beside the spans again, in a blocks task
                meta[PRODIGY]["view_id"] = "blocks"
        elif form:
            meta.setdefault(PRODIGY, {})["category"] = form
    doc = IncomingDocument(
        text=text,
        name=str(name),
        meta=meta,
        status=status,
        source_path=str(path),
        entities=list(entities.values()),
        events=list(events.values()),
        answered=accepted,  # a person's answers: onto the document they came from, as decisions (answers_onto)
    )
    if tokens is not None:  # the task's own tokens, so the token exports cut the text as Prodigy did
        doc.tokens, doc.tokens_source = tokens, "prodigy"
    return doc
