"""Documents a reader rebuilt from bare tokens (DyGIE++ and CoNLL keep no text), matched to the project's stored
documents they came from, so a file the project exported comes back onto the same documents (``dygie predict``'s
output, say).

A document is the stored one of its name (DyGIE++'s ``doc_key``, which the export writes) when their texts have the same characters but whitespace (the
tokens in the same order: the export leaves out only whitespace), else the one stored document whose characters but
whitespace are the same. Its offsets are then mapped onto the stored text character by character (the n-th
non-whitespace character of one is the n-th of the other, whatever the two tokenisations), its text becomes the
stored one and it is marked ``onto_stored``: ``importing.store_documents`` puts its annotations on that document.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.import_rows import sha256_text
from annotator.importing import IncomingDocument
from annotator.offsets import token_index_at
from annotator.wording import counted, first_named
from annotator.store import Project

_RUN = re.compile(r"\S+")


def squeezed(text: str) -> str:
    """The text's characters but whitespace: what a token export keeps of it."""
    return "".join(text.split())


def _digest(text: str) -> str:
    return sha256_text(squeezed(text))


class _Chars:
    """Where the n-th non-whitespace character of a text is: its runs of them, with the count before each."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.before: list[int] = []
        n = 0
        for m in _RUN.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.before.append(n)
            n += m.end() - m.start()

    def count(self, at: int) -> int:
        """The number of non-whitespace characters before offset ``at``."""
        k = token_index_at(self.starts, at)
        return 0 if k < 0 else self.before[k] + min(at, self.ends[k]) - self.starts[k]

    def offset(self, index: int) -> int:
        """The offset of the ``index``-th non-whitespace character (from 0)."""
        k = token_index_at(self.before, index)
        return self.starts[k] + index - self.before[k]


def _remap(doc: IncomingDocument, text: str) -> None:
    """The document's offsets onto ``text``, which has its characters but whitespace; its text becomes ``text``. A
    span keeps its first and last non-whitespace character (a reader's spans are tokens: they have them)."""
    ours, theirs = _Chars(doc.text), _Chars(text)

    def span(start: int, end: int) -> tuple[int, int]:
        first, last = ours.count(start), ours.count(end) - 1
        return theirs.offset(first), theirs.offset(max(first, last)) + 1

    for e in doc.entities:
        e.start, e.end = span(e.start, e.end)
    for v in doc.events:
        v.trigger_start, v.trigger_end = span(v.trigger_start, v.trigger_end)
    doc.text = text
    doc.tokens = None  # the stored document keeps its own tokens
    doc.onto_stored = True


def match_stored(project: Project, docs: list[IncomingDocument], path: Path) -> tuple[str, int] | None:
    """Match ``docs`` (rebuilt from tokens) to the stored documents they came from, in place; one line saying what
    was matched and what was not, with the number matched (None when the project has no documents)."""
    if not docs or not project.document_ids():
        return None
    by_name = 0
    left: list[IncomingDocument] = []
    for doc in docs:
        stored = project.db.text_named(doc.name)
        if stored is not None and squeezed(stored) == squeezed(doc.text):
            _remap(doc, stored)
            by_name += 1
        else:
            left.append(doc)
    by_text = 0
    new: list[str] = []
    if left:
        wanted: dict[str, list[IncomingDocument]] = {}
        for doc in left:
            wanted.setdefault(_digest(doc.text), []).append(doc)
        found: dict[str, list[str]] = {}
        for text in project.db.all_texts():  # only when a doc_key named none of them
            key = _digest(text)
            if key in wanted:
                found.setdefault(key, []).append(text)
        for key, group in wanted.items():
            texts = found.get(key, [])
            for doc in group:
                if len(texts) == 1:
                    _remap(doc, texts[0])
                    by_text += 1
                else:  # none, or two stored documents differing only in whitespace: which one is not known
                    new.append(doc.name + (" (two stored documents have its text)" if texts else ""))
    matched = by_name + by_text
    if not matched:
        return f"{path}: no document of the file is one of the project's (by name or by its text): all new", 0
    how = ", ".join(
        f"{n} by {way}" for n, way in ((by_name, "name"), (by_text, "their text's characters but whitespace")) if n
    )
    said = (
        f"{path}: {counted(matched, 'document')} of the file matched the project's ({how}): their annotations went "
        "onto them, offsets mapped onto the stored text (on a document with annotations already, what it lacks as "
        "suggestions)"
    )
    kept = sum(1 for d in docs if d.onto_stored and d.meta)
    if kept:
        said += (
            f"; what else {counted(kept, 'of them', 'of them')} brought (DyGIE++'s dataset, relations, clusters) is "
            "not put on them: the stored documents keep their own"
        )
    if new:
        said += f"; {counted(len(new), 'document')} matched none, imported as new: {first_named(new, 5)}"
    return said, matched
