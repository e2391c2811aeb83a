"""Figures for the sets listed, a set renamed or dropped (``annotator sets``, Project > Annotation sets…) and a merged
set's export, on a generated team project
(teams_bench's annotators: every document's meta records both sets, so a rename reads and writes every one).

Run: .venv/bin/python bench/set_names.py [documents] [spans per document]
With another checkout's code first on the path (PYTHONPATH=/work/main), the export alone runs (the baseline).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("PYTHONPATH"):  # the baseline: PYTHONPATH=/work/main runs that checkout's code
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import api  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.teams.merge import merge_projects  # noqa: E402
from bench.teams_bench import make  # noqa: E402


def main() -> None:
    docs = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    spans = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        make(t / "alice.annotator", "alice", docs, spans, 1)
        make(t / "bob.annotator", "bob", docs, spans, 2)
        with Project(t / "team.annotator", annotator="rita") as team:
            merge_projects(team, [t / "alice.annotator", t / "bob.annotator"])
            t0 = time.perf_counter()
            report = api.export(team, t / "bob.jsonl", "jsonl", annotation_set="bob")
            t1 = time.perf_counter()
            print(
                f"{docs} documents, about {spans} spans per document per annotator ({sys.modules['annotator'].__file__})"
            )
            print(
                f"export --set bob (jsonl):  {t1 - t0:7.2f} s   ({report.documents} documents, {report.entities} entities)"
            )
            try:
                from annotator.teams.set_names import drop_set, rename_set, set_list
            except ImportError:
                return
            t5 = time.perf_counter()
            listed = set_list(team)  # what Project > Annotation sets… reads on the window's thread (session 32)
            t6 = time.perf_counter()
            print(f"sets (the list):           {t6 - t5:7.3f} s   ({len(listed)} sets)")
            t2 = time.perf_counter()
            change = rename_set(team, "bob", "robert")
            t3 = time.perf_counter()
            dropped = drop_set(team, "robert")
            t4 = time.perf_counter()
        print(
            f"sets --rename bob robert:  {t3 - t2:7.2f} s   ({change.entities} entities, {len(change.documents)} records)"
        )
        print(f"sets --drop robert:        {t4 - t3:7.2f} s   ({dropped.entities} entities)")


if __name__ == "__main__":
    main()
