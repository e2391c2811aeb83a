"""A long document's rows read a page at a time after its text (annotator.held: ``open(long_rows_later=True)``,
``read_more``): once read, what is held is what a whole read holds, in the same order, and an edit made between two
pages leaves it as the file has it (session 35)."""

from __future__ import annotations

import pytest
from core_helpers import add_document, event_with_roles

from annotator import edits, held
from annotator.held import HeldDocument

TEXT = "Sergey Lavrov met Antony Blinken in Moscow on Monday. Maria Lopez met John Smith in Paris on Friday."


def at(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


@pytest.fixture
def doc(project) -> int:  # type: ignore[no-untyped-def]
    """A document of six spans (added out of their order in the text) and two events with their arguments."""
    d = add_document(project, TEXT)
    for words, label in (("Paris", "GPE"), ("Monday", "DATE"), ("Friday", "DATE"), ("Moscow", "GPE")):
        edits.add_entity(project, d, *at(words), label, state="suggested", source="spacy:x@1")
    event_with_roles(project, d, TEXT, "met", {"Entity": ("Sergey Lavrov", "PERSON")})
    meet = edits.add_event(project, d, "Contact:Meet", *at("met", 1)).result_id
    lopez = edits.add_entity(project, d, *at("Maria Lopez"), "PERSON").result_id
    edits.add_argument(project, meet, "Entity", lopez)
    return d


def whole(project, doc_id: int) -> HeldDocument:  # type: ignore[no-untyped-def]
    h = HeldDocument()
    h.open(project, doc_id)
    return h


def same(a: HeldDocument, b: HeldDocument) -> None:
    assert list(a.entities.items()) == list(b.entities.items())  # in the same order (by start), not only equal
    assert list(a.events.items()) == list(b.events.items())
    assert a.args == b.args
    assert a.summary() == b.summary()
    assert a.entity_tally.kinds == b.entity_tally.kinds and a.event_tally.kinds == b.event_tally.kinds


def test_read_a_page_at_a_time_it_holds_what_a_whole_read_holds(project, doc, monkeypatch):
    monkeypatch.setattr(held, "ROWS_LATER", 3)
    h = HeldDocument()
    h.open(project, doc, long_rows_later=True)
    assert h.doc.text == TEXT and h.coming is not None and h.coming.total == 6 + 2
    assert not h.entities and not h.events and h.summary()["entities"] == 0
    pages = 0
    while not h.read_more(project, rows=2):
        pages += 1
        assert h.coming.read <= h.coming.total
    assert pages == 5 and h.coming is None  # 6 spans in 3 pages of 2 and an empty one, 2 events: a full page, then none
    same(h, whole(project, doc))


def test_few_rows_are_read_at_once(project, doc):
    h = HeldDocument()
    h.open(project, doc, long_rows_later=True)  # 8 rows, under ROWS_LATER
    assert h.coming is None and h.read_more(project)
    same(h, whole(project, doc))


def test_edits_between_two_pages_leave_it_as_the_file_has_it(project, doc, monkeypatch):
    """Rows read already and rows not read yet, changed, added and deleted between two pages (by the undo stack, or
    another program's commit read back), each edit's rows applied as they come."""
    monkeypatch.setattr(held, "ROWS_LATER", 0)
    h = HeldDocument()
    h.open(project, doc, long_rows_later=True)
    assert not h.read_more(project, rows=2)  # the two first spans by id held, the rest not
    first, *rest = sorted(project.entities(doc), key=lambda e: e.id)
    last = rest[-1]
    changes = [
        edits.relabel_entity(project, first.id, "LOC"),  # read already
        edits.delete_entity(project, last.id),  # not read yet
        edits.add_entity(project, doc, *at("John Smith"), "PERSON"),  # new, past every id read
        edits.accept_entity(project, rest[1].id),  # not read yet
    ]
    for c in changes:
        h.apply(c, project.annotation_set)
    while not h.read_more(project, rows=2):
        pass
    same(h, whole(project, doc))
    assert last.id not in h.entities and h.entities[first.id].label == "LOC"
