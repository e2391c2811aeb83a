"""The colours of a Prodigy dataset: a relation's ``color`` (rel.manual saves the colour each relation label was drawn
in with the answer), kept with the document by label and written back on the relations of that label; and the span
labels' colours its config gives (``custom_theme.labels`` of a ``prodigy.json`` beside the file, Prodigy's own
settings file), which the labels a new project's schema takes from the file are given. Session 35: both were dropped
(the relations went back without a colour, the labels came in with the palette's)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Mapping

from annotator.wording import counted
from annotator.schema import is_color

CONFIG_NAME = "prodigy.json"  # Prodigy's settings file, in the folder it is run from: a dataset's folder often has one
RELATION_COLORS = "relation_colors"  # in a document's meta["prodigy"]: relation label -> colour, as the answers gave it


def relation_colors(tasks: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Relation label -> the ``color`` the tasks' relations of that label give (the first given), in order."""
    found: dict[str, str] = {}
    for task in tasks:
        given = task.get("relations")
        for r in given if isinstance(given, list) else ():
            if isinstance(r, dict) and isinstance(r.get("label"), str) and isinstance(r.get("color"), str):
                found.setdefault(r["label"], r["color"])
    return found


def colored(relations: list[dict[str, Any]], colors: Any) -> None:
    """``relations`` (Prodigy's, as the export writes them) given the ``color`` the document kept for their label."""
    if not isinstance(colors, dict):
        return
    for r in relations:
        if isinstance(colors.get(r.get("label")), str):
            r["color"] = colors[r["label"]]


def theme_colors(path: Path) -> tuple[dict[str, str], list[str]]:
    """The label colours of the ``prodigy.json`` beside ``path`` (its ``custom_theme.labels``; those written as
    ``#rrggbb``, the one form a schema takes), with a note saying it was read and what of it was not taken; ({}, [])
    when there is none. A damaged one is said, and the file read without it."""
    where = path.with_name(CONFIG_NAME)
    if where == path or not where.is_file():
        return {}, []
    try:
        config = json.loads(where.read_text(encoding="utf-8-sig"))
    except (ValueError, OSError) as exc:
        return {}, [f"{where}: not read ({exc}): the labels take the palette's colours"]
    theme = config.get("custom_theme") if isinstance(config, dict) else None
    labels = theme.get("labels") if isinstance(theme, dict) else None
    if not isinstance(labels, dict) or not labels:
        return {}, []
    taken = {k: v.lower() for k, v in labels.items() if isinstance(k, str) and isinstance(v, str) and is_color(v)}
    left = [k for k in labels if k not in taken]
    said = f"{path}: Prodigy's {CONFIG_NAME} beside it read: the colours of {counted(len(taken), 'label')} (custom_theme.labels)"
    if left:
        said += f"; not as #rrggbb, so the palette's: {', '.join(map(str, left))}"
    return taken, [said]


def is_settings(path: Path) -> bool:
    """Whether ``path`` is Prodigy's settings file (``prodigy.json``): read beside a dataset, never as one."""
    return path.name == CONFIG_NAME


def beside_datasets(path: Path, files: Iterable[Path]) -> bool:
    """Whether the settings file ``path`` has other files of its folder among ``files`` (those an import reads): it is
    read beside them, for their labels' colours."""
    return is_settings(path) and any(f.parent == path.parent and f != path for f in files)


def settings_alone(path: Path) -> str:
    """Why Prodigy's settings file given alone is not read: what it is, and what to give."""
    return (
        f"Prodigy's settings file ({CONFIG_NAME}), not a dataset: its label colours (custom_theme.labels) are read "
        "beside the Prodigy files of its folder; import those (db-out's .jsonl)"
    )
