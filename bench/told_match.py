"""The whole import into a new news project of a DyGIE++ file whose events use a bare ``Meet`` (the news schema's
``Contact:Meet``, session 21's s21-realc: matched by ``schema_match`` in a new project too, adopted as a type of its own
before): N documents of two sentences, 4 entities and a ``Meet`` with two arguments each.

    .venv/bin/python bench/told_match.py [--docs 2000] [--repeat 3] [--format dygiepp|brat|webanno]

Prints the import's CPU seconds (the best of the repeats, each into a fresh project), the event types it ended with,
and the limit measured in the same run: parsing the same lines with orjson, nothing built. ``--format brat`` or
``webanno`` (session 22: our brat folder with its annotation.conf and our WebAnno TSV, matched in a new project too):
the DyGIE++ lines imported once (``Contact:Meet``, spelt ``Meet``), exported to that format, and the export's import
timed; the limit then reads every file of the export (``read_bytes``), nothing parsed."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotator import api  # noqa: E402
from cpu_timing import least_cpu  # noqa: E402  (the best of the repeats, CPU seconds)


def line(k: int) -> dict:
    return {
        "doc_key": f"d{k}",
        "sentences": [
            ["Maria", "Lopez", "met", "the", "mayor", "of", "Lyon", "on", "Monday", "."],
            ["Talks", "with", "Acme", "Corp", "went", "on", "for", str(k), "hours", "."],
        ],
        "ner": [[[0, 1, "PERSON"], [6, 6, "GPE"], [8, 8, "DATE"]], [[12, 13, "ORG"]]],
        "events": [[[[2, "Meet"], [0, 1, "Entity"], [6, 6, "Place"]]], []],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--format", choices=("dygiepp", "brat", "webanno"), default="dygiepp")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "meet.json"
        src.write_bytes(b"".join(orjson.dumps(line(k)) + b"\n" for k in range(args.docs)))
        runs = iter(range(args.repeat + 1))
        types: list[tuple[str, ...]] = []

        if args.format != "dygiepp":  # our export of a project whose Contact:Meet came as Meet
            first = api.new_project(Path(tmp) / "first.annotator")
            api.import_files(first, [src], format="dygiepp")
            src = Path(tmp) / f"out_{args.format}"
            api.export(first, src, args.format)
            first.close()

        def once() -> None:
            project = api.new_project(Path(tmp) / f"p{next(runs)}.annotator")
            api.import_files(project, [src], format=args.format)
            types.append(tuple(t for t in project.schema.event_type_names if t.endswith("Meet")))
            project.close()

        ours = least_cpu(once, args.repeat)
        if args.format == "dygiepp":
            limit = least_cpu(lambda: [orjson.loads(x) for x in src.read_bytes().splitlines()], args.repeat)
        else:
            limit = least_cpu(lambda: [f.read_bytes() for f in sorted(src.rglob("*")) if f.is_file()], args.repeat)
        print(f"{args.format} {args.docs} docs: {ours:.3f} s CPU (limit {limit:.3f} s), types {types[-1]}")


if __name__ == "__main__":
    main()
