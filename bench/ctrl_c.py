"""How long Ctrl+C takes to stop `annotator validate`, `agree` and `merge` on a big team project, and what they say.

Each command runs as its own process on generated projects (bench/teams_bench.py's annotators); SIGINT (what
Ctrl+C sends) goes to it once it has run ``--after`` seconds; the figure is the time from the signal to the
process's end, with its exit code and its last stderr line.

Run: .venv/bin/python bench/ctrl_c.py [documents] [spans per document] [--after SECONDS]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from annotator.store import Project  # noqa: E402
from annotator.teams.merge import merge_projects  # noqa: E402
from teams_bench import make  # noqa: E402


def interrupted(argv: list[str], after: float) -> tuple[float, float, int, str]:
    """(seconds it ran before the signal, seconds from the signal to its end, exit code, last stderr line)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator", *argv], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    start = time.perf_counter()
    try:
        proc.wait(after)
        return time.perf_counter() - start, 0.0, proc.returncode, "finished before the signal: raise the documents"
    except subprocess.TimeoutExpired:
        pass
    sent = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate()
    stopped = time.perf_counter()
    lines = [x for x in err.decode().splitlines() if x.strip()]
    return sent - start, stopped - sent, proc.returncode, lines[-1] if lines else ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("documents", nargs="?", type=int, default=3000)
    ap.add_argument("spans", nargs="?", type=int, default=40)
    ap.add_argument("--after", type=float, default=3.0, help="seconds before the signal")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        make(t / "alice.annotator", "alice", args.documents, args.spans, 1)
        make(t / "bob.annotator", "bob", args.documents, args.spans, 2)
        team = t / "team.annotator"
        with Project(team, annotator="rita", synchronous="NORMAL") as p:
            merge_projects(p, [t / "alice.annotator", t / "bob.annotator"])
        print(
            f"{args.documents} documents, about {args.spans} spans per document per annotator; SIGINT after "
            f"{args.after:g} s"
        )
        runs = {
            "validate": ["validate", str(team)],
            "agree": ["agree", str(team)],
            "merge": ["merge", str(t / "new.annotator"), str(t / "alice.annotator"), str(t / "bob.annotator")],
        }
        for name, argv in runs.items():
            ran, took, code, said = interrupted(argv, args.after)
            print(f"{name:9} ran {ran:5.2f} s, stopped {took:5.2f} s after the signal, exit {code}: {said}")


if __name__ == "__main__":
    main()
