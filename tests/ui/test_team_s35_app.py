"""Session 35 (helper s35-team): the team's small losses s35-qa wrote down (docs/teams.md). Each test failed on main.

- An adjudication key kept while another program writes left its row undecided in the list: a click back on it and A
  kept a second decision of the same item, and the later one changed the first once both were saved.
- Project > Annotation sets… counted each set's documents and those worked on, not how many each annotator finished
  (marked annotated in her file): only ``annotator stats --set NAME`` said it.
- A merge (the command line's) into the open project: the list and the counts followed the file, and nothing said a
  merge had come, into which set, on which documents."""

from __future__ import annotations

import sqlite3

import pytest

TEAM_TEXT = "Acme Corp hired Mary in Washington on Monday"


def _team_project(path):  # type: ignore[no-untyped-def]
    """alice and bob differ on Washington and Monday, agree on Mary."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    def at(words: str) -> tuple[int, int]:
        s = TEAM_TEXT.index(words)
        return s, s + len(words)

    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(TEAM_TEXT, "t.txt")]).imported[0][1]
        for name, spans in (
            ("alice", [("Mary", "PERSON"), ("Washington", "GPE"), ("Monday", "DATE")]),
            ("bob", [("Mary", "PERSON")]),
        ):
            p.annotation_set, p.annotator = name, name
            for words, label in spans:
                edits.add_entity(p, doc, *at(words), label)


def _decisions(path) -> tuple[int, dict[str, str | None]]:  # type: ignore[no-untyped-def]
    """What the file holds: the adjudication rows of the change log, and each item's decision by its words."""
    from annotator.fileid import sqlite_uri
    from annotator.store import Project
    from annotator.teams.differences import differences

    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        rows = conn.execute("SELECT count(*) FROM change_log WHERE action LIKE 'adjudicate%'").fetchone()[0]
    finally:
        conn.close()
    with Project(path, annotator="check") as p:
        doc = p.document_ids()[0]
        taken = {
            TEAM_TEXT[d.start : d.end]: (d.decision or {}).get("take") for d in differences(p, doc, ["alice", "bob"])
        }
    return rows, taken


@pytest.mark.slow  # a window of its own: ~2 s
def test_an_adjudication_key_kept_while_another_program_writes_shows_its_row_waiting_and_a_second_key_is_refused(
    qtbot, tmp_path
):
    from ui_support import close_window, let_go_and_land, locked, open_window

    path = tmp_path / "team.annotator"
    _team_project(path)
    w = open_window(qtbot, path, annotator="vera", pipeline=None)
    try:
        c = w.controller
        w.actions_by_name["adjudicate"].trigger()
        dlg = w._adjudication_window
        texts = [dlg.tree.topLevelItem(i).text(2) for i in range(dlg.tree.topLevelItemCount())]
        washington = texts.index("Washington")
        dlg.tree.setCurrentItem(dlg.tree.topLevelItem(washington))
        other = locked(path)  # bob's merge of a second file, under way
        try:
            qtbot.keyClick(dlg.tree, "a")  # alice's Washington: kept
            assert c.edits_waiting() == 1
            row = dlg.tree.topLevelItem(washington)
            decision = row.text(dlg.tree.columnCount() - 1)
            assert "being saved" in decision, decision  # on main: "" (undecided)
            assert dlg.tree.currentItem().text(2) == "Monday"  # on to the next item left, once
            assert "3 items, 2 to settle" in dlg.heading.text(), dlg.heading.text()  # Washington counted decided
            dlg.tree.setCurrentItem(row)  # a click back on it
            qtbot.keyClick(dlg.tree, "b")  # bob's nothing, over the kept decision: refused
            assert c.edits_waiting() == 1  # on main: 2
            assert "is kept already" in w.message.text(), w.message.text()
        finally:
            let_go_and_land(qtbot, c, other)
        qtbot.waitUntil(lambda: "being saved" not in dlg.tree.topLevelItem(washington).text(dlg.tree.columnCount() - 1))
        assert dlg.tree.topLevelItem(washington).text(dlg.tree.columnCount() - 1) != ""  # alice's, saved
    finally:
        close_window(w)
    assert _decisions(path) == (1, {"Mary": None, "Washington": "alice", "Monday": None})  # on main: 2 rows, bob's


TEXTS = [("one.txt", "Maria Lopez met officials in Kabul."), ("two.txt", "Rain fell on Tuesday.")]


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_annotation_sets_window_counts_the_documents_each_annotator_finished_as_stats_set_does(qtbot, tmp_path):
    import shutil

    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.stats import project_stats
    from annotator.store import Project
    from annotator.teams.merge import merge_projects
    from ui_support import close_window, open_window

    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument(t, n) for n, t in TEXTS])
    for name, finished in (("alice", 2), ("bob", 1)):  # alice marked both annotated, bob one (the other in progress)
        shutil.copy(team, tmp_path / f"{name}.annotator")
        with Project(tmp_path / f"{name}.annotator", create=False, annotator=name) as p:
            for k, doc in enumerate(p.document_ids()):
                edits.add_entity(p, doc, 0, 4, "PERSON")
                if k < finished:
                    edits.set_status(p, doc, "annotated")
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [tmp_path / "alice.annotator", tmp_path / "bob.annotator"])
        said = {n: project_stats(p, n)["documents_by_status"] for n in ("main", "alice", "bob")}
    assert [said[n].get("annotated", 0) for n in ("main", "alice", "bob")] == [0, 2, 1]  # what stats --set says
    w = open_window(qtbot, team, annotator="vera", pipeline=None)
    try:
        w.actions_by_name["annotation_sets"].trigger()
        dlg = w._sets_dialog
        qtbot.waitUntil(lambda: dlg.worker is None and dlg.table.rowCount() == 3)
        t = dlg.table
        heads = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
        assert "Finished" in heads  # on main: no such column
        col = heads.index("Finished")
        shown = {t.item(r, 0).text(): t.item(r, col).text() for r in range(t.rowCount())}
        assert shown == {"main": "0", "alice": "2", "bob": "1"}
    finally:
        close_window(w)


@pytest.mark.slow  # a window of its own: ~2 s
def test_a_merge_another_program_makes_into_the_open_project_is_said_naming_its_set_and_documents(qtbot, tmp_path):
    import shutil

    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.teams.merge import merge_projects
    from ui_support import close_window, open_window

    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument(t, n) for n, t in TEXTS])
    shutil.copy(team, tmp_path / "carol.annotator")
    with Project(tmp_path / "carol.annotator", create=False, annotator="carol") as p:
        edits.add_entity(p, p.document_ids()[0], 0, 11, "PERSON")
        edits.set_status(p, p.document_ids()[0], "annotated")
    w = open_window(qtbot, team, annotator="vera", pipeline=None)
    try:
        c = w.controller
        assert c.doc is not None and c.doc.name == "one.txt"
        c.check_outside_changes()  # nothing came: nothing said
        assert "merge" not in w.message.text()
        with Project(team, create=False, annotator="lead") as p:  # annotator merge, from another program
            merge_projects(p, [tmp_path / "carol.annotator"])
        c.check_outside_changes()  # the poll (each second)
        said = w.message.text()
        assert "A merge came in by lead" in said, said  # on main: nothing said
        assert "set 'carol' on 1 document: one.txt (open: read again)" in said, said
        w.show_note("")
        c.check_outside_changes()  # said once: the next poll reads nothing new
        assert w.message.text() == ""
    finally:
        close_window(w)
