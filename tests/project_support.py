"""A new, empty project for a test, copied from one made once per test process: making one (every migration, the
schema stored) takes ~13 ms of CPU, opening a copy ~3 ms, and the inner loop made ~1,200 (docs/performance.md,
session 21). For a test that needs an empty project with the default schema, not one of how a project is made."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from annotator.store import Project

_template: Path | None = None


def empty_project_template() -> Path:
    """The closed file of a new project with the default schema, made at the first call of the process (in a folder
    of its own where pytest's folders are, removed at the process's exit)."""
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="annotator-template-", dir=os.environ.get("PYTEST_DEBUG_TEMPROOT")))
        atexit.register(shutil.rmtree, folder, True)
        path = folder / "empty.annotator"
        Project(path, annotator="template").close()
        _template = path
    return _template


def new_project(path: Path, annotator: str | None = None) -> Project:
    """``Project(path, annotator=annotator)`` of a file not there yet: a copy of the empty template, opened."""
    if path.exists():
        raise FileExistsError(f"{path}: new_project makes a new file; open one that is there with Project")
    shutil.copyfile(empty_project_template(), path)
    return Project(path, annotator=annotator)


def store_word_tokens(path: Path, text: str, heads, starts=(0,)) -> None:  # type: ignore[no-untyped-def]
    """Store ``text``'s words and punctuation as the first document's tokens, sentences starting at the token indices
    ``starts``, with the parse's noun heads ``heads`` ([start, end] each) as pre-annotation with events stores them."""
    import re

    import orjson

    from annotator.store import Project

    words = [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]
    with Project(path, create=False) as p, p.transaction():
        p.db.insert_tokens(
            p.document_ids()[0],
            "spacy:test@1",
            orjson.dumps([s for s, _ in words]).decode(),
            orjson.dumps([e for _, e in words]).decode(),
            orjson.dumps(list(starts)).decode(),
            replace=True,
            noun_heads=orjson.dumps(heads).decode(),
        )
