"""Helpers shared by the command-line tests of several folders (imported by name)."""

from __future__ import annotations

import json

from pathlib import Path
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


def two_documents(tmp_path: Path, project: Any = None) -> Path:
    """A project of two documents 'Paris is big K.' (d0.txt, d1.txt), Paris a GPE accepted in d0, suggested in d1;
    ``project``: the tests' ``project`` fixture to put them in (closed here: a copy, quicker than a new file)."""
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    path = project.path if project is not None else tmp_path / "p.annotator"
    with project if project is not None else Project(path, annotator="t") as p:
        docs = []
        for k, state in enumerate(["accepted", "suggested"]):
            doc = IncomingDocument(f"Paris is big {k}.", f"d{k}.txt")
            doc.entities.append(IncomingEntity("e1", 0, 5, "GPE", state=state))
            docs.append(doc)
        import_documents(p, docs)
    return path


def bob_merged(tmp_path: Path, capsys: Any, project: Any = None) -> Path:
    """The two documents' project with bob's copy merged back as set 'bob', d1 annotated in his file alone
    (``project``: as ``two_documents`` takes it)."""
    import shutil

    from annotator.cli import main

    team = two_documents(tmp_path, project)
    bob = tmp_path / "bob.annotator"
    shutil.copyfile(team, bob)
    assert main(["status", str(bob), "annotated", "--docs", "d1.txt"]) == 0
    assert main(["merge", str(team), str(bob), "--as", "bob"]) == 0
    capsys.readouterr()
    return team


def two_spellings_project(tmp_path: Path) -> Path:
    """A project of two documents whose person's label came spelt two ways: a CoNLL-2003 file's ``PER`` ("Obama left")
    and a JSONL line's ``PERSON``, as the schema names it ("Merkel stayed"), both imported by the command line."""
    from annotator.cli import main

    conll = tmp_path / "train.conll"
    conll.write_text("Obama -X- _ B-PER\nleft -X- _ O\n\n", encoding="utf-8")
    lines = tmp_path / "more.jsonl"
    lines.write_text(json.dumps({"text": "Merkel stayed", "spans": [{"start": 0, "end": 6, "label": "PERSON"}]}) + "\n")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(conll), str(lines)]) == 0
    return p
