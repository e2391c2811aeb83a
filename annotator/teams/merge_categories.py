"""What merge carries besides the annotation sets: a document's categories (a text classification's labels, in its
meta: not per set) and the brat configuration kept with the schema (``formats.common.schema_kept``).

Categories of a document the target already has: the annotator's are kept with her set's merge record
(``meta["annotation_sets"][NAME]["categories"]``), whatever happens to the document's own. The document takes hers
when it has none (as a document new to the target brings hers in its meta), or when those it has are what her set
gave it at an earlier merge (her file merged again: her own choice, changed); when it has others they are a
difference, reported with both, and the document's are kept: adjudication settles it (the annotators' categories are
one of its items, ``differences.CategoryOption``), or Document > Categories….
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from annotator.categories import CATEGORIES, document_categories, with_categories
from annotator.formats.common import SCHEMA_KEPT, schema_kept
from annotator.formats.set_meta_kept import MERGED_CATEGORIES, OWN
from annotator.store import Project
from annotator.teams.sets import META_KEY

TAKEN = "categories_taken"  # in a set's merge record: the document's categories are the ones her set gave it


@dataclass(frozen=True)
class CategoryDifference:
    """A document whose categories differ from those an annotator's file gives it (the document's kept)."""

    document: str
    theirs: tuple[str, ...]
    ours: tuple[str, ...]


def brought(meta: dict[str, Any], record: dict[str, Any]) -> None:
    """A document new to the target comes with its meta: its categories are hers, kept in her set's ``record``."""
    theirs = document_categories(meta)
    if theirs:
        record[MERGED_CATEGORIES] = theirs
        record[TAKEN] = True


def carry_categories(
    meta: dict[str, Any], source_meta: dict[str, Any], record: dict[str, Any], earlier: dict[str, Any] | None
) -> tuple[dict[str, Any], bool]:
    """A target document's ``meta`` with the categories of the source's document (``source_meta``) carried, and
    whether they differ from the document's (kept then). ``record`` (the set's new merge record) keeps hers;
    ``earlier`` is the set's record of the previous merge of this document (None: none). Whether the document took
    hers is ``record[TAKEN]``."""
    theirs = document_categories(source_meta)
    ours = document_categories(meta)
    if theirs or ours:
        record[MERGED_CATEGORIES] = theirs  # hers, also when none: she left it without a category
    mine_before = bool(earlier and earlier.get(TAKEN))  # the document's are what her set gave it before
    if set(theirs) == set(ours):
        if theirs and mine_before:
            record[TAKEN] = True
        return meta, False
    if not ours or (mine_before and set(earlier.get(MERGED_CATEGORIES) or ()) == set(ours)):  # type: ignore[union-attr]
        if theirs:
            record[TAKEN] = True
        return with_categories(meta, theirs), False
    return meta, bool(theirs)  # she gave none: nothing to take, and no choice of hers differs


def annotators_categories(meta: dict[str, Any]) -> dict[str, list[str]]:
    """Each annotator's categories of a document, as her set's merge record keeps them, or an import of several
    annotators' work kept them as her own (``set_meta_kept``: a Label Studio task's, a Prodigy dataset's annotators;
    read by the app and adjudication since session 39, by the exports since 38): set -> categories, her choice of none
    included where another annotator of the document chose some; {} for a document no annotator gave any."""
    records = meta.get(META_KEY)
    if not isinstance(records, dict):
        return {}
    out = {
        name: [c for c in rec[MERGED_CATEGORIES] if isinstance(c, str)]
        for name, rec in records.items()
        if isinstance(rec, dict) and isinstance(rec.get(MERGED_CATEGORIES), list)
    }
    imported = {
        name: [c for c in rec[OWN].get(CATEGORIES) or () if isinstance(c, str)]
        for name, rec in records.items()
        if name not in out and isinstance(rec, dict) and isinstance(rec.get(OWN), dict)
    }
    if any(imported.values()):  # none chose any: no item of categories (as a merge records none then)
        out.update(imported)
    return out


def said_choices(meta: dict[str, Any]) -> str:
    """The annotators' categories of a document in one line for the reviewer (``alice — trade, diplomacy · bob —
    trade``; the sets in their order); "" when no merge gave any."""
    chosen = annotators_categories(meta)
    return " · ".join(f"{name} — {', '.join(cats) or 'none'}" for name, cats in sorted(chosen.items()))


def carry_schema_kept(target: Project, theirs: dict[str, Any]) -> str | None:
    """Take a source's brat configuration kept with its schema (``theirs``, read from it before the target's write
    lock: relation types, entity attributes, what the brat export declares again) when the target keeps none, in the
    open transaction: ``"taken"``; ``"differs"`` when the target keeps another (its own stays); None when there is
    nothing to carry or it is the same."""
    if not theirs:
        return None
    ours = schema_kept(target)
    if ours == theirs:
        return None
    if ours:
        return "differs"
    target.db.set_project_value(SCHEMA_KEPT, orjson.dumps(theirs).decode("utf-8"))
    return "taken"
