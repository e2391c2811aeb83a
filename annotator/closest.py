"""The one name of a list nearest a misspelt one (``--formt``, ``exprot``): "did you mean", for a usage error to
offer (session 32, session 31's lead 4: argparse's line named the typo and listed every choice, never the one meant)."""

from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(word: str, names: Iterable[str]) -> str:
    """`` (did you mean 'export'?)`` for the name of ``names`` nearest ``word`` (difflib's ratio 0.6 or more, as
    Python 3.14's argparse offers), else ""; ``word`` itself among them gives ""."""
    names = [n for n in dict.fromkeys(names) if n]
    if word in names:
        return ""
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
