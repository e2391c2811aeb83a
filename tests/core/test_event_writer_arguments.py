"""The event writer's arguments, row for row: which are stored, in which order, under which ids, and how many are
counted, at the edges of its rules (a role of one filler offered twice, a role the type lacks, a label no role takes,
an entity reused or made, an event of no type of the schema, the same suggestion twice, an event with no argument, a
run again over the first). Pinned before the writer stored a document's arguments by one statement (session 39)."""

from __future__ import annotations

from core_helpers import add_document

from annotator.store import Project
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
from annotator.suggest.writer import WriteCounts, clear_undecided, write_entities, write_events
from text_support import word_span

TEXT = "Rebels attacked the embassy and the army in Kabul. Police arrested Omar Haddad and Lina Saleh. Talks ended."
SOURCE = "rules:test@1"
PIPELINE = "spacy:x@1"


def arg(role: str, word: str, label: str, nth: int = 0) -> ArgumentSuggestion:
    return ArgumentSuggestion(role, *word_span(TEXT, word, nth), label)


ATTACK = EventSuggestion(
    "Conflict:Attack",
    *word_span(TEXT, "attacked"),
    0.8,
    arguments=(
        arg("Attacker", "Rebels", "NORP"),
        arg("Target", "the embassy", "FAC"),
        arg("Attacker", "the army", "ORG"),  # a second filler of a role of one: left out
        arg("Target", "the army", "ORG"),  # a second Target: left out as well
        arg("Victim", "Kabul", "GPE"),  # no role of the type
        arg("Place", "Kabul", "GPE"),
        arg("Target", "in", "NO_SUCH_LABEL"),  # a label no role takes: left out
    ),
)
ARREST = EventSuggestion(
    "Justice:Arrest-Jail",
    *word_span(TEXT, "arrested"),
    0.7,
    arguments=(
        arg("Agent", "Police", "ORG"),
        arg("Person", "Omar Haddad", "PERSON"),
        arg("Person", "Lina Saleh", "PERSON"),  # a role of several
        arg("Person", "Omar Haddad", "PERSON"),  # the filler it holds already: left out
    ),
)
UNKNOWN = EventSuggestion("No:Such-Type", *word_span(TEXT, "ended"), 0.5, arguments=(arg("Entity", "Talks", "ORG"),))
BARE = EventSuggestion("Contact:Meet", *word_span(TEXT, "Talks"), 0.4)  # no argument at all
NER = [(*word_span(TEXT, "Kabul"), "GPE"), (*word_span(TEXT, "Omar Haddad"), "PERSON")]


def run(project: Project, doc: int, suggestions: list[EventSuggestion]) -> WriteCounts:
    counts = WriteCounts()
    with project.transaction():
        clear_undecided(project, doc, counts)
        write_entities(project, doc, NER, PIPELINE, counts)
        write_events(project, doc, suggestions, SOURCE, counts)
    return counts


def stored_arguments(project: Project) -> list[tuple[str, str, str, str, str | None]]:
    """Every argument row in the order of its id: its event's trigger and type, the role, the filler's text and label,
    who made it."""
    rows = project.db.conn.execute(
        "SELECT ev.trigger_start, ev.trigger_end, ev.type, a.role, en.start, en.end, en.label, a.annotator FROM arguments a"
        " JOIN events ev ON ev.id = a.event_id JOIN entities en ON en.id = a.entity_id ORDER BY a.id"
    ).fetchall()
    return [(TEXT[ts:te], typ, role, f"{TEXT[s:e]}/{label}", who) for ts, te, typ, role, s, e, label, who in rows]


WRITTEN = [
    ("attacked", "Conflict:Attack", "Attacker", "Rebels/NORP", None),
    ("attacked", "Conflict:Attack", "Target", "the embassy/FAC", None),
    ("attacked", "Conflict:Attack", "Place", "Kabul/GPE", None),
    ("arrested", "Justice:Arrest-Jail", "Agent", "Police/ORG", None),
    ("arrested", "Justice:Arrest-Jail", "Person", "Omar Haddad/PERSON", None),
    ("arrested", "Justice:Arrest-Jail", "Person", "Lina Saleh/PERSON", None),
]


def test_the_writer_stores_each_event_s_arguments_in_the_suggestions_order_and_counts_them(project: Project) -> None:
    doc = add_document(project, TEXT)
    counts = run(project, doc, [ATTACK, UNKNOWN, BARE, ARREST, ATTACK])
    assert stored_arguments(project) == WRITTEN
    # entities: the two of the pipeline, four made for fillers
    assert (counts.events, counts.arguments, counts.entities) == (3, 6, 6)
    assert dict(counts.skipped_types) == {"No:Such-Type": 1}
    ids = [r[0] for r in project.db.conn.execute("SELECT id FROM arguments ORDER BY event_id, id")]
    assert ids == sorted(ids)  # an event's arguments were given their ids in its order, the events in theirs


def test_a_run_again_replaces_the_undecided_arguments_with_the_same_rows(project: Project) -> None:
    doc = add_document(project, TEXT)
    run(project, doc, [ATTACK, ARREST])
    counts = run(project, doc, [ARREST, ATTACK])
    assert sorted(stored_arguments(project)) == sorted(WRITTEN)
    assert [r[1] for r in stored_arguments(project)][:2] == ["Justice:Arrest-Jail"] * 2
    assert counts.arguments == 6


def test_a_document_with_no_argument_to_store_stores_none(project: Project) -> None:
    doc = add_document(project, TEXT)
    counts = run(project, doc, [BARE, UNKNOWN])
    assert stored_arguments(project) == []
    assert (counts.events, counts.arguments) == (1, 0)
