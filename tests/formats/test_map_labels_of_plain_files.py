"""``--map GENE=ORG`` served only a file with a schema of its own (a brat folder, a JSON export's header): a doccano,
Label Studio, Prodigy or CoNLL file whose labels a project with documents lacks was refused with the map given, as
without it. The mapped labels are now taken as the project's (each document keeps the file's spelling, as brat's),
one left unmapped still refuses the file naming it alone, a map onto no label of the project refuses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator import api
from annotator.cli import main
from annotator.errors import ImportFileError, UnknownLabelsError

TEXT = "BRCA1 binds p53 in the nucleus."


def label_studio(tmp_path: Path) -> Path:
    def region(rid: str, start: int, end: int, label: str) -> dict:
        value = {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}
        return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}

    task = {
        "data": {"text": TEXT},
        "annotations": [{"result": [region("a", 0, 5, "GENE"), region("b", 12, 15, "PROT")]}],
    }
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([task]), encoding="utf-8")
    return src


def conll(tmp_path: Path) -> Path:
    rows = ["BRCA1 B-GENE", "binds O", "p53 B-PROT", "in O", "the O", "nucleus O", ". O"]
    src = tmp_path / "genes.conll"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return src


def test_label_studio_labels_taken_as_the_projects(busy, tmp_path):
    src = label_studio(tmp_path)
    report = api.import_files(busy, [src], format="label_studio", mapped={"GENE": "ORG", "PROT": "PRODUCT"})
    doc = busy.document_ids()[-1]
    assert sorted((e.start, e.label) for e in busy.entities(doc)) == [(0, "ORG"), (12, "PRODUCT")]
    assert "GENE" not in busy.schema.label_names and "PROT" not in busy.schema.label_names
    assert any("GENE -> ORG (1)" in n and "PROT -> PRODUCT (1)" in n for n in report.notes)


@pytest.mark.slow  # the CoNLL reader's first use (~2 s)
def test_conll_labels_taken_without_a_format_too(busy, tmp_path):
    report = api.import_files(busy, [conll(tmp_path)], mapped={"GENE": "ORG", "PROT": "PRODUCT"})
    assert not report.skipped
    doc = busy.document_ids()[-1]
    assert sorted(e.label for e in busy.entities(doc)) == ["ORG", "PRODUCT"]


def test_one_left_unmapped_is_named_alone_and_nothing_imported(busy, tmp_path):
    with pytest.raises(UnknownLabelsError) as got:
        api.import_files(busy, [label_studio(tmp_path)], format="label_studio", mapped={"GENE": "ORG"})
    assert got.value.labels == {"PROT": 1}
    assert len(busy.document_ids()) == 1


def test_a_map_onto_no_label_of_the_project_is_refused(busy, tmp_path):
    with pytest.raises(ImportFileError, match="no label of that name"):
        api.import_files(
            busy, [label_studio(tmp_path)], format="label_studio", mapped={"GENE": "Attack", "PROT": "ORG"}
        )
    assert len(busy.document_ids()) == 1


def test_mapped_and_added_in_one_import(busy, tmp_path):
    api.import_files(busy, [label_studio(tmp_path)], format="label_studio", mapped={"GENE": "ORG"}, add_types=True)
    doc = busy.document_ids()[-1]
    assert sorted(e.label for e in busy.entities(doc)) == ["ORG", "PROT"]
    assert "PROT" in busy.schema.label_names and "GENE" not in busy.schema.label_names


def test_the_command_line_says_and_takes_the_map(busy, tmp_path, capsys):
    path = str(busy.path)
    busy.close()
    src = str(label_studio(tmp_path))
    assert main(["import", path, src]) == 1
    assert "--map GENE=LABEL" in capsys.readouterr().err
    assert main(["import", path, src, "--map", "GENE=ORG", "--map", "PROT=PRODUCT"]) == 0
