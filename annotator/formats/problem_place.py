"""Where an export's problem lies, for a script to read: the document (its id and name), the annotation's label and
its offsets, beside the sentence that says it (``export --json``'s ``problems``; session 34: a sentence alone)."""

from __future__ import annotations

from typing import Any, NamedTuple

KEYS = ("document", "name", "label", "start", "end")  # every problem of export --json has them, None where unknown


class Where(NamedTuple):
    """A document's annotation a writer reports on: ``str`` is the words the messages always began with
    (``name: entity ORG``, or the name alone without ``what``). A tuple: one is made for every span a token writer
    aligns (a frozen dataclass cost 8% of a CoNLL export's CPU, bench/formats.py)."""

    document: int | None
    name: str
    what: str = ""
    label: str | None = None

    def __str__(self) -> str:
        return f"{self.name}: {self.what}" if self.what else self.name

    def at(self, start: int | None = None, end: int | None = None) -> dict[str, Any]:
        """The place of ``[start, end)`` of this annotation (or of the document alone, without offsets)."""
        return {"document": self.document, "name": self.name, "label": self.label, "start": start, "end": end}


def placed(at: Any) -> dict[str, Any]:
    """The five ``KEYS`` of a problem's place (``Where.at``), None for those it does not give."""
    given = at or {}
    return {k: given.get(k) for k in KEYS}
