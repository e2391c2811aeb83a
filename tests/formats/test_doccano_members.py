"""doccano exports a project without collaborative annotation as a zip of ``USERNAME.jsonl``, each member's file with
every text and that member's labels (doccano's ``backend/data_export/celery_tasks.py``). Imported as a folder, the
first file's labels came in and a later file's went onto the texts the first had left without labels, as the importing
user's; the rest were duplicates. Our own files in that shape."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.store import Project
from annotator.teams.agreement import agreement

A = "Rebels attacked Kabul on Monday."
B = "Gunmen killed three soldiers in Herat."


def _member(folder, name: str, labels_a: list, labels_b: list) -> None:
    lines = [{"id": 1, "text": A, "label": labels_a}, {"id": 2, "text": B, "label": labels_b}]
    (folder / f"{name}.jsonl").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))


def test_each_members_file_goes_into_a_set_of_its_own(tmp_path, capsys):
    folder = tmp_path / "export"
    folder.mkdir()
    _member(folder, "alice", [[16, 21, "GPE"]], [])
    _member(folder, "bob", [[16, 21, "ORG"]], [[32, 37, "GPE"]])
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(folder)]) == 0
    said = capsys.readouterr()
    assert "2 doccano files holding the same texts" in said.err and "(alice, bob)" in said.err
    with Project(p, create=False) as project:
        one, two = project.document_ids()
        assert project.entities(one, "main") == [] and project.entities(two, "main") == []  # bob's went here
        assert [(e.label, e.annotator) for e in project.entities(one, "alice")] == [("GPE", "alice")]
        assert [e.label for e in project.entities(one, "bob")] == ["ORG"]
        assert [e.label for e in project.entities(two, "bob")] == ["GPE"]
        pair = agreement(project)["pairs"][0]
        assert (pair["a"], pair["b"]) == ("alice", "bob")


def test_doccano_files_of_other_texts_come_in_as_before(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "train.jsonl").write_bytes(orjson.dumps({"text": A, "label": [[16, 21, "GPE"]]}) + b"\n")
    (folder / "dev.jsonl").write_bytes(orjson.dumps({"text": B, "label": [[32, 37, "GPE"]]}) + b"\n")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(folder)]) == 0
    with Project(p, create=False) as project:
        assert sum(len(project.entities(d, "main")) for d in project.document_ids()) == 2
        assert project.annotation_sets() == ["main"]
