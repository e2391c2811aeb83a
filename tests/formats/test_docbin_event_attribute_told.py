"""Session 40: our own DocBin export of a brat corpus's project (an ``Attack`` with brat's binary ``Negation``), read
into a new news project, was refused whole: "document 'd.txt': attribute 'Negation' is not in the schema", with
``--add-types`` too, where the WebAnno TSV and Prodigy exports of the same project came in with the attribute (told
from their events). The DocBin's events tell the attributes and values the schema lacks now, as theirs do."""

from __future__ import annotations

import pytest

from annotator import api
from format_helpers import brat_project

TEXT = "Gunmen killed three soldiers near Kabul.\n"
ANN = (
    "T1\tPERSON 0 6\tGunmen\nT2\tAttack 7 13\tkilled\nT3\tPERSON 20 28\tsoldiers\nT4\tGPE 34 39\tKabul\n"
    "E1\tAttack:T2 Attacker:T1 Target:T3 Place:T4\nA1\tNegation E1\n"
)
CONF = (
    "[entities]\nPERSON\nGPE\n[relations]\n[events]\nAttack\tAttacker:PERSON, Target:PERSON, Place:GPE\n"
    "[attributes]\nNegation\tArg:<EVENT>\n"
)


@pytest.fixture
def docbin(tmp_path):  # type: ignore[no-untyped-def]
    made = brat_project(tmp_path, TEXT, ANN, CONF)
    api.export(made, tmp_path / "out.spacy", "spacy")
    return tmp_path / "out.spacy"


def test_a_docbins_event_attribute_the_schema_lacks_is_told(docbin, tmp_path):
    news = api.new_project(tmp_path / "news.annotator")
    report = api.import_files(news, [docbin])
    assert not report.skipped, report.skipped
    (doc,) = news.document_ids()
    (event,) = news.events(doc)
    assert (event.type, event.attributes["Negation"]) == ("Conflict:Attack", "true")
    assert news.schema.attribute("Negation") is not None
    assert "attribute Negation" in report.summary()
