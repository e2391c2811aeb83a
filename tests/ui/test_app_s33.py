"""Session 33 (helper s33-app): Project > Annotation sets… as the rest of the app.

- A rename was taken back by Ctrl+Z inside the window alone: Edit > Undo after closing it took back the step before it
  (an adjudication decision, refused there as changed elsewhere by the rename, and dropped). It is one step of the
  main window's undo history now, named in the Edit menu.
- The window counted ``main``'s documents as those it had rows in: 0 in a team's file never pre-annotated, whose
  every document ``export`` (``main`` by default) writes.
Each test failed on main."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from test_app_s32 import _rows, _select, _sets_window, _team
from ui_support import close_window


def _rename(qtbot, dlg, name: str, new: str) -> None:  # type: ignore[no-untyped-def]
    _select(dlg, name)
    dlg.new_name.setText(new)
    dlg.rename_button.click()
    qtbot.waitUntil(lambda: dlg.worker is None and "renamed" in dlg.said.text())


def _sets(team: Path) -> list[str]:
    from annotator.store import Project

    with Project(team, create=False, annotator="check") as p:
        return sorted(set(p.annotation_sets()) - {"main"})


def test_a_rename_is_a_step_of_the_main_window_s_undo_history_after_its_adjudication_decision(qtbot, tmp_path):
    from annotator.store import Project
    from annotator.teams.differences import differences
    from ui.dialogs.adjudication import TakeVersion
    from ui.set_steps import RenameSet

    team = _team(tmp_path)
    w, dlg = _sets_window(qtbot, team)
    c = w.controller
    undo = w.actions_by_name["undo"]
    try:
        dlg.reject()
        doc = c.doc.id
        kabul = next(d for d in differences(c.project, doc) if d.start == 29)
        c.run(TakeVersion, kabul, "root")  # the reviewer takes bob's Kabul (his copy merged as 'root')
        assert c.undo_stack.count() == 1
        w.actions_by_name["annotation_sets"].trigger()
        dlg = w._sets_dialog
        qtbot.waitUntil(lambda: dlg.worker is None)
        _rename(qtbot, dlg, "root", "bob")
        assert dlg.said.text().endswith("(Ctrl+Z or Edit > Undo takes it back)"), dlg.said.text()
        assert dlg.undo_button.isVisible() and "Name set 'bob' 'root' again" in dlg.undo_button.toolTip()
        dlg.reject()
        assert _sets(team) == ["alice", "bob"]
        # the Edit menu names the rename (on main: "Undo Take root's entity", whose Ctrl+Z was refused and dropped)
        assert undo.text() == "&Undo Rename set 'root' to 'bob'", undo.text()
        step = c.undo_stack.command(c.undo_stack.index() - 1)
        assert isinstance(step, RenameSet)
        ended: list[bool] = []
        step.after = lambda: ended.append(True)
        undo.trigger()
        qtbot.waitUntil(lambda: ended == [True] and not w.workers)
        assert _sets(team) == ["alice", "root"]
        assert w.message.text().startswith("Undone: Rename set 'root' to 'bob' (set 'bob' renamed 'root'"), (
            w.message.text()
        )
        assert undo.text() == "&Undo Take root's entity", undo.text()  # the decision's step applies again
        undo.trigger()
        with Project(team, create=False, annotator="check") as p:
            assert not p.document(doc).meta.get("adjudication"), "the decision taken back"
        assert c.undo_stack.count() == 2 and c.undo_stack.index() == 0  # both kept, to be made again
        w.actions_by_name["redo"].trigger()  # the decision
        ended.clear()
        w.actions_by_name["redo"].trigger()  # the rename, in its worker
        qtbot.waitUntil(lambda: ended == [True] and not w.workers)
        assert _sets(team) == ["alice", "bob"]
        assert w.message.text().startswith("Redone: Rename set 'root' to 'bob'"), w.message.text()
    finally:
        close_window(w)


def test_ctrl_z_in_the_sets_window_takes_the_rename_back_through_the_main_window_s_history(
    qtbot, tmp_path, monkeypatch
):
    team = _team(tmp_path)
    w, dlg = _sets_window(qtbot, team)
    c = w.controller
    try:
        from annotator import edits

        from ui.commands import AddEntity

        edits.set_status(c.project, c.doc.id, "reviewed")  # a rename is no edit made after the document's review
        c.reload()
        c.run(AddEntity, c.doc.id, 16, 25, "ORG")  # one is: said
        qtbot.waitUntil(lambda: "after its review" in w.message.text())
        said: list[str] = []
        report = c.report_status
        monkeypatch.setattr(c, "report_status", lambda text, *a, **k: said.append(text) or report(text, *a, **k))
        _rename(qtbot, dlg, "root", "bob")
        assert c.undo_stack.count() == 2 and c.undo_stack.canUndo()  # on main: the rename not in the history
        qtbot.keyClick(dlg.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not w.workers and list(_rows(dlg)) == ["main", "alice", "root"])
        assert dlg.said.text().startswith("Undone: Rename set 'root' to 'bob' (set 'bob' renamed 'root'"), (
            dlg.said.text()
        )
        assert not dlg.undo_button.isVisible() and c.undo_stack.canRedo() and c.undo_stack.index() == 1
        assert not [t for t in said if "after its review" in t], said  # neither made nor taken back is an edit
        assert _sets(team) == ["alice", "root"]
        dlg.undo_rename()  # nothing more to take back here
        assert "Nothing to undo here" in dlg.said.text()
        dlg.reject()
    finally:
        close_window(w)


def test_a_rename_back_refused_leaves_the_undo_history_said(qtbot, tmp_path):
    """A set named as the old name made meanwhile (``annotator merge`` of another file): the rename back is the core's
    refusal, said, and the step is out of the history (the next Ctrl+Z reaches the step before it)."""
    from annotator.store import Project
    from annotator.teams.set_names import rename_set

    team = _team(tmp_path)
    w, dlg = _sets_window(qtbot, team)
    c = w.controller
    try:
        _rename(qtbot, dlg, "root", "bob")
        dlg.reject()
        with Project(team, create=False, annotator="other") as p:  # another program names alice's set 'root'
            rename_set(p, "alice", "root")
        step = c.undo_stack.command(0)
        ended: list[bool] = []
        step.after = lambda: ended.append(True)
        w.actions_by_name["undo"].trigger()
        qtbot.waitUntil(lambda: bool(ended) and not w.workers)
        assert "the project has a set 'root' already" in w.message.text(), w.message.text()
        assert "was removed from the undo history" in w.message.text()
        assert c.undo_stack.count() == 0 and _sets(team) == ["bob", "root"]
    finally:
        close_window(w)


def test_the_sets_window_counts_every_document_in_main_and_says_what_it_counts(qtbot, tmp_path):
    from annotator.store import Project
    from annotator.teams.set_names import set_list

    team = _team(tmp_path)  # never pre-annotated: main has no annotation, its two documents statuses
    with Project(team, create=False, annotator="check") as p:
        assert [(s.name, s.documents) for s in set_list(p)] == [("main", 2), ("alice", 2), ("root", 2)]
    w, dlg = _sets_window(qtbot, team)
    try:
        assert _rows(dlg)["main"][0] == "2"  # on main: "0" documents
        header = dlg.table.horizontalHeaderItem(1)
        assert header.text() == "Documents\n(statuses or annotations)", header.text()
        assert "every document of the project" in header.toolTip() and "annotations" in header.toolTip()
        assert dlg.table.horizontalHeaderItem(2).text() == "Worked on"  # alice and root worked on one.txt alone
        assert [_rows(dlg)[n][1] for n in ("main", "alice", "root")] == ["0", "1", "1"]
        dlg.reject()
    finally:
        close_window(w)


def test_the_agreement_window_names_the_documents_one_annotator_worked_on_alone(qtbot, tmp_path):
    """alice worked on both documents, bob on one.txt: the tab said "1 document both annotators covered" alone."""
    import shutil

    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.teams.merge import merge_projects
    from test_app_s32 import TEXTS
    from ui_support import open_window, settled

    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument(t, n) for n, t in TEXTS])
    for who in ("alice", "bob"):
        shutil.copy(team, tmp_path / f"{who}.annotator")
        with Project(tmp_path / f"{who}.annotator", create=False, annotator=who) as p:
            one, two = p.document_ids()
            edits.add_entity(p, one, 0, 11, "PERSON")
            if who == "alice":
                edits.add_entity(p, two, 13, 20, "DATE")
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [tmp_path / "alice.annotator", tmp_path / "bob.annotator"])
    w = open_window(qtbot, team, annotator="vera", pipeline=None)
    try:
        settled(qtbot, lambda: w.documents.proxy.rowCount() == 2)
        w.actions_by_name["agreement"].trigger()
        dlg = w._agreement_window
        qtbot.waitUntil(lambda: dlg.result is not None and not w.workers, timeout=20000)
        lines = [label.text() for label in dlg.tabs.widget(0).findChildren(QLabel)]
        assert "1 document both annotators covered; not compared: 1 document only alice worked on (two.txt)" in lines, (
            lines
        )
        dlg.close()
    finally:
        close_window(w)


def test_file_export_in_a_team_s_project_says_which_set_it_writes_and_writes_the_one_chosen(
    qtbot, tmp_path, monkeypatch
):
    """The Export dialog said nothing of which set it wrote (main, the adjudicated one, alone): a lead could not tell,
    nor export an annotator's own work but by the command line's --set."""
    import json

    from ui.dialogs import export

    team = _team(tmp_path)
    w, dlg = _sets_window(qtbot, team)
    dlg.reject()
    out = tmp_path / "root.json"
    seen: dict[str, object] = {}

    def chosen(self) -> int:  # type: ignore[no-untyped-def]
        box = self.set_box
        seen["items"] = [box.itemText(i) for i in range(box.count())]
        seen["row shown"] = self.layout().labelForField(box) is not None
        box.setCurrentIndex(box.findData("root"))
        seen["note"] = self.undecided_note.text()
        self.path.setText(str(out))
        return 1

    monkeypatch.setattr(export.ExportDialog, "exec", chosen)
    try:
        w.actions_by_name["export"].trigger()
        qtbot.waitUntil(lambda: not w.workers and out.exists())
        assert seen["row shown"] and seen["items"] == [
            "main — the final set: what Review > Adjudicate settled",
            "alice — an annotator's own work (the statuses of her file)",
            "root — an annotator's own work (the statuses of her file)",
        ], seen
        assert w.message.text().startswith(f"Exported to {out} (set 'root'):"), w.message.text()
        docs = json.loads(out.read_text(encoding="utf-8"))
        docs = docs["documents"] if isinstance(docs, dict) else docs
        labels = sorted(e["label"] for d in docs for e in d.get("entities", []))
        assert labels == ["GPE", "PERSON"], labels  # bob's two spans (his copy went in as 'root'); main has none
    finally:
        close_window(w)


def test_the_adjudication_heading_says_the_status_in_words(qtbot, tmp_path):
    team = _team(tmp_path)
    w, dlg = _sets_window(qtbot, team)
    dlg.reject()
    try:
        from annotator import edits

        edits.set_status(w.controller.project, w.controller.doc.id, "in_progress")
        w.controller.reload()
        w.actions_by_name["adjudicate"].trigger()
        adj = w._adjudication_window
        assert adj.heading.text().startswith("one.txt (in progress): "), adj.heading.text()  # was "(in_progress)"
        adj.close()
    finally:
        close_window(w)


def test_shift_and_an_annotator_s_key_takes_her_version_of_every_item_left_in_one_step(qtbot, tmp_path):
    """A reviewer who trusts bob's version of the rest pressed B on each item; Shift+B takes it whole, one step."""
    from annotator.teams.differences import differences

    team = _team(tmp_path)  # one.txt: both have Maria Lopez PERSON, bob ('root') Kabul GPE too
    w, dlg = _sets_window(qtbot, team)
    dlg.reject()
    c = w.controller
    try:
        w.actions_by_name["adjudicate"].trigger()
        adj = w._adjudication_window
        assert "Shift+A / Shift+B: of every item left" in adj.hint.text()
        qtbot.keyClick(adj.tree, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
        assert all(d.decision and d.decision["take"] == "root" for d in differences(c.project, c.doc.id)), [
            d.decision for d in differences(c.project, c.doc.id)
        ]
        assert sorted(e.label for e in c.entities.values() if e.state in ("accepted", "added")) == ["GPE", "PERSON"]
        assert c.undo_stack.count() == 1 and c.undo_stack.undoText() == "Take root's version of every item left"
        assert c.doc.status == "reviewed"
        c.undo_stack.undo()  # whole
        assert not any(d.decision for d in differences(c.project, c.doc.id))
        qtbot.keyClick(adj.tree, Qt.Key.Key_A)  # A alone: the selected item only, as before
        assert sum(1 for d in differences(c.project, c.doc.id) if d.decision) == 1
        adj.close()
    finally:
        close_window(w)


def test_the_export_s_file_name_follows_the_set_chosen(qtbot, tmp_path):
    """Exporting alice's set after main's offered main's file (team.json) to be replaced."""
    from ui.dialogs.export import ExportDialog, ExportOptions

    dlg = ExportDialog(str(tmp_path / "team.json"), None, lambda statuses, aset: (0, 0), ["alice", "bob"])
    try:
        names = []
        for choice in ("alice", "prodigy", "bob", "main", "brat", "alice"):
            if choice in ("prodigy", "brat"):
                dlg.set_format(choice)
            else:
                dlg.set_box.setCurrentIndex(dlg.set_box.findData(choice))
            names.append(dlg.path.text().rsplit("/", 1)[-1])
        assert names == [
            "team.alice.json",
            "team.alice.prodigy.jsonl",
            "team.bob.prodigy.jsonl",
            "team.prodigy.jsonl",
            "team.brat",
            "team.alice.brat",
        ], names
        again = ExportDialog(str(tmp_path / "team.json"), None, lambda statuses, aset: (0, 0), ["alice", "bob"])
        again.fill(ExportOptions("json", str(tmp_path / "team.bob.json"), ["accepted"], None, None, "bob"))
        assert again.path.text().endswith("team.bob.json") and again.set_box.currentData() == "bob"
        again.set_box.setCurrentIndex(again.set_box.findData("main"))  # the export before's name, its set followed
        assert again.path.text().endswith("/team.json"), again.path.text()
        again.close()
    finally:
        dlg.close()
