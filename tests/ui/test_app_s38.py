"""Session 38 (helper s38-app): session 37's Left and a day's work through the window. Each test failed on main."""

from __future__ import annotations

import shutil

import pytest
from test_app_s37 import _two_logins_alike
from test_qa_session36 import _at, _handed_out


def _dialog_said(qtbot, monkeypatch, window, sources, steps=()) -> list[str]:  # type: ignore[no-untyped-def]
    """File > Merge of ``sources`` in ``window``: what its dialog says under the choice, after each of ``steps``
    (callables given the dialog); the dialog then cancelled (nothing merged)."""
    from PySide6.QtWidgets import QDialog

    from ui import merge_files as mf

    said: list[str] = []

    def exec_looking(dlg) -> int:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: dlg.preview is not None)  # the files read in a thread of their own
        said.append(dlg.ahead.text() if dlg.ahead.isVisibleTo(dlg) else "")
        for step in steps:
            step(dlg)
            said.append(dlg.ahead.text() if dlg.ahead.isVisibleTo(dlg) else "")
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(mf.MergeDialog, "exec", exec_looking)
    assert mf.merge_files(window, [str(s) for s in sources]) is None
    return said


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_merge_dialog_says_before_merge_that_two_files_go_into_one_set(qtbot, tmp_path, monkeypatch):
    """Two machines of one login ("ubuntu"): the dialog said nothing; Merge then refused the second file (its set held
    by the first). It says so before Merge, and no more once a set name keeps them apart."""
    from ui_support import close_window, open_window

    team, files = _two_logins_alike(tmp_path)
    w = open_window(qtbot, team, annotator="lead", pipeline=None, size=(1366, 768))
    try:
        said = _dialog_said(qtbot, monkeypatch, w, files, [lambda d: d.files.item(0, 1).setText("alice")])
    finally:
        close_window(w)
    assert said[0] == (
        "machine1.annotator and machine2.annotator both go into set 'ubuntu' and share 1 document (doc1.txt): type a "
        "set name beside one to keep them apart; as chosen, nothing is merged"
    ), said
    assert said[1] == "", said


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_merge_dialog_says_before_merge_that_a_file_replaces_the_set_s_earlier_file(qtbot, tmp_path, monkeypatch):
    """alice's file merged, then her laptop's (another file of the same login): the dialog said nothing of the set's
    earlier file; it names it and what the choice below does with it, and that a file merged before brings its newer
    work."""
    from annotator import edits
    from annotator.store import Project
    from ui.merge_files import merge_files
    from ui_support import close_window, open_window

    team = _handed_out(tmp_path)
    shutil.copy(team, tmp_path / "laptop.annotator")
    with Project(tmp_path / "laptop.annotator", create=False, annotator="alice") as p:
        edits.add_entity(p, p.document_ids()[0], *_at("Berlin"), "GPE")
    w = open_window(qtbot, team, annotator="lead", pipeline=None, size=(1366, 768))
    try:
        assert merge_files(w, [str(tmp_path / "alice.annotator")], ask=False) is not None
        qtbot.waitUntil(lambda: w.message.text().startswith("Merged:"), timeout=20000)
        w.wait_for_workers()
        said = _dialog_said(
            qtbot,
            monkeypatch,
            w,
            [tmp_path / "laptop.annotator"],
            [lambda d: d.held.setCurrentIndex(1), lambda d: d.files.item(0, 1).setText("alice-laptop")],
        )
        again = _dialog_said(qtbot, monkeypatch, w, [tmp_path / "alice.annotator"])
    finally:
        close_window(w)
    assert said[0] == (
        "set 'alice' already holds 1 document of laptop.annotator (doc1.txt) from another file, alice.annotator: as "
        "chosen, nothing is merged"
    ), said
    assert said[1].endswith("from another file, alice.annotator: as chosen, this file's version replaces them")
    assert said[2] == ""  # a set of its own
    assert again == [
        "alice.annotator was merged before as set 'alice' (1 document): its newer work replaces that version"
    ]


@pytest.mark.slow  # a window of its own: ~2 s
@pytest.mark.parametrize("team", [False, True])
def test_the_counts_are_in_sight_at_1366_in_a_team_s_project_and_beside_short_names(qtbot, tmp_path, team):
    """At 1366x768 the list of a team's project (the waiting marker before each status, the Adj column) needed more
    than its 300 px beside a name's floor, and one of short names kept the window's 218 px share: the counts scrolled
    sideways in both (session 37's Left). The dock makes room for them (a team's up to 26 % of the window)."""
    from annotator.cli import main
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from test_look_session37 import _in_sight
    from ui.panels.document_widths import name_floor
    from ui_support import DOC_A, close_window, open_window

    if team:
        path = _handed_out(tmp_path)
        assert main(["merge", str(path), str(tmp_path / "alice.annotator"), str(tmp_path / "bob.annotator")]) == 0
    else:
        path = tmp_path / "p.annotator"
        with Project(path, annotator="setup") as p:
            import_documents(p, [IncomingDocument(DOC_A, "doc1.txt")])
    w = open_window(qtbot, path, pipeline=None, size=(1366, 768))
    try:
        panel = w.side_panels().documents
        qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
        assert panel.table.isColumnHidden(5) is not team  # the Adj column: a team's only
        qtbot.waitUntil(lambda: not _in_sight(panel))  # on main: Ent, Ev, Sug (and Adj) out of sight
        assert panel.table.columnWidth(0) >= name_floor(panel.table)
        assert w.docks["documents"].width() <= 1366 * (26 if team else 22) // 100 + 2
        assert w.view.width() >= 580  # the text keeps some 64 characters a line
    finally:
        close_window(w)


@pytest.mark.slow  # a window of its own: ~2 s
def test_a_read_only_project_of_new_documents_opens_without_an_edit_refused(qtbot, tmp_path):
    """A teammate's file on a read-only medium (here a 0444 file: opened read-only, even by root), its document never
    pre-annotated: the app's own pre-annotation at the open was refused as an edit, and the line read "laptop.annotator
    is open read-only: edits are not possible; nothing was changed" over "Opened read-only", as if the person had
    tried something. The open says it is read-only, and no run is tried (the banner says pre-annotation is off)."""
    import stat

    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import DOC_A, close_window, settled, shown_window

    path = tmp_path / "laptop.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(DOC_A, "doc1.txt")])
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    w = shown_window(qtbot, auto_preannotate=True)
    try:
        assert w.open_project(path)
        settled(qtbot, lambda: not w.after_view_paint.pending)
        assert w.controller.project.read_only
        assert w.message.text() == "Opened read-only: edits are not possible", w.message.text()
        assert not w.workers
    finally:
        close_window(w)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.slow  # a window of its own and a long document: ~4 s
def test_new_documents_are_pre_annotated_when_the_document_opened_first_is_long(qtbot, tmp_path):
    """A project whose first document has more than 5,000 spans (its rows read after its text) and a document never
    pre-annotated: the app's own pre-annotation at the open was refused as an edit ("This document's annotations are
    still being read (0 of 5,100): edits wait until they are all shown; nothing was changed", the person having done
    nothing) and never made. It runs once the rows are read."""
    from annotator.held import ROWS_LATER
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project
    from ui_support import close_window, settled, shown_window

    words = [f"w{k}" for k in range(ROWS_LATER + 200)]
    starts: list[int] = []
    at = 0
    for word in words:
        starts.append(at)
        at += len(word) + 1
    spans = [
        IncomingEntity(k, starts[k], starts[k] + len(words[k]), "PERSON", "added", "human", "a")
        for k in range(ROWS_LATER + 100)
    ]
    path = tmp_path / "p.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(
            p,
            [
                IncomingDocument(" ".join(words), "a_long.txt", entities=spans),
                IncomingDocument("John Smith visited Paris.", "b_new.txt"),
            ],
        )
    refused: list[str] = []
    w = shown_window(qtbot, auto_preannotate=True)
    w.controller.failed.connect(refused.append)
    try:
        assert w.open_project(path)
        settled(qtbot, lambda: not w.after_view_paint.pending)
        qtbot.waitUntil(lambda: w.controller.held.coming is None, timeout=60000)
        qtbot.waitUntil(lambda: not w.preannotating() and not w._needs_preannotation(), timeout=60000)
        w.wait_for_workers()
        assert refused == []
    finally:
        close_window(w)


def test_the_merge_dialog_says_at_most_four_lines_of_many_files_and_the_rest_in_its_tip(qtbot, tmp_path):
    """Twelve files that cannot be read: the dialog grew a line each, past a 768 px screen."""
    from annotator.store import Project
    from annotator.teams.merge_preview import MergePreview, read_source
    from ui.merge_files import AHEAD_LINES, MergeDialog

    team = _handed_out(tmp_path)
    paths = [tmp_path / f"gone{n}.annotator" for n in range(12)]
    with Project(team, create=False, annotator="lead") as p:
        preview = MergePreview(p, [read_source(x) for x in paths])
        dlg = MergeDialog(team.name, [str(x) for x in paths], None, preview)
        qtbot.addWidget(dlg)
        shown = dlg.ahead.text().split("\n")
        assert len(shown) == AHEAD_LINES + 1 and shown[-1] == "… and 8 more (in this text's tip)", shown
        assert len(dlg.ahead.toolTip().split("\n")) == 12
        assert dlg.sizeHint().height() < 700
