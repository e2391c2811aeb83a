"""What the formats' readers and writers share: a format's options read in one wording, and what a project keeps of
the schema an input declared (``schema_kept``). The readers' plumbing is ``reading``, the writers' ``writing``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

from annotator.errors import OptionError

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


def schema_kept(project: Project) -> dict[str, Any]:
    """What the input the project took its schema from declared beyond the schema (``ReadResult.schema_kept``):
    ``{}`` when nothing (or the project's schema came from elsewhere since)."""
    raw = project.db.project_value(SCHEMA_KEPT)
    try:
        value = orjson.loads(raw) if raw else {}
    except orjson.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}
