"""Prodigy's entity-linking answers (``nel.manual``; explosion/projects ``tutorials/nel_emerson``'s
``emerson_annotated_text.jsonl``: a span, ``options`` of knowledge-base ids, the chosen id in ``accept``) were said
as not kept and lost: the Prodigy export wrote the span alone, so a dataset of links brought in and sent back had
none. The choice is kept with the document and the Prodigy export writes it back while the span is there; through the
project's JSON and a second project too. A span taken out since: the link is left out, said."""

from __future__ import annotations

import orjson

from annotator import api, edits

TEXT = "Jordan wrote poems in the valley."
OPTIONS = [
    {"id": "Q100", "html": "<a href='https://www.wikidata.org/wiki/Q100'>Q100: a poet</a>"},
    {"id": "Q200", "html": "<a href='https://www.wikidata.org/wiki/Q200'>Q200: a footballer</a>"},
    {"id": "NIL_otherLink", "text": "Link not in options"},
]
TASK = {
    "text": TEXT,
    "_input_hash": 11,
    "_task_hash": 12,
    "spans": [{"start": 0, "end": 6, "text": "Jordan", "label": "PERSON", "score": 0.9, "source": "en_core_web_lg"}],
    "meta": {"score": 0.9},
    "options": OPTIONS,
    "_view_id": "choice",
    "accept": ["Q100"],
    "answer": "accept",
}


def test_the_link_goes_back_out_and_through_a_second_project(tmp_path):
    src = tmp_path / "nel.jsonl"
    src.write_bytes(orjson.dumps(TASK) + b"\n")
    first = api.new_project(tmp_path / "a.annotator")
    report = api.import_files(first, [src])
    assert any("(an entity link) kept for the Prodigy export" in n for n in report.notes)
    api.export(first, tmp_path / "out.jsonl", format="prodigy")
    (task,) = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert task["accept"] == ["Q100"] and task["options"] == OPTIONS and task["_input_hash"] == 11
    api.export(first, tmp_path / "p.json", format="json")
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "p.json"])
    api.export(second, tmp_path / "again.jsonl", format="prodigy")
    (again,) = [orjson.loads(x) for x in (tmp_path / "again.jsonl").read_bytes().splitlines()]
    assert again["accept"] == ["Q100"] and again["options"] == OPTIONS


def test_a_span_taken_out_leaves_its_link_out_said(tmp_path):
    src = tmp_path / "nel.jsonl"
    src.write_bytes(orjson.dumps(TASK) + b"\n")
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [src])
    (doc,) = project.document_ids()
    (span,) = project.entities(doc)
    edits.delete_entity(project, span.id)
    report = api.export(project, tmp_path / "out.jsonl", format="prodigy")
    (task,) = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert "accept" not in task and "options" not in task
    assert [k for k, _ in report.problems if "entity links left out" in k]


def test_several_links_on_one_text_go_out_each_as_its_task_and_come_back(tmp_path):
    """nel.manual saves one task a span: two links on one text (two tasks of one ``_input_hash``) went out with
    neither (one task holds one choice); now the document's task, then a task for each link with its span alone."""
    second = {
        **TASK,
        "_task_hash": 13,
        "spans": [{"start": 26, "end": 32, "text": "valley", "label": "LOC"}],
        "options": [{"id": "Q300", "html": "a valley"}, {"id": "Q400", "html": "a band"}],
        "accept": ["Q400"],
    }
    src = tmp_path / "nel.jsonl"
    src.write_bytes(orjson.dumps(TASK) + b"\n" + orjson.dumps(second) + b"\n")
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [src])
    report = api.export(first, tmp_path / "out.jsonl", format="prodigy")
    assert not [k for k, _ in report.problems if "entity links" in k]
    tasks = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert len(tasks) == 3 and "accept" not in tasks[0] and len(tasks[0]["spans"]) == 2
    assert [(t["spans"][0]["start"], t["accept"]) for t in tasks[1:]] == [(0, ["Q100"]), (26, ["Q400"])]
    assert [len(t["spans"]) for t in tasks[1:]] == [1, 1] and tasks[2]["options"] == second["options"]
    assert len({t["_input_hash"] for t in tasks}) == 1 and len({t["_task_hash"] for t in tasks}) == 3
    again = api.new_project(tmp_path / "b.annotator")
    api.import_files(again, [tmp_path / "out.jsonl"])
    (doc,) = again.document_ids()
    assert sorted((e.start, e.end, e.label) for e in again.entities(doc)) == [(0, 6, "PERSON"), (26, 32, "LOC")]
    assert again.document(doc).status == first.document(first.document_ids()[0]).status
    api.export(again, tmp_path / "back.jsonl", format="prodigy")
    assert (tmp_path / "back.jsonl").read_bytes() == (tmp_path / "out.jsonl").read_bytes()
