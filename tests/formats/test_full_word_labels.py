"""Labels written as the words the news schema's abbreviate (``organization``, ``Location``, ``Facility``,
``Geo-political entity``), as doccano, Label Studio and Prodigy projects often name them: a news project holding
documents refused such a file naming ``--add-types`` and ``--map``, and a new project took ``organization`` as a label
of its own beside ``ORG`` (the pre-annotation's), so the two never met. The news schema declares those words as
aliases of ``ORG``, ``LOC``, ``FAC`` and ``GPE`` (data, as ACE's ``PER``), after the label's own name, which the
``names=aliases`` exports keep writing; a word that only begins like one (``Organism``) stays unmatched. The
fixtures are our own, in each tool's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator import api
from annotator.cli import main
from annotator.errors import UnknownLabelsError
from annotator.formats.schema_names import AliasNames, SchemaNames
from annotator.schema import default_schema
from annotator.store import Project

TEXT = "Reuters said the Red Cross sent aid to Mosul from Camp Bastion near the Tigris."
SPANS = [("Reuters", "organization"), ("Red Cross", "organization"), ("Mosul", "Geo-political entity"),
         ("Camp Bastion", "FACILITY"), ("Tigris", "location")]  # fmt: skip
EXPECTED = [("Camp Bastion", "FAC"), ("Mosul", "GPE"), ("Red Cross", "ORG"), ("Reuters", "ORG"), ("Tigris", "LOC")]


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def label_studio(tmp_path: Path, spans: list[tuple[str, str]] = SPANS) -> Path:
    result = []
    for i, (word, label) in enumerate(spans):
        s, e = at(word)
        value = {"start": s, "end": e, "text": word, "labels": [label]}
        result.append({"id": f"r{i}", "from_name": "label", "to_name": "text", "type": "labels", "value": value})
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": [{"result": result}]}]), "utf-8")
    return src


def doccano(tmp_path: Path) -> Path:
    src = tmp_path / "d.jsonl"
    src.write_text(json.dumps({"text": TEXT, "label": [[*at(w), label] for w, label in SPANS]}) + "\n", "utf-8")
    return src


def prodigy(tmp_path: Path) -> Path:
    spans = [{"start": at(w)[0], "end": at(w)[1], "label": label} for w, label in SPANS]
    src = tmp_path / "answers.jsonl"
    src.write_text(json.dumps({"text": TEXT, "spans": spans, "answer": "accept"}) + "\n", "utf-8")
    return src


def labelled(p: Project) -> list[tuple[str, str]]:
    doc = p.document_ids()[-1]
    text = p.document(doc).text
    return sorted((text[e.start : e.end], e.label) for e in p.entities(doc))


@pytest.mark.parametrize("make,fmt", [(label_studio, "label_studio"), (doccano, "doccano"), (prodigy, "prodigy")])
def test_a_news_project_holding_documents_takes_them_as_its_own_labels(busy, tmp_path, make, fmt):
    report = api.import_files(busy, [make(tmp_path)], format=fmt)
    assert not report.skipped
    assert labelled(busy) == EXPECTED
    assert not {"organization", "location"} & set(busy.schema.label_names)
    assert any("organization -> ORG (2)" in n and "location -> LOC (1)" in n for n in report.notes), report.notes


def test_a_new_project_grows_no_second_org_and_the_export_writes_the_files_words(tmp_path):
    p, out = tmp_path / "p.annotator", tmp_path / "out.json"
    assert main(["import", str(p), str(label_studio(tmp_path))]) == 0
    with Project(p, create=False) as project:
        assert labelled(project) == EXPECTED
        assert project.schema.label_names == default_schema().label_names
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    (task,) = json.loads(out.read_text("utf-8"))
    (annotation,) = task["annotations"]
    got = sorted((r["value"]["text"], r["value"]["labels"][0]) for r in annotation["result"])
    assert got == sorted(SPANS)


def test_a_word_that_only_begins_like_a_label_stays_unmatched(busy, tmp_path):
    with pytest.raises(UnknownLabelsError) as got:
        api.import_files(busy, [label_studio(tmp_path, [("Reuters", "Organism")])], format="label_studio")
    assert got.value.labels == {"Organism": 1}


def test_the_ace_names_export_writes_org_as_org_and_says_no_choice():
    names = AliasNames(default_schema())
    assert [names.label(x) for x in ("ORG", "LOC", "FAC", "GPE", "PERSON")] == ["ORG", "LOC", "FAC", "GPE", "PER"]
    assert names.notes() == []


def test_the_other_spellings_of_the_words_are_matched_too():
    names = SchemaNames(default_schema())
    got = [names.region(x) for x in ("Organisation", "ORGANIZATION", "geopolitical entity", "Facility", "Location")]
    assert got == ["ORG", "ORG", "GPE", "FAC", "LOC"]
    assert names.region("Organism") == "Organism" and names.region("Locality") == "Locality"
