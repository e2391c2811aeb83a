"""A place named with the country or state it is in, after a comma ("Mombasa, Kenya", "Havana, Cuba, March 20"), as
one place: ACE's mention of the city runs over the whole phrase (the country a mention inside it), so an event's
Place, Destination or Origin there is the phrase, whichever of the two names the parse hangs the role on."""

from __future__ import annotations

from typing import Any, Sequence

REGION_LABELS = ("GPE", "LOC")
LIST_WORDS = {"and", "or", "nor", "&"}


def with_regions(
    doc: Any, entities: Sequence[tuple[int, int, str]], ents: dict[int, tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``entities`` with each place name followed by ", " and the name of the region it lies in (the parse's
    apposition or a coordination with no "and"/"or") made one span of the first's label; a list of places
    ("Paris, Berlin and Rome", "Kabul, Kandahar, Herat") is no such pair. The rest as given, in order. ``ents``
    (``arg_spans.entity_index``'s, read with each name's own mentions counted) is joined so too, in place: its
    tokens of either name stand for the phrase, with the label the first name has in the document."""
    out = list(entities)
    order = sorted(range(len(entities)), key=lambda i: entities[i][0])
    drop: set[int] = set()
    for a, b in zip(order, order[1:]):
        (s1, e1, lab1), (s2, e2, lab2) = entities[a], entities[b]
        if a in drop or lab1 not in REGION_LABELS or lab2 not in REGION_LABELS or s2 - e1 != 2:
            continue  # ", " between them, told from the tokens below (``doc.text`` joins the whole text anew)
        first, second = doc.char_span(s1, e1, alignment_mode="expand"), doc.char_span(s2, e2, alignment_mode="expand")
        if first is None or second is None or second.start != first.end + 1:
            continue
        if doc[first.end].text != "," or doc[first.end].whitespace_ != " ":
            continue
        if not _region_of(doc, first, second):
            continue
        label = ents[first.start][2] if first.start in ents else lab1
        if label not in REGION_LABELS:
            continue  # "Mombasa" read as a nationality more often ("the Mombasa attack"): not joined
        out[a] = (s1, e2, lab1)
        drop.add(b)
        for i in range(first.start, second.end):
            ents[i] = (s1, e2, label)
    return [span for i, span in enumerate(out) if i not in drop]


def _region_of(doc: Any, first: Any, second: Any) -> bool:
    """Whether ``second`` names the region ``first`` lies in, by the parse (not one of a list)."""
    head, region = first.root, second.root
    if region.head.i != head.i or region.dep_ not in ("appos", "conj", "npadvmod"):
        return False
    if any(c.dep_ in ("cc", "conj") and c.i != region.i for c in head.children) or any(
        c.dep_ in ("cc", "conj") for c in region.children
    ):
        return False  # a list: "Paris, Berlin and Rome"
    before = doc[first.start - 1] if first.start > 0 else None
    after = doc[second.end] if second.end < len(doc) else None
    if before is not None and before.text == ",":
        return False  # "Kabul, Kandahar, Herat": the middle of a list
    if after is not None and after.lower_ in LIST_WORDS:
        return False
    return True
