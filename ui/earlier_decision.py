"""The Adjudication list's Decision cell of an item a merge opened again: what the reviewer had decided before and
whose merged version no longer agrees with it (until session 36 the cell was empty, as for an item never decided)."""

from __future__ import annotations

from annotator.teams.differences import Difference


def earlier_said(d: Difference) -> str:
    """The cell of an open item a merge reopened: "open again (carol's merged version differs): was bob by rita"; ""
    else."""
    if d.decision or not d.earlier:
        return ""
    who = f" by {d.earlier['by']}" if d.earlier.get("by") else ""
    by = d.earlier.get("reopened_by")
    why = f" ({by}'s merged version differs)" if by else ""
    return f"open again{why}: was {d.earlier.get('take', '?')}{who}"
