"""brat's news tutorial shape into a news project that holds documents: a ``Report`` whose argument is another event
(``Event-Arg:<EVENT>``, ``E2 Report:T5 Event-Arg:E1``) and event attributes the conf declares (``Negation``,
``Confidence``). ``--add-types`` added the type but not its role, whose filler is an event (the project's
``Life:Die`` had no label standing for one), and no attribute: the folder stayed refused ("not ... attributes").
Now the role takes the label of the nested event's type (added, described as brat's conf reader describes one), the
attributes are added with their values, and the brat export writes the folder back (``Event-Arg:E2``, the ``A``
lines); an attribute of a name the project has with other values is still refused, naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import api
from annotator.errors import SchemaLacksError
from annotator.formats.brat_conf import PROXY_NOTE
from annotator.importing import IncomingDocument, import_documents

TEXT = "The agency reported that the general died in Kabul on Monday."
CONF = """[entities]
Person
Organization
GPE
[relations]
[events]
!Life
\tDie\tVictim?:Person, Place?:GPE
Report\tEvent-Arg:<EVENT>, Speaker?:Person|Organization
[attributes]
Negation\tArg:<EVENT>
Confidence\tArg:<EVENT>, Value:High|Neutral|Low
"""
ANN = [
    "T1\tOrganization 4 10\tagency",
    "T2\tPerson 29 36\tgeneral",
    "T3\tGPE 45 50\tKabul",
    "T4\tDie 37 41\tdied",
    "E1\tDie:T4 Victim:T2 Place:T3",
    "T5\tReport 11 19\treported",
    "E2\tReport:T5 Event-Arg:E1 Speaker:T1",
    "A1\tNegation E2",
    "A2\tConfidence E1 High",
]


def folder(tmp_path: Path, conf: str = CONF, ann: list[str] = ANN) -> Path:
    out = tmp_path / "news"
    out.mkdir()
    (out / "annotation.conf").write_text(conf, encoding="utf-8")
    (out / "a.txt").write_text(TEXT, encoding="utf-8")
    (out / "a.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    return out


def test_refused_without_add_types_naming_it_as_the_way_in(busy, tmp_path):
    with pytest.raises(SchemaLacksError) as got:
        api.import_files(busy, [folder(tmp_path)], format="brat")
    assert got.value.lacks == ["event type Report", "attribute Negation", "attribute Confidence"]
    assert "--add-types" in got.value.reason and len(busy.document_ids()) == 1


def test_add_types_takes_the_nested_event_and_the_attributes(busy, tmp_path):
    report = api.import_files(busy, [folder(tmp_path)], add_types=True)
    assert report.types_added == ["event type Report", "attribute Negation", "attribute Confidence"]
    schema = busy.schema
    (event_arg, speaker) = schema.event_type("Report").roles
    assert event_arg.name == "Event-Arg" and "Life:Die" in event_arg.labels
    assert schema.label("Life:Die").description == PROXY_NOTE  # the label that stands for a Life:Die event
    assert schema.attribute("Negation").values == ("false", "true")
    assert schema.attribute("Confidence").values == ("High", "Neutral", "Low")
    doc = busy.document_ids()[-1]
    by_type = {v.type: v for v in busy.events(doc)}
    assert sorted(by_type) == ["Life:Die", "Report"]
    assert by_type["Report"].attributes["Negation"] == "true"
    assert by_type["Life:Die"].attributes["Confidence"] == "High"
    api.export(busy, tmp_path / "back", format="brat")
    lines = (tmp_path / "back" / "a.ann").read_text(encoding="utf-8").splitlines()
    (report_line,) = [x for x in lines if x.startswith("E") and "Report:" in x]
    (die_id,) = [x.split("\t")[0] for x in lines if x.startswith("E") and "Die:" in x]
    assert report_line.split("\t")[1].split()[1:] == [f"Event-Arg:{die_id}", "Speaker:T1"]
    assert sum(x.startswith("T") for x in lines) == 5  # no T for the nested event: it is E2's reference
    assert sorted(x.split("\t")[1].split()[0] for x in lines if x.startswith("A")) == ["Confidence", "Negation"]


def test_an_attribute_the_project_has_takes_the_values_it_lacks(busy, tmp_path):
    """The project's ``polarity`` (Positive, Negative) takes the file's ``Unknown`` after its own; the schema file's
    comments and the attribute's default stay, and the brat export writes the value back."""
    conf = CONF + "polarity\tArg:<EVENT>, Value:Positive|Negative|Unknown\n"
    ann = [*ANN, "A3\tpolarity E1 Unknown"]
    report = api.import_files(busy, [folder(tmp_path, conf, ann)], format="brat", add_types=True)
    assert "attribute polarity" in report.types_added
    polarity = busy.schema.attribute("polarity")
    assert polarity.values == ("Positive", "Negative", "Unknown") and polarity.default == "Positive"
    assert busy.schema.attribute("modality").values == ("Asserted", "Other")
    assert busy.schema.source.count("#") >= 1  # the news schema's comments kept
    (die,) = [v for v in busy.events(busy.document_ids()[-1]) if v.type == "Life:Die"]
    assert die.attributes["polarity"] == "Unknown"
    api.export(busy, tmp_path / "back", format="brat")
    lines = (tmp_path / "back" / "a.ann").read_text(encoding="utf-8").splitlines()
    assert any(x.split("\t")[1].split()[0::2] == ["polarity", "Unknown"] for x in lines if x.startswith("A"))
    conf_back = (tmp_path / "back" / "annotation.conf").read_text(encoding="utf-8")
    assert "Positive|Negative|Unknown" in conf_back


def test_values_of_an_attribute_written_over_lines_are_refused_in_one_line(tmp_path):
    """A schema whose attribute's values are an array over several lines cannot take values in place: refused in one
    line naming the attribute, nothing imported."""
    from annotator.errors import ImportFileError

    schema_file = tmp_path / "lined.toml"
    schema_file.write_text(
        '[schema]\nname = "lined"\n\n[[entity]]\nname = "Person"\n\n[[entity]]\nname = "Organization"\n\n'
        '[[entity]]\nname = "GPE"\n\n[[attribute]]\nname = "polarity"\nvalues = [\n  "Positive",\n  "Negative",\n]\n'
        'default = "Positive"\n\n[[event]]\nname = "Die"\n  [[event.role]]\n  name = "Victim"\n  labels = ["Person"]\n',
        encoding="utf-8",
    )
    p = api.new_project(tmp_path / "p.annotator", schema=schema_file)
    import_documents(p, [IncomingDocument(text="A text already here.", name="seed.txt")])
    conf = "[entities]\nPerson\nOrganization\nGPE\n[relations]\n[events]\nDie\tVictim?:Person\n[attributes]\n"
    conf += "polarity\tArg:<EVENT>, Value:Positive|Negative|Unknown\n"
    ann = ["T2\tPerson 29 36\tgeneral", "T4\tDie 37 41\tdied", "E1\tDie:T4 Victim:T2", "A3\tpolarity E1 Unknown"]
    with pytest.raises(ImportFileError) as got:
        api.import_files(p, [folder(tmp_path, conf, ann)], format="brat", add_types=True)
    assert "values cannot be added to the attributes of the schema 'lined' (polarity" in str(got.value)
    assert "\n" not in str(got.value) and len(p.document_ids()) == 1
