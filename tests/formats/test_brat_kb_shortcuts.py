"""brat's ``kb_shortcuts.conf`` (the key that picks a type in brat's dialog, ``M	DRUG``: sociocom/KEEPHA-Ja ships one
beside its annotation.conf) gives the labels of the schema the conf brings their keys, the app's label keys; the
brat export writes the schema's keys back as one, so the annotators keep their keys both ways. Session 36: the file
was passed over without a word (a new project's labels had no key) and the export wrote none. A key the app keeps
for itself (X) or a type that is no entity label is said, not taken. Our own files in that shape."""

from __future__ import annotations

import pytest

from annotator import api
from annotator.errors import ExportTargetError

CONF = """[entities]
DRUG
CHANGE_TRIGGER
DISORDER
TIME
[relations]
CAUSED	Arg1:DRUG, Arg2:DISORDER
[events]
[attributes]
"""
SHORTCUTS = "# keys\n\nM\tDRUG\nC\tCHANGE_TRIGGER\nX\tTIME\nP\tPROCEDURE\n"


def _corpus(root):
    root.mkdir()
    (root / "annotation.conf").write_text(CONF, encoding="utf-8")
    (root / "kb_shortcuts.conf").write_text(SHORTCUTS, encoding="utf-8")
    (root / "d1.txt").write_text("The drug caused a rash.\n", encoding="utf-8")
    (root / "d1.ann").write_text("T1\tDRUG 4 8\tdrug\nT2\tDISORDER 18 22\trash\n", encoding="utf-8")


def test_the_keys_come_in_as_label_keys_and_go_back_out(tmp_path):
    _corpus(tmp_path / "keep")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [tmp_path / "keep"])
    assert {e.name: e.key for e in project.schema.entities} == {
        "DRUG": "m",
        "CHANGE_TRIGGER": "c",
        "DISORDER": None,
        "TIME": None,
    }
    assert any("its keys are the conf's labels' keys: m DRUG, c CHANGE_TRIGGER" in n for n in report.notes)
    said = [w for w in report.warnings if "kb_shortcuts.conf" in w]
    assert len(said) == 2 and "the app's key for rejecting a suggestion" in said[0] and "PROCEDURE" in said[1], said
    out = tmp_path / "out"
    api.export(project, out, format="brat")
    lines = (out / "kb_shortcuts.conf").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# kb_shortcuts.conf written by annotator") and lines[2:] == [
        "M\tDRUG",
        "C\tCHANGE_TRIGGER",
    ]
    again = api.new_project(tmp_path / "q.annotator")
    api.import_files(again, [out])
    assert {e.name: e.key for e in again.schema.entities if e.key} == {"DRUG": "m", "CHANGE_TRIGGER": "c"}
    api.export(project, out, format="brat")  # a former export's own file: replaced
    with pytest.raises(ExportTargetError, match=r"does not write \(kb_shortcuts.conf\)"):  # a brat server's: not
        api.export(project, tmp_path / "keep", format="brat")


def test_a_key_of_the_apps_commands_is_said_not_taken(tmp_path):
    """KEEPHA-Ja's own kb_shortcuts.conf gives A to ANATOMY: taken as a label key, it hid A (labelling a name
    everywhere) without a word, as N would hide the next trigger word. Said and not taken, as X is."""
    root = tmp_path / "keep"
    _corpus(root)
    (root / "kb_shortcuts.conf").write_text("A\tDRUG\nN\tDISORDER\n]\tTIME\nC\tCHANGE_TRIGGER\n", encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [root])
    assert {e.name: e.key for e in project.schema.entities if e.key} == {"CHANGE_TRIGGER": "c"}
    said = [w for w in report.warnings if "kb_shortcuts.conf" in w]
    assert len(said) == 3, said
    assert "labelling a name everywhere (A)" in said[0] and "the next trigger word (N)" in said[1], said
    assert "'DRUG'" not in said[0] and "key 'A' for DRUG not taken" in said[0], said
