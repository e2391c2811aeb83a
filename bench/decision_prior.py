"""Suggestions that learn from each decision, without training: simulated on events-dev in document order.

For the articles of one half (bench/events.py's halves: A even lines, B odd lines), in order: the rule suggester's
events of each article are shown with a decision prior (below: per trigger word and type, the suggestions
accepted and rejected and the events added by hand; per role, the events kept that fill it) built from the articles
before it; then the article's gold stands in for the annotator's decisions (the shown suggestions that
match a gold event, same type and overlapping trigger, accepted; the others rejected; every gold event no shown
suggestion of its type covers added by hand). Scored on every article after the first, against the rules alone on
the same articles in the same run (bench/events.py's scorer): trigger and argument F1, and the suggestions to
reject (shown triggers that match no gold event).

Run: nice .venv/bin/python bench/decision_prior.py --half A [--grid | --variants] [--cache FILE] [--min-rejected N ...]
Tune with --half A only; score --half B once per change (--variants: the ones docs/learning.md reports, each
scored in the same run as the rules alone). Asserts nothing. Shipped: the event types nobody keeps
(annotator/learn/decision_prior.py); the priors per word and per role are measured here only (they fell).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from events import DATA, MODEL, SCHEMA, argument_found, as_dicts, figures, matched_gold, parse_cached, read_articles  # noqa: E402

from annotator.learn.decision_prior import LEAST_REJECTED, types_nobody_keeps  # noqa: E402
from annotator.suggest.types import EventSuggestion  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.suggest.event_rules import TRIGGER_POS, RuleEventSuggester  # noqa: E402

CACHE = Path("/tmp/s18learn_dev.spacy")


# -- the prior as measured (not shipped: see docs/learning.md, "Session 18") --------------------------------------
def trigger_key(text: str) -> str:
    """The word a decision is counted under: the trigger's text, lower-cased, its whitespace made single spaces."""
    return " ".join(text.lower().split())


@dataclass
class Tally:
    accepted: int = 0
    rejected: int = 0
    added: int = 0

    @property
    def kept(self) -> int:
        return self.accepted + self.added

    @property
    def kept_rate(self) -> float:
        n = self.kept + self.rejected
        return self.kept / n if n else 0.0


@dataclass(frozen=True)
class PriorSettings:
    min_rejected: int = 3
    veto_rate: float = 0.2
    min_added: int = 2
    promote_rate: float = 0.5
    veto_below: float = 2.0  # veto only suggestions scored below this
    promote_above: float = 0.0  # promote only weaker matches scored at least this
    min_type_rejected: int = 0  # 0: off; else a type rejected this often and never kept is no longer suggested
    bare_words: bool = True  # promote also words the suggester has no match for (the trigger alone)
    min_role_events: int = 0  # 0: arguments untouched; else a role no kept event of this many fills is left out
    role_by_name: bool = True  # ... counted over the events of every type with the role's name, else per type
    min_suggested_role: int = 0  # ... and that the suggester filled at least this often


@dataclass
class DecisionPrior:
    """(trigger key, type) -> the decisions people made on it."""

    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    settings: PriorSettings = field(default_factory=PriorSettings)
    events: dict[str, int] = field(default_factory=dict)  # type -> events people kept (accepted or added)
    filled: dict[tuple[str, str], int] = field(default_factory=dict)  # (type, role) -> of those, how many fill it
    suggested: dict[tuple[str, str], int] = field(default_factory=dict)  # (type or "", role) -> a suggester's fills

    def add_kept_event(self, type_: str, roles: Iterable[str]) -> None:
        """Count one event a person kept (accepted or added) of ``type_``, with the roles its arguments fill."""
        self.events[type_] = self.events.get(type_, 0) + 1
        for role in set(roles):
            self.filled[(type_, role)] = self.filled.get((type_, role), 0) + 1
            self.filled[("", role)] = self.filled.get(("", role), 0) + 1

    def add_suggested_roles(self, roles: Iterable[tuple[str, str]]) -> None:
        """Count the (type, role) a suggester filled (its suggestions' arguments, decided or not)."""
        for type_, role in roles:
            for k in ((type_, role), ("", role)):
                self.suggested[k] = self.suggested.get(k, 0) + 1

    def role_dropped(self, type_: str, role: str) -> bool:
        """Whether people leave ``role`` empty: at least ``min_role_events`` kept events (of ``type_``, or of any
        type with ``role_by_name``) and none fills it."""
        s = self.settings
        if not s.min_role_events:
            return False
        if self.suggested.get(("" if s.role_by_name else type_, role), 0) < s.min_suggested_role:
            return False
        if s.role_by_name:
            return sum(self.events.values()) >= s.min_role_events and not self.filled.get(("", role))
        return self.events.get(type_, 0) >= s.min_role_events and not self.filled.get((type_, role))

    def add(self, key: str, type_: str, state: str) -> None:
        """Count one decision: ``state`` accepted, rejected or added (anything else is no decision)."""
        if state not in ("accepted", "rejected", "added"):
            return
        t = self.tallies.setdefault((key, type_), Tally())
        setattr(t, state, getattr(t, state) + 1)

    @classmethod
    def from_decisions(
        cls, rows: Iterable[tuple[str, str, str]], settings: PriorSettings | None = None
    ) -> "DecisionPrior":
        """From (trigger text, type, state) rows: the events people decided on."""
        prior = cls(settings=settings or PriorSettings())
        for text, type_, state in rows:
            prior.add(trigger_key(text), type_, state)
        return prior

    def type_dropped(self, type_: str) -> bool:
        """Whether people never keep ``type_`` (the shipped rule, learn.decision_prior.types_nobody_keeps)."""
        n = self.settings.min_type_rejected
        if not n:
            return False
        counts: dict[str, list[int]] = {}
        for (_, ty), t in self.tallies.items():
            c = counts.setdefault(ty, [0, 0])
            c[0] += t.kept
            c[1] += t.rejected
        return type_ in types_nobody_keeps(((ty, k, r) for ty, (k, r) in counts.items()), least=n)

    def vetoed(self, key: str, type_: str) -> bool:
        if self.type_dropped(type_):
            return True
        t = self.tallies.get((key, type_))
        s = self.settings
        return t is not None and t.rejected >= s.min_rejected and t.kept_rate <= s.veto_rate

    def promoted(self, key: str) -> list[tuple[str, float]]:
        """The types ``key`` is suggested as from the decisions alone, with their kept rate, best first."""
        s = self.settings
        out = [
            (type_, t.kept_rate)
            for (k, type_), t in self.tallies.items()
            if k == key and t.added >= s.min_added and t.kept_rate >= s.promote_rate
        ]
        return sorted(out, key=lambda p: -p[1])

    @property
    def moves_anything(self) -> bool:
        """Whether any word has the evidence to change a suggestion."""
        return any(self.vetoed(k, ty) for k, ty in self.tallies) or any(self.promoted(k) for k, _ in self.tallies)

    @property
    def promotes_anything(self) -> bool:
        return any(self.promoted(k) for k, _ in self.tallies)

    def adjust(
        self,
        text: str,
        shown: Sequence[EventSuggestion],
        weaker: Sequence[EventSuggestion] = (),
        words: Sequence[tuple[int, int]] = (),
        key_of: Callable[[int, int], str] | None = None,
    ) -> list[EventSuggestion]:
        """``shown`` (a suggester's events of ``text``) without the vetoed ones, plus the promoted words: a weaker
        match of the suggester (``weaker``: its events below its threshold) of a promoted type, else a candidate
        word (``words``: (start, end) of the text's content words) with the trigger alone."""
        key = key_of or (lambda start, end: trigger_key(text[start:end]))
        out = [
            self._roles_of(s)
            for s in shown
            if s.score >= self.settings.veto_below or not self.vetoed(key(s.trigger_start, s.trigger_end), s.type)
        ]
        if not self.promotes_anything:
            return out
        covered = [(s.trigger_start, s.trigger_end) for s in shown]

        def free(start: int, end: int) -> bool:
            return not any(start < e and s < end for s, e in covered)

        weak_at = {(w.trigger_start, w.trigger_end, w.type): w for w in weaker}
        spans = [(w.trigger_start, w.trigger_end) for w in weaker] + (list(words) if self.settings.bare_words else [])
        for start, end in dict.fromkeys(spans):
            if not free(start, end):
                continue
            for type_, rate in self.promoted(key(start, end)):
                base = weak_at.get((start, end, type_))
                if (base is None and not self.settings.bare_words) or (
                    base is not None and base.score < self.settings.promote_above
                ):
                    continue
                sug = (
                    replace(self._roles_of(base), score=round(max(base.score, rate), 3))
                    if base is not None
                    else EventSuggestion(type_, start, end, round(rate, 3))
                )
                out.append(sug)
                covered.append((start, end))
                break
        return sorted(out, key=lambda s: (s.trigger_start, s.trigger_end))

    def _roles_of(self, sug: EventSuggestion) -> EventSuggestion:
        if not self.events or not self.settings.min_role_events:
            return sug
        args = tuple(a for a in sug.arguments if not self.role_dropped(sug.type, a.role))
        return sug if len(args) == len(sug.arguments) else replace(sug, arguments=args)


# -- the simulation ------------------------------------------------------------------------------------------------


def precompute(rows: list[dict], cache: Path) -> list[tuple[list, list, list]]:
    """Per article: the rules' shown events, their weaker ones (threshold 0, not shown), and the content words."""
    import spacy

    nlp = spacy.load(MODEL)
    docs = parse_cached([r["text"] for r in rows], cache, nlp=nlp)
    schema = load_schema(SCHEMA)
    rules, weak = RuleEventSuggester(schema), RuleEventSuggester(schema, threshold=0.0)
    out = []
    for doc in docs:
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        words = [
            (t.idx, t.idx + len(t))
            for t in doc
            if t.pos_ in TRIGGER_POS and not any(s <= t.idx < e for s, e, _ in ents)
        ]
        lemmas = [(t.idx, t.idx + len(t), t.lemma_.lower()) for t in doc]
        out.append((rules.suggest(doc, ents), weak.suggest(doc, ents), words, lemmas))
    return out


def lemma_key(lemmas: list[tuple[int, int, str]]):  # noqa: ANN201
    """(start, end) -> the lemmas of the tokens it overlaps, joined by spaces."""
    import bisect

    starts = [s for s, _, _ in lemmas]

    def key(start: int, end: int) -> str:
        i = max(0, bisect.bisect_right(starts, start) - 1)
        out = []
        while i < len(lemmas) and lemmas[i][0] < end:
            if lemmas[i][1] > start:
                out.append(lemmas[i][2])
            i += 1
        return " ".join(out)

    return key


def decisions(gold: list[dict], shown: list[dict], roles: list | None = None) -> list[tuple[int, int, str, str]]:
    """(trigger start, end, type, state) of what the annotator did with ``shown`` on this article, gold standing in;
    ``roles`` gets (type, role, kept) of the arguments of the accepted ones."""
    matched = matched_gold(gold, shown)
    used = {j for j in matched if j is not None}
    out = []
    for p, j in zip(shown, matched):
        s, e = p["trigger"]
        if j is None:
            out.append((s, e, p["type"], "rejected"))
        else:
            out.append((s, e, p["type"], "accepted"))
            if roles is not None:
                for a in p["arguments"]:
                    roles.append((p["type"], a["role"], argument_found(a, gold[j]["arguments"])))
    for j, g in enumerate(gold):
        if j not in used:
            s, e = g["trigger"]
            out.append((s, e, g["type"], "added"))
    return out


def simulate(
    rows: list[dict], pre: list, settings: PriorSettings | None, lemmas: bool = False, removed: list | None = None
) -> list[list[dict]]:
    """The events shown on each article in order (``settings`` None: the rules alone); ``lemmas``: decisions
    counted per trigger lemma, not per word form. ``removed`` gets each article's count of arguments of right
    triggers the annotator removes (Time too: she sees them)."""
    prior = DecisionPrior(settings=settings or PriorSettings())
    shown_all = []
    for row, (shown, weaker, words, lem) in zip(rows, pre):
        key_of = lemma_key(lem) if lemmas else None
        if settings is None:
            events = list(shown)
        else:
            events = prior.adjust(row["text"], shown, weaker, words, key_of=key_of)
        d = as_dicts(events)
        shown_all.append(d)
        roles: list = []
        for s, e, type_, state in decisions(row["events"], d, roles):
            prior.add(trigger_key(row["text"][s:e]) if key_of is None else key_of(s, e), type_, state)
        prior.add_suggested_roles((e["type"], a["role"]) for e in d for a in e["arguments"])
        for g in row["events"]:  # the events she kept: the gold
            prior.add_kept_event(g["type"], [a["role"] for a in g["arguments"]])
        if removed is not None:
            removed.append(sum(1 for _, _, kept in roles if not kept))
    return shown_all


VARIANTS: dict[str, tuple[PriorSettings, bool]] = {  # name -> (settings, decisions counted per lemma)
    "SHIPPED: types nobody keeps (5 rejections, none kept)": (
        PriorSettings(min_rejected=99, min_added=99, min_type_rejected=LEAST_REJECTED),
        False,
    ),
    "types nobody keeps, 3 rejections": (PriorSettings(min_rejected=99, min_added=99, min_type_rejected=3), False),
    "veto and promote, word forms (3 rejections, <= 0.2 kept; 2 added, >= 0.5 kept)": (PriorSettings(), False),
    "veto only (2 rejections, none kept)": (PriorSettings(min_rejected=2, veto_rate=0.0, min_added=99), False),
    "promote only, where the rules have a weaker match": (PriorSettings(min_rejected=99, bare_words=False), False),
    "promote only, any content word": (PriorSettings(min_rejected=99), False),
    "veto and promote, lemmas": (PriorSettings(), True),
    "veto of the weaker shown ones (score < 0.55; 3 rejections, <= 1/3 kept), lemmas": (
        PriorSettings(min_rejected=3, veto_rate=0.34, min_added=99, veto_below=0.55),
        True,
    ),
    "roles no kept event fills (5 kept events, the rules filled it 3 times), by role name": (
        PriorSettings(min_rejected=99, min_added=99, min_role_events=5, min_suggested_role=3),
        False,
    ),
    "the same per type (10 kept events of the type)": (
        PriorSettings(min_rejected=99, min_added=99, min_role_events=10, min_suggested_role=3, role_by_name=False),
        False,
    ),
}


def score(rows: list[dict], preds: list[list[dict]]) -> tuple[float, float, int, int]:
    """Trigger and argument F1 of the 8 types, the suggestions of the 8 types to reject, and of every type."""
    f = figures([r["events"] for r in rows[1:]], preds[1:])
    t, a = f["triggers"]["all"], f["arguments"]["all"]
    tp = round(t["p"] * t["pred"])
    every = sum(
        1 for r, p in zip(rows[1:], preds[1:]) for _, _, _, state in decisions(r["events"], p) if state == "rejected"
    )
    return t["f1"], a["f1"], t["pred"] - tp, every


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("A", "B"), required=True)
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--grid", action="store_true", help="try a grid of settings (half A only)")
    ap.add_argument("--variants", action="store_true", help="the variants docs/learning.md reports")
    d = PriorSettings()
    ap.add_argument("--min-rejected", type=int, default=d.min_rejected)
    ap.add_argument("--veto-rate", type=float, default=d.veto_rate)
    ap.add_argument("--min-added", type=int, default=d.min_added)
    ap.add_argument("--promote-rate", type=float, default=d.promote_rate)
    ap.add_argument("--no-bare-words", action="store_true", help="promote only where the rules have a weaker match")
    ap.add_argument("--veto-below", type=float, default=2.0, help="veto only suggestions scored below this")
    ap.add_argument("--promote-above", type=float, default=0.0, help="promote only weaker matches scored this")
    ap.add_argument("--min-type-rejected", type=int, default=0, help="drop a type rejected this often, never kept")
    ap.add_argument("--lemmas", action="store_true", help="count decisions per trigger lemma, not per word form")
    ap.add_argument("--min-role-events", type=int, default=0, help="leave out a role no kept event of this many fills")
    ap.add_argument("--min-suggested-role", type=int, default=0, help="... and the rules filled at least this often")
    ap.add_argument("--role-per-type", action="store_true", help="count the kept events per type, not by role name")
    args = ap.parse_args()
    if args.grid and args.half != "A":
        ap.error("--grid tunes: half A only")
    t0, c0 = time.perf_counter(), time.process_time()
    rows_all = read_articles(DATA)
    pre_all = precompute(rows_all, args.cache)
    idx = [i for i in range(len(rows_all)) if i % 2 == (0 if args.half == "A" else 1)]
    rows, pre = [rows_all[i] for i in idx], [pre_all[i] for i in idx]
    removed: list = []
    base = score(rows, simulate(rows, pre, None, removed=removed))
    print(f"half {args.half}: {len(rows)} articles, scored on the {len(rows) - 1} after the first")
    print(
        f"rules alone: trigger F1 {base[0]:.4f}, argument F1 {base[1]:.4f}, suggestions to reject {base[2]} "
        f"(of every type {base[3]}), "
        f"arguments of right triggers to remove {sum(removed[1:])}"
    )
    if args.variants:
        runs = list(VARIANTS.items())
    else:
        if args.grid:
            grid = itertools.product((2, 3, 4, 6, 99), (0.0, 0.2, 0.34), (1, 2, 3, 4, 99), (0.34, 0.5, 0.67))
        else:
            grid = [(args.min_rejected, args.veto_rate, args.min_added, args.promote_rate)]
        runs = [
            (
                f"min_rejected {mr:2} veto_rate {vr:.2f} min_added {ma:2} promote_rate {pr:.2f}",
                (
                    PriorSettings(
                        min_rejected=mr,
                        veto_rate=vr,
                        min_added=ma,
                        promote_rate=pr,
                        bare_words=not args.no_bare_words,
                        veto_below=args.veto_below,
                        promote_above=args.promote_above,
                        min_role_events=args.min_role_events,
                        role_by_name=not args.role_per_type,
                        min_suggested_role=args.min_suggested_role,
                        min_type_rejected=args.min_type_rejected,
                    ),
                    args.lemmas,
                ),
            )
            for mr, vr, ma, pr in grid
        ]
    for name, (settings, lemmas) in runs:
        removed: list = []
        f = score(rows, simulate(rows, pre, settings, lemmas, removed))
        print(
            f"{name}: trigger F1 {f[0]:.4f} ({f[0] - base[0]:+.4f}), argument F1 {f[1]:.4f} ({f[1] - base[1]:+.4f}), "
            f"to reject {f[2]} ({f[2] - base[2]:+d}; of every type {f[3]}, {f[3] - base[3]:+d}), "
            f"arguments to remove {sum(removed[1:])}"
        )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{time.perf_counter() - t0:.1f} s wall, {time.process_time() - c0:.1f} s CPU, load average {load:.1f}")


if __name__ == "__main__":
    main()
