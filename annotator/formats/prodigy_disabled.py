"""The tokens a Prodigy task shows but does not let the annotator select (``"disabled": true``: ``rel.manual``'s
``--disable-patterns``, which keep punctuation and function words out of relations), kept with the document by their
character offsets and written back on the tokens at those offsets. Session 35: the flags were dropped, so a dataset
sent back to Prodigy for correction let every token be selected."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

DISABLED = "disabled_tokens"  # in a document's meta["prodigy"]: [start, end] of each disabled token


def disabled_tokens(tasks: Iterable[Mapping[str, Any]]) -> list[list[int]] | None:
    """The [start, end] of every token the tasks mark ``disabled``, in order, once; None when no token carries the
    key (an empty list when the tasks mark them all ``false``: written back so)."""
    found: dict[tuple[int, int], None] = {}
    given = False
    for task in tasks:
        tokens = task.get("tokens")
        for t in tokens if isinstance(tokens, list) else ():
            if not isinstance(t, dict) or "disabled" not in t:
                continue
            given = True
            if t["disabled"] is True and isinstance(t.get("start"), int) and isinstance(t.get("end"), int):
                found[(t["start"], t["end"])] = None
    return [list(x) for x in found] if given else None


def mark_disabled(tokens: list[dict[str, Any]], kept: Any) -> None:
    """``tokens`` (as the Prodigy export writes them) each given ``disabled`` when the document kept the flags
    (``kept``: ``disabled_tokens``' list), true on those at the kept offsets."""
    if not isinstance(kept, list):
        return
    off = {tuple(x) for x in kept if isinstance(x, list) and len(x) == 2}
    for t in tokens:
        t["disabled"] = (t["start"], t["end"]) in off
