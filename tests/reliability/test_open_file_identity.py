"""Issue 9, points 1-2: an export never replaces a project; a project renamed, moved or linked while open stops editing."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotator import edits
from annotator.fileid import sqlite_uri
from annotator.cli import main
from annotator.errors import ExportTargetError, ProjectMovedError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from reliability_support import dump

TEXT = "Maria Lopez met officials in Paris on Monday."


def make(path: Path) -> Project:
    p = Project(path, annotator="tester")
    import_documents(p, [IncomingDocument(TEXT, "a.txt")])
    return p


# -- point 1: export onto the project ------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "jsonl", "conll", "spacy", "prodigy", "dygiepp"])
@pytest.mark.parametrize("side", ["", "-wal", "-shm"])
def test_cli_export_onto_the_project_or_its_side_files_is_refused(tmp_path, capsys, fmt, side):
    path = tmp_path / "p.annotator"
    with make(path) as p:
        edits.add_entity(p, 1, 0, 11, "PERSON")
        keep = dump(path)
        holder = Project(path, create=False)  # keeps the -wal/-shm in place while the CLI runs
    try:
        target = Path(f"{path}{side}")
        assert target.exists()
        before = target.stat().st_ino
        code = main(["export", str(path), "-f", fmt, "-o", str(target)])
        err = capsys.readouterr().err
        assert code == 1 and "annotator: error:" in err and "Traceback" not in err
        assert target.stat().st_ino == before
        assert dump(path) == keep
    finally:
        holder.close()


@pytest.mark.parametrize("left_alone", [False, True])
def test_cli_export_onto_the_project_s_journal_of_kept_edits_is_refused(tmp_path, capsys, left_alone):
    """An app keeping edits (another program writing) holds ``p.annotator-kept``; an export onto that name replaced it,
    so the app's kept edits were gone after a kill (until session 15: only -wal, -shm and -journal were side files).
    ``left_alone``: a killed app's journal left in a folder the project has moved out of."""
    from annotator import kept_journal

    path = tmp_path / "p.annotator"
    with make(path) as p:
        journal = kept_journal.KeptJournal.start(p)
        journal.append(kept_journal.record(p, edits.add_comment, (1, "kept"), {}))
    try:
        if left_alone:
            os.rename(path, tmp_path / "q.annotator")
        keep = journal.path.read_bytes()
        code = main(
            [
                "export",
                str(tmp_path / ("q.annotator" if left_alone else "p.annotator")),
                "-f",
                "jsonl",
                "-o",
                str(journal.path),
            ]
        )
        err = capsys.readouterr().err
        assert code == 1 and "annotator: error:" in err and "kept edits" in err and "nothing was written" in err, err
        assert journal.path.read_bytes() == keep
    finally:
        journal.close()


def test_export_onto_a_hard_link_or_symlink_of_an_open_project_is_refused(tmp_path):
    from annotator.formats import writers

    path = tmp_path / "p.annotator"
    with make(path) as p:
        other = tmp_path / "sub"
        other.mkdir()
        sym = other / "looks-like-an-export.json"
        sym.symlink_to(path)
        for target in (sym, path):
            with pytest.raises(ExportTargetError):
                writers()["json"](p, target, states=["added"])
        assert p.document_ids() == [1]


def test_export_onto_a_closed_project_file_is_refused(tmp_path, capsys):
    a, b = tmp_path / "a.annotator", tmp_path / "b.annotator"
    make(a).close()
    make(b).close()
    keep = b.read_bytes()
    assert main(["export", str(a), "-f", "jsonl", "-o", str(b)]) == 1
    assert "project" in capsys.readouterr().err
    assert b.read_bytes() == keep


def test_brat_export_onto_the_project_is_refused(tmp_path, capsys):
    path = tmp_path / "p.annotator"
    make(path).close()
    keep = path.read_bytes()
    assert main(["export", str(path), "-f", "brat", "-o", str(path)]) == 1
    assert path.read_bytes() == keep


@pytest.mark.parametrize("where", ["its folder", "a folder above it", "a folder with another project"])
def test_brat_export_onto_a_folder_holding_a_project_is_refused(tmp_path, capsys, where):
    """A brat export replaces its whole folder: onto the folder holding the project (``-o .`` beside it, or
    ``-o qdir`` for ``qdir/p.annotator``) it deleted the project file and everything else there."""
    home = tmp_path / "work" / "corpus"
    home.mkdir(parents=True)
    path = home / "p.annotator"
    make(path).close()
    (home / "notes.md").write_text("mine")
    other = tmp_path / "elsewhere"
    other.mkdir()
    make(other / "q.annotator").close()
    target = {"its folder": home, "a folder above it": tmp_path / "work", "a folder with another project": other}[where]
    keep = path.read_bytes()
    assert main(["export", str(path), "-f", "brat", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "annotator: error:" in err and "project" in err and "nothing was written" in err
    assert path.read_bytes() == keep and (home / "notes.md").read_text() == "mine"
    assert (other / "q.annotator").is_file()


def test_brat_export_onto_a_folder_of_other_files_is_refused(tmp_path, capsys):
    """'export p -f brat -o mydocs' replaced the user's folder whole: thesis.docx, a notes folder and the .txt
    files of another corpus (no .ann beside them) were deleted without a question."""
    path = tmp_path / "p.annotator"
    make(path).close()
    mine = tmp_path / "mydocs"
    (mine / "sub").mkdir(parents=True)
    (mine / "thesis.docx").write_text("my thesis")
    (mine / "sub" / "notes.md").write_text("notes")
    (mine / "draft.txt").write_text("a text of mine, no .ann beside it")
    (mine / "tools.conf").write_text("[search]")  # a brat server's own settings: not what an export writes
    assert main(["export", str(path), "-f", "brat", "-o", str(mine)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nothing was written" in err, err
    assert "holds files a brat export does not write (draft.txt, sub/notes.md, thesis.docx and 1 more)" in err, err
    assert (mine / "thesis.docx").read_text() == "my thesis" and (mine / "sub" / "notes.md").exists()


def test_brat_export_onto_a_former_brat_export_replaces_it(tmp_path, capsys):
    """What a brat export writes (and brat's own .stats_cache) is replaced, as before."""
    path = tmp_path / "p.annotator"
    make(path).close()
    out = tmp_path / "out"
    assert main(["export", str(path), "-f", "brat", "-o", str(out)]) == 0
    (out / ".stats_cache").write_bytes(b"brat")  # brat's server caches its statistics in the folder it serves
    (out / "old-only.txt").write_text("a document exported before")
    (out / "old-only.ann").write_text("")
    assert main(["export", str(path), "-f", "brat", "-o", str(out)]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == [
        "a.ann",
        "a.txt",
        "annotation.conf",
        "kb_shortcuts.conf",
        "visual.conf",
    ]


# -- point 2: renamed, moved or hard-linked while open -------------------------------------------------
def test_rename_while_open_stops_editing_and_keeps_what_was_saved(tmp_path):
    path, moved = tmp_path / "p.annotator", tmp_path / "q.annotator"
    p = make(path)
    kept = edits.add_entity(p, 1, 0, 11, "PERSON").result_id
    os.rename(path, moved)
    with pytest.raises(ProjectMovedError) as info:
        edits.add_entity(p, 1, 29, 34, "GPE")
    assert info.value.new_path == str(moved) and "reopen" in str(info.value)
    with pytest.raises(ProjectMovedError):  # and it stays stopped
        edits.add_entity(p, 1, 29, 34, "GPE")
    assert [e.id for e in p.entities(1)] == [kept]  # reading goes on
    # the acknowledged edit is in the moved file itself, even if this process dies now (no -wal beside q)
    assert not Path(f"{moved}-wal").exists() or Path(f"{moved}-wal").stat().st_size == 0
    conn = sqlite3.connect(sqlite_uri(moved, immutable=1), uri=True)
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 1
    conn.close()
    p.close()
    with Project(moved, create=False) as q:
        assert [e.label for e in q.entities(1)] == ["PERSON"]
        assert q.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_deleted_or_replaced_while_open_stops_editing(tmp_path):
    path = tmp_path / "p.annotator"
    p = make(path)
    (tmp_path / "other").mkdir()
    make(tmp_path / "other" / "p.annotator").close()
    os.replace(tmp_path / "other" / "p.annotator", path)  # another project now has the name
    with pytest.raises(ProjectMovedError):
        edits.add_entity(p, 1, 0, 11, "PERSON")
    p.close()
    with Project(path, create=False) as other:
        assert other.entities(1) == []


def test_hard_link_while_open_stops_editing_and_opens_read_only(tmp_path):
    path, link = tmp_path / "p.annotator", tmp_path / "link.annotator"
    p = make(path)
    os.link(path, link)
    with pytest.raises(ProjectMovedError, match="second name"):
        edits.add_entity(p, 1, 0, 11, "PERSON")
    p.close()
    with Project(link, create=False) as q:  # a second name: readable, not editable, and it says why
        assert q.read_only and "more than one name" in (q.read_only_reason or "")
    os.unlink(link)
    with Project(path, create=False) as q:
        assert not q.read_only
        edits.add_entity(q, 1, 0, 11, "PERSON")


SECOND = r"""
import sys
from annotator import edits
from annotator.store import Project
q = Project(sys.argv[1], create=False, annotator="second")
for k in range(30):
    edits.add_comment(q, 1, f"in the second process {k} " * 20)
print("written", flush=True)
sys.stdin.readline()
q.close()
"""


def test_renamed_and_opened_under_the_new_name_elsewhere_is_not_corrupted(tmp_path):
    """The issue's run: opening q in a second process while the first still holds p (two logs for one
    database) failed integrity_check. The first never writes its log into a file opened under the new name."""
    import subprocess
    import sys

    path, moved = tmp_path / "p.annotator", tmp_path / "q.annotator"
    make(path).close()
    p = Project(path, create=False, annotator="first")
    p.db.conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep p's saved edits in its own log
    for k in range(30):
        edits.add_comment(p, 1, f"before the rename {k} " * 20)
    os.rename(path, moved)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    second = subprocess.Popen(
        [sys.executable, "-c", SECOND, str(moved)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert second.stdout.readline().strip() == "written", second.stderr.read()[-2000:]
        with pytest.raises(ProjectMovedError, match="stays in p.annotator-wal"):
            edits.add_comment(p, 1, "after the rename")
        p.close()
    finally:
        second.communicate("done\n", timeout=30)
    assert second.returncode == 0
    conn = sqlite3.connect(moved)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM comments WHERE text LIKE 'in the second process%'").fetchone()[0] == 30
    conn.close()


def _copy_of_the_file_alone(path: Path, to: Path) -> list[str]:
    """What a copy of the .annotator file alone holds (cp, a file manager, a mail attachment: no -wal with it)."""
    import shutil

    shutil.copyfile(path, to)
    conn = sqlite3.connect(sqlite_uri(to, mode="ro", immutable=1), uri=True)
    try:
        return [label for (label,) in conn.execute("SELECT label FROM entities ORDER BY id")]
    except sqlite3.OperationalError:  # even the tables are still in the log
        return []
    finally:
        conn.close()


def test_a_copy_of_the_file_alone_holds_what_was_saved_once_the_log_is_written_in(tmp_path):
    """A user copies the project file while it is open (to a stick, to mail it): the edits still in its -wal were
    missing from the copy until SQLite's own checkpoint, some 4 MB of edits later. ``write_log_into_file`` (the
    app's 1.5 s poll calls it) puts what was saved into the file itself."""
    path = tmp_path / "p.annotator"
    with make(path) as p:
        p.db.conn.execute("PRAGMA wal_autocheckpoint = 0")  # no checkpoint of SQLite's own in between
        edits.add_entity(p, 1, 0, 11, "PERSON")
        assert _copy_of_the_file_alone(path, tmp_path / "before.annotator") == []
        assert p.write_log_into_file()
        assert _copy_of_the_file_alone(path, tmp_path / "after.annotator") == ["PERSON"]
        assert p.write_log_into_file()  # nothing new: nothing to do


def test_a_project_deleted_while_open_is_saved_from_the_open_handle(tmp_path):
    """Deleted while the app had it open, a project's work was lost at the close: the message said "everything saved
    before is in the file" of a file that no longer was. What the open handle holds (the file's pages and its log)
    is written to a new file: a project that opens whole, with every saved edit."""
    from annotator.errors import SaveError

    path = tmp_path / "p.annotator"
    p = make(path)
    kept = edits.add_entity(p, 1, 0, 11, "PERSON").result_id
    os.remove(path)
    with pytest.raises(ProjectMovedError) as info:
        edits.add_entity(p, 1, 29, 34, "GPE")
    assert "save a copy" in str(info.value)
    with pytest.raises(SaveError):  # a folder that is not there: one line, nothing written
        p.save_copy(tmp_path / "missing" / "p.annotator")
    saved = p.save_copy(path)  # where it was
    p.close()
    log = Path(f"{saved}-wal")  # the deleted file's log, emptied into it when the deletion was seen, stays behind
    assert not log.exists() or log.stat().st_size == 0
    assert not list(tmp_path.glob(".*.part"))
    with Project(saved, create=False) as q:
        assert [(e.id, e.label) for e in q.entities(1)] == [(kept, "PERSON")]
        assert q.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        edits.add_entity(q, 1, 29, 34, "GPE")  # and it is a project to go on with
