"""A project on a network share is told from the system's table of mounts (round 15, session 23): another machine's
open of it cannot be seen (the table of locks is this machine's), and SQLite's log is not shared between machines."""

from __future__ import annotations

from pathlib import Path

from annotator.filesystems import network_share


def mounts(tmp_path: Path, *lines: str) -> str:
    table = tmp_path / "mounts"
    table.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(table)


def test_the_file_system_of_the_longest_mount_point_holding_the_file_is_the_one(tmp_path: Path):
    share = tmp_path / "team share"
    (share / "sub").mkdir(parents=True)
    project = share / "sub" / "team.annotator"
    escaped = str(share).replace(" ", "\\040")  # as the system writes a space in the table
    table = mounts(
        tmp_path,
        "/dev/root / ext4 rw 0 0",
        f"server:/export {escaped} nfs4 rw,vers=4.2 0 0",
        f"//nas/team {tmp_path}/team nfs rw 0 0",  # a mount point that only starts like it
    )
    assert network_share(project, table) == "nfs4"
    assert network_share(tmp_path / "local.annotator", table) is None  # the root's ext4
    smb = mounts(tmp_path, "/dev/root / ext4 rw 0 0", f"//nas/team {escaped} cifs rw 0 0")
    assert network_share(project, smb) == "cifs"


def test_a_mount_over_another_on_the_same_point_is_the_one_seen(tmp_path: Path):
    table = mounts(
        tmp_path, "/dev/root / ext4 rw 0 0", f"server:/x {tmp_path} nfs rw 0 0", f"tmpfs {tmp_path} tmpfs rw 0 0"
    )
    assert network_share(tmp_path / "p.annotator", table) is None


def test_no_table_says_nothing(tmp_path: Path):
    assert network_share(tmp_path / "p.annotator", str(tmp_path / "missing")) is None
