"""Label Studio's classifications of the whole text besides ``choices``: ``taxonomy`` (a ``<Taxonomy>`` tag: a list of
paths, ``[["Eukarya", "Human"], ["Archaea"]]``) and ``rating`` (a ``<Rating>`` tag: ``{"rating": 4}``). Both are the
document's categories, as a ``choices`` result's are (``common.CATEGORIES``, which doccano's, Prodigy's and spaCy's
exports write): a path is its names joined by `` / `` (the Taxonomy tag's own ``pathSeparator``), a rating
``NAME=VALUE`` (``rating=4``). What the export needs to write them back as they came, each category's tag and path or
value, is kept in the task's shape (``meta["label_studio_task"]``: ``taxonomy`` and ``rating``, category ->
``[tag, path or value]``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.formats.label_studio_names import CLASS_KINDS
from annotator.formats.reading import listed, need

KINDS = CLASS_KINDS
PATH_SEPARATOR = " / "  # Label Studio's Taxonomy shows a path so (its pathSeparator)


def classes_of(
    kind: str, result: dict[str, Any], value: dict[str, Any], who: str, k: int, path: Path, line: int
) -> list[tuple[str, str, Any]]:
    """(category, tag name, path or value) for a ``taxonomy`` or ``rating`` result of the whole text; a value of the
    wrong shape refuses the file with its task."""
    tag = result.get("from_name") if isinstance(result.get("from_name"), str) else kind
    if kind == "taxonomy":
        paths = listed(value.get("taxonomy"), f"{who}: result {k} (taxonomy): 'taxonomy'", path, line)
        need(
            all(isinstance(p, list) and p and all(isinstance(x, str) for x in p) for p in paths),
            path,
            line,
            f"{who}: result {k} (taxonomy): each path must be a list of names",
        )
        return [(PATH_SEPARATOR.join(p), tag, list(p)) for p in paths]
    rating = value.get("rating")
    need(
        isinstance(rating, (int, float)) and not isinstance(rating, bool),
        path,
        line,
        f"{who}: result {k} (rating): 'rating' must be a number, not {rating!r}",
    )
    return [(f"{tag}={rating}", tag, rating)]


def region_class(kind: str, value: dict[str, Any], who: str, k: int, path: Path, line: int) -> Any:
    """A ``taxonomy`` result's paths or a ``rating`` result's value on a region (``perRegion``), checked as those of the
    whole text are; kept with the entity for the export (``label_studio.REGION_CHOICES``)."""
    return (
        [given for _, _, given in classes_of(kind, {"from_name": kind}, value, who, k, path, line)]
        if (kind == "taxonomy")
        else classes_of(kind, {"from_name": kind}, value, who, k, path, line)[0][2]
    )
