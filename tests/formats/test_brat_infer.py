"""brat folders shipped without annotation.conf (BioNLP shared-task corpora): the schema told from the .ann files."""

from __future__ import annotations

from pathlib import Path

import pytest

from project_support import new_project
from annotator.errors import ImportFileError
from annotator.formats.brat import write_brat
from annotator.formats.brat_infer import conf_from_anns
from annotator.formats.loading import import_format
from tests.formats.brat_canon import canon_folder

# Our own small corpus in the shape of BioNLP-ST's EPI/GE data: events written before the T lines they use, two
# events on one trigger, a nested event as an argument, a repeated role (Theme2), an optional role, a
# modification on an event, a relation between entities, and a second file.
TEXT_A = "Glycosylation of decorin and biglycan needs XT1, which binds decorin.\n"
ANN_A = (
    "E1\tGlycosylation:T4 Theme:T1\n"
    "E2\tGlycosylation:T4 Theme:T2 Sidechain:T5\n"
    "E3\tBinding:T6 Theme:T3 Theme2:T7\n"
    "E4\tRegulation:T8 Theme:E1 Cause:T3\n"
    "M1\tSpeculation E4\n"
    "T1\tProtein 17 24\tdecorin\n"
    "T2\tProtein 29 37\tbiglycan\n"
    "T3\tProtein 44 47\tXT1\n"
    "T4\tGlycosylation 0 13\tGlycosylation\n"
    "T5\tEntity 29 37\tbiglycan\n"
    "T6\tBinding 55 60\tbinds\n"
    "T7\tProtein 61 68\tdecorin\n"
    "T8\tRegulation 38 43\tneeds\n"
    "R1\tEquiv Arg1:T1 Arg2:T7\n"
)
TEXT_B = "XT1 binds biglycan.\n"
ANN_B = "T1\tProtein 0 3\tXT1\nT2\tProtein 10 18\tbiglycan\nT3\tBinding 4 9\tbinds\nE1\tBinding:T3 Theme:T2\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "EPI"
    folder.mkdir()
    for name, text, ann in (("a", TEXT_A, ANN_A), ("b", TEXT_B, ANN_B)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.ann").write_text(ann, encoding="utf-8")
    return folder


def test_conf_told_from_the_files_declares_what_they_use():
    conf = conf_from_anns([ANN_A, ANN_B])
    lines = conf.splitlines()
    entities = [x for x in lines[lines.index("[entities]") + 1 : lines.index("[relations]")] if x]
    assert entities == ["Protein", "Entity"]  # trigger types are events, not entities
    events = {line.split("\t")[0]: line.partition("\t")[2] for line in lines[lines.index("[events]") + 1 :] if line}
    # Theme filled twice in one event: repeatable; Sidechain and Cause missing from some events: optional;
    # an event as argument: its type
    assert events["Binding"] == "Theme+:Protein"
    assert events["Glycosylation"] == "Theme:Protein, Sidechain?:Entity"
    assert events["Regulation"] == "Theme:Glycosylation, Cause:Protein"
    assert "Speculation\tArg:<EVENT>" in lines and "Equiv\tArg1:Protein, Arg2:Protein" in lines


def test_folder_without_conf_becomes_a_new_project_with_its_types(tmp_path):
    folder = _folder(tmp_path)
    project = new_project(tmp_path / "epi.annotator", annotator="t")
    report = import_format(project, "brat", [folder])
    assert len(report.imported) == 2 and report.events == 5
    assert report.schema_adopted == "EPI"
    assert any("no annotation.conf" in n for n in report.notes) and not report.warnings
    binding = project.schema.event_type("Binding")
    assert binding is not None and binding.role("Theme").repeatable
    regulation = next(e for e in project.events(dict(report.imported)["a.txt"]) if e.type == "Regulation")
    assert regulation.attributes["Speculation"] == "true"
    write_brat(project, tmp_path / "out")
    assert canon_folder(tmp_path / "out") == canon_folder(folder)  # the same annotations back, ids aside
    project.close()


def test_a_project_with_documents_refuses_types_it_lacks_and_keeps_all(sample, tmp_path):
    project, _ = sample
    before = len(project.document_ids())
    with pytest.raises(ImportFileError, match="the project's schema has no label Protein"):
        import_format(project, "brat", [_folder(tmp_path)])
    assert len(project.document_ids()) == before and project.schema.name == "news"
