"""Issue 5, the desktop app's side: a failed edit, undo or redo leaves the undo stack and the view as the FILE is;
a read-only file opens read-only and refuses every edit; export asks once before replacing; changes made by
another connection show up; text never turns into markup; a very large document opens.

Every check reads the project file through a second connection (``db``) or its bytes.
"""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_support import DOC_A, close_window, open_window, pattern_pipeline, window_settled, when_modal
from ui_helpers import entity_rows, find

from annotator import edits
from annotator.fileid import sqlite_uri


# -- helpers -------------------------------------------------------------------------------------------
def file_dump(path: Path) -> str:
    """Everything the file holds (a read-only connection beside the app's own)."""
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def key_for(window, label: str) -> str:  # type: ignore[no-untyped-def]
    return {name: key for key, name in window.edit_actions.label_keys().items()}[label]


def label_word(qtbot, window, word: str, label: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Select ``word`` in document a and press the label's key."""
    s, e = find(DOC_A, word)
    window.view.select_cp(s, e)
    qtbot.keyClick(window.view, key_for(window, label))
    return s, e


def shown_spans(window) -> set[tuple]:  # type: ignore[no-untyped-def]
    """The highlights of the document view, as (id, utf16 start, utf16 end, label, state)."""
    return {(k, *item) for k, item in window.view.highlighter.items.items() if k > 0}


def stored_spans(window, db) -> set[tuple]:  # type: ignore[no-untyped-def]
    """What the view should show according to the file."""
    h, u16 = window.view.highlighter, window.controller.u16
    doc = window.controller.doc.id
    return {
        (e.id, u16.to_utf16(e.start), u16.to_utf16(e.end), e.label, e.state) for e in db.entities(doc) if h._visible(e)
    }


def assert_view_matches_file(window, db) -> None:  # type: ignore[no-untyped-def]
    doc = window.controller.doc.id
    assert shown_spans(window) == stored_spans(window, db)
    assert {e.id: (e.start, e.end, e.label, e.state) for e in window.controller.entities.values()} == {
        e.id: (e.start, e.end, e.label, e.state) for e in db.entities(doc)
    }
    shown_comments = [
        window.comments.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.comments.list.count())
    ]
    assert shown_comments == [c.id for c in db.comments(doc)]


@pytest.fixture
def figures(request):  # type: ignore[no-untyped-def]
    """A dict the test fills with its figures; printed after the test (docs/reliability.md quotes them)."""
    out: dict = {}
    yield out
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if out and reporter is not None:
        reporter.write_line(f"\n[figures] {request.node.name}: " + ", ".join(f"{k}={v}" for k, v in out.items()))


@pytest.fixture
def boxes(monkeypatch):  # type: ignore[no-untyped-def]
    """Message boxes the app opens (non-modal warnings): recorded, never shown."""
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: seen.append((self.windowTitle(), self.text())))
    return seen


def undo(window) -> None:  # type: ignore[no-untyped-def]
    window.actions_by_name["undo"].trigger()


def redo(window) -> None:  # type: ignore[no-untyped-def]
    window.actions_by_name["redo"].trigger()


# -- 1. a failed edit, undo or redo --------------------------------------------------------------------
def test_failed_key_edit_is_not_on_the_stack_and_keeps_redo(qtbot, window, db, boxes, figures):
    """The controller's connection turns read-only (what a file whose permissions change looks like)."""
    c = window.controller
    doc = c.doc.id
    s, e = label_word(qtbot, window, "forces", "NORP")
    added = entity_rows(db, doc)[(s, e)].id
    undo(window)  # a redo step is waiting
    assert added not in {x.id for x in db.entities(doc)}
    assert (c.undo_stack.count(), c.undo_stack.index()) == (1, 0)
    before = file_dump(db.path)
    c.project.db.conn.execute("PRAGMA query_only = 1")
    label_word(qtbot, window, "workers", "NORP")  # fails
    assert "cannot write" in window.message.text() and "attempt to write a readonly database" in window.message.text()
    assert boxes and boxes[-1][0] == "Not saved" and "cannot write" in boxes[-1][1]
    assert file_dump(db.path) == before
    assert (c.undo_stack.count(), c.undo_stack.index()) == (1, 0)  # not pushed; the redo step is still there
    assert c.undo_stack.redoText() == "Add NORP"
    assert_view_matches_file(window, db)
    c.project.db.conn.execute("PRAGMA query_only = 0")
    redo(window)  # the kept redo step works once the file can be written again
    assert entity_rows(db, doc)[(s, e)].id == added
    assert_view_matches_file(window, db)
    undo(window)
    assert (s, e) not in entity_rows(db, doc)
    assert_view_matches_file(window, db)
    figures.update(message=window.message.text().split(": ", 1)[-1])


def fill_disk(window) -> None:  # type: ignore[no-untyped-def]
    conn = window.controller.project.db.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def free_disk(window) -> None:  # type: ignore[no-untyped-def]
    window.controller.project.db.conn.execute("PRAGMA max_page_count = 4294967294")


def add_comment_in_panel(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.comments)
    window.comments.edit.setText(text)
    qtbot.keyClick(window.comments.edit, Qt.Key.Key_Return)


BIG = "x" * 32_000  # a line edit holds up to 32,767 characters; this needs 16 new pages with its log row


def test_full_disk_edit_undo_and_redo(qtbot, window, db, boxes, figures):
    c = window.controller
    doc = c.doc.id
    fill_disk(window)
    before = file_dump(db.path)
    add_comment_in_panel(qtbot, window, BIG)  # 1. the first do fails
    assert "database or disk is full" in window.message.text() and "nothing was changed" in window.message.text()
    assert boxes[-1][0] == "Not saved"
    assert file_dump(db.path) == before and db.comments(doc) == []
    assert c.undo_stack.count() == 0
    assert_view_matches_file(window, db)
    free_disk(window)
    add_comment_in_panel(qtbot, window, BIG)
    comment = db.comments(doc)[0].id
    window.comments.list.setCurrentRow(0)
    qtbot.mouseClick(window.comments.delete, Qt.MouseButton.LeftButton)
    assert db.comments(doc) == [] and (c.undo_stack.count(), c.undo_stack.index()) == (2, 2)

    fill_disk(window)  # 2. undoing the deletion needs the comment and a log row holding it: no room
    before = file_dump(db.path)
    undo(window)
    assert "database or disk is full" in window.message.text()
    assert file_dump(db.path) == before and db.comments(doc) == []
    assert (c.undo_stack.count(), c.undo_stack.index()) == (2, 2)  # the deletion is still the step to undo
    assert c.undo_stack.undoText() == "Delete comment"
    assert_view_matches_file(window, db)
    free_disk(window)
    undo(window)  # the same step, tried again
    assert [x.id for x in db.comments(doc)] == [comment] and c.undo_stack.index() == 1
    undo(window)
    assert db.comments(doc) == [] and c.undo_stack.index() == 0
    assert_view_matches_file(window, db)

    fill_disk(window)  # 3. redoing the addition: no room either
    before = file_dump(db.path)
    redo(window)
    assert "database or disk is full" in window.message.text()
    assert file_dump(db.path) == before and db.comments(doc) == []
    assert (c.undo_stack.count(), c.undo_stack.index()) == (2, 0) and c.undo_stack.redoText() == "Add comment"
    assert_view_matches_file(window, db)
    free_disk(window)
    redo(window)
    redo(window)
    assert db.comments(doc) == [] and c.undo_stack.index() == 2
    undo(window)
    assert [x.id for x in db.comments(doc)] == [comment]
    assert_view_matches_file(window, db)
    figures.update(failures=3, boxes=len(boxes))


@pytest.mark.slow
def test_undo_of_a_step_changed_elsewhere_is_refused_and_dropped(qtbot, window, db, boxes):
    """Another window relabels the span this app added: undo is refused, the step leaves the history,
    the older steps still undo; a failed redo of a stale step is dropped the same way."""
    c = window.controller
    doc = c.doc.id
    paris = find(DOC_A, "Paris")
    window.edit_actions.select(next(x for x in c.entities.values() if (x.start, x.end) == paris))
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # accept the suggestion
    assert entity_rows(db, doc)[paris].state == "accepted"
    s, e = label_word(qtbot, window, "forces", "NORP")
    added = entity_rows(db, doc)[(s, e)].id
    db.annotator = "someone else"
    edits.relabel_entity(db, added, "ORG")
    qtbot.waitUntil(lambda: c.entities[added].label == "ORG")  # the poll noticed
    assert_view_matches_file(window, db)
    before = file_dump(db.path)
    undo(window)
    assert "changed elsewhere" in window.message.text() and "removed from the undo history" in window.message.text()
    assert not boxes  # a refusal, not a failure to save
    assert file_dump(db.path) == before
    assert (c.undo_stack.count(), c.undo_stack.index()) == (1, 1) and c.undo_stack.undoText() == "Accept suggestion"
    assert_view_matches_file(window, db)
    undo(window)  # the older step is still fine
    assert entity_rows(db, doc)[paris].state == "suggested" and entity_rows(db, doc)[(s, e)].label == "ORG"
    assert_view_matches_file(window, db)
    # redo of a step whose rows changed meanwhile: refused and dropped
    edits.reject_entity(db, entity_rows(db, doc)[paris].id)
    qtbot.waitUntil(lambda: c.entities[entity_rows(db, doc)[paris].id].state == "rejected")
    redo(window)
    assert "changed elsewhere" in window.message.text()
    assert c.undo_stack.count() == 0
    assert entity_rows(db, doc)[paris].state == "rejected"
    assert_view_matches_file(window, db)


# -- 2. a read-only project file -----------------------------------------------------------------------
@pytest.fixture
def read_only_window(qtbot, project_path, tmp_path):  # type: ignore[no-untyped-def]
    project_path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # what the core opens read-only, even for root
    w = open_window(qtbot, project_path)
    yield w
    close_window(w)
    project_path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_file_opens_with_a_notice_and_refuses_every_edit(
    qtbot, read_only_window, project_path, boxes, tmp_path, figures
):
    w = read_only_window
    c = w.controller
    assert c.project.read_only
    assert "[read-only]" in w.windowTitle()
    assert w.read_only_banner.isVisible() and "Read-only" in w.read_only_banner.text()
    assert w.read_only_banner.textFormat() == Qt.TextFormat.PlainText
    disabled = [
        n
        for n in (
            "import_files",
            "import_folder",
            "import_format",
            "preannotate",
            "accept_all",
            "new_event",
            "annotated",
            "reviewed",
        )
        if not w.actions_by_name[n].isEnabled()
    ]
    assert len(disabled) == 8
    assert w.actions_by_name["export"].isEnabled()
    digest = file_digest(project_path)
    ent = next(iter(c.entities.values()))
    attempts = []
    said: set[str] = set()  # one refusal, one sentence (the controller's): an import's and a key's were two

    def refused(what: str) -> None:
        assert "read-only" in w.message.text(), (what, w.message.text())
        assert file_digest(project_path) == digest, what
        assert c.undo_stack.count() == 0, what
        attempts.append(what)
        said.add(w.message.text())
        w.message.setText("")

    label_word(qtbot, w, "forces", "NORP")
    refused("label key")
    w.edit_actions.select(ent)
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    refused("accept key")
    qtbot.keyClick(w.view, "x")
    refused("reject key")
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    refused("delete key")
    w.edit_actions.select(ent)
    qtbot.keyClick(w.view, key_for(w, "ORG"))
    refused("relabel key")
    w.edit_actions.select(ent)
    qtbot.keyClick(w.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    refused("resize key")
    add_comment_in_panel(qtbot, w, "a note")
    refused("comment")
    w.edit_actions.accept_all()
    refused("accept all")
    w.mark_annotated_and_next()
    refused("mark annotated")
    (tmp_path / "new.txt").write_text("Some new text.", encoding="utf-8")
    w.import_paths([str(tmp_path / "new.txt")])
    assert not w.workers
    refused("import")
    w.preannotate(only_new=False)
    assert not w.workers
    refused("pre-annotate")
    assert not boxes  # refusals are messages in the status bar, not a dialog per key
    assert said == {f"{project_path.name} is open read-only: edits are not possible; nothing was changed"}
    assert {e.id: e for e in c.entities.values()} == {e.id: e for e in c.project.entities(c.doc.id)}
    assert_view_matches_file(w, c.project)
    figures.update(refused=len(attempts))


# -- 3. export asks once before replacing ----------------------------------------------------------------
def snapshot(path: Path) -> dict[str, bytes]:
    if path.is_file():
        return {".": path.read_bytes()}
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", ["json", "brat"])
def test_export_asks_once_before_replacing(qtbot, window, tmp_path, monkeypatch, fmt, figures):
    from PySide6.QtWidgets import QApplication

    from ui import file_dialogs

    out = tmp_path / ("out.json" if fmt == "json" else "brat_out")
    if fmt == "json":
        out.write_text("the old export", encoding="utf-8")
    else:
        out.mkdir()
        (out / "old.txt").write_text("old text", encoding="utf-8")
        (out / "old.ann").write_text("T1\tPERSON 0 3\told\n", encoding="utf-8")
    old = snapshot(out)
    file_dialog_options = []
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def save_name(*a, **k):  # type: ignore[no-untyped-def]
        file_dialog_options.append(k.get("options"))
        return str(out), ""

    def ask(box):  # type: ignore[no-untyped-def]
        assert box.textFormat() == Qt.TextFormat.PlainText
        asked.append(box.text())
        return answer[0]

    monkeypatch.setattr(file_dialogs, "save_file_name", save_name)
    monkeypatch.setattr(QMessageBox, "exec", ask)

    def export_once() -> None:
        def fill() -> None:
            dlg = QApplication.activeModalWidget()
            dlg.set_format(fmt)
            qtbot.mouseClick(dlg.browse_button, Qt.MouseButton.LeftButton)
            dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
            if dlg.isVisible():  # "No": the dialog stays open for another name; give up
                dlg.reject()

        when_modal(fill)
        window.actions_by_name["export"].trigger()
        qtbot.waitUntil(lambda: not window.workers)

    export_once()  # "No": the old export is untouched, nothing started
    assert len(asked) == 1 and str(out) in asked[0] and "already exists" in asked[0]
    assert ("folder" if fmt == "brat" else "file") in asked[0]
    assert snapshot(out) == old
    assert "Exported" not in window.message.text()
    answer[0] = QMessageBox.StandardButton.Yes
    export_once()  # "Yes": asked once more, then replaced
    assert len(asked) == 2
    qtbot.waitUntil(lambda: "Exported" in window.message.text())
    new = snapshot(out)
    assert new != old
    if fmt == "json":
        assert "Maria Lopez met John Smith" in new["."].decode("utf-8")
    else:
        assert "old.txt" not in new and any(k.endswith(".ann") for k in new)
    # the file dialog's own question is off, so the person is asked exactly once per export
    assert all(o is not None and o & file_dialogs.Option.DontConfirmOverwrite for o in file_dialog_options)
    figures.update(questions=len(asked))


# -- 4. another process changes the open project -----------------------------------------------------------
@pytest.mark.slow
def test_changes_by_another_connection_are_shown_without_losing_the_place(qtbot, window, db, figures):
    """A second connection (what `annotator preannotate`/another window does) relabels, deletes, comments,
    marks the document and pre-annotates a new one: the app shows all of it at the next poll, keeps the
    caret, selection and scroll position, and its undo of a step changed meanwhile is refused cleanly."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.preannotate import preannotate

    c = window.controller
    doc = c.doc.id
    long_text = "\n".join(f"Line {i}: Maria Lopez met John Smith in Paris." for i in range(400))
    import_documents(db, [IncomingDocument(long_text, "long.txt")])
    preannotate(db, pattern_pipeline())
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 4)
    long_id = db.document_ids()[-1]
    window.open_document(long_id)
    doc, text = long_id, long_text
    s, e = find(text, "met", 200)
    window.view.select_cp(s, e)
    qtbot.keyClick(window.view, key_for(window, "NORP"))
    mine = entity_rows(db, doc)[(s, e)].id
    bar = window.view.verticalScrollBar()
    target = entity_rows(db, doc)[find(text, "Paris", 300)]
    window_settled(qtbot, window)  # the panels filled and laid out (a narrower view re-wraps the lines)
    window.edit_actions.select(target)
    scrolled = bar.value()
    assert scrolled > 0
    caret = window.view.textCursor().position()
    first = window.view.firstVisibleBlock().blockNumber()
    assert window.view.viewport().rect().contains(window.view.cursorRect().center())

    db.annotator = "cli"
    edits.relabel_entity(db, mine, "ORG")
    edits.delete_entity(db, entity_rows(db, doc)[find(text, "John Smith", 5)].id)
    edits.add_comment(db, doc, "checked from the command line")
    edits.set_status(db, doc, "annotated")
    import_documents(db, [IncomingDocument("Acme Corp hired Maria Lopez.", "cli.txt")])
    preannotate(db, pattern_pipeline(), only_new=True)
    qtbot.waitUntil(lambda: c.entities[mine].label == "ORG")
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 5)
    assert_view_matches_file(window, db)
    assert window.comments.list.count() == 1 and "command line" in window.comments.list.item(0).text()
    assert "annotated" in window.title.text()
    assert c.current_entity == target.id  # the selection survives
    assert window.view.textCursor().position() == caret  # no jump to the top: the caret stays in view
    assert window.view.viewport().rect().contains(window.view.cursorRect().center())
    # Qt lays out long documents lazily, so the scroll value may drift by a line as more blocks are measured
    assert abs(bar.value() - scrolled) <= 3 and abs(window.view.firstVisibleBlock().blockNumber() - first) <= 2
    undo(window)  # my NORP span was relabelled meanwhile
    assert "changed elsewhere" in window.message.text()
    assert entity_rows(db, doc)[(s, e)].label == "ORG" and c.undo_stack.count() == 0
    assert_view_matches_file(window, db)


# -- 5. text is never markup -----------------------------------------------------------------------------------
H = "<b>bold</b><img src=x>"
HTML_SCHEMA = f'''
[schema]
name = "html"
description = "{H} schema"

[[entity]]
name = "PER"
description = "<i>x</i> {H} person"
color = "#c4a0f4"
key = "p"

[[entity]]
name = "PLACE"
description = "{H} place"
color = "#70dcf4"
key = "l"

[[attribute]]
name = "mood"
description = "How it felt (a first line without markup)\\n{H} mood"
values = ["{H}", "plain"]

[[event]]
name = "Meet"
description = "{H} meeting"
triggers = ["met"]
  [[event.role]]
  name = "Who"
  labels = ["PER"]
  multiplicity = "one_or_more"
  description = "{H} who"
'''
HTML_TEXT = f"{H} met Ann in <i>Rome</i> & said &lt;hi&gt; <script>alert(1)</script>."


def rendered(tip: str) -> str:
    """What a tooltip shows: Qt takes it as rich text when Qt.mightBeRichText says so."""
    from PySide6.QtGui import Qt as GuiQt, QTextDocument

    doc = QTextDocument()
    if GuiQt.mightBeRichText(tip):
        doc.setHtml(tip)
    else:
        doc.setPlainText(tip)
    return doc.toPlainText()


def test_markup_in_data_is_shown_literally_everywhere(qtbot, tmp_path, figures):
    from PySide6.QtCore import QAbstractItemModel, QModelIndex
    from PySide6.QtWidgets import QLabel, QListWidget, QTableWidget, QWidget

    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
    from annotator.schema import parse_schema
    from annotator.store import Project
    from ui.dialogs.event_type import EventTypeDialog

    path = tmp_path / "<b>bold<img src=x>.annotator"  # a file name cannot hold "/"
    ann = f"{H} Ann"
    s_ann = HTML_TEXT.index("Ann")
    s_rome = HTML_TEXT.index("<i>Rome</i>")
    with Project(path, schema=parse_schema(HTML_SCHEMA), annotator=ann) as p:
        import_documents(
            p,
            [
                IncomingDocument(
                    HTML_TEXT,
                    f"{H}.txt",
                    entities=[
                        IncomingEntity(1, 0, len(H), "PER", annotator=ann),
                        IncomingEntity(2, s_ann, s_ann + 3, "PER"),
                        IncomingEntity(3, s_rome, s_rome + 11, "PLACE", state="suggested", source=H),
                    ],
                    events=[IncomingEvent("Meet", len(H) + 1, len(H) + 4, {"mood": H}, [("Who", 1), ("Who", 2)], ann)],
                    comments=[{"text": f"{H} comment", "author": ann}],
                )
            ],
        )
        doc_id = p.document_ids()[0]
        edits.add_comment(p, doc_id, f"second {H}")
    w = open_window(qtbot, path)
    w.settings.set("annotator", ann)
    c = w.controller
    assert c.doc.text == HTML_TEXT and w.view.toPlainText() == HTML_TEXT
    ev = next(iter(c.events))
    w.controller.select_event(ev)  # the event editor shows type, trigger, attribute and the role fillers
    w.edit_actions.select(c.entities[min(c.entities)])
    window_settled(qtbot, w)

    # every label that shows data is plain text
    labels = [lab for lab in w.findChildren(QLabel) if "<b>" in lab.text()]
    assert labels, "the title at least shows the document name"
    assert all(lab.textFormat() == Qt.TextFormat.PlainText for lab in labels), [
        lab.text() for lab in labels if lab.textFormat() != Qt.TextFormat.PlainText
    ]

    # every tooltip that shows data shows it literally
    tips: list[str] = []

    def walk_model(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> None:
        for r in range(model.rowCount(parent)):
            for col in range(model.columnCount(parent)):
                i = model.index(r, col, parent)
                for role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DisplayRole):
                    v = model.data(i, role)
                    if isinstance(v, str) and "bold" in v:
                        (tips if role == Qt.ItemDataRole.ToolTipRole else cells).append(v)

    cells: list[str] = []
    for model in (w.entities.model, w.documents.model):
        walk_model(model)

    def walk_items(widget) -> None:  # type: ignore[no-untyped-def]
        items = (
            [widget.item(i) for i in range(widget.count())]
            if isinstance(widget, QListWidget)
            else [widget.item(r, k) for r in range(widget.rowCount()) for k in range(widget.columnCount())]
        )
        for it in items:
            if it is not None and "bold" in it.toolTip():
                tips.append(it.toolTip())
            if it is not None and "bold" in it.text():
                cells.append(it.text())

    for widget in w.findChildren(QListWidget) + w.findChildren(QTableWidget):
        walk_items(widget)
    for widget in w.findChildren(QWidget):
        if "bold" in widget.toolTip():
            tips.append(widget.toolTip())
    tips.append(w.view.tooltip_at(1))
    tips.append(w.view.tooltip_at(s_rome + 1))
    picker = EventTypeDialog(c.schema, "met", w)
    walk_items(picker.findChild(QListWidget))
    assert all(lab.textFormat() == Qt.TextFormat.PlainText for lab in picker.findChildren(QLabel) if "<" in lab.text())
    picker.deleteLater()
    assert len(tips) >= 5, tips
    for tip in tips:
        shown = rendered(tip)
        assert "<b>bold</b>" in shown or "<i>x</i>" in shown or "<i>Rome</i>" in shown, (tip, shown)
        assert "&lt;" not in shown.replace("&lt;hi&gt;", ""), (tip, shown)
    # table and list cells hold the literal text (item views draw DisplayRole as plain text)
    assert any(f"{H} comment" in x for x in cells) and any(f"{H}.txt" in x for x in cells)
    assert any(x == H for x in cells)  # the span text in the entity table
    w.controller.close_project()
    figures.update(plain_labels=len(labels), tooltips=len(tips), cells=len(cells))


# -- 6. very large documents ------------------------------------------------------------------------------------
@pytest.mark.slow
def test_very_large_documents_open_or_are_refused_clearly(qtbot, tmp_path, figures):
    """5 MB of news-like paragraphs and a 5,000,000-character single line open (the line is shown broken at
    spaces, same length and offsets); a 660,000-character run without a space is refused with a message.
    (The 50 MB figures come from a one-off script: docs/reliability.md.)"""
    import time

    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    line = "Maria Lopez met John Smith in Paris on Monday, and NATO forces attacked Tal Abyad on Friday. "
    paragraphs = "\n".join([line * 3] * 17_700)[:5_000_000]
    one_line = (line * 53_200)[:5_000_000]
    unbroken = "東京で会議が開かれた。" * 60_000
    last = one_line.rindex("Paris")
    path = tmp_path / "big.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(
            p,
            [
                IncomingDocument(paragraphs, "paragraphs.txt"),
                IncomingDocument(one_line, "one-line.txt", entities=[IncomingEntity(1, last, last + 5, "GPE")]),
                IncomingDocument(unbroken, "unbroken.txt"),
            ],
        )
        ids = p.document_ids()
    w = open_window(qtbot, path)
    c, v = w.controller, w.view
    timings = {}
    assert c.doc.id == ids[0]
    assert v.toPlainText() == paragraphs
    t = time.perf_counter()
    w.open_document(ids[1])
    QApplication.processEvents()
    timings["one_line_open_s"] = round(time.perf_counter() - t, 2)
    shown = v.toPlainText()
    assert len(shown) == len(one_line) and shown.replace("\n", " ") == one_line and "\n" in shown
    assert v.document().blockCount() > 400  # no line longer than about 10,000 characters for Qt to lay out
    gpe = next(iter(c.entities))
    assert v.highlighter.items[gpe][:2] == (c.u16.to_utf16(last), c.u16.to_utf16(last + 5))
    s, e = one_line.rindex("Tal Abyad"), one_line.rindex("Tal Abyad") + 9  # label near the end, by keys
    v.select_cp(s, e)
    qtbot.keyClick(v, key_for(w, "GPE"))
    assert entity_rows(c.project, ids[1])[(s, e)].label == "GPE"
    t = time.perf_counter()
    w.open_document(ids[2])
    QApplication.processEvents()
    timings["refused_s"] = round(time.perf_counter() - t, 2)
    assert v.toPlainText() == "" and "660,000 characters without a space" in v.placeholderText()
    assert "not shown" in w.message.text()
    qtbot.keyClick(v, "e")  # keys do nothing on a document that is not shown
    assert c.undo_stack.count() == 1
    w.open_document(ids[0])
    assert v.toPlainText() == paragraphs and v.placeholderText() == ""
    w.controller.close_project()
    figures.update(**timings)


def test_not_saved_dialog_is_decided_by_the_error_type(window, boxes):
    """Rewording a message never turns the dialog on or off: a SaveError is "not saved", a refusal is not."""
    from annotator.errors import SaveError, ValidationError

    window.controller.report_failure(SaveError("the disk said no"))
    assert boxes and boxes[-1] == ("Not saved", "the disk said no")
    shown = len(boxes)
    window.controller.report_failure(ValidationError("this could not be saved: cannot write, read-only, is damaged"))
    assert len(boxes) == shown and "cannot write" in window.message.text()
