"""What the status line says of the selected event, fitted to the line's width (a helper of ``WindowFlow``).

At 1366x768 a suggested event with long fillers and other possible types filled the line, and the caret note ("the
caret is on …; Space selects it") was left out, the keys at the end cut ("X: reje…"), where a person on another span
pressed Enter and accepted the event the line named (session 34). The line keeps what a person needs most, in this
order: the keys that decide the selected event (Enter, Shift+Enter, X), then the caret note, then the words (the
trigger's, the fillers', the other types'), shortened with "…" first; the required roles it leaves empty, with their
keys (session 35), are said after the keys and left out once the fillers are counted and the other types left out,
before the caret note's or the trigger's words are shortened. The whole text goes in the line's tooltip. A plain
word's caret note (E's meaning there: ``caret_note.PlainWord``) is kept only while the fillers are named and the
other types at least counted: it is left out before any of them is shortened."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterator

from annotator.model import Entity, Event
from annotator.rules import event_missing_roles
from annotator.wording import counted, first_named
from ui.caret_note import PlainWord, caret_note
from ui.role_keys import role_shortcut

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller

# what decides the suggestion selected, said beside it: a person new to the app found Enter and X only in the context
# menu or Help > Shortcuts (the line named Tab and Ctrl+Enter, not these)
DECIDE_KEYS = " (Enter: accept; X: reject)"
FILLERS_SAID = 3  # a suggested event's fillers the status line names (what Enter accepts with it); the rest counted
WORDS_SAID = 60  # the trigger's and a phrase's words quoted in the whole line (code points)
FILLER_WORDS = 24  # a filler's words quoted
SHORT_WORDS = 16  # any words quoted where the whole line does not fit


@dataclass(frozen=True)
class Said:
    """How much of each part a line says: fillers named (the rest counted), code points of each quoted words,
    the other types named (all, or only counted, or none) and whether the caret note is in."""

    fillers: int = FILLERS_SAID
    words: int = WORDS_SAID
    filler_words: int = FILLER_WORDS
    note_words: int = 40
    types: str = "all"  # "all", "counted", "none"
    note: bool = True
    missing: bool = True  # the required roles left empty, with their keys


def _shorter() -> Iterator[Said]:
    """The lines tried, longest first: the other types only counted (the editor's State row names them), then the
    fillers named fewer (what Enter accepts with it, counted), then the other types left out (Shift+E still changes
    the type), the required roles left empty left out (the editor's red names and the event list say them), the caret
    note's words shortened, the trigger's words shortened; the caret note left out last of all (the keys are never
    left out)."""
    yield Said(fillers=FILLERS_SAID)
    for n in range(FILLERS_SAID, -1, -1):
        yield Said(fillers=n, types="counted")
    yield Said(fillers=0, types="none")
    yield Said(fillers=0, types="none", missing=False)
    yield Said(fillers=0, types="none", missing=False, note_words=SHORT_WORDS)
    yield Said(fillers=0, types="none", missing=False, note_words=SHORT_WORDS, words=SHORT_WORDS)
    yield Said(fillers=0, types="none", missing=False, note_words=SHORT_WORDS, words=SHORT_WORDS, note=False)


def _quoted(c: "Controller", start: int, end: int, most: int) -> str:
    """The words of ``[start, end)``, the first ``most`` code points, "…" after them where they were cut."""
    return f"{c.span_said(start, end, most)}{'…' if end - start > most else ''}"


def event_line(
    c: "Controller",
    v: Event,
    phrase: tuple[int, int] | None,
    under: Entity | Event | PlainWord | None,
    fits: Callable[[str], bool],
) -> tuple[str, str]:
    """(the line, the whole line) for the selected event ``v``: the longest of ``_shorter``'s lines that ``fits``,
    else the shortest. ``phrase``: what Shift+Enter takes it as; ``under``: the span or event under the caret
    (``caret_note.caret_span``). The whole line names every filler, the other types and the caret note whole."""
    suggested = v.state == "suggested"
    etype = c.schema.event_type(v.type) if c.schema is not None else None
    roles = [r.name for r in etype.roles] if etype is not None else []
    fillers = sorted(  # by role, a role's in the text's order, as the editor lists them (session 38)
        ((a.role, e) for a in v.arguments if (e := c.entities.get(a.entity_id))),
        key=lambda f: (roles.index(f[0]) if f[0] in roles else len(roles), f[1].start),
    )
    others = list(v.alternatives) if suggested else []
    missing = missing_said(roles, event_missing_roles(c.schema, v) if c.schema is not None else [])

    def line(s: Said, whole: bool = False) -> str:
        said = f"event {v.type} ({v.state}): {_quoted(c, v.trigger_start, v.trigger_end, s.words)}"
        keys = DECIDE_KEYS if suggested else ""
        if keys and fillers:  # what Enter accepts with it, named: the text draws the fillers only while in view
            named = [f"{role} “{_quoted(c, e.start, e.end, s.filler_words)}”" for role, e in fillers]
            shown = ", ".join(named) if whole else first_named(named, s.fillers) if s.fillers else ""
            keys = f" (Enter: accept, with {shown or counted(len(named), 'filler')}; X: reject)"
        if phrase is not None:  # "found" of "found … guilty": Shift+Enter takes the phrase (a decided event's too)
            words = _quoted(c, *phrase, s.words)
            if keys:
                keys = keys.replace("; X:", f"; Shift+Enter: accept as “{words}”; X:")
            else:
                keys = f" (Shift+Enter: widen the trigger to “{words}”)"
        note = ""
        if s.note and under is not None:
            note = caret_note(c, under, s.note_words)
        alt = ""
        if others and s.types == "all":
            alt = f"; also possible: {', '.join(others)} (Shift+E)"
        elif others and s.types == "counted":
            alt = f"; Shift+E: {counted(len(others), 'other type')}"
        return f"{said}{keys}{missing if s.missing else ''}{note}{alt}"

    whole = line(Said(filler_words=WORDS_SAID), whole=True)  # the tooltip's: each filler's words whole
    tried = list(_shorter())
    if isinstance(under, PlainWord):  # a plain word's note (E's meaning there) goes before the fillers' names do
        tried = [Said(), Said(types="counted"), *(replace(t, note=False) for t in tried)]
    return next((t for s in tried if fits(t := line(s))), line(tried[-1])), whole


def missing_said(roles: list[str], missing: list[str]) -> str:
    """ "; missing Artifact (Alt+2)": the required roles the event leaves empty, each with its key, said after the
    keys that decide it and never left out (session 35: the line read "visit (Enter: accept; X: reject)" where only the
    event list's red "missing Artifact" and the editor's red star told that Enter accepts an event a role short)."""
    if not missing:
        return ""
    named = [f"{r} ({key})" if r in roles and (key := role_shortcut(roles.index(r))) else r for r in missing]
    return f"; missing {', '.join(named)}"
