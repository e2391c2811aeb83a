"""The one given to, told as a name between a verb and what it gives, which the parse read as a modifier of the thing
("The bank lent Greece 10 billion euros": "Greece" hung on "euros" as ``nmod``). English puts an indirect object
right after its verb and before the direct one ("gave Ukraine $500 million", which the parse reads as ``dative``);
a name before a number or an adjective of the object is such an object ("shipped Syria new air defense systems"), no
part of the thing given."""

from __future__ import annotations

from typing import Any

# the kinds of name that are given to: a person, a body, a country or a people
_GIVEN_TO = ("PERSON", "ORG", "GPE", "NORP")


def misread_datives(verb: Any, objs: list[Any]) -> list[Any]:
    """The names in ``objs`` (the verb's direct objects) that are its indirect object: a name hung on the object as a
    modifier, right after the verb, with a number or an adjective of the object between it and the object's head, or
    right before a sum named on its own."""
    out = []
    for obj in objs:
        for name in obj.lefts:
            if name.dep_ not in ("nmod", "compound") or name.pos_ != "PROPN" or name.ent_type_ not in _GIVEN_TO:
                continue
            first = min(t.i for t in name.subtree)
            if first != verb.i + 1:
                continue
            between = verb.doc[name.i + 1 : obj.i]
            # "Greece 10 billion euros", "Syria new air defense systems": the object's own words begin after the name
            if between and (between[0].like_num or between[0].dep_ == "amod"):
                out.append(name)
            elif not between and obj.ent_type_ == "MONEY" and obj.ent_iob_ == "B":
                out.append(name)  # "has given Syria billions of dollars": a sum of its own right after the name
    return out
