"""Bytes written over a stored text (a bad sector, a copy tool gone wrong) leave the file's structure whole: the
open's quick_check passes (it checks structure, not text), and validate and export ended in a traceback
('sqlite3.OperationalError: Could not decode to UTF-8 column ...', 'UnicodeDecodeError' in the JSON export)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from annotator.cli import main
from damage_support import MARK, project_with_damaged_text


@pytest.fixture
def damaged(tmp_path) -> Path:
    texts = [f"{MARK} met officials in Paris {k}." for k in range(3)]
    return project_with_damaged_text(tmp_path / "p.annotator", texts)


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["export", "-f", "jsonl", "-o", "{t}/out.jsonl"],
        ["export", "-f", "json", "-o", "{t}/out.json"],
        ["export", "-f", "conll", "-o", "{t}/out.conll"],
    ],
)
def test_a_stored_text_that_is_not_utf8_is_reported_as_damage_in_one_line(damaged, capsys, argv):
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    folder = damaged.parent
    code = main([argv[0], str(damaged), *[a.format(t=folder) for a in argv[1:]]])
    err = capsys.readouterr().err
    lines = [x for x in err.splitlines() if x.strip()]
    assert code == 1 and len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith(f"annotator: error: {damaged}: the project file is damaged"), lines[0]
    assert "not valid UTF-8" in lines[0] and "backup" in lines[0] and len(lines[0]) < 300, lines[0]
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == before
    assert not [f for f in folder.iterdir() if f.name.startswith("out")]


@pytest.mark.slow  # other processes
@pytest.mark.parametrize("fmt", ["json", "spacy"])
def test_the_export_s_second_process_reports_it_as_this_process_does(damaged, capsys, monkeypatch, fmt):
    """It said 'the export's second process failed: sqlite3.OperationalError: Could not decode to UTF-8 column
    'text' with text '...'' followed by the whole document's text."""
    import annotator.formats.docbin_split as docbin_split
    import annotator.formats.json_split as json_split

    monkeypatch.setattr(json_split, "MIN_DOCUMENTS", 1)  # three documents go to two processes as 3,000 would
    monkeypatch.setattr(docbin_split, "MIN_DOCUMENTS", 1)
    monkeypatch.setattr(docbin_split, "CHILD_SHARE", 1.0)  # every document to the child
    code = main(["export", str(damaged), "-f", fmt, "-o", str(damaged.parent / f"out.{fmt}")])
    err = capsys.readouterr().err
    lines = [x for x in err.splitlines() if x.strip()]
    assert code == 1 and len(lines) == 1, err
    assert lines[0] == (
        f"annotator: error: {damaged}: the project file is damaged (a stored text is not valid UTF-8); restore it "
        "from a backup copy"
    ), lines[0]
