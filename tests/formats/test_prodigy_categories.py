"""Prodigy's textcat answers are the document's categories, kept as doccano's text classification keeps them
(``categories.CATEGORIES``) and written back: a task's ``label`` (textcat.teach, a binary ``classification``
answer) and the choice interface's ``options`` and ``accept`` (textcat.manual). Session 12 said them not kept
("document category 'ECONOMY'"), so a text classification project imported and exported lost every label."""

from __future__ import annotations

import orjson

from annotator.categories import CATEGORIES
from annotator.formats.prodigy import read_prodigy
from annotator.store import Project
from tests.formats.conftest import cli_round_trip

ROWS = [
    {
        "text": "Rates rose again.",
        "label": "ECONOMY",
        "answer": "accept",
        "_view_id": "classification",
        "_input_hash": 1,
    },
    {"text": "Rain all week.", "label": "ECONOMY", "answer": "reject", "_input_hash": 2},
    {
        "text": "Paris won the cup.",
        "options": [{"id": "SPORT", "text": "sport"}, {"id": "CITY", "text": "city"}, {"id": "ARTS", "text": "arts"}],
        "accept": ["SPORT", "CITY"],
        "answer": "accept",
        "_view_id": "choice",
        "_input_hash": 3,
    },
    {"text": "Acme hired Lee.", "spans": [{"start": 0, "end": 4, "label": "ORG"}], "answer": "accept"},
]


def write(path, rows) -> None:  # type: ignore[no-untyped-def]
    path.write_bytes(b"\n".join(orjson.dumps(r) for r in rows) + b"\n")


def test_textcat_answers_are_the_documents_categories(tmp_path):
    write(tmp_path / "a.jsonl", ROWS)
    result = read_prodigy(tmp_path / "a.jsonl")
    texts = ["Rates rose again.", "Rain all week.", "Paris won the cup.", "Acme hired Lee."]
    assert [d.text for d in result.documents] == texts  # the rejected textcat answer was left out, its text lost
    assert [d.meta.get(CATEGORIES) for d in result.documents] == [["ECONOMY"], None, ["SPORT", "CITY"], None]
    assert result.documents[1].meta["cats"] == {"ECONOMY": 0.0}  # not of that category, as data-to-spacy reads it
    assert not any("category" in w for w in result.warnings)  # kept, not "not kept"
    assert any(
        "3 document categories (textcat answers: ECONOMY (1), SPORT (1), CITY (1)) kept" in n for n in result.notes
    )


def test_categories_go_back_out_to_prodigy_and_to_doccano(tmp_path):
    """A document with spans writes its categories in its meta (a task with spans and a choice's ``accept`` is an
    entity link, nel.manual's), which comes back as it went."""
    spans = [{"start": 0, "end": 4, "label": "ORG"}]
    linked = {"text": "Acme fired Bo.", "spans": spans, "answer": "accept", "meta": {CATEGORIES: ["BUSINESS"]}}
    write(tmp_path / "a.jsonl", [*ROWS, linked])
    out, p2, again = cli_round_trip(tmp_path, tmp_path / "a.jsonl", "prodigy")
    tasks = {t["text"]: t for t in map(orjson.loads, out.read_bytes().splitlines())}
    assert tasks["Rates rose again."]["label"] == "ECONOMY"
    choice = tasks["Paris won the cup."]
    assert choice["accept"] == ["SPORT", "CITY"]
    assert [o["id"] for o in choice["options"]] == ["SPORT", "CITY", "ARTS"]  # the options not chosen offered again
    assert CATEGORIES not in choice["meta"]
    assert "accept" not in tasks["Acme hired Lee."]
    assert tasks["Acme fired Bo."]["meta"][CATEGORIES] == ["BUSINESS"] and "accept" not in tasks["Acme fired Bo."]
    with Project(p2, create=False) as project:
        got = {project.document(d).text: project.document(d).meta.get(CATEGORIES) for d in project.document_ids()}
    assert got == {
        "Rates rose again.": ["ECONOMY"],
        "Paris won the cup.": ["SPORT", "CITY"],
        "Rain all week.": None,
        "Acme hired Lee.": None,
        "Acme fired Bo.": ["BUSINESS"],
    }
    assert [orjson.loads(x) for x in again.read_bytes().splitlines()] == [
        orjson.loads(x) for x in out.read_bytes().splitlines()
    ]
    from annotator.cli import main

    assert main(["export", str(p2), "-f", "doccano", "-o", str(tmp_path / "d.jsonl")]) == 0
    lines = {d["text"]: d for d in map(orjson.loads, (tmp_path / "d.jsonl").read_bytes().splitlines())}
    assert lines["Paris won the cup."]["cats"] == ["SPORT", "CITY"]  # beside its entities (doccano's intent lines)


def test_a_rejected_textcat_answer_goes_back_out_rejected(tmp_path):
    """textcat.teach's rejected answer (``label``, ``answer: reject``, ``spans: []``: prodigy-recipes'
    ``example-datasets/annotated_reddit-INSULT-textcat.jsonl`` shape) is kept as the text's spaCy cats at 0.0, but
    the Prodigy export wrote the task with neither label nor answer (the 0.0 in its meta alone): in Prodigy, a task
    nobody answered. It goes out as it came, ``label`` and ``answer: reject``, and reads back the same."""
    write(tmp_path / "a.jsonl", ROWS)
    out, p2, again = cli_round_trip(tmp_path, tmp_path / "a.jsonl", "prodigy")
    tasks = {t["text"]: t for t in map(orjson.loads, out.read_bytes().splitlines())}
    rain = tasks["Rain all week."]
    assert (rain.get("label"), rain.get("answer"), rain.get("_input_hash")) == ("ECONOMY", "reject", 2), rain
    assert (tasks["Rates rose again."]["label"], tasks["Rates rose again."]["answer"]) == ("ECONOMY", "accept")
    with Project(p2, create=False) as project:
        got = {project.document(d).text: project.document(d).meta.get("cats") for d in project.document_ids()}
    assert got["Rain all week."] == {"ECONOMY": 0.0}
    assert [orjson.loads(x) for x in again.read_bytes().splitlines()] == [
        orjson.loads(x) for x in out.read_bytes().splitlines()
    ]
