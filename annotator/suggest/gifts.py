"""Things given or received that are no money: a weak word of giving with a thing as its object names no
Transaction:Transfer-Money (ACE: the giving, receiving, borrowing or lending of money). "The senator received hundreds
of letters from angry voters" had a Recipient and a Giver, two roles, and passed the weak word's gate as money
received; so would "the king gave him a medal", "the charity sent blankets to the camp". Read on made-up news
sentences (``tests/data/news_sentences.jsonl``, session 36, helper s36-trig); the word classes are ordinary English's.
A pure function of spaCy tokens for the rule suggester's blockers (``obj:no_money`` on Transfer-Money)."""

from __future__ import annotations

from typing import Any

from annotator.suggest.amounts import CURRENCIES
from annotator.suggest.noun_classes import FUNDS, counted, noun_kind, lemma_of

# the weak words of giving and receiving, which name money only when money is what is given
GIVING_VERBS = frozenset("give receive send provide grant award contribute pledge offer hand deliver".split())
# nouns that are money or a sum of it, or a help given as money ("received a loan", "gave aid", "sent funds")
MONEY_NOUNS = (
    FUNDS
    | frozenset(
        """money cash funds funding aid assistance grant loan donation payment sum budget salary salaries wage wages
        tax taxes fee fees ransom compensation check cheque bailout subsidy contribution investment capital dollar
        euro pound cent penny pension bonus reward allowance stipend remittance credit debt refund rebate tip
        dividend""".split()
    )
    | CURRENCIES
)
_COUNTS = frozenset("hundred hundreds thousand thousands million millions dozen dozens lot lots number".split())


def _money_word(tok: Any) -> bool:
    return lemma_of(tok) in MONEY_NOUNS or tok.lower_ in MONEY_NOUNS


def thing_given(head: Any) -> bool:
    """Whether a weak verb of giving or receiving (``GIVING_VERBS``) is done to a thing and no money: its object (or
    its passive subject, through a count's "of") a common noun with no entity label and no kind guessed, which is no
    word of money nor has one in front of it ("received hundreds of letters", "gave him a medal", "sent blankets";
    not "received $50 million", "gave $1 billion in aid", "sent aid money", "received a loan", "paid the workers")."""
    if head.pos_ != "VERB" or lemma_of(head) not in GIVING_VERBS:
        return False
    objects = [counted(c, _COUNTS) for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return False
    return all(
        o.pos_ == "NOUN"
        and not o.ent_type_
        and noun_kind(o) is None
        and not _money_word(o)
        and not any(t.ent_type_ == "MONEY" or _money_word(t) for t in o.subtree if t.i < o.i)  # "a $10 million gift"
        for o in objects
    )
