"""The Adjudication and Agreement windows: differences listed, settled by keys, undone by the app's undo stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget
from ui_support import close_window, open_window

TEXT = "Acme Corp hired Mary in Washington"


def _at(words: str) -> tuple[int, int]:
    s = TEXT.index(words)
    return s, s + len(words)


@pytest.fixture
def team_path(tmp_path: Path) -> Path:
    """One document, two annotators' sets: alice and bob agree on Mary, differ on Acme (boundary), Washington (label)."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "team.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(TEXT, "t.txt")]).imported[0][1]
        for name, spans in (
            ("alice", [("Acme Corp", "ORG"), ("Mary", "PERSON"), ("Washington", "GPE")]),
            ("bob", [("Acme", "ORG"), ("Mary", "PERSON"), ("Washington", "LOC")]),
        ):
            p.annotation_set, p.annotator = name, name
            for words, label in spans:
                edits.add_entity(p, doc, *_at(words), label)
    return path


@pytest.fixture
def team_window(qtbot, team_path):  # type: ignore[no-untyped-def]
    w = open_window(qtbot, team_path, annotator="vera", pipeline=None)
    yield w
    close_window(w)


@pytest.fixture
def file_db(team_path):  # type: ignore[no-untyped-def]
    from annotator.store import Project

    p = Project(team_path, create=False)
    yield p
    p.close()


def _main(db) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from annotator.teams.sets import human_spans

    return [(TEXT[s.start : s.end], s.label) for s in human_spans(db, db.document_ids()[0], "main")]


def _select(dlg, words: str) -> None:  # type: ignore[no-untyped-def]
    s, e = _at(words)
    d = next(d for d in dlg.diffs if d.start <= s and e <= d.end)
    dlg.select(d.id)


def test_review_menu_opens_adjudication(qtbot, team_window, file_db):
    w = team_window
    assert "Review" in [a.text().replace("&", "") for a in w.menuBar().actions()]
    w.actions_by_name["adjudicate"].trigger()
    dlg = w._adjudication_window
    assert dlg.isVisible() and dlg.sets == ["alice", "bob"]
    assert [(d.status, TEXT[d.start : d.end]) for d in dlg.diffs] == [
        ("boundary", "Acme Corp"),
        ("same", "Mary"),
        ("label", "Washington"),
    ]
    assert dlg.tree.columnCount() == 6 and dlg.tree.headerItem().text(3) == "A: alice"
    assert "ORG “Acme”" in dlg.tree.topLevelItem(0).text(4)  # bob's version, side by side


def test_keys_settle_and_undo_redo(qtbot, team_window, file_db):
    w = team_window
    w.actions_by_name["adjudicate"].trigger()
    dlg = w._adjudication_window
    qtbot.keyClick(dlg.tree, "g")  # all agreed
    assert _main(file_db) == [("Mary", "PERSON")]
    _select(dlg, "Acme Corp")
    qtbot.keyClick(dlg.tree, "b")  # bob's boundary
    assert _main(file_db) == [("Acme", "ORG"), ("Mary", "PERSON")]
    _select(dlg, "Acme Corp")
    qtbot.keyClick(dlg.tree, "a")  # changed mind: alice's
    assert _main(file_db) == [("Acme Corp", "ORG"), ("Mary", "PERSON")]
    assert w.view.toPlainText() == TEXT and any(e.label == "ORG" for e in w.controller.entities.values())
    # undo in the main window takes the last decision back; the list follows
    w.controller.undo_stack.undo()
    assert _main(file_db) == [("Acme", "ORG"), ("Mary", "PERSON")]
    assert next(d for d in dlg.diffs if d.status == "boundary").decision["take"] == "bob"
    w.controller.undo_stack.redo()
    assert _main(file_db) == [("Acme Corp", "ORG"), ("Mary", "PERSON")]
    # the last one: keep both labels; the document becomes reviewed, decided by vera
    _select(dlg, "Washington")
    qtbot.keyClick(dlg.tree, "+")
    doc = file_db.document_ids()[0]
    assert sorted(_main(file_db)) == [
        ("Acme Corp", "ORG"),
        ("Mary", "PERSON"),
        ("Washington", "GPE"),
        ("Washington", "LOC"),
    ]
    assert file_db.document(doc).status == "reviewed"
    assert w.controller.doc.status == "reviewed"
    assert {r["annotator"] for r in file_db.change_log(doc) if r["action"] == "adjudicate"} == {"vera"}
    assert all(d.settled for d in dlg.diffs) and "0 to settle" in dlg.heading.text()
    assert w.controller.undo_stack.undoText() == "Keep both spans"
    w.controller.undo_stack.undo()
    assert file_db.document(doc).status == "in_progress"


def test_both_refused_for_agreed_and_edit_puts_selection(qtbot, team_window, file_db):
    w = team_window
    w.actions_by_name["adjudicate"].trigger()
    dlg = w._adjudication_window
    errors = []
    w.controller.failed.connect(errors.append)
    _select(dlg, "Mary")
    qtbot.keyClick(dlg.tree, "+")
    assert errors and "only for entity spans" in errors[0]
    assert _main(file_db) == []
    _select(dlg, "Washington")
    qtbot.keyClick(dlg.tree, "e")
    assert w.view.selection_cp() == _at("Washington")
    assert next(d for d in dlg.diffs if d.status == "label").decision["take"] == "edit"


def test_agreement_window(qtbot, team_window):
    w = team_window
    w.actions_by_name["agreement"].trigger()
    dlg = w._agreement_window
    qtbot.waitUntil(lambda: dlg.result is not None)  # worked out in a worker
    assert dlg.tabs.count() == 1 and dlg.tabs.tabText(0) == "alice vs bob"
    labels = [x.text() for x in dlg.tabs.widget(0).findChildren(QLabel)]
    assert "1 document both annotators covered" in labels, labels  # it said "1 documents" (session 10)
    table = dlg.tabs.widget(0).findChild(QTableWidget)
    rows = {(table.item(r, 0).text(), table.item(r, 1).text()): r for r in range(table.rowCount())}
    r = rows[("Entity spans (exact)", "overall")]
    # alice 3, bob 3, 1 exact match (Mary): F1 = 2/6
    assert [table.item(r, k).text() for k in (2, 3, 6)] == ["3", "3", "0.333"]
    assert table.item(rows[("Entity spans (overlap)", "overall")], 6).text() == "0.667"


def test_each_version_reads_whole_in_the_adjudication_list(qtbot, tmp_path):
    """At 1366x768 the annotators' columns were 100 px each, cut to 'GPE “Moscow” …', with half the window
    empty right of them: the columns fit their text, the versions share the room left."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    text = "The Russian Ministry of Foreign Affairs met the Export-Import Bank of Korea in Washington"
    path = tmp_path / "wide.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "t.txt")]).imported[0][1]
        for name, label in (("alice", "ORG"), ("bob", "GPE")):
            p.annotation_set, p.annotator = name, name
            for words in ("The Russian Ministry of Foreign Affairs", "the Export-Import Bank of Korea"):
                s = text.index(words)
                edits.add_entity(p, doc, s, s + len(words), label)
            if name == "alice":  # an event: its version lists every attribute, wider than the window's share
                edits.add_event(p, doc, "Contact:Meet", text.index("met"), text.index("met") + 3)
    w = open_window(qtbot, path, annotator="vera", pipeline=None, size=(1366, 740))
    try:
        w.actions_by_name["adjudicate"].trigger()
        dlg = w._adjudication_window
        qtbot.waitUntil(dlg.isVisible)
        tree = dlg.tree
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            if item.text(0) != "entity":
                continue
            for col in (2, 3, 4):
                assert tree.columnWidth(col) > tree.fontMetrics().horizontalAdvance(item.text(col)), item.text(col)
        header = tree.header()
        for col in (3, 4):  # both versions side by side, in sight without scrolling; an elided one whole in its tip
            assert header.sectionViewportPosition(col) + tree.columnWidth(col) <= tree.viewport().width()
        event = next(
            tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(0) == "event"
        )
        assert "genericity" in event.toolTip(3)
        assert dlg.width() <= 1366
    finally:
        close_window(w)


def test_one_difference_is_said_as_one_item(qtbot, tmp_path):
    """The heading said '1 items, 1 to settle'."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "team.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(TEXT, "t.txt")]).imported[0][1]
        for name in ("alice", "bob"):
            p.annotation_set, p.annotator = name, name
            edits.add_entity(p, doc, *_at("Mary"), "PERSON")
    w = open_window(qtbot, path, annotator="vera", pipeline=None)
    try:
        w.actions_by_name["adjudicate"].trigger()
        assert ": 1 item, 1 to settle; sets A = alice, B = bob" in w._adjudication_window.heading.text()
    finally:
        close_window(w)


def test_both_is_on_only_where_two_versions_can_be_kept(qtbot, team_window):
    """Session 25 (s25-qab), seed 002 by alice and bob: Both (+) was on for every row, "same" ones too, and pressed
    there said in red "Both versions can be kept only for entity spans that differ". It follows the row now: on for
    Acme (boundaries) and Washington (labels), off for Mary (the same); + on Mary still says why."""
    w = team_window
    w.actions_by_name["adjudicate"].trigger()
    dlg = w._adjudication_window
    both = dlg.buttons["both"]
    _select(dlg, "Mary")
    assert dlg.current().status == "same" and not both.isEnabled()
    _select(dlg, "Washington")
    assert both.isEnabled()
    _select(dlg, "Acme")
    assert both.isEnabled()
