"""One person, one label in a document: a name the NER reads as a person where it is given in full and as something
else where it comes again alone.

A news article names a person in full once ("Mustafa Badreddine", "Kem Ley", "Joe Biden") and by the surname after
that ("Badreddine", "Biden"); the small pipeline often labels the bare surname an ORG, a NORP or a GPE ("the attack
that killed Badreddine": ORG), so no role that takes a person (a Victim, an Attacker, an Entity) takes it. The
suggester reads such a mention as the person: its text is the whole of a name of two or more proper nouns the NER
labels PERSON in the same document, or that name's last word. A place label gives way only where the person's full
name comes more often than the place ("Biden" a GPE once, "Joe Biden" twice), so "India" of a misread "Narendra Modi
India" stays a place where the document names India as one more often. The stored entity takes the role's label when
an argument is made of it (``writer.held_for_arguments``), as any name an argument fills under another label.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
# labels of no person that the NER gives a surname: relabelled on the evidence of one full name
OTHER_LABELS = frozenset(("ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"))


def persons_named(doc: Any, entities: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``entities`` (start, end, label; code-point offsets into ``doc.text``) with each mention of a person named in
    full elsewhere in ``doc`` labelled PERSON (see the module's text); the others as they are, in the same order."""
    full_names: Counter[str] = Counter()  # a full name's text and its last word: the mentions that back them
    for start, end, label in entities:
        span = doc.char_span(start, end) if label == "PERSON" else None
        if span is None or len(span) < 2 or any(tok.pos_ != "PROPN" for tok in span):
            continue
        full_names[span.text] += 1
        full_names[span[-1].text] += 1
    if not full_names:
        return list(entities)
    places = Counter(doc.text[start:end] for start, end, label in entities if label in PLACE_LABELS)
    out = []
    for start, end, label in entities:
        backed = full_names.get(doc.text[start:end], 0)
        if backed and (label in OTHER_LABELS or label in PLACE_LABELS and backed > places[doc.text[start:end]]):
            label = "PERSON"
        out.append((start, end, label))
    return out
