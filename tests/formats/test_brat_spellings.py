"""The brat export wrote the schema's names (``PERSON``, ``Attacker``) for a document whose file spelt them otherwise
(a Label Studio task's ``PER`` and ``attacker``), where every other export that names labels span by span writes the
file's (session 16's leftover). The ``.ann`` files write each document's own spellings now
(``GivenSpellings.of_meta``), and ``annotation.conf`` declares the names they use (``schema_names.spelt_schema``), so
brat opens the folder without an unknown type and a brat import reads the labels back as the user named them."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project
from tests.formats.test_reader_schema_names import label_studio_task


def _export(tmp_path):  # type: ignore[no-untyped-def]
    src, p, out = tmp_path / "tasks.json", tmp_path / "p.annotator", tmp_path / "brat"
    src.write_text(json.dumps(label_studio_task("Conflict.Attack", "attacker")), encoding="utf-8")
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "brat", "-o", str(out)]) == 0
    return out


def test_the_ann_files_and_the_conf_use_the_files_spellings(tmp_path):
    out = _export(tmp_path)
    (ann,) = out.glob("*.ann")
    lines = ann.read_text(encoding="utf-8").splitlines()
    types = {x.split("\t")[1].split(" ")[0] for x in lines if x.startswith("T")}
    assert "PER" in types and "PERSON" not in types, types
    (event,) = [x for x in lines if x.startswith("E")]
    assert " attacker:" in event and "Attacker" not in event, event
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    entities = conf.split("[entities]")[1].split("[relations]")[0].split()
    assert "PER" in entities and "PERSON" not in entities  # no document wrote PERSON
    assert "ORG" in entities  # a label no document used: the schema's name
    (attack,) = [x for x in conf.splitlines() if x.startswith("Conflict_Attack\t")]
    assert "\tattacker?:PER|" in attack and "Attacker" not in attack, attack


def test_a_brat_import_of_the_export_reads_the_labels_as_the_user_named_them(tmp_path):
    """A new project took the conf as its schema (``PER``, ``attacker`` beside nothing of the news schema's names);
    since session 22 our conf of the schema the new project has (its first line names it) is matched to it by
    ``schema_match``'s rule, as in a project holding documents: the schema's names, the file's kept beside them and
    written back by the next export."""
    out = _export(tmp_path)
    q = tmp_path / "q.annotator"
    assert main(["import", str(q), str(out)]) == 0
    with Project(q, create=False) as project:
        (doc,) = project.document_ids()
        assert "PERSON" in {e.label for e in project.entities(doc)}
        (v,) = project.events(doc)
        assert (v.type, [a.role for a in v.arguments]) == ("Conflict:Attack", ["Attacker"])
    again = tmp_path / "again"
    assert main(["export", str(q), "-f", "brat", "-o", str(again)]) == 0
    (ann,) = again.glob("*.ann")
    assert ann.read_text(encoding="utf-8") == next(out.glob("*.ann")).read_text(encoding="utf-8")
