"""Pre-annotation throughput: `preannotate()` (what `annotator preannotate` runs) against raw `nlp.pipe`.

Both use the same loaded pipeline and the same batch size, in the same run, over the same documents: news-like
texts of about 500 words made by shuffling the seed documents' sentences (so NER finds real entities).
Prints words per second and the ratio (target >= 0.85). Asserts nothing.

With --events, also pre-annotation with event suggestions (the pipeline with tagger, attribute_ruler,
lemmatizer and parser, and the rule suggester) against raw `nlp.pipe` with those same components (target
>= 0.85) and against pre-annotation of entities alone (target <= 1.5x the time).

Run: nice .venv/bin/python bench/preannotate.py [--docs 2000] [--words 500] [--batch-size 64] [--model NAME] [--events]
     [--components: only each component's CPU seconds, for the entity and the event pipelines]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.importing import IncomingDocument, import_documents  # noqa: E402
from annotator.nlp import EMBEDDING_BATCH, load_pipeline  # noqa: E402
from annotator.preannotate import PreannotateReport, preannotate  # noqa: E402
from annotator.store import Project  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences() -> list[str]:
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        for para in f.read_text(encoding="utf-8").splitlines():
            out.extend(s.strip() + ("" if s.strip().endswith(".") else ".") for s in para.split(". ") if len(s.split()) > 3)
    return out


def make_texts(n: int, words: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    pool = sentences()
    texts = []
    for i in range(n):
        paras, count = [], 0
        while count < words:
            para = " ".join(rng.sample(pool, k=min(4, len(pool))))
            paras.append(para)
            count += len(para.split())
        texts.append(f"Dispatch {i}\n\n" + "\n".join(paras))
    return texts


class Run:
    """One way of running over the documents: raw ``nlp.pipe`` or ``preannotate()`` into its own project."""

    def __init__(self, name: str, pipe, project: Project | None = None, events: bool = False) -> None:
        self.name, self.pipe, self.project, self.events = name, pipe, project, events
        self.wall = self.cpu = 0.0
        self.entities = 0
        self.report = PreannotateReport()

    def __call__(self, texts: list[str], ids: list[int], batch_size: int, profiler) -> None:
        t0, c0 = time.perf_counter(), time.process_time()
        if self.project is None:
            self.entities += sum(len(doc.ents) for doc in self.pipe.nlp.pipe(texts, batch_size=batch_size))
        else:
            if profiler:
                profiler.enable()
            r = preannotate(self.project, self.pipe, doc_ids=ids, batch_size=batch_size, suggest_events=self.events)
            if profiler:
                profiler.disable()
            self.report.documents += r.documents
            self.report.words += r.words
            self.report.counts.entities += r.counts.entities
            self.report.counts.events += r.counts.events
        self.wall += time.perf_counter() - t0
        self.cpu += time.process_time() - c0

    def line(self, n_words: int) -> str:
        what = (f"{self.entities:,} entities" if self.project is None else
                f"{self.report.counts.entities:,} entity and {self.report.counts.events:,} event suggestions, "
                f"{self.report.words:,} tokens, {self.report.documents} documents")
        return f"{self.name:<34} {self.wall:7.1f} s wall {self.cpu:7.1f} s CPU  {n_words / self.wall:8,.0f} words/s  ({what})"


def component_costs(texts: list[str], model: str | None, batch_size: int) -> None:
    """CPU seconds of each component of the entity and the event pipelines, run one after another over all texts."""
    for events in (False, True):
        pipe = load_pipeline(model, events=events)
        list(pipe.nlp.pipe(texts[:16], batch_size=batch_size))  # warm up
        docs = [pipe.nlp.make_doc(t) for t in texts]
        costs = {}
        for name, proc in pipe.nlp.pipeline:
            c0 = time.process_time()
            size = min(batch_size, EMBEDDING_BATCH) if name == "tok2vec" else batch_size  # as Pipeline.docs runs it
            docs = list(proc.pipe(docs, batch_size=size))
            costs[name] = time.process_time() - c0
        total = sum(costs.values())
        print(f"{'events' if events else 'entities'}: {total:.1f} s CPU: " + ", ".join(f"{k} {v:.2f}" for k, v in costs.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--model", default=None)
    ap.add_argument("--rounds", type=int, default=8, help="slices the runs alternate over")
    ap.add_argument("--events", action="store_true",
                    help="also pre-annotate with events (tagger, lemmatizer, parser, rule suggester) and compare")
    ap.add_argument("--profile", action="store_true", help="profile the preannotate() runs and print the top entries")
    ap.add_argument("--components", action="store_true",
                    help="only print each component's CPU seconds over the texts, one component after another")
    args = ap.parse_args()
    if args.components:
        component_costs(make_texts(args.docs, args.words), args.model, args.batch_size)
        return

    texts = make_texts(args.docs, args.words)
    n_words = sum(len(t.split()) for t in texts)
    pipe = load_pipeline(args.model)
    print(f"{len(texts)} documents, {n_words:,} words (~{n_words // len(texts)} a document), batch size {args.batch_size}")
    print(f"entities: {pipe.source} {pipe.nlp.pipe_names}")
    full = load_pipeline(args.model, events=True) if args.events else None
    if full is not None:
        print(f"events:   {full.source} {full.nlp.pipe_names}")
    for p in (pipe, full):
        if p is not None:
            list(p.nlp.pipe(texts[:32], batch_size=args.batch_size))  # warm up every path alike

    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        projects = []
        for name in ("entities", "events") if full is not None else ("entities",):
            project = Project(Path(tmp) / f"{name}.annotator", annotator="bench")
            import_documents(project, [IncomingDocument(text=t, name=f"d{i:05}") for i, t in enumerate(texts)])
            projects.append(project)
        runs = [Run("raw nlp.pipe (entity components)", pipe), Run("preannotate(), entities", pipe, projects[0])]
        if full is not None:
            runs += [Run("raw nlp.pipe (event components)", full), Run("preannotate(), entities + events", full, projects[1], True)]
        ids = projects[0].document_ids()
        profiler = cProfile.Profile() if args.profile else None
        # alternate the runs over slices, each slice in a rotated order, so a busy shared machine slows all alike
        step = max(args.batch_size, len(texts) // args.rounds)
        for k, first in enumerate(range(0, len(texts), step)):
            part, part_ids = texts[first : first + step], ids[first : first + step]
            for j in range(len(runs)):
                runs[(j + k) % len(runs)](part, part_ids, args.batch_size, profiler)
        for project in projects:
            project.close()

    for run in runs:
        print(run.line(n_words))
    raw, ours = runs[0], runs[1]
    print(f"ratio preannotate / raw spaCy, entities: {raw.wall / ours.wall:.3f} wall, {raw.cpu / ours.cpu:.3f} CPU (target >= 0.85)")
    if full is not None:
        raw_ev, ours_ev = runs[2], runs[3]
        print(f"ratio preannotate / raw spaCy, events:   {raw_ev.wall / ours_ev.wall:.3f} wall, "
              f"{raw_ev.cpu / ours_ev.cpu:.3f} CPU (target >= 0.85)")
        print(f"cost of events: preannotate with events / entities alone: {ours_ev.wall / ours.wall:.2f}x wall, "
              f"{ours_ev.cpu / ours.cpu:.2f}x CPU (target <= 1.5x)")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
