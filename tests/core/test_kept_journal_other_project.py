"""A killed app's kept edits (its journal ``p.annotator-kept``) and then another project copied over the file's name
(``cp other.annotator p.annotator``, a sync tool writing in place): the file keeps its device and inode, which is all
the journal named, so the next open wrote the kept edits into the other project, by its ids (its documents 1 and 2
made "annotated", spans over its own texts: "Oslo weat" a PERSON) and removed the journal (session 17 probe). A
journal now names the project it was kept for (its birth: the first schema's row, which copies and backups of the
project share); one kept for another project is left as it is, and the project is not changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotator import api, edits, kept_journal
from annotator.importing import IncomingDocument, import_documents
from annotator.kept_journal import KeptJournal
from annotator.store import Project


def _killed_with_kept(path: Path) -> None:
    with Project(path, annotator="maria") as p:
        import_documents(p, [IncomingDocument("Angela Merkel met Emmanuel Macron.", "a.txt")])
        journal = KeptJournal.start(p)
        journal.append(kept_journal.record(p, edits.add_entity, (1, 0, 13, "PERSON"), {}))
        journal.append(kept_journal.record(p, edits.set_status, (1, "annotated"), {}))
        journal.close()


def _dump(path: Path) -> list[str]:
    with Project(path, create=False, read_only=True) as p:
        return list(p.db.conn.iterdump())


def test_a_journal_is_not_written_into_another_project_copied_over_its_file(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    _killed_with_kept(path)
    other = tmp_path / "other.annotator"
    with Project(other, annotator="kari") as p:
        import_documents(p, [IncomingDocument("Oslo weather: rain all week, said Kari Nordmann.", "o.txt")])
    before = _dump(other)
    shutil.copyfile(other, path)  # in place: the same inode
    with api.open_project(path, write=True) as p:
        assert p.entities(1) == [] and p.document_summaries()[0]["status"] == "new"
        assert p.kept_replay is not None and p.kept_replay.written == 0
        assert "kept for another project, whose file had this name" in (p.kept_replay.summary() or "")
    assert _dump(path) == before
    assert (tmp_path / "p.annotator-kept").exists()  # the kept edits stay, for nothing here


def test_a_backup_of_the_same_project_copied_back_still_gets_its_kept_edits(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    backup = tmp_path / "backup.annotator"
    with Project(path, annotator="maria") as p:
        import_documents(p, [IncomingDocument("Angela Merkel met Emmanuel Macron.", "a.txt")])
    shutil.copyfile(path, backup)
    with Project(path, create=False, annotator="maria") as p:
        journal = KeptJournal.start(p)
        journal.append(kept_journal.record(p, edits.add_entity, (1, 0, 13, "PERSON"), {}))
        journal.close()
    shutil.copyfile(backup, path)  # the same project, as it was: its kept edits are its own
    with api.open_project(path, write=True) as p:
        assert p.kept_replay is not None and p.kept_replay.written == 1
        assert [(e.start, e.end, e.label) for e in p.entities(1)] == [(0, 13, "PERSON")]


def test_a_journal_the_index_names_for_this_file_s_inode_but_another_project_is_neither_moved_nor_written(
    tmp_path: Path,
) -> None:
    """A file's device and inode are given again once it is deleted: the per-user index (``whereabouts``) then names
    a journal in another folder, kept for the deleted project, as this file's. Its open moved that journal beside
    itself and wrote its edits into this project (as the index's entry made by hand shows here)."""
    import orjson

    from annotator import whereabouts

    old_folder, here = tmp_path / "old", tmp_path / "here"
    old_folder.mkdir()
    here.mkdir()
    gone = old_folder / "gone.annotator"
    _killed_with_kept(gone)
    path = here / "p.annotator"
    with Project(path, annotator="kari") as p:
        import_documents(p, [IncomingDocument("Oslo weather: rain all week, said Kari Nordmann.", "o.txt")])
        ident = p.identity
    journal = old_folder / "gone.annotator-kept"
    lines = journal.read_bytes().splitlines(keepends=True)
    header = orjson.loads(lines[0])
    header["identity"] = list(ident)  # the inode given again to this project's file
    journal.write_bytes(orjson.dumps(header) + b"\n" + b"".join(lines[1:]))
    gone.unlink()
    whereabouts.note_journal(ident, header["nonce"], journal)
    before = _dump(path)
    with api.open_project(path, write=True) as p:
        assert p.entities(1) == []
    assert _dump(path) == before
    assert journal.exists() and not (here / "p.annotator-kept").exists()  # left where it was


def test_a_journal_kept_for_another_project_is_named_once_with_what_to_do_then_no_more(tmp_path: Path) -> None:
    """It was named at every open ('kept for another file … left as it is'), with nothing to do but remove it by
    hand, which nothing said (session 17, round 9's Left): now said once, what it is and how to remove it; the
    journal stays, the project unchanged."""
    path = tmp_path / "p.annotator"
    _killed_with_kept(path)
    other = tmp_path / "other.annotator"
    with Project(other, annotator="kari") as p:
        import_documents(p, [IncomingDocument("Oslo weather: rain all week, said Kari Nordmann.", "o.txt")])
    before = _dump(other)
    shutil.copyfile(other, path)
    journal = tmp_path / "p.annotator-kept"
    with api.open_project(path, write=True) as p:
        said = p.kept_replay.summary() if p.kept_replay is not None else ""
    assert "kept for another project" in (said or "") and f"remove it ({journal})" in (said or ""), said
    assert "said this once" in (said or ""), said
    for _ in range(2):
        with api.open_project(path, write=True) as p:
            again = p.kept_replay.summary() if p.kept_replay is not None else None
        assert not again, again  # was: named at every open
    assert journal.exists() and _dump(path) == before
