"""WikiEvents' document lines (Li, Ji and Han 2021; the data of ``gen-arg`` and the tools after it), for
``formats.oneie`` to read: a line is a whole document, ``doc_id``, ``tokens`` (all of them), ``text``,
``sentences`` (each ``[[[token, start, end], ...], its text]``, the characters of an original article the file does
not hold), ``entity_mentions`` and ``event_mentions`` as OneIE's but by the document's token indices (with a
``sent_idx``), the arguments by ``entity_id`` anywhere in the document. Event types have three levels, KAIROS's
(``Conflict.Attack.DetonateExplode``, ``Life.Die.Unspecified``).

The text is each sentence's own text, a line each (the line's ``text`` runs the sentences together: "said.We"); an
event type the schema lacks is read by its first two levels where the schema has that type (``Conflict.Attack``, the
news schema's ``Conflict:Attack``), said once a file, its three levels kept in the document's meta by the trigger's
characters (``wikievents_names.KEPT``: ``[start, end, the schema's type, the file's type]``), which the OneIE
and WikiEvents exports write back for an event still of that type on that trigger (session 30: the third level was
lost, ``Conflict.Attack`` written back).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from annotator.formats.reading import need
from annotator.formats.schema_names import SchemaNames
from annotator.formats.wikievents_names import LEVELS

TYPE_LEVELS = 3  # KAIROS's event types: type, subtype, sub-subtype


def is_wikievents_line(obj: Any) -> bool:
    """A WikiEvents document: ``tokens`` as strings beside ``sentences`` given as ``[tokens with their characters,
    text]`` pairs."""
    if not isinstance(obj, dict) or not isinstance(obj.get("tokens"), list):
        return False
    sentences = obj.get("sentences")
    return (
        isinstance(sentences, list)
        and bool(sentences)
        and all(
            isinstance(s, list) and len(s) == 2 and isinstance(s[0], list) and isinstance(s[1], str) for s in sentences
        )
    )


def wikievents_sentences(obj: dict[str, Any], path: Path, line: int) -> list[tuple[list[str], str]]:
    """The document's sentences, each its tokens and its own text; refused in one line when they are not the line's
    ``tokens`` in order."""
    got: list[tuple[list[str], str]] = []
    for k, (items, text) in enumerate(obj["sentences"]):
        tokens = [t[0] if isinstance(t, list) and t and isinstance(t[0], str) else None for t in items]
        need(
            bool(tokens) and all(isinstance(t, str) and t.strip() for t in tokens),
            path,
            line,
            f"sentences {k}: each token must be [token, start, end]",
        )
        got.append(([t for t in tokens if t is not None], text))
    every = [t for tokens, _ in got for t in tokens]
    need(every == obj["tokens"], path, line, "'sentences' must hold the line's 'tokens', in order")
    return got


def two_levels(obj: dict[str, Any], names: SchemaNames, read: Counter[str]) -> dict[str, Any]:
    """The document with each event type the schema has no type of (``Conflict.Attack.DetonateExplode``) as its first
    two levels where the schema has a type of those (``Conflict.Attack``), counted in ``read`` by the file's type."""
    events = obj.get("event_mentions")
    if not isinstance(events, list):
        return obj
    mapped = []
    for v in events:
        etype = v.get("event_type") if isinstance(v, dict) else None
        if isinstance(etype, str) and etype.count(".") == TYPE_LEVELS - 1 and names.declared_type(etype) is None:
            first_two = etype.rsplit(".", 1)[0]
            ours = names.declared_type(first_two)
            if ours is not None:
                read[etype] += 1
                v = {**v, "event_type": first_two, LEVELS: [ours, etype]}
        mapped.append(v)
    return {**obj, "event_mentions": mapped}
