"""Who else has a project open (``shm_holders.shm_users``, ``other_users_opens``): read from the system's table of locks,
where every SQLite connection holds a lock on its ``-shm``'s byte 128, another user's too (round 14, session 22)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import shm_holders
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[2]


def table_for(path: Path, *rows: str) -> str:
    st = os.stat(f"{path}-shm")
    where = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    return "".join(f"{n}: {row.format(where=where)}\n" for n, row in enumerate(rows, 1))


def test_the_lock_table_s_holders_of_the_shm_s_byte_128_are_the_other_programs(tmp_path, monkeypatch):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="me"):
        table = tmp_path / "locks"
        table.write_text(
            table_for(
                path,
                "POSIX  ADVISORY  READ 4001 {where} 128 128",  # a connection of another program
                "POSIX  ADVISORY  READ 4002 {where} 120 EOF",  # a range holding byte 128
                "POSIX  ADVISORY  READ 4003 {where} 1073741826 1073742335",  # another byte of the same file
                "-> POSIX  ADVISORY  WRITE 4004 {where} 128 128",  # waiting for the lock: not holding it
                "OFDLCK ADVISORY  READ -1 {where} 128 128",  # an open file description's: no process named
                "POSIX  ADVISORY  READ 4005 00:00:1 128 128",  # another file's
                "POSIX  ADVISORY  READ 0 {where} 128 128",  # a process outside this pid namespace
                f"POSIX  ADVISORY  READ {os.getpid()} {{where}} 128 128",  # this process's own connection
            )
        )
        monkeypatch.setattr(shm_holders, "LOCKS_TABLE", str(table))
        monkeypatch.setattr(shm_holders, "others_may_hold", lambda shm: True)  # the rows are no real process's
        assert shm_holders.shm_users(path) == [4001, 4002]
        monkeypatch.setattr(shm_holders, "LOCKS_TABLE", str(tmp_path / "none"))
        assert shm_holders.shm_users(path) == []  # no table (not Linux): nothing said, as before
    assert shm_holders.shm_users(tmp_path / "other.annotator") == []  # no -shm


@pytest.mark.skipif(not os.path.exists("/proc/self/fd"), reason="a process's descriptors listed: Linux's")
def test_the_table_is_read_only_when_a_lock_of_another_is_on_byte_128(tmp_path, monkeypatch):
    """The table's read waits for the kernel (~10 ms of wall at each open in the app): SQLite's own descriptor on the
    ``-shm`` is asked first whether a lock of another conflicts there (an open file description's lock stands for
    another program's here: the same process's conflicts with it as another's would)."""
    import fcntl
    import struct

    path = tmp_path / "p.annotator"
    table = tmp_path / "locks"
    monkeypatch.setattr(shm_holders, "LOCKS_TABLE", str(table))
    held = None
    try:
        with Project(path, annotator="me"):
            table.write_text(table_for(path, "POSIX  ADVISORY  READ 4001 {where} 128 128"))
            assert shm_holders.shm_users(path) == []  # nobody else's lock: the table (which says 4001) not read
            held = os.open(f"{path}-shm", os.O_RDWR)
            at = struct.pack("hhqqi", fcntl.F_RDLCK, os.SEEK_SET, 120, 1, 0)
            fcntl.fcntl(held, fcntl.F_OFD_SETLK, at)  # another byte: still nobody on 128
            assert shm_holders.shm_users(path) == []
            at = struct.pack("hhqqi", fcntl.F_RDLCK, os.SEEK_SET, shm_holders.SHM_DMS_BYTE, 1, 0)
            fcntl.fcntl(held, fcntl.F_OFD_SETLK, at)
            assert shm_holders.shm_users(path) == [4001]  # a lock there: the table read
    finally:
        if held is not None:  # closed once SQLite's connection is (closing it drops this process's locks on the file)
            os.close(held)


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists(shm_holders.LOCKS_TABLE), reason="the table of locks is Linux's")
def test_another_program_with_the_project_open_is_found_and_gone_once_it_closes(tmp_path):
    path = tmp_path / "p.annotator"
    Project(path, annotator="me").close()
    hold = "import sys; from annotator.store import Project; p = Project(sys.argv[1], create=False); print(1, flush=True); sys.stdin.readline(); p.close()"
    other = subprocess.Popen(
        [sys.executable, "-c", hold, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "1"
        with Project(path, create=False, annotator="me"):
            assert shm_holders.shm_users(path) == [other.pid]  # this process's own connection left out
            assert shm_holders.other_users_opens(path) == []  # this user's: the per-user index names it
    finally:
        assert other.stdin is not None
        other.stdin.write("\n")
        other.stdin.close()
        other.wait(timeout=60)
    with Project(path, create=False, annotator="me"):
        assert shm_holders.shm_users(path) == []
