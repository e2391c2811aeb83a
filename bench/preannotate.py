"""Pre-annotation throughput: `preannotate()` (what `annotator preannotate` runs) against raw `nlp.pipe`.

Both use the same loaded pipeline and the same batch size, in the same run, over the same documents: news-like
texts of about 500 words made by shuffling the seed documents' sentences (so NER finds real entities).
Prints words per second and the ratio (target >= 0.85). Asserts nothing.

With --events, also pre-annotation with event suggestions (the pipeline with tagger, attribute_ruler,
lemmatizer and parser, and the rule suggester) against raw `nlp.pipe` with those same components (target
>= 0.85) and against pre-annotation of entities alone (target <= 1.5x the time). Pre-annotation runs the shared
tok2vec in batches of EMBEDDING_BATCH documents (annotator/nlp.py); raw `nlp.pipe` runs every component at --batch-size.
A fifth run is spaCy alone with the event components exactly as pre-annotation runs them (`Pipeline.docs`): its time
over pre-annotation of entities alone is the floor of the cost of events, before any suggesting and storing.

Run: nice .venv/bin/python bench/preannotate.py [--docs 2000] [--words 500] [--batch-size 64] [--model NAME] [--events]
     [--components: only each component's CPU seconds, for the entity and the event pipelines]
     [--parts: only where preannotate()'s CPU goes, with events and with entities alone: spaCy inside it, the suggester,
      to_parsed and its noun heads, store_parsed, the rest; and spaCy alone as pre-annotation runs it]
     [--component-major N: with --events, also spaCy alone run component by component over N documents at a time]
     [--candidates: only the share of sentences that may hold a trigger, on these texts and the events-dev articles]
     [--gemm: only the matrix products' CPU GFLOPS, blis against numpy's BLAS (what load_pipeline gives the components)]
     [--mapped-embedding MODE: with --events, also pre-annotation with events whose tagger and parser read the NER's
      own embedding through a map (token or window; bench/embedding_map.py fits it first, outside the timed runs)]
"""

from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.importing import IncomingDocument, import_documents  # noqa: E402
from annotator.nlp import EMBEDDING_BATCH, load_pipeline  # noqa: E402
from annotator.preannotate import preannotate  # noqa: E402
from annotator.preannotate_report import PreannotateReport  # noqa: E402
from annotator.resources_path import resource_path  # noqa: E402
from annotator.store import Project  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences() -> list[str]:
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        for para in f.read_text(encoding="utf-8").splitlines():
            out.extend(
                s.strip() + ("" if s.strip().endswith(".") else ".") for s in para.split(". ") if len(s.split()) > 3
            )
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

    def __init__(
        self,
        name: str,
        pipe,
        project: Project | None = None,
        events: bool = False,
        docs: bool = False,
        chunk: int = 0,
    ) -> None:
        self.name, self.pipe, self.project, self.events = name, pipe, project, events
        self.docs = docs  # spaCy alone as pre-annotation runs it (Pipeline.docs), not raw nlp.pipe
        self.chunk = chunk  # spaCy alone, component-major: each component over ``chunk`` documents before the next
        self.wall = self.cpu = 0.0
        self.entities = 0
        self.report = PreannotateReport()

    def __call__(self, texts: list[str], ids: list[int], batch_size: int, profiler) -> None:
        t0, c0 = time.perf_counter(), time.process_time()
        if self.chunk:
            self.entities += sum(len(doc.ents) for doc in component_major(self.pipe, texts, batch_size, self.chunk))
        elif self.docs:
            self.entities += sum(len(doc.ents) for doc in self.pipe.docs(texts, batch_size=batch_size))
        elif self.project is None:
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
        what = (
            f"{self.entities:,} entities"
            if self.project is None
            else f"{self.report.counts.entities:,} entity and {self.report.counts.events:,} event suggestions, "
            f"{self.report.words:,} tokens, {self.report.documents} documents"
        )
        return f"{self.name:<34} {self.wall:7.1f} s wall {self.cpu:7.1f} s CPU  {n_words / self.wall:8,.0f} words/s  ({what})"


def component_major(pipe, texts: list[str], batch_size: int, chunk: int):
    """The Docs of ``Pipeline.docs`` (same components, same batch sizes), but run component by component over
    ``chunk`` documents at a time (each component's ``pipe`` over the whole chunk before the next component starts)
    instead of interleaved batch by batch as ``nlp.pipe`` chains them."""
    for first in range(0, len(texts), chunk):
        docs = [pipe.nlp.make_doc(t) for t in texts[first : first + chunk]]
        for name, proc in pipe.nlp.pipeline:
            size = min(batch_size, EMBEDDING_BATCH) if name == "tok2vec" else batch_size
            docs = list(_run_component(proc, docs, size))
        yield from docs


def _run_component(proc, docs, batch_size: int):
    """A component over ``docs`` as ``nlp.pipe`` runs it: its ``pipe`` at ``batch_size``, or a plain function component
    (``line_sentences``) called on each Doc."""
    if hasattr(proc, "pipe"):
        return proc.pipe(docs, batch_size=batch_size)
    return (proc(doc) for doc in docs)


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
            docs = list(_run_component(proc, docs, size))
            costs[name] = time.process_time() - c0
        total = sum(costs.values())
        print(
            f"{'events' if events else 'entities'}: {total:.1f} s CPU: "
            + ", ".join(f"{k} {v:.2f}" for k, v in costs.items())
        )


class _Parts:
    """CPU seconds of the parts of ``preannotate()``, by a timer around each (``parts_of_preannotate``)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.run = ""

    def add(self, part: str, seconds: float) -> None:
        key = f"{self.run}: {part}"
        self.seconds[key] = self.seconds.get(key, 0.0) + seconds

    def timed(self, part: str, fn):
        def wrapper(*args, **kwargs):
            c0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(part, time.process_time() - c0)

        return wrapper

    def spacy(self, pipe):
        """``pipe.docs`` whose generator's own CPU (spaCy's, each Doc made) is counted apart from its caller's."""
        docs = pipe.docs

        def timed_docs(*args, **kwargs):
            it = iter(docs(*args, **kwargs))
            while True:
                c0 = time.process_time()
                try:
                    doc = next(it)
                except StopIteration:
                    self.add("spaCy", time.process_time() - c0)
                    return
                self.add("spaCy", time.process_time() - c0)
                yield doc

        return timed_docs


def parts_of_preannotate(texts: list[str], model: str | None, batch_size: int, rounds: int) -> None:
    """Where ``preannotate()``'s CPU goes, with events and with entities alone, over the same texts: spaCy inside it
    (``Pipeline.docs``, as it groups the pieces), the rule suggester's ``suggest``, ``to_parsed`` (of it the stored noun
    heads), ``store_parsed`` (the writer's SQL), and the rest; beside spaCy alone as ``Pipeline.docs`` runs it over
    the whole list (the floor). Each part over entities alone. The three runs alternate over ``rounds`` slices in a
    rotated order. Timers wrap the module's functions for these runs only (restored after)."""
    import annotator.nlp as nlp_module
    import annotator.preannotate as pre
    from annotator.suggest.event_rules import RuleEventSuggester

    pipes = {"entities": load_pipeline(model), "events": load_pipeline(model, events=True)}
    for p in pipes.values():
        list(p.nlp.pipe(texts[:32], batch_size=batch_size))  # warm up
    parts = _Parts()
    saved = (pre.to_parsed, pre.store_parsed, nlp_module.noun_heads, RuleEventSuggester.suggest)
    pre.to_parsed = parts.timed("to_parsed", pre.to_parsed)
    pre.store_parsed = parts.timed("store_parsed", pre.store_parsed)
    nlp_module.noun_heads = parts.timed("  of it noun_heads", nlp_module.noun_heads)
    RuleEventSuggester.suggest = parts.timed("suggest", RuleEventSuggester.suggest)
    try:
        with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
            projects = {}
            for name in pipes:
                projects[name] = Project(Path(tmp) / f"{name}.annotator", annotator="bench")
                import_documents(
                    projects[name], [IncomingDocument(text=t, name=f"d{i:05}") for i, t in enumerate(texts)]
                )
            ids = projects["entities"].document_ids()
            runs = ["entities", "events", "spaCy alone, events"]
            step = max(1, -(-len(texts) // rounds))
            for k, first in enumerate(range(0, len(texts), step)):
                for j in range(len(runs)):
                    parts.run = runs[(j + k) % len(runs)]
                    c0 = time.process_time()
                    if parts.run == "spaCy alone, events":
                        for _ in pipes["events"].docs(texts[first : first + step], batch_size=batch_size):
                            pass
                    else:
                        pipe = pipes[parts.run]
                        pipe.docs = parts.spacy(pipe)  # an attribute of this instance only
                        try:
                            preannotate(
                                projects[parts.run],
                                pipe,
                                doc_ids=ids[first : first + step],
                                batch_size=batch_size,
                                suggest_events=parts.run == "events",
                            )
                        finally:
                            del pipe.docs
                    parts.add("all", time.process_time() - c0)
            for project in projects.values():
                project.close()
    finally:
        pre.to_parsed, pre.store_parsed, nlp_module.noun_heads, RuleEventSuggester.suggest = saved
    whole = parts.seconds["entities: all"]
    order = ("spaCy", "to_parsed", "  of it noun_heads", "suggest", "store_parsed")
    for run in runs:
        total = parts.seconds[f"{run}: all"]
        if run == "spaCy alone, events":
            print(f"{run + ': all':<40} {total:7.2f} s CPU  {total / whole:5.2f}x")
            continue
        for part in order:
            if f"{run}: {part}" in parts.seconds:
                value = parts.seconds[f"{run}: {part}"]
                print(f"{run + ': ' + part:<40} {value:7.2f} s CPU  {value / whole:5.2f}x")
        rest = total - sum(parts.seconds.get(f"{run}: {part}", 0.0) for part in order if "of it" not in part)
        print(f"{run + ': the rest':<40} {rest:7.2f} s CPU  {rest / whole:5.2f}x")
        print(f"{run + ': all':<40} {total:7.2f} s CPU  {total / whole:5.2f}x")
    print("(x: over all of preannotate() with entities alone)")


def gemm_speeds() -> None:
    """CPU GFLOPS of the products the embeddings' Maxout layers make (a batch's tokens by 576 or 288 inputs, 288
    outputs), through thinc's ``NumpyOps`` with blis and without (numpy's BLAS: what ``load_pipeline`` gives the
    components, ``nlp.products_by_numpy``); the best of 5 each."""
    import numpy
    from thinc.api import NumpyOps

    rng = numpy.random.default_rng(0)
    for rows, inputs in ((10_000, 576), (10_000, 288), (40_000, 288), (2_500, 288)):
        x = rng.standard_normal((rows, inputs), dtype=numpy.float32)
        w = rng.standard_normal((288, inputs), dtype=numpy.float32)
        speeds = []
        for ops in (NumpyOps(), NumpyOps(use_blis=False)):
            best = math.inf
            for _ in range(5):
                c0 = time.process_time()
                ops.gemm(x, w, trans2=True)
                best = min(best, time.process_time() - c0)
            speeds.append(2 * rows * inputs * 288 / max(best, 1e-9) / 1e9)
        print(
            f"{rows:>6} x {inputs} by {inputs} x 288: blis {speeds[0]:5.1f} GFLOPS, numpy {speeds[1]:5.1f} GFLOPS (CPU)"
        )


def same_docs(pipe, texts: list[str], batch_size: int, chunk: int) -> None:
    """Check that component-major execution gives the Docs of ``Pipeline.docs``: every token's POS, TAG, MORPH,
    LEMMA, DEP, HEAD, entity and sentence start."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    attrs = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    ours = [d.to_array(attrs) for d in component_major(pipe, texts, batch_size, chunk)]
    theirs = [d.to_array(attrs) for d in pipe.docs(texts, batch_size=batch_size)]
    if len(ours) != len(theirs) or any((a != b).any() for a, b in zip(ours, theirs)):
        raise SystemExit("component-major execution gave other Docs than nlp.pipe")
    print(f"component-major over {chunk} documents: the same Docs as nlp.pipe on {len(texts)} texts")


def trigger_candidates(texts: list[str], model: str | None, batch_size: int) -> None:
    """How much parsing could be spared by parsing only sentences that may hold a trigger of the default schema.

    A sentence may hold one when a token outside a named entity has a lowercase form that the rule lemmatizer
    could turn (under any part of speech, by any rule or exception) into a form of a trigger's first word, and the
    other words of that trigger appear in the sentence too. Also the sentences where the full path does suggest an
    event (a floor for any such filter), and the shares a filter by part of speech and entities would keep
    (``pos_aware_shares``). Prints the shares; changes nothing.
    """

    from annotator.schema import load_schema
    from annotator.suggest.event_lexicon import Lexicon
    from annotator.suggest.event_rules import NAME_LABELS, RuleEventSuggester

    schema = load_schema(resource_path("schemas/news.toml"))
    lexicon = Lexicon.from_schema(schema)
    full, plain = load_pipeline(model, events=True), load_pipeline(model)
    lemmatizer = full.nlp.get_pipe("lemmatizer")
    lemmatizer = getattr(lemmatizer, "lemmatizer", lemmatizer)  # spaCy's own, under annotator's LemmaCache
    rules, exc = lemmatizer.lookups.get_table("lemma_rules"), lemmatizer.lookups.get_table("lemma_exc")
    cache: dict[str, set[str]] = {}

    def forms(word: str) -> set[str]:
        if word not in cache:
            out = {word}
            for pos in rules:
                out.update(word[: len(word) - len(old)] + new for old, new in rules[pos] if word.endswith(old))
            for pos in exc:
                out.update(exc[pos].get(word, []))
            cache[word] = out
        return cache[word]

    def may_hold(sent, named: set[int]) -> bool:
        present = set().union(*(forms(t.lower_) for t in sent))
        for t in sent:
            if t.i in named:
                continue
            for f in forms(t.lower_):
                for p in lexicon.by_first.get(f, ()):
                    if all((w.forms | w.verb_forms) & present for w in p.words[1:]):
                        return True
        return False

    from events import DATA, read_articles  # bench/events.py: the articles' file and its reading

    sets = [("bench texts", texts)]
    if DATA.exists():
        sets.append(("events-dev articles", [a["text"] for a in read_articles(DATA)]))
    suggester = RuleEventSuggester(schema)
    for name, part in sets:
        n_sent = n_cand = n_tok = n_tok_cand = 0
        for doc in plain.nlp.pipe(part, batch_size=batch_size):
            named = {t.i for e in doc.ents if e.label_ in NAME_LABELS for t in e}
            for sent in doc.sents:
                n_sent += 1
                n_tok += len(sent)
                if may_hold(sent, named):
                    n_cand += 1
                    n_tok_cand += len(sent)
        used = sents = 0
        for doc in full.docs(part, batch_size=batch_size):
            starts = [
                e.trigger_start
                for e in suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
            ]
            for sent in doc.sents:
                sents += 1
                used += any(sent.start_char <= x < sent.end_char for x in starts)
        print(
            f"{name}: {n_cand / n_sent:.0%} of {n_sent} sentences ({n_tok_cand / n_tok:.0%} of the tokens) may hold a "
            f"trigger; {used / sents:.0%} of {sents} parsed sentences get a suggested event"
        )
        sent_share, tok_share = pos_aware_shares(full, model, part, batch_size)
        print(
            f"{name}, by part of speech and entities before the parse: {sent_share:.0%} of the senter's sentences "
            f"({tok_share:.0%} of the tokens) hold a token the suggester would try as a trigger"
        )


def pos_aware_shares(full, model: str | None, texts: list[str], batch_size: int) -> tuple[float, float]:
    """Shares of the sentences and tokens that a filter deciding after tagger, attribute_ruler and lemmatizer (before
    any parse) would send to the parser: those with a token the rule suggester would try as a trigger (a trigger's
    part of speech, outside a named entity, not a noun it takes for a person or thing, a pattern's first word with
    the pattern's other words in the sentence). Sentences from the pipeline's own ``senter`` (shipped disabled)."""
    import spacy

    from annotator.nlp import DEFAULT_PIPELINE
    from annotator.schema import load_schema
    from annotator.suggest.event_lexicon import Lexicon, matches
    from annotator.suggest.event_rules import NAME_LABELS, TRIGGER_POS
    from annotator.suggest.noun_classes import guess_label

    lexicon = Lexicon.from_schema(load_schema(resource_path("schemas/news.toml")))
    senter = spacy.load(model or DEFAULT_PIPELINE)
    senter.enable_pipe("senter")

    def tried(tok, sent, named: set[int]) -> bool:
        if tok.i in named or tok.pos_ not in TRIGGER_POS or (tok.pos_ == "NOUN" and guess_label(tok) is not None):
            return False
        return any(all(any(matches(w, u) for u in sent) for w in p.words[1:]) for p in lexicon.candidates(tok))

    n_sent = n_cand = n_tok = n_tok_cand = 0
    with full.nlp.select_pipes(disable=["parser"]), senter.select_pipes(enable=["senter"]):
        for doc, cut in zip(full.nlp.pipe(texts, batch_size=batch_size), senter.pipe(texts, batch_size=batch_size)):
            named = {t.i for e in doc.ents if e.label_ in NAME_LABELS for t in e}
            for s in cut.sents:
                sent = doc[s.start : s.end]
                n_sent += 1
                n_tok += len(sent)
                if any(tried(t, sent, named) for t in sent):
                    n_cand += 1
                    n_tok_cand += len(sent)
    return n_cand / n_sent, n_tok_cand / n_tok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--model", default=None)
    ap.add_argument("--rounds", type=int, default=8, help="slices the runs alternate over")
    ap.add_argument(
        "--events",
        action="store_true",
        help="also pre-annotate with events (tagger, lemmatizer, parser, rule suggester) and compare",
    )
    ap.add_argument(
        "--component-major",
        type=int,
        default=0,
        metavar="N",
        help="with --events, a sixth run: spaCy alone with the event components run component by component over N "
        "documents at a time (checks it gives the same Docs as nlp.pipe first)",
    )
    ap.add_argument(
        "--mapped-embedding",
        choices=["token", "window"],
        default=None,
        help="with --events, two more runs: preannotate() with events and spaCy alone, the shared tok2vec left out and "
        "the tagger and parser fed from the NER's embedding through a map fitted first (bench/embedding_map.py)",
    )
    ap.add_argument("--profile", action="store_true", help="profile the preannotate() runs and print the top entries")
    ap.add_argument(
        "--components",
        action="store_true",
        help="only print each component's CPU seconds over the texts, one component after another",
    )
    ap.add_argument(
        "--candidates",
        action="store_true",
        help="only print the share of sentences that may hold a trigger (what parsing only those would spare)",
    )
    ap.add_argument(
        "--parts",
        action="store_true",
        help="only print where preannotate()'s CPU goes, with events and with entities alone: spaCy inside it, the "
        "suggester, to_parsed (the noun heads), store_parsed, the rest; and spaCy alone",
    )
    ap.add_argument(
        "--gemm",
        action="store_true",
        help="only print the matrix products' speed, blis (thinc's default) against numpy's BLAS, on the embeddings' shapes",
    )
    args = ap.parse_args()
    if args.gemm:
        gemm_speeds()
        return
    if args.candidates:
        trigger_candidates(make_texts(args.docs, args.words), args.model, args.batch_size)
        return
    if args.parts:
        parts_of_preannotate(make_texts(args.docs, args.words), args.model, args.batch_size, args.rounds)
        return
    if args.components:
        component_costs(make_texts(args.docs, args.words), args.model, args.batch_size)
        return

    texts = make_texts(args.docs, args.words)
    n_words = sum(len(t.split()) for t in texts)
    pipe = load_pipeline(args.model)
    print(
        f"{len(texts)} documents, {n_words:,} words (~{n_words // len(texts)} a document), batch size {args.batch_size}"
    )
    print(f"entities: {pipe.source} {pipe.nlp.pipe_names}")
    full = load_pipeline(args.model, events=True) if args.events else None
    if full is not None:
        print(f"events:   {full.source} {full.nlp.pipe_names}")
    mapped = None
    if full is not None and args.mapped_embedding:
        import embedding_map

        embedding_map.fit(full.nlp, embedding_map.fitting_texts(), [args.mapped_embedding], 0)
        mapped = embedding_map.mapped_pipeline(args.model, args.mapped_embedding)
        print(f"mapped:   {mapped.source} {mapped.nlp.pipe_names}")
    for p in (pipe, full, mapped):
        if p is not None:
            list(p.nlp.pipe(texts[:32], batch_size=args.batch_size))  # warm up every path alike

    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        projects = []
        names = ("entities", "events", "mapped")[: 1 + (full is not None) + (mapped is not None)]
        for name in names:
            project = Project(Path(tmp) / f"{name}.annotator", annotator="bench")
            import_documents(project, [IncomingDocument(text=t, name=f"d{i:05}") for i, t in enumerate(texts)])
            projects.append(project)
        runs = [Run("raw nlp.pipe (entity components)", pipe), Run("preannotate(), entities", pipe, projects[0])]
        if full is not None:
            runs += [
                Run("raw nlp.pipe (event components)", full),
                Run("preannotate(), entities + events", full, projects[1], True),
                Run("spaCy alone, as preannotate() runs", full, docs=True),
            ]
            if mapped is not None:
                runs += [
                    Run(f"preannotate(), events, mapped {args.mapped_embedding}", mapped, projects[2], True),
                    Run("spaCy alone, mapped", mapped, docs=True),
                ]
            if args.component_major:
                same_docs(full, texts[: args.component_major + 7], args.batch_size, args.component_major)
                runs.append(
                    Run(f"spaCy alone, component-major {args.component_major}", full, chunk=args.component_major)
                )
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
    print(
        f"ratio preannotate / raw spaCy, entities: {raw.wall / ours.wall:.3f} wall, {raw.cpu / ours.cpu:.3f} CPU (target >= 0.85)"
    )
    if full is not None:
        raw_ev, ours_ev = runs[2], runs[3]
        print(
            f"ratio preannotate / raw spaCy, events:   {raw_ev.wall / ours_ev.wall:.3f} wall, "
            f"{raw_ev.cpu / ours_ev.cpu:.3f} CPU (target >= 0.85)"
        )
        print(
            f"cost of events: preannotate with events / entities alone: {ours_ev.wall / ours.wall:.2f}x wall, "
            f"{ours_ev.cpu / ours.cpu:.2f}x CPU (target <= 1.5x)"
        )
        floor = runs[4]
        print(
            f"floor of that cost: spaCy alone with the event components / preannotate entities: "
            f"{floor.wall / ours.wall:.2f}x wall, {floor.cpu / ours.cpu:.2f}x CPU; suggesting and storing events add "
            f"{(ours_ev.cpu - floor.cpu) / ours.cpu:.2f}x CPU"
        )
        if mapped is not None:
            ours_map, floor_map = runs[5], runs[6]
            print(
                f"cost of events, mapped embedding ({args.mapped_embedding}): {ours_map.wall / ours.wall:.2f}x wall, "
                f"{ours_map.cpu / ours.cpu:.2f}x CPU (target <= 1.5x); its floor, spaCy alone: "
                f"{floor_map.cpu / ours.cpu:.2f}x CPU; its suggestions: {ours_map.report.counts.events:,} events "
                f"against {ours_ev.report.counts.events:,}"
            )
        if args.component_major:
            major = runs[7 if mapped is not None else 5]
            print(
                f"component-major over {args.component_major} documents / as preannotate() runs spaCy: "
                f"{major.wall / floor.wall:.3f} wall, {major.cpu / floor.cpu:.3f} CPU; over preannotate entities: "
                f"{major.cpu / ours.cpu:.2f}x CPU"
            )
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
