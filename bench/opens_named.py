"""What the open's (and an outside commit's) look for who else has a project open costs (round 14, session 22):
``shm_holders.other_users_opens`` (the system's table of locks read for the holders of the ``-shm``'s byte 128, each
holder's owner and login name), against the limit in the same run, round 13's look at this user's own opens
(``whereabouts.live_opens``, the per-user index), which the open made before. ``--holders`` other processes have the
project open meanwhile (this user's: their names are not looked up, so the figure is the table's read and parse).

Prints the CPU time per look (best of ``--repeats``, each ``--tries`` looks), the lock table's size and the load;
asserts nothing.
Run: .venv/bin/python bench/opens_named.py [--holders N] [--tries N] [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from cpu_timing import cpu_per_call

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOLD = (
    "import sys; from annotator.store import Project; p = Project(sys.argv[1], create=False); "
    "print(1, flush=True); sys.stdin.readline(); p.close()"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--holders", type=int, default=2)
    ap.add_argument("--tries", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()

    from annotator import shm_holders, whereabouts
    from annotator.store import Project

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.annotator"
        Project(path, annotator="bench").close()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        held = [
            subprocess.Popen(
                [sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
            )
            for _ in range(args.holders)
        ]
        try:
            for h in held:
                assert h.stdout is not None and h.stdout.readline().strip() == b"1"
            with Project(path, create=False, annotator="bench") as project:
                found = shm_holders.shm_users(path)
                new = cpu_per_call(lambda: shm_holders.other_users_opens(path), args.tries, args.repeats)
                limit = cpu_per_call(lambda: whereabouts.live_opens(project.identity), args.tries, args.repeats)
        finally:
            for h in held:
                assert h.stdin is not None
                h.stdin.close()
                h.wait()
    try:
        with open(shm_holders.LOCKS_TABLE, encoding="ascii", errors="replace") as fh:
            lines = sum(1 for _ in fh)
    except OSError:
        lines = 0
    print(f"holders found: {len(found)} of {args.holders}; lock table: {lines} lines; load {os.getloadavg()[0]:.1f}")
    print(f"other_users_opens (new): {new * 1e6:.1f} us CPU per look")
    print(f"live_opens (round 13's, the limit): {limit * 1e6:.1f} us CPU per look")


if __name__ == "__main__":
    main()
