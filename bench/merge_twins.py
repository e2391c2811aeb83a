"""How long merge's near-twin check takes on similar documents, before and after (``merge_checks.TwinIndex``).

Two corpora of --docs documents each (default 1,000 3,000 10,000), in one source project merged into a new target:
- ``number``: texts differing in a number ("Report number N ..."), named dN.txt: every text a near twin of every
  other (the reliability run of session 12: 3,000 of them spent 220 s in the check);
- ``agency``: one agency's news items: the same header and footer, bodies of their own: no near twins;
- ``boiler``: one agency's items whose boilerplate header is 3/4 of each text (every text shares its first half
  with every other: each was compared with all before it until session 14): no near twins;
- ``short``: sentences of one pattern as documents, 34 characters sharing their first and last 10, differing in 12:
  no near twins (each was compared with all before it until session 14).
Each merge runs in a child process on a source tree (this one, and --before TREE, e.g. a checkout of main before
the change), alternating, in the same run; it prints the whole merge, the time in the check (the index built and
every lookup), and the limit: reading every text of the source alone (what the check cannot do without); each in
wall and in CPU seconds (the CPU time moves less on a machine shared with other work).
Prints figures; asserts nothing. Run: nice .venv/bin/python bench/merge_twins.py [--docs N ...] [--before TREE]
[--budget SECONDS] [--kinds KIND ...] (a 'before' run past the budget is stopped and said so).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
KINDS = ("number", "agency", "boiler", "short")
HEADER = "KABUL (Wire) - The following report was filed by our correspondents on the ground on Monday. "
FOOTER = " (Reporting by the Kabul desk; editing by the night shift. All rights reserved by the agency.)"
WORDS = "rebels attacked a convoy near the city while officials met leaders of the council in the capital".split()


BOILER = "KABUL (Wire) - The following report was filed by our correspondents on the ground. " * 8


def texts(kind: str, n: int) -> list[tuple[str, str]]:
    if kind == "boiler":
        return [(f"b{k}.txt", BOILER + f"Item {k}: " + " ".join(f"w{k * 7 + j}" for j in range(30))) for k in range(n)]
    if kind == "short":
        return [(f"s{k}.txt", f"Rebels took {k:05}xxxxxx{k:05} towns") for k in range(n)]
    if kind == "number":
        body = " ".join(WORDS * 4)
        return [(f"d{k}.txt", f"Rebels attacked a convoy near Kabul. Report number {k}: {body}.") for k in range(n)]
    out = []
    for k in range(n):
        rnd = random.Random(k)
        body = " ".join(rnd.choice(WORDS) for _ in range(60)) + f" (item {k})"
        out.append((f"item-{k:05}.txt", HEADER + body + FOOTER))
    return out


def make_source(path: Path, kind: str, n: int) -> None:
    sys.path.insert(0, str(HERE))
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    with Project(path, annotator="alice") as p:
        import_documents(p, [IncomingDocument(text=t, name=name) for name, t in texts(kind, n)])


def child(source: Path, target: Path) -> None:
    """One merge on the tree first on sys.path; prints JSON figures."""
    import annotator.teams.merge as merge
    from annotator.teams import merge_checks
    from annotator.store import Project

    spent = [0.0, 0.0]  # wall, CPU (the CPU time moves less on a machine shared with other work)
    inside = [0]  # the outermost call is timed: the index calls itself (its groups' own indexes, session 14)

    def timed(fn):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            inside[0] += 1
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return fn(*a, **k)
            finally:
                inside[0] -= 1
                if not inside[0]:
                    spent[0] += time.perf_counter() - t0
                    spent[1] += time.process_time() - c0

        return wrapper

    merge.project_twin_index = timed(merge.project_twin_index)
    merge_checks.TwinIndex.near = timed(merge_checks.TwinIndex.near)
    merge_checks.TwinIndex.add_text = timed(merge_checks.TwinIndex.add_text)
    t0, c0 = time.perf_counter(), time.process_time()
    with Project(source, create=False, read_only=True) as src:
        for (doc_id,) in src.db.conn.execute("SELECT id FROM documents").fetchall():
            src.db.document_text(doc_id)
    read, read_cpu = time.perf_counter() - t0, time.process_time() - c0
    with Project(target, annotator="lead") as team:
        t0 = time.perf_counter()
        report = merge.merge_projects(team, [source])
        total = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "merge": total,
                "check": spent[0],
                "read": read,
                "check_cpu": spent[1],
                "read_cpu": read_cpu,
                "twins": len(report.sources[0].near_duplicates),
            }
        )
    )


def run_tree(tree: Path, source: Path, target: Path, budget: float) -> dict | None:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(source), str(target)],
            env=env,
            capture_output=True,
            text=True,
            timeout=budget,
            cwd=tree,
            check=True,
        ).stdout
    except subprocess.TimeoutExpired:
        return None
    finally:
        target.unlink(missing_ok=True)
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[1_000, 3_000, 10_000])
    ap.add_argument("--before", type=Path, help="a source tree to compare with (a checkout of main before)")
    ap.add_argument("--budget", type=float, default=600.0, help="seconds a 'before' merge may take")
    ap.add_argument("--kinds", nargs="+", default=list(KINDS), choices=KINDS, help="the corpora (default: all)")
    ap.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    trees = [("after", HERE)] + ([("before", args.before.resolve())] if args.before else [])
    print(
        f"{'corpus':<8}{'docs':>7}  {'tree':<7}{'merge s':>9}{'check s':>9}{'read s':>8}{'check cpu':>11}"
        f"{'read cpu':>10}{'twins':>7}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-merge-twins-") as tmp:
        for n in args.docs:
            for kind in args.kinds:
                source = Path(tmp) / f"{kind}-{n}.annotator"
                make_source(source, kind, n)
                for name, tree in trees:
                    got = run_tree(tree, source, Path(tmp) / "team.annotator", args.budget)
                    if got is None:
                        print(f"{kind:<8}{n:>7}  {name:<7} stopped after {args.budget:.0f} s")
                        continue
                    print(
                        f"{kind:<8}{n:>7}  {name:<7}{got['merge']:>9.2f}{got['check']:>9.2f}{got['read']:>8.2f}"
                        f"{got.get('check_cpu', float('nan')):>11.2f}{got.get('read_cpu', float('nan')):>10.2f}"
                        f"{got['twins']:>7}",
                        flush=True,
                    )
                source.unlink()


if __name__ == "__main__":
    main()
