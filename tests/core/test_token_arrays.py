"""The tokens the rule suggester tries as triggers, read from arrays, are those a walk over ``doc.sents`` would try."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.nlp import load_pipeline
from annotator.schema import load_schema
from annotator.resources_path import resource_path
from annotator.suggest import token_arrays
from annotator.suggest.event_lexicon import token_forms
from annotator.suggest.event_rules import TRIGGER_POS, RuleEventSuggester
from annotator.suggest.token_arrays import FirstWords, proper_nouns, trigger_starts

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
