"""The words of the work left in the open document: the status line's whole ``work_left`` and the status bar's own
widget's ``work_left_short`` (``WindowFlow.work_left_now`` chooses which applies), and the note of a mark made
without asking (split from ui/window_flow.py to keep it to the window's flow)."""

from __future__ import annotations

from annotator.model import FINISHED

MARK_KEY = "Ctrl+Enter: mark it annotated"  # the key left once every suggestion of a document is decided


def work_left(n: int, status: str = "in_progress", events: int = 0, words: int = 0, made: bool = True) -> str:
    """What the status line says of ``n`` undecided suggestions (``events`` of them events) in a document of
    ``status``, and what the keys do with them (it said nothing while nothing was selected; "Ctrl+Enter: mark it
    annotated" on one marked already). The events are counted apart: among 200 entity suggestions, how many events
    were left to decide was told by no view but the event list, row by row. ``words``: the trigger words N stops at,
    said once every suggestion is decided in a document not finished (seed 000 was marked annotated by Tab and Enter
    with six of its gold events never made: no suggestion came for them, and the line said nothing of them).
    ``made``: the document ever had a suggestion; none (a team project's final set before adjudication, a run that
    found nothing) is said so, not "Every suggestion … is decided" of work nobody did."""
    done = status in FINISHED
    enter = "Ctrl+Enter: the next document" if done else "Ctrl+Enter: done" if n else MARK_KEY
    if n:
        among = _events_among(n, events)
        return f"{n} suggestion{'s' if n != 1 else ''} undecided in this document{among} (Tab: the next; {enter})"
    said = "Every suggestion in this document is decided" if made else "No suggestions in this document"
    if words and not done:
        one = words == 1
        return f"{said}; {words} trigger word{'' if one else 's'} {'is' if one else 'are'} no event yet (N: the next; {enter})"
    return f"{said}{f'; it is {status}' if done else ''} ({enter})"


def _events_among(n: int, events: int) -> str:
    """How many of ``n`` undecided suggestions are events, as both work-left lines say it."""
    if not events:
        return ""
    if n == 1:
        return ", an event"
    return f", {events} of them events" if events > 1 else ", one of them an event"


def work_left_short(n: int, status: str = "in_progress", events: int = 0, words: int = 0, made: bool = True) -> str:
    """``work_left`` as the status bar's own widget says it beside a selection's line, the count alone (``work_left``
    whole in its tooltip): at 1366x768 a suggested event's line naming four fillers, or E's message with its Shift+E,
    pushed the count after it out of the line ("11 of them ev…")."""
    if n:
        among = _events_among(n, events)
        return f"Left: {n} undecided{among}"
    said = "all decided" if made else "no suggestions"
    if words and status not in FINISHED:
        return f"Left: {said}; {words} trigger word{'' if words == 1 else 's'} no event yet"
    return f"{said[:1].upper()}{said[1:]}{f'; {status}' if status in FINISHED else ''}"


def keys_left(n: int, status: str = "in_progress", words: int = 0) -> str:
    """The keys ``work_left_short``'s words are followed by where the status bar has room beside the selection's line
    (``WindowStatusLine.say_keys_left``): with every suggestion decided that line says no key ("GPE (accepted):
    Russia"), and Ctrl+Enter, the one key left, was in the widget's tooltip alone (seed 000 decided by Enter at 1366,
    session 39); "" while suggestions are left (the line says their keys) or the document is finished."""
    if n or status in FINISHED:
        return ""
    return f" (N: the next; {MARK_KEY})" if words else f" ({MARK_KEY})"


def unasked_note(name: str, n: int, status: str) -> str | None:
    """What Ctrl+Enter or Mark reviewed did without asking (Settings: the person chose not to be asked)."""
    if not n:
        return None
    what = f"{n} undecided suggestion{'s' if n != 1 else ''}"
    return f"{name} marked {status} with its {what} accepted, unasked (Ctrl+Z takes it back; Settings can ask first)"
