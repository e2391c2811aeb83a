"""A Prodigy span given by its tokens alone (``token_start``/``token_end``, no character ``start``/``end``), as a
converter or a script writes token indices into a task that carries its ``tokens``: placed where the task's tokens
put it (session 41 left such spans refused: "span 0 has offsets None, None that do not fit the text"). Our own task,
in the shape of Prodigy's ``rel.manual`` answers (tokens with ``ws``, spans and relation ends by token)."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.formats.prodigy import read_prodigy

TEXT = "Rebels shelled Aleppo on Monday, the United Nations said."
WORDS = ["Rebels", "shelled", "Aleppo", "on", "Monday", ",", "the", "United", "Nations", "said", "."]


def tokens_of(text: str, words: list[str]) -> list[dict]:
    out, at = [], 0
    for k, w in enumerate(words):
        s = text.index(w, at)
        at = s + len(w)
        out.append({"text": w, "start": s, "end": at, "id": k, "ws": text[at : at + 1] == " "})
    return out


def by_tokens(first: int, last: int, label: str | None) -> dict:
    return {"token_start": first, "token_end": last, "label": label}


TASK = {
    "text": TEXT,
    "tokens": tokens_of(TEXT, WORDS),
    "spans": [by_tokens(0, 0, "ORG"), by_tokens(2, 2, "GPE"), by_tokens(4, 4, "DATE"), by_tokens(7, 8, "ORG")],
    "relations": [
        {
            "head": 8,
            "child": 0,
            "head_span": by_tokens(7, 8, "ORG"),
            "child_span": by_tokens(0, 0, "ORG"),
            "label": "ACCUSES",
        },  # fmt: skip
    ],
    "answer": "accept",
    "_view_id": "relations",
    "_input_hash": 11,
    "_task_hash": 12,
}


def test_spans_given_by_token_indices_alone_are_placed_by_the_tasks_tokens(tmp_path):
    src = tmp_path / "answers.jsonl"
    src.write_bytes(orjson.dumps(TASK) + b"\n")
    result = read_prodigy(src)
    (doc,) = result.documents
    assert [(TEXT[e.start : e.end], e.label) for e in doc.entities] == [
        ("Rebels", "ORG"),
        ("Aleppo", "GPE"),
        ("Monday", "DATE"),
        ("United Nations", "ORG"),
    ]
    assert doc.meta["prodigy"]["relations"] == [{"label": "ACCUSES", "head": [37, 51, "ORG"], "child": [0, 6, "ORG"]}]
    # through the command line (told from the content), out to Prodigy with characters and tokens both
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "prodigy", "-o", str(tmp_path / "out.jsonl")]) == 0
    (task,) = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    got = sorted((s["start"], s["end"], s["token_start"], s["token_end"], s["label"]) for s in task["spans"])
    assert got == [(0, 6, 0, 0, "ORG"), (15, 21, 2, 2, "GPE"), (25, 31, 4, 4, "DATE"), (37, 51, 7, 8, "ORG")]
    assert [(r["head_span"]["start"], r["child_span"]["end"], r["label"]) for r in task["relations"]] == [
        (37, 6, "ACCUSES")
    ]


def test_token_indices_the_tasks_tokens_do_not_hold_are_refused_in_one_line(tmp_path, capsys):
    src = tmp_path / "answers.jsonl"
    for k, bad in enumerate((by_tokens(9, 11, "ORG"), by_tokens(3, 2, "ORG"))):
        src.write_bytes(orjson.dumps({**TASK, "spans": [bad], "relations": []}) + b"\n")
        assert main(["import", str(tmp_path / f"p{k}.annotator"), str(src), "--format", "prodigy"]) == 1
        said = capsys.readouterr().err.strip().splitlines()
        assert said[-1].endswith(
            f"answers.jsonl:1: span 0 has token indices {bad['token_start']}, {bad['token_end']} and no offsets: "
            "they name no tokens of the task that fit the text"
        )
    # one offset given, the other not: read by its offsets as before (refused), never half by tokens
    src.write_bytes(orjson.dumps({**TASK, "spans": [{**by_tokens(0, 0, "ORG"), "end": 6}]}) + b"\n")
    assert main(["import", str(tmp_path / "q.annotator"), str(src), "--format", "prodigy"]) == 1
    assert (
        capsys.readouterr().err.strip().splitlines()[-1].endswith("span 0 has offsets None, 6 that do not fit the text")
    )
    # without the task's tokens there is nothing to place them by
    src.write_bytes(orjson.dumps({**TASK, "tokens": None, "relations": []}) + b"\n")
    assert main(["import", str(tmp_path / "r.annotator"), str(src), "--format", "prodigy"]) == 1
    assert "span 0 has token indices 0, 0 and no offsets" in capsys.readouterr().err


def test_an_entity_link_on_a_span_given_by_tokens_is_kept_on_its_characters(tmp_path):
    # nel.manual's answer (a span, the knowledge base's options, the chosen one in "accept") whose span came by
    # token indices: the link is kept for the Prodigy export on the span's characters, written back with it
    task = {
        "text": TEXT,
        "tokens": TASK["tokens"],
        "spans": [by_tokens(2, 2, "GPE")],
        "options": [{"id": "Q41183", "html": "Aleppo, Syria"}, {"id": "Q0", "html": "another"}],
        "accept": ["Q41183"],
        "answer": "accept",
        "_input_hash": 21,
    }
    src = tmp_path / "nel.jsonl"
    src.write_bytes(orjson.dumps(task) + b"\n")
    result = read_prodigy(src)
    assert [n.split(": ", 1)[1] for n in result.notes if "entity link" in n] == [
        "'Q41183' chosen for GPE [15, 21) (an entity link) kept for the Prodigy export (the app does not show it)"
    ]
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "prodigy", "-o", str(tmp_path / "out.jsonl")]) == 0
    (out,) = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert out["accept"] == ["Q41183"] and [(s["start"], s["end"]) for s in out["spans"]] == [(15, 21)]
