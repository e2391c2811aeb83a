"""What deciding the rule suggester's events costs by key on the development articles, by what is wrong with each:
prints figures, asserts nothing.

For each article, the event suggestions of ``RuleEventSuggester`` on the pipeline's parse and entities (as
``bench/events.py --direct`` makes them), their argument spans found or made as the writer does
(``suggest.writer._Entities.filler``: the tightest entity of a label the role takes around the span, else a new one),
each suggestion of the 8 annotated types set against the gold events whose trigger it overlaps:
- no gold trigger there: a wrong suggestion, X (one key); runs of two or more such in one sentence counted apart;
- another gold type: Shift+E when it is the suggestion's first stored alternative, a later alternative, or the
  picker (its roles then not counted); their keys, E and the picker on the event against the cheaper of those and
  Shift+E (session 29: with no other type named, the document's types);
- the gold type: the trigger's extent (the same or not), then each role but Time (not annotated there): right; its
  filler overlapping the gold one but another extent (wider or narrower, a span the pipeline found or one the rules
  made; session 37: the keys to select that filler from its event, Tab / Shift+Tab past the undecided items between
  or Find to its first word and Space, against Ctrl+Shift+N, its presses the filler's place in the role, and the edge
  keys a word each edge moves, the same both ways); empty or wrong with the gold filler an entity of a label the role takes (the role key's presses as
  ``bench/role_keys.py`` counts them: the rank in ``keyflow.role_candidates``, the role's own and the other roles'
  fillers left out, plus one, at most 5); the gold filler no such entity (Find and the role key in the bar); a filler
  where the gold has none (Ctrl+Alt+N, one key). A role of several that holds the gold fillers and one more is
  counted as wrong with its rank past the candidates (5: Ctrl+Alt+N and the role key again); session 37 counts them
  apart too: Ctrl+Alt+N and the role key to each gold filler at its rank (at most 5), against the keys that take each
  extra out alone (Ctrl+Shift+N to it, its place among the role's fillers, and Ctrl+Alt+N). Session 38: what the
  key of another role means after Ctrl+Shift+N selected a filler: the wrong fillers that are the gold filler of another
  role of the event (moved there by that role's key), against the events with a filler of another extent and another
  role empty or wrong (the person goes on to that role's candidates). And the gold triggers no suggestion lies on (E
  makes them): how many lie in a sentence with a right suggested event (a person deciding it has an event selected
  there when he clicks the missed word: E made the event there from session 38 on, it changed that event's type
  before), and how many of them E makes without the picker.
Session 39: the suggested roles whose gold filler is no span of their labels, by the role key's cycle over the
entities and the stored noun heads (``nlp.noun_heads``): reached among its first four and their keys (the rank, else
Find), as sessions 34-38 ordered the cycle and with the noun beside the trigger first (``role_heads.cycle_with_heads``).
Figures for the two halves (even / odd lines: half A is the one to read errors on) and all.

    python bench/suggestion_keys.py [--cache FILE.spacy] [--examples]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import MODEL, SCHEMA, TYPES, UNSCORED_ROLES, overlaps, parse_cached, read_articles  # noqa: E402

from picker_keys import picker_keys  # noqa: E402
from noun_role_keys import find_cost, span_edge_keys  # noqa: E402

from annotator.keyflow import agent_order, role_candidates, source_order, within_line  # noqa: E402
from annotator.model import Entity, Event  # noqa: E402
from annotator.trigger_phrase import word_types  # noqa: E402
from annotator.type_order import next_event_type, ranked_types, retype_first, types_nearby  # noqa: E402
from annotator.nlp import noun_heads, pipeline_entities  # noqa: E402
from annotator.role_heads import cycle_with_heads, heads_for_role, heads_offered, heads_place, noun_side  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.suggest.event_rules import RuleEventSuggester  # noqa: E402

MOST_KEYS = 5  # past the fourth candidate a person goes to the filler (as bench/role_keys.py counts)
TYPE_KEYS = ("  ... its keys: E and the picker", "  ... its keys: E and the picker, or Shift+E (session 29)")
KEYS = "keys counted: X, Ctrl+Alt+N, the role keys"
MORE_KEYS = (  # session 37: a role of several holding the gold fillers and more (among "role wrong", at 5 keys)
    "  ... of them a role of several: the gold fillers and more",
    "  ... their keys: Ctrl+Alt+N, the role key again to each gold",
    "  ... their keys: Ctrl+Shift+N to each extra, Ctrl+Alt+N",
)
EXTENT_KEYS = (  # session 37: a filler of another extent selected from its event (Ctrl+Shift+N) and its edges moved
    "  ... selecting them: Tab or Find and Space",
    "  ... selecting them, decided (no Tab): Find, Space",
    "  ... selecting them: Ctrl+Shift+N (session 37)",
    "  ... their edge keys (either way)",
)  # not the reach, types, extents nor Find
ROLE_NEXT = (  # session 38: after Ctrl+Shift+N on one role, the key of another role (moves it, or goes on to that role)
    "role wrong: its filler another role's gold (a move)",
    "events: one of extent, another role to fill (on to it)",
)
NOUNS = (  # session 39: the suggested roles whose gold filler is no span of their labels, by the role key's cycle
    "  ... by the role key: reached in four (s34-38's order)",
    "  ... their keys (its rank, else Find), s34-38's order",
    "  ... reached in four, the noun beside first (s39)",
    "  ... their keys, the noun beside first (s39)",
)
MISSED = (  # session 38: the gold triggers no suggestion lies on (made by E), and whether an event is near to be selected
    "missed gold triggers (no suggestion on them: E)",
    "  ... in a sentence with a right suggestion (selected near)",
    "  ... their words name its type first (E alone, no picker)",
)
ORDER = (  # the lines printed, in this order (a class nothing falls in prints 0)
    "suggestions",
    "wrong: X",
    "runs of 2+ wrong suggestions in a sentence",
    "  ... the wrong suggestions in them",
    "another type: first alternative",
    "another type: a later one",
    "another type: picker",
    *TYPE_KEYS,
    "the gold type",
    "the gold type: trigger of another extent",
    "role right",
    "role: filler of another extent",
    "  ... wider, made by the rules",
    "  ... wider, the pipeline",
    "  ... narrower or crossing, made by the rules",
    "  ... narrower or crossing, the pipeline",
    EXTENT_KEYS[0],
    EXTENT_KEYS[1],
    EXTENT_KEYS[2],
    EXTENT_KEYS[3],
    "role: a filler, none in the gold (Ctrl+Alt+N)",
    "role empty: the gold filler a candidate",
    "role empty: first right",
    "role empty: keys",
    "role empty: the gold filler no span of its labels",
    "role wrong: the gold filler a candidate",
    "role wrong: first right",
    "role wrong: keys",
    "role wrong: the gold filler no span of its labels",
    *NOUNS,
    *ROLE_NEXT,
    *MISSED,
    MORE_KEYS[0],
    MORE_KEYS[1],
    MORE_KEYS[2],
    KEYS,
)


class Fillers:
    """The document's entity spans as the suggestion writer finds or makes them for arguments."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.ents = [Entity(i, 0, s, e, lab, "suggested", "pipeline", None) for i, (s, e, lab) in enumerate(spans)]

    def filler(self, start: int, end: int, allowed: tuple[str, ...], label: str) -> Entity:
        around = [x for x in self.ents if x.label in allowed and x.start <= start and end <= x.end]
        if around:
            return min(around, key=lambda x: x.end - x.start)
        made = Entity(len(self.ents), 0, start, end, label, "suggested", "rules", None)
        self.ents.append(made)
        return made


def role_class(  # noqa: C901
    c: Counter,
    etype,  # noqa: ANN001
    role,  # noqa: ANN001
    sugg,  # noqa: ANN001
    args: list,
    gold: dict,
    fillers: Fillers,
    text: str,
    sent,  # noqa: ANN001
    undecided: tuple[int, ...] = (),
    heads: list[tuple[int, int]] | None = None,
) -> None:
    """Count one role of a suggestion of the gold type into ``c`` (``undecided``: the starts of the document's undecided
    items, its spans and suggested triggers, as Tab steps through them)."""
    want = sorted(
        (tuple(a["span"]) for a in gold["arguments"] if a["role"] == role.name),
        key=lambda sp: abs(sp[0] - sugg.trigger_start),
    )
    have = [e for r, e in args if r == role.name]
    spans = [(e.start, e.end) for e in have]
    if not want and not have:
        return
    if want and have and all(h in want for h in spans):
        c["role right"] += 1
        return
    if want and have and all(any(overlaps(h, w) for w in want) for h in spans):
        wider = all(any(h[0] <= w[0] and w[1] <= h[1] for w in want) for h in spans)
        made = all(e.source == "rules" for e in have)
        c["role: filler of another extent"] += 1
        c[
            f"  ... {'wider' if wider else 'narrower or crossing'}, {'made by the rules' if made else 'the pipeline'}"
        ] += 1
        trig = sugg.trigger_start
        in_order = sorted(have, key=lambda e: (e.start, e.end))
        for k, (e, h) in enumerate(zip(have, spans)):
            if h in want:
                continue
            gold_span = min((w for w in want if overlaps(h, w)), key=lambda w: abs(w[0] - h[0]))
            after = e.start > trig  # Tab; else Shift+Tab, which stops on the filler's own start
            tab = sum(1 for a in undecided if (trig < a <= e.start if after else e.start <= a < trig))
            by_find = find_cost(text, (e.start, e.end), trig, 1) + 1
            c[EXTENT_KEYS[0]] += min(tab, by_find)
            c[EXTENT_KEYS[1]] += by_find
            c[EXTENT_KEYS[2]] += in_order.index(e) + 1
            c[EXTENT_KEYS[3]] += span_edge_keys(text, h, gold_span)
        return
    if not want:
        c["role: a filler, none in the gold (Ctrl+Alt+N)"] += 1
        c[KEYS] += 1
        return
    if want and all(w in spans for w in want):  # the gold fillers and more: each extra taken out (session 37)
        left = sorted(spans)
        c[MORE_KEYS[0]] += 1
        for extra in [h for h in sorted(spans) if h not in want]:
            c[MORE_KEYS[2]] += left.index(extra) + 1 + 1  # Ctrl+Shift+N to it, then Ctrl+Alt+N
            left.remove(extra)
        others = [e.id for r, e in args if r != role.name]
        source, agent = source_order(etype, role), agent_order(etype, role)
        refill, taken = 1, list(others)  # Ctrl+Alt+N, then the role key (Alt+Shift+N past the first) at each one's rank
        for w in want:
            cands = role_candidates(
                fillers.ents, role, (sugg.trigger_start, sugg.trigger_end), sent, taken, others, text, source, agent
            )
            ids = [(e.start, e.end) for e in cands]
            refill += min(ids.index(w) + 1, MOST_KEYS) if w in ids else MOST_KEYS
            taken += [e.id for r, e in args if r == role.name and (e.start, e.end) == w]
        c[MORE_KEYS[1]] += refill
    kind = "empty" if not have else "wrong"
    if have and any(tuple(a["span"]) in spans for a in gold["arguments"] if a["role"] != role.name):
        c[ROLE_NEXT[0]] += 1
    hit = [e for e in fillers.ents if (e.start, e.end) == want[0] and e.label in role.labels]
    if not hit:
        c[f"role {kind}: the gold filler no span of its labels"] += 1
        if heads is not None:
            noun_keys(c, etype, role, sugg, args, want[0], fillers, text, sent, heads)
        return
    others = [e.id for r, e in args if r != role.name]
    cands = role_candidates(
        fillers.ents,
        role,
        (sugg.trigger_start, sugg.trigger_end),
        sent,
        [*[e.id for e in have], *others],
        others,
        text,
        source_order(etype, role),
        agent_order(etype, role),
    )
    ids = [e.id for e in cands]
    rank = ids.index(hit[0].id) if hit[0].id in ids else MOST_KEYS
    c[f"role {kind}: the gold filler a candidate"] += 1
    c[f"role {kind}: first right"] += rank == 0
    c[f"role {kind}: keys"] += min(rank + 1, MOST_KEYS)
    c[KEYS] += min(rank + 1, MOST_KEYS)


def noun_keys(  # noqa: PLR0913
    c: Counter,
    etype,  # noqa: ANN001
    role,  # noqa: ANN001
    sugg,  # noqa: ANN001
    args: list,
    gold_span: tuple[int, int],
    fillers: Fillers,
    text: str,
    sent,  # noqa: ANN001
    heads: list[tuple[int, int]],
) -> None:
    """The keys to fill ``role`` of ``sugg`` with ``gold_span``, no span of the role's labels, by the role key's cycle
    over the entities and the sentence's stored noun heads (its rank + 1 among the first four, else Find: ``find_cost``),
    as sessions 34-38 ordered it and with the noun beside the trigger first (``role_heads.cycle_with_heads``)."""
    trig = (sugg.trigger_start, sugg.trigger_end)
    others = [e.id for r, e in args if r != role.name]
    taken = [e.id for r, e in args if r == role.name]
    cands = role_candidates(
        fillers.ents,
        role,
        trig,
        sent,
        [*taken, *others],
        others,
        text,
        source_order(etype, role),
        agent_order(etype, role),
    )
    spans = [(e.start, e.end) for e in cands]
    fit, unknown = heads_for_role(
        heads_offered(heads, sent, trig, [(e.start, e.end) for e in fillers.ents]), text, role.labels
    )
    k = heads_place(spans, sent)
    orders = (
        [*spans[:k], *fit, *unknown, *spans[k:]],
        cycle_with_heads(spans, spans, (fit, unknown), sent, text, trig, noun_side(role)),
    )
    by_find = find_cost(text, gold_span, trig[0], len(text[gold_span[0] : gold_span[1]].split()))
    for (reached, keys), order in zip((NOUNS[:2], NOUNS[2:]), orders):
        rank = order.index(gold_span) if gold_span in order else None
        near = rank is not None and rank < 4
        c[reached] += near
        c[keys] += rank + 1 if near else by_find  # type: ignore[operator]


def type_keys(c: Counter, schema, sugg, out: list, text: str, type_: str) -> None:  # noqa: ANN001
    """The keys to give suggestion ``sugg`` the type ``type_``: E and the picker on the event (``retype_first``'s order,
    the document's other suggestions nearby), against the cheaper of those and Shift+E (``next_event_type``: its
    alternatives, the other types its word names, else the document's types, session 29)."""
    s, e = sugg.trigger_start, sugg.trigger_end
    named = word_types(schema, text, s, e, len(text))
    near = types_nearby(
        [Event(k, 0, v.type, v.trigger_start, v.trigger_end, {}, None) for k, v in enumerate(out) if v is not sugg], s
    )
    order = ranked_types(schema, text[s:e], retype_first(sugg.type, sugg.alternatives, named, near), near)
    picker = 1 + picker_keys(schema, order, type_)
    current, tried, shift = sugg.type, [sugg.type], None
    for k in range(1, len(order) + 1):
        nxt = next_event_type(current, sugg.alternatives, named, tried, near)
        if nxt is None or nxt in tried:
            break
        if nxt == type_:
            shift = k
            break
        current, tried = nxt, [*tried, nxt]
    c[TYPE_KEYS[0]] += picker
    c[TYPE_KEYS[1]] += min(picker, shift) if shift is not None else picker


def document(c: Counter, row: dict, doc, suggester, schema, examples: list | None) -> None:  # noqa: ANN001
    text = row["text"]
    spans = pipeline_entities(doc)
    fillers = Fillers(spans)
    stored = noun_heads(doc, spans)  # the heads pre-annotation with events stores (tokens.noun_heads)
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    gold = [g for g in row["events"] if g["type"] in TYPES]
    runs: dict[tuple[int, int], list[bool]] = {}
    out = suggester.suggest(doc, spans)
    every = Fillers(spans)  # the fillers every suggestion makes (Tab steps through them all), the counts' own apart
    for sugg in out:
        etype = schema.event_type(sugg.type)
        for a in sugg.arguments:
            if (role := etype.role(a.role)) is not None:
                every.filler(a.start, a.end, role.labels, a.label)
    undecided = tuple(sorted({e.start for e in every.ents} | {v.trigger_start for v in out}))
    for sugg in out:
        etype = schema.event_type(sugg.type)
        args: list[tuple[str, Entity]] = []
        for a in sugg.arguments:  # as the writer keeps them: one filler in a role of one
            role = etype.role(a.role)
            if role is not None and (role.repeatable or all(r != a.role for r, _ in args)):
                args.append((a.role, fillers.filler(a.start, a.end, role.labels, a.label)))
        trig = (sugg.trigger_start, sugg.trigger_end)
        on = [g for g in gold if overlaps(tuple(g["trigger"]), trig)]
        if sugg.type not in TYPES and not on:
            continue  # a type events-dev does not annotate: right or wrong, unknown
        sent = next((s for s in sents if s[0] <= trig[0] < s[1]), (0, len(text)))
        runs.setdefault(sent, []).append(not on)
        c["suggestions"] += 1
        if not on:
            c["wrong: X"] += 1
            c[KEYS] += 1
            continue
        g = on[0]
        if g["type"] != sugg.type:
            alts = list(sugg.alternatives)
            how = "first alternative" if alts[:1] == [g["type"]] else "a later one" if g["type"] in alts else "picker"
            c[f"another type: {how}"] += 1
            type_keys(c, schema, sugg, out, text, g["type"])
            if examples is not None:
                examples.append(f"type {sugg.type} -> {g['type']}: {text[trig[0] : trig[1]]!r}, alternatives {alts}")
            continue
        c["the gold type"] += 1
        if tuple(g["trigger"]) != trig:
            c["the gold type: trigger of another extent"] += 1
        kinds: list[str] = []
        for role in etype.roles:
            if role.name not in UNSCORED_ROLES:
                line = within_line(text, sent, trig[0])
                before = Counter(c)
                role_class(c, etype, role, sugg, args, g, fillers, text, line, undecided, stored)
                kinds += [k for k in c if c[k] != before[k] and k.startswith(("role empty", "role wrong", "role:"))]
        if "role: filler of another extent" in kinds and any(k.startswith(("role empty", "role wrong")) for k in kinds):
            c[ROLE_NEXT[1]] += 1
    right = [sg for sg in out if any(overlaps(tuple(g["trigger"]), (sg.trigger_start, sg.trigger_end)) for g in gold)]
    for g in gold:
        trig = tuple(g["trigger"])
        if any(overlaps(trig, (sg.trigger_start, sg.trigger_end)) for sg in out):
            continue
        c[MISSED[0]] += 1
        sent = next((s for s in sents if s[0] <= trig[0] < s[1]), (0, len(text)))
        c[MISSED[1]] += any(sent[0] <= sg.trigger_start < sent[1] for sg in right)
        c[MISSED[2]] += word_types(schema, text, trig[0], trig[1], sent[1])[:1] == [g["type"]]
    for seq in runs.values():
        n = 0
        for wrong in [*seq, False]:
            if wrong:
                n += 1
                continue
            if n >= 2:
                c["runs of 2+ wrong suggestions in a sentence"] += 1
                c["  ... the wrong suggestions in them"] += n
            n = 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None, help="a .spacy file keeping the parsed articles")
    ap.add_argument("--examples", action="store_true", help="print half A's wrong types")
    args = ap.parse_args()
    from annotator.nlp import load_pipeline

    rows = read_articles()
    schema = load_schema(SCHEMA)
    nlp = load_pipeline(MODEL, events=True).nlp  # as pre-annotation parses
    docs = parse_cached([r["text"] for r in rows], args.cache, nlp=nlp)
    suggester = RuleEventSuggester(schema)
    halves: dict[str, Counter] = {"A": Counter(), "B": Counter()}
    examples: list[str] = []
    for k, (row, doc) in enumerate(zip(rows, docs)):
        half = "AB"[k % 2]
        document(halves[half], row, doc, suggester, schema, examples if half == "A" else None)
    every = halves["A"] + halves["B"]
    print(f"{'':60} {'A':>6} {'B':>6} {'all':>6}")
    for name in ORDER:
        print(f"{name:60} {halves['A'][name]:6d} {halves['B'][name]:6d} {every[name]:6d}")
    if args.examples:
        print("\n".join(examples))


if __name__ == "__main__":
    main()
