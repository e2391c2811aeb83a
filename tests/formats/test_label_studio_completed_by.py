"""Label Studio's import (its bulk task serializer) resolves an annotation's ``completed_by`` as a member's number or
as an object with her ``email``, and refuses the whole file for anything else ("completed_by=alice ... is not a valid
annotator's email or ID"); our export wrote each annotator's set by its name there (``"completed_by": "alice"``), so a
team project's export could not go into a Label Studio server at all. Now a set read from a member's number goes back
as that number, one named by an e-mail address as ``{"email": ...}``, another name as ``created_username`` (which that
import passes over); each is read back into the same set. The tasks are our own."""

from __future__ import annotations

import orjson

from annotator.formats.label_studio_names import author_keys
from annotator.formats.label_studio_pick import author
from annotator.store import Project
from tests.formats.conftest import cli_round_trip
from format_helpers import labels_region

TEXT = "Rebels attacked Kabul on Monday."


def _region(rid: str, word: str, label: str) -> dict:
    s = TEXT.index(word)
    return labels_region(rid, s, s + len(word), label, word)


def test_each_annotators_set_goes_out_as_label_studio_takes_it_and_comes_back(tmp_path):
    task = {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [
            {"completed_by": 7, "result": [_region("a", "Kabul", "GPE")]},
            {"completed_by": {"email": "alice@example.org"}, "result": [_region("b", "Monday", "DATE")]},
            {"created_username": "bob", "result": [_region("c", "Rebels", "NORP")]},
        ],
    }
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([task]))
    out, q, again = cli_round_trip(tmp_path, path, "label_studio")
    (written,) = orjson.loads(out.read_bytes())
    given = [a.get("completed_by") for a in written["annotations"] if "completed_by" in a]
    assert all(isinstance(x, int) or (isinstance(x, dict) and "email" in x) for x in given), written["annotations"]
    assert sorted(map(str, given)) == ["7", "{'email': 'alice@example.org'}"]
    assert [a["created_username"] for a in written["annotations"] if "created_username" in a] == ["bob"]
    assert again.read_bytes() == out.read_bytes()
    with Project(q, create=False) as project:
        assert {"label-studio user 7", "alice@example.org", "bob"} <= set(project.annotation_sets())


def test_author_keys_and_author_are_each_others_way_back():
    for name in ("label-studio user 12", "carol@example.org", "dave", "label-studio user x"):
        assert author(author_keys(name)) == name


def test_a_task_one_member_did_goes_back_as_hers(tmp_path):
    # session 42: a task one annotator did (``completed_by: 7``, or her e-mail as an object) came in as the final set's,
    # its spans recorded as hers, but went out without its author: read back by Label Studio, the annotation was the
    # importing user's. Written back as the import takes it; a task a person of this app changed since (her own
    # span beside) goes out without one, as before
    from annotator import edits
    from annotator.cli import main

    tasks = [
        {
            "id": 1,
            "data": {"text": TEXT},
            "annotations": [{"completed_by": 7, "result": [_region("a", "Kabul", "GPE")]}],
        },
        {
            "id": 2,
            "data": {"text": TEXT + " "},
            "annotations": [
                {"completed_by": {"email": "alice@example.org"}, "result": [_region("b", "Monday", "DATE")]}
            ],
        },
        {
            "id": 3,
            "data": {"text": TEXT + "  "},
            "annotations": [{"completed_by": 7, "result": [_region("c", "Kabul", "GPE")]}],
        },
    ]
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps(tasks))
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    with Project(p, create=False, annotator="carol") as project:
        third = project.document_ids()[2]
        edits.add_entity(project, third, 0, 6, "NORP")
    out, q, again = tmp_path / "out.json", tmp_path / "q.annotator", tmp_path / "again.json"
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    written = orjson.loads(out.read_bytes())
    assert [[a.get("completed_by") for a in t["annotations"]] for t in written] == [
        [7],
        [{"email": "alice@example.org"}],
        [None],
    ]
    assert main(["import", str(q), str(out)]) == 0
    with Project(q, create=False) as project:
        who = [e.annotator for d in project.document_ids()[:2] for e in project.entities(d)]
    assert who == ["label-studio user 7", "alice@example.org"]
    assert main(["export", str(q), "-f", "label_studio", "-o", str(again)]) == 0
    assert [t["annotations"] for t in orjson.loads(again.read_bytes())[:2]] == [t["annotations"] for t in written[:2]]
