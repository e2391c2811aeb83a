"""Pruning the per-user index of where journals and logs are (``whereabouts.prune``, session 16). Until then an entry
of a file never opened again (deleted, or moved and opened by someone else) stayed for ever: an open's entry of a
process killed with the file open, a journal's entry whose journal was removed by hand. Pruned now: what can no
longer lead to anything; kept: every entry by which a moved file's next open finds a journal or a log."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator import api, edits, kept_journal, whereabouts
from annotator.importing import IncomingDocument, import_documents
from annotator.kept_journal import KeptJournal
from annotator.store import Project
from core_helpers import stored_comments


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _entry(name: str, target: Path, age_s: float = 0.0) -> Path:
    where = whereabouts.folder()
    where.mkdir(parents=True, exist_ok=True)
    os.symlink(target, where / name)
    if age_s:
        t = time.time() - age_s
        os.utime(where / name, (t, t), follow_symlinks=False)
    return where / name


def _names() -> set[str]:
    return {n for n in os.listdir(whereabouts.folder()) if n != whereabouts.PRUNED}


def test_entries_that_lead_nowhere_go_and_those_a_moved_file_needs_stay(tmp_path: Path) -> None:
    dead, dev = _dead_pid(), os.stat(tmp_path).st_dev
    gone = tmp_path / "deleted.annotator"  # deleted: nothing beside its name
    moved_away = tmp_path / "moved.annotator"  # moved before its process met the move: its log left beside no file
    Path(f"{moved_away}-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\0" * 60)
    still = tmp_path / "still.annotator"  # still there: its log is SQLite's own, found by the name
    still.write_bytes(b"x")
    Path(f"{still}-wal").write_bytes(b"\0" * 64)
    journal = tmp_path / "elsewhere" / "p.annotator-kept"
    journal.parent.mkdir()
    journal.write_text("{}\n")
    _entry(f"o-{dev}-10-{dead}", gone)
    _entry(f"o-{dev}-11-{dead}", moved_away)
    _entry(f"o-{dev}-12-{dead}", still)
    _entry(f"o-{dev}-13-{os.getpid()}", gone)  # a live process's: its own close removes it
    _entry(f"k-{dev}-14-aaaa", tmp_path / "written.annotator-kept")  # its journal gone
    _entry(f"k-{dev}-15-bbbb", journal)  # a journal still there: the moved file's next open writes it
    sleeper = subprocess.Popen(
        [sys.executable, "-c", "import threading; threading.Event().wait()"]
    )  # lives until killed, however long the test takes
    try:  # an entry older than the process that has its id now: the id was given again
        _entry(f"o-{dev}-16-{sleeper.pid}", gone, age_s=3600)
        _entry(f"o-{dev}-17-{sleeper.pid}", gone)  # made by it: it lives
        old_part = _entry(f".o-{dev}-18-1.1234abcd.part", gone, age_s=3600)
        _entry(f".o-{dev}-19-1.5678abcd.part", gone)  # a running note's, between its link and its rename
        removed = whereabouts.prune()
        again = whereabouts.prune()  # nothing more to take; kept entries stay kept
    finally:
        sleeper.kill()
        sleeper.wait()
    assert sorted(removed) == sorted(
        [f"o-{dev}-10-{dead}", f"o-{dev}-12-{dead}", f"k-{dev}-14-aaaa", f"o-{dev}-16-{sleeper.pid}", old_part.name]
    )
    assert _names() == {
        f"o-{dev}-11-{dead}",
        f"o-{dev}-13-{os.getpid()}",
        f"k-{dev}-15-bbbb",
        f"o-{dev}-17-{sleeper.pid}",
        f".o-{dev}-19-1.5678abcd.part",
    }
    assert again == []


def test_entries_of_a_file_system_not_mounted_now_stay(tmp_path: Path) -> None:
    """A project on a USB drive or a share, its program killed after a rename: the drive unplugged, its entries lead
    to a folder that is not there (or is the empty mount point, another device): kept for when it is back."""
    other_dev = os.stat(tmp_path).st_dev + 1
    dead = _dead_pid()
    _entry(f"o-{other_dev}-50-{dead}", tmp_path / "media" / "usb" / "p.annotator")  # the drive's folder not there
    _entry(f"o-{other_dev}-51-{dead}", tmp_path / "p.annotator")  # the mount point there, empty: another device
    _entry(f"k-{other_dev}-52-eeee", tmp_path / "p.annotator-kept")
    assert whereabouts.prune() == []
    assert len(_names()) == 3


def test_an_entry_a_killed_pruning_left_aside_goes_back(tmp_path: Path) -> None:
    journal = tmp_path / "p.annotator-kept"
    journal.write_text("{}\n")
    aside = _entry(".k-1-20-cccc.0123abcd.prune", journal)
    os.utime(aside, (time.time() - 3600,) * 2, follow_symlinks=False)
    whereabouts.prune(now=time.time() + 3600)  # its ctime (the rename aside) is an hour old by then
    assert _names() == {"k-1-20-cccc"}
    assert os.readlink(whereabouts.folder() / "k-1-20-cccc") == str(journal)


def test_a_read_write_open_prunes_when_due_and_a_moved_file_s_journal_is_still_written(tmp_path: Path) -> None:
    old = tmp_path / "old" / "p.annotator"
    old.parent.mkdir()
    with Project(old, annotator="ann") as project:
        import_documents(project, [IncomingDocument("Paris is in France.", "a.txt")])
        journal = KeptJournal.start(project)  # a program killed with an edit kept (its journal left)
        journal.append(kept_journal.record(project, edits.add_comment, (1, "kept"), {}))
        journal.close()
    to = tmp_path / "new" / "p.annotator"
    to.parent.mkdir()
    os.rename(old, to)
    dead, dev = _dead_pid(), os.stat(tmp_path).st_dev
    _entry(f"o-{dev}-30-{dead}", tmp_path / "deleted.annotator")
    other = tmp_path / "other.annotator"
    (whereabouts.folder() / whereabouts.PRUNED).unlink()  # the opens above pruned: an hour later
    with Project(other, annotator="ann"):
        pass
    assert f"o-{dev}-30-{dead}" not in _names()  # the first read-write open pruned (no pruning made yet)
    assert any(n.startswith("k-") for n in _names())
    _entry(f"o-{dev}-31-{dead}", tmp_path / "deleted.annotator")
    with Project(other, annotator="ann"):
        pass
    assert f"o-{dev}-31-{dead}" in _names()  # not due again within the hour: one stat
    with api.open_project(to, write=True, annotator="someone") as reopened:
        assert reopened.kept_replay is not None and reopened.kept_replay.written == 1
    assert stored_comments(to) == [("ann", "kept")]


@pytest.mark.parametrize("kind", ["o", "k"])
def test_an_entry_its_owner_renamed_over_while_it_was_judged_is_put_back(tmp_path: Path, monkeypatch, kind) -> None:
    """The pruning takes an entry aside by one rename and judges it again: a journal that followed its file between
    the two looks (its entry renamed over) keeps its entry."""
    journal = tmp_path / "p.annotator-kept"
    journal.write_text("{}\n")
    dev = os.stat(tmp_path).st_dev
    name = f"{kind}-{dev}-40-{_dead_pid()}" if kind == "o" else f"k-{dev}-40-dddd"
    link = _entry(name, tmp_path / "gone")
    real = whereabouts._useless

    def owner_moves_first(n: str, at: Path) -> bool:  # type: ignore[no-untyped-def]
        useless = real(n, at)
        if at == link and useless:
            tmp = link.with_name(".new")
            os.symlink(tmp_path / ("moved.annotator" if kind == "o" else "p.annotator-kept"), tmp)
            os.replace(tmp, link)
            if kind == "o":
                Path(f"{tmp_path / 'moved.annotator'}-wal").write_bytes(b"\0" * 64)
        return useless

    monkeypatch.setattr(whereabouts, "_useless", owner_moves_first)
    assert whereabouts.prune() == []
    assert _names() == {name}
