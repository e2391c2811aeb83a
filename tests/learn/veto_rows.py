"""Hand-made rows of one sentence for the benches that choose per (type, lemma) over the rules' suggestions
(bench/lexical_ceiling.py, bench/second_stage_cv.py): which words the gold marks and which the rules show."""

from __future__ import annotations

TEXT = "They met and talked and fled"
WORDS = [("They", "they", "PRON"), ("met", "meet", "VERB"), ("and", "and", "CCONJ"), ("talked", "talk", "VERB")]
WORDS += [("and", "and", "CCONJ"), ("fled", "flee", "VERB")]


def span(i: int) -> list[int]:
    start = sum(len(w) + 1 for w, _l, _p in WORDS[:i])
    return [start, start + len(WORDS[i][0])]


def row(gold: dict[int, str], shown: dict[int, str]) -> dict:
    """One article of the sentence: ``gold`` (word -> type) marked, the rules showing ``shown`` (word -> type)."""
    toks = []
    for i, (_word, lemma, pos) in enumerate(WORDS):
        shows = [{"type": shown[i], "trigger": span(i), "arguments": []}] if i in shown else []
        toks.append({"i": i, "idx": span(i)[0], "end": span(i)[1], "lemma": lemma, "pos": pos, "dep": "ROOT"})
        toks[-1].update({"head": i, "ent": None, "ent_span": None, "sent": 0, "shown": shows, "weak": []})
        toks[-1].update({"score": 0.5 if shows else 0.0, "above": bool(shows), "types": [shown[i]] if shows else []})
    events = [{"type": ty, "trigger": span(i), "arguments": []} for i, ty in gold.items()]
    return {"events": events, "toks": toks, "text": TEXT}
