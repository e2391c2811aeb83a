"""The Adjudication window's steps on the app's undo stack: thin wrappers around the core's settling functions
(``annotator.teams.adjudication``), and which items a step kept while another program writes settles once saved."""

from __future__ import annotations

from typing import Any

from annotator.teams import adjudication as adj
from annotator.teams.differences import Difference
from ui.commands import CoreEditCommand


class TakeVersion(CoreEditCommand):
    edit = adj.take

    def describe(self, diff: Difference, set_name: str, **kw: Any) -> str:
        return f"Take {set_name}'s {diff.kind}"


class TakeBoth(CoreEditCommand):
    edit = adj.take_both
    title = "Keep both spans"


class MarkEdited(CoreEditCommand):
    edit = adj.mark_edited
    title = "Settle by editing"


class TakeAllFrom(CoreEditCommand):
    """Shift+A / Shift+B…: one annotator's version of every item left (``adj.take_all_from``), one step."""

    edit = adj.take_all_from

    def describe(self, doc_id: int, set_name: str, **kw: Any) -> str:
        return f"Take {set_name}'s version of every item left"


class TakeAllAgreed(CoreEditCommand):
    edit = adj.take_all_agreed
    title = "Take all agreed"

    def describe(self, *args: Any, **kwargs: Any) -> str:
        """With one annotator nothing is agreed: "Take all", as G's button says (Edit > Undo and the line after Ctrl+Z
        said "Take all agreed")."""
        return "Take all" if len(kwargs.get("sets") or ()) == 1 else self.title


def settled_by(edit: object, diffs: list[Difference]) -> set[str]:
    """The items of ``diffs`` that ``edit``, a decision of this window kept while another program writes, settles once
    it is saved (none: it is no decision of this window's)."""
    if isinstance(edit, (TakeVersion, TakeBoth, MarkEdited)) and edit.step.args:
        return {edit.step.args[0].id}
    if isinstance(edit, (TakeAllFrom, TakeAllAgreed)) and edit.step.args:
        doc_id = edit.step.args[0]
        here = [d for d in diffs if d.document_id == doc_id and not d.settled]
        if isinstance(edit, TakeAllAgreed):
            return {d.id for d in here if d.agreed or len(d.options) == 1}
        return {d.id for d in here if edit.step.args[1] in d.sets}
    return set()
