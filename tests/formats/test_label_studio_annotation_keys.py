"""Session 43: what Label Studio's import keeps of an annotation beside its result and author (its bulk task
serializer's ``add_annotations``, read with the search tools): ``ground_truth`` (True where the key is missing),
``was_cancelled``, ``lead_time`` (the seconds its annotator spent) and its ``id`` (as ``import_id``). Our export wrote
an annotator's annotation as ``completed_by`` and ``result`` alone: Label Studio took every annotator's annotation of a
team's task for the ground truth and lost each one's lead time and the id that traces it to the export it came from.
Now an annotator's set goes out with ``"ground_truth": false`` (the final set's alone is the ground truth, as before),
and her annotation's ``id`` and ``lead_time`` as her set's record kept them; a task's one annotation (read as the final
set's) keeps its ``id``, ``lead_time`` and ``ground_truth`` while it is still hers, and goes without them once a person
of this app changed it. Our own tasks, in the shape of a Label Studio JSON export."""

from __future__ import annotations

import orjson

from annotator import edits
from annotator.cli import main
from annotator.store import Project
from tests.formats.conftest import cli_round_trip
from format_helpers import labels_region

TEXT = "Rebels attacked Aleppo on Monday."


def _region(rid: str, word: str, label: str, text: str = TEXT) -> dict:
    s = text.index(word)
    return labels_region(rid, s, s + len(word), label, word)


def _annotation(ident: int, who: int, lead: float, *regions: dict) -> dict:
    return {
        "id": ident,
        "completed_by": who,
        "result": list(regions),
        "was_cancelled": False,
        "ground_truth": False,
        "created_at": "2024-03-01T10:00:00.000000Z",
        "updated_at": "2024-03-01T10:02:00.000000Z",
        "lead_time": lead,
        "task": 41,
        "project": 3,
    }


def test_each_annotator_s_annotation_goes_back_with_its_id_and_lead_time_and_no_ground_truth(tmp_path):
    task = {
        "id": 41,
        "data": {"text": TEXT},
        "annotations": [
            _annotation(1001, 7, 95.4, _region("r1", "Rebels", "ORG"), _region("r2", "Aleppo", "GPE")),
            _annotation(1002, 8, 301.0, _region("q1", "Aleppo", "GPE"), _region("q2", "Monday", "DATE")),
        ],
        "predictions": [],
    }
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([task]))
    out, _, again = cli_round_trip(tmp_path, path, "label_studio")
    (written,) = orjson.loads(out.read_bytes())
    kept = [{k: a.get(k) for k in ("id", "completed_by", "ground_truth", "lead_time")} for a in written["annotations"]]
    assert kept == [
        {"id": 1001, "completed_by": 7, "ground_truth": False, "lead_time": 95.4},
        {"id": 1002, "completed_by": 8, "ground_truth": False, "lead_time": 301.0},
    ]
    assert again.read_bytes() == out.read_bytes()


def test_a_task_s_one_annotation_keeps_its_keys_while_it_is_hers(tmp_path):
    other = "Troops left Kabul."
    tasks = [
        {"id": 42, "data": {"text": other}, "annotations": [_annotation(1003, 7, 12.5, _region("s", "Kabul", "GPE", other))]},
        {"id": 43, "data": {"text": TEXT}, "annotations": [_annotation(1004, 7, 40.0, _region("t", "Aleppo", "GPE"))]},
    ]  # fmt: skip
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps(tasks))
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    with Project(p, create=False, annotator="carol") as project:  # the second task changed here since
        second = next(d for d in project.document_ids() if project.document(d).text == TEXT)
        edits.add_entity(project, second, 0, 6, "NORP")
    out, q, again = tmp_path / "out.json", tmp_path / "q.annotator", tmp_path / "again.json"
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    written = {t["id"]: t["annotations"] for t in orjson.loads(out.read_bytes())}
    assert {k: v for k, v in written[42][0].items() if k != "result"} == {
        "id": 1003,
        "completed_by": 7,
        "ground_truth": False,
        "lead_time": 12.5,
    }
    assert {k: v for k, v in written[43][0].items() if k != "result"} == {}  # carol's span beside: no one's keys
    assert main(["import", str(q), str(out)]) == 0
    assert main(["export", str(q), "-f", "label_studio", "-o", str(again)]) == 0
    assert {t["id"]: t["annotations"] for t in orjson.loads(again.read_bytes())}[42] == written[42]
