"""The held-out score table a training prints (annotator/learn/report.py)."""

from __future__ import annotations

from annotator.learn.report import format_comparison


def _s(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def test_types_with_no_gold_and_nothing_suggested_are_counted_not_listed_as_rows_of_zeros():
    """A corpus whose finished documents hold no event (an engineer's entity-only run): the table listed every
    trigger type and role of the schema as a row of zeros. Such rows are counted in one line; a row with gold, or
    with a suggestion of either model, stays."""
    zero = _s(0, 0, 0)
    cur = {
        "entities": {"all": _s(8, 2, 2), "PERSON": _s(8, 2, 2)},
        "triggers": {"all": _s(0, 1, 0), "Life:Die": zero, "Conflict:Attack": _s(0, 1, 0), "Contact:Meet": zero},
    }
    new = {
        "entities": {"all": _s(9, 1, 1), "PERSON": _s(9, 1, 1)},
        "triggers": {"all": zero, "Life:Die": zero, "Conflict:Attack": zero, "Contact:Meet": zero},
    }
    table = format_comparison({"current": cur, "new": new})
    assert "PERSON" in table and "Conflict:Attack" in table  # gold, or suggested by the current model
    assert "Life:Die" not in table and "Contact:Meet" not in table, table
    assert "2 types with no gold and none suggested" in table, table
