"""Session 39 (helper s39-app): session 38's Left and a day's work through the window. Each test failed on main."""

from __future__ import annotations

import pytest
from test_app_s37 import _two_logins_alike
from test_app_s38 import _dialog_said


def _typing(qtbot, row: int, words: str):  # type: ignore[no-untyped-def]
    """A step of ``_dialog_said``: the Set name cell of ``row`` opened for editing and ``words`` typed into it, key by
    key, the edit left open (neither Enter nor Tab)."""

    def step(dlg) -> None:  # type: ignore[no-untyped-def]
        item = dlg.files.item(row, 1)
        dlg.files.setCurrentItem(item)
        dlg.files.editItem(item)
        editor = dlg.files.indexWidget(dlg.files.indexFromItem(item))
        assert editor is not None
        qtbot.keyClicks(editor, words)

    return step


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_merge_dialog_s_preview_follows_a_set_name_at_each_key(qtbot, tmp_path, monkeypatch):
    """Two machines of one login: "alice" typed in the first file's Set name cell kept the two files apart, but the
    preview under the choice still said they both went into set 'ubuntu' until the edit was committed (Enter, Tab):
    it follows each key, and a name typed back to the other's says so again (session 38's Left)."""
    from ui_support import close_window, open_window

    team, files = _two_logins_alike(tmp_path)
    w = open_window(qtbot, team, annotator="lead", pipeline=None, size=(1366, 768))
    try:
        said = _dialog_said(qtbot, monkeypatch, w, files, [_typing(qtbot, 0, "alice")])
        again = _dialog_said(qtbot, monkeypatch, w, files, [_typing(qtbot, 0, "ali"), _typing(qtbot, 1, "ali")])
    finally:
        close_window(w)
    assert said[0].startswith("machine1.annotator and machine2.annotator both go into set 'ubuntu'"), said
    assert said[1] == "", said  # on main: the first line still, the edit not committed
    assert again[1] == "", again
    assert again[2].startswith("machine1.annotator and machine2.annotator both go into set 'ali'"), again


def _label_studio_task(tmp_path, ground_truth: bool):  # type: ignore[no-untyped-def]
    """A project of one Label Studio task two annotators did (session 38's shape: the first chose Politics, the
    second Travel), the second's marked ground truth (the final set takes it) or not (the final set has nothing)."""
    import json

    from annotator import api

    def region(rid: str, start: int, end: int, label: str) -> dict:
        value = {"start": start, "end": end, "labels": [label]}
        return {"value": value, "id": rid, "from_name": "label", "to_name": "text", "type": "labels"}

    def choice(rid: str, chosen: str) -> dict:
        return {"value": {"choices": [chosen]}, "id": rid, "from_name": "topic", "to_name": "text", "type": "choices"}

    annotations = [
        {"id": 10, "completed_by": 1, "result": [region("a1", 0, 12, "PER"), choice("c1", "Politics")]},
        {"id": 11, "completed_by": 2, "ground_truth": ground_truth, "result": [region("b1", 0, 12, "PER")]},
    ]
    annotations[1]["result"].append(choice("c2", "Travel"))
    task = {"id": 1, "data": {"text": "Barack Obama visited Paris yesterday."}, "annotations": annotations}
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([task]), encoding="utf-8")
    path = tmp_path / "ls.annotator"
    project = api.new_project(path)
    api.import_files(project, [src])
    project.close()
    return path


@pytest.mark.slow  # a window of its own: ~2 s
@pytest.mark.parametrize("ground_truth", [True, False])
def test_categories_shows_each_annotator_s_own_and_whose_the_ticked_ones_are(qtbot, tmp_path, ground_truth):
    """A Label Studio task two annotators did, each with her own choice of the text: the import keeps each one's in her
    set (the exports write them), but Document > Categories… showed only the document's one list (the ground truth's
    Travel ticked, as if nobody had chosen Politics; with no ground truth nothing at all), and did not say whose that
    list was. It names each annotator's own and says the ticked ones are the final set's; a choice made there changes
    the final set's alone (each annotator's own go out as they were)."""
    import json

    from PySide6.QtCore import Qt

    from annotator import api
    from annotator.store import Project
    from ui_support import close_window, open_window, settled

    path = _label_studio_task(tmp_path, ground_truth)
    w = open_window(qtbot, path, annotator="rita", pipeline=None, size=(1366, 768))
    try:
        w.actions_by_name["categories"].trigger()
        dlg = w._categories_dialog
        settled(qtbot, lambda: dlg.isVisible())
        assert dlg.choices.isVisibleTo(dlg)
        assert dlg.choices.text() == (
            "The annotators chose: label-studio user 1 — Politics · label-studio user 2 — Travel"
        )
        assert dlg.whose.text() == "&Categories of the final set (main): what the exports write as the document's"
        ticked = dlg.chosen()
        assert ticked == (["Travel"] if ground_truth else [])
        rows = [dlg.list.item(k).text() for k in range(dlg.list.count())]
        dlg.list.setCurrentRow(rows.index("Politics"))
        qtbot.keyClick(dlg.list, Qt.Key.Key_Space)
        qtbot.keyClick(dlg.list, Qt.Key.Key_Return)
        settled(qtbot, lambda: not dlg.isVisible())
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        api.export(p, tmp_path / "out.json", format="label_studio")
        meta = json.loads(p.db.document_meta(p.document_ids()[0]))
    assert sorted(meta["doccano_categories"]) == sorted(["Politics", *(["Travel"] if ground_truth else [])])
    (task,) = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    got = {
        a.get("completed_by"): [c for r in a["result"] if r["type"] == "choices" for c in r["value"]["choices"]]
        for a in task["annotations"]
    }
    assert got[1] == ["Politics"] and got[2] == ["Travel"]  # each annotator's own as she chose


def _long_project(tmp_path, entities: int):  # type: ignore[no-untyped-def]
    """A project of two documents, the first with ``entities`` added PERSON spans (a book-length text) and a few
    suggestions, the second short."""
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    words = [f"w{k}" for k in range(entities + 50)]
    starts, at = [], 0
    for word in words:
        starts.append(at)
        at += len(word) + 1
    spans = [
        IncomingEntity(k, starts[k], starts[k] + len(words[k]), "PERSON", "added", "human", "a")
        for k in range(entities)
    ]
    spans += [
        IncomingEntity(k, starts[k], starts[k] + len(words[k]), "ORG", "suggested", "spacy", None)
        for k in range(entities, entities + 20)
    ]
    path = tmp_path / "long.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(
            p,
            [
                IncomingDocument(" ".join(words), "000_c508e2d4_the_whole_book.txt", entities=spans),
                IncomingDocument("John Smith visited Paris.", "001_4f1a_short_report.txt"),
            ],
        )
    return path


@pytest.mark.slow  # a window of its own and 12,000 spans: ~4 s
def test_five_digit_counts_stay_in_sight_beside_a_name_at_its_floor_at_1366(qtbot, tmp_path):
    """A document of 12,000 entities: its count (five digits, in bold on the open row) widened the Ent column past the
    room the dock keeps for counts of three digits, and at 1366x768 the counts scrolled sideways out of sight (or the
    name went below its floor: session 38's Left). Counts of four digits and more are shown short ("12k", the exact
    count in the cell's tip), the list still sorted by the counts themselves."""
    from PySide6.QtCore import Qt

    from test_look_session37 import _in_sight
    from ui.panels.document_rows import KEYS
    from ui.panels.document_widths import name_floor
    from ui_support import close_window, open_window

    path = _long_project(tmp_path, 12_000)
    w = open_window(qtbot, path, pipeline=None, size=(1366, 768))
    try:
        panel = w.side_panels().documents
        qtbot.waitUntil(lambda: panel.proxy.rowCount() == 2)
        qtbot.waitUntil(lambda: w.controller.held.coming is None, timeout=60000)
        ent = KEYS.index("entities")
        qtbot.waitUntil(lambda: not _in_sight(panel))  # on main: Ent, Ev, Sug out of sight
        assert panel.table.columnWidth(0) >= name_floor(panel.table)
        assert w.docks["documents"].width() <= 1366 * 22 // 100 + 2
        first = panel.proxy.index(0, ent)
        assert first.data() == "12k"
        assert first.data(Qt.ItemDataRole.ToolTipRole) == "12,020 entities"  # the suggestions among them
        panel.table.sortByColumn(ent, Qt.SortOrder.DescendingOrder)  # by the counts, not their text
        assert [panel.proxy.index(r, 0).data() for r in range(2)][0] == "000_c508e2d4_the_whole_book.txt"
        panel.table.sortByColumn(ent, Qt.SortOrder.AscendingOrder)
        assert [panel.proxy.index(r, 0).data() for r in range(2)][0] == "001_4f1a_short_report.txt"
    finally:
        close_window(w)


def test_a_project_replaced_by_a_teammate_s_copy_while_open_says_what_is_open_is_the_only_copy(
    qtbot, window, project_path, tmp_path, monkeypatch
):
    """A teammate's copy put in place of the open project (copied beside it, then renamed over it, as a sync client
    or `cp x.tmp && mv` does): the bar said "Project file moved: … the project file was replaced by another file while
    open; editing has stopped and everything saved before is in the file; reopen the project to see the file now at
    that name": the person's work was in no file anyone could open (the one replaced has no name left), and reopening
    closed the only copy of it. It says what is open is the only copy, and Save a copy… keeps it."""
    import os
    import shutil
    import sqlite3

    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui import file_dialogs

    theirs = tmp_path / "elsewhere" / "theirs.annotator"
    theirs.parent.mkdir()
    with Project(theirs, annotator="them") as o:
        import_documents(o, [IncomingDocument(f"Their document {k} about Rome.", f"theirs{k}.txt") for k in range(4)])
    c = window.controller
    window.edit_actions.accept_all()  # the person's work, saved
    accepted = sum(e.state == "accepted" for e in c.entities.values())
    assert accepted
    incoming = project_path.with_name("incoming.tmp")
    shutil.copyfile(theirs, incoming)
    os.replace(incoming, project_path)
    c.check_outside_changes()  # the app's poll
    qtbot.waitUntil(lambda: window.moved_bar.isVisible())
    bar = window.moved_bar
    said = bar.text()
    assert bar.title() == "Project file replaced", said
    assert "replaced by another file while open" in said and "only copy" in said, said
    assert "everything saved before is in the file" not in said, said
    assert [b.text() for b in bar.buttons()] == ["&Save a copy… (Alt+S)", "&Keep working here (Alt+K)"]
    copy = tmp_path / "mine.annotator"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(copy), ""))
    bar.save_button.click()
    qtbot.waitUntil(lambda: c.project is not None and c.project.path == copy)
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT count(*) FROM entities WHERE state = 'accepted'").fetchone()[0] >= accepted
    finally:
        conn.close()
    conn = sqlite3.connect(project_path)  # the teammate's file as it came, no log of ours mixed in
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    finally:
        conn.close()


def test_quitting_with_the_only_copy_of_a_replaced_project_open_asks_first(
    qtbot, window, project_path, tmp_path, monkeypatch
):
    """The open project replaced by a teammate's copy (renamed over it): what is open is the only copy of the work
    saved in it, and Ctrl+Q closed it without a word (the bar said to save a copy; a person who had not read it lost
    the work). The close asks first; No (Enter) keeps the window and its Save a copy…."""
    import os
    import shutil

    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui.dialogs import keys

    theirs = tmp_path / "theirs.annotator"
    with Project(theirs, annotator="them") as o:
        import_documents(o, [IncomingDocument("Their document about Rome.", "theirs.txt")])
    c = window.controller
    window.edit_actions.accept_all()
    incoming = project_path.with_name("incoming.tmp")
    shutil.copyfile(theirs, incoming)
    os.replace(incoming, project_path)
    c.check_outside_changes()
    qtbot.waitUntil(lambda: window.moved_bar.isVisible())
    asked: list[str] = []
    monkeypatch.setattr(keys, "ask_yes_no", lambda _parent, title, text: asked.append(f"{title}: {text}") or False)
    window.close()
    assert asked and "only copy" in asked[0] and "Save a copy" in asked[0], asked  # on main: closed, nothing asked
    assert window.isVisible() and c.project is not None
    window.actions_by_name["close_project"].trigger()  # File > Close project asks the same
    assert len(asked) == 2 and c.project is not None
    assert not window.open_project(tmp_path / "theirs.annotator") and len(asked) == 3  # and another opened over it
    assert c.project is not None and c.project.path == project_path


def test_a_project_file_given_to_file_import_is_sent_to_file_merge_in_the_app_s_words(qtbot, tmp_path):
    """A teammate's project file chosen in File > Import files…: "a project file, not an input: bring a colleague's
    project in with 'annotator merge' (as an annotation set), or export it (--format json) and import that", the
    command line's words in the window, which has File > Merge annotators' files… and File > Export."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import close_window, open_window

    path, theirs = tmp_path / "p.annotator", tmp_path / "theirs.annotator"
    for p_, name in ((path, "ours.txt"), (theirs, "theirs.txt")):
        with Project(p_, annotator="setup") as p:
            import_documents(p, [IncomingDocument(f"A text about Paris in {name}.", name)])
    w = open_window(qtbot, path, pipeline=None)
    try:
        w.import_paths([str(theirs)])
        qtbot.waitUntil(lambda: w.message.text().startswith("Import:"), timeout=20000)
        said = w.message.text()
    finally:
        close_window(w)
    assert "theirs.annotator: a project file, not an input" in said, said
    assert "File > Merge annotators' files…" in said and "--format" not in said, said


def _pressing_merge(shown: list[bool]):  # type: ignore[no-untyped-def]
    """A step of ``_dialog_said``: Merge pressed (the Set name cell's edit left open); whether the dialog then said
    its refusal in red goes into ``shown``."""

    def step(dlg) -> None:  # type: ignore[no-untyped-def]
        dlg.accept()
        shown.append(dlg.refused.isVisibleTo(dlg))

    return step


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_merge_dialog_says_a_set_named_main_is_refused_as_it_is_typed(qtbot, tmp_path, monkeypatch):
    """ "main" typed beside a file (the project's final set's name, which a merge refuses): the preview said nothing
    of it (still "both go into set 'ubuntu'" until the edit was committed, then nothing), and only Merge said it, in
    red. The amber line says it at the key that makes it "main", and that nothing will be merged; a key more ("maine")
    takes the line and the red one Merge had shown away (s39-app's Left)."""
    from ui_support import close_window, open_window

    team, files = _two_logins_alike(tmp_path)
    w = open_window(qtbot, team, annotator="lead", pipeline=None, size=(1366, 768))
    refused: list[bool] = []
    try:
        said = _dialog_said(
            qtbot,
            monkeypatch,
            w,
            files,
            [
                _typing(qtbot, 0, "mai"),
                _typing(qtbot, 0, "n"),
                _pressing_merge(refused),
                _typing(qtbot, 0, "e"),
                lambda dlg: refused.append(dlg.refused.isVisibleTo(dlg)),
            ],
        )
    finally:
        close_window(w)
    assert said[1] == "", said  # "mai": a set of its own
    assert said[2] == (  # on main: "" (nothing said until Merge)
        "machine1.annotator: a set cannot be named 'main', the project's final set (Review > Adjudicate settles "
        "into it): type another name beside it or leave it blank; nothing will be merged"
    ), said
    assert said[3] == said[2] and refused[0], (said, refused)  # Merge refused it, in red too
    assert said[4] == "" and refused == [True, False], (said, refused)  # "maine": neither line
