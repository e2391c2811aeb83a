"""Round trips through a new project of the project's own JSON and JSONL (and Prodigy's, which carries events too),
on shapes real projects hold that the property test does not make: events with fewer attribute values than the
schema has (a brat import keeps an event without an ``A`` line valueless), several annotation sets."""

from __future__ import annotations

import pytest

from project_support import new_project
from annotator.formats import writers
from annotator.formats.loading import import_paths
from annotator.formats.project_json import iter_document_records, write_json, write_jsonl
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.model import STATES
from annotator.store import Project

TEXT = "Ana Lima was killed in Kabul on Monday."


def _events(project: Project) -> list[tuple]:
    return [
        (v["type"], v["trigger"]["start"], v["attributes"], v["state"], v["source"], v["score"])
        for r in iter_document_records(project, STATES)
        for v in r["events"]
    ]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "prodigy"])
def test_events_without_attribute_values_come_back_without_them(project, tmp_path, fmt):
    """An event with no value (or only some values) for the schema's attributes is exported with exactly those;
    importing the export must not fill in the schema's defaults (the attributes would change on every round)."""
    victim, place = (0, 8), (23, 28)
    doc = IncomingDocument(
        text=TEXT,
        name="d.txt",
        keep_annotators=True,
        entities=[IncomingEntity(1, *victim, "PERSON"), IncomingEntity(2, *place, "GPE")],
        events=[
            IncomingEvent("Life:Die", 13, 19, {}, [("Victim", 1)], fill_defaults=False, state="suggested", score=0.5),
            IncomingEvent("Life:Die", 13, 19, {"modality": "Other"}, [("Place", 2)], fill_defaults=False),
        ],
    )
    import_documents(project, [doc])
    before = _events(project)
    assert sorted(str(e[2]) for e in before) == ["{'modality': 'Other'}", "{}"]
    out = tmp_path / f"x.{fmt}"
    writers()[fmt](project, out, states=STATES)
    with new_project(tmp_path / "back.annotator", annotator="someone") as back:
        import_paths(back, [out])
        if fmt == "prodigy":  # (Prodigy keeps no states, sources or scores: the attributes are compared)
            assert sorted(str(e[2]) for e in _events(back)) == sorted(str(e[2]) for e in before)
        else:
            assert _events(back) == before


def _doc(entities: list[IncomingEntity], events: list[IncomingEvent], aset: str | None = None) -> IncomingDocument:
    return IncomingDocument(
        text=TEXT, name="d.txt", keep_annotators=True, entities=entities, events=events, annotation_set=aset
    )


def _records(project: Project, aset: str) -> list[dict]:
    return [
        {k: v for k, v in r.items() if k != "id"} for r in iter_document_records(project, STATES, annotation_set=aset)
    ]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_several_annotation_sets_round_trip(project, tmp_path, fmt):
    """Each set of a team's project exported on its own, then imported set by set into a new project: the second
    set's file repeats the texts the first brought, and its annotations must land in its set, not be skipped as
    duplicates (the set was lost, with only 'duplicate' lines to say so)."""
    import_documents(
        project, [_doc([IncomingEntity(1, 0, 8, "PERSON")], [IncomingEvent("Life:Die", 13, 19, {}, [("Victim", 1)])])]
    )
    import_documents(
        project,
        [_doc([IncomingEntity(1, 23, 28, "GPE", "suggested", "spacy")], [], "ann2")],
    )
    # (a document already in the project gets a set's annotations only where that set has none of its own)
    assert _records(project, "ann2")[0]["entities"][0]["label"] == "GPE"
    write = write_json if fmt == "json" else write_jsonl
    write(project, tmp_path / f"main.{fmt}", states=STATES)
    write(project, tmp_path / f"ann2.{fmt}", states=STATES, annotation_set="ann2")
    with new_project(tmp_path / "back.annotator", annotator="someone") as back:
        assert len(import_paths(back, [tmp_path / f"main.{fmt}"]).imported) == 1
        back.annotation_set = "ann2"
        report = import_paths(back, [tmp_path / f"ann2.{fmt}"])
        assert report.imported == [] and report.duplicates == [] and report.annotated == [("d.txt", 1)]
        assert "1 annotated" in report.summary()
        for aset in ("main", "ann2"):
            assert _records(back, aset) == _records(project, aset)
        # the same file again: the set has its annotations now, so the document is a duplicate
        again = import_paths(back, [tmp_path / f"ann2.{fmt}"])
        assert again.annotated == [] and again.duplicates == [("d.txt", 1)]
        assert _records(back, "ann2") == _records(project, "ann2")


def test_json_export_brings_its_schema_into_a_new_project(tmp_path):
    """The JSON export's header holds the project's schema: a new project takes it, as it takes a brat folder's
    annotation.conf (a project on any schema but the default one was refused: "label 'Protein' is not in the
    schema"); a project with documents keeps its own and refuses types it lacks, nothing imported."""
    from annotator.schema import parse_schema

    bio = parse_schema(
        '[schema]\nname = "bio"\n[[entity]]\nname = "Protein"\ncolor = "#aa0000"\n'
        '[[attribute]]\nname = "Negation"\nvalues = ["false", "true"]\ndefault = "false"\n'
        '[[event]]\nname = "Binding"\n  [[event.role]]\n  name = "Theme"\n  labels = ["Protein"]\n'
        '  multiplicity = "one_or_more"\n'
    )
    with new_project(tmp_path / "a.annotator", annotator="t") as a:
        a.set_schema(bio)
        import_documents(
            a, [IncomingDocument("IL-2 binds CD25.", "d.txt", entities=[IncomingEntity(1, 0, 4, "Protein")])]
        )
        write_json(a, tmp_path / "x.json", states=STATES)
        want = _records(a, "main")
    with new_project(tmp_path / "b.annotator", annotator="t") as b:
        report = import_paths(b, [tmp_path / "x.json"])
        assert report.skipped == [] and report.schema_adopted == "bio"
        assert b.schema.label("Protein") is not None and _records(b, "main") == want
    with new_project(tmp_path / "c.annotator", annotator="t") as c:
        import_documents(c, [IncomingDocument("Another text.", "o.txt")])
        report = import_paths(c, [tmp_path / "x.json"])
        assert report.imported == [] and "schema" in report.skipped[0][1] and c.schema.label("Protein") is None
