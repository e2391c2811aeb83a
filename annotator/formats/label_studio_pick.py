"""Which of a Label Studio task's annotations and predictions come in, and where (the rule docs/formats.md states).

- Cancelled annotations (``was_cancelled``; ``skipped`` before Label Studio 1.0) are skipped and said.
- One annotator's several annotations of a task: the one marked ``ground_truth``, else the newest (``updated_at``,
  else ``created_at``, else the last given) is kept; the others are said.
- One annotator left: that annotation goes into the import's annotation set, as decided annotations of that author.
- Several annotators: each one's annotation goes into an annotation set named after them (``completed_by``), so
  ``annotator agree`` compares them and Review > Adjudicate settles them into the final set, as after ``annotator
  merge``; the import's set takes the annotation marked ``ground_truth`` (the newest of several; one without an
  annotator, as our export writes the final set's, goes there alone), and without one nothing decided (said).
- Reviews (Label Studio Enterprise's ``reviews`` on an annotation, each ``accepted`` true or false; the latest
  counts): an annotation accepted in review is chosen before a newer one of its annotator, and among several
  annotators' it is the import's set's where none is marked ground truth; the task is ``reviewed`` when the import's
  set's annotation was accepted, ``in_progress`` when it was rejected (said in a note).
- Drafts (a snapshot export's ``drafts``: unsubmitted work): a draft of someone who submitted no annotation of the
  task is read as their annotation and the task is ``in_progress``; a draft of a submitted annotation (its
  ``annotation`` id, or by its author) is said and not read: the submitted one is kept.
- Predictions are suggestions (``suggested``, source ``label-studio:MODEL_VERSION``, each region's ``score``, else the
  prediction's own): where no annotation came into the import's set, every prediction of the task comes in, each
  region with its own model's source and score (several models: each one's suggestions beside the others', said in a
  note; a span and label two models gave is one suggestion, the first's, ``once_per_span``); those of a task whose annotation the set took are said and not kept (a model's suggestion beside the
  decision on it would ask for it again), but the prediction the annotation began as (its ``parent_prediction``):
  its regions the annotation kept are that model's suggestions, accepted, those it took out rejected (session 23).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.db import is_score
from annotator.formats.label_studio_names import MEMBER, PREDICTIONS_OF, UNDECIDED_BESIDE, lead_time
from annotator.formats.reading import is_key, listed, need, whole_number
from annotator.formats.regions import Region
from annotator.model import DEFAULT_SET
from annotator.wording import counted

SOURCE = "label-studio"  # the source of what a task brings; a prediction's adds its model_version
UNDEFINED = "undefined"  # the model_version Label Studio gives a prediction imported without one


@dataclass
class Reading:
    """One annotation or prediction of a task, as it comes in."""

    results: list
    state: str  # "accepted" (an annotation) or "suggested" (a prediction)
    author: str | None
    source: str
    annotation_set: str | None = None  # None: the import's set
    score: float | None = None  # the prediction's own score, for its regions that give none
    # documents.meta["annotation_sets"] (teams.sets.META_KEY): the annotators' sets this task's annotations went into,
    # so a set covers the document even where its annotator marked nothing (as a merge records them)
    covers: dict[str, dict[str, Any]] | None = None
    # per result, where several predictions (or an annotation and the undecided predictions beside it) were read as
    # one: the source of its model (None: the reading's), its prediction's own score, its state (None: the reading's)
    origins: list[tuple[str | None, float | None, str | None]] | None = None
    status: str = "new"  # the document's: annotated when submitted, reviewed or in_progress as reviews and drafts tell
    # a task's one annotation: its own keys Label Studio's import keeps (``id`` as its ``import_id``, ``lead_time``,
    # ``ground_truth``), for the export to write back while it is still hers (``label_studio_names.final_author``)
    given: dict[str, Any] | None = None


def author(annotation: dict[str, Any]) -> str | None:
    """Whose annotation it is: ``completed_by`` as an object with an email (some exports), a name, or the user's
    number in the Label Studio instance (``label-studio user 7``); Annotation Lab's ``created_username``."""
    by = annotation.get("completed_by", annotation.get("created_username", annotation.get("user")))
    if isinstance(by, dict):
        by = by.get("email")
    if isinstance(by, str) and by.strip():
        return by.strip()
    if whole_number(by):
        return f"{MEMBER}{by}"
    return None


def _when(annotation: dict[str, Any]) -> str:
    at = annotation.get("updated_at", annotation.get("created_at"))
    return at if isinstance(at, str) else ""


def review(annotation: dict[str, Any]) -> bool | None:
    """The latest review's verdict on an annotation (``reviews``: ``accepted`` true or false), None without one."""
    reviews = annotation.get("reviews")
    given = (
        [r for r in reviews if isinstance(r, dict) and isinstance(r.get("accepted"), bool)]
        if isinstance(reviews, list)
        else []
    )
    if not given:
        return None
    return max(enumerate(given), key=lambda kr: (_when(kr[1]), kr[0]))[1]["accepted"]


def _reviewer(annotation: dict[str, Any]) -> str:
    reviews = annotation.get("reviews") if isinstance(annotation.get("reviews"), list) else []
    by = [r.get("created_by") for r in reviews if isinstance(r, dict)]
    names = sorted({b.get("email") if isinstance(b, dict) else str(b) for b in by if b not in (None, {})} - {None})
    return ", ".join(names) or "a reviewer"


def _chosen(annotations: list[tuple[int, dict[str, Any]]]) -> tuple[int, dict[str, Any]]:
    """The one marked ground truth, else one accepted in review, else the newest, else the last given."""
    return max(
        annotations, key=lambda ka: (ka[1].get("ground_truth") is True, review(ka[1]) is True, _when(ka[1]), ka[0])
    )


def _drafts(
    task: dict[str, Any], anns: list[dict[str, Any]], who: str, where: str, path: Path, line: int, warnings: list[str]
) -> list[dict[str, Any]]:
    """The task's drafts that stand for an annotation (their author submitted none); the others are said."""
    drafts = listed(task.get("drafts"), f"{who}: 'drafts'", path, line)
    for k, d in enumerate(drafts):
        need(isinstance(d, dict), path, line, f"{who}: draft {k} must be an object")
    submitted = {author(a) for a in anns if not (a.get("was_cancelled") or a.get("skipped"))}
    ids = {a.get("id") for a in anns if isinstance(a.get("id"), (int, str))}  # a malformed id matches no draft
    of_submitted = [
        d
        for d in drafts
        if (isinstance(d.get("annotation"), (int, str)) and d.get("annotation") in ids) or author(d) in submitted
    ]
    if of_submitted:
        by = sorted({author(d) or "no annotator named" for d in of_submitted})
        warnings.append(
            f"{where}: {counted(len(of_submitted), 'draft')} of a submitted annotation (by {', '.join(by)}) not read: "
            "the submitted annotation is kept"
        )
    return [d for d in drafts if not any(d is x for x in of_submitted)]


def _small_id(annotation: dict[str, Any]) -> bool:
    x = annotation.get("id")
    return isinstance(x, str) or (whole_number(x) and abs(x) < 2**63)


def set_name(who: str | None) -> str:
    """The annotation set an annotator's work goes into: their name (never the final set's)."""
    name = who or "label-studio (no annotator named)"
    return f"{name} (label-studio)" if name == DEFAULT_SET else name


def _model(prediction: dict[str, Any]) -> str | None:
    model = prediction.get("model_version")
    return model.strip() if isinstance(model, str) and model.strip() else None


def _source(prediction: dict[str, Any]) -> str:
    """A prediction's source: its model's (``label-studio:MODEL_VERSION``); without a ``model_version`` (absent, null
    or blank) the one Label Studio gives it, ``undefined`` (its task import and predictions API store
    ``prediction.get('model_version', 'undefined')``), never the bare ``label-studio`` of an annotator's results: a
    prediction is a model's, scored by ``stats --model`` and written back as a prediction (session 24)."""
    return f"{SOURCE}:{_model(prediction) or UNDEFINED}"


def _own_score(prediction: dict[str, Any]) -> float | None:
    score = prediction.get("score")
    return float(score) if is_score(score) else None


def prediction_scores(task: dict[str, Any]) -> dict[str, float]:
    """The task's predictions' own ``score`` by model (``model_version``, ``undefined`` without one; the first
    prediction of a model): Label Studio's Data Manager sorts and filters tasks by it, apart from its regions' scores,
    so it is kept with the task's shape and written back on the model's prediction (it was lost where the regions
    had scores of their own, and went onto the regions where they had none)."""
    preds = task.get("predictions")
    out: dict[str, float] = {}
    for p in preds if isinstance(preds, list) else []:
        if isinstance(p, dict) and (score := _own_score(p)) is not None:
            out.setdefault(_model(p) or UNDEFINED, score)
    return out


def _keyed(result: Any, j: int) -> Any:
    """A result of prediction ``j`` with its region ids (``id``, ``from_id``, ``to_id``) made that prediction's
    own (``1:r3``): several models may name their regions alike."""
    if not isinstance(result, dict):
        return result
    keyed = dict(result)
    for key in ("id", "from_id", "to_id"):
        x = keyed.get(key)
        if is_key(x):
            keyed[key] = f"{j}:{x}"
    return keyed


def once_per_span(regions: list[Region]) -> tuple[list[Region], dict[Any, Any], int]:
    """Several models' regions with one suggestion per span and label (the project's rule: one suggestion there): a
    later model's region of the span and label an earlier one gave is that one (its key an alias of the kept one's,
    for the relations that point at it); also how many were merged so."""
    kept: dict[tuple[int, int, str], Region] = {}
    out: list[Region] = []
    alias: dict[Any, Any] = {}
    merged = 0
    for r in regions:
        first = kept.setdefault((r.start, r.end, r.label), r)
        if first is r:
            out.append(r)
        elif first.source != r.source:
            alias[r.key] = first.key
            merged += 1
        else:
            out.append(r)  # one model's own repeat: left to build_document's rule
    still = {r.key for r in out}
    return out, {k: v for k, v in alias.items() if k not in still}, merged


def _predictions(
    preds: list[dict[str, Any]], who: str, path: Path, line: int, covers: dict[str, dict[str, Any]] | None
) -> Reading:
    """A task's predictions as one reading of suggestions: one as it is; several with each result's model
    (``origins``) and its region ids made its prediction's own."""
    results = [listed(p.get("result"), f"{who}: 'result'", path, line) for p in preds]
    if len(preds) == 1:
        return Reading(results[0], "suggested", None, _source(preds[0]), score=_own_score(preds[0]), covers=covers)
    merged = [_keyed(r, j) for j, rs in enumerate(results) for r in rs]
    origins: list[tuple[str | None, float | None, str | None]] = [
        (_source(p), _own_score(p), None) for p, rs in zip(preds, results) for _ in rs
    ]
    return Reading(merged, "suggested", None, SOURCE, covers=covers, origins=origins)


def undecided_beside(task: dict[str, Any]) -> bool:
    """Whether the task's predictions are suggestions nobody decided beside its annotation (our export's mark)."""
    meta = task.get("meta")
    return isinstance(meta, dict) and all(meta.get(k) == v for k, v in UNDECIDED_BESIDE.items())


def _with_undecided(main: Reading, preds: list[dict[str, Any]], who: str, path: Path, line: int) -> Reading:
    """The annotation's reading with the predictions beside it as suggestions of their models (region ids as they
    are: our export's are the document's, and a prediction's relation may point at a region of the annotation)."""
    results = [listed(p.get("result"), f"{who}: 'result'", path, line) for p in preds]
    origins: list[tuple[str | None, float | None, str | None]] = [(None, None, None)] * len(main.results)
    origins += [(_source(p), _own_score(p), "suggested") for p, rs in zip(preds, results) for _ in rs]
    merged = [*main.results, *(r for rs in results for r in rs)]
    return Reading(
        merged, main.state, main.author, main.source, main.annotation_set, covers=main.covers, origins=origins
    )


def _parent(annotation: dict[str, Any], preds: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The prediction the annotation began as (Label Studio records its id as the annotation's ``parent_prediction``),
    or None."""
    parent = annotation.get("parent_prediction")
    if isinstance(parent, bool) or not isinstance(parent, (int, str)):
        return None
    return next((p for p in preds if p.get("id") == parent), None)


def _span_of(result: Any) -> tuple[Any, Any, tuple[str, ...]] | None:
    """A ``labels`` region's (start, end, labels), to tell a prediction's region the annotation kept."""
    value = result.get("value") if isinstance(result, dict) else None
    if not isinstance(value, dict) or not isinstance(value.get("labels"), list):
        return None
    return value.get("start"), value.get("end"), tuple(str(x) for x in value["labels"])


def _from_parent(main: Reading, parent: dict[str, Any], who: str, path: Path, line: int) -> tuple[Reading, int, int]:
    """The annotation's reading with the prediction it began as: a region of the annotation the prediction gave too
    is that model's suggestion, accepted (its source and score); a region of the prediction the annotation took out is
    its suggestion, rejected (the app and ``stats`` show both). The prediction's other results (relations, choices) are
    the annotation's business: not read. Also how many regions were kept and taken out."""
    results = [r for r in listed(parent.get("result"), f"{who}: 'result'", path, line) if _span_of(r) is not None]
    given = {_span_of(r): r for r in results}
    source, own = _source(parent), _own_score(parent)
    origins: list[tuple[str | None, float | None, str | None]] = []
    kept: set[Any] = set()
    for r in main.results:
        span = _span_of(r)
        if span is not None and span in given:
            kept.add(span)
            origins.append((source, _region_score(given[span], own), None))
        else:
            origins.append((None, None, None))
    dropped = [_keyed(r, 0) for r in results if _span_of(r) not in kept]
    origins += [(source, own, "rejected")] * len(dropped)
    reading = Reading(
        [*main.results, *dropped],
        main.state,
        main.author,
        main.source,
        main.annotation_set,
        covers=main.covers,
        origins=origins,
    )
    return reading, len(kept), len(dropped)


def _region_score(result: dict[str, Any], own: float | None) -> float | None:
    """A prediction region's own score (``score`` on the result), else its prediction's."""
    score = result.get("score")
    return float(score) if is_score(score) else own


def _sets_of(task: dict[str, Any], preds: list[dict[str, Any]]) -> list[str | None]:
    """The annotation set each prediction is of (``PREDICTIONS_OF``, our export's), None: the task's own."""
    meta = task.get("meta")
    of = meta.get(PREDICTIONS_OF) if isinstance(meta, dict) else None
    if isinstance(of, list) and len(of) == len(preds) and all(x is None or isinstance(x, str) for x in of):
        return of
    return [None] * len(preds)


def _with_sets_undecided(
    out: list[Reading], preds: list[dict[str, Any]], of: list[str | None], who: str, path: Path, line: int
) -> list[str]:
    """Each annotator's predictions (``of``) as her suggestions beside her annotation's decisions in ``out``; the
    sets whose annotation the task lacks (their predictions not kept)."""
    missing = []
    for name in dict.fromkeys(x for x in of if x is not None):
        mine = [p for p, x in zip(preds, of) if x == name]
        at = next((k for k, r in enumerate(out) if (r.annotation_set or set_name(r.author)) == name), None)
        if at is None:
            missing.append(name)
            continue
        out[at] = _with_undecided(out[at], mine, who, path, line)
    return missing


def readings(
    task: dict[str, Any], who: str, path: Path, line: int, warnings: list[str], notes: list[str]
) -> list[Reading]:
    """What of ``task`` comes in, by the rule above; one Reading without results for a task with nothing. What is not
    kept goes to ``warnings``, where the annotators' sets went to ``notes``."""
    where = f"{path}:{line}: {who}"
    key = "annotations" if "annotations" in task or "completions" not in task else "completions"
    anns = listed(task.get(key), f"{who}: {key!r}", path, line)
    preds = listed(task.get("predictions"), f"{who}: 'predictions'", path, line)
    for what, given in (("annotation", anns), ("prediction", preds)):
        for k, a in enumerate(given):
            need(isinstance(a, dict), path, line, f"{who}: {what} {k} must be an object")
    cancelled = [a for a in anns if a.get("was_cancelled") or a.get("skipped")]
    if cancelled:
        by = sorted({author(a) or "no annotator named" for a in cancelled})
        warnings.append(f"{where}: {counted(len(cancelled), 'cancelled annotation')} skipped (by {', '.join(by)})")
    drafts = _drafts(task, anns, who, where, path, line, warnings)
    if drafts:
        by = sorted({author(d) or "no annotator named" for d in drafts})
        notes.append(
            f"{where}: {counted(len(drafts), 'draft')} (by {', '.join(by)}, who submitted no annotation of the task) "
            "read as annotations: the task is in progress"
        )
    groups: dict[str | None, list[tuple[int, dict[str, Any]]]] = {}
    for k, a in enumerate([*anns, *drafts]):
        if not (a.get("was_cancelled") or a.get("skipped")):
            groups.setdefault(author(a), []).append((k, a))
    kept: list[tuple[str | None, dict[str, Any]]] = []
    for name, group in groups.items():
        k, chosen = _chosen(group)
        if len(group) > 1:
            rule = "the one marked ground truth" if chosen.get("ground_truth") is True else "the newest"
            warnings.append(
                f"{where}: {name or 'an unnamed annotator'} gave {len(group)} annotations; {rule} (annotation "
                f"{k}) is kept, {counted(len(group) - 1, 'other')} not"
            )
        kept.append((name, chosen))
    out: list[Reading] = []
    main: dict[str, Any] | None = None
    if len(kept) == 1:
        main = kept[0][1]
        out.append(Reading(listed(main.get("result"), f"{who}: 'result'", path, line), "accepted", kept[0][0], SOURCE))
        if any(a is main for a in anns):  # submitted (a draft's id is no annotation's)
            out[-1].given = {
                **({"id": main["id"]} if _small_id(main) else {}),
                **lead_time(main),
                **({"ground_truth": main["ground_truth"]} if isinstance(main.get("ground_truth"), bool) else {}),
            }
    elif kept:
        truths = [(k, a) for k, (_, a) in enumerate(kept) if a.get("ground_truth") is True]
        truths = truths or [(k, a) for k, (_, a) in enumerate(kept) if review(a) is True]  # else accepted in review
        final = ""
        if truths:
            k, main = _chosen(truths)
            results = listed(main.get("result"), f"{who}: 'result'", path, line)
            out.append(Reading(results, "accepted", kept[k][0], SOURCE))
            final = f"{set_name(kept[k][0])}'s" if kept[k][0] is not None else "the one without an annotator"
        # the ground truth without an annotator is the final version alone (our export writes the final set so)
        kept = [(n, a) for n, a in kept if not (n is None and a is main)]
        names = [set_name(n) for n, _ in kept]
        covers = {
            set_name(n): {
                "source": f"{SOURCE}:{path.name}",
                **({"annotation_id": a["id"]} if _small_id(a) else {}),
                **lead_time(a),
            }
            for n, a in kept
        }
        for name, a in kept:
            results = listed(a.get("result"), f"{who}: 'result'", path, line)
            out.append(Reading(results, "accepted", name, SOURCE, annotation_set=set_name(name)))
        for r in out:
            r.covers = covers
        marked = (
            "marked ground truth" if main is not None and main.get("ground_truth") is True else "accepted in review"
        )
        settled = (
            f"the import's set takes {final}, {marked}"
            if truths
            else "none is marked ground truth, so the import's set has no decision yet: compare them with "
            "annotator agree and settle them with Review > Adjudicate differences"
        )
        notes.append(
            f"{where}: the annotations of {counted(len(kept), 'annotator')} are kept each in an annotation set of "
            f"its own ({', '.join(names)}); {settled}"
        )
    covers = out[0].covers if out else None
    of = _sets_of(task, preds)
    if any(x is not None for x in of):  # our export's: annotators' suggestions nobody decided, each beside hers
        missing = _with_sets_undecided(out, preds, of, who, path, line)
        if missing:
            warnings.append(
                f"{where}: predictions of {', '.join(missing)} not kept: the task has no annotation of theirs"
            )
        preds = [p for p, x in zip(preds, of) if x is None]
    if preds and main is not None and undecided_beside(task):  # our export's: the document's undecided suggestions
        at = next(k for k, r in enumerate(out) if r.annotation_set is None)
        out[at] = _with_undecided(out[at], preds, who, path, line)
        notes.append(
            f"{where}: {counted(len(preds), 'prediction')} beside the annotation read as the suggestions nobody decided "
            "(the task's meta says so, as our export writes it)"
        )
    elif preds and main is None:
        out.insert(0, _predictions(preds, who, path, line, covers))
        if len(preds) > 1:
            models = ", ".join(_model(p) or "no model_version" for p in preds)
            notes.append(
                f"{where}: {counted(len(preds), 'prediction')} ({models}) kept as suggestions, each with its model's "
                "source and scores"
            )
    elif preds:
        parent = _parent(main, preds) if main is not None else None
        if parent is not None:  # the annotation began as that prediction: what it dropped was rejected
            at = next(k for k, r in enumerate(out) if r.annotation_set is None)
            out[at], kept_n, dropped = _from_parent(out[at], parent, who, path, line)
            began = f"{where}: the annotation began as the prediction of {_model(parent) or 'no model_version'}"
            notes.append(
                f"{began} ('parent_prediction'): of its regions, {kept_n} kept (that model's suggestions, accepted) "
                f"and {dropped} taken out (rejected)"
                if kept_n or dropped
                else f"{began} ('parent_prediction'), which marks none of the text: nothing of it is kept"
            )
            preds = [p for p in preds if p is not parent]
        if preds:
            models = ", ".join(_model(p) or "no model_version" for p in preds)
            warnings.append(
                f"{where}: {counted(len(preds), 'prediction')} ({models}) not kept beside the annotation the import's "
                "set takes"
            )
    status = "in_progress" if drafts else "annotated" if main is not None else "new"  # submitted: done
    verdict = review(main) if main is not None else None
    if verdict is not None:
        status = "reviewed" if verdict else "in_progress"
        notes.append(
            f"{where}: the annotation the import's set takes was {'accepted' if verdict else 'rejected'} in review (by "
            f"{_reviewer(main or {})}): the task is {'reviewed' if verdict else 'in progress'}"
        )
    out = out or [Reading([], "accepted", None, SOURCE)]
    for r in out:
        r.status = status
    return out
