"""A trained event suggester: a trigger classifier over candidate tokens and an argument-role classifier over
(trigger, noun phrase or entity) pairs, with the schema's trigger words as a prior for types with few examples."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
import orjson

from annotator.learn.data import GoldEvent
from annotator.learn.event_features import (
    argument_features, candidate_spans, entity_tokens, trigger_features,
)
from annotator.learn.perceptron import LogLinear, Perceptron, softmax
from annotator.schema import Schema
from annotator.suggest.types import ArgumentSuggestion, EventSuggester, EventSuggestion

NONE = "-"
MIN_TYPE_EXAMPLES = 5  # event types with fewer training examples than this keep the prior's suggestions
TRIGGER_THRESHOLD = 0.3  # a type is suggested from this probability on (F1 is best near half the F1 reached)
ARGUMENT_THRESHOLD = 0.3


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
            for k, type_ in enumerate(self.single.get(tok.lemma_.lower()) or self.single.get(tok.lower_) or ()):
                if k == 0:
                    alts = tuple(self.single.get(tok.lemma_.lower(), ())[1:])
                    out.append(EventSuggestion(type_, tok.idx, tok.idx + len(tok), 0.5, alternatives=alts))
        for parts, type_ in self.multi:
            n = len(parts)
            for i in range(len(doc) - n + 1):
                if all(doc[i + j].lemma_.lower() == p or doc[i + j].lower_ == p for j, p in enumerate(parts)):
                    out.append(EventSuggestion(type_, doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1]), 0.5))
        return out


def default_prior(schema: Schema) -> EventSuggester:
    """The rule-based event suggester when it is installed, else the schema's trigger words on lemmas."""
    try:
        from annotator.suggest.event_rules import RuleEventSuggester  # type: ignore[import-not-found]
    except ImportError:
        return TriggerWordPrior(schema)
    return RuleEventSuggester(schema)


def _prior_by_token(doc: Any, suggestions: Sequence[EventSuggestion]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for s in suggestions:
        span = doc.char_span(s.trigger_start, s.trigger_end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        out.setdefault(span.root.i, []).extend([s.type, *s.alternatives])
    return out


def _trigger_token(doc: Any, start: int, end: int) -> int | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root.i if span is not None and len(span) else None


class EventModel:
    """The two classifiers and what training saw (examples per type, entity labels per role)."""

    def __init__(self, triggers: Perceptron, arguments: Perceptron, type_counts: dict[str, int],
                 role_labels: dict[str, str], lexicon: dict[str, int], prior_types: list[str] | None = None) -> None:
        self.triggers = triggers
        self.arguments = arguments
        self.type_counts = type_counts
        self.role_labels = role_labels  # "Type|Role" -> the entity label most often filling it
        self.lexicon = lexicon  # trigger lemma -> how often people marked it
        # types whose triggers come from the prior: chosen by measurement on held-out documents (the prior
        # scored better there), and types with fewer than MIN_TYPE_EXAMPLES examples
        self.prior_types = set(prior_types or ())

    @classmethod
    def train(cls, examples: Sequence[tuple[Any, Sequence[tuple[int, int, str]], Sequence[GoldEvent]]],
              schema: Schema, prior: EventSuggester, epochs: int = 10, seed: int = 0,
              cancelled: Callable[[], bool] | None = None) -> "EventModel":
        """``examples``: (parsed Doc, the entity spans a suggester would see, the gold events)."""
        types = [et.name for et in schema.events]
        roles = sorted({r.name for et in schema.events for r in et.roles})
        allowed = {et.name: {r.name for r in et.roles} for et in schema.events}
        t_inst: list[tuple[list[str], str]] = []
        a_inst: list[tuple[list[str], str]] = []
        type_counts: Counter = Counter()
        labels: dict[str, Counter] = {}
        golds: list[dict[int, GoldEvent]] = []
        lexicon: Counter = Counter()  # lemmas of the triggers people marked: candidates with the prior's matches
        for doc, entities, gold in examples:
            gold_tok: dict[int, GoldEvent] = {}
            for g in gold:
                if g.type not in types:
                    continue
                i = _trigger_token(doc, g.start, g.end)
                if i is not None:
                    gold_tok[i] = g
                    type_counts[g.type] += 1
                    lexicon[doc[i].lemma_.lower()] += 1
            golds.append(gold_tok)
        for (doc, entities, gold), gold_tok in zip(examples, golds):
            ents = entity_tokens(doc, entities)
            prior_tok = _prior_by_token(doc, prior.suggest(doc, entities))
            for tok in doc:
                if tok.lemma_.lower() in lexicon or tok.i in gold_tok or tok.i in prior_tok:
                    y = gold_tok[tok.i].type if tok.i in gold_tok else NONE
                    t_inst.append((trigger_features(tok, ents, prior_tok.get(tok.i, ())), y))
            for i, g in gold_tok.items():
                trig = doc[i]
                for head, s, e, label in candidate_spans(trig.sent, ents):
                    if head.i == i:
                        continue
                    role = _gold_role(doc, g, head, s, e, allowed[g.type])
                    a_inst.append((argument_features(trig, g.type, head, label), role))
                for a in g.arguments:
                    if a.role in allowed[g.type]:
                        labels.setdefault(f"{g.type}|{a.role}", Counter())[a.label] += 1
        trig_model = LogLinear.train(t_inst, [NONE, *types], epochs, seed, cancelled)
        arg_model = LogLinear.train(a_inst, [NONE, *roles], epochs, seed, cancelled)
        role_labels = {k: c.most_common(1)[0][0] for k, c in labels.items()}
        return cls(trig_model, arg_model, dict(type_counts), role_labels, dict(lexicon))

    def save(self, folder: Path) -> None:
        self.triggers.save(folder, "triggers")
        self.arguments.save(folder, "arguments")
        (folder / "events.json").write_bytes(orjson.dumps(
            {"type_counts": self.type_counts, "role_labels": self.role_labels, "lexicon": self.lexicon,
             "prior_types": sorted(self.prior_types)}, option=orjson.OPT_INDENT_2))

    @classmethod
    def load(cls, folder: Path) -> "EventModel":
        meta = orjson.loads((folder / "events.json").read_bytes())
        return cls(LogLinear.load(folder, "triggers"), LogLinear.load(folder, "arguments"),
                   meta["type_counts"], meta["role_labels"], meta["lexicon"], meta.get("prior_types"))


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


class TrainedEventSuggester:
    """An EventSuggester from a trained EventModel; the prior fills in types with few training examples."""

    def __init__(self, model: EventModel, schema: Schema, source: str, prior: EventSuggester | None = None) -> None:
        self.model = model
        self.schema = schema
        self._source = source
        self.prior = prior or default_prior(schema)
        self.trigger_threshold = TRIGGER_THRESHOLD
        self.argument_threshold = ARGUMENT_THRESHOLD

    @property
    def source(self) -> str:
        return self._source

    def suggest(self, doc: Any, entities: Sequence[tuple[int, int, str]]) -> list[EventSuggestion]:
        ents = entity_tokens(doc, entities)
        prior_sugg = self.prior.suggest(doc, entities)
        prior_tok = _prior_by_token(doc, prior_sugg)
        classes = self.model.triggers.classes
        out: list[EventSuggestion] = []
        taken: set[int] = set()
        for tok in doc:
            if not (tok.lemma_.lower() in self.model.lexicon or tok.i in prior_tok):
                continue
            probs = softmax(self.model.triggers.scores(trigger_features(tok, ents, prior_tok.get(tok.i, ()))))
            probs[0] = 0.0
            for k, c in enumerate(classes):
                if c in self.model.prior_types:
                    probs[k] = 0.0
            best = int(probs.argmax())
            if probs[best] < self.trigger_threshold:
                continue
            order = [classes[k] for k in np.argsort(-probs) if k and probs[k] >= self.trigger_threshold / 3]
            out.append(self._event(tok, classes[best], float(probs[best]), tuple(order[1:3]), ents))
            taken.add(tok.i)
        for s in prior_sugg:  # types the model has (almost) never seen keep the prior's suggestions
            if self.model.type_counts.get(s.type, 0) >= MIN_TYPE_EXAMPLES and s.type not in self.model.prior_types:
                continue
            span = doc.char_span(s.trigger_start, s.trigger_end, alignment_mode="expand")
            if span is None or span.root.i in taken:
                continue
            taken.add(span.root.i)
            out.append(s if s.arguments else self._event(span.root, s.type, s.score, s.alternatives, ents,
                                                         (s.trigger_start, s.trigger_end)))
        return sorted(out, key=lambda v: (v.trigger_start, v.trigger_end))

    def _event(self, trig: Any, type_: str, score: float, alternatives: tuple[str, ...],
               ents: dict[int, tuple[int, int, str]], span: tuple[int, int] | None = None) -> EventSuggestion:
        et = self.schema.event_type(type_)
        roles = self.model.arguments.classes
        best: dict[str, tuple[float, ArgumentSuggestion]] = {}
        for head, s, e, label in candidate_spans(trig.sent, ents):
            if head.i == trig.i:
                continue
            probs = softmax(self.model.arguments.scores(argument_features(trig, type_, head, label)))
            probs[0] = 0.0
            k = int(probs.argmax())
            role = roles[k]
            if probs[k] < self.argument_threshold or et is None:
                continue
            r = et.role(role)
            if r is None:
                continue
            if label is not None and label not in r.labels:
                continue
            fill = label or self.model.role_labels.get(f"{type_}|{role}") or r.labels[0]
            if fill not in r.labels:
                fill = r.labels[0]
            margin = float(probs[k])
            start, end = trig.doc[s].idx, trig.doc[e - 1].idx + len(trig.doc[e - 1])
            arg = ArgumentSuggestion(role, start, end, fill, round(margin, 4))
            if role not in best or margin > best[role][0]:
                best[role] = (margin, arg)
        start, end = span or (trig.idx, trig.idx + len(trig))
        return EventSuggestion(type_, start, end, round(score, 4), tuple(a for _m, a in best.values()),
                               alternatives)
