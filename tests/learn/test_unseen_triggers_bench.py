"""bench/unseen_triggers.py on hand-made rows and a tiny WordNet folder (no parse, no WordNet install): the tokens
it looks at (verbs and nouns the rules do not show, of lemmas no training article marks), their parse frame, the
marked lemmas of the other articles, and how a token's senses meet the marked lemmas'."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("unseen_triggers_bench", ROOT / "bench" / "unseen_triggers.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


ATTACK = "Conflict:Attack"
# word, lemma, pos, dep, head, entity label
WORDS = [
    ("Rebels", "rebel", "NOUN", "nsubj", 1, "NORP"),
    ("pummeled", "pummel", "VERB", "ROOT", 1, None),
    ("Aleppo", "aleppo", "PROPN", "dobj", 1, "GPE"),
    ("and", "and", "CCONJ", "cc", 1, None),
    ("hit", "hit", "VERB", "conj", 1, None),
    ("in", "in", "ADP", "prep", 4, None),
    ("Idlib", "idlib", "PROPN", "pobj", 5, "GPE"),
]
TEXT = " ".join(w for w, *_ in WORDS)


def span(i: int) -> list[int]:
    start = sum(len(w) + 1 for w, *_ in WORDS[:i])
    return [start, start + len(WORDS[i][0])]


def row(gold: dict[int, str], shown: dict[int, str]) -> dict:
    toks = []
    for i, (_word, lemma, pos, dep, head, ent) in enumerate(WORDS):
        shows = [{"type": shown[i], "trigger": span(i), "arguments": []}] if i in shown else []
        toks.append({"i": i, "idx": span(i)[0], "end": span(i)[1], "lemma": lemma, "pos": pos, "dep": dep})
        toks[-1].update({"head": head, "ent": ent, "ent_span": [i, i + 1] if ent else None, "sent": 0})
        toks[-1].update({"shown": shows, "weak": [], "score": 0.5 if shows else 0.0})
    events = [{"type": ty, "trigger": span(i), "arguments": []} for i, ty in gold.items()]
    return {"events": events, "toks": toks, "text": TEXT}


def test_the_tokens_looked_at_are_the_unshown_verbs_and_nouns_of_lemmas_never_marked():
    bench = load_bench()
    article = row({1: ATTACK, 4: ATTACK}, shown={4: ATTACK})
    # 'hit' is shown by the rules; 'rebel' and 'pummel' are left, 'pummel' a gold trigger
    assert [t["lemma"] for t in bench.unseen_tokens(article, marked=set())] == ["rebel", "pummel"]
    assert [t["lemma"] for t in bench.unseen_tokens(article, marked={"pummel"})] == ["rebel"]
    assert bench.gold_type(article, article["toks"][1]) == ATTACK
    assert bench.gold_type(article, article["toks"][0]) is None


def test_the_parse_frame_names_the_childrens_and_the_prepositions_entity_labels():
    bench = load_bench()
    article = row({}, {})
    assert bench.frame_keys(article, article["toks"][1]) == [
        "VERB|ROOT",
        "VERB|ROOT|dobj:GPE+nsubj:NORP",
        "VERB|ROOT|dobj:GPE+nsubj:NORP|",
    ]
    assert bench.frame_keys(article, article["toks"][4])[-1] == "VERB|conj||prep:in:GPE"


def test_each_article_counts_with_the_marked_lemmas_of_the_others():
    bench = load_bench()
    first, second = row({1: ATTACK}, {}), row({4: ATTACK}, {})
    others = bench.leave_one_out([first, second])
    assert others[0] == Counter({(ATTACK, "hit"): 1})
    assert others[1] == Counter({(ATTACK, "pummel"): 1})
    kinds, total = bench.frame_counts([first], [set()])
    assert total == [1, 3]  # rebel, pummel (gold), hit
    assert kinds["VERB|ROOT"] == [1, 1]


def wordnet_folder(tmp_path: Path) -> Path:
    licence = "  1 This software and database is being provided to you\n"
    (tmp_path / "index.verb").write_text(
        licence
        + "hit v 1 1 @ 1 0 01400062  \n"
        + "pummel v 1 1 @ 1 0 01416038  \n"
        + "strike v 2 1 @ 2 0 01400062 01500000  \n"
        + "punch v 1 1 @ 1 0 01420000  \n"
    )
    (tmp_path / "data.verb").write_text(
        licence
        + "01300000 35 v 01 touch 0 000 | make contact\n"
        + "01400062 35 v 02 hit 0 strike 0 001 @ 01300000 v 0000 01 + 01 00 | deal a blow\n"
        + "01416038 35 v 01 pummel 0 001 @ 01400062 v 0000 01 + 09 00 | strike with the fist\n"
        + "01420000 35 v 01 punch 0 001 @ 01300000 v 0000 | strike with a fist\n"
        + "01500000 35 v 01 strike 0 000 | stop work\n"
    )
    (tmp_path / "index.noun").write_text(licence + "hit n 1 1 + 1 0 00972621  \n")
    (tmp_path / "data.noun").write_text(licence + "00972621 04 n 01 hit 0 001 + 01400062 v 0101 | a blow\n")
    return tmp_path


def test_a_tokens_senses_meet_the_marked_lemmas_as_synonym_hyponym_or_sibling(tmp_path):
    bench = load_bench()
    wn = bench.WordNet(wordnet_folder(tmp_path))
    assert wn.synsets("strike", "v", 1) == {"01400062v"}
    assert wn.synsets("hit", "n", 1) == {"00972621n", "01400062v"}  # the derivationally related verb too
    seeds = bench.seed_senses(wn, {"hit"}, 1)

    def rel(lemma: str, pos: str = "VERB") -> str | None:
        return bench.relation(wn, {"lemma": lemma, "pos": pos}, seeds, 1)

    assert rel("strike") == "syn"
    assert rel("pummel") == "hypo"  # a kind of hitting
    assert rel("punch") == "sib"  # both kinds of touching
    assert rel("meet") is None
    kinds = bench.sense_counts(wn, [row({1: ATTACK}, {})], [{ATTACK: {"hit"}}], [set()], 1)
    assert kinds[("hypo", ATTACK)] == [1, 1]
    assert kinds[("syn", ATTACK)] == [0, 1]  # 'hit' itself, not marked in this article


def load_frames():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("frame_triggers_bench", ROOT / "bench" / "frame_triggers_cv.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


def test_a_weaker_match_is_added_by_its_frame_where_the_training_articles_mark_that_frame():
    frames = load_frames()
    article = row({1: ATTACK}, {})
    weak = {"type": ATTACK, "trigger": span(1), "arguments": [{"role": "Target", "span": span(2)}]}
    article["toks"][1]["weak"] = [weak]
    assert frames.weak_chain(article, article["toks"][1], weak) == [
        ATTACK,
        f"{ATTACK}|Target",
        f"{ATTACK}|Target|VERB|ROOT|dobj:GPE+nsubj:NORP",
        f"{ATTACK}|Target|VERB|ROOT|dobj:GPE+nsubj:NORP|",
    ]
    counts = frames.fit_weak([article, article])
    assert frames.predict_weak(article, counts, (1, 0.5)) == [weak]
    unmarked = row({}, {})
    unmarked["toks"][1]["weak"] = [weak]
    assert frames.predict_weak(article, frames.fit_weak([unmarked, unmarked]), (1, 0.5)) == []
    assert frames.frame_chain(article, article["toks"][4], weak)[-1] == f"{ATTACK}|VERB|conj||prep:in:GPE"
