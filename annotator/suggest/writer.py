"""The one writer of suggestions: stores a document's entity and event suggestions inside the open transaction.

The rule, the same for entities and events: a new run replaces only suggestions nobody decided on or edited;
accepted, added, rejected and edited ones are never touched, and nothing is suggested again where a person
already decided (an entity span over words a person settled, whatever its label; the same trigger, or a rejected trigger with the same type).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Collection, Iterable, Mapping, Sequence


from annotator.db import event_row, span_row
from annotator.rules import attribute_breaches, event_type_breach, label_breach, room_breach
from annotator.schema import Schema
from annotator.store import Project, now
from annotator.suggest.place_spans import REGION_LABELS
from annotator.suggest.types import EventSuggestion

Span = tuple[int, int, str]


@dataclass
class WriteCounts:
    """What storing suggestions did, summed over documents."""

    entities: int = 0  # new entity suggestions (pipeline entities and new argument spans)
    replaced: int = 0  # old undecided entity suggestions removed
    kept_human: int = 0  # entity suggestions not stored because a person decided there
    skipped_labels: Counter = field(default_factory=Counter)
    events: int = 0  # new event suggestions
    arguments: int = 0  # their arguments
    events_replaced: int = 0  # old undecided event suggestions removed
    events_kept: int = 0  # event suggestions not stored because a person decided on that trigger (and type)
    skipped_types: Counter = field(default_factory=Counter)


def clear_undecided(project: Project, doc_id: int, counts: WriteCounts, events: bool = True) -> None:
    """Delete a document's undecided, unedited suggestions: events (with their arguments) when ``events``,
    then entities that no remaining event uses."""
    removed_events, removed = project.db.clear_undecided(doc_id, project.annotation_set, events=events)
    counts.events_replaced += removed_events
    counts.replaced += removed


def _entity_rows(project: Project, doc_id: int) -> list[tuple[int, int, int, str, str, int]]:
    return project.db.entity_marks(doc_id, project.annotation_set)


def write_entities(
    project: Project,
    doc_id: int,
    spans: Iterable[Span],
    source: str,
    counts: WriteCounts,
    scores: Mapping[Span, float] | None = None,
) -> None:
    """Store new entity suggestions where nobody decided (call ``clear_undecided`` first), each with its score in
    ``scores`` where the suggester gave one."""
    scores = scores or {}
    labels = set(project.schema.label_names)
    kept: set[tuple[int, int]] = set()
    decided: list[tuple[int, int]] = []  # spans a person accepted, added or edited
    for _, start, end, label, state, edited in _entity_rows(project, doc_id):
        kept.add((start, end))
        if state != "rejected" and (state != "suggested" or edited):
            decided.append((start, end))
    rows = []
    t = now()
    aset = project.annotation_set
    for start, end, label in spans:
        if label not in labels:
            counts.skipped_labels[label] += 1
            continue
        # the same offsets, or an overlap with a span a person settled, of any label (resized, relabelled, cut in
        # two: "Sunday" beside her "Sunday evening" TIME, "Alimosho and Ikorodu" ORG beside her two GPEs): not again
        if (start, end) in kept or any(s < end and start < e for s, e in decided):
            counts.kept_human += 1
            continue
        kept.add((start, end))
        score = scores.get((start, end, label))
        rows.append(span_row(doc_id, aset, start, end, label, "suggested", source, None, score=score, at=t))
    counts.entities += project.db.insert_spans(rows)


def held_for_arguments(
    spans: Sequence[Span], events: Iterable[EventSuggestion], regions: Collection[str] = REGION_LABELS
) -> tuple[list[Span], list[Span]]:
    """The pipeline's ``spans`` in two: those to write before the events, and those an event suggestion's argument
    takes in a span of its own, to write after them:
    - a name or an amount the argument fills under another label, the one its role takes (the Money of "fined him
      500,000 zlotys", spaCy's QUANTITY, a sum of money by its words: ``amounts.is_money``; the Destination of "sent
      the soldiers to Kharkiv", the NER's ORG, a name told as where: ``event_args.fill_roles``);
    - a place name inside a wider place the argument is ("Mombasa" and "Kenya" of the Place "Mombasa, Kenya":
      ``place_spans.with_regions``), a name inside a wider one of its label (the NER's PERSON "Marcos" of the Victim
      "Marcos Danilo Padilha", a name it cut short: ``arg_spans.span_of``).
    ``write_events`` makes the argument's span with its label and the suggester's source, and ``write_left_over``
    then leaves out the pipeline's spans that one covers: one suggestion on those words, the one the role takes
    (there were two, QUANTITY and MONEY; ORG and GPE; three overlapping places); where no event was written (one a
    person rejected), the pipeline's stay as it read them. The labels are the project's: ``regions``, the pipeline's
    ``REGION_LABELS`` as its schema spells them (``AdoptedNames.labels_for``: ``Place`` for ``GPE`` and ``LOC``)."""
    given = {(a.start, a.end, a.label) for sug in events for a in sug.arguments}
    other = {(s, e) for s, e, _ in given}
    places = {(s, e) for s, e, label in given if label in regions}
    before, after = [], []
    for span in spans:
        relabelled = span[:2] in other and span not in given
        wider = places if span[2] in regions else {(s, e) for s, e, label in given if label == span[2]}
        inside = any(s <= span[0] and span[1] <= e and (s, e) != span[:2] for s, e in wider)
        (after if relabelled or inside else before).append(span)
    return before, after


def write_left_over(
    project: Project,
    doc_id: int,
    spans: Iterable[Span],
    source: str,
    counts: WriteCounts,
    scores: Mapping[Span, float] | None = None,
) -> None:
    """Store ``held_for_arguments``'s spans (after ``write_events``) where no event's argument made a suggestion
    over the same words in this run: those are not written again, nor counted as kept for a person's decision (the
    run's summary said "1 matched a human decision" for seed 004's fine)."""
    made = [
        (s, e) for _, s, e, _, state, edited in _entity_rows(project, doc_id) if state == "suggested" and not edited
    ]
    left = [a for a in spans if not any(s <= a[0] and a[1] <= e for s, e in made)]
    write_entities(project, doc_id, left, source, counts, scores)


def known_entities(project: Project, doc_id: int, new: Iterable[Span] = ()) -> list[Span]:
    """The spans an event suggester may build on: the document's entities a person accepted, added or edited,
    plus ``new`` spans of schema labels (this run's pipeline entities) where no rejected span lies (the old
    undecided suggestions are about to be replaced by the new ones)."""
    labels = set(project.schema.label_names)
    out: dict[Span, None] = {}
    rejected = set()
    for _, start, end, label, state, edited in _entity_rows(project, doc_id):
        if state == "rejected":
            rejected.add((start, end, label))
        elif state != "suggested" or edited:
            out[(start, end, label)] = None
    for span in new:
        if span[2] in labels and span not in rejected:
            out[span] = None
    return sorted(out)


def _attributes(schema: Schema, given: dict[str, str]) -> dict[str, str]:
    """The schema's defaults, with each suggested value the schema's rules allow."""
    attrs = schema.default_attributes()
    attrs.update((name, value) for name, value in given.items() if not attribute_breaches(schema, {name: value}))
    return attrs


class _Entities:
    """The document's entities, to find or make the entity filling a suggested argument."""

    def __init__(self, project: Project, doc_id: int, source: str, counts: WriteCounts) -> None:
        self.project, self.doc_id, self.source, self.counts = project, doc_id, source, counts
        rows = _entity_rows(project, doc_id)
        self.rows = [(i, s, e, label, state) for i, s, e, label, state, _ in rows]
        # a person's spans (accepted, added, edited): a wider argument over one is that one
        self.decided = [
            (i, s, e, label)
            for i, s, e, label, state, edited in rows
            if state != "rejected" and (state != "suggested" or edited)
        ]

    def filler(self, start: int, end: int, allowed: Sequence[str], label: str) -> int | None:
        """An entity of an allowed label covering [start, end) (the tightest), else one a person settled inside it
        ("Mombasa" she accepted, of the Place "Mombasa, Kenya"), else a new suggested one."""
        best = None
        for i, s, e, lab, state in self.rows:
            if state != "rejected" and lab in allowed and s <= start and end <= e:
                if best is None or e - s < best[1]:
                    best = (i, e - s)
        if best is not None:
            return best[0]
        inside = next((i for i, s, e, lab in self.decided if lab in allowed and start <= s and e <= end), None)
        if inside is not None:
            return inside
        if label not in allowed or label_breach(self.project.schema, label) is not None:
            return None
        if any(s == start and e == end for _, s, e, _, state in self.rows if state == "rejected"):
            return None  # a person rejected this span
        new_id = self.project.db.insert_span(
            span_row(self.doc_id, self.project.annotation_set, start, end, label, "suggested", self.source, None)
        )
        self.rows.append((new_id, start, end, label, "suggested"))
        self.counts.entities += 1
        return new_id


def write_events(
    project: Project, doc_id: int, suggestions: Iterable[EventSuggestion], source: str, counts: WriteCounts
) -> None:
    """Store event suggestions (call ``clear_undecided`` first); argument spans reuse an entity of an allowed
    label covering them, else become new ``suggested`` entities with this ``source``."""
    schema = project.schema
    aset = project.annotation_set
    rows = project.db.event_marks(doc_id, aset)
    settled = {(s, e) for s, e, _, state, _ in rows if state != "rejected"}  # a trigger a person decided on
    rejected = {(s, e, t) for s, e, t, state, _ in rows if state == "rejected"}
    decided = [(s, e, t) for s, e, t, state, edited in rows if state in ("accepted", "added") or edited]
    stored: set[tuple[int, int, str]] = set()
    entities = _Entities(project, doc_id, source, counts)
    arguments: list[tuple[int, str, int, str | None, str]] = []
    t = now()
    for sug in suggestions:
        etype = schema.event_type(sug.type)
        if etype is None:
            counts.skipped_types[sug.type] += 1
            continue
        s, e = sug.trigger_start, sug.trigger_end
        if (s, e, sug.type) in stored:
            continue  # the same suggestion twice in one run
        if (
            (s, e) in settled
            or (s, e, sug.type) in rejected
            or any(ds < e and s < de and dt == sug.type for ds, de, dt in decided)  # e.g. a moved trigger
        ):
            counts.events_kept += 1
            continue
        stored.add((s, e, sug.type))  # one trigger may anchor events of several types ("killed": Attack and Die)
        alternatives = [a for a in sug.alternatives if a != sug.type and event_type_breach(schema, a) is None]
        event_id = project.db.insert_event(
            event_row(
                doc_id,
                aset,
                sug.type,
                s,
                e,
                _attributes(schema, sug.attributes),
                None,
                state="suggested",
                source=source,
                score=sug.score,
                alternatives=alternatives,
                at=t,
            )
        )
        counts.events += 1
        filled: dict[str, list[int]] = {}
        for arg in sug.arguments:
            role = etype.role(arg.role)
            held = filled.get(arg.role, [])
            if role is None or room_breach(etype, arg.role, None, held) is not None:  # unknown, or single and filled
                continue
            entity_id = entities.filler(arg.start, arg.end, role.labels, arg.label)
            if entity_id is None or room_breach(etype, arg.role, entity_id, held) is not None:  # it fills it already
                continue
            filled.setdefault(arg.role, []).append(entity_id)
            arguments.append((event_id, arg.role, entity_id, None, t))
    counts.arguments += project.db.insert_arguments(arguments)  # one statement for the document's arguments
