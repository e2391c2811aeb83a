"""An edit made from what a view showed is refused if the row changed elsewhere since (StaleChangeError).

Ids are never reused (migration 3), and the view's copy of the span or event travels with the edit as
``expected``: checked inside the edit's transaction, nothing can change between the check and the write.
"""

from __future__ import annotations

from typing import Iterable

import orjson

from annotator.errors import DeletedElsewhereError, StaleChangeError
from annotator.model import Entity, Event
from annotator.store import Project
from annotator.wording import isolated

ENTITY_FIELDS = ("document_id", "annotation_set", "start", "end", "label", "state")
EVENT_FIELDS = ("document_id", "annotation_set", "type", "trigger_start", "trigger_end", "state")


def check_as_shown(project: Project, row_id: int, expected: Entity | Event | None) -> None:
    """Raise StaleChangeError unless the row ``row_id`` is still what ``expected`` shows (None: no check). The message
    quotes the words the person saw and names who changed the row ("“Maria Lopez” (PERSON) was changed elsewhere, by
    bob (now accepted)"; until session 37 "the PERSON span [0, 11) …", offsets nobody sees, and not who)."""
    if expected is None:
        return
    is_event = isinstance(expected, Event)
    table, fields = ("events", EVENT_FIELDS) if is_event else ("entities", ENTITY_FIELDS)
    row = project.row(table, row_id)
    same = row is not None and all(row.get(f, getattr(expected, f)) == getattr(expected, f) for f in fields)
    if same and isinstance(expected, Event):
        same = orjson.loads(row["attributes"] or "{}") == dict(expected.attributes)  # type: ignore[index]
    if same:
        return
    text = project.db.document_text(expected.document_id) or ""  # read only to say the refusal
    if isinstance(expected, Event):
        what = f"the {expected.type} event {quoted(text, expected.trigger_start, expected.trigger_end)}"
    else:
        what = f"{quoted(text, expected.start, expected.end)} ({expected.label})"
    if row is None:
        raise DeletedElsewhereError(what)
    if table == "entities":
        moved = (row["start"], row["end"]) != (expected.start, expected.end)
        now = f"{quoted(text, row['start'], row['end'])} " if moved else ""
        now += f"{row['label']}, " if moved or row["label"] != expected.label else ""
        now = f"now {now}{row['state']}"
    else:
        moved = (row["trigger_start"], row["trigger_end"]) != (expected.trigger_start, expected.trigger_end)
        now = f"now {row['type']}" + (f" {quoted(text, row['trigger_start'], row['trigger_end'])}" if moved else "")
        now += "" if row["state"] == expected.state else f", {row['state']}"
    who = row.get("annotator")
    by = f", by {who}" if who else ""
    raise StaleChangeError(f"{what} was changed elsewhere{by} ({now}); nothing was changed")


def quoted(text: str, start: int, end: int) -> str:
    """The words of ``[start, end)`` as a message quotes them (the first 40 code points, "…" after a longer span);
    their offsets where the text is not at hand."""
    words = text[start:end]
    if not words:
        return f"[{start}, {end})"
    return f"“{isolated(words[:40])}{'…' if len(words) > 40 else ''}”"


def is_as_shown(item: Entity | Event, expected: Entity | Event | None) -> bool:
    """``item`` (a span or an event as held, not a row of the file) is still what ``expected`` shows: an edit made
    from ``expected`` would not be refused by ``check_as_shown`` on a row as ``item`` (None: no check)."""
    if expected is None:
        return True
    fields = EVENT_FIELDS if isinstance(expected, Event) else ENTITY_FIELDS
    same = all(getattr(item, f) == getattr(expected, f) for f in fields)
    if same and isinstance(expected, Event):
        same = dict(item.attributes) == dict(expected.attributes)  # type: ignore[union-attr]
    return same


def aimed_at(project: Project, row_id: int, expected: Entity | Event | None) -> int:
    """The span or event an edit from the view is aimed at: ``row_id``, or, when that undecided suggestion is gone
    and a later pre-annotation run (the app's own, or a command's) put the very same suggestion in its place (the
    same document, set, offsets and label; for an event the same trigger and type with arguments in the same roles;
    undecided: a run deletes its undecided suggestions and writes them afresh, with new ids), that one: the person
    decides on what they saw. Until session 18 the key was refused as 'deleted elsewhere' and lost. Anything else is
    left to ``check_as_shown`` to refuse."""
    table = "events" if isinstance(expected, Event) else "entities"
    if expected is None or expected.state != "suggested" or project.row(table, row_id) is not None:
        return row_id
    if isinstance(expected, Event):
        roles = sorted(a.role for a in expected.arguments)
        trigger = (expected.trigger_start, expected.trigger_end)
        again = project.db.same_event_suggestion(
            expected.document_id, expected.annotation_set, trigger, expected.type, roles, after=row_id
        )
    else:
        again = project.db.same_suggestion(
            expected.document_id, expected.annotation_set, expected.start, expected.end, expected.label, after=row_id
        )
    return row_id if again is None else again


def check_none_unseen(
    project: Project, found: Iterable[int], shown: Iterable[int | Entity | Event] | None, what: str
) -> None:
    """Raise StaleChangeError when a decision on every suggestion of a document would reach one the view never showed
    (``shown``: the suggestions it showed undecided, as ids or as the rows it showed; None: no check): a
    pre-annotation or an import elsewhere added it since, and "accept all" would accept it unseen. A row shown that a
    later run replaced by the very same suggestion (``aimed_at``: new ids, the same offsets and label, or trigger,
    type and roles) stands for its successor: Accept all and Ctrl+Enter in the moment after a re-run decide what the
    person saw, as a single key does (until session 19 they were refused until the app's next poll)."""
    if shown is None:
        return
    shown = list(shown)
    ids = {s if isinstance(s, int) else s.id for s in shown}
    unseen = set(found) - ids
    if unseen:  # the successors of rows shown and gone (one row read each, only when something looks new)
        unseen -= {aimed_at(project, s.id, s) for s in shown if not isinstance(s, int)}
    if unseen:
        n = len(unseen)
        raise StaleChangeError(
            f"{n} {what} suggestion{'s' if n != 1 else ''} came in elsewhere since the document was shown (another "
            f"window or process); nothing was changed; look at {'them' if n != 1 else 'it'} first"
        )
