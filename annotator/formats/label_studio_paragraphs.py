"""Label Studio's Paragraphs tag (dialogues, transcripts: its "Dialogue analysis" and conversational templates), in and
out: a task's ``data`` holds the text as a list of paragraphs (``[{"author": "Mia", "text": "Don't you hate that?"},
...]``, the tag's ``nameKey`` and ``textKey``), and a ``paragraphlabels`` result places its span by paragraph and
offset in it (``"start": "0", "end": "0", "startOffset": 0, "endOffset": 5``: the paragraphs' indices as text).

The document's text is the paragraphs' texts, one a line (joined by a line break); a span's offsets are its
paragraph's start plus its offset in it (code points, or UTF-16 units where only they give the span's ``text``). What
else a paragraph holds (its author) is kept with the document (``meta["label_studio_task"]["paragraphs"]``), with
where each paragraph starts, and the Label Studio export writes the list back and the spans as ``paragraphlabels``
again (``label_studio_kinds_out``; this module is the import's). Until session 16 such a task was refused ("has no text under 'dialogue'").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.formats.label_studio_names import PARAGRAPH_LABELS, PARAGRAPH_TEXT_KEY, PARAGRAPHS_SHAPE
from annotator.formats.reading import need
from annotator.offsets import Utf16Map, utf16_length

KIND, SHAPE_KEY, TEXT_KEY = PARAGRAPH_LABELS, PARAGRAPHS_SHAPE, PARAGRAPH_TEXT_KEY


@dataclass
class Paragraphs:
    """A task's paragraphs: the ``data`` key that holds them, the document's text, where each starts in it, and
    each paragraph's other keys (its author)."""

    key: str
    text: str
    starts: list[int]
    others: list[dict[str, Any]]

    @property
    def shape(self) -> dict[str, Any]:
        return {"key": self.key, "text_key": TEXT_KEY, "others": self.others, "starts": self.starts}

    def _offset(self, index: Any, offset: Any) -> int | None:
        """The code point in the text of ``offset`` into paragraph ``index`` (Label Studio writes the index as text)."""
        try:
            k = int(index)
        except (TypeError, ValueError):
            return None
        if not 0 <= k < len(self.starts) or type(offset) is not int or offset < 0:
            return None
        return self.starts[k] + offset

    def _utf16(self, index: Any, offset: int) -> int | None:
        """``offset`` into paragraph ``index`` read as UTF-16 units, as a code point in the text (None: past it)."""
        k = int(index)
        end = self.starts[k + 1] - 1 if k + 1 < len(self.starts) else len(self.text)
        own = self.text[self.starts[k] : end]
        at = Utf16Map(own).exact_codepoint(offset) if offset <= utf16_length(own) else None
        return None if at is None else self.starts[k] + at

    def as_labels(self, result: dict[str, Any], who: str, path: Path, line: int) -> dict[str, Any]:
        """A ``paragraphlabels`` result as the ``labels`` result of the same span in the joined text; one whose place
        names no paragraph (or no offset in it) refuses the file at its line."""
        value = result.get("value") if isinstance(result.get("value"), dict) else {}
        start = self._offset(value.get("start"), value.get("startOffset"))
        end = self._offset(value.get("end"), value.get("endOffset"))
        need(
            start is not None and end is not None,
            path,
            line,
            f"{who}: result {result.get('id')!r} ({KIND}) is placed at paragraphs {value.get('start')!r}-"
            f"{value.get('end')!r}, offsets {value.get('startOffset')!r}-{value.get('endOffset')!r}: "
            f"the task has {len(self.starts)} paragraphs under {self.key!r}",
        )
        assert start is not None and end is not None
        said = value.get("text")
        # read as code points first; past the text's end the slice is cut short and may still read right (an
        # emoji ending the last paragraph, offsets in UTF-16 units): then read as UTF-16 units
        if isinstance(said, str) and (self.text[start:end] != said or end > len(self.text)):
            s16 = self._utf16(value["start"], value["startOffset"])
            e16 = self._utf16(value["end"], value["endOffset"])
            if s16 is not None and e16 is not None and self.text[s16:e16] == said:
                start, end = s16, e16
        rest = {k: v for k, v in value.items() if k not in ("start", "end", "startOffset", "endOffset", KIND)}
        return {**result, "type": "labels", "value": {**rest, "start": start, "end": end, "labels": value.get(KIND)}}


def paragraphs_of(data: Any, results: list[Any]) -> Paragraphs | None:
    """The task's paragraphs, where its ``paragraphlabels`` results point at a ``data`` list of paragraph objects
    with a ``text`` each (or, with no result, the only such list); None otherwise."""
    if not isinstance(data, dict):
        return None
    named = [r.get("to_name") for r in results if isinstance(r, dict) and r.get("type") == KIND]
    keys = [k for k in named if isinstance(k, str)] or [k for k in data if not results]
    for key in dict.fromkeys(keys):
        got = data.get(key)
        if isinstance(got, list) and got and all(isinstance(p, dict) and isinstance(p.get(TEXT_KEY), str) for p in got):
            starts, at = [], 0
            for p in got:
                starts.append(at)
                at += len(p[TEXT_KEY]) + 1
            text = "\n".join(p[TEXT_KEY] for p in got)
            others = [{k: v for k, v in p.items() if k != TEXT_KEY} for p in got]
            return Paragraphs(key, text, starts, others)
    return None
