"""A project on a schema of its own that names spaCy's labels otherwise (``Place`` aliasing ``GPE``, ``LOC``, ``FAC``;
``Day`` aliasing ``DATE``) and whose event types are the news schema's (``Contact:Meet``), exported and imported into a
new project (the news schema) or one holding documents. The JSON and brat exports carry the schema; the formats that
carry none were refused whole: "role Place of Contact:Meet takes GPE, LOC, FAC, not Place" (the new project took the
label ``Place`` and matched ``Person`` to ``PERSON``, but not the role), with ``--add-types`` too. Now the labels a role
of a type the schema has lacks are told from the events, as the types it lacks are (``told_types.EventUses.lacking``):
a new project adds them to the role, one holding documents names them and ``--add-types``, which adds them; the export
writes ``Place`` and ``Person`` back as the file spelt them."""

from __future__ import annotations

import json

import pytest

from annotator import api, edits
from annotator.errors import ImportFileError, SchemaLacksError, UnknownLabelsError

SCHEMA = """
[schema]
name = "own"
version = 1

[[entity]]
name = "Person"
aliases = ["PERSON"]

[[entity]]
name = "Place"
aliases = ["GPE", "LOC", "FAC"]

[[entity]]
name = "Day"
aliases = ["DATE"]

[[event]]
name = "Contact:Meet"
triggers = ["met"]
  [[event.role]]
  name = "Entity"
  labels = ["Person"]
  multiplicity = "any"
  [[event.role]]
  name = "Place"
  labels = ["Place"]
  multiplicity = "optional"
  [[event.role]]
  name = "Time"
  labels = ["Day"]
  multiplicity = "optional"
"""

TEXT = "Barack Obama met Vladimir Putin in Geneva on Monday.\n"
SPANS = [(0, 12, "Person"), (17, 31, "Person"), (35, 41, "Place"), (45, 51, "Day")]
WANT = [("met", [("Entity", "Barack Obama"), ("Entity", "Vladimir Putin"), ("Place", "Geneva"), ("Time", "Monday")])]
FORMATS = {
    "prodigy": "out.jsonl",
    "webanno": "out",
    "spacy": "out.spacy",
    "doccano": "d.jsonl",
    "label_studio": "ls.json",
}


def _exported(tmp_path, fmt: str):  # type: ignore[no-untyped-def]
    (tmp_path / "own.toml").write_text(SCHEMA)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT)
    first = api.new_project(tmp_path / "own.annotator", schema=tmp_path / "own.toml")
    api.import_files(first, [tmp_path / "in"])
    (doc,) = first.document_ids()
    ids = [edits.add_entity(first, doc, s, e, label).result_id for s, e, label in SPANS]
    event = edits.add_event(first, doc, "Contact:Meet", 13, 16).result_id
    for role, entity in zip(["Entity", "Entity", "Place", "Time"], ids):
        edits.add_argument(first, event, role, entity)
    out = tmp_path / FORMATS[fmt]
    api.export(first, out, fmt)
    return out


def _docbin_labels(path) -> str:  # type: ignore[no-untyped-def]
    from spacy.tokens import DocBin

    return " ".join(DocBin().from_disk(path).strings)  # its strings: the labels as written (no vocab to load)


def _events(project) -> list[tuple]:  # type: ignore[no-untyped-def]
    doc = project.document_ids()[-1]
    text = project.document(doc).text
    ents = {e.id: text[e.start : e.end] for e in project.entities(doc)}
    return [
        (text[v.trigger_start : v.trigger_end], sorted((a.role, ents[a.entity_id]) for a in v.arguments))
        for v in project.events(doc)
        if v.type == "Contact:Meet"
    ]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_new_project_takes_the_renamed_labels_into_the_roles(tmp_path, fmt):
    out = _exported(tmp_path, fmt)
    second = api.new_project(tmp_path / "b.annotator")
    report = api.import_files(second, [out], format=fmt)
    assert _events(second) == WANT
    role = second.schema.event_type("Contact:Meet").role("Place")
    assert "Place" in role.labels and "GPE" in role.labels, role.labels
    assert "role Contact:Meet:Place" in report.summary(), report.summary()
    back = tmp_path / f"back-{FORMATS[fmt]}"
    api.export(second, back, fmt)
    written = (
        "".join(p.read_text() for p in back.rglob("*.tsv"))
        if back.is_dir()
        else _docbin_labels(back)
        if fmt == "spacy"
        else back.read_text()
    )
    assert "Place" in written and "Person" in written and "GPE" not in written and "PERSON" not in written


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_project_holding_documents_names_the_role_labels_and_takes_them_with_add_types(busy, tmp_path, fmt):
    out = _exported(tmp_path, fmt)
    with pytest.raises((SchemaLacksError, UnknownLabelsError)) as got:  # Prodigy's: the labels first, as before
        api.import_files(busy, [out], format=fmt)
    said = str(got.value)
    assert "Place" in said and "--add-types" in said and "\n" not in said, said
    assert len(busy.document_ids()) == 1
    report = api.import_files(busy, [out], format=fmt, add_types=True)
    assert _events(busy) == WANT
    assert "role Contact:Meet:Place" in " ".join(report.types_added), report.types_added


def test_only_a_label_the_schema_lacks_is_told_into_a_role(tmp_path):
    """The renamed ``Place`` is told into ``Contact:Meet``'s ``Place``; an ``ORG`` as ``Life:Be-Born``'s ``Person``
    breaks the schema, which says where ``ORG`` goes, and is refused with the line as before."""
    renamed = api.new_project(tmp_path / "a.annotator")
    api.import_files(renamed, [_exported(tmp_path, "prodigy")], format="prodigy")
    assert _events(renamed) == WANT
    task = {
        "text": "Acme was born.",
        "spans": [{"start": 0, "end": 4, "label": "ORG"}],
        "events": [
            {
                "type": "Life:Be-Born",
                "start": 9,
                "end": 13,
                "arguments": [{"role": "Person", "start": 0, "end": 4, "label": "ORG"}],
                "state": "accepted",
            }
        ],
        "answer": "accept",
    }
    src = tmp_path / "t.jsonl"
    src.write_text(json.dumps(task) + "\n")
    project = api.new_project(tmp_path / "b.annotator")
    with pytest.raises(ImportFileError) as got:
        api.import_files(project, [src], format="prodigy")
    assert "takes PERSON" in str(got.value) and "not ORG" in str(got.value), str(got.value)
    assert project.schema.event_type("Life:Be-Born").role("Person").labels == ("PERSON",)


def _own_jsonl(tmp_path):  # type: ignore[no-untyped-def]
    """The project's own JSONL export of the project on its own schema."""
    _exported(tmp_path, "prodigy")
    out = tmp_path / "own.jsonl"
    api.export(api.open_project(tmp_path / "own.annotator"), out, "jsonl")
    return out


def test_the_projects_own_jsonl_comes_back_into_a_new_project_whole(tmp_path):
    """The project's JSONL lines bring no schema: their labels were matched to the schema's only after the told roles
    were made (``Person`` told into ``Entity`` as a label of its own, then renamed ``PERSON``), and the file was
    skipped ("role Entity of Contact:Meet takes PERSON, ORG, GPE, NORP, not Person"). Now the roles are told before the
    labels are checked, and the lines' own labels are kept as they spell them, as those of lines without events are:
    exported again, the lines are the same."""
    out = _own_jsonl(tmp_path)
    second = api.new_project(tmp_path / "b.annotator")
    report = api.import_files(second, [out])
    assert not report.skipped, report.skipped
    assert report.labels_added == ["Person", "Place", "Day"], report.labels_added
    assert _events(second) == WANT
    assert "Person" in second.schema.event_type("Contact:Meet").role("Entity").labels
    back = tmp_path / "back.jsonl"
    api.export(second, back, "jsonl")
    assert [json.loads(x) for x in back.read_text().splitlines()] == [
        json.loads(x) for x in out.read_text().splitlines()
    ]


def test_a_project_holding_documents_names_the_jsonl_lines_labels_and_takes_them_with_add_types(busy, tmp_path):
    out = _own_jsonl(tmp_path)
    report = api.import_files(busy, [out])
    ((_, said),) = report.skipped
    assert "Place" in said and "--add-types" in said and "\n" not in said, said
    assert len(busy.document_ids()) == 1
    report = api.import_files(busy, [out], add_types=True)
    assert not report.skipped, report.skipped
    assert _events(busy) == WANT
