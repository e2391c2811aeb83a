"""Session 37 (helper s37-app): session 36's Left and a day's work through the window. Each test failed on main."""

from __future__ import annotations

import shutil

import pytest
from test_qa_session36 import TEXT, _at, _handed_out


@pytest.mark.slow  # a window of its own: ~2 s
def test_a_merge_refusal_s_remedy_is_on_the_status_line_at_1366(qtbot, tmp_path):
    """alice's second machine's file merged onto the set 'alice' from her first file, in a window 1366 wide: the
    refusal named the documents and the other file's whole path first, and its remedy ("Merge again and choose “This
    file's version wins” …") was cut off the line (only in its tooltip). The remedy comes right after the file's name."""
    from annotator import edits
    from annotator.store import Project
    from ui.merge_files import merge_files
    from ui_support import close_window, open_window

    folder = tmp_path / ("a-folder-of-the-team-with-a-long-name-as-people-have-them" * 2)
    folder.mkdir()
    team = _handed_out(folder)
    shutil.copy(team, folder / "laptop.annotator")
    with Project(folder / "laptop.annotator", create=False, annotator="alice") as p:
        edits.add_entity(p, p.document_ids()[0], *_at("Berlin"), "GPE")
    w = open_window(qtbot, team, annotator="lead", pipeline=None, size=(1366, 768))
    try:
        worker = merge_files(w, [str(folder / "alice.annotator")], ask=False)
        assert worker is not None
        qtbot.waitUntil(lambda: w.message.text().startswith("Merged:"), timeout=20000)
        w.wait_for_workers()
        worker = merge_files(w, [str(folder / "laptop.annotator")], ask=False)
        assert worker is not None
        qtbot.waitUntil(lambda: "nothing was merged" in w.message.text(), timeout=20000)
        shown = w.message.shown_text()
        assert shown != w.message.text()  # cut at 1366, as it was
        assert "This file's version wins" in shown, shown  # on main: after the path, cut off
    finally:
        close_window(w)


LONG = (
    "John Smith of the International Bank for Reconstruction and Development of the United Nations visited Paris and "
    "Berlin yesterday"
)


def _long_item_reopened(folder):  # type: ignore[no-untyped-def]
    """As test_qa_session36's ``_reviewed_then_reopened`` with a long ORG all three annotators agree on (its versions'
    cells as wide as the seeds' events): alice's and bob's files merged, rita settles every item (the ORG agreed,
    bob's nothing at Paris), carol's file merged: Paris open again."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.teams import adjudication
    from annotator.teams.differences import differences
    from annotator.teams.merge import merge_projects

    org = LONG.index("the International"), LONG.index(" visited")
    paris = LONG.index("Paris"), LONG.index("Paris") + len("Paris")
    team = folder / "team.annotator"
    with Project(team, annotator="lead") as p:
        doc = import_documents(p, [IncomingDocument(LONG, "doc1.txt")]).imported[0][1]
    for who in ("alice", "bob", "carol"):
        shutil.copy(team, folder / f"{who}.annotator")
        with Project(folder / f"{who}.annotator", create=False, annotator=who) as p:
            edits.add_entity(p, doc, *org, "ORG")
            if who != "bob":
                edits.add_entity(p, doc, *paris, "GPE")
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [folder / "alice.annotator", folder / "bob.annotator"])
        adjudication.take_all_agreed(p, doc, "rita")
        item = next(d for d in differences(p, doc) if d.decision is None)
        adjudication.take(p, item, "bob", "rita")
        merge_projects(p, [folder / "carol.annotator"])
    return team


@pytest.mark.slow  # a window of its own: ~2 s
def test_a_reopened_item_s_decision_cell_is_whole_at_1366_beside_three_annotators_long_versions(qtbot, tmp_path):
    """Seed 001 settled, carol's file merged, Review > Adjudicate at 1366x768: the three annotators' columns took
    the width, and the Decision cell read "open again: was agr" (whole only in its tooltip). The Decision column is
    as wide as its longest cell now (up to a third of the list), the versions sharing what is left."""
    from ui_support import close_window, open_window

    w = open_window(qtbot, _long_item_reopened(tmp_path), annotator="rita", pipeline=None, size=(1366, 768))
    try:
        w.actions_by_name["adjudicate"].trigger()
        dlg = w._adjudication_window
        tree = dlg.tree
        last = tree.columnCount() - 1
        assert last == 6  # Kind, Difference, Text, A, B, C, Decision
        rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        reopened = next(r for r in rows if r.text(last).startswith("open again"))
        needed = tree.fontMetrics().horizontalAdvance(reopened.text(last))
        assert tree.columnWidth(last) >= needed, (tree.columnWidth(last), needed)  # on main: 132 px of some 420
        right = sum(tree.columnWidth(c) for c in range(last + 1))
        assert right <= tree.viewport().width() + 2  # the whole row in sight: nothing scrolled sideways
    finally:
        close_window(w)


def _take_elsewhere(team, words: str, set_name: str, who: str) -> None:  # type: ignore[no-untyped-def]
    """``who`` takes ``set_name``'s version of the item at ``words`` in another program (or the project's other
    window): its own connection."""
    from annotator.store import Project
    from annotator.teams import adjudication
    from annotator.teams.differences import differences

    with Project(team, create=False, annotator=who) as p:
        item = next(d for d in differences(p, p.document_ids()[0]) if d.start == _at(words)[0])
        adjudication.take(p, item, set_name, who)


@pytest.mark.slow  # a window of its own: ~2 s
def test_a_decision_made_in_the_project_s_other_window_is_followed_and_never_overwritten(qtbot, tmp_path):
    """The project open twice (rita's two windows, or rita and a second reviewer), the Adjudication list open in both:
    A on "Paris" in one window, then B on "Paris" in the other before (or after) its poll. The other list went on
    showing "Paris" open ("1 to settle" too), and B took bob's version over alice's: main changed again, the first
    decision overwritten without a word. The poll reads the decisions again; a key on an item decided meanwhile
    decides nothing and says who decided it."""
    from annotator.store import Project
    from annotator.teams.differences import differences
    from test_qa_session36 import _rita_adjudicating_alice_and_bob, _row
    from ui_support import close_window

    team, w, dlg = _rita_adjudicating_alice_and_bob(qtbot, tmp_path)
    try:
        last = dlg.tree.columnCount() - 1
        _take_elsewhere(team, "Paris", "alice", "sam")  # before the window's poll reads it
        steps = w.controller.undo_stack.count()
        dlg.tree.setCurrentItem(_row(dlg, "Paris"))
        qtbot.keyClick(dlg.tree, "b")
        assert w.controller.undo_stack.count() == steps  # on main: bob's nothing taken over sam's decision
        with Project(team, create=False, annotator="check") as p:
            paris = next(d for d in differences(p, p.document_ids()[0]) if d.start == _at("Paris")[0])
        assert paris.decision is not None and paris.decision["take"] == "alice"
        assert _row(dlg, "Paris").text(last) == "alice by sam"
        assert w.message.text() == (
            "sam decided 1 item of this document meanwhile (another window or program): the list is read again "
            "with it; nothing was decided (press the key again)"
        )
        _take_elsewhere(team, "John Smith", "alice", "sam")
        w.controller.check_outside_changes()  # the poll: the list follows, before any key
        assert _row(dlg, "John Smith").text(last) == "alice by sam"  # on main: "" (open)
    finally:
        close_window(w)


def _two_logins_alike(folder):  # type: ignore[no-untyped-def]
    """team.annotator handed out to two people whose machines have the same login ("ubuntu", every edit recorded under
    it): their files, the first with "John Smith" a PERSON, the second with "Paris" a GPE."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    team = folder / "team.annotator"
    with Project(team, annotator="lead") as p:
        doc = import_documents(p, [IncomingDocument(TEXT, "doc1.txt")]).imported[0][1]
    files = []
    for n, words in ((1, "John Smith"), (2, "Paris")):
        files.append(folder / f"machine{n}.annotator")
        shutil.copy(team, files[-1])
        with Project(files[-1], create=False, annotator="ubuntu") as p:
            edits.add_entity(p, doc, *_at(words), "PERSON" if n == 1 else "GPE")
    return team, files


@pytest.mark.slow  # a window of its own: ~2 s
def test_file_merge_names_each_file_s_set_in_its_dialog_as_the_command_line_s_as(qtbot, tmp_path, monkeypatch):
    """Two annotators whose machines share the login "ubuntu": File > Merge named both files' sets 'ubuntu', the second
    refused (its set held by the first), and only the command line's --as could name them. The dialog has a Set name
    cell for each file (blank: named after its annotator); alice and bob typed there are the sets."""
    from PySide6.QtWidgets import QDialog

    from test_qa_session36 import _sets
    from ui import merge_files as mf
    from ui_support import close_window, open_window

    team, files = _two_logins_alike(tmp_path)
    typed = {"machine1.annotator": "alice", "machine2.annotator": " bob "}

    def exec_typing(dlg) -> int:  # type: ignore[no-untyped-def]
        for row in range(dlg.files.rowCount()):  # on main: a list of the files, no set name to type
            name = dlg.files.item(row, 0).text()
            dlg.files.item(row, 1).setText(typed[name.rsplit("/", 1)[-1]])
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(mf.MergeDialog, "exec", exec_typing)
    w = open_window(qtbot, team, annotator="lead", pipeline=None, size=(1366, 768))
    try:
        worker = mf.merge_files(w, [str(f) for f in files])
        assert worker is not None
        qtbot.waitUntil(lambda: w.message.text().startswith("Merged:"), timeout=20000)
        w.wait_for_workers()
        assert w.message.text().startswith(
            "Merged: machine1.annotator as set 'alice' (1 document), machine2.annotator as set 'bob' (1 document)"
        )
    finally:
        close_window(w)
    assert _sets(team) == ["alice", "bob"]


def test_a_file_merged_again_under_another_set_name_is_refused_in_the_app_s_words(qtbot, tmp_path):
    """machine1's file merged as 'alice', then again with 'robert' typed as its set name: the core's refusal names
    --as and `annotator sets --rename`, which the app has not; its line names the dialog's set name and Project >
    Annotation sets…, the remedy first."""
    from ui.merge_files import MergeWorker

    team, files = _two_logins_alike(tmp_path)

    def run(name: str) -> str:
        said: list[str] = []
        worker = MergeWorker(team, [str(files[0])], "lead", False, False, [name])
        worker.done.connect(said.append)
        worker.failed.connect(said.append)
        worker.run()
        return said[0]

    assert run("alice").startswith("Merged: machine1.annotator as set 'alice'")
    refused = run("robert")
    assert refused.startswith(
        "machine1.annotator: nothing was merged, this file went in as set 'alice' at an earlier merge: merge it again "
        "with 'alice' as its set name (or blank), or rename that set 'robert' first (Project > Annotation sets…)"
    ), refused
    assert "--" not in refused


def test_the_merge_dialog_keeps_a_set_name_it_cannot_take_and_says_why(qtbot):
    """'main' typed as a file's set name: the core refused it after the dialog had gone, in the command line's words
    ("give another name with --as NAME"); the dialog stays open and says why."""
    from ui.merge_files import MergeDialog

    dlg = MergeDialog("team.annotator", ["/tmp/x/alice.annotator"])
    qtbot.addWidget(dlg)
    dlg.files.item(0, 1).setText("main")
    dlg.accept()
    assert dlg.result() != dlg.DialogCode.Accepted.value
    assert not dlg.refused.isHidden()
    assert dlg.refused.text().startswith("A set cannot be named 'main'")
    dlg.files.item(0, 1).setText("alice")
    dlg.accept()
    assert dlg.result() == dlg.DialogCode.Accepted.value
    assert dlg.set_names() == ["alice"]


def test_a_key_on_a_suggestion_decided_in_the_project_s_other_window_names_its_words_and_who(
    qtbot, window, project_path
):
    """The project open twice: bob accepted the first suggestion in his window, and X on it in this one (before the
    poll) was refused as "the PERSON span [0, 11) was changed elsewhere (now PERSON [0, 11), accepted)": offsets the
    person never sees, and nothing of who. It names the words and who changed it; nothing is changed, as before."""
    from PySide6.QtCore import Qt

    from annotator import edits
    from annotator.store import Project

    c = window.controller
    c.poll.stop()  # the change arrives between two polls
    ent = next(e for e in c.entities.values() if e.state == "suggested")
    words = c.doc.text[ent.start : ent.end]
    with Project(project_path, create=False, annotator="bob") as p:
        edits.set_entity_state(p, ent.id, "accepted")
    window.edit_actions.select(ent)
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    said = window.message.text()
    assert said.startswith(f"“{words}” ({ent.label}) was changed elsewhere, by bob (now accepted)"), (
        said
    )  # on main: [0, 11)
    assert said.endswith("nothing was changed")
    with Project(project_path, create=False, annotator="check") as p:
        assert next(e for e in p.entities(c.doc.id) if e.id == ent.id).state == "accepted"


def test_a_file_of_several_annotators_merged_in_the_app_says_how_to_name_its_set_in_the_app_s_words(qtbot, tmp_path):
    """A file two people worked in (alice's two rows, bob's one), merged by File > Merge: its report (the line's
    tooltip, the box a click opens) said "named after the annotator of most of its rows, alice (2 of 3; bob 1): --as
    NAME names the set otherwise", the command line's option; it names the dialog's Set name cell."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui.merge_files import MergeWorker

    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        doc = import_documents(p, [IncomingDocument(TEXT, "doc1.txt")]).imported[0][1]
    shared = tmp_path / "shared.annotator"
    shutil.copy(team, shared)
    for who, words in (("alice", "John Smith"), ("alice", "Paris"), ("bob", "Berlin")):
        with Project(shared, create=False, annotator=who) as p:
            edits.add_entity(p, doc, *_at(words), "PERSON" if words == "John Smith" else "GPE")
    said: list[str] = []
    worker = MergeWorker(team, [str(shared)], "lead", False, False)
    worker.done.connect(said.append)
    worker.run()
    assert said[0].startswith("Merged: shared.annotator as set 'alice'")
    assert "named after the annotator of most of its rows, alice (2 of 3; bob 1)" in worker.detail, worker.detail
    assert "--as" not in worker.detail  # on main: "--as NAME names the set otherwise"
    assert "a Set name typed beside the file in File > Merge's dialog names it otherwise" in worker.detail
