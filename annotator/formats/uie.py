"""UIE's and Text2Event's sentence lines (Lu et al. 2022, "Unified Structure Generation for Universal Information
Extraction": ``universal-ie/UIE``'s ``docs/DATASETS.md``, ``data/text2spotasoc/event/*/train.json``, JSON lines under a
``.json`` name; the tools after it read the same), for ``formats.oneie`` to read as OneIE sentences: ``text``, its
``tokens``, ``entity`` (``[{type, offset, text}]``: ``offset`` the list of the mention's token indices), ``relation``
(``[{type, args: [two entities, each with its type, offset and text]}]``) and ``event`` (``[{type, offset, text, args:
[{type: the role, offset, text}]}]``). Types and roles are spelt in words by UIE's converters (``geographical social
political``, ``attack``, ``attacker``) and matched to the schema as any OneIE file's; ``record``, ``spot``, ``asoc``,
``spot_asoc`` and ``task`` are the training targets UIE makes from the three lists (``TARGETS``: not kept, said).

An argument whose span is no entity of the line becomes one labelled by its role's name (as RAMS' are, ``rams``), said;
an ``offset`` with a gap (not met in UIE's converted data) is read from its first token to its last, said. A line of
another shape, or an offset outside the line's tokens, refuses the file with its line. Session 32: such a ``.jsonl``
was read as Prodigy (its ``text`` and ``tokens``), its entities, relations and events dropped without a word, and a
``.json`` (UIE's own name) skipped as "not an annotator JSON export".
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from annotator.formats.reading import listed, need

UIE_KEYS = ("entity", "relation", "event")
TARGETS = ("record", "spot", "asoc", "spot_asoc", "task")  # made by UIE from the three lists: not kept
TARGETS_LOST = "UIE's training targets ('record', 'spot', 'asoc', 'spot_asoc': UIE makes them from its lists)"
BY_ROLE = "UIE argument spans of no entity of their line, labelled by their role"
GAPS = "UIE offsets with a gap, read from their first token to their last"


def label_name(name: Any, said: Counter[str]) -> Any:
    """UIE's name in words as a label may hold it, its spaces ``_`` (``geographical social political`` ->
    ``geographical_social_political``: a label holds no space, ``schema.is_label_name``), counted in ``said``."""
    if not isinstance(name, str) or " " not in name.strip():
        return name.strip() if isinstance(name, str) else name
    joined = "_".join(name.split())
    said[f"UIE names in words read with '_' for their spaces: {name} -> {joined}"] += 1
    return joined


def is_uie_line(obj: Any) -> bool:
    """A UIE line: ``tokens`` (strings) beside lists of ``entity``, ``relation`` and ``event`` (or one of them with
    UIE's ``spot_asoc`` or ``record``), each item an object with an ``offset`` or ``args``."""
    if not (isinstance(obj, dict) and isinstance(obj.get("tokens"), list)):
        return False
    if not all(isinstance(t, str) for t in obj["tokens"]):
        return False
    lists = [obj[k] for k in UIE_KEYS if isinstance(obj.get(k), list)]
    if not (len(lists) == len(UIE_KEYS) or (lists and any(k in obj for k in ("spot_asoc", "record")))):
        return False
    return all(isinstance(x, dict) and ("offset" in x or "args" in x) for got in lists for x in got)


class _Line:
    """One UIE line being turned into OneIE's shape: its entities by token span, and what was said of it."""

    def __init__(self, obj: dict[str, Any], path: Path, line: int, said: Counter[str]) -> None:
        self.tokens: list[str] = obj["tokens"]
        self.said = said
        self.path, self.line = path, line
        self.entities: dict[tuple[int, int], dict[str, Any]] = {}
        self.by_role = 0  # argument spans of no entity, labelled by their role
        self.gaps = 0  # offsets with a gap, read from the first token to the last

    def span(self, x: Any, what: str) -> tuple[int, int]:
        """The tokens ``[start, end)`` of an item's ``offset``."""
        n = len(self.tokens)
        off = x.get("offset") if isinstance(x, dict) else None
        ok = isinstance(off, list) and bool(off) and all(type(v) is int and 0 <= v < n for v in off)
        need(ok, self.path, self.line, f"{what}: 'offset' {off!r} is no list of indices of the line's {n} tokens")
        s, e = min(off), max(off) + 1
        self.gaps += sorted(set(off)) != list(range(s, e))
        return s, e

    def entity(self, s: int, e: int, label: Any, what: str) -> dict[str, Any]:
        """The line's entity on ``[s, e)``, made with ``label`` where it has none."""
        got = self.entities.get((s, e))
        if got is None:
            need(isinstance(label, str) and label != "", self.path, self.line, f"{what} needs a 'type'")
            got = {"id": f"T{len(self.entities)}", "start": s, "end": e, "entity_type": label_name(label, self.said),
                   "text": " ".join(self.tokens[s:e])}  # fmt: skip
            self.entities[(s, e)] = got
        return got


def uie_as_oneie(obj: dict[str, Any], path: Path, line: int, lost: Counter[str], said: Counter[str]) -> dict[str, Any]:
    """The UIE line in OneIE's shape (token spans end exclusive, arguments by the id of their entity); counted for the
    file's lines: what it had that is not kept (``lost``) and what was read another way (``said``)."""
    got = _Line(obj, path, line, said)
    for k, x in enumerate(listed(obj.get("entity") or [], "'entity'", path, line)):
        s, e = got.span(x, f"entity {k}")
        got.entity(s, e, x.get("type"), f"entity {k}")
    relations = []
    for k, x in enumerate(listed(obj.get("relation") or [], "'relation'", path, line)):
        args = x.get("args") if isinstance(x, dict) else None
        need(isinstance(args, list) and len(args) == 2, path, line, f"relation {k} needs 'args': two entities")
        need(isinstance(x.get("type"), str), path, line, f"relation {k} needs a 'type'")
        ends = [got.entity(*got.span(a, f"relation {k} argument {j}"), a.get("type"), f"relation {k} argument {j}")
                for j, a in enumerate(args)]  # fmt: skip
        relations.append(
            {"id": f"R{k}", "relation_type": x["type"],
             "arguments": [{"entity_id": m["id"], "role": role, "text": m["text"]}
                           for m, role in zip(ends, ("Arg-1", "Arg-2"))]}
        )  # fmt: skip
    events = []
    for k, x in enumerate(listed(obj.get("event") or [], "'event'", path, line)):
        need(isinstance(x, dict) and isinstance(x.get("type"), str), path, line, f"event {k} needs a 'type'")
        s, e = got.span(x, f"event {k}")
        arguments = []
        for j, a in enumerate(listed(x.get("args") or [], f"event {k} 'args'", path, line)):
            need(isinstance(a, dict) and isinstance(a.get("type"), str), path, line, f"event {k} argument {j}: role")
            a_s, a_e = got.span(a, f"event {k} argument {j}")
            got.by_role += (a_s, a_e) not in got.entities
            m = got.entity(a_s, a_e, a["type"], f"event {k} argument {j}")
            arguments.append({"entity_id": m["id"], "role": label_name(a["type"], said), "text": m["text"]})
        trigger = {"start": s, "end": e, "text": " ".join(got.tokens[s:e])}
        event_type = label_name(x["type"], said)
        events.append({"id": f"E{k}", "event_type": event_type, "trigger": trigger, "arguments": arguments})
    said[BY_ROLE] += got.by_role
    said[GAPS] += got.gaps
    lost[TARGETS_LOST] += any(k in obj for k in TARGETS)
    rest = {k: v for k, v in obj.items() if k not in (*UIE_KEYS, *TARGETS)}
    return {**rest, "entity_mentions": list(got.entities.values()), "relation_mentions": relations,
            "event_mentions": events}  # fmt: skip
