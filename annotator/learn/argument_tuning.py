"""The arguments of the suggested events, decided by k-fold inside the training documents (a part of
``event_tuning.tune``): the role-probability threshold, chosen on the events the suggester will show (the
prior's, wrong triggers included: an argument of a wrong trigger counts as a wrong argument), and, per event type
and role, whether the prior's events keep the prior's own filler or get the learned one.

Measured by k-fold inside the first / last 80 articles of events-dev (scratch harness, rules of 2 Dec 05:20): one
choice for all roles gave argument F1 0.309 / 0.296, the choice per type and role 0.318 / 0.321; a threshold per
role as well gave no more (0.315 / 0.322) and was not kept. bench/learning_cv.py with this module (rules of
e215605): 0.341 / 0.330 against the previous code's 0.317 / 0.297 and the rules' own 0.299 / 0.287 - figures that
counted the rules' Time arguments as wrong (events-dev annotates none). Scored as bench/events.py scores, the
learned fillers are not better than the rules' own on events-dev, and event_tuning's cross-fitted guard leaves the
rules' fillers at every point of the learning curve (docs/learning.md)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from annotator.learn.data import GoldEvent
from annotator.learn.event_features import shown_suggestions
from annotator.learn.event_model import (
    Decisions,
    EventModel,
    PreparedDoc,
    decide_arguments,
    learned_fillers,
    merge_arguments,
)
from annotator.learn.perceptron import check_cancel
from annotator.learn.scoring import Tally, as_events, paired_bootstrap, tally_events
from annotator.schema import Schema
from annotator.suggest.types import EventSuggestion

# share of document resamples in which the learned fillers must do better than the prior's (as event_tuning's
# CONFIDENCE for a type's triggers)
CONFIDENCE = 0.8
ROLE_CONFIDENCE = 0.8  # the same for one type and role (one of ~100 decisions)
# fewer training documents: the prior's own fillers. k-fold inside 20 articles of events-dev (16 trained on per
# fold, 4 per inner fold): the learned fillers chosen as below did 0.003 better and 0.007 worse than the prior's
# (first / last 20), 0.031 worse with a stricter per-role confidence: too few documents to choose on
MIN_DOCUMENTS = 30
# a role name counts as not annotated when the prior fills it at least this often in the training documents and
# no training document fills it (fewer fillers of the prior: too little to say the annotators leave it out)
MIN_UNFILLED = 3


def unfilled_roles(
    golds: Iterable[Iterable[GoldEvent]], suggested: Iterable[Iterable[EventSuggestion]], least: int = MIN_UNFILLED
) -> frozenset[str]:
    """Role names the prior fills (``suggested``: its events on the training documents) at least ``least`` times
    while no gold event of any document (``golds``) fills them: how these annotators work (events-dev annotates
    no Time). Their fillers are left out of the measures (an annotator who never fills the role would count every
    one as wrong, so dropping them would look like a gain the annotators' own scorer never sees) and not
    suggested by the trained model (nobody keeps one)."""
    filled = {a.role for events in golds for g in events for a in g.arguments}
    counts: dict[str, int] = {}
    for events in suggested:
        for s in events:
            for a in s.arguments:
                counts[a.role] = counts.get(a.role, 0) + 1
    return frozenset(r for r, n in counts.items() if n >= least and r not in filled)


@dataclass
class _Held:
    """One held-out document: its gold, the prior's events on it with their role probabilities under the model of
    the fold that did not train on it."""

    gold: list[GoldEvent]
    events: list[tuple[EventSuggestion, Any, list]]  # (the prior's suggestion, its trigger token, probabilities)
    model: EventModel
    key: int = -1  # the PreparedDoc's key


def held_prior_events(
    held_models: Sequence[tuple[EventModel, Sequence[PreparedDoc]]],
    schema: Schema,
    cancelled: Callable[[], bool] | None = None,
) -> list[_Held]:
    """Each held-out document of each (fold model, its held-out documents) with the prior's events on it; ``cancelled``
    looked at after each."""
    allowed = {et.name: {r.name for r in et.roles} for et in schema.events}
    out = []
    for m, held in held_models:
        for p in held:
            check_cancel(cancelled)
            events = [
                (s, p.doc[i], m.role_probabilities(p.doc[i], s.type, p, allowed[s.type]))
                for i, s in shown_suggestions(p.views)
                if s.type in allowed
            ]
            out.append(_Held(list(p.gold.values()), events, m, p.key))
    return out


def _arguments(
    helds: Sequence[_Held],
    schema: Schema,
    threshold: float,
    own_roles: set[str],
    types: set[str],
    typed: bool,
    unannotated: frozenset[str] = frozenset(),
) -> Tally:
    tally = Tally()
    for h in helds:
        events = []
        for s, trig, scored in h.events:
            learned = learned_fillers(h.model, schema, s.type, trig.doc, scored, threshold)
            args = merge_arguments(s.type, s.arguments, learned, own_roles)
            events.append(replace(s, arguments=tuple(a for a in args if a.role not in unannotated)))
        tally_events(h.gold, as_events(events), None, tally, types, typed_roles=typed)
    return tally


def _f1(tally: Tally, key: str = "all") -> float:
    tp, fp, fn = tally.tp, tally.fp, tally.fn
    if key == "all":
        return float(tally.result()["all"]["f1"])
    return 2 * tp[key] / (2 * tp[key] + fp[key] + fn[key]) if tp[key] else 0.0


def tune_arguments(
    model: EventModel | Decisions,
    helds: Sequence[_Held],
    schema: Schema,
    grid: Sequence[float],
    types: set[str],
    seed: int = 0,
    unannotated: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Sets ``model.argument_threshold`` (the F1-best learned roles on the prior's held-out events),
    ``model.own_roles`` (per type and role, the prior's own filler or the learned one: the learned where it did
    better in at least CONFIDENCE of the document resamples, over all roles or for this one) and
    ``model.learned_arguments``; returns what was measured. Roles in ``unannotated`` (role names the training
    documents do not annotate, e.g. Time in events-dev) are left out of every measure and of the choice:
    counted, the prior's every filler of them is wrong and dropping them looks like a gain (the trained
    suggester drops them: ``EventModel.unannotated_roles``)."""
    kept = frozenset(f"{et.name}|{r.name}" for et in schema.events for r in et.roles if r.name in unannotated)
    every = {f"{et.name}|{r.name}" for et in schema.events for r in et.roles} - kept
    best = (model.argument_threshold, -1.0)
    for th in grid:
        f = _f1(_arguments(helds, schema, th, set(kept), types, False, unannotated))
        if f > best[1] + 1e-9:
            best = (th, f)
    th = model.argument_threshold = best[0]
    own_f1 = _f1(_arguments(helds, schema, th, every | kept, types, False, unannotated))
    learned_f1 = best[1]
    # the prior's own fillers unless the learned ones did better in most resamples of the documents (a paired
    # bootstrap) over all roles; then per type and role, the other filler where it did better in most resamples
    # (chosen on the counts alone, 20 training documents took the learned filler for 7 roles and did worse than
    # the prior on the remaining articles)
    own_t = [_arguments([h], schema, th, every | kept, types, True, unannotated) for h in helds]
    learned_t = [_arguments([h], schema, th, set(kept), types, True, unannotated) for h in helds]

    def counts(tallies: list[Tally], keys: Sequence[str]) -> np.ndarray:
        return np.array([[sum(c[k] for k in keys) for c in (t.tp, t.fp, t.fn)] for t in tallies], dtype=float)

    learned_sure = paired_bootstrap(counts(learned_t, sorted(every)), counts(own_t, sorted(every)), seed)
    if len(helds) < MIN_DOCUMENTS:
        learned_sure = 0.0  # and no role is switched below
    model.own_roles = set()
    for key in every:
        own_c, learned_c = counts(own_t, [key]), counts(learned_t, [key])
        if learned_sure >= CONFIDENCE:
            own = paired_bootstrap(own_c, learned_c, seed) >= ROLE_CONFIDENCE
        else:
            own = len(helds) < MIN_DOCUMENTS or paired_bootstrap(learned_c, own_c, seed) < ROLE_CONFIDENCE
        if own:
            model.own_roles.add(key)
    model.learned_arguments = model.own_roles != every
    chosen_f1 = _f1(_arguments(helds, schema, th, model.own_roles, types, False, unannotated))
    return {
        "threshold": th,
        "own_f1": own_f1,
        "learned_f1": learned_f1,
        "learned_better_in": round(learned_sure, 3),
        "per_role_f1": chosen_f1,
        "learned_roles": sorted(every - model.own_roles),
    }


def threshold_on_gold(model: EventModel, records: Sequence[tuple[GoldEvent, list]], grid: Sequence[float]) -> float:
    """The F1-best role-probability threshold of the learned roles on held-out gold triggers (``records``: each
    gold event with its role probabilities): for a suggester that shows no events of the prior."""
    best = (model.argument_threshold, -1.0)
    for th in grid:
        tally = Tally()
        for g, scored in records:
            chosen = decide_arguments(model, scored, th)
            got = []
            for _pr, (head, s, e, _label), role in chosen.values():
                got.append((role, head.doc[s].idx, head.doc[e - 1].idx + len(head.doc[e - 1])))
            used: set[int] = set()
            for role, a0, a1 in got:
                k = next(
                    (
                        j
                        for j, b in enumerate(g.arguments)
                        if j not in used and b.role == role and a0 < b.end and b.start < a1
                    ),
                    None,
                )
                if k is None:
                    tally.add("all", "fp")
                else:
                    used.add(k)
                    tally.add("all", "tp")
            tally.add("all", "fn", len(g.arguments) - len(used))
        f = float(tally.result()["all"]["f1"])
        if f > best[1] + 1e-9:
            best = (th, f)
    return best[0]
