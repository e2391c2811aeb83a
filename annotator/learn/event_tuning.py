"""Decisions of a trained event model chosen by k-fold inside its own training documents (never on the
documents it is scored on): the probability threshold of each trigger type, the argument threshold, which types
keep the prior's own suggestions (where the model did worse than the prior on the held-out folds), per type and
role the prior's filler or the learned one (argument_tuning.py), and, as the "never worse" guard, per part: the
prior's triggers for every type, and the prior's own arguments, unless the model's did better than the prior's
in most document resamples of a CROSS-FITTED estimate (each fold scored with the decisions made on the others)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

from annotator.learn.argument_tuning import held_prior_events, threshold_on_gold, tune_arguments, unfilled_roles
from annotator.learn.event_features import shown_suggestions
from annotator.learn.perceptron import check_cancel
from annotator.learn.scoring import Tally, as_events, paired_bootstrap, prf, tally_events

from annotator.learn.data import GoldEvent
from annotator.learn.event_model import (
    TRIGGER_THRESHOLD,
    Decisions,
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
GUARD_CONFIDENCE = 0.95  # the same for a whole part (triggers, arguments) in the cross-fitted guard
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
    unannotated_roles: frozenset[str] | None = None,
) -> EventModel:
    """An EventModel from ``examples``: (parsed Doc, the entity spans a suggester would see, the gold events).
    With enough documents the thresholds and the per-type choice between model and prior come from
    ``folds``-fold predictions inside these documents (``tune``). ``unannotated_roles``: role names the documents
    do not annotate, left out of every measure and not suggested; None: the roles the prior fills in these
    documents and none of them does (argument_tuning.unfilled_roles: Time in events-dev)."""
    types = list(schema.event_type_names)
    docs = prepare(examples, types, prior, cancelled)
    if unannotated_roles is None:
        unannotated_roles = unfilled_roles(
            (p.gold.values() for p in docs), ([s for _i, s in shown_suggestions(p.views)] for p in docs)
        )
    model = EventModel.fit(docs, schema, epochs, seed, cancelled)
    tune(model, docs, schema, epochs, seed, cancelled, folds, unannotated_roles)
    return model


@dataclass
class _Records:
    """What the folds' models did on the documents they were not trained on (every decision is made on these)."""

    docs: list[PreparedDoc]
    shown: dict[int, list]  # document key -> the prior's shown suggestions (token, suggestion)
    triggers: dict[str, list[tuple[float, bool, int, int]]]  # type -> (probability, right, document key, token)
    gold_roles: list[tuple[int, GoldEvent, list]]  # (document key, gold event, role probabilities)
    helds: list  # argument_tuning._Held, one per held-out document


def _decide(
    rec: _Records,
    keys: set[int],
    schema: Schema,
    types: list[str],
    seed: int,
    unannotated: frozenset[str],
    model: EventModel,
) -> tuple[Decisions, dict[str, Any]]:
    """The decisions made on the held-out documents whose key is in ``keys``, and what was measured."""
    dec = Decisions(unannotated_roles=unannotated)
    words = {et.name: bool(et.triggers) for et in schema.events}
    docs = [p for p in rec.docs if p.key in keys]
    gold_n = {t: 0 for t in types}
    rules = Tally()
    for p in docs:
        found: set[int] = set()
        for g in p.gold.values():
            gold_n[g.type] += 1
        for i, s in rec.shown[p.key]:
            g = p.gold.get(i)
            right = g is not None and g.type == s.type
            rules.add(s.type, "tp" if right else "fp")
            if right:
                found.add(i)
        for i, g in p.gold.items():
            if i not in found:
                rules.add(g.type, "fn")
    prior_f1 = {t: float(v["f1"]) for t, v in rules.result().items()}
    tuning: dict[str, Any] = {"types": {}}
    for t in types:
        gold_at = {(p.key, i) for p in docs for i, g in p.gold.items() if g.type == t}
        rules_at = {(p.key, i) for p in docs for i, s in rec.shown[p.key] if s.type == t}
        if gold_n[t] < MIN_TYPE_GOLD:  # too few examples to judge the model: the prior's, unless people marked
            # the type and the prior has no trigger words for it (what only the model knows). The prior's words
            # are kept even where it suggested none in these documents: the type went to the model, which has
            # seen one or two examples and suggests nothing, so the first 20 articles of events-dev (one money
            # transfer marked, the rules' suggesting none there) lost every Transaction:Transfer-Money suggestion
            # of the articles after them
            if rules_at or not gold_n[t] or words.get(t):
                dec.prior_types.add(t)
            continue
        points = [r for r in rec.triggers[t] if r[2] in keys]
        th, f = _best_threshold([(pr, ok) for pr, ok, _k, _i in points], gold_n[t], TRIGGER_THRESHOLD)
        dec.thresholds[t] = th
        model_at = {(key, i) for pr, _ok, key, i in points if pr >= th}
        # the model replaces the prior for this type only when it is better in most resamples of the documents
        # (a paired bootstrap of the F1 difference): 16 held-out documents once chose badly
        sure = _bootstrap_better([p.key for p in docs], model_at, rules_at, gold_at, seed)
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
            dec.prior_types.add(t)
    # arguments: the threshold and, per type and role, the prior's own filler or the learned one on its events,
    # from the prior's events on the held-out folds; without any, the threshold over the held-out gold triggers
    helds = [h for h in rec.helds if h.key in keys]
    if any(h.events for h in helds):
        tuning["prior_events_arguments"] = tune_arguments(dec, helds, schema, GRID, set(types), seed, unannotated)
    else:
        records = [(g, scored) for key, g, scored in rec.gold_roles if key in keys]
        dec.argument_threshold = threshold_on_gold(model, records, GRID)
    tuning["argument_threshold"] = dec.argument_threshold
    return dec, tuning


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
    model.unannotated_roles = frozenset(unannotated_roles)
    if len(docs) < MIN_DOCS:  # too few documents to judge the model: the prior's suggestions with their own
        # arguments, except for the types people marked where the prior suggested none (what only the model knows)
        suggested = {s.type for p in docs for _i, s in shown_suggestions(p.views)}
        marked = {g.type for p in docs for g in p.gold.values()}
        model.prior_types = set(schema.event_type_names) - (marked - suggested)
        model.learned_arguments = False
        model.tuning = {"folds": 0, "documents": len(docs), "prior_types": sorted(model.prior_types)}
        return
    types = list(schema.event_type_names)
    allowed = {et.name: {r.name for r in et.roles} for et in schema.events}
    held_models: list[tuple[EventModel, list[PreparedDoc]]] = []
    rec = _Records(list(docs), {p.key: shown_suggestions(p.views) for p in docs}, {t: [] for t in types}, [], [])
    for part in _folds(docs, folds, seed):
        train = [p for p in docs if p.key not in part]
        held = [p for p in docs if p.key in part]
        m = EventModel.fit(train, schema, epochs, seed, cancelled)
        held_models.append((m, held))
        classes = m.triggers.classes
        for p in held:
            check_cancel(cancelled)
            for i, pr in m.trigger_probabilities(p):
                pr = pr.copy()
                pr[0] = 0.0
                k = int(pr.argmax())
                if k:
                    g = p.gold.get(i)
                    rec.triggers[classes[k]].append((float(pr[k]), g is not None and g.type == classes[k], p.key, i))
            for i, g in p.gold.items():
                rec.gold_roles.append((p.key, g, m.role_probabilities(p.doc[i], g.type, p, allowed[g.type])))
    rec.helds = held_prior_events(held_models, schema, cancelled)
    check_cancel(cancelled)
    every = {p.key for p in docs}
    dec, tuning = _decide(rec, every, schema, types, seed, model.unannotated_roles, model)
    tuning["folds"] = len(held_models)
    tuning["unannotated_roles"] = sorted(model.unannotated_roles)
    # "never worse": each part of the trained suggester is kept only when it did better than the prior on the
    # held-out folds in at least CONFIDENCE of the document resamples, measured CROSS-FITTED: each fold scored
    # with the decisions made on the other folds (the decisions made on all folds and scored on the same folds
    # looked better than they were: the learned fillers won there and lost on the remaining articles)
    tset = set(types)

    def crossfit(prior_triggers: bool) -> dict[str, Any]:
        counts: dict[tuple[str, str], list] = {
            (w, k): [] for w in ("model", "prior") for k in ("triggers", "arguments")
        }
        for m, held in held_models:
            fold_dec, fold_tuning = _decide(
                rec, every - {p.key for p in held}, schema, types, seed, model.unannotated_roles, m
            )
            if prior_triggers:
                fold_dec.prior_types |= _model_types(fold_tuning)
            fold_dec.apply(m)
            sugg = TrainedEventSuggester(m, schema, "k-fold", prior=_NoPrior())
            for p in held:
                check_cancel(cancelled)
                gold = list(p.gold.values())
                for who, events in (
                    ("model", sugg.suggest_prepared(p)),
                    ("prior", [s for _i, s in rec.shown[p.key]]),
                ):
                    tt, at = tally_events(gold, as_events(events), types=tset, left_out_roles=model.unannotated_roles)
                    for part, t in (("triggers", tt), ("arguments", at)):
                        counts[(who, part)].append([sum(c.values()) for c in (t.tp, t.fp, t.fn)])
        out: dict[str, Any] = {}
        for part in ("triggers", "arguments"):
            mine, theirs = np.array(counts[("model", part)], float), np.array(counts[("prior", part)], float)
            out[part] = {
                "model_f1": float(prf(*map(int, mine.sum(0)))["f1"]),
                "prior_f1": float(prf(*map(int, theirs.sum(0)))["f1"]),
                "model_better_in": round(paired_bootstrap(mine, theirs, seed, RESAMPLES), 3),
            }
        return out

    check_cancel(cancelled)
    guards = []
    chosen = _model_types(tuning)  # (types with too few examples that the prior never suggests keep the model's)
    score = crossfit(prior_triggers=not chosen)
    if chosen and score["triggers"]["model_better_in"] < GUARD_CONFIDENCE:
        dec.prior_types |= chosen
        guards.append("the prior's triggers for every type (the model's were not better on the held-out folds)")
        tuning["crossfit_model_triggers"] = score
        score = crossfit(prior_triggers=True)
    if dec.learned_arguments and score["arguments"]["model_better_in"] < GUARD_CONFIDENCE:
        dec.learned_arguments = False
        guards.append("the prior's own arguments (the learned ones were not better on the held-out folds)")
    tuning["overall"] = score
    if guards:
        tuning["guard"] = "; ".join(guards)
    dec.apply(model)
    model.tuning = tuning


def _model_types(tuning: dict[str, Any]) -> set[str]:
    """The types whose triggers k-fold gave to the model (its paired bootstrap against the prior's)."""
    return {t for t, v in tuning.get("types", {}).items() if v["use"] == "model"}


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
