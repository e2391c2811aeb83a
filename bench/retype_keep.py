"""What a type change keeps of a suggested event's arguments (``role_carry``), on the development articles.

The rule suggester's events whose trigger overlaps a gold event of another of the 8 annotated types (a type a person
corrects: Shift+E when the gold type is among its "also possible" types, else the picker) are changed to the gold
type as the app changes them (``role_carry.carry_plan``), and their arguments (Time aside: not annotated) counted
against the gold event's: right (the role and an overlapping gold argument of it), wrong, taken out (and of those,
how many were right somewhere: a gold argument's span, under another role). Three rules: the one before session 33
(where-roles alone, by preposition), session 33's (the schema's implies, then the roles sharing their slots or
labels) and the one now (a place goes by its slot too: its preposition, or the trigger's object, session 34). Figures for half A (even lines), half B (odd lines) and the seeds do not apply (no rule suggester run
there). Asserts nothing.

    nice python bench/retype_keep.py [--cache FILE.spacy]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, SCHEMA, TYPES, UNSCORED_ROLES, argument_found, overlaps, parse_cached, read_articles  # noqa: E402

from annotator.nlp import pipeline_entities  # noqa: E402
from annotator.role_carry import carry_plan  # noqa: E402
from annotator.rules import holds  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.suggest.event_rules import RuleEventSuggester  # noqa: E402


ERRORS: list[str] | None = None  # --errors A: the carried arguments that went wrong on half A (the one read)


def count_half(rows: list[dict], docs: list, suggester: RuleEventSuggester, schema) -> dict[str, Counter]:  # noqa: ANN001
    out = {"before": Counter(), "s33": Counter(), "now": Counter()}
    for row, doc in zip(rows, docs):
        text = row["text"]
        for s in suggester.suggest(doc, pipeline_entities(doc)):
            gold = next(
                (
                    g
                    for g in row["events"]
                    if g["type"] in TYPES
                    and g["type"] != s.type
                    and overlaps(tuple(g["trigger"]), (s.trigger_start, s.trigger_end))
                ),
                None,
            )
            if gold is None or any(
                g["type"] == s.type and overlaps(tuple(g["trigger"]), (s.trigger_start, s.trigger_end))
                for g in row["events"]
            ):
                continue
            old, new = schema.event_type(s.type), schema.event_type(gold["type"])
            args = [a for a in s.arguments if a.role not in UNSCORED_ROLES]
            plan_args = [(a.role, a.label, i, a.start) for i, a in enumerate(args)]
            scored = [g for g in gold["arguments"] if g["role"] not in UNSCORED_ROLES]
            gold_args = [(g["role"], tuple(g["span"])) for g in scored]
            for rule, given, trigger_end in (("before", None, None), ("s33", old, None), ("now", old, s.trigger_end)):
                c = out[rule]
                c["events"] += 1
                c["shift_e"] += gold["type"] in s.alternatives
                c["gold args"] += len(gold_args)
                moved = dict(carry_plan(given, new, plan_args, text, trigger_end))
                for i, a in enumerate(args):
                    role = moved.get(i, a.role) if i in moved else a.role
                    c["args"] += 1
                    if role is None:
                        c["taken out"] += 1
                        c["taken out, a gold span"] += any(overlaps(sp, (a.start, a.end)) for _, sp in gold_args)
                        continue
                    kind = "carried" if i in moved else "kept"
                    right = argument_found({"role": role, "span": (a.start, a.end)}, scored)
                    c[f"{kind} right" if right else f"{kind} wrong"] += 1
                    if ERRORS is not None and rule == "now" and kind == "carried" and not right:
                        said = [f"{r} {text[sp[0] : sp[1]]!r}" for r, sp in gold_args]
                        ERRORS.append(
                            f"{s.type} -> {new.name} on {text[s.trigger_start : s.trigger_end]!r}: "
                            f"{a.role} {text[a.start : a.end]!r} ({a.label}) -> {role}; gold: {said}"
                        )
                    assert holds(new, role, a.label)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--errors", choices=("A",), help="print half A's carried arguments that went to a wrong role")
    args = ap.parse_args()
    rows = read_articles(DATA)
    schema = load_schema(SCHEMA)
    docs = parse_cached([r["text"] for r in rows], args.cache)
    suggester = RuleEventSuggester(schema)
    keys = ("events", "shift_e", "gold args", "args", "kept right", "kept wrong", "carried right", "carried wrong")
    keys += ("taken out", "taken out, a gold span")
    for name, idx in (("half A", range(0, len(rows), 2)), ("half B", range(1, len(rows), 2))):
        global ERRORS
        ERRORS = [] if args.errors == name[-1] else None
        got = count_half([rows[i] for i in idx], [docs[i] for i in idx], suggester, schema)
        print(f"\n== {name}: suggested events of another type than the gold event their trigger overlaps ==")
        print(f"{'':24}" + "".join(f"{k:>12}" for k in ("before", "s33", "now")))
        for k in keys:
            print(f"{k:24}" + "".join(f"{got[r][k]:>12}" for r in ("before", "s33", "now")))
        for line in ERRORS or ():
            print(line)


if __name__ == "__main__":
    main()
