"""Features of candidate trigger tokens and of (trigger, argument candidate) pairs, read from a parsed spaCy Doc."""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

from annotator.learn.lemma_stats import evidence_bin, rate_bin
from annotator.suggest.event_context import read_context
from annotator.suggest.noun_classes import guess_label, lemma_of

TRIGGER_POS = {"VERB", "NOUN", "ADJ", "PROPN"}
ARGUMENT_POS = {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}
MAX_PATH = 4


def entity_tokens(doc: Any, entities: Sequence[tuple[int, int, str]]) -> dict[int, tuple[int, int, str]]:
    """Token index -> (first token, end token, label) of the entity span covering it (code-point spans in)."""
    out: dict[int, tuple[int, int, str]] = {}
    for s, e, label in entities:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for i in range(span.start, span.end):
            if i not in out or (span.end - span.start) > (out[i][1] - out[i][0]):
                out[i] = (span.start, span.end, label)
    return out


@dataclass
class RuleView:
    """What the prior suggester says about one token: its types (best first, at any score), whether it suggests
    the token at its own threshold, its score, and the roles of its arguments (span -> role)."""

    types: tuple[str, ...] = ()
    score: float = 0.0
    above: bool = False
    arguments: dict[tuple[int, int], str] = field(default_factory=dict)
    suggestion: Any = None  # the prior's EventSuggestion itself
    # every suggestion the prior shows on this token at its own threshold (more than one when a type implies
    # another on the same trigger: an execution is also a death), the view's own first
    shown: tuple[Any, ...] = ()

    @property
    def category(self) -> str:
        return "above" if self.above else ("below" if self.types else "none")


NO_RULE = RuleView()


def rule_views(prior: Any, doc: Any, entities: Sequence[tuple[int, int, str]]) -> dict[int, RuleView]:
    """Token index -> RuleView. A prior with a ``threshold`` (the rule suggester) is also asked at threshold 0, so
    its weaker matches become evidence too; what it suggests at its own threshold is marked ``above``."""
    shown = prior.suggest(doc, entities)
    weak: list = []
    if isinstance(getattr(prior, "threshold", None), float):
        low = copy.copy(prior)
        low.threshold = 0.0
        weak = low.suggest(doc, entities)
    out: dict[int, RuleView] = {}
    for above, suggestions in ((True, shown), (False, weak)):
        for s in suggestions:
            span = doc.char_span(s.trigger_start, s.trigger_end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            i = span.root.i
            if i in out:
                if above and out[i].above:
                    out[i].shown += (s,)
                continue
            args = {(a.start, a.end): a.role for a in s.arguments}
            out[i] = RuleView((s.type, *s.alternatives), float(s.score), above, args, s, (s,) if above else ())
    return out


def shown_suggestions(views: dict[int, RuleView]) -> list[tuple[int, Any]]:
    """(token, suggestion) of everything the prior shows at its own threshold: its suggestions, all of them."""
    return [(i, s) for i, v in views.items() for s in v.shown]


def document_state(doc: Any) -> tuple[list[int], list[int]]:
    """Per token: how many earlier tokens of the document share its lemma, and its sentence's index."""
    seen: Counter = Counter()
    prev, sent_index = [0] * len(doc), [0] * len(doc)
    for k, sent in enumerate(doc.sents):
        for t in sent:
            lemma = lemma_of(t)
            prev[t.i] = seen[lemma]
            seen[lemma] += 1
            sent_index[t.i] = k
    return prev, sent_index


def trigger_features(
    tok: Any,
    ents: dict[int, tuple[int, int, str]],
    view: RuleView = NO_RULE,
    style: tuple[float, int, str | None] | None = None,
    prev: int = 0,
    sent_index: int = 0,
) -> list[str]:
    """Features of a candidate trigger token: its words and parse, the prior's verdict (type, score, whether
    shown), how often people marked its lemma (``style``: rate, occurrences, usual type), whether it is a later
    mention of the same word in the document, where its sentence is, and negation, modality and generic cues."""
    lemma = lemma_of(tok)
    # few word-identity features: with tens of documents they are memorised, the parse and style generalise
    f = [
        "bias",
        f"l={lemma}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"lp={lemma}|{tok.pos_}",
        f"d={tok.dep_}",
        f"hp={tok.head.pos_}",
        f"s3={tok.lower_[-3:]}",
        f"e={ents[tok.i][2] if tok.i in ents else '-'}",
    ]
    n_args = 0
    for c in tok.children:
        f.append(f"c={c.dep_}")
        if c.i in ents:
            f.append(f"ce={c.dep_}|{ents[c.i][2]}")
            n_args += 1
        elif c.pos_ in ("NOUN", "PROPN") and c.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "compound"):
            n_args += 1
        if c.dep_ == "prep":
            for g in c.children:
                if g.i in ents:
                    f.append(f"cpe={lemma_of(c)}|{ents[g.i][2]}")
                    n_args += 1
    cat = view.category
    f += [f"rc={cat}", f"na={min(n_args, 2)}|{cat}", f"tp={tok.tag_}|{cat}"]
    for k, t in enumerate(view.types):
        f += [f"r={t}", f"r={t}|{cat}", f"rl={t}|{lemma}"]
        if k == 0:
            f += [
                f"r0={t}|{min(int(view.score * 10), 9)}",
                f"rs={min(int(view.score * 10), 9)}",
                f"ra={min(sum(1 for r in view.arguments.values() if r not in ('Place', 'Time')), 2)}|{cat}",
            ]
    if style is not None:
        rate, occ, top = style
        b, e = rate_bin(rate), evidence_bin(occ)
        f += [f"rate={b}", f"rate={b}|{cat}", f"rate={b}|ev={e}", f"lt={top}", f"lt={top}|rate={b}", f"lt={top}|{cat}"]
        if view.types:
            f.append(f"lt=r:{top == view.types[0]}|rate={b}")
    later = min(prev, 2)
    where = min(sent_index, 3) if sent_index < 4 else 4 + min(sent_index // 8, 4)
    f += [f"prev={later}", f"prev={later}|{cat}", f"prev={later}|p={tok.pos_}", f"sent={where}", f"sent={where}|{cat}"]
    ctx = read_context(tok)
    for k, v in ctx.attributes.items():
        f.append(f"ctx={k}:{v}")
    if ctx.generic_noun:
        f.append("generic")
    f.append(f"pen={min(int(ctx.penalty * 10), 4)}")
    return f


def candidate_spans(sent: Any, ents: dict[int, tuple[int, int, str]]) -> list[tuple[Any, int, int, str | None]]:
    """(head token, first token, end token, entity label or None): one candidate per entity or nominal head."""
    out: list[tuple[Any, int, int, str | None]] = []
    seen: set[tuple[int, int]] = set()
    chunks = {}
    try:
        for ch in sent.noun_chunks:
            chunks[ch.root.i] = (ch.start, ch.end)
    except ValueError:  # no parse
        pass
    for tok in sent:
        if tok.i in ents:
            s, e, label = ents[tok.i]
            if (s, e) in seen:
                continue
            seen.add((s, e))
            span = tok.doc[s:e]
            out.append((span.root, s, e, label))
        elif tok.pos_ in ARGUMENT_POS and tok.i in chunks:
            s, e = chunks[tok.i]
            if (s, e) not in seen:
                seen.add((s, e))
                out.append((tok, s, e, None))
    return out


def _path(a: Any, b: Any) -> tuple[str, int]:
    """Dependency path from token a to token b: up steps then down steps, preposition words kept."""
    up = [a]
    while up[-1].head.i != up[-1].i and len(up) <= 12:
        up.append(up[-1].head)
    where = {t.i: k for k, t in enumerate(up)}
    down = [b]
    while down[-1].i not in where and down[-1].head.i != down[-1].i and len(down) <= 12:
        down.append(down[-1].head)
    if down[-1].i not in where:
        return "far", 99
    k = where[down[-1].i]
    steps = [f"^{t.dep_}" for t in up[:k]]
    for t in reversed(down[:-1]):
        steps.append(f"v{t.dep_}:{lemma_of(t)}" if t.dep_ in ("prep", "agent") else f"v{t.dep_}")
    n = len(steps)
    return ("/".join(steps) if n <= MAX_PATH else "long"), n


def argument_features(
    trigger: Any, type_: str, head: Any, label: str | None, rule_role: str | None = None
) -> list[str]:
    """Features of a (trigger, candidate) pair: the parse path, the entity label (or the guessed label of a common
    noun), the candidate's head word, distance and side, and the role the prior gave the span (if any)."""
    path, n = _path(trigger, head)
    lab = label or f"np:{guess_label(head) or head.pos_}"
    d = head.i - trigger.i
    side = "L" if d < 0 else "R"
    dist = min(abs(d), 10) // 3
    tl = lemma_of(trigger)
    base = [
        f"path={path}",
        f"lab={lab}",
        f"pl={path}|{lab}",
        f"n={min(n, 6)}",
        f"side={side}{dist}",
        f"cdep={head.dep_}",
        f"cl={lemma_of(head)}",
        f"cpos={head.pos_}",
        f"tp={trigger.pos_}|{path}",
    ]
    base += [f"rr={rule_role or '-'}", f"rr={rule_role or '-'}|{lab}"]
    typed = [f"{type_}|{x}" for x in base] + [f"{type_}|tl={tl}|{path}", f"{type_}|tl={tl}|{lab}", f"{type_}|bias"]
    return base + typed
