"""A Prodigy dataset through Label Studio (session 23: the documents' meta objects, ``prodigy``'s input hash, entity
link and relations, go into each task's ``data`` and come back into the meta; they were left out): N answers of one
sentence, 3 spans, a relation, an ``_input_hash`` and an entity link each, imported once into a new project.

    .venv/bin/python bench/label_studio_meta.py [--docs 2000] [--repeat 3]

Prints, as CPU seconds (the best of the repeats), the project's Label Studio export and ``read_label_studio`` of that
export, each beside the limit measured in the same run: writing the same tasks with orjson (nothing read from the
project), and parsing the export with orjson (nothing built)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotator import api  # noqa: E402
from annotator.formats.label_studio import read_label_studio  # noqa: E402
from cpu_timing import least_cpu  # noqa: E402  (the best of the repeats, CPU seconds)

TEXT = "Maria Lopez met Tom Berg of Acme Corp in Lyon on day {k}."


def answer(k: int) -> dict:
    text = TEXT.format(k=k)
    maria = {"start": 0, "end": 11, "label": "PERSON"}
    tom = {"start": 16, "end": 24, "label": "PERSON"}
    return {
        "text": text,
        "_input_hash": 1_000_000 + k,
        "_task_hash": -k,
        "spans": [maria, tom, {"start": 28, "end": 37, "label": "ORG"}],
        "relations": [{"head_span": maria, "child_span": tom, "label": "MET"}],
        "options": [{"id": "Q1", "html": "Q1"}, {"id": "Q2", "html": "Q2"}],
        "accept": ["Q1"],
        "answer": "accept",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "answers.jsonl"
        src.write_bytes(b"".join(orjson.dumps(answer(k)) + b"\n" for k in range(args.docs)))
        project = api.new_project(Path(tmp) / "p.annotator")
        api.import_files(project, [src], format="prodigy")
        out = Path(tmp) / "tasks.json"
        export = least_cpu(lambda: api.export(project, out, "label_studio"), args.repeat)
        tasks = orjson.loads(out.read_bytes())
        write_limit = least_cpu(lambda: (Path(tmp) / "limit.json").write_bytes(orjson.dumps(tasks)), args.repeat)
        read = least_cpu(lambda: read_label_studio(out), args.repeat)
        read_limit = least_cpu(lambda: orjson.loads(out.read_bytes()), args.repeat)
        kept = sum("prodigy" in d.meta for d in read_label_studio(out).documents)
        print(
            f"{args.docs} documents, {out.stat().st_size / 1e6:.2f} MB, {kept} with their 'prodigy' meta back: "
            f"export {export:.3f} s CPU (limit {write_limit:.3f} s), read {read:.3f} s CPU (limit {read_limit:.3f} s)"
        )


if __name__ == "__main__":
    main()
