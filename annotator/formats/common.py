"""What the formats' readers and writers share: a format's options read in one wording, and what a project keeps of
the schema an input declared (``schema_kept``) and the event types' colours it gave (``kept_type_colors``). The readers' plumbing is ``reading``, the writers' ``writing``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

from annotator.errors import OptionError
from annotator.schema import is_color

if TYPE_CHECKING:
    from annotator.store import Project


def option_int(options: dict[str, str], key: str, default: int) -> int:
    try:
        return int(options.get(key, default))
    except ValueError:
        raise OptionError(f"option {key} must be a whole number, not {options[key]!r}") from None


def option_choice(options: dict[str, str], key: str, choices: tuple[str, ...]) -> str:
    value = options.get(key, choices[0])
    if value not in choices:
        raise OptionError(f"option {key} must be one of {', '.join(choices)}, not {value!r}")
    return value


SCHEMA_KEPT = "schema_kept"  # the project value holding ReadResult.schema_kept of the input whose schema it adopted
TYPE_COLORS = (
    "event_type_colors"  # the project value holding the event types' colours its inputs gave (type -> #rrggbb)
)


def kept_type_colors(project: Project) -> dict[str, str]:
    """The event types' colours the project's inputs gave (``ReadResult.type_colors``), of the types its schema has."""
    raw = project.db.project_value(TYPE_COLORS)
    try:
        value = orjson.loads(raw) if raw else {}
    except orjson.JSONDecodeError:
        return {}
    names = set(project.schema.event_type_names)
    items = value.items() if isinstance(value, dict) else ()
    return {k: v for k, v in items if k in names and isinstance(v, str) and is_color(v)}


def keep_type_colors(project: Project, colors: dict[str, str]) -> None:
    """Add ``colors`` (event type -> colour) to those the project keeps, for the types its schema has; inside the
    caller's transaction."""
    names = set(project.schema.event_type_names)
    kept = {**kept_type_colors(project), **{k: v for k, v in colors.items() if k in names}}
    project.db.set_project_value(TYPE_COLORS, orjson.dumps(kept).decode("utf-8"))


def schema_kept(project: Project) -> dict[str, Any]:
    """What the input the project took its schema from declared beyond the schema (``ReadResult.schema_kept``):
    ``{}`` when nothing (or the project's schema came from elsewhere since)."""
    raw = project.db.project_value(SCHEMA_KEPT)
    try:
        value = orjson.loads(raw) if raw else {}
    except orjson.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}
