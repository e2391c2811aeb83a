"""Label Studio's kinds of result besides ``labels`` and ``choices``, written back as the import kept them (the
export's side; each is read by a module of the import's: ``label_studio_paragraphs``, ``label_studio_hypertext``,
``label_studio_classes``): a document that came as paragraphs goes out as its list of paragraphs and its spans as
``paragraphlabels``, one that came as HTML as that HTML and its spans as ``hypertextlabels`` placed by XPath, the
categories a ``taxonomy`` or ``rating`` result brought as those results. ``regions_out`` asks it.
"""

from __future__ import annotations

from typing import Any

from annotator.formats.label_studio_html import parse
from annotator.formats.label_studio_names import CLASS_KINDS, HYPERTEXT_SHAPE, PARAGRAPH_TEXT_KEY, PARAGRAPHS_SHAPE
from annotator.offsets import Utf16Map, token_index_at, utf16_length

SHAPE_KEY, TEXT_KEY, KINDS = PARAGRAPHS_SHAPE, PARAGRAPH_TEXT_KEY, CLASS_KINDS


def paragraph_data(shape: dict[str, Any], text: str) -> tuple[str, list[dict[str, Any]]] | None:
    """For the export: (the data key, the paragraphs as the task had them, each with its text cut from ``text``);
    None when the document came in no paragraphs (or its kept shape does not fit the text)."""
    kept = shape.get(SHAPE_KEY)
    if not isinstance(kept, dict) or not isinstance(kept.get("key"), str):
        return None
    starts, others = kept.get("starts"), kept.get("others")
    if not isinstance(starts, list) or not isinstance(others, list) or len(starts) != len(others) or not starts:
        return None
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    if starts[0] != 0 or any(not isinstance(s, int) or e < s for s, e in zip(starts, ends)):
        return None
    key = str(kept.get("text_key") or TEXT_KEY)
    rows = [{**(o if isinstance(o, dict) else {}), key: text[s:e]} for o, s, e in zip(others, starts, ends)]
    return kept["key"], rows


def paragraph_value(shape: dict[str, Any], text: str, start: int, end: int) -> dict[str, Any] | None:
    """A span's place as a ``paragraphlabels`` value gives it (the paragraphs' indices as text, offsets in UTF-16
    units as Label Studio counts), for the export; None when the document came in no paragraphs."""
    kept = shape.get(SHAPE_KEY)
    starts = kept.get("starts") if isinstance(kept, dict) else None
    if not isinstance(starts, list) or not starts:
        return None
    i = max(token_index_at(starts, start), 0)
    j = max(token_index_at(starts, max(end - 1, start)), 0)

    def units(k: int, at: int) -> int:  # code points into paragraph k as UTF-16 units
        return utf16_length(text[starts[k] : at])

    return {"start": str(i), "end": str(j), "startOffset": units(i, start), "endOffset": units(j, end)}


def hypertext_value(shape: dict[str, Any], text: str, start: int, end: int) -> dict[str, Any] | None:
    """For the export: a span's place in the HTML the task came with (``start``/``end`` XPaths, offsets in their
    text nodes and ``globalOffsets``, UTF-16 units), None when the document came in no HTML (or the kept HTML's text
    is not the document's any more)."""
    kept = shape.get(HYPERTEXT_SHAPE)
    if not isinstance(kept, dict) or not isinstance(kept.get("html"), str) or not isinstance(kept.get("key"), str):
        return None
    page = parse(kept["key"], kept["html"])
    if page.text != text or not page.nodes:
        return None
    starts = [n.start for n in page.nodes]

    def place(at: int, is_end: bool) -> tuple[str, int]:
        k = token_index_at(starts, at)
        if is_end and k > 0 and starts[k] == at:  # an end at a node's start: the end of the one before
            k -= 1
        node = page.nodes[max(k, 0)]
        return node.xpath, Utf16Map(node.text).to_utf16(at - node.start)

    (sx, so), (ex, eo) = place(start, False), place(end, True)
    u16 = Utf16Map(text)
    return {
        "start": sx,
        "end": ex,
        "startOffset": so,
        "endOffset": eo,
        "globalOffsets": {"start": u16.to_utf16(start), "end": u16.to_utf16(end)},
    }


def html_data(shape: dict[str, Any]) -> tuple[str, str] | None:
    """For the export: (the data key, the HTML as the task had it); None when the document came in no HTML."""
    kept = shape.get(HYPERTEXT_SHAPE)
    if isinstance(kept, dict) and isinstance(kept.get("key"), str) and isinstance(kept.get("html"), str):
        return kept["key"], kept["html"]
    return None


def class_results(categories: list[str], shape: dict[str, Any], to_name: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The categories a ``taxonomy`` or ``rating`` result brought, written back as those results (one a tag), and
    the other categories (for ``choices``)."""
    results: dict[tuple[str, str], dict[str, Any]] = {}
    rest = []
    for c in categories:
        kept = next(
            ((kind, x[c]) for kind in KINDS if isinstance(x := shape.get(kind), dict) and isinstance(x.get(c), list)),
            None,
        )
        if kept is None or len(kept[1]) != 2:
            rest.append(c)
            continue
        kind, (tag, given) = kept
        item = results.setdefault(
            (kind, str(tag)),
            {"id": f"{kind}-{tag}", "from_name": str(tag), "to_name": to_name, "type": kind, "value": {}},
        )
        if kind == "taxonomy":
            item["value"].setdefault("taxonomy", []).append(given)
        else:
            item["value"]["rating"] = given
    return rest, list(results.values())
