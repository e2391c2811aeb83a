"""How good the pre-annotation was: the pipeline's original suggestions against the final set, per label.

- Documents: those in status ``reviewed`` that were pre-annotated (they have stored tokens, or entities
  from the pipeline); reviewed documents never pre-annotated are counted apart and left out. For a set
  merged from an annotator's file, the status is the one the document had in her file.
- Final (reference): entities of the set (default "main") in state accepted or added.
- Model (compared): every entity of the set whose ``source`` starts with ``spacy:`` or ``trained:`` (or
  ``label-studio:``, a Label Studio prediction the annotation began as, decided by the import), whatever became of it
  (suggested, accepted, rejected), with the label and offsets the model gave it. An entity a person
  changed has ``edited = 1``; its original label and offsets are the "before" of the first change-log
  row that touched it (rows are matched to the entity by id and ``created_at``, so a reused id is not
  confused with an older entity). A suggestion a person deleted is recovered from the change log too.
  For a merged set that change log is in the annotator's file: merge carried the originals
  (``merged_suggestions``); a set merged without them cannot be scored, and the error says so.
- Matching: exact (same start, end and label), one-to-one; precision = matched / model, recall =
  matched / final, F1 = 2·matched / (model + final); "overall" sums the counts over labels.
- ``confusions`` counts model spans with the final offsets but another label.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import orjson

from annotator.wording import counted, were
from annotator.errors import AnnotatorError
from annotator.learn.versions import TRAINED_SOURCE
from annotator.nlp import MODEL_SOURCE
from annotator.model import DEFAULT_SET
from annotator.store import Project
from annotator.teams.provenance import carried_suggestions
from annotator.teams.scores import OVERALL, Table, count_exact, fmt
from annotator.teams.sets import META_KEY, document_meta, human_spans

# the suggestions of a model: the original pipeline's (spacy:NAME@V) and a trained version's (trained:PROJECT@N);
# only the first were counted, so after pre-annotating with a trained version model quality saw no suggestion and a
# merge carried none (session 7's qa pass)
MODEL_PREFIX: tuple[str, ...] = (MODEL_SOURCE, TRAINED_SOURCE)


def scored_prefix() -> tuple[str, ...]:
    """The sources ``model_quality`` scores: the model's, and an imported model's, a Label Studio prediction an
    annotation began as (``label-studio:MODEL_VERSION``, decided by the import: kept accepted, taken out rejected); they
    were not counted, so a reviewed document of them was "never pre-annotated" (session 24). The reader's module is
    imported here, not at the top: the adjudication window imports this module."""
    from annotator.formats.label_studio_pick import SOURCE

    return (*MODEL_PREFIX, f"{SOURCE}:")


def _history(project: Project, doc_id: int) -> tuple[dict[tuple[int, str], dict], dict[tuple[int, str], dict | None]]:
    """First "before" and last "after" of each entity incarnation (id, created_at) in the change log."""
    first: dict[tuple[int, str], dict] = {}
    last: dict[tuple[int, str], dict | None] = {}
    for rows in project.db.logged_rows(doc_id):
        data = orjson.loads(rows)
        if not isinstance(data, list):
            continue  # imports and merges log a summary, not rows
        for r in data:
            if r.get("table") != "entities" or r.get("before") is None:
                continue
            before = r["before"]
            key = (r["id"], before.get("created_at"))
            first.setdefault(key, before)
            last[key] = r.get("after")
    return first, last


class CannotTell(AnnotatorError):
    """The model's original suggestions of a merged set are not in this project."""


def model_spans(
    project: Project, doc_id: int, annotation_set: str = DEFAULT_SET, prefix: str | tuple[str, ...] = MODEL_PREFIX
) -> list[tuple[int, int, str, str]]:
    """The model's original suggestions of a document: (start, end, label, source).

    For a set merged from an annotator's file they are the ones the merge carried (the change log that
    tells them stays in her file); a set merged by an older annotator did not carry them: CannotTell."""
    record = (document_meta(project, doc_id).get(META_KEY) or {}).get(annotation_set)
    if record is not None:
        if record.get("merge_source") is None:
            raise CannotTell(
                f"set {annotation_set!r} of document {doc_id} was merged from {record.get('source')} "
                "without the model's original suggestions"
            )
        return [s for s in carried_suggestions(project, doc_id, annotation_set) if s[3].startswith(prefix)]
    first, last = _history(project, doc_id)
    out = []
    current = set()
    for eid, start, end, label, source, edited, created in project.db.entity_origins(doc_id, annotation_set):
        current.add((eid, created))
        if not source.startswith(prefix):
            continue
        orig = first.get((eid, created)) if edited else None
        if orig is not None and str(orig.get("source", "")).startswith(prefix):
            out.append((orig["start"], orig["end"], orig["label"], source))
        else:
            out.append((start, end, label, source))
    for key, before in first.items():  # suggestions deleted by a logged edit
        if key in current or last.get(key) is not None:
            continue
        if before.get("annotation_set") == annotation_set and str(before.get("source", "")).startswith(prefix):
            out.append((before["start"], before["end"], before["label"], before["source"]))
    return sorted(out)


def _reviewed(project: Project, annotation_set: str) -> tuple[list[int], dict[str, int]]:
    """Reviewed documents of a set: for a merged set, those its annotator had reviewed in her file; and the
    files of reviewed documents merged without the model's originals."""
    out, unknown = [], Counter()
    for doc_id, status, meta in project.db.document_statuses():
        record = ((orjson.loads(meta or "{}") if meta else {}).get(META_KEY) or {}).get(annotation_set)
        if (record.get("status") if record is not None else status) != "reviewed":
            continue
        if record is not None and record.get("merge_source") is None:
            unknown[str(record.get("source"))] += 1
        out.append(doc_id)
    return out, dict(unknown)


def _preannotated(project: Project, doc_id: int, spans: list) -> bool:
    return bool(spans) or project.tokens(doc_id) is not None


def model_quality(
    project: Project, annotation_set: str = DEFAULT_SET, prefix: str | tuple[str, ...] | None = None
) -> dict[str, Any]:
    """Precision, recall and F1 per label of the pipeline's suggestions on reviewed documents (``prefix``: the
    sources counted as the model's, ``scored_prefix`` by default)."""
    prefix = scored_prefix() if prefix is None else prefix
    table = Table()
    confusions: Counter[tuple[str, str]] = Counter()
    pipelines: Counter[str] = Counter()
    used, skipped = [], []
    reviewed, unknown = _reviewed(project, annotation_set)
    if unknown:
        n = sum(unknown.values())  # documents (``unknown`` counts them by the file they came from)
        raise AnnotatorError(
            f"cannot tell how good the model was on set {annotation_set!r}: {n} of its reviewed documents {were(n)} "
            f"merged from {', '.join(sorted(unknown))} by an older annotator, which did not carry the model's original "
            "suggestions (they are in that file's change log); merge that file again to carry them"
        )
    for doc_id in reviewed:
        pred = model_spans(project, doc_id, annotation_set, prefix)
        if not _preannotated(project, doc_id, pred):
            skipped.append(doc_id)
            continue
        used.append(doc_id)
        gold = [s.key for s in human_spans(project, doc_id, annotation_set)]
        pipelines.update(p[3] for p in pred)
        keys = [p[:3] for p in pred]
        count_exact(table, gold, keys, lambda k: k[2])
        exact = Counter(gold)
        gold_at = {}
        for s, e, label in gold:
            gold_at.setdefault((s, e), set()).add(label)
        for s, e, label in keys:
            if (s, e, label) in exact:
                continue
            for other in sorted(gold_at.get((s, e), ())):
                confusions[(label, other)] += 1
    return {
        "annotation_set": annotation_set,
        "documents": len(used),
        "skipped_documents": len(skipped),  # reviewed but never pre-annotated
        "pipelines": dict(pipelines),
        "entities": table.to_dict(),  # a = final, b = model
        "confusions": [
            {"model": m, "final": f, "count": n}
            for (m, f), n in sorted(confusions.items(), key=lambda x: (-x[1], x[0]))
        ],
    }


def format_model_quality(result: dict[str, Any]) -> str:
    if not result["documents"] and not result["skipped_documents"]:
        return (
            f"model quality on 0 reviewed documents against the final set {result['annotation_set']!r}: nothing to "
            "score (the pre-annotation is scored against reviewed documents; `annotator status PROJECT reviewed "
            "--docs NAME` or the app's Mark reviewed marks them)"
        )
    pipes = ", ".join(result["pipelines"]) or "no suggestions"
    lines = [
        f"model quality on {counted(result['documents'], 'reviewed document')} ({pipes}) against the final set "
        f"{result['annotation_set']!r}"
    ]
    if result["skipped_documents"]:
        n = result["skipped_documents"]
        lines.append(
            f"  ({counted(n, 'reviewed document')} {were(n)} never pre-annotated and "
            f"{'is' if n == 1 else 'are'} left out)"
        )
    ents = result["entities"]
    labels = [*ents["by_label"], OVERALL]
    w = max(14, *(len(x) + 1 for x in labels))  # as wide as the longest label: none is cut or runs into a number
    lines.append(f"  {'label':<{w}}{'final':>7}{'model':>7}      P      R     F1")
    for label in labels:
        c = ents[OVERALL] if label == OVERALL else ents["by_label"][label]
        lines.append(f"  {label:<{w}}{c['a']:>7}{c['b']:>7} {fmt(c['precision'])} {fmt(c['recall'])} {fmt(c['f1'])}")
    if result["confusions"]:
        lines.append("  right span, wrong label (model -> final):")
        for c in result["confusions"]:
            lines.append(f"    {c['model']} -> {c['final']}: {c['count']}")
    return "\n".join(lines)
