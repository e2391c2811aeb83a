"""Decisions of a trained event model chosen by k-fold inside its own training documents (never on the
documents it is scored on): the probability threshold of each trigger type, the argument threshold, which types
keep the prior's own suggestions (where the model did worse than the prior on the held-out folds), and, as the
"never worse" guard, the prior for every type when the model as a whole did worse than the prior."""

from __future__ import annotations

import random
from typing import Any, Callable, Sequence

import numpy as np

from annotator.learn.argument_tuning import held_prior_events, threshold_on_gold, tune_arguments
from annotator.learn.event_features import shown_suggestions
from annotator.learn.scoring import Tally, as_events, paired_bootstrap, prf, tally_events

from annotator.learn.data import GoldEvent
from annotator.learn.event_model import (
    TRIGGER_THRESHOLD,
    EventModel,
    PreparedDoc,
    TrainedEventSuggester,
    prepare,
)
from annotator.schema import Schema
from annotator.suggest.types import EventSuggester

MIN_DOCS = 6  # fewer training documents: the prior, except for types marked where it suggested none
GRID = tuple(round(0.05 + 0.025 * k, 3) for k in range(24))  # 0.05 .. 0.625
MIN_TYPE_GOLD = 3  # a type with fewer held-out gold triggers keeps the default threshold
CONFIDENCE = 0.8  # share of document resamples in which the model's F1 must beat the prior's
RESAMPLES = 300


def _folds(docs: Sequence[PreparedDoc], k: int, seed: int) -> list[set[int]]:
    keys = [p.key for p in docs]
    random.Random(seed).shuffle(keys)
    k = max(2, min(k, len(keys)))
    return [set(keys[j::k]) for j in range(k)]


def _best_threshold(points: list[tuple[float, bool]], gold: int, default: float) -> tuple[float, float]:
    """(threshold, F1) maximising F1 over GRID; ``points``: (probability, correct) of each candidate."""
    best = (default, -1.0)
    for th in GRID:
        tp = sum(1 for pr, ok in points if pr >= th and ok)
        fp = sum(1 for pr, ok in points if pr >= th and not ok)
        f = float(prf(tp, fp, gold - tp)["f1"])
        if f > best[1] + 1e-9:
            best = (th, f)
    return best


def train_event_model(
    examples: Sequence[tuple[Any, Sequence[tuple[int, int, str]], Sequence[GoldEvent]]],
    schema: Schema,
    prior: EventSuggester,
    epochs: int = 5,
    seed: int = 0,
    cancelled: Callable[[], bool] | None = None,
    folds: int = 4,
    unannotated_roles: frozenset[str] = frozenset(),
) -> EventModel:
    """An EventModel from ``examples``: (parsed Doc, the entity spans a suggester would see, the gold events).
    With enough documents the thresholds and the per-type choice between model and prior come from
    ``folds``-fold predictions inside these documents (``tune``). ``unannotated_roles``: role names the documents
    never annotate (not a choice of their annotators: Time in events-dev), left to the prior's fillers."""
    types = [et.name for et in schema.events]
    docs = prepare(examples, types, prior)
    model = EventModel.fit(docs, schema, epochs, seed, cancelled)
    tune(model, docs, schema, epochs, seed, cancelled, folds, unannotated_roles)
    return model


def tune(
    model: EventModel,
    docs: Sequence[PreparedDoc],
    schema: Schema,
    epochs: int,
    seed: int,
    cancelled: Callable[[], bool] | None,
    folds: int,
    unannotated_roles: frozenset[str] = frozenset(),
) -> None:
    if len(docs) < MIN_DOCS:  # too few documents to judge the model: the prior's suggestions with their own
        # arguments, except for the types people marked where the prior suggested none (what only the model knows)
        suggested = {s.type for p in docs for _i, s in shown_suggestions(p.views)}
        marked = {g.type for p in docs for g in p.gold.values()}
        model.prior_types = {et.name for et in schema.events} - (marked - suggested)
        model.learned_arguments = False
        model.tuning = {"folds": 0, "documents": len(docs), "prior_types": sorted(model.prior_types)}
        return
    types = [et.name for et in schema.events]
    allowed = {et.name: {r.name for r in et.roles} for et in schema.events}
    held_models: list[tuple[EventModel, list[PreparedDoc]]] = []
    per_type: dict[str, list[tuple[float, bool]]] = {t: [] for t in types}
    gold_n: dict[str, int] = {t: 0 for t in types}
    arg_records: list[tuple[Any, list]] = []
    for part in _folds(docs, folds, seed):
        train = [p for p in docs if p.key not in part]
        held = [p for p in docs if p.key in part]
        m = EventModel.fit(train, schema, epochs, seed, cancelled)
        held_models.append((m, held))
        classes = m.triggers.classes
        for p in held:
            for g in p.gold.values():
                gold_n[g.type] += 1
            for i, pr in m.trigger_probabilities(p):
                pr = pr.copy()
                pr[0] = 0.0
                k = int(pr.argmax())
                if k:
                    g = p.gold.get(i)
                    per_type[classes[k]].append((float(pr[k]), g is not None and g.type == classes[k], p.key, i))
            for i, g in p.gold.items():
                arg_records.append((g, m.role_probabilities(p.doc[i], g.type, p, allowed[g.type])))
    # triggers: a threshold per type, and the prior's F1 on the same documents
    rules = Tally()
    for p in docs:
        found: set[int] = set()
        for i, s in shown_suggestions(p.views):
            g = p.gold.get(i)
            right = g is not None and g.type == s.type
            rules.add(s.type, "tp" if right else "fp")
            if right:
                found.add(i)
        for i, g in p.gold.items():
            if i not in found:
                rules.add(g.type, "fn")
    prior_f1 = {t: float(v["f1"]) for t, v in rules.result().items()}
    tuning: dict[str, Any] = {"folds": len(held_models), "types": {}}
    gold_at = {t: {(p.key, i) for p in docs for i, g in p.gold.items() if g.type == t} for t in types}
    for t in types:
        rules_at = {(p.key, i) for p in docs for i, s in shown_suggestions(p.views) if s.type == t}
        if gold_n[t] < MIN_TYPE_GOLD:  # too few examples to judge the model: the prior's, if it has any
            if rules_at:
                model.prior_types.add(t)
            continue
        th, f = _best_threshold([(pr, ok) for pr, ok, _k, _i in per_type[t]], gold_n[t], TRIGGER_THRESHOLD)
        model.thresholds[t] = th
        model_at = {(key, i) for pr, _ok, key, i in per_type[t] if pr >= th}
        # the model replaces the prior for this type only when it is better in most resamples of the documents
        # (a paired bootstrap of the F1 difference): 16 held-out documents once chose badly
        sure = _bootstrap_better([p.key for p in docs], model_at, rules_at, gold_at[t], seed)
        use_model = sure >= CONFIDENCE
        tuning["types"][t] = {
            "threshold": th,
            "model_f1": round(f, 4),
            "prior_f1": prior_f1.get(t, 0.0),
            "gold": gold_n[t],
            "model_better_in": round(sure, 3),
            "use": "model" if use_model else "prior",
        }
        if not use_model:
            model.prior_types.add(t)
    # arguments: the threshold and, per type and role, the prior's own filler or the learned one on its events,
    # from the prior's events on the held-out folds; without any, the threshold over the held-out gold triggers
    helds = held_prior_events(held_models, schema)
    if any(h.events for h in helds):
        tuning["prior_events_arguments"] = tune_arguments(
            model, helds, schema, GRID, set(types), seed, unannotated_roles
        )
        tuning["argument_threshold"] = model.argument_threshold
    else:
        model.argument_threshold = tuning["argument_threshold"] = threshold_on_gold(model, arg_records, GRID)
    # "never worse": the whole suggester on the held-out folds (the folds' models with these decisions) against
    # the prior alone, first the triggers (the prior's for every type when the model's did worse), then the whole
    tset = set(types)

    def scores() -> dict[str, dict[str, float]]:
        mine = {"triggers": Tally(), "arguments": Tally()}
        theirs = {"triggers": Tally(), "arguments": Tally()}
        for m, held in held_models:
            m.thresholds, m.prior_types = model.thresholds, model.prior_types
            m.argument_threshold, m.learned_arguments = model.argument_threshold, model.learned_arguments
            m.own_roles = model.own_roles
            sugg = TrainedEventSuggester(m, schema, "k-fold", prior=_NoPrior())
            for p in held:
                gold = list(p.gold.values())
                tally_events(gold, as_events(sugg.suggest_prepared(p)), mine["triggers"], mine["arguments"], tset)
                shown = [s for _i, s in shown_suggestions(p.views)]
                tally_events(gold, as_events(shown), theirs["triggers"], theirs["arguments"], tset)
        return {
            w: {k: float(t.result()["all"]["f1"]) for k, t in d.items()}
            for w, d in (("model", mine), ("prior", theirs))
        }

    score = scores()
    tuning["overall"] = score
    if score["model"]["triggers"] < score["prior"]["triggers"]:
        model.prior_types = set(types)
        tuning["guard"] = "the prior's triggers for every type (the model's did worse on the held-out folds)"
        score = tuning["overall_prior_triggers"] = scores()
    if sum(score["model"].values()) < sum(score["prior"].values()):
        model.prior_types, model.learned_arguments = set(types), False
        tuning["guard"] = "the prior alone (the model did worse on the held-out folds)"
    model.tuning = tuning


class _NoPrior:
    """Stands in for the prior inside tuning: the prepared documents already hold its suggestions."""

    source = "prior"

    def suggest(self, doc: Any, entities: Sequence[tuple[int, int, str]]) -> list:
        return []


def _bootstrap_better(keys: list[int], model_at: set, rules_at: set, gold_at: set, seed: int) -> float:
    """Share of bootstrap resamples of the documents in which the model's F1 beats the prior's ((doc key,
    token) sets of predictions and gold)."""
    index = {k: j for j, k in enumerate(keys)}
    counts = np.zeros((2, len(keys), 3))
    for row, pred in enumerate((model_at, rules_at)):
        for col, found in enumerate((pred & gold_at, pred - gold_at, gold_at - pred)):
            for key, _i in found:
                counts[row, index[key], col] += 1
    return paired_bootstrap(counts[0], counts[1], seed, RESAMPLES)
