"""doccano's sequence-to-sequence export told from its text classification: both write ``{"text", "label": [...]}``
(a translation's or a summary's target texts, or the document's category labels), so one line alone cannot tell
them apart; a whole file can. Target texts are sentences (three words or more, or two ending as a sentence ends)
and hardly repeat; labels are a few words and repeat. A file whose every label is such a text, and whose labels are
mostly distinct once it holds four or more, is read as sequence-to-sequence: its texts are kept in each document's
meta under ``doccano_names.TARGETS`` (the project has no place to annotate them), said in one note, and written back
under ``label`` by the doccano export. Session 35 read them as document categories, a sentence each."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.categories import CATEGORIES
from annotator.formats.doccano_names import TARGETS
from annotator.wording import counted

SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "…")


def _text_like(label: str) -> bool:
    """Whether a label reads as a text written out (a sentence, a summary) rather than a class's name."""
    words = label.split()
    return len(words) >= 3 or (len(words) == 2 and label.rstrip().endswith(SENTENCE_ENDS))


def looks_like_targets(label_lists: Sequence[Sequence[str]]) -> bool:
    """Whether the ``label`` lists of a file's lines (their strings) are a sequence-to-sequence project's target
    texts: some given, every one text-like (``_text_like``), and more than half of them distinct when there are
    four or more (a class's label repeats over a file)."""
    labels = [x for given in label_lists for x in given]
    if not labels or not all(_text_like(x) for x in labels):
        return False
    return len(labels) < 4 or len(set(labels)) * 2 > len(labels)


def kept_as_targets(path: Path, docs: Sequence[Any]) -> list[str]:
    """The documents' categories (``CATEGORIES`` in their meta, as the reader kept a ``label`` list's strings) moved
    to their target texts when the file's are such texts (``looks_like_targets``) and no document holding them has
    a span; the one note saying so, [] when they stay categories."""
    holding = [d for d in docs if d.meta.get(CATEGORIES)]
    if not holding or any(d.entities or d.events for d in holding):
        return []
    if not looks_like_targets([d.meta[CATEGORIES] for d in holding]):
        return []
    for d in holding:
        d.meta[TARGETS] = d.meta.pop(CATEGORIES)
    total = sum(len(d.meta[TARGETS]) for d in holding)
    return [
        f"{path}: read as doccano's sequence-to-sequence export: its labels are texts, not classes "
        f"({counted(total, 'target text')} of {counted(len(holding), 'document')}), kept in the documents' meta "
        f"({TARGETS}) and written back under 'label' by the doccano export; the project has no place to annotate them"
    ]
