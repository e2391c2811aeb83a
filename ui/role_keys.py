"""The role keys: Alt+1..9 fill role 1..9 of the selected event (Alt+Shift+N one more filler, Ctrl+Alt+N none):
the keys the editing reads, and the name the event keys' messages and the event panel show."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from annotator.stand_ins import stand_in
from annotator.name_span import filler_around
from annotator.role_event import event_for_filler
from annotator.rules import takes
from annotator.wording import first_named

if TYPE_CHECKING:  # pragma: no cover
    from annotator.model import Entity, Event
    from annotator.schema import Role, Schema
    from ui.controller import Controller

ROLE_KEYS = {getattr(Qt.Key, f"Key_{i}"): i for i in range(1, 10)}
# Shift+1..9 on a US keyboard: Alt+Shift+N adds another filler to role N
ROLE_KEYS.update(
    {
        k: i + 1
        for i, k in enumerate(
            (
                Qt.Key.Key_Exclam,
                Qt.Key.Key_At,
                Qt.Key.Key_NumberSign,
                Qt.Key.Key_Dollar,
                Qt.Key.Key_Percent,
                Qt.Key.Key_AsciiCircum,
                Qt.Key.Key_Ampersand,
                Qt.Key.Key_Asterisk,
                Qt.Key.Key_ParenLeft,
            )
        )
    }
)


def role_shortcut(index: int) -> str:
    """The key that fills the role at ``index`` (0-based) of the selected event ("" past the ninth: none)."""
    return f"Alt+{index + 1}" if index < 9 else ""


def no_candidate_row(key: str) -> tuple[str, tuple[str, ...]]:
    """What an empty role's row says when no entity it accepts is in the document (``set_full_text``'s text and its
    shorter ones): its key fills it with selected words ("— select words, Alt+4"; the row's first column names
    the key where that does not fit at 1366); a dash alone for a role with no key (a tenth). Session 36: the row said
    a dash alone, and only its tooltip why."""
    if not key:
        return "—", ()
    return f"— select words, {key}", ("— select words first",)


def no_candidate_tip(role: str, labels: Iterable[str], key: str) -> str:
    """The tooltip of such a row: why it is empty and what its key does with a selection."""
    said = f"{role} is empty; no entity it accepts is in the document"
    if not key:
        return said
    return (
        f"{said}: select its words in the text (or click a span) and press {key}; words that are no span yet "
        f"become one ({', '.join(labels)})"
    )


NAMED_MOST = 2  # fillers of other roles a role key's message names: three long ones filled the line at 1366 pixels


def elsewhere_said(c: "Controller", ev: "Event", role: "Role", index: int, lead: str) -> str:
    """The fillers of ``ev``'s other roles that ``role`` (role ``index``) takes, which its key's cycle leaves out,
    named with the key that moves one: "; “two years” is in Time (select it, then Alt+4 moves it)" (the first
    ``NAMED_MOST``, then how many more); "" when none."""
    mine = {a.entity_id for a in ev.arguments if a.role == role.name}
    seen: dict[int, str] = {}
    for a in ev.arguments:
        e = c.entities.get(a.entity_id)
        if a.role != role.name and e is not None and e.id not in mine and takes(role, e.label):
            seen.setdefault(e.id, f"“{c.span_said(e.start, e.end)}” is in {a.role}")
    if not seen:
        return ""
    named = list(seen.values())
    one = "it" if len(seen) == 1 else "one"
    return f"{lead}{first_named(named, NAMED_MOST)} (select {one}, then {role_shortcut(index)} moves it)"


def filled_span(c: "Controller", event_id: int, arg: int | None, span: tuple[int, int]) -> int | None:
    """The span a role key's new span filled the role with: argument ``arg``'s of the event, or (``arg`` None: the edit
    kept while another program writes) the one made on the words ``span``, held under its stand-in id until it lands."""
    if arg is not None:
        return next((a.entity_id for a in c.events[event_id].arguments if a.id == arg), None)
    return next((e.id for e in c.entities.values() if (e.start, e.end) == span and stand_in(e.id)), None)


def already_in(c: "Controller", entity_id: int, role: str, index: int) -> str:
    """What Alt+Shift+N says on a selected span that fills its role already (it did nothing and said nothing)."""
    e = c.entities[entity_id]
    key = f"Alt+Shift+{index + 1}"
    return f"“{c.span_said(e.start, e.end)}” is already in {role} ({key} with nothing selected adds the next candidate)"


NEXT_SAID = 3  # the candidates Alt+N's message names, that the same key again puts in turn
NAME_SAID = 30  # characters of a candidate's words in that message


def next_said(
    c: "Controller",
    index: int,
    cands: Sequence[int | tuple[int, int]],
    more: object,
    sentence: tuple[int, int],
    filling: Iterable[str] = (),
) -> str:
    """What role key ``index`` again would put, as its message says it: the next few candidates after ``cands[0]``
    (the one just put) by their words (the key was pressed blind: a person cycled through wrong ones to find that the
    filler was never offered). A candidate whose words were named before it (the one just put, or one of these) or
    are those of a filler of another role of the event (``filling``) is told apart by where it is against the
    trigger's ``sentence``: "Alt+3 again: “Ukraine”, then another “New York” (a later sentence)" (it read "then “New
    York”", as if the one just put came back; "then “market”" beside a Target “market”, as if that one moved)."""
    # an entity's span, or a noun head's (``role_heads.heads_offered``: made a span when the key reaches it)
    ents = []
    for x in cands[: NEXT_SAID + 1]:
        e = None if isinstance(x, tuple) else c.entities.get(x)
        if isinstance(x, tuple) or e is not None:
            ents.append(x if isinstance(x, tuple) else (e.start, e.end))  # type: ignore[union-attr]
    seen: set[str] = set(filling)
    names = []
    for k, (start, _end) in enumerate(ents):
        words = c.span_said(start, _end)
        name = f"“{words if len(words) <= NAME_SAID else words[: NAME_SAID - 1] + '…'}”"
        if words in seen:
            where = "an earlier" if start < sentence[0] else "the trigger's" if start < sentence[1] else "a later"
            name = f"another {name} ({where} sentence)"
        seen.add(words)
        if k:
            names.append(name)
    if names:
        rest = f", then {', '.join(names[1:])}" if len(names) > 1 else ""
        return f"{role_shortcut(index)} again: {names[0]}{rest}"
    if more is not None:
        return f"{role_shortcut(index)} again: the candidates further from the trigger"
    return "no other candidate"


def put_said(c: "Controller", e: "Entity", sentence: tuple[int, int]) -> str:
    """The words of the span a role key put, and where it lies when that is not the trigger's ``sentence`` (none of
    events-dev's 1,055 gold arguments nor the seeds' 68 does; a document-level corpus's may): seed 006's "won", Alt+1
    with nothing selected, "Person: Funmilayo Bakare" of the sentence before (the trigger's has no PERSON free); Enter
    on "arrested", which moved on to "Bakare" of the next sentence, and Alt+2, "Agent: Bakare": said as if they were
    the trigger's (session 32)."""
    words, where = c.span_said(e.start, e.end), sentence_said(e, sentence)
    return f"{words}, {where}" if where else words


def sentence_said(e: "Entity", sentence: tuple[int, int]) -> str:
    """Where ``e`` lies against the trigger's ``sentence``: "" in it, else "of an earlier sentence" or "of a later
    sentence" (the role key's line, the event editor's empty role and fill list: one wording)."""
    if sentence[0] <= e.start and e.end <= sentence[1]:
        return ""
    return f"of {'an earlier' if e.start < sentence[0] else 'a later'} sentence"


def one_only(c: "Controller", ev: "Event", role: "Role") -> str:
    """What Alt+Shift+N adds to its message on a role of one filler, which it fills in place of the one there: seed
    006's "marched", Place "Ikeja", Alt+Shift+3 said "Place: Lagos (Alt+3 again: …)", read as a second place added."""
    old = [e for a in ev.arguments if a.role == role.name and (e := c.entities.get(a.entity_id)) is not None]
    return f" in place of “{c.span_said(old[-1].start, old[-1].end)}” ({role.name} takes one)" if old else ""


def filling(c: "Controller", ev: "Event", role: "Role") -> list[str]:
    """The words of the fillers of the event's other roles (``next_said`` tells a candidate of those words apart)."""
    return [
        c.span_said(f.start, f.end) for a in ev.arguments if a.role != role.name and (f := c.entities.get(a.entity_id))
    ]


def event_to_fill(c: "Controller", current: "Event | None", words: tuple[int, int] | None) -> "Event | None":
    """The event a role key fills: ``current``, or, when the ``words`` (or span) the person selected lie in another
    sentence than its trigger (or no event is selected), the event of their sentence nearest them
    (``role_event.event_for_filler``: an argument lies in its trigger's sentence), selected now so that the editor
    shows the roles it fills."""
    ev = current if words is None else event_for_filler(c.events.values(), current, words, c.sentence(words[0]))
    if ev is not None and ev.id != c.current_event:
        c.select_event(ev.id)
    return ev


@contextmanager
def said_on_event(c: "Controller") -> Iterator[None]:
    """A role key's line names the event it filled when the key chose another than the one selected by its trigger's
    words: "On “summit”: Entity: Modi as PERSON (…)" (the editor shows its type; with the type the line was cut at
    1366x768)."""
    before, said = c.current_event, []

    def note(message: str) -> None:
        said.append(message)

    c.info.connect(note)
    try:
        yield
    finally:
        c.info.disconnect(note)
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        if said and ev is not None and c.current_event != before:
            c.report_status(f"On “{c.span_said(ev.trigger_start, ev.trigger_end)}”: {said[-1]}")


def bar_filler(c: "Controller", start: int, end: int) -> tuple[int, int] | None:
    """The name of several words a role key typed in Find's bar selects for the role around the match ``[start, end)``
    when it lies in no span (``name_span.filler_around``), else None: the match stays selected (a span it lies in the
    key takes in the text, ``EditActions.take_span_around_match``; else the key fills with its word)."""
    spans = [(e.start, e.end) for e in c.entities.values() if e.state != "rejected"]
    text = c.doc.text if c.doc is not None else ""
    word = c.snap(start, end)
    got = filler_around(text, spans, word, c.name_around(start, end))
    return None if got == word else got


def labels_with_keys(schema: "Schema", labels: Iterable[str]) -> str:
    """``labels`` with the key of each that has one: "DATE (7), TIME (8)" (what a role takes, said where a role key
    refuses a span of another label)."""
    keys = {e.name: e.key for e in schema.entities}
    return ", ".join(f"{lab} ({keys[lab]})" if keys.get(lab) else lab for lab in labels)
