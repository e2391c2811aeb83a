"""The cost of keeping characters whole (docs/reliability.md, "Session 34: characters kept whole"): what
``nlp.to_parsed`` spends on merging tokens within a grapheme cluster and widening spans (``nlp.kept_whole``), in CPU
time, against reading the same Docs without it (``nlp._read_parsed``, what pre-annotation did before), in the same run
over the same Docs: the events-dev articles (ordinary English news, some non-ASCII: quotes, dashes, accents) and the
same articles with an emoji sequence (a flag, a ZWJ family, a skin tone) put after every tenth sentence. Also the
fallback tokens (``tokens.word_tokens``) of those texts, and migration 12 over a project of them. Asserts nothing.

Run: nice .venv/bin/python bench/whole_characters.py [--runs 5] [--model NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.nlp import _read_parsed, kept_whole, load_pipeline  # noqa: E402
from annotator.tokens import word_tokens  # noqa: E402
from cpu_timing import least_cpu  # noqa: E402  (the best of the repeats, CPU seconds)

DATA = Path("/work/shared/data/events-dev/dev.jsonl")
EMOJI = [
    " \U0001f1fb\U0001f1f3",
    " \U0001f468\u200d\U0001f469\u200d\U0001f467",
    " \U0001f44d\U0001f3fd",
    " 1\ufe0f\u20e3",
]


def articles() -> list[str]:
    return [json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def with_emoji(text: str) -> str:
    parts = text.split(". ")
    return ". ".join(p + (EMOJI[k // 10 % len(EMOJI)] if k % 10 == 9 else "") for k, p in enumerate(parts))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    pipe = load_pipeline(args.model)
    for name, texts in (
        ("events-dev articles", articles()),
        ("the same with emoji", [with_emoji(t) for t in articles()]),
    ):
        docs = list(pipe.docs(texts))
        chars = sum(map(len, texts))
        before = least_cpu(lambda: [_read_parsed(d) for d in docs], args.runs)
        after = least_cpu(lambda: [kept_whole(t, _read_parsed(d)) for t, d in zip(texts, docs)], args.runs)
        spacy_cpu = least_cpu(lambda: list(pipe.docs(texts)), 1)
        tokens = least_cpu(lambda: [word_tokens(t) for t in texts], args.runs)
        print(
            f"{name}: {len(texts)} texts, {chars:,} characters; spaCy {spacy_cpu * 1000:.0f} ms CPU; reading the Docs "
            f"{before * 1000:.1f} ms before, {after * 1000:.1f} ms kept whole (+{(after - before) * 1000:.2f} ms, "
            f"{(after - before) / spacy_cpu * 100:.2f}% of spaCy's); fallback tokens {tokens * 1000:.1f} ms"
        )
    migration(articles())


def migration(texts: list[str]) -> None:
    """Migration 12 over a project of the articles with emoji, tokens as spaCy's fallback cut them before (split)."""
    import orjson

    from annotator import migrations
    from annotator.store import Project
    from annotator.tokens import PLAIN

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.annotator"
        with Project(path) as p:
            for k, text in enumerate([with_emoji(t) for t in texts] + texts):
                with p.transaction():
                    doc_id = p.db.insert_document(f"{k}.txt", text, f"{k:064x}", "new", "{}", 0, None, "now")
                    pieces = [m.span() for m in PLAIN.finditer(text)]
                    p.db.insert_tokens(
                        doc_id,
                        "x",
                        orjson.dumps([s for s, _ in pieces]).decode(),
                        orjson.dumps([e for _, e in pieces]).decode(),
                        "[0]",
                    )
            t = time.process_time()
            with p.transaction():
                migrations._m12_tokens_whole(p.db.db if hasattr(p.db, "db") else _Wrap(p.db.conn))
            took = time.process_time() - t
        print(f"migration 12: {len(texts) * 2} documents ({len(texts)} with emoji), {took * 1000:.1f} ms CPU")


class _Wrap:
    def __init__(self, conn) -> None:
        self.conn = conn


if __name__ == "__main__":
    main()
