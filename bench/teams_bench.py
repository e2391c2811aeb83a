"""Figures for the team functions: merge, agreement, differences and model quality on generated projects.

Run: .venv/bin/python bench/teams_bench.py [documents] [spans per document]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.importing import IncomingDocument, IncomingEntity, import_documents  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.teams.agreement import agreement  # noqa: E402
from annotator.teams.differences import differences  # noqa: E402
from annotator.teams.merge import merge_projects  # noqa: E402
from annotator.teams.model_quality import model_quality  # noqa: E402

LABELS = ["PERSON", "ORG", "GPE", "DATE"]


def make(path: Path, name: str, docs: int, spans: int, seed: int) -> None:
    rnd = random.Random(seed)
    out = []
    for d in range(docs):
        words = [f"w{d}x{k}" for k in range(spans * 4)]
        text = " ".join(words)
        starts = [sum(len(w) + 1 for w in words[:k]) for k in range(len(words))]
        ents = []
        for k in range(0, len(words), 4):
            if rnd.random() < 0.1:
                continue  # this annotator missed it
            label = LABELS[(k // 4) % 4] if rnd.random() > 0.1 else rnd.choice(LABELS)
            end_word = k + (1 if rnd.random() > 0.1 else 0)
            ents.append(
                IncomingEntity(k, starts[k], starts[end_word] + len(words[end_word]), label, "added", "human", name)
            )
        out.append(IncomingDocument(text=text, name=f"d{d}", entities=ents))
    with Project(path, annotator=name) as p:
        import_documents(p, out)


def main() -> None:
    docs = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    spans = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        make(t / "alice.annotator", "alice", docs, spans, 1)
        make(t / "bob.annotator", "bob", docs, spans, 2)
        with Project(t / "team.annotator", annotator="rita", synchronous="NORMAL") as team:
            t0 = time.perf_counter()
            merge_projects(team, [t / "alice.annotator", t / "bob.annotator"])
            t1 = time.perf_counter()
            result = agreement(team)
            t2 = time.perf_counter()
            ids = team.document_ids()
            n = sum(len(differences(team, i)) for i in ids)
            t3 = time.perf_counter()
            model_quality(team)
            t4 = time.perf_counter()
        f1 = result["pairs"][0]["project"]["entities_exact"]["overall"]["f1"]
        print(f"{docs} documents, about {spans} spans per document per annotator")
        print(f"merge 2 sources:          {t1 - t0:7.2f} s")
        print(f"agreement (1 pair):       {t2 - t1:7.2f} s   (entity F1 {f1:.3f})")
        print(
            f"differences, every doc:   {t3 - t2:7.2f} s   ({n} items, {1000 * (t3 - t2) / docs:.1f} ms per document)"
        )
        print(f"model quality:            {t4 - t3:7.2f} s")


if __name__ == "__main__":
    main()
