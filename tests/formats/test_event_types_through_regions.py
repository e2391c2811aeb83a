"""An event corpus of its own types (a brat folder's ``Gene_expression`` with a ``Theme``, and a relation from the event,
``Cause Arg1:E1 Arg2:T3``) exported to Label Studio or doccano and that imported into a new project: their relations
have no place for an event, so the trigger came in as an entity label (``labels added ...: Gene_expression``), the
event and its argument lost (a relation between entities), and brat's ``Cause`` after it ("an argument is gone").
The exports record the event types a document's regions name (``event_types``, in the task's data and the line) and
the readers tell those the schema lacks from the regions and relations, as a Prodigy file's are told from its events:
a new project takes them, one holding documents refuses them naming ``--add-types`` and takes them with it. Our own
text, in the shape of BioNLP-ST 2011's corpora (nlplab/brat ``example-data/corpora``)."""

from __future__ import annotations

import orjson
import pytest

from annotator import api
from annotator.errors import SchemaLacksError, UnknownLabelsError
from tests.formats.test_brat_relations_across import event_relation_folder

THROUGH = [("label_studio", "t.json"), ("doccano", "d.jsonl")]


def exported(tmp_path, fmt, out, src=None):  # type: ignore[no-untyped-def]
    first = api.new_project(tmp_path / f"{out}.annotator")
    api.import_files(first, [src or event_relation_folder(tmp_path)])
    api.export(first, tmp_path / out, fmt)
    return tmp_path / out


def events_of(project):  # type: ignore[no-untyped-def]
    (doc,) = [d for d in project.document_ids() if project.document(d).name == "doc.txt"]
    text = project.document(doc).text
    spans = {s.id: s for s in project.entities(doc)}
    return [
        (v.type, text[v.trigger_start : v.trigger_end], [(a.role, spans[a.entity_id].label) for a in v.arguments])
        for v in project.events(doc)
    ]


@pytest.mark.parametrize("fmt, out", THROUGH)
def test_an_event_corpus_comes_back_through_label_studio_and_doccano(tmp_path, fmt, out):
    path = exported(tmp_path, fmt, out)
    second = api.new_project(tmp_path / "b.annotator")
    report = api.import_files(second, [path], format=fmt)
    assert events_of(second) == [("Gene_expression", "codes", [("Theme", "Protein")])], report.summary()
    assert "event type Gene_expression" in report.summary(), report.summary()
    assert second.schema.label("Gene_expression") is None
    assert [(r.name, r.labels) for r in second.schema.event_type("Gene_expression").roles] == [("Theme", ("Protein",))]
    api.export(second, tmp_path / "back", "brat")
    ann = (tmp_path / "back" / "doc.ann").read_text()
    lines = {x.split("\t")[1].split()[0] for x in ann.splitlines() if x[0] in "ER"}
    assert lines == {"Gene_expression:T5", "Cause", "Protein-Component"}, ann  # brat's relation from the event too


@pytest.mark.parametrize("fmt, out", THROUGH)
def test_a_project_holding_documents_refuses_them_naming_add_types_and_takes_them_with_it(busy, tmp_path, fmt, out):
    path = exported(tmp_path, fmt, out)
    with pytest.raises((SchemaLacksError, UnknownLabelsError)) as got:
        api.import_files(busy, [path], format=fmt)
    said = str(got.value)
    assert "--add-types" in said and "\n" not in said, said  # its labels first (Protein, Entity), as Prodigy's
    assert len(busy.document_ids()) == 1
    report = api.import_files(busy, [path], format=fmt, add_types=True)
    assert "event type Gene_expression" in report.types_added, report.types_added
    assert events_of(busy) == [("Gene_expression", "codes", [("Theme", "Protein")])]


def test_the_record_names_the_types_as_written_and_nothing_without_events(tmp_path):
    path = exported(tmp_path, "label_studio", "t.json")
    (task,) = orjson.loads(path.read_bytes())
    assert task["data"]["event_types"] == ["Gene_expression"]
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "doc.txt").write_text("Nothing happens here.\n")
    (task,) = orjson.loads(exported(tmp_path, "label_studio", "p.json", src=plain).read_bytes())
    assert "event_types" not in task["data"]


def test_an_event_attribute_of_its_own_comes_back_through_label_studio(tmp_path):
    """The event's attribute the new project's schema lacks (brat's ``Negation``), a per-region choice on the trigger
    in the task: it was "result 5 of type 'choices' (Negation) on the trigger" and lost; told with the type."""
    src = event_relation_folder(tmp_path)
    ann = src / "doc.ann"
    ann.write_text(ann.read_text() + "A1\tNegation E1\n")
    conf = src / "annotation.conf"
    conf.write_text(conf.read_text().replace("[attributes]\n", "[attributes]\nNegation\tArg:<EVENT>\n"))
    path = exported(tmp_path, "label_studio", "t.json", src=src)
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [path], format="label_studio")
    (doc,) = second.document_ids()
    (v,) = second.events(doc)
    assert v.attributes["Negation"] == "true"
