"""What the Adjudication window says: one annotator's version in a line, the Difference and Decision cells, an item
waiting to be saved, and the keys line under the list (each annotator's key). An item a merge opened again says what
was decided before (until session 36 its cell was empty, as for an item never decided)."""

from __future__ import annotations

from dataclasses import replace

from annotator.teams.differences import CategoryOption, Difference, EntityOption, EventOption

SET_KEYS = "ABCDFHIJKL"  # E and G are taken by Edit and aGreed


def waiting_said(title: str) -> str:
    """The Decision cell of an item whose decision ``title`` is kept while another program writes."""
    return f"{title}: being saved (another program is writing)"


def describe_option(text: str, opt: EntityOption | EventOption | CategoryOption | None) -> str:
    """One line for one annotator's version."""
    if opt is None:
        return "—"
    if isinstance(opt, CategoryOption):
        return ", ".join(opt.categories) if opt.categories else "(no category)"
    if isinstance(opt, EntityOption):
        return f"{opt.label} “{text[opt.start : opt.end]}” [{opt.start}, {opt.end})"
    args = ", ".join(f"{role}=“{text[s:e]}”" for role, s, e, _ in opt.arguments)
    attrs = ", ".join(f"{k}={v}" for k, v in opt.attributes)
    return (
        f"{opt.type} “{text[opt.trigger_start : opt.trigger_end]}”"
        + (f" ({args})" if args else "")
        + (f" [{attrs}]" if attrs else "")
    )


def difference_said(d: Difference) -> str:
    """The Difference column's words: every way the versions differ ("only" says whose the item is: "only alice"; a
    bare "only" beside an A column and an empty B read as nothing at 1366x768, session 30). Until session 34 the first
    alone: with three annotators, "only alice, bob" hid that bob had taken an argument out of alice's event."""
    if not d.aspects:
        return d.status
    only = "only " + ", ".join(name for name, opt in d.options if opt is not None)
    return "; ".join(only if a == "only" else a for a in d.aspects)


def decision_said(text: str, d: Difference, finals: dict[tuple[int, int], tuple[EventOption, tuple[str, ...]]]) -> str:
    """The Decision cell: who took what, and for an event the final set's as it now is when it differs from the version
    taken ("alice by vera; now Personnel:Elect “election”, needs Person": a label taken later took its filler out of a
    role, and the row read as before)."""
    if not d.decision:
        return earlier_said(d)  # open; opened again by a merge: what was decided before
    said = d.decision["take"] + (f" by {d.decision['by']}" if d.decision.get("by") else "")
    taken = d.option(d.decision["take"]) if d.kind == "event" and d.decision["take"] in d.sets else None
    if not isinstance(taken, EventOption):
        return said
    now, lacking = finals.get((taken.trigger_start, taken.trigger_end), (None, ()))
    if now is None or (now.type, now.arguments) == (taken.type, taken.arguments):  # (attributes: the defaults added)
        return said
    now_said = describe_option(text, replace(now, attributes=()))
    return f"{said}; now {now_said}" + (f", needs {', '.join(lacking)}" if lacking else "")


def keys_hint(sets: int) -> str:
    """The keys line under the list, for ``sets`` annotators' columns: each one's key named (three annotators read
    "A / B" until session 34, C nowhere but on its button), "A … F" for more than four."""
    if sets == 0:  # nobody worked on the document: the heading says so, nothing to take
        return ""
    if sets == 1:
        return "A: take the annotator's version · E: edit · G: take them all · Ctrl+Z: undo"
    keys = SET_KEYS[: min(sets, len(SET_KEYS))]
    named = " / ".join(keys) if len(keys) <= 4 else f"{keys[0]} … {keys[-1]}"
    shifted = " / ".join(f"Shift+{k}" for k in keys) if len(keys) <= 3 else f"Shift+{keys[0]} … Shift+{keys[-1]}"
    return (
        f"{named}: take that annotator's version · {shifted}: of every item left · +: keep both spans · E: edit · "
        "G: all agreed · Ctrl+Z: undo"
    )


def earlier_said(d: Difference) -> str:
    """The cell of an open item a merge reopened: "open again: was bob by rita (carol's merged version differs)", what
    was decided first (the column is cut at 1366 with three annotators); "" else."""
    if d.decision or not d.earlier:
        return ""
    who = f" by {d.earlier['by']}" if d.earlier.get("by") else ""
    by, gone = d.earlier.get("reopened_by"), d.earlier.get("dropped_by")
    why = f" ({by}'s merged version differs)" if by else ""
    if gone:  # the item went with the only version of it, and a later merge brought one back (session 37)
        why = f" (gone with {gone}'s merged version, back with {by}'s)" if by else f" (gone with {gone}'s version)"
    return f"open again: was {d.earlier.get('take', '?')}{who}{why}"
