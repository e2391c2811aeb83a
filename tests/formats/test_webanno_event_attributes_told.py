"""Event attributes the importing schema lacks, through WebAnno TSV: our export writes a feature per event attribute
of the schema on ``webanno.custom.Event``, and the import read only those the importing schema names, reporting the
others as "features of layer webanno.custom.Event other than its type" not kept: brat's news tutorial's ``Negation``
and ``Confidence`` lost in a new project, where the Prodigy and doccano imports tell them with the event types and a
project holding documents is refused naming them and ``--add-types``. Our own text, in the tutorial's shape."""

from __future__ import annotations

import pytest

from annotator import api
from annotator.errors import SchemaLacksError
from tests.formats.brat_nested_news import ANN as NESTED_ANN
from tests.formats.brat_nested_news import CONF as NESTED_CONF
from tests.formats.brat_nested_news import assert_attributes_back, imported

ANN = NESTED_ANN + "A1\tNegation E1\nA2\tConfidence E2 Low\n"
CONF = NESTED_CONF + "Negation\tArg:<EVENT>\nConfidence\tArg:<EVENT>, Value:High|Low\n"


def _webanno_export(tmp_path):  # type: ignore[no-untyped-def]
    first = imported(tmp_path, ANN, CONF)
    report = api.export(first, tmp_path / "w", "webanno")
    assert not report.problems, report.problems
    return tmp_path / "w"


def _attributes(project) -> dict[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    doc = project.document_ids()[-1]
    return {v.type.split(":")[-1].lower(): v.attributes for v in project.events(doc)}


def test_a_new_project_tells_the_attributes_and_brat_gets_them_back(tmp_path):
    folder = _webanno_export(tmp_path)
    second = api.new_project(tmp_path / "b.annotator")
    report = api.import_files(second, [folder], format="webanno")
    assert not any("other than its type" in w for w in report.warnings), report.warnings
    got = _attributes(second)
    assert got["merge-org"].get("Negation") == "true", got
    assert got["report"].get("Confidence") == "Low", got
    assert "attribute Negation" in report.summary() and "attribute Confidence" in report.summary()
    assert_attributes_back(second, tmp_path / "back")


def test_a_project_holding_documents_refuses_them_naming_add_types_and_takes_them_with_it(busy, tmp_path):
    folder = _webanno_export(tmp_path)
    with pytest.raises(SchemaLacksError) as got:
        api.import_files(busy, [folder], format="webanno")
    said = str(got.value)
    assert "attribute Negation" in said and "attribute Confidence" in said and "--add-types" in said, said
    assert len(busy.document_ids()) == 1 and busy.schema.attribute("Negation") is None
    report = api.import_files(busy, [folder], format="webanno", add_types=True)
    assert {"attribute Negation", "attribute Confidence"} <= set(report.types_added), report.types_added
    got = _attributes(busy)
    assert got["merge-org"].get("Negation") == "true", got
    assert got["report"].get("Confidence") == "Low", got


def test_an_attribute_value_the_schema_lacks_is_told_too(tmp_path):
    """A news event's ``polarity`` with a value the news schema lacks (a project that added one) comes in told, not
    refused at the value."""
    folder = _webanno_export(tmp_path)
    tsv = folder / "doc.txt.tsv"
    tsv.write_text(tsv.read_text().replace("\tLow\t", "\tUnsure\t"))
    second = api.new_project(tmp_path / "b.annotator")
    report = api.import_files(second, [folder], format="webanno")
    assert _attributes(second)["report"].get("Confidence") == "Unsure"
    assert "attribute Confidence" in report.summary()


def test_an_own_event_layers_other_features_are_still_reported(tmp_path):
    """A layer of an INCEpTION project's own (not our export's ``webanno.custom.Event``): its features other than the
    type are not known to be attributes, and are reported as before."""
    tsv = tmp_path / "d.tsv"
    tsv.write_text(
        "#FORMAT=WebAnno TSV 3.3\n"
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\n"
        "#T_SP=webanno.custom.Happening|mood|ROLE_webanno.custom.Happening:links_webanno.custom.HappeningLinksLink|"
        "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|type\n\n\n"
        "#Text=Rebels attacked Kabul .\n"
        "1-1\t0-6\tRebels\tPER\t_\t_\t_\t_\t\n"
        "1-2\t7-15\tattacked\t_\tgrim\tAttacker\t1-1\tAttack\t\n"
        "1-3\t16-21\tKabul\tLOC\t_\t_\t_\t_\t\n"
        "1-4\t22-23\t.\t_\t_\t_\t_\t_\t\n"
    )
    second = api.new_project(tmp_path / "b.annotator")
    report = api.import_files(second, [tsv], format="webanno")
    assert any("other than its type" in w and "mood=grim" in w for w in report.warnings), report.warnings
    assert second.schema.attribute("mood") is None
