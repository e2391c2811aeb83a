"""The arguments of the suggested events, decided by k-fold inside the training documents (a part of
``event_tuning.tune``): the role-probability threshold, chosen on the events the suggester will show (the
prior's, wrong triggers included: an argument of a wrong trigger counts as a wrong argument), and, per event type
and role, whether the prior's events keep the prior's own filler or get the learned one.

Measured with bench/learning_cv.py-style k-fold inside the first / last 80 articles of events-dev (rules of 2 Dec
05:20): one choice for all roles gave argument F1 0.309 / 0.296, the choice per type and role 0.318 / 0.321; a
threshold per role as well gave no more (0.315 / 0.322) and was not kept."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Sequence

from annotator.learn.data import GoldEvent
from annotator.learn.event_features import shown_suggestions
from annotator.learn.event_model import EventModel, PreparedDoc, decide_arguments, learned_fillers, merge_arguments
from annotator.learn.scoring import Tally, as_events, tally_events
from annotator.schema import Schema
from annotator.suggest.types import EventSuggestion


@dataclass
class _Held:
    """One held-out document: its gold, the prior's events on it with their role probabilities under the model of
    the fold that did not train on it."""

    gold: list[GoldEvent]
    events: list[tuple[EventSuggestion, Any, list]]  # (the prior's suggestion, its trigger token, probabilities)
    model: EventModel


def held_prior_events(held_models: Sequence[tuple[EventModel, Sequence[PreparedDoc]]], schema: Schema) -> list[_Held]:
    allowed = {et.name: {r.name for r in et.roles} for et in schema.events}
    out = []
    for m, held in held_models:
        for p in held:
            events = [
                (s, p.doc[i], m.role_probabilities(p.doc[i], s.type, p, allowed[s.type]))
                for i, s in shown_suggestions(p.views)
                if s.type in allowed
            ]
            out.append(_Held(list(p.gold.values()), events, m))
    return out


def _arguments(
    helds: Sequence[_Held], schema: Schema, threshold: float, own_roles: set[str], types: set[str], typed: bool
) -> Tally:
    tally = Tally()
    for h in helds:
        events = []
        for s, trig, scored in h.events:
            learned = learned_fillers(h.model, schema, s.type, trig.doc, scored, threshold)
            events.append(replace(s, arguments=merge_arguments(s.type, s.arguments, learned, own_roles)))
        tally_events(h.gold, as_events(events), None, tally, types, typed_roles=typed)
    return tally


def _f1(tally: Tally, key: str = "all") -> float:
    tp, fp, fn = tally.tp, tally.fp, tally.fn
    if key == "all":
        return float(tally.result()["all"]["f1"])
    return 2 * tp[key] / (2 * tp[key] + fp[key] + fn[key]) if tp[key] else 0.0


def tune_arguments(
    model: EventModel, helds: Sequence[_Held], schema: Schema, grid: Sequence[float], types: set[str]
) -> dict[str, Any]:
    """Sets ``model.argument_threshold`` (the F1-best learned roles on the prior's held-out events),
    ``model.own_roles`` (per type and role, the prior's own filler where it did better than the learned one
    there; a tie goes to whichever did better over all roles) and ``model.learned_arguments``; returns what was
    measured."""
    every = {f"{et.name}|{r.name}" for et in schema.events for r in et.roles}
    best = (model.argument_threshold, -1.0)
    for th in grid:
        f = _f1(_arguments(helds, schema, th, set(), types, False))
        if f > best[1] + 1e-9:
            best = (th, f)
    th = model.argument_threshold = best[0]
    own_f1 = _f1(_arguments(helds, schema, th, every, types, False))
    learned_f1 = best[1]
    own_t = _arguments(helds, schema, th, every, types, True)
    learned_t = _arguments(helds, schema, th, set(), types, True)
    own_wins = own_f1 >= learned_f1
    model.own_roles = {
        key
        for key in every
        if _f1(own_t, key) > _f1(learned_t, key) or (own_wins and _f1(own_t, key) == _f1(learned_t, key))
    }
    model.learned_arguments = model.own_roles != every
    chosen_f1 = _f1(_arguments(helds, schema, th, model.own_roles, types, False))
    return {
        "threshold": th,
        "own_f1": own_f1,
        "learned_f1": learned_f1,
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
