"""The app's import offered only to add the labels a file uses and a busy project's schema lacks (session 19): its box
now offers to take each as one of the project's labels too, as the command line's ``--map`` does, a list beside each
name (Import stays off until each has one)."""

from __future__ import annotations

import json

import pytest

from ui_support import close_window, open_window

TEXT = "BRCA1 binds p53 in the nucleus."


def _tasks(tmp_path):  # type: ignore[no-untyped-def]
    value = {"start": 0, "end": 5, "text": "BRCA1", "labels": ["GENE"]}
    region = {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": value}
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([{"data": {"text": TEXT}, "annotations": [{"result": [region]}]}]), encoding="utf-8")
    return src


def test_the_box_takes_each_as_one_of_the_projects(qtbot):
    from ui.dialogs.add_or_map import AddOrMapDialog

    dlg = AddOrMapDialog(None, [("/x/tasks.json", ["label GENE", "event type Binding"])], ["ORG", "GPE"], ["Life:Die"])
    qtbot.addWidget(dlg)
    assert dlg.choice() == (True, {}) and dlg.ok.isEnabled()
    dlg.take.setChecked(True)
    assert not dlg.ok.isEnabled()  # nothing picked yet
    dlg.lists["GENE"].setCurrentText("ORG")
    assert not dlg.ok.isEnabled()
    assert [dlg.lists["Binding"].itemText(i) for i in range(dlg.lists["Binding"].count())][1:] == ["Life:Die"]
    dlg.lists["Binding"].setCurrentText("Life:Die")
    assert dlg.ok.isEnabled()
    assert dlg.choice() == (False, {"GENE": "ORG", "Binding": "Life:Die"})


@pytest.mark.slow  # two imports in workers (~2 s)
def test_a_label_studio_file_of_a_label_the_project_lacks_taken_as_its_own(qtbot, tmp_path, monkeypatch):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "busy.annotator"
    with Project(path, annotator="tester") as p:
        import_documents(p, [IncomingDocument(text="A text already here.", name="seed.txt")])
    src = _tasks(tmp_path)
    w = open_window(qtbot, path)
    asked: list = []
    monkeypatch.setattr(w, "ask_schema_choice", lambda lacking: asked.append(lacking) or (False, {"GENE": "ORG"}))
    try:
        w.import_paths([str(src)])
        project = w.controller.project
        qtbot.waitUntil(lambda: len(project.document_ids()) == 2 and not w.workers, timeout=30000)
        assert asked == [[(str(src), ["label GENE"])]]
        with Project(path, create=False) as p:
            (doc,) = [d for d in p.document_ids() if d != p.document_ids()[0]]
            assert [e.label for e in p.entities(doc)] == ["ORG"]
            assert "GENE" not in p.schema.label_names
    finally:
        close_window(w)
