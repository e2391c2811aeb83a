"""A role key's new span on a common noun that names again a name told in the document takes the name's label
(``annotator.name_heads``, through ``span_label.label_for_span``)."""

from __future__ import annotations

from annotator.model import Entity
from annotator.name_heads import label_of_named_head
from annotator.span_label import label_for_span

TEXT = (
    "Judge Anna Kowalczyk of the Warsaw Regional Court sentenced him. The court also fined him. "
    "Shoppers fled Kabkabiya Market; the market was hit. The Court of Appeal will hear it."
)
ROLES = ("PERSON", "ORG", "GPE", "NORP")


def _ents(*named: tuple[str, str], rejected: tuple[str, ...] = ()) -> list[Entity]:
    out = []
    for i, (words, label) in enumerate(named, 1):
        at = TEXT.index(words)
        out.append(
            Entity(i, 1, at, at + len(words), label, "rejected" if words in rejected else "suggested", "t", None)
        )
    return out


def _span(words: str, after: str = "") -> tuple[int, int]:
    at = TEXT.index(words, TEXT.index(after) if after else 0)
    return at, at + len(words)


def test_a_common_noun_takes_the_label_of_the_name_it_ends():
    """Seed 004's "The court also fined him": Alt+N on "court" (Find's match, no span) for the Adjudicator made it a
    PERSON, the role's first label, and a label key put ORG. The name told before whose last word it is ("the Warsaw
    Regional Court", an ORG) gives the label when the role takes it; the role's first label otherwise."""
    ents = _ents(("the Warsaw Regional Court", "ORG"), ("Kabkabiya Market", "FAC"))
    assert label_for_span(ents, TEXT, _span("court", "sentenced"), ROLES) == "ORG"  # main: PERSON
    assert label_for_span(ents, TEXT, _span("market", "Shoppers"), ("PERSON", "ORG", "FAC")) == "FAC"  # main: PERSON
    assert label_for_span(ents, TEXT, _span("market", "Shoppers"), ROLES) == "PERSON"  # the role takes no FAC


def test_a_name_of_its_own_a_rejected_name_or_a_name_ending_otherwise_give_nothing():
    """A capital word is a name of its own ("Court" of "The Court of Appeal" is not "the court"); a rejected name is no
    evidence; a name whose last word is another ("the Court of Appeal" ends with "Appeal") says nothing of "court"."""
    court = _span("court", "sentenced")
    regional = _ents(("the Warsaw Regional Court", "ORG"), rejected=("the Warsaw Regional Court",))
    assert label_of_named_head(regional, TEXT, court, ROLES) is None
    appeal = _ents(("The Court of Appeal", "ORG"))
    assert label_of_named_head(appeal, TEXT, court, ROLES) is None
    one_word = _ents(("Court", "ORG"))
    assert label_of_named_head(one_word, TEXT, court, ROLES) is None
    # the label a span gets then is the word's class (session 33: ``suggest.noun_classes``, a court a body: ORG)
    assert label_for_span(regional, TEXT, court, ROLES) == "ORG"
    assert label_for_span(regional, TEXT, court, ("PERSON", "GPE")) == "PERSON"  # the role takes no ORG
    assert label_for_span(appeal, TEXT, _span("Court of Appeal"), ("PERSON", "ORG")) == "ORG"  # ends the longer name
