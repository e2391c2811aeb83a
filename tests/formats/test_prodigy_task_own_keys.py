"""A Prodigy task's own keys (a dataset's fields beside ``text``: ``proposal_id``, ``info``, as an argument-mining
project's ``rel.manual`` answers carry them; Prodigy keeps any key of its input in the task) are kept with the document
and written back at the task's top by the Prodigy export. Session 34: dropped at import without a word. Our own two
tasks in that shape: a span pair with two relation labels (``REASON``, ``SUPPORT``) and a UI ``color`` each, a
no-break space as a token."""

from __future__ import annotations

import json
import re

from annotator.cli import main

TITLE = "Open the park to cyclists"
SUMMARY = "The park is only 700 metres from the centre, but\u00a0the roads to it are dangerous. I propose a cycle lane."


def _tokens(text: str) -> list[dict]:
    found = list(re.finditer(r"\w+|[^\w\s]|\u00a0", text))
    return [
        {"text": m.group(), "start": m.start(), "end": m.end(), "id": k, "ws": text[m.end() : m.end() + 1] == " "}
        for k, m in enumerate(found)
    ]


def _span(tokens: list[dict], start: int, end: int, label: str) -> dict:
    first = next(t["id"] for t in tokens if t["start"] == start)
    last = next(t["id"] for t in tokens if t["end"] == end)
    return {"start": start, "end": end, "token_start": first, "token_end": last, "label": label}


def _tasks() -> list[dict]:
    title = _tokens(TITLE)
    summary = _tokens(SUMMARY)
    premise = _span(summary, 0, SUMMARY.index(" are dangerous") + 14, "PREMISE")
    claim = _span(summary, SUMMARY.index("I propose"), len(SUMMARY) - 1, "CLAIM")
    relations = [
        {"head": claim["token_end"], "child": premise["token_end"], "head_span": claim, "child_span": premise,
         "color": color, "label": label}
        for label, color in (("REASON", "#d9fbad"), ("SUPPORT", "#ffd882"))
    ]  # fmt: skip
    common = {"proposal_id": "7", "_is_binary": False, "_view_id": "relations", "answer": "accept"}
    return [
        {"text": TITLE, "info": "title", "_input_hash": 11, "_task_hash": 12, "tokens": title,
         "spans": [_span(title, 0, len(TITLE), "MAJOR_CLAIM")], "relations": [], **common},
        {"text": SUMMARY, "info": "summary", "_input_hash": 21, "_task_hash": 22, "tokens": summary,
         "spans": [premise, claim], "relations": relations, **common},
    ]  # fmt: skip


def test_the_tasks_own_keys_go_back_with_their_relations(tmp_path, capsys):
    given = tmp_path / "intra.jsonl"
    given.write_text("".join(json.dumps(t) + "\n" for t in _tasks()), encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given)]) == 0
    out = tmp_path / "out.jsonl"
    assert main(["export", str(project), "-f", "prodigy", "-o", str(out)]) == 0
    back = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(t["proposal_id"], t["info"], t["_input_hash"]) for t in back] == [("7", "title", 11), ("7", "summary", 21)]
    assert [(r["label"], r["head_span"]["label"], r["child_span"]["label"]) for r in back[1]["relations"]] == [
        ("REASON", "CLAIM", "PREMISE"),
        ("SUPPORT", "CLAIM", "PREMISE"),
    ]
    assert "_view_id" not in back[0] and "_is_binary" not in back[0]  # Prodigy's bookkeeping is its own to write
