"""Edit > Accept suggestions scored at least…: ask the minimum score (0 to 1, two places)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

DEFAULT_MIN_SCORE = 0.8


def ask_min_score(parent: QWidget, last: float | None) -> float | None:
    """The minimum score the person gives (starting at the one given ``last``, else 0.8), or None when they
    cancel."""
    value, ok = QInputDialog.getDouble(
        parent,
        "Accept suggestions scored at least",
        "Accept this document's undecided entity suggestions whose score is at least\n"
        "(a suggestion without a score, as spaCy's ner makes them, stays undecided):",
        DEFAULT_MIN_SCORE if last is None else last,
        0.0,
        1.0,
        2,
    )
    return float(value) if ok else None
