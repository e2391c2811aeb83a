"""bench/filler_chooser_cv.py on hand-made rows (no parse): the filler chooser of session 37 replaces the rules'
filler of a role by another candidate of the sentence only where the training articles' counts say the candidate
is kept more often than the rules' filler."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("filler_chooser_bench", ROOT / "bench" / "filler_chooser_cv.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


ARREST = "Justice:Arrest-Jail"
# word, lemma, pos, dep, head, entity label
WORDS = [
    ("Police", "police", "NOUN", "nsubj", 1, None),
    ("arrested", "arrest", "VERB", "ROOT", 1, None),
    ("protesters", "protester", "NOUN", "dobj", 1, None),
    ("in", "in", "ADP", "prep", 1, None),
    ("Paris", "paris", "PROPN", "pobj", 3, "GPE"),
]
TEXT = " ".join(w for w, *_ in WORDS)


def span(i: int) -> list[int]:
    start = sum(len(w) + 1 for w, *_ in WORDS[:i])
    return [start, start + len(WORDS[i][0])]


def row(rules_person: int, gold_person: int) -> dict:
    """The sentence, the rules showing an arrest on 'arrested' with ``rules_person`` as its Person and 'Paris' as
    its Place; the gold arrest's Person ``gold_person`` and Place 'Paris'."""
    args = [{"role": "Person", "span": span(rules_person)}, {"role": "Place", "span": span(4)}]
    shown = [{"type": ARREST, "trigger": span(1), "arguments": args}]
    toks = []
    for i, (_word, lemma, pos, dep, head, ent) in enumerate(WORDS):
        toks.append({"i": i, "idx": span(i)[0], "end": span(i)[1], "lemma": lemma, "pos": pos, "dep": dep})
        toks[-1].update({"head": head, "ent": ent, "ent_span": [i, i + 1] if ent else None, "sent": 0})
        toks[-1].update({"shown": shown if i == 1 else [], "weak": [], "score": 0.6 if i == 1 else 0.0})
    gold_args = [{"role": "Person", "span": span(gold_person)}, {"role": "Place", "span": span(4)}]
    return {"events": [{"type": ARREST, "trigger": span(1), "arguments": gold_args}], "toks": toks, "text": TEXT}


def person_of(predicted: list[dict]) -> list[int]:
    return next(a["span"] for a in predicted[0]["arguments"] if a["role"] == "Person")


def test_the_chooser_takes_the_candidate_the_training_articles_keep_over_the_rules_filler():
    bench = load_bench()
    # the rules always fill Person with the subject, the annotators always mark the object
    train = [row(rules_person=0, gold_person=2) for _ in range(4)]
    counts = bench.fit(train)
    predicted = bench.predict(row(rules_person=0, gold_person=2), counts, (2, 0.3, 0.1))
    assert person_of(predicted) == span(2)
    assert [a["span"] for a in predicted[0]["arguments"] if a["role"] == "Place"] == [span(4)]  # kept: it is right


def test_the_chooser_keeps_the_rules_filler_the_training_articles_keep():
    bench = load_bench()
    train = [row(rules_person=2, gold_person=2) for _ in range(4)]
    counts = bench.fit(train)
    assert person_of(bench.predict(row(rules_person=2, gold_person=2), counts, (2, 0.1, 0.0))) == span(2)
    # a cut above every candidate's rate keeps the rules' filler even where it is wrong
    counts = bench.fit([row(rules_person=0, gold_person=2) for _ in range(4)])
    assert person_of(bench.predict(row(rules_person=0, gold_person=2), counts, (2, 0.99, 0.0))) == span(0)
