"""Label Studio's HyperText tag (HTML to label: its "Named entity recognition in HTML" use, web pages, e-mails), in: a
task's ``data`` holds the HTML as text, and a ``hypertextlabels`` result places its span by XPath into that HTML
(``"start": "/div[1]/p[2]/text()[1]", "startOffset": 4``, ``end`` and ``endOffset`` the same way, offsets in the
text node, in UTF-16 units as the browser counts), newer versions also by ``globalOffsets`` (``{"start", "end"}``:
UTF-16 units into the text of the whole HTML), and its ``text``.

The document's text is the HTML's text as the browser's ``textContent`` gives it (the text nodes in order, character
references decoded; nothing of ``<script>`` and ``<style>``): plain text, as everything is stored. A span is placed by
its XPath and offsets; where those do not give its ``text``, by ``globalOffsets``; where neither does, the file is
refused at its line naming the result. The HTML is kept with the document (``meta["label_studio_task"]["hypertext"]``)
and the Label Studio export writes it back under its key, each span as a ``hypertextlabels`` result placed by XPath,
offsets and ``globalOffsets`` again (``hypertext_value``). Until session 17 such a task's regions were said as "result
0 of type 'hypertextlabels'" and not kept, the HTML stored as its markup.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from annotator.formats.reading import need
from annotator.offsets import Utf16Map

KIND = "hypertextlabels"  # the result type and its value's key of labels
KINDS = (KIND, "htmllabels")  # Label Studio 0.x named it htmllabels (its HyperTextRegion's toStateJSON)
SHAPE_KEY = "hypertext"  # in meta["label_studio_task"]: {"key", "html"}
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
HIDDEN = frozenset(("script", "style"))  # their text is no text of the page


@dataclass
class _Text:
    xpath: str  # "/div[1]/p[2]/text()[1]"
    start: int  # where it starts in the document's text (code points)
    text: str


class _Tree(HTMLParser):
    """The HTML's text nodes in order, each with its XPath as Label Studio writes it (element steps by tag name and
    position among its siblings of that name, 1-based; ``text()[n]`` among the element's text nodes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, int], str]] = [("", {}, "")]  # (tag, counts of children, xpath)
        self.nodes: list[_Text] = []
        self.parts: list[str] = []
        self.length = 0
        self.last_text = False  # the previous child of the open element was text (adjacent data is one node)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        counts = self.stack[-1][1]
        counts[tag] = counts.get(tag, 0) + 1
        path = f"{self.stack[-1][2]}/{tag}[{counts[tag]}]"
        self.last_text = False
        if tag not in VOID:
            self.stack.append((tag, {}, path))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        counts = self.stack[-1][1]
        counts[tag] = counts.get(tag, 0) + 1
        self.last_text = False

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break
        self.last_text = False

    def handle_data(self, data: str) -> None:
        if any(t in HIDDEN for t, _, _ in self.stack):
            return
        if self.last_text and self.nodes:  # one text node, split by the parser
            self.nodes[-1].text += data
        else:
            counts = self.stack[-1][1]
            counts["text()"] = counts.get("text()", 0) + 1
            self.nodes.append(_Text(f"{self.stack[-1][2]}/text()[{counts['text()']}]", self.length, data))
        self.last_text = True
        self.parts.append(data)
        self.length += len(data)


@dataclass
class HyperText:
    """A task's HTML: its ``data`` key, the HTML, the document's text, the text nodes."""

    key: str
    html: str
    text: str
    nodes: list[_Text]

    @property
    def shape(self) -> dict[str, Any]:
        return {"key": self.key, "html": self.html}

    def _at(self, xpath: Any, offset: Any) -> int | None:
        """The code point of ``offset`` (UTF-16 units) into the text node at ``xpath``; None: no such node or offset."""
        if not isinstance(xpath, str) or type(offset) is not int or offset < 0:
            return None
        node = next((n for n in self.nodes if n.xpath == xpath.strip()), None)
        if node is None:
            return None
        at = Utf16Map(node.text).exact_codepoint(offset)
        return None if at is None else node.start + at

    def _global(self, value: dict[str, Any]) -> tuple[int, int] | None:
        given = value.get("globalOffsets")
        if not isinstance(given, dict) or type(given.get("start")) is not int or type(given.get("end")) is not int:
            return None
        u16 = Utf16Map(self.text)
        start, end = u16.exact_codepoint(given["start"]), u16.exact_codepoint(given["end"])
        return None if start is None or end is None else (start, end)

    def as_labels(self, result: dict[str, Any], who: str, path: Path, line: int) -> dict[str, Any]:
        """A ``hypertextlabels`` result as the ``labels`` result of the same span in the text; one that neither its
        XPath nor its ``globalOffsets`` place (on its ``text``, where it gives one) refuses the file at its line."""
        value = result.get("value") if isinstance(result.get("value"), dict) else {}
        said = value.get("text")
        places = [
            (
                self._at(value.get("start"), value.get("startOffset")),
                self._at(value.get("end"), value.get("endOffset")),
            ),
            self._global(value) or (None, None),
        ]
        fits = [
            (s, e)
            for s, e in places
            if s is not None and e is not None and s <= e and (not isinstance(said, str) or self.text[s:e] == said)
        ]
        placed = (
            f"{value.get('start')!r} offset {value.get('startOffset')!r} to {value.get('end')!r} offset "
            f"{value.get('endOffset')!r}"
            + (f", globalOffsets {value['globalOffsets']!r}" if "globalOffsets" in value else "")
        )
        found = f"is not {said!r}" if isinstance(said, str) else "is no text"
        need(
            bool(fits),
            path,
            line,
            f"{who}: result {result.get('id')!r} ({KIND}) at {placed} {found} of the HTML under {self.key!r}",
        )
        start, end = fits[0]
        rest = {
            k: v
            for k, v in value.items()
            if k not in ("start", "end", "startOffset", "endOffset", "globalOffsets", *KINDS)
        }
        labels = value.get(KIND, value.get("htmllabels"))
        return {**result, "type": "labels", "value": {**rest, "start": start, "end": end, "labels": labels}}


@lru_cache(maxsize=8)  # the export places each region of a document in its HTML
def parse(key: str, html: str) -> HyperText:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return HyperText(key, html, "".join(tree.parts), tree.nodes)


def hypertext_of(data: Any, results: list[Any]) -> HyperText | None:
    """The task's HTML, where its ``hypertextlabels`` results point at a ``data`` string; None otherwise."""
    if not isinstance(data, dict):
        return None
    named = [r.get("to_name") for r in results if isinstance(r, dict) and r.get("type") in KINDS]
    for key in dict.fromkeys(k for k in named if isinstance(k, str)):
        got = data.get(key)
        if isinstance(got, str) and got.strip():
            return parse(key, got)
    return None


def hypertext_value(shape: dict[str, Any], text: str, start: int, end: int) -> dict[str, Any] | None:
    """For the export: a span's place in the HTML the task came with (``start``/``end`` XPaths, offsets in their
    text nodes and ``globalOffsets``, UTF-16 units), None when the document came in no HTML (or the kept HTML's text
    is not the document's any more)."""
    kept = shape.get(SHAPE_KEY)
    if not isinstance(kept, dict) or not isinstance(kept.get("html"), str) or not isinstance(kept.get("key"), str):
        return None
    page = parse(kept["key"], kept["html"])
    if page.text != text or not page.nodes:
        return None
    starts = [n.start for n in page.nodes]

    def place(at: int, is_end: bool) -> tuple[str, int]:
        k = bisect_right(starts, at) - 1
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
    kept = shape.get(SHAPE_KEY)
    if isinstance(kept, dict) and isinstance(kept.get("key"), str) and isinstance(kept.get("html"), str):
        return kept["key"], kept["html"]
    return None
