"""Every SQLite URI is made by ``fileid.sqlite_uri``, which encodes the path: one spelt ``f"file:{path}?mode=ro"``
opens another file, or none, when the path holds ``#``, ``?`` or ``%`` (the part after ``#`` is the URI's fragment).
The app and core made theirs so since issue 9; the tests and bench/ spelt 19 of their own, so the inner loop run from a
folder named ``x é #1 %20 ?x`` failed 51 tests ("no such table: comments")."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def uri_spellings(source: str) -> list[int]:
    """The lines of ``source`` with an f-string that begins ``file:`` (a URI made by hand)."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.JoinedStr)
        and node.values
        and isinstance(node.values[0], ast.Constant)
        and str(node.values[0].value).startswith("file:")
    ]


def test_the_check_sees_a_uri_made_by_hand():
    assert uri_spellings('c = connect(f"file:{path}?mode=ro", uri=True)') == [1]
    assert uri_spellings('c = connect(sqlite_uri(path, mode="ro"), uri=True)\nu = f"{a}file:"') == []


def test_every_sqlite_uri_is_made_by_sqlite_uri():
    found = {
        p.relative_to(ROOT).as_posix(): lines
        for folder in ("annotator", "ui", "tests", "bench")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if ('f"file:' in (text := p.read_text(encoding="utf-8")) or "f'file:" in text)
        and (lines := uri_spellings(text))
    }
    assert found == {}
