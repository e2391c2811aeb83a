"""What the app says of edits kept while another program writes to the project (``write_queue``): waiting, saved,
taken back, refused, left at a close. The words only; the app shows them."""

from __future__ import annotations

from annotator.errors import ProjectMovedError
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


def redo_waits(n: int) -> str:
    """Why a redo is refused while ``n`` later edits are kept (they would land after it)."""
    return (
        f"another program is writing to the project and {n} later {'edit waits' if n == 1 else 'edits wait'} to be "
        f"saved: redo once {'it is' if n == 1 else 'they are'} saved; nothing was changed"
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
