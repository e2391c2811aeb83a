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


def test_each_model_s_heading_stands_over_the_middle_of_its_three_columns():
    """Train suggestions' Show Details at 1366x768 and 1920x1080: "current (original)" stood over the middle of its
    P R F1, "new" over the new model's F1 alone (right-aligned in the 20 characters of its three columns), as if it
    named that column only. Each heading is centred over its P R F1 (session 30)."""
    s = {"entities": {"all": _s(8, 2, 2), "PERSON": _s(8, 2, 2)}}
    head, cols = format_comparison({"current": s, "new": s}, current="original").splitlines()[:2]
    p_cur, p_new = cols.index("P"), cols.rindex("P")
    f1_cur, f1_new = cols.index("F1") + 2, cols.rindex("F1") + 2
    for word, left, right in (("current (original)", p_cur - 5, f1_cur), ("new", p_new - 5, f1_new)):
        at = head.index(word)
        middle, span_middle = at + len(word) / 2, (left + right) / 2
        assert abs(middle - span_middle) <= 1, (word, head, cols)
