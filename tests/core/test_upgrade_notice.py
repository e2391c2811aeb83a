"""A project of an older format is upgraded when a command opens it: the command says so on stderr, with the copy of
the file as it was (it said nothing; a NAME.vN.bak appeared beside the project, and an older annotator could no
longer open it). The app says the same in its status line (tests/ui/test_qa_session9.py)."""

from __future__ import annotations

import sqlite3

from annotator import migrations
from annotator.cli import main
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project


def test_a_command_on_an_older_project_says_it_upgraded_it(tmp_path, capsys):
    path = tmp_path / "old.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Rebels attacked the convoy.", "a.txt")])
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST - 1}")  # as the format before wrote it
    conn.commit()
    conn.close()
    assert main(["stats", str(path)]) == 0
    err = capsys.readouterr().err
    before = migrations.LATEST - 1
    assert f"annotator: note: old.annotator was upgraded from file format {before} to {migrations.LATEST}" in err
    assert f"old.annotator.v{before}.bak" in err and (tmp_path / f"old.annotator.v{before}.bak").exists()
    assert main(["stats", str(path)]) == 0
    assert "upgraded" not in capsys.readouterr().err  # once: the file is up to date now


def test_a_read_only_project_of_an_older_format_is_read_from_an_upgraded_copy(tmp_path, capsys):
    """A project of the format before, on a share the person cannot write (a colleague's file, a read-only folder),
    was refused with "needs an upgrade ... but is read-only"; now a command reads it from an upgraded copy and says so
    in one note (tests/reliability/test_read_only_older.py has the rest)."""
    import stat

    path = tmp_path / "theirs.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Rebels attacked the convoy.", "a.txt")])
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST - 1}")
    conn.commit()
    conn.close()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # opened read-only, even by root
    try:
        assert main(["stats", str(path)]) == 0
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    said = capsys.readouterr().err
    assert f"annotator: note: theirs.annotator is of file format {migrations.LATEST - 1}" in said
    assert "upgraded" in said and "not changed" in said and not list(tmp_path.glob("*.bak*"))
