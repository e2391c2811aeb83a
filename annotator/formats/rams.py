"""RAMS' document lines (Ebner et al. 2020, "Multi-Sentence Argument Linking"; ``RAMS_1.0/data/train.jsonlines``), for
``formats.oneie`` to read as it reads WikiEvents' (``formats.wikievents``): a line is a document of a few sentences,
``doc_key``, ``sentences`` (lists of tokens), ``evt_triggers`` (``[start, end, [[type, 1.0]]]``), ``ent_spans``
(``[start, end, [[role, 1.0], ...]]``: the arguments' spans, typed by the role they fill, RAMS having no entity types)
and ``gold_evt_links`` (``[[trigger start, end], [argument start, end], role]``), token indices of the document, both
ends inclusive. Event types have three levels, AIDA's (``life.die.deathcausedbyviolentevents``), roles are numbered
after their type (``evt090arg01victim``).

Each argument span is an entity labelled by the role's name (``victim``; the one it fills first where it fills several,
the others said), as the tools that convert RAMS to DyGIE++ label them; a role is named the same way; the event types
are read as WikiEvents' are (by their first two levels where the schema has those, the three kept for the exports).
Kept in the meta as the other keys of a line: ``source_url``, ``split``, ``language_id``; RAMS' ``rel_triggers`` and
``gold_rel_links`` (empty in the release) too. A line of another shape is refused with its line (session 30: such a line
was read as DyGIE++, for its ``doc_key`` and ``sentences``, its events dropped without a word; ``.jsonlines``, RAMS'
ending, was "unknown kind of file").
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from annotator.formats.reading import listed, need

RAMS_KEYS = ("evt_triggers", "gold_evt_links", "ent_spans")
_ROLE = re.compile(r"^evt\d+arg\d+(.+)$")  # evt090arg01victim: the role victim of type 090


def is_rams_line(obj: Any) -> bool:
    """A RAMS document: ``sentences`` of tokens beside ``evt_triggers`` and ``gold_evt_links``."""
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("sentences"), list)
        and all(isinstance(s, list) for s in obj["sentences"])
        and isinstance(obj.get("evt_triggers"), list)
        and isinstance(obj.get("gold_evt_links"), list)
    )


def role_name(role: str) -> str:
    """RAMS' role ``evt090arg01victim`` by its name, ``victim`` (a role of another shape as it is)."""
    got = _ROLE.match(role)
    return got.group(1) if got else role


def _span(x: Any, what: str, n: int, path: Path, line: int) -> tuple[int, int]:
    ok = isinstance(x, list) and len(x) >= 2 and all(type(v) is int for v in x[:2]) and 0 <= x[0] <= x[1] < n
    need(ok, path, line, f"{what}: tokens {x[:2] if isinstance(x, list) else x!r} are not a span of the {n} tokens")
    return x[0], x[1]


def _first_type(x: Any) -> str | None:
    """The first type of RAMS' ``[[type, score], ...]``."""
    first = x[0] if isinstance(x, list) and x else None
    return first[0] if isinstance(first, list) and first and isinstance(first[0], str) else None


def rams_as_wikievents(obj: dict[str, Any], path: Path, line: int, warnings: list[str]) -> dict[str, Any]:
    """The RAMS line in WikiEvents' shape (token spans end exclusive, arguments by the id of their entity)."""
    sentences = obj["sentences"]
    need(
        all(isinstance(t, str) and t.strip() for s in sentences for t in s) and any(sentences),
        path,
        line,
        "'sentences' must be lists of tokens (strings)",
    )
    tokens = [t for s in sentences for t in s]
    n = len(tokens)
    sent_of = [k for k, s in enumerate(sentences) for _ in s]
    entities: dict[tuple[int, int], dict[str, Any]] = {}

    def entity(s: int, e: int, role: str) -> dict[str, Any]:
        got = entities.get((s, e))
        if got is None:
            got = {"id": f"T{len(entities)}", "sent_idx": sent_of[s], "start": s, "end": e + 1, "entity_type": role,
                   "text": " ".join(tokens[s : e + 1])}  # fmt: skip
            entities[(s, e)] = got
        return got

    for k, x in enumerate(listed(obj.get("ent_spans") or [], "'ent_spans'", path, line)):
        s, e = _span(x, f"ent_spans {k}", n, path, line)
        given = x[2] if len(x) > 2 and isinstance(x[2], list) else []
        roles = list(
            dict.fromkeys(role_name(r[0]) for r in given if isinstance(r, list) and r and isinstance(r[0], str))
        )
        got = entity(s, e, roles[0] if roles else "argument")
        if len(roles) > 1:
            warnings.append(
                f"{path}:{line}: the span {got['text']!r} fills roles {', '.join(roles)}: labelled {roles[0]}"
            )
    events: dict[tuple[int, int], dict[str, Any]] = {}
    for k, x in enumerate(obj["evt_triggers"]):
        s, e = _span(x, f"evt_triggers {k}", n, path, line)
        etype = _first_type(x[2] if len(x) > 2 else None)
        need(etype is not None, path, line, f"evt_triggers {k} needs a type ([[type, score]])")
        trigger = {"start": s, "end": e + 1, "text": " ".join(tokens[s : e + 1]), "sent_idx": sent_of[s]}
        events[(s, e)] = {"id": f"E{k}", "event_type": etype, "trigger": trigger, "arguments": []}
    for k, x in enumerate(obj["gold_evt_links"]):
        need(isinstance(x, list) and len(x) == 3 and isinstance(x[2], str), path, line, f"gold_evt_links {k}: shape")
        at = _span(x[0], f"gold_evt_links {k} trigger", n, path, line)
        need(at in events, path, line, f"gold_evt_links {k}: no trigger at tokens {list(at)}")
        s, e = _span(x[1], f"gold_evt_links {k} argument", n, path, line)
        role = role_name(x[2])
        got = entity(s, e, role)
        events[at]["arguments"].append({"entity_id": got["id"], "role": role, "text": got["text"]})
    rest = {k: v for k, v in obj.items() if k not in (*RAMS_KEYS, "sentences", "doc_key")}
    at, shaped = 0, []
    for s in sentences:  # WikiEvents' [[token, start, end], ...], text: a space between tokens
        items = []
        for t in s:
            items.append([t, at, at + len(t)])
            at += len(t) + 1
        shaped.append([items, " ".join(s)])
    return {
        **rest,
        "doc_id": obj.get("doc_key"),
        "tokens": tokens,
        "sentences": shaped,
        "entity_mentions": list(entities.values()),
        "relation_mentions": [],
        "event_mentions": list(events.values()),
    }
