"""Which span a candidate argument token stands for: its entity, a noun with its compounds, the name a pronoun or a
description refers to in its sentence ("the man who attacked", "a commander, Burhan Wani"), "hundreds of migrants",
"the city of Adana"."""

from __future__ import annotations

from typing import Any, Sequence

from annotator.suggest.noun_classes import agrees, guess_label, lemma_of
from annotator.suggest.token_arrays import proper_nouns
from annotator.suggest.shared_parts import of_objects

PLACE_LABELS = ("GPE", "LOC", "FAC")
WH = {"who", "that", "which", "whom"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
NOMINAL = ("nsubj", "nsubjpass", "dobj", "pobj")


def resolve(tok: Any, ents: dict[int, tuple[int, int, str]]) -> Any | None:
    """The token a pronoun or a description stands for in its sentence, or None: a relative pronoun is the noun its
    clause modifies ("the man who attacked"); he/she/him/her/his the subject of the clause it is in when that is a
    person named or described before it ("Grossu was escorted by an officer after his arrest": Grossu), else the
    nearest such person before it in the sentence; a common noun with a name in apposition is the name ("a
    commander, Burhan Wani"). Other tokens stand for themselves."""
    low = tok.lower_
    if low in WH and tok.head.dep_ in ("relcl", "acl") and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        tok = tok.head.head
    elif low == "whose":  # "a boy whose death": the noun the clause modifies
        clause = next((t for t in tok.ancestors if t.dep_ == "relcl"), None)
        if clause is None:
            return None
        tok = clause.head
    if tok.pos_ == "NOUN" and tok.i not in ents:
        return _named(tok, ents)
    if tok.dep_ == "attr" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        # "Hunter is a former Marine who visited": a description said of a name (the NER's "Marine" an ORG) is it
        return _subject_named(tok, ents) or tok
    if low in ("its", "their") and tok.dep_ == "poss":
        return _owner(tok, ents)
    if low not in PERSON_PRONOUNS:
        return tok
    # the subject of a clause the pronoun is in comes first ("Grossu is escorted by an officer after his arrest":
    # Grossu, not the officer), then the nearest person before it
    clause = next((v for v in tok.ancestors if v.pos_ in ("VERB", "AUX") and v.dep_ != "prep"), None)
    subjects = [] if clause is None else [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    before = reversed(tok.doc[tok.sent.start : tok.i])
    for t in [c for c in subjects if c.i < tok.i] + list(before):
        if t.i in ents:
            if ents[t.i][2] == "PERSON" or ents[t.i][2] == "NORP" and t.dep_ in NOMINAL:
                return t  # a person named, or one told by nationality ("the Palestinian stabbed two officers")
        elif t.tag_ == "NN" and guess_label(t) == "PERSON" and agrees(low, t):  # "the aunt of a boy ... she"
            return _named(t, ents)
    return None


def _owner(tok: Any, ents: dict[int, tuple[int, int, str]]) -> Any | None:
    """The one "its" or "their" in front of a noun stands for: the subject of the clause above it, told before it
    ("Iran and the United States cooperated in their fight": Iran, the first of coordinated ones; "the army pressed
    on with its offensive"), a name or, for "their", a plural noun of a guessed label ("the rebels resumed their
    attacks"); else None."""
    clause = next((v for v in tok.ancestors if v.pos_ in ("VERB", "AUX")), None)
    while clause is not None:
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
        if subjects:
            subj = subjects[0]
            if subj.i in ents and ents[subj.i][2] in NAME_LABELS:
                return subj
            if tok.lower_ == "their" and subj.tag_ == "NNS" and guess_label(subj) is not None:
                return subj
            return None
        if clause.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep") or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def _named(noun: Any, ents: dict[int, tuple[int, int, str]]) -> Any:
    """The name a description is given in the sentence: in apposition ("the group's leader, Ahmed Ali"), or as the
    subject it is said of ("Hunter is a former Marine who visited ...", "Mughniyah, who was a commander until he
    was killed"); else the description itself."""
    named = [c for c in noun.children if c.dep_ == "appos" and c.i in ents and ents[c.i][2] in NAME_LABELS]
    if named:
        return named[0]
    # "nationalists such as Chea Vichea and Chut Wutty": the names given as instances of it; of several the last, as
    # for coordinated fillers (the data marks one, the later more often)
    instances = [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "as" and any(a.lower_ == "such" for a in c.children)
        for g in c.children
        if g.dep_ == "pobj" and g.i in ents and ents[g.i][2] in NAME_LABELS
    ]
    if instances and guess_label(noun) not in PLACE_LABELS:
        last = instances[0]
        while (nxt := [c for c in last.children if c.dep_ == "conj" and c.i in ents]) != []:
            last = nxt[0]
        return last
    return _subject_named(noun, ents) or noun


def _subject_named(noun: Any, ents: dict[int, tuple[int, int, str]]) -> Any | None:
    """The name a description after "is" is said of ("Mughniyah, who was a commander"), or None."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in WH and subj.head.dep_ == "relcl":
        subj = subj.head.head
    if subj is not None and subj.i in ents and ents[subj.i][2] in NAME_LABELS:
        return subj
    return None


QUANTITY_HEADS = {
    "hundred",
    "thousand",
    "million",
    "dozen",
    "score",
    "number",
    "some",
    "many",
    "most",
    "all",
    "one",
    "two",
    "three",
    "four",
    "five",
    "several",
    "few",
    "group",
    "handful",
    "majority",
    "none",
    "barrage",
    "volley",
    "salvo",
    "body",
    "remains",
    "round",
    "rest",  # "the rest of her family": the rest are family members
}


def span_of(tok: Any, ents: dict[int, tuple[int, int, str]]) -> tuple[int, int, str | None] | None:
    """The span a candidate argument covers: its entity, or the noun with its compounds where one names a body or
    a nationality is said of them ("army base", "a Nigerian refugee camp"), else its head ("suicide bombers":
    "bombers", "police officers": "officers", ``_compounds_kept``);
    for "hundreds of migrants", "some of the attackers", "a barrage of missiles", "the body of a child", the noun
    after "of" (through a chain of them: "millions of rounds of ammunition")."""
    of = of_objects(tok)
    if of and (tok.i not in ents or ents[tok.i][2] in ("CARDINAL", "QUANTITY")) and lemma_of(tok) in QUANTITY_HEADS:
        tok = of[0]
        while tok.i not in ents and lemma_of(tok) in QUANTITY_HEADS:  # "millions of rounds of ammunition"
            nxt = of_objects(tok)
            if not nxt:
                break
            tok = nxt[0]
    elif tok.i not in ents and (kind := guess_label(tok)) in PLACE_LABELS:
        named = _place_name(tok, of, ents, kind)
        if named is not None:
            return named
    if tok.is_punct or tok.pos_ in ("PRON", "DET", "NUM", "ADP") and tok.i not in ents:
        return None
    if tok.i in ents:
        s, e, label = ents[tok.i]
        return s, e, _head_kind(tok, s, e) or label
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    if tok.pos_ == "PROPN" and (cut := _name_cut_short(tok, ents)) is not None:
        return cut
    first = tok
    for c in tok.lefts:
        if c.dep_ == "compound" and c.i == first.i - 1 and c.i not in ents:
            first = c
    while (
        first.i > tok.i - 4
        and first.i > 0
        and first.doc[first.i - 1].dep_ == "compound"
        and first.doc[first.i - 1].head.i in (tok.i, first.i)
        and first.i - 1 not in ents
    ):
        first = first.doc[first.i - 1]
    if (
        tok.pos_ == "NOUN"
        and first.i < tok.i
        and guess_label(tok) is not None
        and not _compounds_kept(tok, first, ents)
    ):
        first = tok  # "suicide bombers", "a coffee shop": an entity mention's head ("drug trafficking" no mention)
    start = first.idx
    if first.i > 0 and (prev := first.doc[first.i - 1]).head.i == tok.i and prev.dep_ in ("amod", "compound"):
        if prev.i in ents and ents[prev.i][2] == "NORP" and ents[prev.i][1] <= start and _nationality_kept(tok, first):
            start = ents[prev.i][0]  # "Italian authorities", "Spanish police officers": whose body it is
    return start, tok.idx + len(tok.text), guess_label(tok)


def _compounds_kept(tok: Any, first: Any, ents: dict[int, tuple[int, int, str]]) -> bool:
    """Whether the common nouns ``first`` .. before ``tok`` in front of it stay in its span: one of them names a
    body ("army base", "regime forces": the body is the one who acts or owns, and is marked as often) and ``tok`` is
    no plural of people ("police officers", "opposition politicians": the people, whose head the data marks 13 times
    of 15; the singular "an armed police officer" is its "police" as often as its "officer"), or a
    nationality said of the head stands in front of them ("a Nigerian refugee camp", "Spanish police officers": the
    phrase the nationality is of, kept whole with it); else the head noun alone is the span ("suicide bombers",
    "a coffee shop", "cruise missiles": a mention's head, as the data and ACE mark it; the caller asks only of a noun
    that names a kind of entity, "drug trafficking" being none and kept whole)."""
    doc = tok.doc
    people_of_a_body = tok.tag_ == "NNS" and guess_label(tok) == "PERSON"  # "police officers": the data's "officers"
    if not people_of_a_body and any(guess_label(doc[i]) == "ORG" for i in range(first.i, tok.i)):
        return True
    if first.i == 0:
        return False
    prev = doc[first.i - 1]
    return prev.head.i == tok.i and prev.i in ents and ents[prev.i][2] == "NORP"


def _nationality_kept(tok: Any, first: Any) -> bool:
    """Whether a nationality right in front of the noun ``first`` .. ``tok`` is part of its span: where the noun names
    a body ("Italian authorities": the data marks the nationality as often as the noun, the body being the country's)
    or has nouns in front kept (``_compounds_kept``: "a Nigerian refugee camp"); not for a person, a place or a thing
    ("Iranian protesters", "the Saudi embassy", "Russian warplanes": the head, as the data marks it every time)."""
    return first.i < tok.i or guess_label(tok) == "ORG"


def _head_kind(tok: Any, start: int, end: int) -> str | None:
    """The kind of a name the NER ran into the common noun it is said of, told by that noun ("coast guard vessels"
    its ORG, vessels; "Hezbollah fighters", people), or None: the noun heads the phrase (ACE: a mention's head
    tells its type)."""
    if tok.pos_ != "NOUN" or not tok.is_lower or tok.idx + len(tok.text) != end or tok.idx == start:
        return None
    return guess_label(tok)


def _name_cut_short(tok: Any, ents: dict[int, tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """A person's name the NER cut short: a proper noun of no entity whose names in front of it, hung on it, begin
    with a person's ("goalkeeper Marcos Danilo Padilha", the NER's PERSON "Marcos"): the whole name, or None."""
    i = tok.i
    while i > 0 and (prev := tok.doc[i - 1]).pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == tok.i:
        i -= 1
        if i in ents:
            s, _, label = ents[i]
            return (s, tok.idx + len(tok.text), "PERSON") if label == "PERSON" else None
    return None


def _place_name(
    tok: Any, of: list[Any], ents: dict[int, tuple[int, int, str]], kind: str
) -> tuple[int, int, str] | None:
    """The name a place noun stands for: a place name in front of it ("the Mosul area", "the Nad Ali district of
    Helmand"), else the name after "of" ("the city of Adana"; "the island of Kos" is a place whatever label the NER
    gave the name, and an area or a town is not a facility). A region in front of a country, a city or an island
    with its name after "of" tells where that lies, the name after "of" names it ("the Pacific nation of Fiji", "the
    Mediterranean island of Lampedusa"; "the Anbar province of Iraq": a country's or a city's name in front is its
    own)."""
    # a name after "of" ("the island of Kos" is a place whatever label the NER gave the name)
    named_of = (
        bool(of)
        and of[0].i in ents
        and (ents[of[0].i][2] in PLACE_LABELS or of[0].pos_ == "PROPN" and ents[of[0].i][2] in NAME_LABELS)
    )
    for c in tok.lefts:
        if c.dep_ != "compound" or c.i not in ents:
            continue
        label = ents[c.i][2]
        if label == "LOC" and named_of and kind in ("GPE", "LOC"):
            continue  # "the Pacific nation of Fiji": where the nation lies; "of Fiji" names it
        if kind in ("GPE", "LOC") and label in PLACE_LABELS:
            return ents[c.i]
        if kind == "FAC" and label in ("FAC", "ORG"):  # "the Pulse nightclub": its name (not "the Damascus airport")
            return ents[c.i][0], ents[c.i][1], "FAC"
        if label == "PERSON" and c.pos_ == "PROPN":  # "Nad Ali district", "Wat Chak pagoda": no person, the name
            return ents[c.i][0], ents[c.i][1], kind
    if of and of[0].i in ents:
        s, e, label = ents[of[0].i]
        if label in PLACE_LABELS:
            return s, e, label
        if of[0].pos_ == "PROPN" and kind in ("GPE", "LOC") and label in NAME_LABELS:
            return s, e, kind
    for c in tok.lefts:  # "Kurdish towns", "a Nigerian refugee camp": with no name of its own, the nationality names
        # the place
        if c.dep_ in ("amod", "compound") and c.i in ents and ents[c.i][2] == "NORP" and kind in ("GPE", "LOC"):
            return ents[c.i][0], ents[c.i][1], kind
    return None


def entity_index(doc: Any, entities: Sequence[tuple[int, int, str]]) -> dict[int, tuple[int, int, str]]:
    """Token index -> the entity (start, end, label) covering it, with the label its name has in the document.

    A name takes the label it has most often in the document ("Trump" read as a place once among many times as a
    person; a full name counts for its surname: "Van Dyke" after "Jason Van Dyke"), and a proper noun the NER left
    unlabelled takes its name's label ("the Putin-Modi summit" after "President Vladimir Putin").
    """
    votes: dict[str, dict[str, int]] = {}  # name -> label -> mentions, labels in the order first read
    spans = []
    for s, e, label in entities:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        name = span.text.lower()
        spans.append((span, s, e, label, name))
        count = votes.setdefault(name, {})
        count[label] = count.get(label, 0) + 1
        if label == "PERSON":  # "Van Dyke" and "Dyke" after "Jason Van Dyke"
            for k in range(len(span) - 1, 0, -1):
                if span[k].pos_ != "PROPN":
                    break
                count = votes.setdefault(span[k:].text.lower(), {})
                count[label] = count.get(label, 0) + 1
    names = {name: max(count, key=count.__getitem__) for name, count in votes.items()}  # a tie: the first read
    out: dict[int, tuple[int, int, str]] = {}
    for span, s, e, label, name in spans:
        count = votes[name]
        if count[names[name]] > count[label]:
            label = names[name]
        elif label == "NORP" and (place := _place_reading(count)) is not None:
            label = place
        for i in range(span.start, span.end):
            out[i] = (s, e, label)
    for i in proper_nouns(doc):
        if i not in out and (t := doc[i]).lower_ in names:
            out[i] = (t.idx, t.idx + len(t.text), names[t.lower_])
    _conjuncts_alike(doc, out, votes)
    return out


def _conjuncts_alike(doc: Any, out: dict[int, tuple[int, int, str]], votes: dict[str, dict[str, int]]) -> None:
    """Names coordinated with "and"/"or" are of one kind: a later conjunct the NER read as another kind of name than
    the first ("officers Serdar Kazar and Isa Ipek": a GPE; "in Nigeria and Cameroon": an ORG) takes the first's
    label, unless its name is read so more than once in the document."""
    for i, (s, e, label) in list(out.items()):
        tok = doc[i]
        if tok.dep_ != "conj" or tok.pos_ != "PROPN" or label not in NAME_LABELS:
            continue
        first = tok.head
        if first.pos_ != "PROPN" or first.i not in out or not any(c.dep_ == "cc" for c in first.children):
            continue
        first_label = out[first.i][2]
        if first_label == label or first_label not in NAME_LABELS:
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        # the name's text from its own words: doc.text is the whole article joined anew at each read
        name = doc.text[s:e] if span is None else span.text[s - span.start_char : e - span.start_char]
        if votes.get(name.lower(), {}).get(label, 0) > 1:
            continue  # read so elsewhere too: the NER's reading stands
        for j in range(span.start, span.end) if span is not None else ():
            out[j] = (s, e, first_label)


def _place_reading(count: dict[str, int]) -> str | None:
    """The place label a name read as a nationality as often as a place has: "Mombasa" read twice GPE and twice NORP
    ("the Mombasa attack") is the city; a nationality or a group has a word of its own ("Kenyan"), never a place's
    name."""
    place = max((lab for lab in ("GPE", "LOC") if lab in count), key=count.__getitem__, default=None)
    if place is None or count[place] < count["NORP"]:
        return None
    return place
