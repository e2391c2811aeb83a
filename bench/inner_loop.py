"""Where the inner loop's CPU goes, and old against new in one sitting: prints figures, asserts nothing.

Runs the inner loop (``pytest -m "not slow" -q -p no:cacheprovider -n 2``, the README's, or the pytest arguments
given after ``--``) with ``bench/inner_loop_plugin.py`` in every process, and prints: the run's wall and CPU (user +
system of pytest and every child, as ``/usr/bin/time`` gives them) with the load average; each process's CPU, its
collection's and its main thread's time asleep (an event loop's wait, a child process, a lock: the wall a quiet
machine still waits); the tests' CPU by phase (set-up, call, tear-down, and the rest: pytest-qt's event processing
between them) and by folder; the dearest files, tests and set-ups by CPU; the tests asleep longest.

``--other TREE`` runs the same command in another checkout too (a copy of main beside a branch), the two
alternating ``--runs`` times so that both see the same load; each tree is collected once first (a tree never
collected rewrites every test module's asserts on its first run: ~20 s of CPU a process). At load, CPU is the
figure to compare; wall only when the machine is quiet.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/inner_loop.py [--top 25] [--other /tmp/main] [--runs 2]
        [-- PYTEST ARGS]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
INNER_LOOP = ["-m", "not slow", "-q", "-p", "no:cacheprovider", "-n", "2"]


def run(tree: Path, pytest_args: list[str], records: Path | None) -> dict[str, float]:
    """One run of pytest in ``tree`` (its own code first on the path); wall, CPU of the run and its children, load."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(tree), str(ROOT / "bench")]),
    }
    args = [sys.executable, "-m", "pytest", *pytest_args]
    if records is not None:
        env["INNER_LOOP_RECORDS"] = str(records)
        args += ["-p", "inner_loop_plugin"]
    before, load, wall = resource.getrusage(resource.RUSAGE_CHILDREN), os.getloadavg()[0], time.perf_counter()
    done = subprocess.run(args, cwd=tree, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = done.stdout.strip().splitlines()
    for line in lines:
        if line.startswith(("FAILED", "ERROR")):  # pytest's -ra summary: a failure under load is worth knowing
            print(line)
    last = lines[-1:] or ["(no output)"]
    return {
        "wall": wall,
        "user": after.ru_utime - before.ru_utime,
        "system": after.ru_stime - before.ru_stime,
        "load": load,
        "load_after": os.getloadavg()[0],
        "rc": done.returncode,
        "summary": last[0],  # type: ignore[dict-item]
    }


def said(tree: Path, figures: dict[str, Any]) -> str:
    return (
        f"{tree}: {figures['summary']} | wall {figures['wall']:.1f} s, CPU {figures['user'] + figures['system']:.1f} s "
        f"(user {figures['user']:.1f} + system {figures['system']:.1f}), load {figures['load']:.1f} -> "
        f"{figures['load_after']:.1f}, rc {figures['rc']}"
    )


def report(records: Path, top: int) -> None:
    """The processes' and the tests' figures from the plugin's records."""
    tests: list[dict[str, Any]] = []
    for path in sorted(records.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        process, its_tests = record["process"], record["tests"]
        tests += its_tests
        print(
            f"{path.stem}: CPU {process['cpu']:.1f} s (collection {process.get('collection', 0):.1f} s), "
            f"{len(its_tests)} tests: CPU {sum(t['cpu'] for t in its_tests):.1f} s, "
            f"asleep {sum(t['asleep'] for t in its_tests):.1f} s, wall {sum(t['wall'] for t in its_tests):.1f} s"
        )
    if not tests:
        return
    phases = {p: sum(t.get(p, 0.0) for t in tests) for p in ("setup", "call", "teardown")}
    rest = sum(t["cpu"] for t in tests) - sum(phases.values())
    print("tests' CPU by phase: " + ", ".join(f"{p} {s:.1f} s" for p, s in phases.items()) + f", the rest {rest:.1f} s")
    folders: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    files: Counter[str] = Counter()
    for t in tests:
        file = t["id"].split("::")[0]
        folder = "/".join(file.split("/")[:2])
        folders[folder] += t["cpu"]
        counts[folder] += 1
        files[file] += t["cpu"]
    print("by folder: CPU, tests, CPU a test")
    for folder, cpu in folders.most_common():
        print(f"  {cpu:7.1f} s {counts[folder]:5d} {1000 * cpu / counts[folder]:6.1f} ms  {folder}")
    print(f"the {top} dearest files (CPU s)")
    for file, cpu in files.most_common(top):
        print(f"  {cpu:6.2f}  {file}")
    for key, title in (("cpu", "tests (CPU s)"), ("setup", "set-ups (CPU s)"), ("asleep", "tests asleep (s)")):
        print(f"the {top} dearest {title}")
        for t in sorted(tests, key=lambda t: -t.get(key, 0.0))[:top]:
            print(f"  {t.get(key, 0.0):6.3f}  {t['id']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=25, help="how many files, tests and set-ups to list")
    ap.add_argument("--other", type=Path, help="another checkout run alternately with this one (CPU, wall only)")
    ap.add_argument("--runs", type=int, default=2, help="runs of each tree with --other")
    ap.add_argument("pytest_args", nargs="*", help="after --: pytest's arguments (default: the inner loop)")
    args = ap.parse_args()
    pytest_args = args.pytest_args or INNER_LOOP
    if args.other is None:
        with tempfile.TemporaryDirectory(prefix="inner-loop-") as folder:
            print(said(ROOT, run(ROOT, pytest_args, Path(folder))))
            report(Path(folder), args.top)
        return
    trees = [args.other.resolve(), ROOT]
    for tree in trees:  # each collected once: its test modules' rewritten asserts cached before anything is timed
        run(tree, [*pytest_args, "--collect-only"], None)
    for n in range(args.runs):
        for tree in trees if n % 2 == 0 else trees[::-1]:
            print(f"run {n + 1}: " + said(tree, run(tree, pytest_args, None)), flush=True)


if __name__ == "__main__":
    main()
