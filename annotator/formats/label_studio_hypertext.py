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
offsets and ``globalOffsets`` again (``label_studio_kinds_out.hypertext_value``). This module is the import's; the
HTML's text nodes are ``label_studio_html``'s, which the export asks too. Until session 17 such a task's regions were said as "result
0 of type 'hypertextlabels'" and not kept, the HTML stored as its markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.formats.label_studio_html import Page, parse
from annotator.formats.label_studio_names import HYPERTEXT_KINDS, HYPERTEXT_LABELS, HYPERTEXT_SHAPE
from annotator.formats.reading import need
from annotator.offsets import Utf16Map

KIND, KINDS, SHAPE_KEY = HYPERTEXT_LABELS, HYPERTEXT_KINDS, HYPERTEXT_SHAPE


class HyperText(Page):
    """A task's HTML (``label_studio_html.Page``) as the import places its results on it."""

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


def hypertext_of(data: Any, results: list[Any]) -> HyperText | None:
    """The task's HTML, where its ``hypertextlabels`` results point at a ``data`` string; None otherwise."""
    if not isinstance(data, dict):
        return None
    named = [r.get("to_name") for r in results if isinstance(r, dict) and r.get("type") in KINDS]
    for key in dict.fromkeys(k for k in named if isinstance(k, str)):
        got = data.get(key)
        if isinstance(got, str) and got.strip():
            page = parse(key, got)
            return HyperText(page.key, page.html, page.text, page.nodes)
    return None
