"""Reading speed of the Prodigy and the project's JSONL readers on files whose events the schema has (the common
case, over which session 21's look for event types to tell runs and finds none): N documents of ~60 words, 6 entities
and 2 events each, in our export's shapes.

    .venv/bin/python bench/told_types.py [--docs 2000] [--repeat 3]

Prints each reader's CPU seconds (the best of the repeats) and the limit measured in the same run: parsing the same
lines with orjson, nothing built (what any reader of the file does first)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.formats.plain import read_jsonl  # noqa: E402
from annotator.formats.prodigy import read_prodigy  # noqa: E402
from annotator.schema import default_schema  # noqa: E402
from cpu_timing import least_cpu  # noqa: E402  (the best of the repeats, CPU seconds)

SENTENCE = "Rebels attacked the convoy near Kabul on Friday and police arrested Ahmad Shah in Herat ."
FILLER = " officials said the talks would go on after the dispute over funding for the program ended"


def document(k: int) -> tuple[str, list[tuple[int, int, str]]]:
    text = f"{SENTENCE}{FILLER} {k} .{FILLER} ."
    spans = [(w, text.index(w), text.index(w) + len(w), label) for w, label in (
        ("Rebels", "PERSON"), ("convoy", "PRODUCT"), ("Kabul", "GPE"), ("Friday", "DATE"), ("Ahmad Shah", "PERSON"),
        ("Herat", "GPE"))]  # fmt: skip
    return text, [(s, e, label) for _, s, e, label in spans]


def prodigy_line(k: int) -> dict:
    text, ents = document(k)
    attack, arrest = (
        (text.index("attacked"), text.index("attacked") + 8),
        (text.index("arrested"), text.index("arrested") + 8),
    )
    span = lambda s, e, label: {"start": s, "end": e, "label": label}  # noqa: E731
    events = [
        {"type": "Conflict:Attack", "start": attack[0], "end": attack[1],
         "arguments": [{"role": "Attacker", **span(*ents[0])}, {"role": "Target", **span(*ents[1])},
                       {"role": "Place", **span(*ents[2])}]},
        {"type": "Justice:Arrest-Jail", "start": arrest[0], "end": arrest[1],
         "arguments": [{"role": "Person", **span(*ents[4])}, {"role": "Place", **span(*ents[5])}]},
    ]  # fmt: skip
    spans = [span(*e) for e in ents] + [span(*attack, "Conflict:Attack"), span(*arrest, "Justice:Arrest-Jail")]
    return {"text": text, "spans": spans, "events": events, "meta": {"name": f"d{k}.txt"}}


def jsonl_line(k: int) -> dict:
    text, ents = document(k)
    entities = [{"id": i, "start": s, "end": e, "label": label} for i, (s, e, label) in enumerate(ents, start=1)]
    attack, arrest = text.index("attacked"), text.index("arrested")
    events = [
        {"id": 1, "type": "Conflict:Attack", "trigger": {"start": attack, "end": attack + 8},
         "arguments": [{"role": "Attacker", "entity_id": 1}, {"role": "Target", "entity_id": 2}]},
        {"id": 2, "type": "Justice:Arrest-Jail", "trigger": {"start": arrest, "end": arrest + 8},
         "arguments": [{"role": "Person", "entity_id": 5}, {"role": "Place", "entity_id": 6}]},
    ]  # fmt: skip
    return {"name": f"d{k}.txt", "text": text, "entities": entities, "events": events}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    schema = default_schema()
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, read in (("prodigy", prodigy_line, read_prodigy), ("jsonl", jsonl_line, read_jsonl)):
            path = Path(tmp) / f"{name}.jsonl"
            path.write_bytes(b"".join(orjson.dumps(make(k)) + b"\n" for k in range(args.docs)))
            got = read(path, schema)
            assert len(got.documents) == args.docs and got.schema is None, "a schema told where none should be"
            limit = least_cpu(lambda: [orjson.loads(x) for x in path.read_bytes().splitlines()], args.repeat)
            ours = least_cpu(lambda: read(path, schema), args.repeat)
            size = path.stat().st_size / 1e6
            print(
                f"{name:8} {args.docs} docs {size:.1f} MB: {ours:.3f} s CPU (limit {limit:.3f} s, {ours / limit:.1f}x)"
            )


if __name__ == "__main__":
    main()
