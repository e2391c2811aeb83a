"""Inter-annotator agreement between annotation sets: entity span F1, token kappa, trigger and argument F1.

Definitions (also in docs/teams.md):
- Only entities and events in state ``accepted`` or ``added`` are a person's label (an undecided suggestion and a
  rejected one are not).
- For a pair (A, B), A is the reference: precision = matched / |B|, recall = matched / |A|,
  F1 = 2·matched / (|A| + |B|) (symmetric). "overall" sums the counts over labels (micro average).
- Exact entity match: same start, end and label (multiset: each span matches at most once).
- Overlap entity match: same label and at least one shared character, paired one-to-one greedily:
  candidate pairs sorted by shared characters (most first), then by the smaller combined extent,
  then by A's start and B's start; a pair is taken when neither span is taken yet.
- Kappa: Cohen's kappa over tokens. Tokens are the stored ones (``Project.tokens``, from pre-annotation)
  or, if a document has none, its whitespace-separated words. Each token gets the label of the human
  span sharing the most characters with it (ties: earlier start, then label name), or "O".
  Per label: kappa of "this label" against "anything else".
- Event trigger match: same trigger start, end and event type (multiset).
- Argument match: the events of A and B with equal trigger+type are paired in trigger order; an
  argument matches when its event is paired and role, argument start and argument end are equal
  (the entity's label is not compared). Every argument of every event counts in |A| and |B|.
- Compared documents: those both sets cover (a merge record, or any annotation in the set).
- Document categories (a text classification's labels; a merge keeps each annotator's with her set): on the compared
  documents either of the two gave categories, per category the documents each chose it on and both did (P, R, F1),
  and Cohen's kappa of "chose it" over those documents; her choice of none on such a document is a choice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations, count
from typing import Any, Callable, Sequence

from annotator.wording import counted, first_named
from annotator.errors import AnnotatorError
from annotator.store import Project
from annotator.navigation import Tokens
from annotator.teams.merge_categories import annotators_categories
from annotator.teams.scores import OVERALL, CategoryChoices, Kappa, Table, count_exact, fmt
from annotator.teams.sets import (
    EventItem,
    Span,
    annotator_sets,
    check_sets,
    covered_documents,
    document_meta,
    event_items,
    human_spans,
    overlapping_pairs,
)

METRICS = ("entities_exact", "entities_overlap", "triggers", "trigger_words", "arguments")
ANY_TYPE = "any type"  # the one label of ``trigger_words``: the trigger's offsets alone, whatever the event type


def document_tokens(project: Project, doc_id: int, text: str) -> list[tuple[int, int]]:
    """Stored tokens, or the one fallback (``annotator.tokens``) when the document was never pre-annotated: the
    app's tokens (``navigation.Tokens.of`` makes the choice for both)."""
    toks = Tokens.of(text, project.tokens(doc_id))
    return list(zip(toks.starts, toks.ends))


def token_labels(tokens: list[tuple[int, int]], spans: list[Span]) -> list[str]:
    """One label per token: the span sharing most characters with it (ties: earlier start, label), else "O"."""
    out = []
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    k = 0
    for ts, te in tokens:
        while k < len(ordered) and ordered[k].end <= ts:  # tokens come in order: this span is behind us
            k += 1
        best: tuple[int, int, str] | None = None
        for s in ordered[k:]:
            if s.start >= te:
                break
            shared = min(te, s.end) - max(ts, s.start)
            if shared > 0:
                cand = (-shared, s.start, s.label)
                if best is None or cand < best:
                    best = cand
        out.append(best[2] if best else "O")
    return out


def match_overlap(a: list[Span], b: list[Span]) -> list[tuple[Span, Span]]:
    """Greedy one-to-one pairing of same-label overlapping spans, most shared characters first."""
    candidates = []
    for i, j, shared in overlapping_pairs([(x.start, x.end) for x in a], [(y.start, y.end) for y in b]):
        x, y = a[i], b[j]
        if x.label == y.label:
            extent = max(x.end, y.end) - min(x.start, y.start)
            candidates.append((-shared, extent, x.start, y.start, i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for *_, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((a[i], b[j]))
    return pairs


def pair_events(a: list[EventItem], b: list[EventItem]) -> list[tuple[EventItem, EventItem]]:
    """Events with equal trigger offsets and type, paired in order."""
    by_key: dict[tuple, list[EventItem]] = {}
    for e in b:
        by_key.setdefault(e.key, []).append(e)
    pairs = []
    for e in a:
        rest = by_key.get(e.key)
        if rest:
            pairs.append((e, rest.pop(0)))
    return pairs


@dataclass
class Scores:
    """Counts for one pair of sets over some documents; add() pools them."""

    entities_exact: Table = field(default_factory=Table)
    entities_overlap: Table = field(default_factory=Table)
    triggers: Table = field(default_factory=Table)
    arguments: Table = field(default_factory=Table)
    kappa: Kappa = field(default_factory=Kappa)
    categories: CategoryChoices = field(default_factory=CategoryChoices)
    # the same trigger words (offsets), whatever the type: how far the annotators agree on what is an event apart
    # from which type it is (session 34: "Conflict:Attack 5 4" beside "Conflict:Demonstrate 0 1" did not say that
    # carol had typed alice's "airstrike" otherwise)
    trigger_words: Table = field(default_factory=Table)
    other_types: Counter = field(default_factory=Counter)  # (A's type, B's type) on the same trigger words

    def add(self, other: "Scores") -> None:
        for name in METRICS:
            getattr(self, name).add(getattr(other, name))
        self.kappa.add(other.kappa)
        self.categories.add(other.categories)
        self.other_types.update(other.other_types)

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name).to_dict() for name in METRICS}
        out["kappa"] = self.kappa.to_dict()
        out["categories"] = self.categories.to_dict()
        out["other_types"] = [
            {"a": x, "b": y, "count": n}
            for (x, y), n in sorted(self.other_types.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        return out


def document_scores(project: Project, doc_id: int, set_a: str, set_b: str) -> Scores:
    sc = Scores()
    a, b = human_spans(project, doc_id, set_a), human_spans(project, doc_id, set_b)
    count_exact(sc.entities_exact, (s.key for s in a), (s.key for s in b), lambda k: k[2])
    matched = match_overlap(a, b)
    for s in a:
        sc.entities_overlap.count(s.label, a=1)
    for s in b:
        sc.entities_overlap.count(s.label, b=1)
    for x, _ in matched:
        sc.entities_overlap.count(x.label, tp=1)
    text = project.document(doc_id).text
    tokens = document_tokens(project, doc_id, text)
    sc.kappa.add_items(token_labels(tokens, a), token_labels(tokens, b))
    ea, eb = event_items(project, doc_id, set_a), event_items(project, doc_id, set_b)
    count_exact(sc.triggers, (e.key for e in ea), (e.key for e in eb), lambda k: k[2])
    _count_trigger_words(sc, ea, eb)
    for e in ea:
        for role, *_ in e.arguments:
            sc.arguments.count(role, a=1)
    for e in eb:
        for role, *_ in e.arguments:
            sc.arguments.count(role, b=1)
    for x, y in pair_events(ea, eb):
        ca = Counter((r, s, t) for r, s, t, _ in x.arguments)
        cb = Counter((r, s, t) for r, s, t, _ in y.arguments)
        for key in ca.keys() & cb.keys():
            sc.arguments.count(key[0], tp=min(ca[key], cb[key]))
    chosen = annotators_categories(document_meta(project, doc_id))
    if set_a in chosen or set_b in chosen:  # either gave the document categories (her choice of none is one)
        sc.categories.add_document(chosen.get(set_a, []), chosen.get(set_b, []))
    return sc


def _count_trigger_words(sc: Scores, ea: list[EventItem], eb: list[EventItem]) -> None:
    """The triggers matched by their offsets alone (``trigger_words``), and on each pair of the same words typed
    otherwise, the two types (``other_types``): after the matches of the same type, in type order."""
    words_a = Counter((e.trigger_start, e.trigger_end) for e in ea)
    words_b = Counter((e.trigger_start, e.trigger_end) for e in eb)
    shared = words_a & words_b
    sc.trigger_words.count(ANY_TYPE, tp=sum(shared.values()), a=len(ea), b=len(eb))
    for words in shared:
        types_a = Counter(e.type for e in ea if (e.trigger_start, e.trigger_end) == words)
        types_b = Counter(e.type for e in eb if (e.trigger_start, e.trigger_end) == words)
        same = types_a & types_b
        for x, y in zip(sorted((types_a - same).elements()), sorted((types_b - same).elements())):
            sc.other_types[(x, y)] += 1


def pair_agreement(
    project: Project,
    set_a: str,
    set_b: str,
    scored: Callable[[], None] | None = None,
    covered: dict[str, set[int]] | None = None,
) -> dict[str, Any]:
    """Scores of one pair, for the project and per document (those both sets cover; ``covered``: each set's covered
    documents, when the caller has them already: one look a set, not two a pair); ``scored()`` after each
    document."""
    if covered is None:
        covered = {name: covered_documents(project, name) for name in (set_a, set_b)}
    docs = sorted(covered[set_a] & covered[set_b])
    total = Scores()
    per_doc = []
    for doc_id in docs:
        sc = document_scores(project, doc_id, set_a, set_b)
        total.add(sc)
        per_doc.append({"document_id": doc_id, "name": project.document(doc_id).name, **sc.to_dict()})
        if scored is not None:
            scored()
    worked_on = {name: len(covered[name]) for name in (set_a, set_b)}  # said when none is shared (``nothing_shared``)
    # the documents one of the two worked on alone, by name: not compared (``left_out`` says so)
    alone = {
        name: [project.document(d).name for d in sorted(covered[name] - covered[other])]
        for name, other in ((set_a, set_b), (set_b, set_a))
    }
    return {
        "a": set_a,
        "b": set_b,
        "documents": len(docs),
        "worked_on": worked_on,
        "worked_on_alone": alone,
        "project": total.to_dict(),
        "by_document": per_doc,
    }


def compared_sets(project: Project, sets: Sequence[str] | None = None) -> list[str]:
    """The sets ``agreement`` compares: all but "main" unless ``sets`` names them; refused (one line) when fewer
    than two. Cheap (no document is read): the app asks it before it starts the work."""
    if sets:
        check_sets(project, sets)
        chosen = list(dict.fromkeys(sets))
        if len(chosen) < 2:
            raise AnnotatorError(
                f"--sets named only one annotation set ({chosen[0]}); agreement needs two annotation sets or more "
                f"(the project has {', '.join(annotator_sets(project, include_main=True))})"
            )
    else:
        chosen = annotator_sets(project)
    if len(chosen) < 2:
        raise AnnotatorError(
            f"agreement needs two annotation sets or more; the project has {', '.join(chosen) or 'none'} "
            "(merge the annotators' files with `annotator merge`)"
        )
    return chosen


def agreement(
    project: Project, sets: Sequence[str] | None = None, progress: Callable[[int, int], None] | None = None
) -> dict[str, Any]:
    """Agreement for each pair of annotation sets (``compared_sets``); ``progress(document pairs scored, of)`` as it
    goes (it may raise to stop the work: nothing is written)."""
    chosen = compared_sets(project, sets)
    covered = {name: covered_documents(project, name) for name in chosen}
    pairs = {(a, b): sorted(covered[a] & covered[b]) for a, b in combinations(chosen, 2)}
    scored = None
    if progress is not None:
        total = sum(len(docs) for docs in pairs.values())
        counter = count(1)
        progress(0, total)

        def scored() -> None:
            progress(next(counter), total)

    return {"sets": chosen, "pairs": [pair_agreement(project, a, b, scored, covered) for a, b in pairs]}


# -- text output ----------------------------------------------------------------------------------
def _table_lines(title: str, ex: dict, ov: dict | None, kappa: dict | None, a: str, b: str) -> list[str]:
    """One table; the columns are as wide as the longest name in them, so no name is cut."""
    labels = list(ex["by_label"]) + [OVERALL]
    w = max(24, len(title) + 1, *(len(x) + 1 for x in labels))
    wa, wb = max(7, len(a)), max(7, len(b))
    head = f"  {title:<{w}}{a:>{wa}} {b:>{wb}}      P      R     F1"
    head += "  ovl F1" if ov else ""
    head += "   kappa" if kappa else ""
    lines = [head]
    for label in labels:
        c = ex["by_label"][label] if label != OVERALL else ex[OVERALL]
        row = f"  {label:<{w}}{c['a']:>{wa}} {c['b']:>{wb}} {fmt(c['precision'])} {fmt(c['recall'])} {fmt(c['f1'])}"
        if ov:
            o = ov["by_label"].get(label) if label != OVERALL else ov[OVERALL]
            row += f"  {fmt(o['f1'] if o else None)}"
        if kappa:
            row += f"  {fmt(kappa['by_label'].get(label) if label != OVERALL else kappa[OVERALL])}"
        lines.append(row)
    return lines


def nothing_shared(pair: dict[str, Any]) -> str | None:
    """Why a pair (``pair_agreement``'s) has nothing to compare, with how many documents each worked on and what
    counts as worked on; None when they share a document. `agree` and the Agreement window say it in place of
    tables of dashes under "0 documents"."""
    if pair["documents"]:
        return None
    a, b, worked = pair["a"], pair["b"], pair["worked_on"]
    return (
        f"no document both worked on ({a} worked on {counted(worked[a], 'document')}, {b} on {worked[b]}; a document "
        "counts once its annotator's status for it is not new or she decided something there): nothing to compare"
    )


def left_out(pair: dict[str, Any]) -> str:
    """The documents of a pair (``pair_agreement``'s) that one of the two worked on alone, which are not compared
    ("" when none): `agree` and the Agreement window said "1 document" where alice had done two, without a word of the
    other (session 33)."""
    alone = pair.get("worked_on_alone") or {}
    parts = [
        f"{counted(len(names), 'document')} only {name} worked on ({first_named(names, 3)})"
        for name, names in alone.items()
        if names
    ]
    return f"not compared: {'; '.join(parts)}" if parts else ""


def trigger_words_said(scores: dict[str, Any], a: str, b: str) -> str:
    """The line under the triggers' table: the same words as triggers whatever the type, and those typed otherwise."""
    c = scores["trigger_words"][OVERALL]
    said = f"trigger words whatever the type: {a} {c['a']:,}, {b} {c['b']:,}, both {c['tp']:,} (F1 {fmt(c['f1'], 0)})"
    other = scores["other_types"]
    if other:
        n = sum(o["count"] for o in other)
        pairs = first_named([f"{o['a']} / {o['b']} {o['count']:,}" for o in other], 3)
        said += f"; of those, {n:,} typed otherwise ({a} / {b}: {pairs})"
    return said


def format_agreement(result: dict[str, Any]) -> str:
    """Human-readable tables: per pair, per label and overall, then one line per document (no name is cut)."""
    out = []
    for pair in result["pairs"]:
        a, b, p = pair["a"], pair["b"], pair["project"]
        if (why := nothing_shared(pair)) is not None:  # a table of dashes said nothing of why
            out += [f"{a} vs {b}: {why}", ""]
            continue
        out.append(
            f"{a} vs {b}: {counted(pair['documents'], 'document')} ({a} is the reference: P = share of {b}'s items {a} also has)"
        )
        if alone := left_out(pair):
            out.append(f"  {alone}")
        k = p["kappa"]
        out += _table_lines("entity spans (exact)", p["entities_exact"], p["entities_overlap"], k, a, b)
        out.append(
            f"  token kappa {fmt(k[OVERALL], 0)} over {counted(k['tokens'], 'token')} "
            f"(observed agreement {fmt(k['observed'], 0)}, expected {fmt(k['expected'], 0)})"
        )
        out += _table_lines("event triggers", p["triggers"], None, None, a, b)
        out.append(f"  {trigger_words_said(p, a, b)}")
        out += _table_lines("arguments (by role)", p["arguments"], None, None, a, b)
        cats = p["categories"]
        if cats["documents"]:
            out.append(f"  document categories on {counted(cats['documents'], 'document')} (kappa: chose it or not)")
            out += _table_lines("categories", cats, None, cats["kappa"], a, b)
        w = max(20, *(len(d["name"]) for d in pair["by_document"])) if pair["by_document"] else 20
        out.append(f"  {'per document:':<{w}} entity F1 exact / overlap   kappa   trigger F1   argument F1")
        for d in pair["by_document"]:
            out.append(
                f"  {d['name']:<{w}} {fmt(d['entities_exact'][OVERALL]['f1'], 16)} / {fmt(d['entities_overlap'][OVERALL]['f1'], 0)}"
                f" {fmt(d['kappa'][OVERALL], 7)} {fmt(d['triggers'][OVERALL]['f1'], 12)} {fmt(d['arguments'][OVERALL]['f1'], 13)}"
            )
        out.append("")
    return "\n".join(out).rstrip()
