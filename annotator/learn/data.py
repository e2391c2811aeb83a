"""Training examples read from a project: the decided entities and events of its finished documents."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from annotator.model import FINISHED
from annotator.store import Project
from annotator.text_pieces import piece_bounds

POSITIVE = ("accepted", "added")  # what a person said is right; undecided suggestions are not evidence


@dataclass(frozen=True)
class GoldArgument:
    role: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class GoldEvent:
    type: str
    start: int
    end: int
    arguments: tuple[GoldArgument, ...] = ()


@dataclass
class FinishedDoc:
    """One finished document as training data (offsets are code points, end exclusive)."""

    id: int
    name: str
    text: str
    status: str
    entities: list[tuple[int, int, str]] = field(default_factory=list)  # accepted or added by a person
    rejected: list[tuple[int, int, str]] = field(default_factory=list)  # negative evidence
    events: list[GoldEvent] = field(default_factory=list)  # accepted and hand-made events
    undecided: int = 0  # suggestions (entities and events) nobody decided on: not evidence either way
    undecided_events: int = 0  # of them, the event suggestions
    piece_of: int | None = None  # a piece of a document too long to parse whole (cut_to_fit): that document's id

    @property
    def decided(self) -> bool:
        """Whether the document says anything to learn from: a person's decision, or nothing left undecided (a
        document marked finished while every suggestion in it is still undecided is no evidence: its entities
        would all be missing, its events none)."""
        return bool(self.entities or self.rejected or self.events) or not self.undecided

    @property
    def document_id(self) -> int:
        """The project's document this is, or is a piece of."""
        return self.id if self.piece_of is None else self.piece_of

    @property
    def complete(self) -> bool:
        """Reviewed documents: every token outside an entity is O; otherwise it is missing (as the spaCy export)."""
        return self.status == "reviewed"


def finished_documents(
    project: Project, statuses: tuple[str, ...] | list[str] = FINISHED, annotation_set: str = "main"
) -> list[FinishedDoc]:
    """The documents with one of ``statuses``, with what people decided in ``annotation_set``."""
    db = project.db
    docs: list[FinishedDoc] = []
    event_state = db.has_column("events", "state")
    for doc_id in project.document_ids(list(statuses)):
        d = project.document(doc_id)
        fd = FinishedDoc(d.id, d.name, d.text, d.status)
        labels: dict[int, tuple[int, int, str]] = {}
        for eid, s, e, label, state in db.entity_decisions(doc_id, annotation_set):
            if state in POSITIVE:
                fd.entities.append((s, e, label))
            elif state == "rejected":
                fd.rejected.append((s, e, label))
            elif state == "suggested":
                fd.undecided += 1
            labels[eid] = (s, e, label)
        if event_state:
            fd.undecided_events = db.suggested_event_count(doc_id, annotation_set)
            fd.undecided += fd.undecided_events
        for vid, type_, ts, te in db.event_triggers(doc_id, annotation_set, decided_only=event_state):
            args = []
            for role, entity_id in db.argument_roles(vid):
                if entity_id in labels:
                    s, e, label = labels[entity_id]
                    args.append(GoldArgument(role, s, e, label))
            fd.events.append(GoldEvent(type_, ts, te, tuple(args)))
        docs.append(fd)
    return docs


CUT_AT = ("\n", ". ", " ")  # where a long document is cut, best first: a line break, a sentence's end, a space


def cut_to_fit(docs: list[FinishedDoc], limit: int, piece: int) -> tuple[list[FinishedDoc], list[str]]:
    """``docs`` with each one longer than ``limit`` characters (spaCy parses no longer text) cut into pieces of at
    most ``piece`` (the parser's memory grows with a text's length), and the names of those cut. A cut falls in the second half of a piece, at a line break, else a
    sentence's end, else a space, never inside a decided span or between an event's trigger and its arguments where
    another place is free; each piece keeps what lies wholly in it, its offsets its own. A piece gets an id no
    document has (negative) and ``piece_of`` its document's."""
    out: list[FinishedDoc] = []
    cut: list[str] = []
    next_id = -1
    for d in docs:
        if len(d.text) <= limit:
            out.append(d)
            continue
        cut.append(d.name)
        for start, end in _piece_bounds(d, piece):
            out.append(_piece(d, start, end, next_id))
            next_id -= 1
    return out, cut


def _piece_bounds(d: FinishedDoc, limit: int) -> list[tuple[int, int]]:
    text = d.text
    inside = bytearray(len(text) + 1)  # 1 where a cut would split a span or an event
    spans = [(s, e) for s, e, _l in d.entities + d.rejected]
    for ev in d.events:
        places = [(ev.start, ev.end)] + [(a.start, a.end) for a in ev.arguments]
        spans.append((min(p[0] for p in places), max(p[1] for p in places)))
    for s, e in spans:
        if e - s > 1:
            inside[s + 1 : e] = b"\x01" * (e - s - 1)
    return piece_bounds(text, limit, CUT_AT, inside)


def _piece(d: FinishedDoc, start: int, end: int, piece_id: int) -> FinishedDoc:
    def within(s: int, e: int) -> bool:
        return start <= s and e <= end

    events = [
        GoldEvent(
            ev.type,
            ev.start - start,
            ev.end - start,
            tuple(GoldArgument(a.role, a.start - start, a.end - start, a.label) for a in ev.arguments),
        )
        for ev in d.events
        if within(ev.start, ev.end) and all(within(a.start, a.end) for a in ev.arguments)
    ]
    return FinishedDoc(
        piece_id,
        d.name,
        d.text[start:end],
        d.status,
        [(s - start, e - start, lab) for s, e, lab in d.entities if within(s, e)],
        [(s - start, e - start, lab) for s, e, lab in d.rejected if within(s, e)],
        events,
        d.undecided,
        piece_of=d.id,
    )


KFOLD_BELOW = 50  # fewer finished documents than this: k-fold; more: one fixed held-out part
HELD_OUT = 0.2


def held_out_split(ids: list[int], seed: int = 0, folds: int = 5) -> list[tuple[list[int], list[int]]]:
    """(train ids, held-out ids) pairs: one fixed 80/20 split from ``KFOLD_BELOW`` documents up, else k folds.

    The split depends only on the ids and the seed, so the same documents stay held out from run to run
    (documents finished later join either side by their own draw)."""
    ids = sorted(ids)
    if len(ids) < 2:
        return []
    if len(ids) >= KFOLD_BELOW:
        held = [i for i in ids if random.Random(f"{seed}:{i}").random() < HELD_OUT]
        if not held:
            held = ids[-1:]
        rest = [i for i in ids if i not in set(held)]
        return [(rest, held)]
    order = ids[:]
    random.Random(seed).shuffle(order)
    k = min(folds, len(order))
    parts = [order[j::k] for j in range(k)]
    return [([i for i in ids if i not in set(p)], sorted(p)) for p in parts]
