"""Session 40 (s39-real's Left): a document's notes (its comments: a brat import's `#` lines, the app's) and an
event's attribute values went without a word out of the exports that have no place for them (CoNLL, Hugging Face,
DyGIE++, OneIE, WikiEvents, OmniEvent, Prodigy, WebAnno TSV without ``decisions=yes``), though each says the document
categories and brat's kept lines it leaves out. Each says them now, in one line of its summary. Our own brat folder:
an `Attack` with a binary `Negation` and a note on an entity."""

from __future__ import annotations

import pytest

from annotator import api
from format_helpers import brat_project

TEXT = "Gunmen killed three soldiers near Kabul.\n"
ANN = (
    "T1\tPERSON 0 6\tGunmen\nT2\tAttack 7 13\tkilled\nT3\tPERSON 20 28\tsoldiers\nT4\tGPE 34 39\tKabul\n"
    "E1\tAttack:T2 Attacker:T1 Target:T3 Place:T4\nA1\tNegation E1\n#1\tAnnotatorNotes T1\tmen not named\n"
)
CONF = (
    "[entities]\nPERSON\nGPE\n[relations]\n[events]\nAttack\tAttacker:PERSON, Target:PERSON, Place:GPE\n"
    "[attributes]\nNegation\tArg:<EVENT>\n"
)
COMMENTS_LEFT_OUT_KIND = "notes (document comments) left out (the format has no place for them)"
ATTRIBUTES_LEFT_OUT_KIND = "event attribute values left out (the format has no place for them)"
NOTE = "d.txt: [on PERSON 0-6] men not named"


@pytest.fixture
def project(tmp_path):  # type: ignore[no-untyped-def]
    return brat_project(tmp_path, TEXT, ANN, CONF)


def _said(report, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [m for k, m in getattr(report, "problems", []) if k == kind]


@pytest.mark.parametrize("fmt", ["conll", "hf", "dygiepp", "oneie", "wikievents", "omnievent", "prodigy", "webanno"])
def test_an_export_without_a_place_for_notes_says_it_leaves_them_out(project, tmp_path, fmt):
    report = api.export(project, tmp_path / f"out.{fmt}", fmt)
    assert _said(report, COMMENTS_LEFT_OUT_KIND) == [NOTE]
    assert f"1 note (document comments) left out (the format has no place for them): {NOTE}" in report.summary()


@pytest.mark.parametrize("fmt", ["brat", "doccano", "label_studio", "spacy", "json"])
def test_an_export_that_writes_notes_says_nothing(project, tmp_path, fmt):
    report = api.export(project, tmp_path / f"out.{fmt}", fmt)
    assert _said(report, COMMENTS_LEFT_OUT_KIND) == []


def test_webanno_with_its_decisions_writes_the_notes(project, tmp_path):
    report = api.export(project, tmp_path / "out", "webanno", options={"decisions": "yes"})
    assert _said(report, COMMENTS_LEFT_OUT_KIND) == []


@pytest.mark.parametrize("fmt", ["dygiepp", "oneie", "wikievents", "omnievent"])
def test_an_event_attribute_the_format_cannot_hold_is_said(project, tmp_path, fmt):
    report = api.export(project, tmp_path / f"out.{fmt}", fmt)
    assert _said(report, ATTRIBUTES_LEFT_OUT_KIND) == ["d.txt: Attack [7, 13) Negation=true"]


def test_an_attribute_at_its_default_comes_back_and_is_not_said(tmp_path):
    made = api.new_project(tmp_path / "news.annotator")  # the news schema: polarity, modality, ... on every event
    doc = tmp_path / "d.jsonl"
    doc.write_text(
        '{"text": "Gunmen killed three soldiers.", "entities": [[0, 6, "PERSON"]], '
        '"events": [{"type": "Conflict:Attack", "trigger": [7, 13], "arguments": [{"role": "Attacker", "entity": 0}]}]}\n'
    )
    api.import_files(made, [doc])
    report = api.export(made, tmp_path / "out.dygiepp", "dygiepp")
    assert _said(report, ATTRIBUTES_LEFT_OUT_KIND) == []
