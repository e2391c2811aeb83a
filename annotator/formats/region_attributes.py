"""Label Studio's choices on an entity region (a Choices tag with ``perRegion``) and brat's attributes on an entity are
one thing: a named value on a span, which the project has no place for (its attributes are events'). The Label
Studio import keeps the first (``label_studio_names.REGION_CHOICES``), the brat import the second (``meta["brat"]
["attributes"]``); each export writes the other's as its own: the brat export an ``A`` line (``A1  sentiment T2 neg``),
the Label Studio export a per-region ``choices`` result. Until session 25 each went out in the other's file as meta
alone (the choices left out of the ``.ann``, brat's attributes in the task's data). A WebAnno TSV import's values of a
span layer's other features (E3C's TIMEX3 ``value`` beside its class, ``webanno_own.span_features``) are such values
too: the brat export writes them as ``A`` lines (session 28)."""

from __future__ import annotations

from typing import Any

from annotator.formats.label_studio_names import REGION_CHOICES
from annotator.formats.meta_keys import BRAT
from annotator.formats.webanno_own import span_features


def region_choices(meta: dict[str, Any]) -> list[tuple[list[Any], str, str | None]]:
    """The choices a Label Studio import kept on entity regions, as brat attributes: (the entity's ``[start, end,
    label]``, the tag's name, its one value; None where it gave several, a value brat cannot hold (one with
    whitespace), or a taxonomy's or a rating's)."""
    given = meta.get(REGION_CHOICES)
    out: list[tuple[list[Any], str, str | None]] = []
    for c in given if isinstance(given, list) else []:
        on, tag = (c.get("on"), c.get("from_name")) if isinstance(c, dict) else (None, None)
        if not (isinstance(on, list) and len(on) == 3 and isinstance(tag, str)):
            continue
        picked = c.get("choices") if c.get("type", "choices") == "choices" else None
        one = picked[0] if isinstance(picked, list) and len(picked) == 1 else None
        out.append((on, tag, one if isinstance(one, str) and one.split() == [one] else None))
    return out


def span_feature_values(meta: dict[str, Any]) -> list[tuple[list[Any], str, str | None]]:
    """A WebAnno TSV import's kept features of spans, as brat attributes: (the entity's ``[start, end, label]``, the
    feature's name, its value; None where brat cannot hold it, a value with whitespace)."""
    return [
        ([b, e, label], f, v if v.split() == [v] else None)
        for (b, e, label, _), given in span_features(meta).items()
        for f, v in given.items()
    ]


def _as_choice(item: Any) -> dict[str, Any] | None:
    """A brat import's kept attribute as a per-region choice (``{"on", "from_name", "choices"}``), where it is on an
    entity (``T``) and has a value (a binary one, written without, stays brat's)."""
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not isinstance(item.get("value"), str):
        return None
    w = item.get("target")
    if not (isinstance(w, list) and len(w) == 4 and w[0] == "T"):
        return None
    return {"on": [w[2], w[3], w[1]], "from_name": item["name"], "choices": [item["value"]]}


def brat_choices(meta: dict[str, Any]) -> list[dict[str, Any]]:
    """The brat import's attributes on entities (with a value) as the Label Studio import keeps per-region choices."""
    kept = meta.get(BRAT)
    given = kept.get("attributes") if isinstance(kept, dict) else None
    return [c for x in (given if isinstance(given, list) else []) if (c := _as_choice(x)) is not None]


def without_choices(kept: dict[str, Any]) -> dict[str, Any]:
    """brat's kept meta without the attributes the Label Studio export writes as choices (``brat_choices``)."""
    given = kept.get("attributes")
    if not isinstance(given, list):
        return kept
    left = [x for x in given if _as_choice(x) is None]
    out = {k: v for k, v in kept.items() if k != "attributes"}
    return {**out, "attributes": left} if left else out
