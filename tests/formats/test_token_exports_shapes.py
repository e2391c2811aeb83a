"""Token exports as their consumers read them: spacy convert's CoNLL documents, overlap counts, shared triggers,
and the entities that stand for nested events kept out of ents/ner."""

from __future__ import annotations

import json
from pathlib import Path

from project_support import new_project
from annotator.formats import writers
from annotator.formats.loading import import_format
from spacy_support import english_vocab

BIONLP = Path(__file__).parent / "data" / "bionlp"


def test_spacy_convert_finds_every_document(sample, tmp_path):
    from spacy.training.converters import conll_ner_to_docs

    project, _ = sample
    report = writers()["conll"](project, tmp_path / "o.conll")
    docs = list(conll_ner_to_docs((tmp_path / "o.conll").read_text()))
    assert len(docs) == report.documents == 4  # one Doc per document, not one for the whole file
    assert {e.label_ for d in docs for e in d.ents} >= {"PERSON", "GPE"}


def test_spacy_report_counts_each_overlapping_entity(sample, tmp_path):
    from spacy.tokens import DocBin

    project, _ = sample
    report = writers()["spacy"](project, tmp_path / "o.spacy")
    docs = list(DocBin().from_disk(tmp_path / "o.spacy").get_docs(english_vocab()))
    left_out = sum(len(d.spans["sc"]) - len(d.ents) for d in docs)
    assert left_out > 1
    assert sum(1 for kind, _ in report.problems if kind == "overlapping entities kept only in doc.spans") == left_out
    assert f"; {left_out} overlapping entities kept only in doc.spans" in report.summary()


def test_dygiepp_reports_events_sharing_a_trigger_token(sample, tmp_path):
    project, _ = sample
    report = writers()["dygiepp"](project, tmp_path / "o.jsonl")
    shared = [m for kind, m in report.problems if kind.startswith("events sharing a trigger token")]
    assert any("kabul.txt" in m and "Life:Die" in m and "Conflict:Attack" in m for m in shared)  # "killed"


def test_nested_event_stand_ins_stay_out_of_entity_exports(tmp_path):
    from spacy.tokens import DocBin

    project = new_project(tmp_path / "bio.annotator", annotator="t")
    import_format(project, "brat", [BIONLP])
    events = set(project.schema.event_type_names)
    writers()["conll"](project, tmp_path / "o.conll")
    tags = {
        line.split()[-1][2:]
        for line in (tmp_path / "o.conll").read_text().splitlines()
        if line.strip() and not line.startswith("-DOCSTART-") and line.split()[-1] != "O"
    }
    assert tags and not tags & events
    writers()["dygiepp"](project, tmp_path / "o.jsonl")
    ner = {n[2] for line in (tmp_path / "o.jsonl").read_text().splitlines() for s in json.loads(line)["ner"] for n in s}
    assert ner and not ner & events
    writers()["spacy"](project, tmp_path / "o.spacy")
    docs = list(DocBin().from_disk(tmp_path / "o.spacy").get_docs(english_vocab()))
    assert not {e.label_ for d in docs for e in d.ents} & events
    proxies = [i for d in docs for i in d.spans["sc"].attrs["entities"] if i.get("event_proxy")]
    assert proxies  # still in doc.spans["sc"] (arguments point at them), marked
    project.close()
