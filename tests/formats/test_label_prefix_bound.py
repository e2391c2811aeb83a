"""The rule that matches a label a file declares to the schema's (``SchemaNames.declared_label``) took any label of
three letters or more that began it: made for ACE's full names in brat's news tutorial conf (``Organization`` for
``ORG``, ``Location`` for ``LOC``), it also took a DyGIE++ label ``Personnel`` for ``PERSON`` and INCEpTION's
feature-less layer ``TimexTmeDat`` for ``TIME``, words that name something else. The news schema declares the full
words as aliases since session 21 (data, as ACE's ``PER``), so a label matches a whole name or alias now, never a
prefix of another word; a role marked apart from its entity type (the tutorial's ``Org-Arg`` for ``Org``) still
matches its leading word, at a word's edge (``Placement`` is not ``Place``). The files are our own."""

from __future__ import annotations

import orjson
import pytest

from annotator import api
from annotator.errors import SchemaLacksError
from annotator.formats.schema_names import SchemaNames
from annotator.schema import default_schema, parse_schema

NO_ALIASES = """[schema]
name = "short"
version = 1
[[entity]]
name = "ORG"
[[entity]]
name = "PERSON"
[[event]]
name = "Attack"
  [[event.role]]
  name = "Place"
  labels = ["ORG"]
  multiplicity = "optional"
"""


def test_a_label_matches_a_whole_name_or_alias_not_a_prefix_of_another_word():
    names = SchemaNames(default_schema())
    assert names.declared_label("Personnel") is None
    assert names.declared_label("TimexTmeDat") is None
    assert names.declared_label("Timeline") is None
    assert names.declared_label("Organization") == "ORG"  # the news schema's alias (data), not the prefix
    assert names.declared_label("location") == "LOC"
    assert names.declared_label("PER") == "PERSON"
    assert names.declared_label("person") == "PERSON"
    own = SchemaNames(parse_schema(NO_ALIASES, "<short>"))
    assert own.declared_label("Organization") is None  # a schema that declares no alias: the user's --map says it
    assert own.declared_label("Personnel") is None


def test_a_role_marked_apart_matches_its_leading_word_only():
    names = SchemaNames(default_schema())
    assert names.declared_role("Business:Merge-Org", "Org-Arg") == "Org"
    assert names.declared_role("Business:Merge-Org", "Org-Arg2") == "Org"
    assert names.declared_role("Life:Die", "Person-Arg") is None  # Die's roles: Agent, Victim, ... no Person
    assert names.declared_role("Life:Be-Born", "Person-Arg") == "Person"
    assert names.declared_role("Life:Be-Born", "PersonArg") == "Person"  # a case change is a word's edge too
    own = SchemaNames(parse_schema(NO_ALIASES, "<short>"))
    assert own.declared_role("Attack", "Placement") is None
    assert own.declared_role("Attack", "Place-Arg") == "Place"


LINE = {
    "doc_key": "staff.1",
    "sentences": [["Personnel", "from", "Acme", "arrived", "."]],
    "ner": [[[0, 0, "Personnel"], [2, 2, "ORG"]]],
    "relations": [[]],
}


def test_a_dygiepp_personnel_label_is_its_own_in_a_new_project_and_refused_by_one_holding_documents(tmp_path, busy):
    src = tmp_path / "staff.jsonl"
    src.write_bytes(orjson.dumps(LINE) + b"\n")
    fresh = api.new_project(tmp_path / "new.annotator")
    report = api.import_files(fresh, [src], format="dygiepp")
    doc = fresh.document_ids()[0]
    assert sorted(e.label for e in fresh.entities(doc)) == ["ORG", "Personnel"]  # was PERSON, ORG
    assert fresh.schema.label("Personnel") is not None
    assert not any("Personnel -> PERSON" in n for n in report.notes), report.notes
    with pytest.raises(SchemaLacksError, match="Personnel"):
        api.import_files(busy, [src], format="dygiepp")


CONF = "[entities]\nPersonnel\nOrganization\n[relations]\n[events]\n[attributes]\n"


def test_a_brat_conf_personnel_is_refused_by_a_news_project_holding_documents(tmp_path, busy):
    folder = tmp_path / "staff"
    folder.mkdir()
    (folder / "annotation.conf").write_text(CONF, encoding="utf-8")
    (folder / "a.txt").write_text("Personnel from Acme arrived.\n", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPersonnel 0 9\tPersonnel\nT2\tOrganization 15 19\tAcme\n", encoding="utf-8")
    with pytest.raises(SchemaLacksError, match="Personnel") as got:
        api.import_files(busy, [folder], format="brat")  # was taken as PERSON
    assert "Organization" not in str(got.value)  # the alias matches
    api.import_files(busy, [folder], format="brat", add_types=True)
    doc = busy.document_ids()[-1]
    assert sorted(e.label for e in busy.entities(doc)) == ["ORG", "Personnel"]
