"""Helpers shared by the command-line tests of several folders (imported by name)."""

from __future__ import annotations

from typing import Any, Callable


def ctrl_c_at(call: int, real: Callable[..., Any]) -> Callable[..., Any]:
    """``real`` that raises KeyboardInterrupt at its ``call``-th call, as a Ctrl+C arriving then."""
    calls = {"n": 0}

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == call:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    return wrapped
