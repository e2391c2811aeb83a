"""A user the system has no name for (a container's ``-u 4242``, an account a network directory no longer lists;
round 15, session 23). Round 14 named their open "uid 4242" in the note of another user's open; the same user was
"another user" as the owner of a file, and the name their edits were recorded under, with none in the environment,
was "annotator": two such teammates' edits could not be told apart. One word for them everywhere now
(``annotator.users``)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reliability_support import ROOT, SETPRIV, shared_folder

from annotator import opencheck
from annotator.fileid import sqlite_uri

NAMELESS = (4242, 4243)  # user ids without a line in the system's list of users
needs_root = pytest.mark.skipif(not SETPRIV or os.geteuid() != 0, reason="needs root and setpriv")


def no_name(uid: int) -> bool:
    import pwd

    try:
        pwd.getpwuid(uid)
    except KeyError:
        return True
    return False


@needs_root
def test_the_owner_of_a_file_without_a_name_is_said_as_the_open_note_says_them(tmp_path: Path):
    assert no_name(NAMELESS[0])
    path = tmp_path / "p.annotator-wal"
    path.write_bytes(b"")
    os.chown(path, NAMELESS[0], NAMELESS[0])
    assert opencheck.owner_name(path) == f"uid {NAMELESS[0]}"  # was: "another user"


@pytest.mark.slow
@needs_root
def test_two_teammates_without_a_name_are_recorded_apart():
    """Two users without a name mark a document each (no ``--annotator``, no name in the environment): their edits
    are recorded under "uid 4242" and "uid 4243" (was: both "annotator")."""
    assert all(no_name(uid) for uid in NAMELESS)
    env = {k: v for k, v in os.environ.items() if k not in ("USER", "LOGNAME", "LNAME", "USERNAME")}
    env.update(PYTHONPATH=str(ROOT), HOME="/")
    for folder in shared_folder("annotator-nameless-"):
        for name in ("a.txt", "b.txt"):
            (folder / name).write_text(f"Maria Lopez met officials in Paris ({name}).", encoding="utf-8")
        path = folder / "team.annotator"
        made = subprocess.run(
            [sys.executable, "-m", "annotator", "import", str(path), str(folder / "a.txt"), str(folder / "b.txt")],
            env={**env, "USER": "owner"},
            capture_output=True,
            text=True,
        )
        assert made.returncode == 0, made.stderr
        os.chmod(path, 0o666)
        for uid, doc in zip(NAMELESS, ("a.txt", "b.txt")):
            who = [SETPRIV, f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
            done = subprocess.run(
                [*who, sys.executable, "-m", "annotator", "status", str(path), "annotated", "--docs", doc],
                env=env,
                capture_output=True,
                text=True,
                cwd="/",
            )
            assert done.returncode == 0, done.stderr
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
        try:
            names = [
                r[0] for r in conn.execute("SELECT annotator FROM change_log WHERE action = 'set_status' ORDER BY id")
            ]
        finally:
            conn.close()
        assert names == [f"uid {uid}" for uid in NAMELESS]  # was: ["annotator", "annotator"]
