"""A trained event suggester stacked on the prior (the rule suggester): a trigger classifier over candidate tokens
whose features include the prior's verdict and the annotation style learned from the documents (how often each
word is marked, later mentions, generic and hypothetical cues), and an argument-role classifier over (trigger,
entity or noun phrase) pairs with the prior's role as a feature. Per-type thresholds, the argument threshold and
which types keep the prior's own suggestions are chosen by k-fold inside the training documents only
(annotator/learn/event_tuning.py, which trains the model: ``train_event_model``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
import orjson

from annotator.learn.data import GoldEvent
from annotator.learn.event_features import (
    NO_RULE,
    RuleView,
    argument_features,
    candidate_spans,
    document_state,
    entity_tokens,
    rule_views,
    shown_suggestions,
    trigger_features,
)
from annotator.learn.lemma_stats import LemmaStats
from annotator.learn.perceptron import LogLinear, check_cancel, softmax
from annotator.rules import takes
from annotator.schema import Schema
from annotator.suggest.noun_classes import lemma_of
from annotator.suggest.types import ArgumentSuggestion, EventSuggester, EventSuggestion

NONE = "-"
TRIGGER_THRESHOLD = 0.35  # per-type thresholds replace it when k-fold tuning ran
ARGUMENT_THRESHOLD = 0.35
CANDIDATE_POS = {"VERB", "NOUN", "ADJ"}
# small AdaGrad steps and some L2: larger steps memorise the training documents (in-sample F1 0.98, held-out
# probabilities useless for thresholds); measured on events-dev with k-fold inside the first 80 articles
RATE = 0.01
ARG_RATE = 0.01
L2 = 1e-3


class TriggerWordPrior:
    """The schema's trigger words matched on lemmas (single words and word sequences): the untrained prior."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.single: dict[str, list[str]] = {}
        self.multi: list[tuple[tuple[str, ...], str]] = []
        for et in schema.events:
            for word in et.triggers:
                parts = tuple(word.lower().split())
                if len(parts) == 1:
                    self.single.setdefault(parts[0], []).append(et.name)
                elif parts:
                    self.multi.append((parts, et.name))

    @property
    def source(self) -> str:
        return f"words:{self.schema.name}@1"

    def suggest(self, doc: Any, entities: Sequence[tuple[int, int, str]]) -> list[EventSuggestion]:
        out = []
        for tok in doc:
            types = self.single.get(lemma_of(tok)) or self.single.get(tok.lower_) or ()
            if types:
                out.append(EventSuggestion(types[0], tok.idx, tok.idx + len(tok), 0.5, alternatives=tuple(types[1:])))
        for parts, type_ in self.multi:
            n = len(parts)
            for i in range(len(doc) - n + 1):
                if all(lemma_of(doc[i + j]) == p or doc[i + j].lower_ == p for j, p in enumerate(parts)):
                    out.append(EventSuggestion(type_, doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1]), 0.5))
        return out


def default_prior(schema: Schema) -> EventSuggester:
    """The rule-based event suggester when it is installed, else the schema's trigger words on lemmas."""
    try:
        from annotator.suggest.event_rules import RuleEventSuggester  # type: ignore[import-not-found]
    except ImportError:
        return TriggerWordPrior(schema)
    return RuleEventSuggester(schema)


def _trigger_token(doc: Any, start: int, end: int) -> int | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root.i if span is not None and len(span) else None


@dataclass
class PreparedDoc:
    """One training document read once: parse, entities, the prior's views, gold triggers by token."""

    key: int
    doc: Any
    entities: Sequence[tuple[int, int, str]]
    ents: dict[int, tuple[int, int, str]]
    views: dict[int, RuleView]
    prev: list[int]
    sent_index: list[int]
    gold: dict[int, GoldEvent] = field(default_factory=dict)

    @property
    def lemmas(self) -> list[str]:
        return [lemma_of(t) for t in self.doc]


def prepare(
    examples: Sequence[tuple[Any, Sequence[tuple[int, int, str]], Sequence[GoldEvent]]],
    types: Sequence[str],
    prior: EventSuggester,
    cancelled: Callable[[], bool] | None = None,
) -> list[PreparedDoc]:
    """Each example (parsed Doc, the entity spans a suggester sees, gold events) with the prior's suggestions and what
    the features read; ``cancelled`` looked at after each document (the prior's rules run on each)."""
    out = []
    for k, (doc, entities, gold) in enumerate(examples):
        check_cancel(cancelled)
        prev, sent_index = document_state(doc)
        p = PreparedDoc(
            k, doc, entities, entity_tokens(doc, entities), rule_views(prior, doc, entities), prev, sent_index
        )
        for g in gold:
            if g.type in types:
                i = _trigger_token(doc, g.start, g.end)
                if i is not None:
                    p.gold[i] = g
        out.append(p)
    return out


@dataclass
class Decisions:
    """What k-fold inside the training documents decides for an EventModel (event_tuning.tune), kept apart so that
    the decisions made on some folds can be tried on another (the "never worse" guard's estimate)."""

    thresholds: dict[str, float] = field(default_factory=dict)
    prior_types: set[str] = field(default_factory=set)
    argument_threshold: float = ARGUMENT_THRESHOLD
    learned_arguments: bool = True
    own_roles: set[str] = field(default_factory=set)
    unannotated_roles: frozenset[str] = frozenset()

    def apply(self, model: "EventModel") -> None:
        model.thresholds, model.prior_types = dict(self.thresholds), set(self.prior_types)
        model.argument_threshold, model.learned_arguments = self.argument_threshold, self.learned_arguments
        model.own_roles, model.unannotated_roles = set(self.own_roles), self.unannotated_roles


class EventModel:
    """The two classifiers, the annotation style of the training documents and the tuned decisions."""

    def __init__(
        self,
        triggers: LogLinear,
        arguments: LogLinear,
        type_counts: dict[str, int],
        role_labels: dict[str, str],
        lexicon: dict[str, int],
        prior_types: Sequence[str] | None = None,
        stats: LemmaStats | None = None,
        thresholds: dict[str, float] | None = None,
        argument_threshold: float = ARGUMENT_THRESHOLD,
        tuning: dict[str, Any] | None = None,
        learned_arguments: bool = True,
        own_roles: Sequence[str] = (),
        unannotated_roles: Sequence[str] = (),
    ) -> None:
        self.triggers = triggers
        self.arguments = arguments
        self.type_counts = type_counts
        self.role_labels = role_labels  # "Type|Role" -> the entity label most often filling it
        self.lexicon = lexicon  # trigger lemma -> how often people marked it
        self.prior_types = set(prior_types or ())  # types whose triggers are the prior's (chosen by k-fold)
        self.stats = stats or LemmaStats()
        self.thresholds = dict(thresholds or {})
        self.argument_threshold = argument_threshold
        self.tuning = tuning or {}  # what k-fold measured (per type: model vs prior), kept in events.json
        self.learned_arguments = learned_arguments  # the prior's events get the learned argument roles
        # "Type|Role" whose filler on the prior's events stays the prior's own (k-fold found it better there)
        self.own_roles = set(own_roles)
        # role names the prior fills but no training document does (the annotators do not annotate them: Time in
        # events-dev): left out of the k-fold measures and not suggested (argument_tuning.unfilled_roles)
        self.unannotated_roles = frozenset(unannotated_roles)

    # -- candidates and features, the same in training and suggesting --
    def is_candidate(self, tok: Any, views: dict[int, RuleView]) -> bool:
        return tok.i in views or (tok.pos_ in CANDIDATE_POS and lemma_of(tok) in self.lexicon)

    def features(self, p: PreparedDoc, tok: Any, leave_out: int | None = None) -> list[str]:
        view = p.views.get(tok.i, NO_RULE)
        style = self.stats.lookup(lemma_of(tok), view.category, leave_out)
        return trigger_features(tok, p.ents, view, style, p.prev[tok.i], p.sent_index[tok.i])

    def trigger_probabilities(self, p: PreparedDoc, leave_out: int | None = None) -> list[tuple[int, np.ndarray]]:
        return [
            (tok.i, softmax(self.triggers.scores(self.features(p, tok, leave_out))))
            for tok in p.doc
            if self.is_candidate(tok, p.views)
        ]

    def role_probabilities(
        self, trig: Any, type_: str, p: PreparedDoc, allowed: set[str]
    ) -> list[tuple[tuple[Any, int, int, str | None], np.ndarray]]:
        view = p.views.get(trig.i, NO_RULE)
        same = bool(view.types) and view.types[0] == type_
        out = []
        for cand in candidate_spans(trig.sent, p.ents):
            head, s, e, label = cand
            if head.i == trig.i:
                continue
            rr = None
            if same:
                a0, a1 = p.doc[s].idx, p.doc[e - 1].idx + len(p.doc[e - 1])
                rr = next((r for (b0, b1), r in view.arguments.items() if b0 < a1 and a0 < b1), None)
            probs = softmax(self.arguments.scores(argument_features(trig, type_, head, label, rr)))
            for k, role in enumerate(self.arguments.classes):
                if k == 0 or role not in allowed:
                    probs[k] = 0.0
            out.append((cand, probs))
        return out

    @classmethod
    def fit(
        cls,
        docs: Sequence[PreparedDoc],
        schema: Schema,
        epochs: int = 5,
        seed: int = 0,
        cancelled: Callable[[], bool] | None = None,
    ) -> "EventModel":
        """The classifiers and the style statistics from prepared documents (thresholds left at defaults)."""
        types = list(schema.event_type_names)
        roles = sorted({r.name for et in schema.events for r in et.roles})
        allowed = {et.name: {r.name for r in et.roles} for et in schema.events}
        type_counts: Counter = Counter()
        lexicon: Counter = Counter()
        stats = LemmaStats()
        base: dict[str, list[int]] = {"above": [0, 0], "below": [0, 0], "none": [0, 0]}
        for p in docs:
            check_cancel(cancelled)  # the documents' features are read with a look at Cancel after each
            lemmas = p.lemmas
            stats.add_document(p.key, lemmas, {i: g.type for i, g in p.gold.items()})
            for i, g in p.gold.items():
                type_counts[g.type] += 1
                lexicon[lemmas[i]] += 1
        model = cls(
            LogLinear([NONE, *types], {}, np.zeros((1, len(types) + 1), np.float32)),
            LogLinear([NONE, *roles], {}, np.zeros((1, len(roles) + 1), np.float32)),
            dict(type_counts),
            {},
            dict(lexicon),
            stats=stats,
        )
        for p in docs:
            check_cancel(cancelled)
            for tok in p.doc:
                if model.is_candidate(tok, p.views):
                    c = base[p.views.get(tok.i, NO_RULE).category]
                    c[0] += tok.i in p.gold
                    c[1] += 1
        stats.set_base({k: (v[0], v[1]) for k, v in base.items()})
        t_inst: list[tuple[list[str], str]] = []
        a_inst: list[tuple[list[str], str]] = []
        labels: dict[str, Counter] = {}
        for p in docs:
            check_cancel(cancelled)
            for tok in p.doc:
                if model.is_candidate(tok, p.views):
                    y = p.gold[tok.i].type if tok.i in p.gold else NONE
                    t_inst.append((model.features(p, tok, leave_out=p.key), y))
            for i, g in p.gold.items():
                trig = p.doc[i]
                view = p.views.get(i, NO_RULE)
                same = bool(view.types) and view.types[0] == g.type
                for head, s, e, label in candidate_spans(trig.sent, p.ents):
                    if head.i == i:
                        continue
                    role = _gold_role(p.doc, g, head, s, e, allowed[g.type])
                    rr = None
                    if same:
                        a0, a1 = p.doc[s].idx, p.doc[e - 1].idx + len(p.doc[e - 1])
                        rr = next((r for (b0, b1), r in view.arguments.items() if b0 < a1 and a0 < b1), None)
                    a_inst.append((argument_features(trig, g.type, head, label, rr), role))
                for a in g.arguments:
                    if a.role in allowed[g.type] and a.label:
                        labels.setdefault(f"{g.type}|{a.role}", Counter())[a.label] += 1
        model.triggers = LogLinear.train(t_inst, [NONE, *types], epochs, seed, cancelled, rate=RATE, l2=L2)
        model.arguments = LogLinear.train(a_inst, [NONE, *roles], epochs, seed, cancelled, rate=ARG_RATE, l2=L2)
        model.role_labels = {k: c.most_common(1)[0][0] for k, c in labels.items()}
        return model

    def save(self, folder: Path) -> None:
        self.triggers.save(folder, "triggers")
        self.arguments.save(folder, "arguments")
        (folder / "events.json").write_bytes(
            orjson.dumps(
                {
                    "type_counts": self.type_counts,
                    "role_labels": self.role_labels,
                    "lexicon": self.lexicon,
                    "prior_types": sorted(self.prior_types),
                    "stats": self.stats.to_json(),
                    "thresholds": self.thresholds,
                    "argument_threshold": self.argument_threshold,
                    "tuning": self.tuning,
                    "learned_arguments": self.learned_arguments,
                    "own_roles": sorted(self.own_roles),
                    "unannotated_roles": sorted(self.unannotated_roles),
                },
                option=orjson.OPT_INDENT_2,
            )
        )

    @classmethod
    def load(cls, folder: Path) -> "EventModel":
        meta = orjson.loads((folder / "events.json").read_bytes())
        return cls(
            LogLinear.load(folder, "triggers"),
            LogLinear.load(folder, "arguments"),
            meta["type_counts"],
            meta["role_labels"],
            meta["lexicon"],
            meta.get("prior_types"),
            LemmaStats.from_json(meta.get("stats", {})),
            meta.get("thresholds"),
            meta.get("argument_threshold", ARGUMENT_THRESHOLD),
            meta.get("tuning"),
            meta.get("learned_arguments", True),
            meta.get("own_roles", ()),
            meta.get("unannotated_roles", ()),
        )


def _gold_role(doc: Any, g: GoldEvent, head: Any, s: int, e: int, allowed: set[str]) -> str:
    start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
    args = [a for a in g.arguments if a.role in allowed]
    for a in args:
        if a.start <= head.idx < a.end:
            return a.role
    for a in args:
        if a.start < end and start < a.end:
            return a.role
    return NONE


def decide_triggers(model: EventModel, probs: list[tuple[int, np.ndarray]]) -> list[tuple[int, str, float, tuple]]:
    """(token, type, probability, alternatives) for each candidate whose best allowed type passes its threshold."""
    classes = model.triggers.classes
    out = []
    for i, pr in probs:
        pr = pr.copy()
        pr[0] = 0.0
        for k, c in enumerate(classes):
            if c in model.prior_types:
                pr[k] = 0.0
        best = int(pr.argmax())
        if not best:
            continue
        thr = model.thresholds.get(classes[best], TRIGGER_THRESHOLD)
        if pr[best] < thr:
            continue
        alts = tuple(classes[k] for k in np.argsort(-pr) if k and k != best and pr[k] >= thr / 3)[:2]
        out.append((i, classes[best], float(pr[best]), alts))
    return out


def decide_arguments(model: EventModel, scored: list, threshold: float) -> dict[str, tuple[float, Any, str]]:
    """Role -> (probability, candidate, role) of the best candidate per role from ``threshold`` up."""
    roles = model.arguments.classes
    best: dict[str, tuple[float, Any, str]] = {}
    for cand, pr in scored:
        k = int(pr.argmax())
        if not k or pr[k] < threshold:
            continue
        role = roles[k]
        if role not in best or pr[k] > best[role][0]:
            best[role] = (float(pr[k]), cand, role)
    return best


class TrainedEventSuggester:
    """An EventSuggester from a trained EventModel; the prior's own suggestions for the types k-fold gave it."""

    def __init__(self, model: EventModel, schema: Schema, source: str, prior: EventSuggester | None = None) -> None:
        self.model = model
        self.schema = schema
        self._source = source
        self.prior = prior or default_prior(schema)
        self.allowed = {et.name: {r.name for r in et.roles} for et in schema.events}

    @property
    def source(self) -> str:
        return self._source

    def suggest(self, doc: Any, entities: Sequence[tuple[int, int, str]]) -> list[EventSuggestion]:
        prev, sent_index = document_state(doc)
        views = rule_views(self.prior, doc, entities)
        return self.suggest_prepared(
            PreparedDoc(-1, doc, entities, entity_tokens(doc, entities), views, prev, sent_index)
        )

    def suggest_prepared(self, p: PreparedDoc) -> list[EventSuggestion]:
        out: list[EventSuggestion] = []
        taken: set[int] = set()
        for i, type_, score, alts in decide_triggers(self.model, self.model.trigger_probabilities(p)):
            out.append(self._event(p.doc[i], type_, score, alts, p))
            taken.add(i)
        for i, s in shown_suggestions(p.views):  # the types k-fold gave to the prior: its own suggestions
            if s.type not in self.model.prior_types or i in taken:
                continue
            if self.model.learned_arguments:  # its trigger, type and attributes, with the learned roles
                learned = self._event(p.doc[i], s.type, s.score, s.alternatives, p).arguments
                s = replace(s, arguments=merge_arguments(s.type, s.arguments, learned, self.model.own_roles))
            out.append(s)
        skip = self.model.unannotated_roles
        if skip:  # roles the annotators never fill: nobody keeps them, so they are not suggested
            out = [replace(v, arguments=tuple(a for a in v.arguments if a.role not in skip)) for v in out]
        return sorted(out, key=lambda v: (v.trigger_start, v.trigger_end))

    def _event(
        self, trig: Any, type_: str, score: float, alternatives: tuple[str, ...], p: PreparedDoc
    ) -> EventSuggestion:
        args: tuple[ArgumentSuggestion, ...] = ()
        if self.schema.event_type(type_) is not None:
            scored = self.model.role_probabilities(trig, type_, p, self.allowed.get(type_, set()))
            args = learned_fillers(self.model, self.schema, type_, trig.doc, scored, self.model.argument_threshold)
        return EventSuggestion(type_, trig.idx, trig.idx + len(trig), round(score, 4), args, alternatives)


def learned_fillers(
    model: EventModel, schema: Schema, type_: str, doc: Any, scored: list, threshold: float
) -> tuple[ArgumentSuggestion, ...]:
    """The best candidate of each role from ``threshold`` up (``scored``: ``EventModel.role_probabilities``), as
    argument suggestions with the entity label a new span would get."""
    et = schema.event_type(type_)
    args = []
    for prob, (_head, s, e, label), role in decide_arguments(model, scored, threshold).values():
        r = et.role(role) if et is not None else None
        if r is None:
            continue
        fill = label if takes(r, label) else model.role_labels.get(f"{type_}|{role}")
        if fill is None or not takes(r, fill):
            fill = r.labels[0]
        args.append(ArgumentSuggestion(role, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), fill, round(prob, 4)))
    return tuple(args)


def merge_arguments(
    type_: str,
    own: Sequence[ArgumentSuggestion],
    learned: Sequence[ArgumentSuggestion],
    own_roles: set[str],
) -> tuple[ArgumentSuggestion, ...]:
    """The prior's own fillers of the roles in ``own_roles`` ("Type|Role"), the learned fillers of the others."""
    keep = [a for a in own if f"{type_}|{a.role}" in own_roles]
    return tuple(keep + [a for a in learned if f"{type_}|{a.role}" not in own_roles])
