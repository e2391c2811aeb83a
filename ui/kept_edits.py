"""The app's side of the journal of kept edits (``annotator.kept_journal``): a killed run's edits taken over at an
open, and what a close says of edits still kept."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from annotator import kept_journal
from annotator.store import Project
from annotator.wording import counted
from annotator.write_queue import FIRST_WAIT_MS
from ui import commands

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller


def take_over_journal(controller: "Controller", project: Project) -> None:
    """What a run killed while another program wrote had kept (its journal): written before the first view, or,
    while that program still writes, kept in the controller's queue as if made now, before any new edit."""
    replay = kept_journal.replay(project, wait_ms=FIRST_WAIT_MS, adopt=True)
    if replay is None or replay.waiting is None:
        return
    journal, lines = replay.waiting
    kept = []
    for line in lines:
        try:
            cmd = commands.command_for_line(controller, line)
        except kept_journal.NotJournaled as exc:
            replay.notes.append(f"a kept edit ({line.get('edit', '?')}) could not be made: {exc}")
            journal.skip(int(line["seq"]))
            continue
        kept.append((cmd, partial(_as_who_kept, project, line, cmd), int(line["seq"])))
    controller.writes.adopt(journal, kept)
    controller.tell_waiting()


def _as_who_kept(project: Project, line: dict[str, Any], cmd: commands.CoreEditCommand) -> bool:
    with kept_journal.as_who_kept(project, line):  # their name on it, as had it landed before the kill
        return cmd.execute()


def not_saved_at_close(titles: list[str], journaled: int) -> str:
    """The close's message for edits still kept (``titles``), ``journaled`` of them in the journal for the next open."""
    n = len(titles)
    named = f"({', '.join(titles[:5])}{', ...' if n > 5 else ''})"
    said = f"{counted(n, 'edit')} not saved yet: another program was still writing to the project when it was closed {named}"
    if journaled == n:
        return (
            f"{said}; {'they are' if n > 1 else 'it is'} kept beside it and written the next time the project is opened"
        )
    if journaled:
        return f"{said}; {journaled} of them kept beside it for the next open, the rest lost"
    return said
