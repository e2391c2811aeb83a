"""The current document held in memory (annotator.held), brought up to date by each edit's rows as the file has it."""

from __future__ import annotations

from core_helpers import add_document

from annotator import edits
from annotator.held import HeldDocument
from annotator.recorder import undo

TEXT = "Sergey Lavrov met Antony Blinken in Moscow."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def held_as_read(project, doc: int) -> HeldDocument:
    fresh = HeldDocument()
    fresh.open(project, doc)
    return fresh


def test_each_edit_s_rows_leave_it_as_the_file_has_it(project):
    doc = add_document(project, TEXT)
    held = held_as_read(project, doc)
    before = held.revision
    steps = [
        edits.add_entity(project, doc, *at("Sergey Lavrov"), "PERSON"),
        edits.add_entity(project, doc, *at("Antony Blinken"), "PERSON", state="suggested", source="spacy:x@1"),
        edits.add_event(project, doc, "Contact:Meet", *at("met")),
    ]
    lavrov, blinken, meet = (c.result_id for c in steps)
    steps.append(edits.add_argument(project, meet, "Entity", lavrov))
    steps.append(edits.reject_entity(project, blinken))
    steps.append(edits.set_status(project, doc, "annotated"))
    steps.append(edits.add_comment(project, doc, "check the names"))
    said = [held.apply(c, project.annotation_set) for c in steps]
    fresh = held_as_read(project, doc)
    assert held.entities == fresh.entities and held.events == fresh.events and held.args == fresh.args
    assert held.events[meet].arguments == fresh.events[meet].arguments and len(held.events[meet].arguments) == 1
    assert (
        held.summary()
        == fresh.summary()
        == {
            "id": doc,
            "name": fresh.doc.name,
            "status": "annotated",
            "entities": 1,
            "suggestions": 0,
            "events": 1,
        }
    )
    assert [s.entities for s in said[:2]] == [{lavrov}, {blinken}]
    assert said[3].events == {meet} and said[5].status == "annotated" and said[6].comments
    assert held.revision == before + len(steps)
    # undone: the argument and the event go, and the held document with them
    for c in reversed(steps[2:4]):
        held.apply(undo(project, c), project.annotation_set)
    assert held.events == {} and held.args == {} == held_as_read(project, doc).args


def test_what_an_undo_brings_into_view(project):
    doc = add_document(project, TEXT)
    lavrov = edits.add_entity(project, doc, *at("Sergey Lavrov"), "PERSON").result_id
    meet = edits.add_event(project, doc, "Contact:Meet", *at("met")).result_id
    held = held_as_read(project, doc)
    filled = edits.add_argument(project, meet, "Entity", lavrov)
    shown = held.shown(filled)  # an argument: its event, at its filler
    assert (shown.start, shown.end, shown.entity, shown.event) == (*at("Sergey Lavrov"), None, meet)
    rejected = edits.reject_entity(project, lavrov)
    held.apply(rejected, project.annotation_set)
    shown = held.shown(rejected)  # a span rejected: its place, nothing selected
    assert (shown.start, shown.end, shown.entity, shown.event) == (*at("Sergey Lavrov"), None, None)
    assert held.shown(edits.add_comment(project, doc, "later")) is None
