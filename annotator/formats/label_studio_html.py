"""The text of an HTML page as Label Studio's HyperText tag and the browser see it: the text nodes in order, each with
its XPath as Label Studio writes it and where it starts in the page's text (``textContent``: character references
decoded, nothing of ``<script>`` and ``<style>``). The import places a ``hypertextlabels`` result by it
(``label_studio_hypertext``), the export places a span back (``label_studio_kinds_out``); it reads no file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
HIDDEN = frozenset(("script", "style"))  # their text is no text of the page


@dataclass
class TextNode:
    xpath: str  # "/div[1]/p[2]/text()[1]"
    start: int  # where it starts in the document's text (code points)
    text: str


class _Tree(HTMLParser):
    """The HTML's text nodes in order, each with its XPath as Label Studio writes it (element steps by tag name and
    position among its siblings of that name, 1-based; ``text()[n]`` among the element's text nodes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, int], str]] = [("", {}, "")]  # (tag, counts of children, xpath)
        self.nodes: list[TextNode] = []
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
            self.nodes.append(TextNode(f"{self.stack[-1][2]}/text()[{counts['text()']}]", self.length, data))
        self.last_text = True
        self.parts.append(data)
        self.length += len(data)


@dataclass
class Page:
    """A task's HTML: its ``data`` key, the HTML, the document's text, the text nodes."""

    key: str
    html: str
    text: str
    nodes: list[TextNode]


@lru_cache(maxsize=8)  # the export places each region of a document in its HTML
def parse(key: str, html: str) -> Page:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return Page(key, html, "".join(tree.parts), tree.nodes)
