"""Files imported through the app into a new project bring their labels into the window at once: the import ran on
its own connection, which adopted (brat's annotation.conf) or grew (a CoNLL file's GENE tags) the file's schema,
while the window kept the schema it opened with, so the new labels had no colour, no legend entry and no key."""

from __future__ import annotations

from ui_support import close_window, open_window


def _new_project_window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from annotator.store import Project

    path = tmp_path / "new.annotator"
    Project(path, annotator="tester").close()
    return open_window(qtbot, path)


def _busy_project_window(qtbot, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A project that holds a document, its window, and the list the window's schema question (answered "add") fills;
    (path, window, asked)."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "busy.annotator"
    with Project(path, annotator="tester") as p:
        import_documents(p, [IncomingDocument(text="A text already here.", name="seed.txt")])
    w = open_window(qtbot, path)
    asked: list = []
    monkeypatch.setattr(w, "ask_schema_choice", lambda lacking: asked.append(lacking) or (True, {}))
    return path, w, asked


def test_a_conll_file_of_new_labels_brings_them_into_the_window(qtbot, tmp_path):
    f = tmp_path / "genes.conll"
    f.write_text("BRCA1\tB-GENE\nbinds\tO\np53\tB-GENE\n.\tO\n", encoding="utf-8")
    w = _new_project_window(qtbot, tmp_path)
    try:
        w.import_paths([str(f)])
        qtbot.waitUntil(lambda: not w.workers, timeout=20000)
        qtbot.waitUntil(lambda: w.controller.doc is not None)
        assert "labels added to the project's schema: GENE" in w.message.text()
        assert w.controller.schema.label("GENE") is not None
        assert {e.label for e in w.controller.entities.values()} == {"GENE"}
    finally:
        close_window(w)


def test_a_brat_folders_own_types_reach_the_window(qtbot, tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text(
        "[entities]\nProtein\n[relations]\n[events]\n[attributes]\n", encoding="utf-8"
    )
    (folder / "a.txt").write_text("BRCA1 binds p53.", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tProtein 0 5\tBRCA1\n", encoding="utf-8")
    w = _new_project_window(qtbot, tmp_path)
    try:
        w.import_paths([str(folder)])
        qtbot.waitUntil(lambda: not w.workers, timeout=20000)
        qtbot.waitUntil(lambda: w.controller.doc is not None)
        assert w.controller.schema.label("Protein") is not None
    finally:
        close_window(w)


def test_a_brat_folder_of_types_a_busy_project_lacks_is_offered_to_the_schema(qtbot, tmp_path, monkeypatch):
    """Session 19: the folder was refused ("import it into a new project"); the app now asks whether to add its
    labels and event types to the project's schema, and with yes imports it with them."""
    from annotator.store import Project

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "annotation.conf").write_text(
        "[entities]\nPerson\nReport\n[relations]\n[events]\n[attributes]\n", encoding="utf-8"
    )
    (folder / "r.txt").write_text("The minister read the report.", encoding="utf-8")
    (folder / "r.ann").write_text("T1\tPerson 4 12\tminister\nT2\tReport 22 28\treport\n", encoding="utf-8")
    path, w, asked = _busy_project_window(qtbot, tmp_path, monkeypatch)
    try:
        w.import_paths([str(folder)])
        qtbot.waitUntil(lambda: w.controller.schema.label("Report") is not None, timeout=30000)
        qtbot.waitUntil(lambda: not w.workers, timeout=20000)
        assert asked == [[(str(folder), ["label Report"])]]
        assert "added to the project's schema (--add-types): label Report" in w.message.text()
        with Project(path, create=False) as p:
            assert len(p.document_ids()) == 2
    finally:
        close_window(w)


def test_a_role_of_the_projects_own_type_is_offered_to_add_alone(qtbot, tmp_path, monkeypatch):
    """s19-realc: a brat folder whose conf gives the project's Conflict:Attack a role it lacks (Witness) was refused
    with no offer (the box took labels and event types alone); the app now offers to add it, the box's other way
    (take each as one of the project's) off for a role, and with yes imports the folder with it."""
    from annotator.store import Project
    from ui.dialogs.add_or_map import AddOrMapDialog

    folder = tmp_path / "attack"
    folder.mkdir()
    (folder / "annotation.conf").write_text(
        "[entities]\nPerson\n[relations]\n[events]\nAttack\tAttacker:Person, Witness:Person\n[attributes]\n",
        encoding="utf-8",
    )
    (folder / "a.txt").write_text("A gunman attacked as a teacher watched.", encoding="utf-8")
    (folder / "a.ann").write_text(
        "T1\tPerson 2 8\tgunman\nT2\tPerson 23 30\tteacher\nT3\tAttack 9 17\tattacked\n"
        "E1\tAttack:T3 Attacker:T1 Witness:T2\n",
        encoding="utf-8",
    )
    path, w, asked = _busy_project_window(qtbot, tmp_path, monkeypatch)
    try:
        w.import_paths([str(folder)])
        qtbot.waitUntil(lambda: bool(asked) and not w.workers, timeout=30000)
        qtbot.waitUntil(lambda: "role Conflict:Attack:Witness" in w.message.text(), timeout=20000)
        assert asked == [[(str(folder), ["role Attack:Witness"])]]  # what the file lacks, by its names
        # what was added, by the project's (session 40: the file's)
        assert "added to the project's schema (--add-types): role Conflict:Attack:Witness" in w.message.text()
        dlg = AddOrMapDialog(w, asked[0], ["PERSON"], ["Conflict:Attack"])
        qtbot.addWidget(dlg)
        assert not dlg.take.isEnabled() and not dlg.lists and dlg.ok.isEnabled() and dlg.choice() == (True, {})
        assert dlg.windowTitle() == "Roles the project's schema lacks"
        with Project(path, create=False) as p:
            assert len(p.document_ids()) == 2 and p.schema.event_type("Conflict:Attack").role("Witness") is not None
    finally:
        close_window(w)


def test_an_event_attribute_and_a_nested_event_are_offered_to_add(qtbot, tmp_path, monkeypatch):
    """Session 20: a brat folder whose conf declares event attributes the project lacks (Negation) and a type whose
    argument is an event (Report, Event-Arg:<EVENT>) was refused with no offer (the box took labels, event types and
    roles alone); the app now offers them, the other way off (an attribute can only be added), and with yes imports."""
    from annotator.store import Project
    from ui.dialogs.add_or_map import AddOrMapDialog

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "annotation.conf").write_text(
        "[entities]\nPerson\n[relations]\n[events]\nDie\tVictim:Person\nReport\tEvent-Arg:<EVENT>\n"
        "[attributes]\nNegation\tArg:<EVENT>\n",
        encoding="utf-8",
    )
    (folder / "r.txt").write_text("It was reported that the man died.", encoding="utf-8")
    (folder / "r.ann").write_text(
        "T1\tPerson 25 28\tman\nT2\tDie 29 33\tdied\nE1\tDie:T2 Victim:T1\nT3\tReport 7 15\treported\n"
        "E2\tReport:T3 Event-Arg:E1\nA1\tNegation E1\n",
        encoding="utf-8",
    )
    path, w, asked = _busy_project_window(qtbot, tmp_path, monkeypatch)
    try:
        w.import_paths([str(folder)])
        qtbot.waitUntil(lambda: bool(asked) and not w.workers, timeout=30000)
        qtbot.waitUntil(lambda: "attribute Negation" in w.message.text(), timeout=20000)
        assert asked == [[(str(folder), ["event type Report", "attribute Negation"])]]
        assert "added to the project's schema (--add-types): event type Report, attribute Negation" in w.message.text()
        dlg = AddOrMapDialog(w, [(str(folder), ["attribute Negation"])], ["PERSON"], ["Life:Die"])
        qtbot.addWidget(dlg)
        assert not dlg.take.isEnabled() and not dlg.lists and dlg.choice() == (True, {})
        assert dlg.windowTitle() == "Attributes the project's schema lacks"
        with Project(path, create=False) as p:
            assert len(p.document_ids()) == 2 and p.schema.attribute("Negation") is not None
            assert {v.type for v in p.events(p.document_ids()[-1])} == {"Life:Die", "Report"}
    finally:
        close_window(w)
