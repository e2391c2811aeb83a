"""The doccano line's record of its events' attributes (``meta_keys.EVENT_ATTRIBUTES``): doccano has no place for them
(its spans carry a label alone, its relations a type), but it keeps a line's other keys on import and writes them back
on export (an example's ``meta``), so our export writes each event's attributes there, by its trigger's region, and the
reader puts them back on that region (Label Studio's tasks carry them as per-region ``choices`` instead)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable


def record(events: Iterable[dict[str, Any]], at: Callable[[int], int], label: Callable[[str], str]) -> list[list[Any]]:
    """``[start, end, TYPE, {attribute: value}]`` for each exported event record with a value (its trigger's offsets as
    the line writes them, ``at``; its type as the line's region is labelled, ``label``), in the events' order (the
    order of their regions); [] when none has one."""
    out = []
    for v in events:
        given = {k: x for k, x in v["attributes"].items() if isinstance(x, str)}
        if given:
            out.append([at(v["trigger"]["start"]), at(v["trigger"]["end"]), label(v["type"]), given])
    return out


def by_region(
    spans: Iterable[tuple[Any, Any, Any, Any]], given: Any, relations: Iterable[tuple[Any, Any, Any]] = ()
) -> dict[Any, dict[str, str]]:
    """The attributes ``given`` (a line's record, ``record``'s shape) puts on each region of ``spans`` (key, start,
    end, label, as the line writes them), the records of one span and label on its regions in order (events sharing
    a trigger). Where the span has more regions than records, one that stands for a nested event (on its trigger's
    span, of its type: a relation (from, to, type) of ``relations`` reaches it, none leaves it) is not a trigger's, and
    of the rest the last (the export writes the events' regions after the entities'); a malformed entry, or one more
    than the regions of its span, is passed over."""
    regions: dict[tuple[Any, Any, Any], list[Any]] = defaultdict(list)
    for key, s, e, label in spans:
        regions[(s, e, label)].append(key)
    records: dict[tuple[Any, Any, Any], list[dict[str, str]]] = defaultdict(list)
    for item in given if isinstance(given, list) else ():
        if isinstance(item, list) and len(item) == 4 and isinstance(item[3], dict):
            records[(item[0], item[1], item[2])].append({str(n): x for n, x in item[3].items() if isinstance(x, str)})
    drawn = [(frm, to) for frm, to, _ in relations]
    stand_ins = {to for _, to in drawn} - {frm for frm, _ in drawn}
    out: dict[Any, dict[str, str]] = {}
    for where, got in records.items():
        keys = regions.get(where, [])
        if len(keys) > len(got):
            keys = [k for k in keys if k not in stand_ins] or keys
        out.update(zip(keys[-len(got) :], got))
    return out
