"""The names WikiEvents' reader (``formats.wikievents``, through ``formats.oneie``) and the exports that write its
three-level types back (``oneie_out``, ``wikievents_out``) share, apart from the reader's side (no format's writer
reaches ``reading``: an import-linter contract)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

LEVELS = "kairos_type"  # an event mention's [the schema's type it is read as, its own three-level type] (two_levels)
KEPT = "event_types"  # the key of the kept three-level types in the OneIE meta
COREF_FOLDER = "coref"  # gen-arg's coreference of a WikiEvents file: coref/NAME.jsonlines in the file's folder
COREF_SUFFIX = ".jsonlines"


def coref_path(documents: Path, part: str = "") -> Path:
    """Where gen-arg keeps the coreference of a WikiEvents file: ``coref/NAME.jsonlines`` in the file's folder; of a
    ``part`` of a split export (``corpus.train.jsonl``), ``coref/PART.jsonlines``: gen-arg's data module opens
    ``coref/train.jsonlines``, ``dev`` and ``test`` by its split, whatever its documents files are named."""
    return documents.parent / COREF_FOLDER / f"{part or documents.stem}{COREF_SUFFIX}"


def coref_paths(documents: Path) -> list[Path]:
    """Where a WikiEvents file's coreference may be, the first found read: ``coref/NAME.jsonlines``, then, for a
    part's file (``corpus.train.jsonl``: ``writing.part_path`` puts the part, a name without dots, before the
    suffix), ``coref/train.jsonlines`` as the split export writes it."""
    stem, _, part = documents.stem.rpartition(".")
    return [coref_path(documents)] + ([coref_path(documents, part)] if stem and part else [])


def kept_levels(kept: dict[str, Any]) -> dict[tuple[int, int, str], str]:
    """(trigger start, end, the schema's type) -> the three-level type a WikiEvents file gave that event (the OneIE
    meta's ``KEPT``)."""
    rows = kept.get(KEPT) if isinstance(kept.get(KEPT), list) else []
    return {
        (r[0], r[1], r[2]): r[3]
        for r in rows
        if isinstance(r, list) and len(r) == 4 and all(isinstance(x, int) for x in r[:2]) and isinstance(r[3], str)
    }


def written_type(v: dict[str, Any], levels: dict[tuple[int, int, str], str], type_of: Any) -> str:
    """An event's type as an export writes it: the three levels its WikiEvents file gave while it is still of the type
    read on the same trigger, else ``type_of`` its type."""
    t = v["trigger"]
    return levels.get((t["start"], t["end"], v["type"])) or type_of(v["type"])
