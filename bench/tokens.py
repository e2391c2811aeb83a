"""The fallback tokens (``annotator.tokens.word_tokens``) on English, Thai, Devanagari and Japanese text.

Prints figures; asserts nothing. Run: nice .venv/bin/python bench/tokens.py [--chars N] [--runs N]. Each text's CPU
time is printed beside its limit measured in the same run: the bare walk of ``annotator.tokens.WORD`` over the same
text appending each match's start and end (the regex alone, before marks are joined), and beside the fallback of
before (``\\w+|[^\\w\\s]``: no marks joined, no CJK character a token of its own) for reference.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import re  # noqa: E402

from annotator.tokens import WORD, word_tokens  # noqa: E402

BEFORE = re.compile(r"\w+|[^\w\s]")

SAMPLES = {
    "english": "Maria Lopez met John Smith in Paris on Monday, the ministry's spokesman said. ",
    "thai": "นายสมชายขับรถไปกรุงเทพเมื่อวานนี้ แล้วพบเพื่อนที่ร้านกาแฟ. ",
    "devanagari": "प्रधानमंत्री ने सोमवार को दिल्ली में एक बैठक की। ",
    "japanese": "症例は７０歳の男性．ＣＴ検査の結果，肺癌と診断された． ",
}


def bare(text: str, regex: re.Pattern = WORD) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for m in regex.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def cpu(fn, text: str) -> float:
    t = time.process_time()
    fn(text)
    return time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=2_000_000)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    for name, sample in SAMPLES.items():
        text = (sample * (args.chars // len(sample) + 1))[: args.chars]
        for run in range(args.runs):
            ours = cpu(word_tokens, text)
            limit = cpu(bare, text)
            before = cpu(lambda t: bare(t, BEFORE), text)
            print(
                f"{name:<10} run {run + 1}: {len(word_tokens(text)[0]):>9,} tokens, {ours:.3f} s CPU; "
                f"limit (bare WORD walk, same run) {limit:.3f} s, ratio {ours / limit:.2f}x; "
                f"fallback of before {before:.3f} s ({len(bare(text, BEFORE)[0]):,} tokens), ratio {ours / before:.2f}x"
            )


if __name__ == "__main__":
    main()
