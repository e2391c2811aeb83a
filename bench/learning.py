"""Learning curve of the trained suggestions on events-dev (issue 13).

The gold of the first 20, 50 and 80 articles of ``dev.jsonl`` is entered into a project as finished
(``annotated``) documents: each argument span becomes an entity (the label of the pipeline's entity there when
the role accepts it, else the role's first label), each event a hand-made event. ``annotator train`` then runs
as a user would run it (its own held-out split and scores), and the new version's event suggester is scored
on the remaining articles (32 at the last point) against their gold with bench/events.py's scorer (``figures``):
a trigger counts when it overlaps a gold trigger of the same type, an argument when its event counts, the
role is the same and the spans overlap; only the 8 annotated types; Time arguments (not annotated in events-dev)
left out. The training run's own held-out scores (``train_report``) leave out the roles no finished document
fills (Time here: annotator.learn.argument_tuning.unfilled_roles). The untrained suggestions (the rule
suggester when installed, else the schema's trigger words) are scored on the same articles.

    python bench/learning.py [--points 20 50 80] [--ner-epochs 3] [--out docs/learning]
    python bench/learning.py --points 80 50 20   # the last point first; the curve is written after each point
    python bench/learning.py --timing 100 --words 500     # the time of one run on 100 documents of ~500 words
    python bench/learning.py --data dev.jsonl --test heldback.jsonl --points 80   # score on another file
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, as_dicts, figures, labelled_entities, parse_texts, read_articles  # noqa: E402  (one owner: events.py)


def gold_events(article: dict) -> list:
    from annotator.learn.data import GoldArgument, GoldEvent

    return [
        GoldEvent(e["type"], *e["trigger"], tuple(GoldArgument(a["role"], *a["span"], "") for a in e["arguments"]))
        for e in article["events"]
    ]


def build_project(path: Path, articles: list[dict], parsed: list) -> "object":
    from annotator import edits
    from annotator.errors import ValidationError
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    project = Project(path, annotator="bench")
    report = import_documents(project, [IncomingDocument(text=a["text"], name=a["name"]) for a in articles])
    schema = project.schema
    for (_name, doc_id), a, doc in zip(report.imported, articles, parsed):
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        made: dict[tuple[int, int, str], int] = {}
        for ev in a["events"]:
            et = schema.event_type(ev["type"])
            if et is None:
                continue
            vid = edits.add_event(project, doc_id, ev["type"], *ev["trigger"]).result_id
            for arg in ev["arguments"]:
                role = et.role(arg["role"])
                if role is None:
                    continue
                s, e = arg["span"]
                label = next((lab for a0, a1, lab in ents if a0 < e and s < a1 and lab in role.labels), role.labels[0])
                key = (s, e, label)
                if key not in made:
                    made[key] = edits.add_entity(project, doc_id, s, e, label).result_id
                try:
                    edits.add_argument(project, vid, arg["role"], made[key])
                except ValidationError:
                    pass  # a second filler of a one-filler role: the schema refuses it, as it would a person
        edits.set_status(project, doc_id, "annotated")
    return project


def score(suggester, docs, entities, golds) -> dict:
    """bench/events.py's figures of ``suggester`` (``golds``: each article's gold events as in dev.jsonl)."""
    return figures(golds, [as_dicts(suggester.suggest(doc, ents)) for doc, ents in zip(docs, entities)])


def truncate(article: dict, words: int) -> dict:
    """The article cut after the sentence (line) that reaches ``words`` words, with the events inside the cut."""
    lines, n, end = article["text"].split("\n"), 0, 0
    for line in lines:
        end += len(line) + 1
        n += len(line.split())
        if n >= words:
            break
    end = min(end, len(article["text"]))
    events = [e for e in article["events"] if e["trigger"][1] <= end]
    for e in events:
        e["arguments"] = [a for a in e["arguments"] if a["span"][1] <= end]
    return {**article, "text": article["text"][:end], "events": events}


def timing(n_docs: int, words: int, ner_epochs: int, event_epochs: int) -> int:
    """Issue 13 point 5: ``annotator train`` on ``n_docs`` finished documents of about ``words`` words, timed
    as one run with the default settings (articles of events-dev cut to length; fewer articles are reused)."""
    from annotator.learn.train import TrainOptions, train_project

    articles = read_articles(DATA)
    chosen = [truncate(articles[k % len(articles)], words) for k in range(n_docs)]
    for k, a in enumerate(chosen):
        a["name"] = f"{k:03}_{a['name']}"
    parsed, _ = parse_texts([a["text"] for a in chosen])
    total = sum(len(a["text"].split()) for a in chosen)
    with tempfile.TemporaryDirectory() as tmp:
        project = build_project(Path(tmp) / "timing.annotator", chosen, parsed)
        from annotator.importing import IncomingDocument, import_documents

        rest = articles[n_docs:]  # unfinished documents: the NER update rehearses on them
        import_documents(project, [IncomingDocument(text=a["text"], name=f"rest_{a['name']}") for a in rest])
        t, cpu = time.monotonic(), time.process_time()
        report = train_project(project, TrainOptions(ner_epochs=ner_epochs, event_epochs=event_epochs))
        seconds, cpu = time.monotonic() - t, time.process_time() - cpu
        project.close()
    print(
        f"trained on {n_docs} finished documents ({total} words, {total / n_docs:.0f} per document; "
        f"{report.held_out} held out, {report.folds} split(s); {len(articles[n_docs:])} unfinished documents "
        f"in the project for rehearsal) with ner_epochs={ner_epochs}, "
        f"event_epochs={event_epochs}: {seconds:.1f} s wall, {cpu:.1f} s CPU (limit 300 s; load average "
        f"{os.getloadavg()[0]:.1f} at the end)"
    )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, nargs="+", default=[20, 50, 80])
    ap.add_argument("--data", type=Path, default=DATA, help="articles to train on (events-dev's format)")
    ap.add_argument(
        "--test", type=Path, help="score on every article of this file instead of the remaining ones of --data"
    )
    ap.add_argument("--ner-epochs", type=int, default=3)
    ap.add_argument("--event-epochs", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "docs" / "learning"))
    ap.add_argument(
        "--reverse",
        action="store_true",
        help="train on the LAST N articles and score on the first ones (a second split)",
    )
    ap.add_argument("--timing", type=int, metavar="N", help="only time training on N documents (default settings)")
    ap.add_argument("--words", type=int, default=500, help="with --timing: words per document")
    args = ap.parse_args()
    if args.timing:
        from annotator.learn.train import TrainOptions

        return timing(args.timing, args.words, TrainOptions.ner_epochs, TrainOptions.event_epochs)

    if not plotting_available():  # said before the long run, not as a traceback after it
        print(f"{NO_MATPLOTLIB}: the curve's numbers are written with a plain SVG plot, no PNG", file=sys.stderr)
    from annotator.learn import versions
    from annotator.learn.event_model import default_prior
    from annotator.learn.train import TrainOptions, train_project
    from annotator.schema import default_schema

    articles = read_articles(args.data)
    if args.reverse:
        articles.reverse()
    tests = read_articles(args.test) if args.test else []
    parsed, seconds = parse_texts([a["text"] for a in articles + tests])
    if tests:  # held-out articles of another file: every point is scored on all of them
        test_parsed, parsed = parsed[len(articles) :], parsed[: len(articles)]
    print(f"parsed {len(articles)} articles ({sum(len(d) for d in parsed)} tokens) in {seconds:.1f} s")
    labels = set(default_schema().label_names)
    entities = labelled_entities(parsed, labels)
    golds = [a["events"] for a in articles]
    if tests:
        test_entities = labelled_entities(test_parsed, labels)
        test_golds = [a["events"] for a in tests]
    prior = default_prior(default_schema())
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.points:
        rest = slice(n, None)
        if tests:
            scored = (test_parsed, test_entities, test_golds)
        else:
            scored = (parsed[rest], entities[rest], golds[rest])
        untrained = score(prior, *scored)
        with tempfile.TemporaryDirectory() as tmp:
            project = build_project(Path(tmp) / "dev.annotator", articles[:n], parsed[:n])
            t, cpu = time.monotonic(), time.process_time()
            report = train_project(project, TrainOptions(ner_epochs=args.ner_epochs, event_epochs=args.event_epochs))
            seconds, cpu = time.monotonic() - t, time.process_time() - cpu
            trained = score(versions.load_version_events(project, report.version), *scored)
            words = sum(len(d) for d in parsed[:n])
            project.close()
        row = {
            "articles": n,
            "words": words,
            "scored_articles": len(scored[0]),
            "train_seconds": round(seconds, 1),
            "train_cpu_seconds": round(cpu, 1),
            "untrained": untrained,
            "trained": trained,
            "untrained_source": prior.source,
            "train_report": report.scores,
            "load_average": round(os.getloadavg()[0], 1),  # other jobs on the machine: the wall time's context
        }
        rows.append(row)
        u, tr = untrained, trained
        print(
            f"{n:3} articles ({words} tokens, trained in {seconds:.0f} s, {cpu:.0f} s CPU; scored on {len(scored[0])}): "
            f"trigger F1 {u['triggers']['all']['f1']:.3f} -> {tr['triggers']['all']['f1']:.3f}   "
            f"argument F1 {u['arguments']['all']['f1']:.3f} -> {tr['arguments']['all']['f1']:.3f}   "
            f"(P/R trained {tr['triggers']['all']['p']:.2f}/{tr['triggers']['all']['r']:.2f}); "
            f"held-out entity F1 in the run: original {report.scores['current']['entities']['all']['f1']:.3f}, "
            f"trained {report.scores['new']['entities']['all']['f1']:.3f}; load average {row['load_average']}"
        )
        for k, v in tr["triggers"].items():
            if k != "all":
                print(f"      {k:28} untrained {u['triggers'].get(k, {}).get('f1', 0):.3f}  trained {v['f1']:.3f}")
        # written after every point, in the order of the articles trained on: a run stopped after its first
        # point (``--points 80 50 20`` gives the last point first) keeps what it measured
        print(write_curve(sorted(rows, key=lambda r: r["articles"]), out), flush=True)
    print(verdict(sorted(rows, key=lambda r: r["articles"])))
    return 0


TARGETS = {"triggers": 0.65, "arguments": 0.40}  # issue 13: after 80 finished articles, on articles never seen


def f1_of(row: dict, side: str, part: str) -> float | None:
    """A point's F1 (``side``: trained or untrained; ``part``: triggers or arguments), None when not measured."""
    return row.get(side, {}).get(part, {}).get("all", {}).get("f1")


def verdict(rows: list[dict]) -> str:
    """The curve in two lines: where the trained suggester differs from the untrained one (or equals it at every
    point), and issue 13's targets at the largest point (met or not)."""
    worse, better = [], []
    for r in rows:
        for part in TARGETS:
            u, t = f1_of(r, "untrained", part), f1_of(r, "trained", part)
            if u is None or t is None or round(t, 3) == round(u, 3):
                continue
            (better if t > u else worse).append(f"{part} at {r['articles']}: {u:.3f} -> {t:.3f}")
    if worse:
        line = "never worse than the untrained suggestions: NOT met (" + "; ".join(worse) + ")"
    else:
        line = "never worse than the untrained suggestions: met"
    line += f" ({'; '.join(better)})" if better else ", equal to them at every point (to 3 digits)"
    last = rows[-1]
    parts = []
    for part, target in TARGETS.items():
        t = f1_of(last, "trained", part)
        if t is not None:
            parts.append(f"{part} {t:.3f} (>= {target:.2f}: {'met' if t >= target else 'not met'})")
    return line + f"\ntargets after {last['articles']} articles: " + ", ".join(parts)


def write_curve(rows: list[dict], out: Path) -> str:
    """Write the curve's numbers (OUT.json) and its plot: OUT.png with matplotlib, else a plain OUT.svg (no
    dependency); say what."""
    out.with_suffix(".json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if not plotting_available():
        out.with_suffix(".svg").write_text(svg_curve(rows), encoding="utf-8")
        return f"wrote {out.with_suffix('.json')} and {out.with_suffix('.svg')} (a plain plot: {NO_MATPLOTLIB})"
    plot(rows, out.with_suffix(".png"))
    return f"wrote {out.with_suffix('.json')} and {out.with_suffix('.png')}"


NO_MATPLOTLIB = "matplotlib is not installed (pip install -e '.[bench]')"


def plotting_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def svg_curve(rows: list[dict]) -> str:
    """The plot's lines as a small SVG: F1 (0-1) against the articles trained on, trained solid, untrained
    dashed, triggers blue, arguments orange, the targets dotted."""
    w, h, left, top, right, bottom = 480, 300, 50, 30, 150, 40
    xs = [r["articles"] for r in rows]
    lo, hi = min(xs, default=0), max(xs, default=1)

    def x(n: float) -> float:
        return left + (w - left - right) * ((n - lo) / (hi - lo) if hi > lo else 0.5)

    def y(f: float) -> float:
        return top + (h - top - bottom) * (1 - f)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="11">',
        f'<rect width="{w}" height="{h}" fill="white"/>',
        f'<text x="{left}" y="18">events-dev: suggestions learned from finished documents</text>',
        f'<line x1="{left}" y1="{y(0)}" x2="{w - right}" y2="{y(0)}" stroke="black"/>',
        f'<line x1="{left}" y1="{y(0)}" x2="{left}" y2="{y(1)}" stroke="black"/>',
        f'<text x="{(left + w - right) / 2}" y="{h - 8}" text-anchor="middle">finished articles trained on</text>',
    ]
    out += [f'<text x="{left - 6}" y="{y(f) + 4}" text-anchor="end">{f:.1f}</text>' for f in (0, 0.2, 0.4, 0.6, 0.8, 1)]
    out += [f'<text x="{x(n)}" y="{y(0) + 14}" text-anchor="middle">{n}</text>' for n in xs]
    legend = []
    for part, color in (("triggers", "#1f77b4"), ("arguments", "#ff7f0e")):
        target = TARGETS[part]
        out.append(
            f'<line x1="{left}" y1="{y(target)}" x2="{w - right}" y2="{y(target)}" stroke="{color}" '
            'stroke-dasharray="1,3"/>'
        )
        for side, dash in (("trained", ""), ("untrained", ' stroke-dasharray="6,3" stroke-opacity="0.6"')):
            points = [(x(r["articles"]), y(f)) for r in rows if (f := f1_of(r, side, part)) is not None]
            if points:
                coords = " ".join(f"{a:.1f},{b:.1f}" for a, b in points)
                out.append(f'<polyline points="{coords}" fill="none" stroke="{color}"{dash}/>')
                legend.append((f"{part}: {side}", color, dash))
        legend.append((f"{part} target ({target:.2f})", color, ' stroke-dasharray="1,3"'))
    for k, (name, color, dash) in enumerate(legend):
        ly = top + 10 + 16 * k
        out.append(f'<line x1="{w - right + 10}" y1="{ly}" x2="{w - right + 30}" y2="{ly}" stroke="{color}"{dash}/>')
        out.append(f'<text x="{w - right + 34}" y="{ly + 4}">{name}</text>')
    return "\n".join([*out, "</svg>", ""])


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [r["articles"] for r in rows]
    fig, ax = plt.subplots(figsize=(6.4, 4.0), dpi=100)
    for part, color in (("triggers", "tab:blue"), ("arguments", "tab:orange")):
        ax.plot(xs, [r["trained"][part]["all"]["f1"] for r in rows], "o-", color=color, label=f"{part}: trained")
        ax.plot(
            xs,
            [r["untrained"][part]["all"]["f1"] for r in rows],
            "s--",
            color=color,
            alpha=0.6,
            label=f"{part}: untrained ({rows[0]['untrained_source']})",
        )
    ax.axhline(0.65, color="tab:blue", lw=0.6, ls=":", label="trigger target (0.65)")
    ax.axhline(0.40, color="tab:orange", lw=0.6, ls=":", label="argument target (0.40)")
    ax.set_xlabel("finished articles trained on")
    ax.set_ylabel("F1 on the remaining articles")
    ax.set_ylim(0, 1)
    ax.set_xticks(xs)
    ax.legend(fontsize=8)
    ax.set_title("events-dev: suggestions learned from finished documents")
    fig.tight_layout()
    fig.savefig(path)


if __name__ == "__main__":
    raise SystemExit(main())
