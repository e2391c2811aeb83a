"""The tokens a Prodigy ``rel.manual`` task does not let the annotator select (``"disabled": true``, its
``--disable-patterns``; a pharmacology dataset's answers carry the flag on every token) go back on the same tokens,
false on the others, as the task had them. Session 35: the flags were dropped, so the dataset sent back to Prodigy for
correction let every token be selected. Our own task in that shape."""

from __future__ import annotations

import json
import re

from annotator.cli import main

TEXT = "The clearance was 5.2 L/h in adults."
OFF = ("The", "was", "in", ".")


def _task(flags: bool) -> dict:
    tokens = [
        {"text": m.group(), "start": m.start(), "end": m.end(), "id": k, "ws": TEXT[m.end() : m.end() + 1] == " "}
        | ({"disabled": m.group() in OFF} if flags else {})
        for k, m in enumerate(re.finditer(r"\d+\.\d+|\w+/\w+|\w+|[^\w\s]", TEXT))
    ]

    def span(words: str, label: str) -> dict:
        s = TEXT.index(words)
        first = next(t["id"] for t in tokens if t["start"] == s)
        last = next(t["id"] for t in tokens if t["end"] == s + len(words))
        return {"start": s, "end": s + len(words), "token_start": first, "token_end": last, "label": label}

    pk, value = span("clearance", "PK"), span("5.2", "VALUE")
    relation = {"head": pk["token_end"], "child": value["token_end"], "head_span": pk, "child_span": value}
    return {"text": TEXT, "tokens": tokens, "spans": [pk, value], "relations": [relation | {"label": "C_VAL"}],
            "answer": "accept", "_input_hash": 11, "_task_hash": 12}  # fmt: skip


def _round_trip(tmp_path, task: dict) -> dict:
    given = tmp_path / "dev.jsonl"
    given.write_text(json.dumps(task) + "\n", encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given)]) == 0
    out = tmp_path / "out.jsonl"
    assert main(["export", str(project), "-f", "prodigy", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8").splitlines()[0])


def test_disabled_tokens_go_back_as_they_came(tmp_path):
    task = _task(flags=True)
    back = _round_trip(tmp_path, task)
    assert [(t["text"], t["disabled"]) for t in back["tokens"]] == [(t["text"], t["disabled"]) for t in task["tokens"]]


def test_tokens_without_the_flag_get_none(tmp_path):
    back = _round_trip(tmp_path, _task(flags=False))
    assert all("disabled" not in t for t in back["tokens"])
