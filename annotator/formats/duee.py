"""DuEE's event lines (Baidu's DuEE 1.0, and DuEE-Fin's documents: ``{"text", "id", "event_list": [{"event_type",
"trigger", "trigger_start_index", "arguments": [{"argument_start_index", "role", "argument", "alias"}], "class"}]}``,
JSON lines under a ``.json`` name; character offsets of the text, each span given by its start and its words), made a
line of the project's own JSONL (``plain._parsed`` reads it so, the types and roles the schema lacks told from the
events). DuEE has no entity types: each argument is an entity labelled by the role it fills (the first where it fills
several), as RAMS' (``rams``); an argument without ``argument_start_index`` (DuEE-Fin's) is placed on the occurrence
of its words nearest the trigger. Not kept: ``class`` (the first part of its ``event_type``) and ``alias``. Words not
at their offset, or not in the text, refuse the file with the line. Session 32: the ``event_list`` went to the meta and
every event was lost without a word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.formats.reading import listed, need


def is_duee_line(obj: Any) -> bool:
    """A DuEE line: a ``text`` and an ``event_list`` of objects with an ``event_type`` and a ``trigger``."""
    events = obj.get("event_list") if isinstance(obj, dict) else None
    return (
        isinstance(obj.get("text") if isinstance(obj, dict) else None, str)
        and isinstance(events, list)
        and all(isinstance(v, dict) and "event_type" in v and "trigger" in v for v in events)
    )


def _at(text: str, words: Any, start: Any, near: int, what: str, path: str, line: int) -> tuple[int, int]:
    """The characters ``[start, end)`` of ``words`` at ``start``, or (no start) at their occurrence nearest ``near``."""
    need(isinstance(words, str) and words.strip() != "", path, line, f"{what} needs its words")
    if start is None:
        found = [k for k in range(len(text)) if text.startswith(words, k)]
        need(bool(found), path, line, f"{what}: {words!r} is not in the text")
        start = min(found, key=lambda k: abs(k - near))
    ok = type(start) is int and 0 <= start and text[start : start + len(words)] == words
    need(ok, path, line, f"{what}: {words!r} is not at {start!r} (DuEE's offsets, characters of the text)")
    return start, start + len(words)


def duee_as_line(obj: dict[str, Any], path: str, line: int) -> tuple[dict[str, Any], int]:
    """The DuEE line as a line of the project's JSONL (its entities, events and meta), and how many of its arguments
    were placed by their words alone (no ``argument_start_index``)."""
    text = obj["text"]
    entities: dict[tuple[int, int], dict[str, Any]] = {}
    events = []
    placed = 0
    for k, v in enumerate(obj["event_list"]):
        etype = v.get("event_type")
        need(isinstance(etype, str) and etype != "", path, line, f"event {k} needs an 'event_type'")
        s, e = _at(text, v.get("trigger"), v.get("trigger_start_index"), 0, f"event {k} trigger", path, line)
        arguments = []
        for j, a in enumerate(listed(v.get("arguments") or [], f"event {k} 'arguments'", path, line)):
            need(isinstance(a, dict) and isinstance(a.get("role"), str), path, line, f"event {k} argument {j}: role")
            start = a.get("argument_start_index")
            placed += start is None
            span = _at(text, a.get("argument"), start, s, f"event {k} argument {j}", path, line)
            got = entities.setdefault(span, {"id": len(entities) + 1, "start": span[0], "end": span[1],
                                             "label": a["role"]})  # fmt: skip
            arguments.append({"role": a["role"], "entity_id": got["id"]})
        events.append({"type": etype, "trigger": {"start": s, "end": e}, "arguments": arguments})
    name = obj.get("id", obj.get("name"))
    meta = {key: x for key, x in obj.items() if key not in ("text", "id", "name", "event_list")}
    out = {"name": str(name) if name is not None else f"{Path(path).name}:{line}", "text": text, "meta": meta,
           "entities": list(entities.values()), "events": events}  # fmt: skip
    return out, placed


def duee_note(path: Any, lines: int, placed: int) -> str:
    """What a file's DuEE lines became, said once a file."""
    by_words = f"; {placed} placed by their words, nearest the trigger (no 'argument_start_index')" if placed else ""
    return (
        f"{path}: DuEE's event lines ({lines}): each argument an entity labelled by its role (DuEE has no entity "
        f"types){by_words}; 'class' and 'alias' not kept"
    )
