"""Session 13's new readers (doccano's text classification CSV and fastText, CoNLL-U's entities in MISC), SIGKILLed at
points spread over an import and run on a full disk: the import is all there or not at all and the same command
again finishes it; a full disk says so in one line and changes nothing (session 14's probe)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reliability_support import fill
from test_kill_commands import KILLS, _cli, _counts, _killed, _run, _spread

from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.fileid import sqlite_uri

N = 3000
FORMATS = ["csv", "fasttext", "conllu"]


def _write(folder: Path, fmt: str) -> Path:
    """An input of ``N`` documents (CoNLL-U: sentences, each with two entities in MISC)."""
    if fmt == "csv":
        path = folder / "news.csv"
        rows = ["text,label"] + [
            f'"Rebels attacked a convoy near Kabul on day {k}, officials said.",conflict' for k in range(N)
        ]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    elif fmt == "fasttext":
        path = folder / "news.txt"
        path.write_text(
            "".join(f"__label__conflict Rebels attacked a convoy near Kabul on day {k}.\n" for k in range(N)),
            encoding="utf-8",
        )
    else:
        path = folder / "news.conllu"
        parts = []
        for k in range(N):
            words = [("Maria", "NER=B-PERSON"), ("Lopez", "NER=I-PERSON"), ("visited", "NER=O"), ("Kabul", "NER=B-GPE")]
            words += [(f"d{k}", "NER=O|SpaceAfter=No"), (".", "NER=O")]
            rows = [f"{i}\t{w}\t{w.lower()}\tX\t_\t_\t0\tdep\t_\t{misc}" for i, (w, misc) in enumerate(words, start=1)]
            parts.append(f"# sent_id = s{k}\n" + "\n".join(rows) + "\n")
        path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def _base(path: Path) -> Path:
    with Project(path, annotator="t") as p:
        import_documents(p, [IncomingDocument("A document there before.", "before.txt")])
    return path


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_import_of_a_text_table_or_conllu_killed_is_all_there_or_not_at_all(tmp_path, fmt, figures):
    source = _write(tmp_path, fmt)
    base = _base(tmp_path / "base.annotator")
    whole_path = tmp_path / "whole.annotator"
    whole_path.write_bytes(base.read_bytes())
    whole = _run("import", str(whole_path), str(source))
    full = _counts(whole_path)
    assert full == ((2, 2 * N, 0) if fmt == "conllu" else (N + 1, 0, 0)), full  # CoNLL-U: a file is one document
    seen = []
    for k, delay in enumerate(_spread(whole)):
        path = tmp_path / f"k{k}.annotator"
        path.write_bytes(base.read_bytes())
        _killed(delay, "import", str(path), str(source))
        now = _counts(path)
        assert now in ((1, 0, 0), full), (delay, now, full)
        seen.append(now == full)
        if now != full:
            _run("import", str(path), str(source))
            assert _counts(path) == full
    figures.update(format=fmt, kills=KILLS, killed_before_the_commit=seen.count(False), documents=full[0])


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_text_table_or_conllu_import_on_a_full_disk_says_so_and_changes_nothing(small_fs, tmp_path, fmt):
    source = _write(tmp_path, fmt)
    project = _base(small_fs / "p.annotator")
    fill(small_fs)
    before = project.read_bytes()
    proc = _cli("import", str(project), str(source))
    out, err = proc.communicate(timeout=300)
    lines = err.decode().strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1, err.decode()
    assert "disk is full" in lines[0] and "nothing was changed" in lines[0], lines
    assert project.read_bytes() == before
    conn = sqlite3.connect(sqlite_uri(project, mode="ro", immutable=1), uri=True)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    conn.close()
