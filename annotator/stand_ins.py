"""The ids a kept edit's new rows are held under until the file gives them theirs (``annotator.foreseen``): a module
of its own, so that the span index (``navigation``) asks without importing the replay of kept edits (and what that
imports: the type change's carry, ``role_carry``, and the keys' helpers)."""

from __future__ import annotations

# a new span's stand-in id until the file gives it one: above any id the file gives, never below 0 (the views key an
# event's trigger by its id below 0, among the spans)
STAND_IN_SPANS = 1 << 62


def stand_in(item_id: object) -> bool:
    """Whether ``item_id`` is a stand-in: the id a kept edit's new argument (below 0) or span (from
    ``STAND_IN_SPANS``) is held under until the file gives it one; an edit naming it is refused when it lands."""
    return isinstance(item_id, int) and not isinstance(item_id, bool) and not 0 <= item_id < STAND_IN_SPANS
