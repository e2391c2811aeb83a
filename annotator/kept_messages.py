"""What is said of edits kept while another program writes to the project (``write_queue``): waiting, saved,
taken back, refused, left at a close, their journal not written; what an open wrote of a killed program's journal
(``kept_journal``), and why a project read as its file holds it cannot be read yet (``kept_reading``). The words
only, in one place: the app, the command line and the API show them."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import ProjectMovedError
from annotator.read_only import ReadOnlyReason
from annotator.wording import counted


def waiting(n: int, last: str, failure: object | None = None, journal_problem: str | None = None) -> str:
    """The status line while ``n`` edits are kept (``last``: the newest one's title); "" when none is."""
    if not n:
        return ""
    if isinstance(failure, ProjectMovedError) and failure.file_now is not None:
        return (
            f"{counted(n, 'edit')} kept (the last: {last}) wait{'s' if n == 1 else ''} for the project file, renamed "
            f"or moved meanwhile, to be opened from where it is now; {'it is' if n == 1 else 'they are'} kept beside "
            "it and written then" + (f"; in memory only: {journal_problem}" if journal_problem else "")
        )
    return (
        f"Waiting for another program to finish writing to the project… {counted(n, 'edit')} kept "
        f"(the last: {last}), saved as soon as it is done"
        + (f"; not saved yet: {failure}" if failure else "")
        + (f"; in memory only: {journal_problem}" if journal_problem else "")
    )


def saved(n: int) -> str:
    """Once the last of ``n`` kept edits is written."""
    return f"Saved: {counted(n, 'edit')} made while another program was writing {'is' if n == 1 else 'are'} in the file now"


def taken_back(title: str, left: int) -> str:
    """An undo of the kept edit ``title``, never written; ``left`` still kept."""
    return f"Taken back before it was saved: {title}" + (
        f" ({counted(left, 'edit')} still waiting to be saved)" if left else ""
    )


def decision_waits(what: str, title: str) -> str:
    """A key deciding a ``what`` ("span", "event") whose decision ``title`` is kept: nothing more is kept (it would be
    refused when it landed, the item no longer as shown)."""
    return f"This {what}'s decision (“{title}”) is kept already, saved once the other program is done; nothing more was kept"


def roles_wait(title: str) -> str:
    """A key editing the roles of an event whose roles have the edit ``title`` kept, on an argument or a span that edit
    made (not in the file until it lands): nothing more is kept (it would be refused when it landed)."""
    return f"Nothing more kept: this event's roles wait for “{title}” to be saved (another program is writing)"


def made_waits(title: str) -> str:
    """A key on a span or an argument the kept edit ``title`` made (held under a stand-in id, not in the file until it
    lands): nothing more is kept (it would be refused when it landed)."""
    return f"Nothing more kept: what “{title}” made is not saved yet (another program is writing); press it again then"


def redo_waits(n: int) -> str:
    """Why a redo is refused while ``n`` later edits are kept (they would land after it)."""
    return (
        f"another program is writing to the project and {n} later {'edit waits' if n == 1 else 'edits wait'} to be "
        f"saved: redo once {'it is' if n == 1 else 'they are'} saved; nothing was changed"
    )


def close_project_waits(n: int, refused: str = "Not closed", then: str = "close the project") -> str:
    """File > Close project while ``n`` edits are kept: refused (the window stays on the project until they land);
    File > Save a copy… too (``refused`` and ``then`` its words: the copy would lack them)."""
    return (
        f"{refused}: {counted(n, 'edit')} waiting for another program to finish writing "
        f"{'is' if n == 1 else 'are'} not saved yet; {then} once the count beside this line is gone"
    )


def close_waits(n: int, seconds: int) -> str:
    """A window closed while ``n`` edits are kept: it closes once they are saved; closed again, after ``seconds``."""
    return (
        f"The window closes once {counted(n, 'edit')} waiting for another program to finish writing "
        f"{'is' if n == 1 else 'are'} saved (closing it again waits for them at most {seconds} s more, then closes "
        "without them)"
    )


def kept_for_reopen(n: int) -> str:
    """The box offering to reopen a project file renamed while ``n`` edits are kept (their journal goes with it)."""
    return (
        f"{counted(n, 'edit')} waiting to be saved {'is' if n == 1 else 'are'} kept beside it: reopening it writes "
        f"{'it' if n == 1 else 'them'}."
    )


def not_saved_at_close(titles: list[str], journaled: int, moved: bool = False) -> str:
    """The close's message for edits still kept (``titles``), ``journaled`` of them in the journal for the next open;
    ``moved``: they waited for a project file renamed or moved meanwhile."""
    n = len(titles)
    named = f"({', '.join(titles[:5])}{', ...' if n > 5 else ''})"
    why = (
        "the project file was renamed or moved meanwhile"
        if moved
        else "another program was still writing to the project when it was closed"
    )
    said = f"{counted(n, 'edit')} not saved yet: {why} {named}"
    if journaled == n:
        when = "when it is opened from where it is now" if moved else "the next time the project is opened"
        return f"{said}; {'they are' if n > 1 else 'it is'} kept beside it and written {when}"
    if journaled:
        return f"{said}; {journaled} of them kept beside it for the next open, the rest lost"
    return said


def journal_not_written(why: object) -> str:
    """A kept edit's journal line could not be written (a full disk): it is kept in memory only."""
    return f"the journal of kept edits could not be written ({why})"


def journal_not_updated(why: object) -> str:
    """An edit taken back or refused could not be marked in the journal: the next open would make it."""
    return f"the journal of kept edits could not be updated ({why})"


def journal_not_moved(name: str, why: object) -> str:
    """The journal could not follow its project file, renamed or moved to ``name``."""
    return f"the journal of kept edits could not be moved beside {name} ({why})"


# -- an open's replay of journals a killed program left (kept_replay.replay): its summary and its notes ---------


def replayed(written: int, waiting: int | None, notes: list[str]) -> str | None:
    """What an open wrote of edits a killed program kept: ``written`` saved now, ``waiting`` (None: no journal
    taken over) left to write before any new edit, then each note; None when there is nothing to say."""
    if not written and not notes and waiting is None:
        return None
    parts = [f"Saved now: {_kept_by_a_stopped_program(written)}"] if written else []
    if waiting is not None:
        parts.append(
            f"{_kept_by_a_stopped_program(waiting)} wait{'s' if waiting == 1 else ''} for another program writing to "
            "the project, before any new edit"
        )
    return "; ".join([*parts, *notes])


def _kept_by_a_stopped_program(n: int) -> str:
    return f"{counted(n, 'edit')} kept by a program that stopped before saving {'them' if n > 1 else 'it'}"


def journal_torn(name: str) -> str:
    """A journal whose last line a kill cut short (the lines before it are made)."""
    return f"{name}: its last line was cut short (written when the program was killed): ignored"


def journal_damaged(name: str, line: int, why: object) -> str:
    """A journal whose ``line`` cannot be read: the kept edits from there on are not made, the journal stays."""
    return f"{name}: line {line} is damaged ({why}): the kept edits from there on were not made"


def journal_left(why: object) -> str:
    """A journal that cannot be read (``why`` names it) or is not one: left where it is, nothing made."""
    return f"{why}; it is left as it is"


def journal_unreadable(name: str, why: object) -> str:
    """A journal that could not be read or removed (an OSError): left where it is."""
    return journal_left(f"{name}: could not be read or removed ({why})")


def journal_of_another_file(name: str) -> str:
    """A journal beside the project, kept for another file that had its name: that file's open writes it."""
    return (
        f"{name}: kept for another file that had this name: left as it is for that file's own open, nothing made here"
    )


def journal_of_another_project(path: Path) -> str:
    """A journal beside the project kept for another project whose file had this one's name and inode (copied over it
    in place): none of it can go here; said once (``whereabouts.note_told``), with what to do."""
    return (
        f"{path.name}: kept for another project, whose file had this name (another project was copied over it since); "
        f"none of its edits can go into this one: remove it ({path}) or move it away, it is of no use here (said this "
        "once)"
    )


def replay_waits(name: str, n: int) -> str:
    """``n`` edits of the journal ``name`` met another program writing: left for the next open."""
    return (
        f"{name}: {counted(n, 'kept edit')} wait{'s' if n == 1 else ''} for another program writing to the project; "
        f"{'it is' if n == 1 else 'they are'} written at the next open"
    )


def replay_not_saved(name: str, n: int, why: object) -> str:
    """``n`` edits of the journal ``name`` not written (a full disk, a file renamed since the open): kept for later."""
    return f"{name}: {counted(n, 'kept edit')} not written yet ({why}); written at the next open that can save them"


def kept_not_in_read_only(name: str, n: int, why: ReadOnlyReason | None) -> str:
    """A read-only open of a project for which a killed program kept ``n`` edits (journal ``name``): not in it here."""
    because = "opened read-only" if why is None or why.asked else f"read-only: {why.text}"
    return (
        f"{name}: {counted(n, 'edit')} a stopped program kept {'are' if n > 1 else 'is'} not in it ({because}); saved "
        "at the next open that can write it"
    )


def kept_unread_here(name: str, why: object) -> str:
    """A journal of kept edits beside a project opened read-only that this user cannot read (``why``)."""
    return (
        f"{name}: edits a program kept and never saved may be missing from the project as read here: their journal "
        f"cannot be read ({why}); they are written at the next open by the person who kept them"
    )


def kept_not_writable_here(name: str, n: int, why: object, owner: str) -> str:
    """A read-write open that cannot write the journal ``name`` of ``n`` edits a killed program kept (``why``: it is
    ``owner``'s): not in the project as read here."""
    return (
        f"{name}: {counted(n, 'edit')} a stopped program kept {'are' if n > 1 else 'is'} not in it (their journal "
        f"is {owner}'s and cannot be written by this user: {why}); saved at the next open by {owner}, who kept them"
    )


def replay_refused(title: str, why: object) -> str:
    """A kept edit the file no longer takes (a rule it breaks now, a row deleted since): said, never retried;
    ``title`` names it as the Undo menu did (``kept_lines.title_of``)."""
    return f"a kept edit (“{title}”) could not be made: {why}"


# -- a project read as its file holds it (merge's sources: kept_reading), with edits kept for it ------------------


def not_opened_to_write_kept(path: object, why: object) -> str:
    """The project at ``path`` could not be opened to write the edits kept for it."""
    return f"{path}: edits an app kept for it and never saved could not be written into it ({why})"


def kept_cannot_be_written_here(path: object, n: int, journals: str, why: str, again: str) -> str:
    """``n`` kept edits (in ``journals``) this user cannot write into the file (``why``): what to do, then ``again``."""
    return (
        f"{path}: holds {counted(n, 'edit')} an app kept and never saved ({journals}); {'they' if n > 1 else 'it'} "
        f"cannot be written into it here ({why}): open it once as someone who can write it (the app, or "
        f"'annotator stats {path}'), then {again}"
    )


def left_log_written(log: object) -> str:
    """The edits a program killed after a rename had saved under the file's old name (its log ``log``) are in it."""
    return f"Saved now: the edits saved under its old name by a program stopped since ({Path(str(log)).name}) are in it"


def left_log_not_written(path: object, log: object, why: object, again: str) -> str:
    """Edits saved under the file's old name (``log``) that cannot be written into it here (``why``)."""
    return (
        f"{path}: edits saved in it under its old name are in {log} (the program that saved them was stopped before it "
        f"met the rename); they cannot be written into it here ({why}): open it once as someone who can write it (the "
        f"app, or 'annotator stats {path}'), then {again}"
    )


def kept_unreadable(path: object, journals: str, why: object, again: str) -> str:
    """Journals beside the file this user cannot read (``why``: its keeper's umask): whom to open it as, then ``again``."""
    return (
        f"{path}: {journals} holds edits an app kept for it and never saved, which cannot be read here ({why}): open "
        f"the project once as the person who kept them (the app, or 'annotator stats {path}'), then {again}"
    )


def kept_unwritable(path: object, n: int, journals: str, why: object, owner: str, again: str) -> str:
    """``n`` kept edits whose journals this user cannot write (``why``; ``owner``'s): whom to open it as, then
    ``again``."""
    return (
        f"{path}: holds {counted(n, 'edit')} an app kept and never saved ({journals}, {owner}'s); "
        f"{'they' if n > 1 else 'it'} cannot be written into it by this user ({why}): open it once as {owner} (the "
        f"app, or 'annotator stats {path}'), then {again}"
    )


def kept_by_a_running_program(path: object, n: int, journals: str, again: str) -> str:
    """``n`` edits a program still running keeps for the file: ``again`` once it has saved them or is closed."""
    return (
        f"{path}: a program still has it open with {counted(n, 'edit')} not saved yet ({journals}): {again} once that "
        f"program has saved {'them' if n > 1 else 'it'} or is closed"
    )


def kept_not_written(path: object, n: int, notes: list[str], again: str) -> str:
    """``n`` kept edits the replay could not write (its ``notes``, else another program writing)."""
    why = "; ".join(notes) if notes else "another program is writing to it"
    return (
        f"{path}: {counted(n, 'edit')} an app kept for it could not be written into it ({why}): {again} once "
        f"{'they are' if n > 1 else 'it is'} (open it in the app to see why)"
    )
