"""Data shown in places that guess rich text (tooltips): escaped and marked as rich, so it shows literally; a
suggestion's state with its score, as every view words it."""

from __future__ import annotations

import html


def no_mnemonic(text: str) -> str:
    """Text from data for a button, tab, action or menu: Qt takes "&" as a shortcut marker ("R&D" showed as
    "RD" with Alt+D); doubled, it shows as itself."""
    return text.replace("&", "&&")


def tooltip_text(text: str) -> str:
    """A tooltip that shows ``text`` exactly: Qt would take plain escaped text as plain when its first line
    has no tag, and then show "&lt;" to the person."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>" if text else ""


def state_with_score(state: str, score: float | None) -> str:
    """A span's or event's state with the suggester's score where it gave one ("suggested; score 0.85"): the one
    wording of a score in the event list, the entity table and the text's tooltips."""
    return f"{state}; score {score:.2f}" if score is not None else state


def event_state_text(state: str, score: float | None, alternatives: "tuple[str, ...] | list[str]" = ()) -> str:
    """An event's state as the event editor says it: undecided (a suggestion, with its score) or decided, and the
    other types a suggestion was made with, which E offers first ("undecided (suggested; score 0.75); also
    possible: Personnel:End-Position (Shift+E takes Personnel:End-Position; E: the picker)"). The list calls a
    suggestion "undecided" too."""
    words = f"undecided ({state_with_score(state, score)})" if state == "suggested" else state_with_score(state, score)
    if alternatives and state == "suggested":
        words += f"; also possible: {', '.join(alternatives)} (Shift+E takes {alternatives[0]}; E: the picker)"
    return words


def near_type_said(type_: str, word: str, changed: "list[tuple[str, str | None, str]]", after: "str | None") -> str:
    """What Shift+E says when it took the type of an event near the trigger ``word`` (no word or suggestion named
    another: ``type_order.next_event_type``), with the fillers it ``changed`` (``retype_said``'s) and the next type."""
    moved, gone = retype_parts(changed)
    out = (f"; {moved}" if moved else "") + (f"; {gone} taken out" if gone else "")
    more = f"Shift+E again: {after}; " if after not in (None, type_) else ""
    return f"{type_}, the type of an event near “{word}”{out} ({more}E: the picker)"


WAITS_MARK = "⏳"  # a decision kept while another program writes, shown made: it waits to be saved (the status line's)


def retype_parts(changed: "list[tuple[str, str | None, str]]") -> tuple[str, str]:
    """The fillers a type change carried to another role ("Target “Omar Haddad” is its Victim") and those it took
    out ("Place “Kyoto”"), of (role, its role now or None: taken out, the filler's words) each."""
    moved = ", ".join(f"{role} “{words}” is its {to}" for role, to, words in changed if to is not None)
    gone = ", ".join(f"{role} “{words}”" for role, to, words in changed if to is None)
    return moved, gone


def retype_said(type_: str, changed: "list[tuple[str, str | None, str]]") -> str:
    """What a type change did to the arguments it did not keep in their role, (role, its role now or None: taken out,
    the filler's words) each; "" when none."""
    moved, gone = retype_parts(changed)
    said = ([f"{type_}: {moved}"] if moved else []) + ([f"{type_} cannot hold {gone}: taken out"] if gone else [])
    return f"{'; '.join(said)} (Ctrl+Z puts it back)" if said else ""


def state_shown(state: str, waits: bool) -> str:
    """A list's State as it says a decision kept, not yet saved: "accepted ⏳"."""
    return f"{state} {WAITS_MARK}" if waits else state


# a state's mark, where the list has no room for its word: at 1366x768 the event list's State read "unde…", "acce…"
# and "reje…" (session 23); decided (accepted, or made by a person) is one mark, the word in the cell's tooltip
STATE_MARKS = {"undecided": "?", "accepted": "✓", "added": "✓", "rejected": "✗"}
STATE_MARKS_SAID = "State: ✓ decided (accepted or added), ? undecided, ✗ rejected, where the word has no room"


def state_marked(shown: str) -> str:
    """The mark of a list's State (``state_shown``'s text: "accepted ⏳" reads "✓⏳")."""
    state, _, waits = shown.partition(" ")
    return STATE_MARKS.get(state, state) + waits


def categories_line(categories: list[str]) -> tuple[str, tuple[str, ...]]:
    """The title's categories: the whole line, and shorter ones that cut no category, for where it does not fit
    ("—  categories: armed-conflict and 2 more", then "—  3 categories"; at 1366x768 it read "categories: armed-con…"
    beside a long name). A single category too long for the room is elided as before; the whole is in the tooltip."""
    if not categories:
        return "", ()
    head, n = "—  categories: ", len(categories)
    shorter = [f"{head}{', '.join(categories[:k])} and {n - k} more" for k in range(n - 1, 0, -1)]
    return head + ", ".join(categories), tuple(shorter + ([f"—  {n} categories"] if n > 1 else []))


def out_of_history_said(error: object, step: str) -> str:
    """What the line says of a step an undo or redo could not make (``error``, the file's refusal), taken out of the
    undo history: the refusal, then the step by its name (``QUndoCommand.text``), one wording for the edits' steps
    (``ui.commands``) and the annotation sets' (``ui.set_steps``)."""
    return f"{error} — “{step}” was removed from the undo history"
