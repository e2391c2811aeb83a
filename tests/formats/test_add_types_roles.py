"""``import --add-types`` added a file's labels and event types to the project's schema, but not a role its
annotation.conf declares for one of the project's own event types (``Attack  Attacker:Person, Witness:Person`` into a
news project whose ``Conflict:Attack`` has no Witness): the file was refused even with --add-types. The role is now
added to the project's type, stored with the schema as the added types are; a role of a name the type has, whose
labels differ, was still refused, named; since session 21 it takes the labels (our own brat folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from project_support import new_project
from annotator import api
from annotator.errors import SchemaLacksError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

TEXT = "A gunman attacked the mayor as a teacher watched."


def folder(tmp_path: Path, conf_role: str = "Witness:Person") -> Path:
    out = tmp_path / "brat"
    out.mkdir()
    conf = f"[entities]\nPerson\n[relations]\n[events]\nAttack\tAttacker:Person, Target:Person, {conf_role}\n[attributes]\n"
    (out / "annotation.conf").write_text(conf, encoding="utf-8")
    (out / "d1.txt").write_text(TEXT, encoding="utf-8")
    role = conf_role.split(":")[0]
    lines = [
        "T1\tPerson 2 8\tgunman",
        "T2\tPerson 22 27\tmayor",
        "T3\tPerson 33 40\tteacher",
        "T4\tAttack 9 17\tattacked",
        f"E1\tAttack:T4 Attacker:T1 Target:T2 {role}:T3",
    ]
    (out / "d1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def test_without_add_types_the_refusal_names_the_role_and_the_way(busy, tmp_path):
    with pytest.raises(SchemaLacksError) as got:
        api.import_files(busy, [folder(tmp_path)], format="brat")
    assert got.value.lacks == ["role Attack:Witness"]
    assert "--add-types (the project's event types take the roles)" in got.value.reason
    assert "--map" not in got.value.reason and len(busy.document_ids()) == 1


def test_add_types_adds_the_role_to_the_projects_own_type(busy, tmp_path):
    report = api.import_files(busy, [folder(tmp_path)], format="brat", add_types=True)
    assert report.types_added == ["role Conflict:Attack:Witness"]  # the project's name (session 40: the file's)
    attack = busy.schema.event_type("Conflict:Attack")
    assert [r.name for r in attack.roles][-1] == "Witness"
    assert attack.role("Witness").labels == ("PERSON",) and attack.role("Attacker").labels[0] == "PERSON"
    doc = busy.document_ids()[-1]
    (event,) = busy.events(doc)
    assert event.type == "Conflict:Attack"
    assert sorted(a.role for a in event.arguments) == ["Attacker", "Target", "Witness"]
    reopened = Project(busy.path, annotator="t")  # stored with the project's schema
    assert reopened.schema.event_type("Conflict:Attack").role("Witness") is not None
    assert "[[event]]" in reopened.schema.source and reopened.schema.source.count('name = "Witness"') == 1


def test_a_role_the_type_has_takes_the_labels_the_file_gives_it(busy, tmp_path):
    """Instrument takes PRODUCT in the news schema; the file's takes Person: session 20 refused the folder even with
    --add-types ("not labels to a role it has"); since session 21 the role takes PERSON after its own labels, its
    line in the schema file edited, the rest as it was."""
    source = busy.schema.source
    src = folder(tmp_path, "Instrument:Person")
    with pytest.raises(SchemaLacksError) as got:
        api.import_files(busy, [src], format="brat")
    assert got.value.lacks == ["role Attack:Instrument"] and "--add-types" in got.value.reason
    report = api.import_files(busy, [src], format="brat", add_types=True)
    assert report.types_added == ["role Conflict:Attack:Instrument (takes PERSON)"]  # session 40: as the project has it
    instrument = busy.schema.event_type("Conflict:Attack").role("Instrument")
    assert instrument.labels == ("PRODUCT", "PERSON")
    (event,) = busy.events(busy.document_ids()[-1])
    assert sorted(a.role for a in event.arguments) == ["Attacker", "Instrument", "Target"]
    changed = [ln for ln in busy.schema.source.splitlines() if ln not in source.splitlines()]
    assert len(changed) == 1 and '"PRODUCT", "PERSON"' in changed[0]  # one line: the rest as it was
    assert busy.schema.event_type("Life:Die").role("Instrument").labels == ("PRODUCT",)  # another type's untouched


def test_a_json_exports_header_gives_its_role_the_same_way(busy, tmp_path):
    api.import_files(busy, [folder(tmp_path)], format="brat", add_types=True)
    api.export(busy, tmp_path / "out.json", format="json")
    other = new_project(tmp_path / "other.annotator", annotator="t")
    import_documents(other, [IncomingDocument(text="Another text.", name="seed.txt")])
    refused = api.import_files(other, [tmp_path / "out.json"])
    assert refused.schema_lacks == [(str(tmp_path / "out.json"), ["role Conflict:Attack:Witness"])]
    report = api.import_files(other, [tmp_path / "out.json"], add_types=True)
    assert report.types_added == ["role Conflict:Attack:Witness"]
    assert other.schema.event_type("Conflict:Attack").role("Witness").labels == ("PERSON",)
    (event,) = other.events(other.document_ids()[-1])
    assert sorted(a.role for a in event.arguments) == ["Attacker", "Target", "Witness"]
