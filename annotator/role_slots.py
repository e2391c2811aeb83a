"""The syntactic slots a role is filled from (``prep:from``, ``subj``, ``obj``...: ``suggest.event_args`` names them):
the schema's own (a role's ``slots = [...]``) or the defaults of ACE 2005's role names. One table for the rule
suggester, which fills roles from the parse, and the role keys' candidates (``keyflow.source_order``: a name told
after "from" first for a role filled from it). Data alone, light enough for the app's start."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from annotator.schema import Role

PLACE_PREPS = (
    "prep:in",
    "prep:at",
    "prep:near",
    "prep:outside",
    "prep:inside",
    "prep:across",
    "prep:throughout",
    "prep:around",
    "prep:on",
    "compound",
    "setting",
)
TIME_PREPS = ("prep:on", "prep:in", "prep:at", "prep:during", "prep:since", "npadvmod", "compound", "when")
# default slots of ACE 2005 role names (a schema's role may give its own with ``slots = [...]``)
DEFAULT_SLOTS: dict[str, tuple[str, ...]] = {
    "Attacker": ("subj", "subj_intrans", "agent", "poss", "gov_subj", "compound", "prep:by", "prep:from", "sides"),
    "Agent": ("subj", "agent", "gov_subj", "prep:by", "receiver"),
    "Entity": (
        "subj",
        "subj_intrans",
        "obj",
        "prep:with",
        "poss",
        "gov_subj",
        "prep:between",
        "prep:among",
        "compound",
        "prep:of",
        "agent",
        "prep:by",
        "during",
        "guest",  # "hosted a dinner for Obama": the one a meal is given for (``suggest.hosting``)
    ),
    "Target": (
        "obj",
        "acl_obj",
        "subjpass",
        "prep:on",
        "prep:against",
        "prep:at",
        "compound",
        "prep:of",
        "prep:to",
        "prep:into",
    ),
    "Victim": ("obj", "acl_obj", "subjpass", "subj_intrans", "poss", "prep:of", "compound"),
    "Instrument": ("prep:with", "subj", "agent", "compound", "prep:by", "prep:using", "weapon", "prep:from"),
    "Person": ("obj", "acl_obj", "subjpass", "subj_intrans", "poss", "prep:of", "compound"),
    "Artifact": (
        "obj",
        "acl_obj",
        "subjpass",
        "subj_intrans",
        "poss",
        "gov_subj",
        "prep:of",
        "compound",
        "weapon",
        "during_doer",
        "goer",  # "a visit by Obama", "visits by naval ships": who goes (``suggest.travel_means``)
    ),
    "Vehicle": ("prep:by", "prep:aboard", "prep:on", "prep:in", "subj"),
    "Destination": (
        "prep:to",
        "prep:into",
        "prep:toward",
        "prep:towards",
        "obj",
        "prep:for",
        "prep:in",
        "prep:at",
        "prep:onto",
        "compound",
        "then_to",
        "obj_to",
        "dative",  # "sent Ukraine 200 tanks": a place given the thing is where it goes
    ),
    "Origin": ("prep:from", "prep:out", "obj_from", "obj_origin"),
    "Giver": ("subj", "subj_intrans", "agent", "poss", "gov_subj", "compound", "prep:from"),
    "Recipient": ("prep:to", "dative", "obj", "subjpass", "receiver", "given_for"),  # "a bailout for Greece"
    "Beneficiary": ("prep:for",),
    "Money": ("obj", "prep:of", "subjpass", "compound", "nummod", "worth"),
    "Price": ("prep:for", "worth"),  # "sold weapons worth $1 billion": what the thing is worth (``worth``)
    "Buyer": ("subj", "agent", "gov_subj", "receiver", "buyer"),
    "Seller": ("prep:from", "seller"),
    "Org": ("obj", "subjpass", "subj_intrans", "poss", "prep:of", "compound"),
    "Defendant": ("obj", "subjpass", "given", "poss", "prep:against", "prep:of", "compound"),
    "Prosecutor": ("subj", "agent"),
    "Plaintiff": ("subj", "subj_intrans", "agent", "poss"),
    "Adjudicator": ("subj", "agent", "prep:by"),
    "Crime": ("prep:for", "prep:with", "prep:of", "prep:over"),
    "Sentence": ("prep:to", "prep:of"),  # "sentenced to eight years", "a sentence of two years"
    "Position": ("prep:as", "oprd", "compound"),
    "Place": PLACE_PREPS,
    "Time": TIME_PREPS,
}
# verbs whose object is where the movement starts ("fled Ukraine": slot ``obj_from``), and whose subject is the one
# given to ("Hamas received millions from Qatar", "Greece borrowed 10 billion euros from the bank", "the company raised
# $100 million from investors": slot ``receiver``, not ``subj``; the lender or the investor is the "from" phrase)
LEAVING_VERBS = frozenset({"flee", "leave", "depart", "evacuate", "escape", "exit", "abandon", "quit", "vacate"})
RECEIVING_VERBS = frozenset({"receive", "accept", "obtain", "borrow", "raise"})
# verbs whose object is where the movement ends ("visited the front lines"): their subject moves, whatever the object
REACHING_VERBS = frozenset({"visit", "enter", "reach", "tour"})
# verbs whose doer gives the thing and whose "to" phrase gets it ("Russia sold weapons to Egypt", "were sold by Russia"):
# the slots of their frame read as the Seller's (``seller``) and the Buyer's (``buyer``), not a buyer's subject
SELLING_VERBS = frozenset({"sell", "resell"})
SELLING_SLOTS = {
    "subj": "seller",
    "agent": "seller",
    "gov_subj": "seller",
    "prep:to": "buyer",
    "~prep:to": "~buyer",  # the parse's dative "to" ("sold weapons to Egypt"), read as hearsay as for any verb
    "obj_to": "~buyer",  # a "to" the parse hangs on the thing sold
}
# every preposition a role is filled from ("prep:<word>"): the words ``keyflow`` stops at, looking back from a name
PREPOSITIONS = frozenset(s[5:] for slots in DEFAULT_SLOTS.values() for s in slots if s.startswith("prep:"))


def role_slots(role: Role) -> tuple[str, ...]:
    """The slots ``role`` is filled from: its own in the schema, else its ACE name's defaults (none for another)."""
    return tuple(getattr(role, "slots", ()) or DEFAULT_SLOTS.get(role.name, ()))
