"""One person, one label in a document: a surname the NER labels an organisation, a nationality or a place where the
document names that person in full as a PERSON is the person (``persons_named``), applied where pre-annotation's
entities are made (``nlp.pipeline_entities``), so the entity suggestions, the event suggester and the role keys read
one label. A rule of the entity layer: spaCy's English labels, no word of any text."""

from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

# labels of no person that the NER gives a surname: relabelled on the evidence of one full name
_NO_PERSON_LABELS = frozenset(("ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"))
# spaCy's labels of places: a surname read as one gives way only where the full name outnumbers the place
_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))


def persons_named(doc: Any, entities: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``entities`` (start, end, label; code-point offsets into ``doc.text``) with each mention of a person named in
    full elsewhere in ``doc`` labelled PERSON, the others as they are, in the same order. An article names a person in
    full once ("Mustafa Badreddine", "Kem Ley", "Joe Biden") and by the surname after that; the small pipeline often
    labels the bare surname an ORG, a NORP or a GPE ("the attack that killed Badreddine": ORG), so no role that takes a
    person took it, and the suggester's vote of a name's label (``arg_spans.entity_index``) keeps the NER's where it is
    the more frequent ("Trump" an ORG more often than "Donald Trump" a PERSON). A mention is the person where its text
    is the whole of a name of two or more proper nouns the NER labels PERSON, or that name's last word; a place label
    gives way only where such names outnumber the place's mentions ("Biden" a GPE once, "Joe Biden" twice; "India" a
    GPE four times stays, against a misread "Narendra Modi India"). Without a tagger (entities alone) no word is a
    proper noun, so nothing changes."""
    if not any(label == "PERSON" for _, _, label in entities):
        return list(entities)
    text = doc.text  # read once: spaCy's Doc.text joins every token's text again at each read
    full_names: Counter[str] = Counter()  # a full name's text and its last word: the mentions that back them
    for start, end, label in entities:
        span = doc.char_span(start, end) if label == "PERSON" else None
        if span is None or len(span) < 2 or any(tok.pos_ != "PROPN" for tok in span):
            continue
        full_names[text[start:end]] += 1
        full_names[span[-1].text] += 1
    if not full_names:
        return list(entities)
    places = Counter(text[start:end] for start, end, label in entities if label in _PLACE_LABELS)
    out = []
    for start, end, label in entities:
        backed = full_names.get(text[start:end], 0)
        if backed and (label in _NO_PERSON_LABELS or label in _PLACE_LABELS and backed > places[text[start:end]]):
            label = "PERSON"
        out.append((start, end, label))
    return out
