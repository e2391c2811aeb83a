"""Fillers that are no span: what a stored noun phrase would save the role keys on the development articles.

A gold argument whose words are no entity of the pipeline (no span: "protesters", "the man", "team") costs, with the
app as it is, Find from the trigger (where the caret is once the event is made): `Ctrl+F`, the fewest letters whose
next match is the argument's first word, the role key in the bar (Enter and F3 before it past earlier matches), and
Ctrl+Shift+Right a word past the first (``find_cost``). Were the parse's noun phrases of the trigger's sentence stored
at pre-annotation, Alt+N's candidates could hold those that are no entity span: the argument is then reached at its
rank + 1 keys when the cycle reaches it (``bench/role_keys.py``'s rule: four candidates, then a person goes to it by
Find). Three forms of a noun phrase are weighed (spaCy's ``noun_chunks``): the chunk's extent ("a surgical team"), the
extent without its determiner or possessive ("surgical team"), the head word ("team"); and two places in the cycle:
after the entities of the trigger's sentence ("after"), or among them by distance to the trigger ("mixed"). The
entity arguments (``role_keys.py``'s reachable ones) are ranked again with the phrases in the cycle: the keys they
lose are counted in. Figures for half A (even lines: read errors there), half B, and the seeds with gold events (the pipeline's
entities, as the replays start from them).
With ``--spans``: the keys the suggested arguments' spans cost instead. A filler the rules suggest in the right role
over the gold argument (overlapping it, the scorer's "right") is accepted as it is when its span is the gold's, and
otherwise costs an edge key a word each of its edges moves to the gold's (Shift+Left/Right the start, Ctrl+Shift+
Left/Right the end: ``span_edge_keys``); the suggester's own spans, half A and half B.
Asserts nothing.

    python bench/noun_role_keys.py [--cache FILE.spacy] [--stored: only now and the stored heads the app offers]
                                   [--spans: the suggested fillers' edge keys]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, MODEL, SCHEMA, UNSCORED_ROLES, parse_cached, read_articles  # noqa: E402
from role_keys import MOST_KEYS, seed_rows  # noqa: E402

from annotator.find_words import find_stops  # noqa: E402
from annotator.keyflow import agent_order, role_candidates, source_order, within_line  # noqa: E402
from annotator.model import Entity  # noqa: E402
from annotator.nlp import noun_heads  # noqa: E402
from annotator.role_heads import cycle_with_heads, heads_for_role, heads_of_kind, heads_offered, noun_side  # noqa: E402
from annotator.schema import load_schema  # noqa: E402

DETERMINERS = {"DT", "PRP$", "WDT", "WP$", "PDT", "POS"}
FORMS = ("extent", "bare", "head", "stored")  # "stored": what pre-annotation stores and the app offers (round 26b)


def find_cost(text: str, span: tuple[int, int], here: int, words: int) -> int:
    """`Ctrl+F`, the cheapest prefix of the span's words whose match from ``here`` (wrapping) reaches its start, the
    role key in the bar (or Enter, F3 past each earlier match and the role key), Ctrl+Shift+Right a word past the
    first."""
    low, start, end = text.lower(), span[0], span[1]
    best = None
    for n in range(1, end - start + 1):
        p = low[start : start + n]
        at = [a for a, _ in find_stops(text, [(i, i + n) for i in range(len(low)) if low.startswith(p, i)])]
        order = [i for i in at if i >= here] + [i for i in at if i < here]
        if start not in order:
            continue
        hops = order.index(start)
        keys = 1 + n + (1 if hops == 0 else 2 + hops)
        best = keys if best is None else min(best, keys)
        if hops == 0:
            break
    return (best or 1 + (end - start) + 1) + max(0, words - 1)


def span_edge_keys(text: str, got: tuple[int, int], gold: tuple[int, int]) -> int:
    """The edge keys that make the span ``got`` the span ``gold``: a key a word each edge moves over."""
    return sum(len(text[min(a, b) : max(a, b)].split()) for a, b in ((got[0], gold[0]), (got[1], gold[1])))


def suggested_span_keys(rows: list[dict], docs: list, schema) -> dict:  # noqa: ANN001
    """By half (0: A, 1: B): the suggested fillers right in role over a gold argument, those whose span is the
    gold's, and the edge keys the others cost (``span_edge_keys``, to the nearest gold argument of the role)."""
    from events import TYPES, as_dicts, matched_gold, overlaps

    from annotator.nlp import pipeline_entities
    from annotator.suggest.event_rules import RuleEventSuggester

    suggester = RuleEventSuggester(schema)
    out = {h: {"right": 0, "exact": 0, "keys": 0} for h in (0, 1)}
    for k, (row, doc) in enumerate(zip(rows, docs)):
        gold = [g for g in row["events"] if g["type"] in TYPES]
        half = out[k % 2]
        suggestions = suggester.suggest(doc, pipeline_entities(doc))
        for s, j in zip(suggestions, matched_gold(gold, as_dicts(suggestions))):
            if j is None:
                continue
            for a in s.arguments:
                if a.role in UNSCORED_ROLES:
                    continue
                got = (a.start, a.end)
                spans = [tuple(b["span"]) for b in gold[j]["arguments"] if b["role"] == a.role]
                spans = [sp for sp in spans if overlaps(sp, got)]
                if not spans:
                    continue
                half["right"] += 1
                keys = min(span_edge_keys(row["text"], got, sp) for sp in spans)
                half["exact"] += keys == 0
                half["keys"] += keys
    return out


def phrases(doc, sent: tuple[int, int], form: str) -> list[tuple[int, int]]:  # noqa: ANN001
    """The noun phrases of the sentence ``sent`` in ``form`` (``FORMS``)."""
    out = []
    for ch in doc.noun_chunks:
        if not (sent[0] <= ch.start_char and ch.end_char <= sent[1]):
            continue
        if ch.root.pos_ == "PRON":
            continue  # he, they: no filler a person types (events-dev marks no pronoun)
        if form == "head":
            out.append((ch.root.idx, ch.root.idx + len(ch.root)))
        elif form == "bare":
            toks = [t for t in ch if t.tag_ not in DETERMINERS]
            if toks:
                out.append((toks[0].idx, toks[-1].idx + len(toks[-1])))
        else:
            out.append((ch.start_char, ch.end_char))
    return out


def run(  # noqa: C901
    rows: list[dict],
    docs: list,
    schema,  # noqa: ANN001
    entities: list | None,
    form: str | None,
    place: str,
    kinds: str = "",
) -> dict:
    """Keys of every gold argument (Time aside) by half: entity arguments at their rank, no-span ones by Find or, with
    ``form``, at their rank among the phrases put in the cycle at ``place``; ``kinds``: the stored heads offered to a
    role only when of a kind it takes (``role_heads.heads_of_kind``; "open": and those of no kind known among them;
    "last": those of no kind known after them, as the app offers them since session 34: ``heads_for_role``; "beside":
    and the one of the role's kind beside the trigger first of all, as the app since session 39:
    ``role_heads.cycle_with_heads``)."""
    labels = {lab.name for lab in schema.entities}
    out = {h: {"ent": 0, "ent_keys": 0, "none": 0, "none_keys": 0, "none_cycled": 0} for h in (0, 1)}
    for k, (row, doc) in enumerate(zip(rows, docs)):
        text = row["text"]
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if entities is None else entities[k]
        ents = [Entity(i, 0, s, e, lab, "suggested", "spacy", None) for i, (s, e, lab, *_) in enumerate(spans)]
        ents = [e for e in ents if e.label in labels]
        ent_spans = {(e.start, e.end) for e in ents}
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        half = out[k % 2 if entities is None else 0]
        for ev in row["events"]:
            if schema.event_type(ev["type"]) is None:
                continue
            etype = schema.event_type(ev["type"])
            trig = tuple(ev["trigger"])
            sent = next((s for s in sents if s[0] <= trig[0] < s[1]), (0, len(text)))
            sent = within_line(text, sent, trig[0])
            nps = []
            if form == "stored":  # nlp.noun_heads (no part of an entity) as role_heads.heads_offered orders them
                stored = noun_heads(doc, [(e.start, e.end, e.label) for e in ents])
                nps = heads_offered(stored, sent, trig, ent_spans)
            elif form is not None:
                nps = [sp for sp in phrases(doc, sent, form) if sp not in ent_spans and sp != trig]
            used: list[int] = []
            for role in etype.roles:
                if role.name in UNSCORED_ROLES:
                    continue
                golds = sorted(
                    (tuple(a["span"]) for a in ev["arguments"] if a["role"] == role.name),
                    key=lambda sp: abs(sp[0] - trig[0]),
                )
                for sp in golds:
                    source, agent = source_order(etype, role), agent_order(etype, role)
                    cands = [
                        (e.start, e.end)
                        for e in role_candidates(ents, role, trig, sent, used, used, text, source, agent)
                    ]
                    if kinds == "beside":  # the app since session 39: the noun beside the trigger first
                        heads = heads_for_role(nps, text, role.labels)
                        cands = cycle_with_heads(cands, cands, heads, sent, text, trig, noun_side(role))  # type: ignore[assignment]
                        offered = []
                    elif kinds == "last":
                        fit, unknown = heads_for_role(nps, text, role.labels)
                        offered = [*fit, *unknown]
                    else:
                        offered = heads_of_kind(nps, text, role.labels, kinds == "open") if kinds else nps
                    if offered:
                        cands = _with_phrases(cands, offered, sent, trig, place)
                    hit = [e for e in ents if (e.start, e.end) == sp and e.label in role.labels]
                    if hit:
                        rank = cands.index(sp) if sp in cands else MOST_KEYS - 1
                        half["ent"] += 1
                        half["ent_keys"] += min(rank + 1, MOST_KEYS)
                        used.append(hit[0].id)
                        continue
                    if sp in ent_spans:
                        continue  # a span of another label: the label key's, not counted here
                    words = len(text[sp[0] : sp[1]].split())
                    by_find = find_cost(text, sp, trig[0], words)
                    rank = cands.index(sp) if sp in cands else None
                    keys = rank + 1 if rank is not None and rank < 4 else by_find
                    half["none"] += 1
                    half["none_keys"] += keys
                    half["none_cycled"] += rank is not None and rank < 4
    return out


def _with_phrases(
    cands: list[tuple[int, int]], nps: list[tuple[int, int]], sent: tuple[int, int], trig: tuple[int, int], place: str
) -> list[tuple[int, int]]:
    """The entity candidates (``role_candidates``' order kept) with the sentence's phrases, nearest the trigger first:
    before the first candidate of another sentence ("after": after those of the trigger's sentence), or with the
    sentence's candidates by distance to the trigger ("mixed")."""
    near = sorted(nps, key=lambda sp: (abs(sp[0] - trig[0]), sp[0])) if place != "kept" else list(nps)
    k = next((i for i, c in enumerate(cands) if not (sent[0] <= c[0] and c[1] <= sent[1])), len(cands))
    if place in ("after", "kept"):  # "kept": the phrases in the order given, after the sentence's candidates
        return cands[:k] + near + cands[k:]
    return sorted(cands[:k] + near, key=lambda sp: abs(sp[0] - trig[0])) + cands[k:]


def line(name: str, r: dict) -> str:
    keys = r["ent_keys"] + r["none_keys"]
    return (
        f"{name:24} entity args {r['ent']} keys {r['ent_keys']}; no-span args {r['none']} keys {r['none_keys']} "
        f"(reached by the cycle {r['none_cycled']}); all {keys}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--stored", action="store_true", help="only now and the heads the app stores and offers")
    ap.add_argument("--spans", action="store_true", help="the edge keys of the suggested fillers' spans")
    args = ap.parse_args()
    rows = read_articles(DATA)
    schema = load_schema(SCHEMA)
    from annotator.nlp import load_pipeline

    nlp = load_pipeline(MODEL, events=True).nlp
    docs = parse_cached([r["text"] for r in rows], args.cache, nlp=nlp)
    if args.spans:
        for h, r in suggested_span_keys(rows, docs, schema).items():
            print(
                f"{'AB'[h]} suggested fillers right in role {r['right']}: the gold's span {r['exact']}, "
                f"{r['right'] - r['exact']} others cost {r['keys']} edge keys"
            )
        return
    seeds = seed_rows()
    seed_docs = parse_cached([r["text"] for r in seeds], None, nlp=nlp)
    plans = [("now (no phrase)", None, "after")] + [(f"{f}, {p}", f, p) for f in FORMS for p in ("after", "mixed")]
    if args.stored:
        plans = [("now (no phrase)", None, "after"), ("stored heads, after", "stored", "after")]
        plans += [
            ("stored, role's kinds", "stored", "after", "kinds"),
            ("stored, kinds or none", "stored", "after", "open"),
            ("stored, kinds, then none known", "stored", "kept", "last"),  # the app in sessions 34-38
            ("stored, and the noun beside first", "stored", "kept", "beside"),  # the app since session 39
        ]
    for name, form, place, *kinds in plans:
        dev = run(rows, docs, schema, None, form, place, *kinds)
        seed = run(seeds, seed_docs, schema, None, form, place, *kinds)
        print(line(f"A {name}", dev[0]))
        print(line(f"B {name}", dev[1]))
        print(line(f"seeds {name}", {k: seed[0][k] + seed[1][k] for k in seed[0]}))


if __name__ == "__main__":
    main()
