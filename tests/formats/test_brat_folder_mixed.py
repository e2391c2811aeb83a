"""A brat folder holding other files beside its pairs (a ``.jsonl`` of more documents, a note): imported without
``--format``, the pairs are read as brat and every other file by its own content, each said (read, or skipped with
its reason); with ``--format brat`` each file the reader passes over gets a note. Session 34: the folder was read as
brat whole and the others passed over without a word (a JSONL's documents lost)."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project

BRAT_TEXT = "Gunmen killed three soldiers near Kabul."


def _mixed(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "kabul.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (folder / "kabul.ann").write_text("T1\tGPE 34 39\tKabul\n", encoding="utf-8")
    lines = [
        {"text": "Rebels attacked a convoy in Herat.", "spans": [{"start": 28, "end": 33, "label": "GPE"}]},
        {"text": "Police arrested two men in Lyon."},
    ]
    (folder / "more.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    (folder / "README.md").write_text("notes on the corpus\n", encoding="utf-8")
    return folder


def _texts(path) -> list[str]:
    with Project(path, annotator="t") as p:
        return sorted(p.document(d).text for d in p.document_ids())


def test_each_file_beside_the_pairs_is_read_by_its_content(tmp_path, capsys):
    folder = _mixed(tmp_path)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(folder), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert _texts(project) == sorted(
        [BRAT_TEXT, "Rebels attacked a convoy in Herat.", "Police arrested two men in Lyon."]
    )
    assert got["entities"] == 2
    assert {"path": str(folder), "format": "brat"} in got["read_as"]
    ((skipped, why),) = [(s["path"], s["reason"]) for s in got["skipped"]]
    assert skipped == str(folder / "README.md") and "unknown kind of file '.md'" in why


def test_with_format_brat_each_file_passed_over_is_said(tmp_path, capsys):
    folder = _mixed(tmp_path)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(folder), "-f", "brat", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert _texts(project) == [BRAT_TEXT]
    said = [n for n in got["notes"] if "not read: --format brat" in n]
    assert [n.split(":")[0] for n in said] == [str(folder / "README.md"), str(folder / "more.jsonl")]


def test_a_brat_folder_alone_says_nothing_more(tmp_path, capsys):
    folder = _mixed(tmp_path)
    (folder / "more.jsonl").unlink()
    (folder / "README.md").unlink()
    (folder / "annotation.conf").write_text("[entities]\nGPE\n[relations]\n[events]\n[attributes]\n", encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(folder), "-f", "brat", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert not [n for n in got["notes"] if "not read" in n] and got["skipped"] == []
