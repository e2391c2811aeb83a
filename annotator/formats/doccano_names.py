"""The names the doccano import and the doccano exports (``doccano_out``, ``doccano_tables_out``) share. The readers
are ``doccano`` and ``doccano_tables``; the writers import this module, never a reader."""

from __future__ import annotations

from typing import Any

DOCCANO_ID = "doccano_id"  # the document meta's key of the line id the import kept (the export writes it back)
FASTTEXT = "__label__"  # a fastText line's label words start so (``doccano_tables`` reads them, its export writes them)
LABEL_SEPARATOR = "#"  # between the labels of one CSV cell, as doccano's CSV export joins them
# the document meta's key of the target texts of doccano's sequence-to-sequence export (``doccano_seq2seq``: its
# ``label`` list of translations or summaries), which the doccano export writes back under ``label``
TARGETS = "doccano_targets"


def intent_categories(line: dict) -> bool:
    """Does a line give its categories as doccano's intent detection and slot filling does, a list of names
    (``"cats": ["flight"]``)? spaCy's training lines give them as scores (``"cats": {"flight": 1.0}``): not these."""
    cats = line.get("cats")
    return isinstance(cats, list) and bool(cats) and all(isinstance(x, str) for x in cats)


def kept_targets(meta: dict[str, Any]) -> list[str]:
    """The target texts a document's meta kept of doccano's sequence-to-sequence export (``TARGETS``: the strings of
    its ``label`` list), [] when it kept none: what the JSONL export writes back under ``label`` and the CSV in its
    label column, and what fastText cannot hold."""
    given = meta.get(TARGETS)
    return [x for x in given if isinstance(x, str)] if isinstance(given, list) else []
