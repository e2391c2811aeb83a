"""The tokens the rule suggester tries as triggers, read from arrays, are those a walk over ``doc.sents`` would try;
the nouns a document uses of a person, read from arrays, are those a walk over its tokens finds."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from annotator.nlp import load_pipeline
from annotator.schema import load_schema
from annotator.resources_path import resource_path
from annotator.suggest import token_arrays
from annotator.suggest.event_lexicon import token_forms
from annotator.suggest.event_rules import TRIGGER_POS, RuleEventSuggester
from annotator.suggest.token_arrays import FirstWords, person_noun_lemmas, proper_nouns, trigger_starts

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
ODD = [
    "",
    "Attack.",  # one token, one sentence
    "\n\nTalks were held.  \n\nThey met again and again; the war went on.\n",  # spaces and line breaks as tokens
    "Rebels attacked the town. Police arrested 12 protesters in Paris on Monday. The meeting ended.",
]


def test_attribute_ids_are_spacys():
    from spacy import attrs

    assert (token_arrays.LOWER, token_arrays.LEMMA, token_arrays.POS, token_arrays.SENT_START) == (
        attrs.LOWER,
        attrs.LEMMA,
        attrs.POS,
        attrs.SENT_START,
    )
    assert (token_arrays.DEP, token_arrays.ENT_TYPE, token_arrays.HEAD) == (attrs.DEP, attrs.ENT_TYPE, attrs.HEAD)


@pytest.mark.slow
def test_trigger_starts_are_the_walk_over_sentences():
    pipe = load_pipeline(events=True)
    lexicon = RuleEventSuggester(load_schema(resource_path("schemas/news.toml"))).lexicon
    first = FirstWords(lexicon.by_first)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + ODD
    tried = 0
    for doc in pipe.docs(texts, batch_size=4):
        skip = {i for e in doc.ents for i in range(e.start, e.end)}
        walk = [
            (tok.i, sent.start, sent.end)
            for sent in doc.sents
            for tok in sent
            if tok.pos_ in TRIGGER_POS and tok.i not in skip and any(f in lexicon.by_first for f in token_forms(tok))
        ]
        found = [(tok.i, sent.start, sent.end) for tok, sent in trigger_starts(doc, first, TRIGGER_POS, skip)]
        assert found == walk
        assert proper_nouns(doc) == [t.i for t in doc if t.pos_ == "PROPN"]
        tried += len(found)
    assert tried > 50  # the seeds hold many trigger words


WHO = ("who", "whom", "whose")
PERSON_NOUNS = [
    "Striker John Smith scored twice. The striker, John Smith, left early.",
    "The coach who lost the final was fired. Mary Jones, the coach, said nothing.",
    "The company that lost the case appealed. Officials met on Monday.",  # no person: nothing read
]


def _walked(doc) -> frozenset[str]:  # noqa: ANN001 - the token walk the arrays replace (session 35's)
    def used_of_person(t) -> bool:  # noqa: ANN001
        if t.ent_type_ == "PERSON":
            return False
        return (
            (t.dep_ == "compound" and t.head.ent_type_ == "PERSON")
            or (t.dep_ == "appos" and t.head.ent_type_ == "PERSON")
            or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children)
            or any(c.dep_ == "relcl" and any(g.lower_ in WHO for g in c.children) for c in t.children)
        )

    return frozenset(t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN") and used_of_person(t))


@pytest.mark.slow
def test_person_nouns_are_the_walk_over_tokens():
    pipe = load_pipeline(events=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + ODD + PERSON_NOUNS
    found = 0
    for doc in pipe.docs(texts, batch_size=4):
        assert person_noun_lemmas(doc, WHO) == _walked(doc), doc.text[:60]
        found += len(_walked(doc))
    assert found > 5  # the seeds and the made-up sentences use such nouns


QUOTED = [
    'Protesters chanted "16 shots" outside. He said "we will not stop the march until the end" on Monday.',
    '"Attack" was the word. They called it "an extrajudicial murder" and left "the town',  # a mark left open
    "No marks here, (none) at all: just words.",
    '"" "a" " , " "b c d e"',  # empty, one word, only punctuation, four words
    "",
]


def _walked_quote(tok, sent) -> int | None:  # noqa: ANN001 - the walk QuoteMarks replaces (session 35's)
    left = next((t for t in reversed(sent[: tok.i - sent.start]) if t.is_quote), None)
    right = next((t for t in sent[tok.i - sent.start + 1 :] if t.is_quote), None)
    if left is None or right is None:
        return None
    return len([t for t in tok.doc[left.i + 1 : right.i] if not t.is_punct])


def test_quote_marks_are_the_walk_over_the_sentence():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    seen = set()
    for text in QUOTED:
        doc = nlp(text)
        marks = token_arrays.QuoteMarks(doc)
        for cut in (len(doc), len(doc) // 2):  # the whole as one sentence, and two halves
            for sent in (doc[:cut], doc[cut:]):
                for tok in sent:
                    got = marks.words_quoted(tok.i, sent.start, sent.end)
                    assert got == _walked_quote(tok, sent), (text, tok.i, sent.start)
                    seen.add(got)
    assert {None, 0, 1, 2, 4} <= seen


def test_lower_forms_are_the_words_lowercased_read_once():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    doc = nlp("They March every Sunday, as USUAL.")
    assert token_arrays.lower_forms(doc) == {t.lower_ for t in doc}
    assert token_arrays.lower_forms(doc) is token_arrays.lower_forms(doc)  # kept for the Doc
    assert token_arrays.lower_forms(nlp("")) == frozenset()


def test_a_dates_length_is_told_once_per_span(monkeypatch):
    from annotator.suggest import time_spans

    spacy = pytest.importorskip("spacy")
    doc = spacy.blank("en")("The trial lasted two years and ended on Monday.")
    asked: list[tuple[int, int]] = []
    told = time_spans._is_duration

    def counted(d, start: int, end: int) -> bool:  # noqa: ANN001
        asked.append((start, end))
        return told(d, start, end)

    monkeypatch.setattr(time_spans, "_is_duration", counted)
    years, monday = (17, 26), (40, 46)
    assert [time_spans.is_duration(doc, *years) for _ in range(3)] == [True] * 3
    assert [time_spans.is_duration(doc, *monday) for _ in range(2)] == [False] * 2
    assert asked == [years, monday]


def _opens_clause(tok) -> bool:  # noqa: ANN001 - the test the walk up the clause asked of each token (session 36's)
    from annotator.suggest.event_context import OPEN_MARKS, WH_DEPS, WH_WORDS

    kids = list(tok.children)
    return any(c.dep_ == "mark" and c.lower_ in OPEN_MARKS for c in kids) or (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        and any(c.lower_ in WH_WORDS and c.i < tok.i and c.dep_ in WH_DEPS for c in kids)
    )


@functools.cache
def _blank_vocab():  # noqa: ANN202 - one blank pipeline's vocabulary for the random trees (a pipeline each is slow)
    return pytest.importorskip("spacy").blank("en").vocab


def _random_tree(rng, words: list[str], deps: list[str]):  # noqa: ANN001, ANN202 - a Doc of random words and arcs
    from spacy.tokens import Doc

    order = list(range(len(words)))
    rng.shuffle(order)
    heads = [0] * len(words)
    for k, i in enumerate(order):  # the first in the order is the root; each other hangs from one before it
        heads[i] = i if k == 0 else order[rng.randrange(k)]
    labels = ["ROOT" if heads[i] == i else rng.choice(deps) for i in range(len(words))]
    return Doc(_blank_vocab(), words=words, heads=heads, deps=labels)


def test_open_clause_heads_are_the_tokens_the_walk_finds():
    import random

    from annotator.suggest.event_context import OPEN_MARKS, WH_DEPS, WH_WORDS

    rng = random.Random(37)
    words = ["if", "Whether", "lest", "how", "WHAT", "who", "to", "To", "attack", "talks", "that", "so"]
    deps = ["mark", "aux", "advmod", "dobj", "nsubj", "pobj", "attr", "relcl", "conj", "prep"]
    found = 0
    for _ in range(400):
        doc = _random_tree(rng, [rng.choice(words) for _ in range(rng.randrange(1, 12))], deps)
        heads = token_arrays.open_clause_heads(doc, OPEN_MARKS, WH_WORDS, WH_DEPS)
        assert heads == {t.i for t in doc if _opens_clause(t)}, [(t.text, t.head.i, t.dep_) for t in doc]
        assert token_arrays.open_clause_heads(doc, OPEN_MARKS, WH_WORDS, WH_DEPS) is heads  # kept for the Doc
        found += len(heads)
    assert found > 40  # markers' heads and wh-infinitives (55 with this seed)
    plain = _random_tree(rng, ["talks", "to", "attack", "that"], deps)  # none of the words: nothing read
    assert token_arrays.open_clause_heads(plain, OPEN_MARKS, WH_WORDS, WH_DEPS) == frozenset()


@pytest.mark.slow
def test_open_clause_heads_of_parsed_texts_are_the_walks():
    from annotator.suggest.event_context import OPEN_MARKS, WH_DEPS, WH_WORDS

    pipe = load_pipeline(events=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + ODD + OPEN_CLAUSES
    found = 0
    for doc in pipe.docs(texts, batch_size=4):
        heads = token_arrays.open_clause_heads(doc, OPEN_MARKS, WH_WORDS, WH_DEPS)
        assert heads == {t.i for t in doc if _opens_clause(t)}, doc.text[:60]
        found += len(heads)
    assert found >= len(OPEN_CLAUSES)


OPEN_CLAUSES = [
    "The probe would determine whether an airstrike had caused the blast.",
    "They will strike unless ministers attend a session.",
    "The focus was how to combat IS, and they decided what to do next.",
    "If the talks fail, the rebels will attack lest the army arrive first.",
]
