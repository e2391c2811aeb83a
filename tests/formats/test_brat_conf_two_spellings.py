"""Session 17's engineer's round trip: a project of two Label Studio files, one spelling an event type and a role as
ACE's files do (``Life.Die``, ``victim``), the other as the schema does (``Life:Die``, ``Victim``), exported to brat.
``annotation.conf`` declared ``Life_Die`` twice (both spellings are one brat name) and required both ``victim`` and
``Victim`` of every Die event, so brat flagged each event as lacking one; ``visual.conf`` named the type twice."""

from __future__ import annotations

import json

from annotator.cli import main
from tests.formats.test_reader_schema_names import label_studio_task


def _export(tmp_path):  # type: ignore[no-untyped-def]
    ace, own = label_studio_task("Life.Die", "victim"), label_studio_task("Life:Die", "Victim")
    own[0]["id"] = 2
    own[0]["data"]["text"] += " Two more died later."  # another document (the regions as they were)
    p, out = tmp_path / "p.annotator", tmp_path / "brat"
    (tmp_path / "ace.json").write_text(json.dumps(ace), encoding="utf-8")
    (tmp_path / "own.json").write_text(json.dumps(own), encoding="utf-8")
    assert main(["import", str(p), str(tmp_path / "ace.json"), str(tmp_path / "own.json")]) == 0
    assert main(["export", str(p), "-f", "brat", "-o", str(out)]) == 0
    return out


def _section(text: str, name: str) -> list[str]:
    part = text.split(f"[{name}]")[1].split("\n[")[0]
    return [x for x in part.splitlines() if x.strip() and not x.startswith("#")]


def test_a_type_two_documents_spelt_apart_is_declared_once_its_spellings_optional(tmp_path):
    out = _export(tmp_path)
    events = _section((out / "annotation.conf").read_text(encoding="utf-8"), "events")
    names = [x.split("\t")[0] for x in events]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    (die,) = [x for x in events if x.startswith("Life_Die\t")]
    roles = dict(a.strip().split(":", 1) for a in die.split("\t")[1].split(", "))
    assert "victim?" in roles and "Victim?" in roles, die  # either spelling fills the role: neither one required
    assert "victim" not in roles and "Victim" not in roles, die
    labels = [x.split(" | ")[0] for x in _section((out / "visual.conf").read_text(encoding="utf-8"), "labels")]
    assert len(labels) == len(set(labels)), [n for n in labels if labels.count(n) > 1]


def test_the_export_imported_and_exported_again_is_the_same_folder(tmp_path):
    out = _export(tmp_path)
    q, again = tmp_path / "q.annotator", tmp_path / "again"
    assert main(["import", str(q), str(out)]) == 0
    assert main(["export", str(q), "-f", "brat", "-o", str(again)]) == 0
    first = {f.name: f.read_bytes() for f in out.iterdir()}
    second = {f.name: f.read_bytes() for f in again.iterdir()}
    assert first.keys() == second.keys()
    assert [n for n in first if first[n] != second[n]] == []  # the conf's first line named the folder's schema
