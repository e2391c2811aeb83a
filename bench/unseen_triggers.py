"""Recall on the words the training articles never mark (issue 13, session 37; docs/learning.md, "Session 37"):
what a learner that generalises beyond lemmas could find among them, counted before building one.

The tokens looked at: verbs and nouns the rules show no suggestion of the 8 types on, whose lemma no gold trigger
of the training articles has (in the training articles themselves: of the *other* training articles, so a
training count means what it would on new text). Counted, trained on the first (``--reverse``: last) N articles
and looked at on the rest, as bench/learning.py splits them:
- the base rate: how many of those tokens are gold triggers (of any of the 8 types);
- the **parse frame** around them (part of speech and relation; + the entity labels of its children by
  relation; + the entity labels under its prepositions): the kinds with the highest rate of gold triggers over
  the training articles (at least ``--least`` tokens), and the same kinds on the rest;
- with ``--wordnet DIR`` (WordNet 3.0's dict folder: index.verb, data.verb, index.noun, data.noun; e.g.
  ``apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn``, DIR = wn/usr/share/wordnet): the **words
  the marked triggers share a sense with**: per type, a token is ``syn`` when one of its first ``senses`` synsets
  (or a synset derivationally related to one) is one of a marked lemma's, ``hypo`` when a hypernym of one is,
  ``sib`` when they share a hypernym; per relation, the tokens that are a gold trigger of that type (right) and
  the others (wrong), on the rest; then the best (relation, type) and (relation, type, part of speech,
  relation) kinds over the training articles.
A token helps trigger F1 only when its kind's rate is above F1 / 2 (~0.3 here). The rows (parse and the rules'
verdict per token) are bench/rescoring_cv.py's, cached by ``--cache`` as bench/finished_counts_cv.py caches them.

    python bench/unseen_triggers.py [--articles 80] [--reverse] [--cache rows.pkl] [--wordnet DIR] [--least 8]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import lexical_ceiling as lc  # noqa: E402
import rescoring_cv as rc  # noqa: E402
from events import TYPES, overlaps  # noqa: E402

WORDNET_POS = {"VERB": "v", "NOUN": "n"}
RELATIONS = ("syn", "hypo", "sib")


def marked_lemmas(rows: list[rc.Row]) -> Counter:
    """(type, lemma) -> how many gold triggers of the rows have it."""
    return Counter((e["type"], lemma) for r in rows for e, lemma in lc.gold_lemmas(r))


def leave_one_out(rows: list[rc.Row]) -> list[Counter]:
    """Per row, the marked (type, lemma) counts of the other rows."""
    per = [marked_lemmas([r]) for r in rows]
    total = sum(per, Counter())
    return [total - mine for mine in per]


def unseen_tokens(row: rc.Row, marked: set[str]) -> Iterator[dict]:
    """Verbs and nouns the rules show nothing of the 8 types on, whose lemma is not in ``marked``."""
    for t in row["toks"]:
        if t["pos"] in WORDNET_POS and t["lemma"] not in marked and not any(s["type"] in TYPES for s in t["shown"]):
            yield t


def gold_type(row: rc.Row, tok: dict) -> str | None:
    """The type of the gold trigger of the 8 types the token overlaps, if any."""
    span = [tok["idx"], tok["end"]]
    return next((e["type"] for e in row["events"] if e["type"] in TYPES and overlaps(e["trigger"], span)), None)


def frame_keys(row: rc.Row, tok: dict) -> list[str]:
    """The parse frame around a token, coarse to fine: its part of speech and relation; + its children's entity
    labels by relation; + the entity labels under its prepositions."""
    toks = row["toks"]
    kids = [k for k in toks if k["head"] == tok["i"] and k["i"] != tok["i"]]
    ents = sorted({f"{k['dep']}:{k['ent']}" for k in kids if k["ent"]})
    preps = sorted(
        {
            f"prep:{k['lemma']}:{g['ent']}"
            for k in kids
            if k["dep"] == "prep"
            for g in toks
            if g["head"] == k["i"] and g["ent"]
        }
    )
    base = f"{tok['pos']}|{tok['dep']}"
    return [base, f"{base}|{'+'.join(ents)}", f"{base}|{'+'.join(ents)}|{'+'.join(preps)}"]


def frame_counts(rows: list[rc.Row], marked_per_row: list[set[str]]) -> tuple[dict[str, list[int]], list[int]]:
    """Per frame kind [gold triggers, tokens] over the unseen tokens, and the same over all of them."""
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    total = [0, 0]
    for row, marked in zip(rows, marked_per_row):
        for tok in unseen_tokens(row, marked):
            hit = gold_type(row, tok) is not None
            total[0] += hit
            total[1] += 1
            for key in frame_keys(row, tok):
                kinds[key][0] += hit
                kinds[key][1] += 1
    return kinds, total


class WordNet:
    """WordNet 3.0's verbs and nouns from its dict folder: lemma -> synsets (most frequent first), and per synset
    its hypernyms and the synsets derivationally related to it."""

    def __init__(self, folder: Path) -> None:
        self.index: dict[tuple[str, str], list[str]] = {}
        self.hypernyms: dict[str, set[str]] = defaultdict(set)
        self.related: dict[str, set[str]] = defaultdict(set)
        for name, pos in (("verb", "v"), ("noun", "n")):
            for line in (folder / f"index.{name}").read_text(encoding="utf-8").splitlines():
                if line.startswith(" "):  # the licence
                    continue
                fields = line.split()
                n_pointers = int(fields[3])
                self.index[(fields[0], pos)] = [f"{o}{pos}" for o in fields[4 + n_pointers + 2 :]]
            for line in (folder / f"data.{name}").read_text(encoding="utf-8").splitlines():
                if line.startswith(" "):
                    continue
                fields = line.split(" | ")[0].split()
                synset, n_words = fields[0] + pos, int(fields[3], 16)
                at = 4 + 2 * n_words
                for j in range(int(fields[at])):
                    symbol, offset, other = fields[at + 1 + 4 * j : at + 4 + 4 * j]
                    if symbol in ("@", "@i"):
                        self.hypernyms[synset].add(offset + other)
                    elif symbol == "+" and other in ("n", "v"):
                        self.related[synset].add(offset + other)

    def synsets(self, lemma: str, pos: str, senses: int) -> set[str]:
        """The lemma's first ``senses`` synsets of that part of speech and the synsets derivationally related."""
        out: set[str] = set()
        for synset in self.index.get((lemma.replace(" ", "_"), pos), [])[:senses]:
            out |= {synset} | self.related[synset]
        return out

    def hypernyms_of(self, synsets: set[str]) -> set[str]:
        return set().union(*(self.hypernyms[s] for s in synsets)) if synsets else set()


def seed_senses(wn: WordNet, lemmas: set[str], senses: int) -> tuple[set[str], set[str]]:
    """The synsets of a type's marked lemmas (as verbs and as nouns) and their hypernyms."""
    mine = set().union(*(wn.synsets(lemma, pos, senses) for lemma in lemmas for pos in "vn")) if lemmas else set()
    return mine, wn.hypernyms_of(mine)


def relation(wn: WordNet, tok: dict, seeds: tuple[set[str], set[str]], senses: int) -> str | None:
    """How the token's senses meet a type's marked lemmas': syn, hypo (a kind of one), sib (a shared hypernym)."""
    mine = wn.synsets(tok["lemma"], WORDNET_POS[tok["pos"]], senses)
    above = wn.hypernyms_of(mine)
    if mine & seeds[0]:
        return "syn"
    if above & seeds[0]:
        return "hypo"
    if above & seeds[1]:
        return "sib"
    return None


def by_type(marked: Counter) -> dict[str, set[str]]:
    """Type -> the lemmas marked with it (count above 0)."""
    out: dict[str, set[str]] = defaultdict(set)
    for (ty, lemma), n in marked.items():
        if n > 0:
            out[ty].add(lemma)
    return out


def schema_lemmas() -> dict[str, set[str]]:
    """Type -> the one-word trigger words of the default schema's 8 scored types (strong, weak, object)."""
    from annotator.schema import default_schema

    out: dict[str, set[str]] = {}
    for et in default_schema().events:
        if et.name in TYPES:
            words = [*et.triggers, *et.weak_triggers, *et.object_triggers]
            out[et.name] = {w.lower() for w in words if isinstance(w, str) and " " not in w}
    return out


def sense_counts(
    wn: WordNet,
    rows: list[rc.Row],
    seeds_per_row: list[dict[str, set[str]]],
    unseen_per_row: list[set[str]],
    senses: int,
) -> dict[tuple[str, ...], list[int]]:
    """Per (relation, type) and (relation, type, part of speech, relation in the parse) [right, tokens] over the
    tokens whose lemma is not in the row's ``unseen_per_row`` set, each row's seed words ``seeds_per_row``."""
    kinds: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])
    cache: dict[tuple[str, frozenset], tuple[set[str], set[str]]] = {}
    for row, seed_words, known in zip(rows, seeds_per_row, unseen_per_row):
        seeds = {}
        for ty, lemmas in seed_words.items():
            key = (ty, frozenset(lemmas))
            if key not in cache:
                cache[key] = seed_senses(wn, lemmas, senses)
            seeds[ty] = cache[key]
        for tok in unseen_tokens(row, known):
            gold = gold_type(row, tok)
            for ty, seed in seeds.items():
                rel = relation(wn, tok, seed, senses)
                if rel is None:
                    continue
                for key in ((rel, ty), (rel, ty, tok["pos"], tok["dep"])):
                    kinds[key][0] += gold == ty
                    kinds[key][1] += 1
    return kinds


def _best(kinds: dict, least: int, top: int = 8) -> list[tuple[float, object, list[int]]]:
    return sorted(((v[0] / v[1], k, v) for k, v in kinds.items() if v[1] >= least), key=lambda x: (-x[0], str(x[1])))[
        :top
    ]


def report(train: list[rc.Row], rest: list[rc.Row], wordnet: Path | None, least: int, schema: bool = False) -> str:
    out = []
    loo = leave_one_out(train)
    marked = {lemma for _ty, lemma in marked_lemmas(train)}
    kinds, total = frame_counts(train, [{lemma for (_t, lemma), n in c.items() if n > 0} for c in loo])
    rest_kinds, rest_total = frame_counts(rest, [marked] * len(rest))
    out.append(
        f"unseen verbs and nouns the rules do not show: training {total[1]} ({total[0]} gold triggers, "
        f"{total[0] / max(total[1], 1):.4f}); the rest {rest_total[1]} ({rest_total[0]}, "
        f"{rest_total[0] / max(rest_total[1], 1):.4f})"
    )
    out.append(f"  the parse frames with the most gold triggers over the training articles (>= {least} tokens):")
    for rate, key, (hit, n) in _best(kinds, least):
        got = rest_kinds.get(key, [0, 0])
        out.append(f"    {rate:.2f} {key} {hit}/{n}; the rest {got[0]}/{got[1]}")
    if wordnet is not None:
        wn = WordNet(wordnet)
        loo_words = [{lemma for (_t, lemma), n in c.items() if n > 0} for c in loo]
        seeds_train = [schema_lemmas()] * len(train) if schema else [by_type(c) for c in loo]
        seeds_rest = [schema_lemmas() if schema else by_type(marked_lemmas(train))] * len(rest)
        out.append(
            f"  seed words: {'the schema' + chr(39) + 's trigger words' if schema else 'the training articles' + chr(39) + ' marked lemmas'}"
        )
        for senses in (1, 2, 99):
            got = sense_counts(wn, rest, seeds_rest, [marked] * len(rest), senses)
            cells = {rel: [0, 0] for rel in RELATIONS}
            for key, (hit, n) in got.items():
                if len(key) == 2:
                    cells[key[0]][0] += hit
                    cells[key[0]][1] += n
            line = ", ".join(f"{rel} {h} right / {n - h} wrong" for rel, (h, n) in cells.items())
            out.append(f"  WordNet, first {senses if senses < 99 else 'all'} senses, on the rest: {line}")
        few = max(least // 2, 1)
        out.append(f"  WordNet (2 senses) kinds with the most gold triggers over the training articles (>= {few}):")
        for rate, key, (hit, n) in _best(sense_counts(wn, train, seeds_train, loo_words, 2), few):
            out.append(f"    {rate:.2f} {key} {hit}/{n}")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--reverse", action="store_true")
    ap.add_argument("--cache", type=Path, help="the parsed rows (bench/finished_counts_cv.py --cache makes them)")
    ap.add_argument("--wordnet", type=Path, help="WordNet 3.0's dict folder (index.verb, data.verb, ...)")
    ap.add_argument("--least", type=int, default=8, help="tokens a frame kind needs to be listed")
    ap.add_argument("--schema", action="store_true", help="seed words: the schema's trigger words, not the marked")
    args = ap.parse_args()
    rows = rc.parsed_rows(args.cache)
    if args.reverse:
        rows = rows[::-1]
    train, rest = rows[: args.articles], rows[args.articles :]
    print(f"{len(train)} {'last' if args.reverse else 'first'} articles; looked at on the other {len(rest)}")
    print(report(train, rest, args.wordnet, args.least, args.schema))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
