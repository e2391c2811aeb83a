"""Session 28: a brat corpus's event with no attribute (BioNLP's `E1  Binding:T3 Theme:T1 Theme2:T2`) exported to
Label Studio and imported into a new (news) project came back with the news schema's defaults (`genericity
Specific`, `modality Asserted`, `polarity Positive`, `tense Past`), written by the brat export as four `A` lines the
corpus never had. Our export writes every value an event has as a per-region choice and records the event types in
the task's data, so a task that records them gives its events no default, as a doccano line of ours does."""

from __future__ import annotations

from annotator import api

from tests.formats.conftest import negative_attack_through

TEXT = "Protein p50 binds p65 in cells.\n"
ANN = "T1\tProtein 8 11\tp50\nT2\tProtein 18 21\tp65\nT3\tBinding 12 17\tbinds\nE1\tBinding:T3 Theme:T1 Theme2:T2\n"


def test_a_brat_event_without_attributes_gets_none_through_label_studio(tmp_path):
    folder = tmp_path / "ge"
    folder.mkdir()
    (folder / "d.txt").write_text(TEXT)
    (folder / "d.ann").write_text(ANN)
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [folder], format="brat")
    api.export(first, tmp_path / "ls.json", "label_studio")
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "ls.json"], format="label_studio")
    (doc,) = second.document_ids()
    (event,) = second.events(doc)
    assert event.type == "Binding"
    assert {k: v for k, v in event.attributes.items() if v is not None} == {}
    api.export(second, tmp_path / "back", "brat")
    lines = (tmp_path / "back" / "d.ann").read_text().splitlines()
    assert [x for x in lines if x.startswith("A")] == []
    assert any(x.endswith("Theme:T1 Theme2:T2") for x in lines), lines


def test_a_news_events_attributes_come_back_through_label_studio(tmp_path):
    """The guard: a news project's own event keeps each value it has (set or default)."""
    made, got = negative_attack_through(tmp_path, "label_studio", "ls.json")
    assert got.type == "Conflict:Attack"
    assert got.attributes == made.attributes and got.attributes.get("polarity") == "Negative", got.attributes
