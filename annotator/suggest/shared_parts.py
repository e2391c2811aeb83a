"""Who takes part as a token does: the nouns coordinated with it ("Odessa and Mariupol"), the one "along with" or
"together with" it ("was arrested along with his partner"), the subject a chain of clauses shares ("arrived to take
them to jail"), the nouns of its "of" phrase ("the city of Adana")."""

from __future__ import annotations

from typing import Any


def conjuncts(tok: Any) -> list[Any]:
    """The nouns coordinated with ``tok``, in order ("Odessa and Mariupol", "A, B and C": C hangs on B)."""
    out = []
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            out += [c, *conjuncts(c)]
    return out


def of_objects(tok: Any) -> list[Any]:
    """The nouns of ``tok``'s own "of" phrase ("hundreds of migrants", "the city of Adana", "parts of Ukraine"), in
    order; none when it has none."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def first_conjunct(tok: Any) -> Any:
    """The first of the nouns ``tok`` is coordinated with ("A, B and C": A), or ``tok``."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def along_with(tok: Any) -> list[Any]:
    """Who or what is "along with" or "together with" ``tok`` ("was arrested along with his partner": the partner, with
    the verb; "the president, along with his wife": the wife, with the noun)."""
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("along", "together")
        for w in c.children
        if w.dep_ == "prep" and w.lower_ == "with"
        for g in w.children
        if g.dep_ == "pobj"
    ] + [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "with" and any(a.lower_ in ("along", "together") for a in c.children)
        for g in c.children
        if g.dep_ == "pobj"
    ]


def chain_subjects(verb: Any) -> list[Any]:
    """The subject of the verb a chain of clauses with none of their own hangs from ("arrived to take them": who
    arrived), or none."""
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return [c for c in subjects if c.dep_ == "nsubj"]
    return []


def titled(tok: Any) -> Any:
    """The person a body's name is the title of ("Organization of American States (OAS) Secretary-General Luis Almagro
    addresses the audience": the parse makes the body the subject and the person its apposition, no comma between),
    or ``tok``."""
    if tok.ent_type_ != "ORG":
        return tok
    for c in tok.subtree:  # on the body's name or on its abbreviation: "World Health Organization (WHO) ..."
        if c.dep_ == "appos" and c.i > tok.i and c.ent_type_ == "PERSON" and c.head.ent_type_ == "ORG":
            if not any(t.text == "," for t in tok.doc[tok.i : c.left_edge.i]):
                return c
    return tok
