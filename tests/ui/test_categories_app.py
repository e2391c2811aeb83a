"""The app shows a document's categories (a text classification's labels the doccano, Prodigy, Label Studio and
DocBin imports keep) beside its status, and Document > Categories… (Ctrl+Shift+C) changes them by keyboard, one
command on the undo stack; until session 14 the app did not show them at all."""

from __future__ import annotations

import orjson
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from ui_support import close_window, open_window, settled


def _project(tmp_path):  # type: ignore[no-untyped-def]
    from annotator.categories import CATEGORIES
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "cats.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(
            p,
            [
                IncomingDocument("Rates rose again.", "a.txt", meta={CATEGORIES: ["ECONOMY"]}),
                IncomingDocument("Paris won the cup.", "b.txt", meta={"cats": {"SPORT": 1.0, "CITY": 0.0}}),
            ],
        )
    return path


def _title(w) -> str:  # type: ignore[no-untyped-def]
    """The line above the text: name and status, then the categories (in the room left, after them)."""
    assert w.categories_shown.isVisible() == bool(w.categories_shown.full_text)
    return f"{w.title.full_text}  {w.categories_shown.full_text}".strip()


def _stored(path, name: str) -> dict:  # type: ignore[no-untyped-def]
    from annotator.store import Project

    with Project(path, create=False) as p:
        (doc_id,) = [d for d in p.document_ids() if p.document(d).name == name]
        return p.document(doc_id).meta


def test_the_categories_show_beside_the_status_and_change_by_keyboard_with_undo(qtbot, tmp_path):
    path = _project(tmp_path)
    w = open_window(qtbot, path, annotator="vera", pipeline=None)
    try:
        c = w.controller
        assert c.doc.name == "a.txt"
        assert _title(w) == "a.txt  —  new  —  categories: ECONOMY"
        qtbot.keyClick(w.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        settled(qtbot, lambda: getattr(w, "_categories_dialog", None) is not None)
        dlg = w._categories_dialog
        settled(qtbot, lambda: dlg.isVisible())
        items = [dlg.list.item(k) for k in range(dlg.list.count())]
        assert [(i.text(), i.checkState() == Qt.CheckState.Checked) for i in items] == [
            ("ECONOMY", True),
            ("SPORT", False),
            ("CITY", False),
        ]
        settled(qtbot, lambda: QApplication.focusWidget() is dlg.list)  # the keys go to the list first
        qtbot.keyClick(dlg.list, Qt.Key.Key_Space)  # ECONOMY off
        qtbot.keyClick(dlg.list, Qt.Key.Key_Down)
        qtbot.keyClick(dlg.list, Qt.Key.Key_Space)  # SPORT on
        qtbot.keyClick(dlg.list, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the new category's box
        assert QApplication.focusWidget() is dlg.new
        qtbot.keyClicks(dlg.new, "Markets")
        qtbot.keyClick(dlg.new, Qt.Key.Key_Return)  # added, ticked; the dialog stays
        assert dlg.isVisible() and dlg.chosen() == ["SPORT", "Markets"]
        qtbot.keyClick(dlg.new, Qt.Key.Key_Return)  # the box empty: OK
        settled(qtbot, lambda: not dlg.isVisible())
        assert _title(w) == "a.txt  —  in progress  —  categories: SPORT, Markets"
        assert _stored(path, "a.txt")["doccano_categories"] == ["SPORT", "Markets"]
        assert c.undo_stack.undoText() == "Categories: SPORT, Markets"
        w.activateWindow()  # as the window manager does when the dialog goes (offscreen: by hand)
        settled(qtbot, lambda: QApplication.activeWindow() is w)
        qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert _title(w) == "a.txt  —  new  —  categories: ECONOMY"
        assert _stored(path, "a.txt")["doccano_categories"] == ["ECONOMY"]
    finally:
        close_window(w)


def test_spacy_cats_that_apply_are_shown_and_cancel_changes_nothing(qtbot, tmp_path):
    path = _project(tmp_path)
    w = open_window(qtbot, path, annotator="vera", pipeline=None)
    try:
        w.controller.open_document(w.controller.project.document_ids()[1])
        assert _title(w) == "b.txt  —  new  —  categories: SPORT"  # CITY's 0.0: it does not apply
        w.actions_by_name["categories"].trigger()
        dlg = w._categories_dialog
        dlg.list.item(2).setCheckState(Qt.CheckState.Checked)
        qtbot.keyClick(dlg.list, Qt.Key.Key_Escape)
        settled(qtbot, lambda: not dlg.isVisible())
        assert not w.controller.undo_stack.canUndo()
        assert orjson.dumps(_stored(path, "b.txt")) == orjson.dumps({"cats": {"SPORT": 1.0, "CITY": 0.0}})
    finally:
        close_window(w)


def test_a_category_stays_offered_when_no_document_has_it_any_more(qtbot, tmp_path):
    # the dialog offered the categories the documents had: one unticked on its last document vanished and had to be
    # typed again, and an option a Prodigy choice offered but nobody chose was never offered
    from annotator.categories import CATEGORIES
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "kept.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(
            p,
            [
                IncomingDocument("Rates rose again.", "a.txt", meta={CATEGORIES: ["ECONOMY"]}),
                IncomingDocument("Rain all week.", "b.txt", meta={"prodigy": {"options": [{"id": "WEATHER"}]}}),
            ],
        )
    w = open_window(qtbot, path, annotator="vera", pipeline=None)

    def offered() -> list[tuple[str, bool]]:
        w.actions_by_name["categories"].trigger()
        dlg = w._categories_dialog
        settled(qtbot, lambda: dlg.isVisible())
        items = map(dlg.list.item, range(dlg.list.count()))
        return [(i.text(), i.checkState() == Qt.CheckState.Checked) for i in items]

    def ok() -> None:
        dlg = w._categories_dialog
        qtbot.keyClick(dlg.new, Qt.Key.Key_Return)  # the box empty: OK
        settled(qtbot, lambda: not dlg.isVisible())

    try:
        assert w.controller.doc.name == "a.txt"
        assert offered() == [("ECONOMY", True), ("WEATHER", False)]  # Prodigy's offered option, though unchosen
        qtbot.keyClicks(w._categories_dialog.new, "Markets")
        qtbot.keyClick(w._categories_dialog.new, Qt.Key.Key_Return)  # typed, ticked
        ok()
        assert _stored(path, "a.txt")[CATEGORIES] == ["ECONOMY", "Markets"]
        assert offered() == [("ECONOMY", True), ("WEATHER", False), ("Markets", True)]
        qtbot.keyClick(w._categories_dialog.list, Qt.Key.Key_Space)  # ECONOMY off: a.txt was its only document
        qtbot.keyClick(w._categories_dialog.list, Qt.Key.Key_End)
        qtbot.keyClick(w._categories_dialog.list, Qt.Key.Key_Space)  # Markets off: its only document too
        ok()
        assert CATEGORIES not in _stored(path, "a.txt")
        assert offered() == [("ECONOMY", False), ("WEATHER", False), ("Markets", False)]  # still the project's
        qtbot.keyClick(w._categories_dialog.list, Qt.Key.Key_Escape)
    finally:
        close_window(w)


def test_the_categories_a_schema_declares_are_offered_before_any_document_has_one(qtbot, tmp_path):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.schema import parse_schema
    from annotator.store import Project

    schema = parse_schema(
        '[[entity]]\nname = "ORG"\n\n[[category]]\nname = "economy"\n\n[[category]]\nname = "sport"\n'
    )
    path = tmp_path / "declared.annotator"
    with Project(path, schema=schema, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Rates rose again.", "a.txt")])
    w = open_window(qtbot, path, annotator="vera", pipeline=None)
    try:
        w.actions_by_name["categories"].trigger()
        dlg = w._categories_dialog
        settled(qtbot, lambda: dlg.isVisible())
        assert [dlg.list.item(k).text() for k in range(dlg.list.count())] == ["economy", "sport"]
        qtbot.keyClick(dlg.list, Qt.Key.Key_Space)  # economy ticked
        qtbot.keyClick(dlg.new, Qt.Key.Key_Return)  # the box empty: OK
        settled(qtbot, lambda: not dlg.isVisible())
        assert _stored(path, "a.txt") == {"doccano_categories": ["economy"]}
    finally:
        close_window(w)


def test_the_note_says_what_is_true_once_the_first_category_is_added(qtbot, tmp_path):
    # seen under Xvfb: "No document of the project has a category yet. ..." stayed after a category was typed and
    # added with Enter, beside the ticked category it denied
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "none.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Rates rose again.", "a.txt")])
    w = open_window(qtbot, path, annotator="vera", pipeline=None)

    def note() -> str:  # the dialog's wrapped note below the boxes (the labels above and the error are one line; the
        # annotators' choices above the list show in a team's project only)
        (how,) = [label.text() for label in dlg.findChildren(QLabel) if label.wordWrap() and label.isVisibleTo(dlg)]
        return how

    try:
        w.actions_by_name["categories"].trigger()
        dlg = w._categories_dialog
        settled(qtbot, lambda: dlg.isVisible())
        assert dlg.list.count() == 0
        assert note() == "The project has no category yet: type one in New category above and press Enter to add it."
        settled(qtbot, lambda: QApplication.focusWidget() is dlg.new)  # nothing to tick: the keys go to the box
        qtbot.keyClicks(dlg.new, "Markets")
        qtbot.keyClick(dlg.new, Qt.Key.Key_Return)  # added, ticked
        assert dlg.isVisible() and dlg.chosen() == ["Markets"]
        assert note() == (
            "Space ticks or unticks the category under the cursor; a new one typed in New category above is added with "
            "Enter. Delete takes the category under the cursor off the project's list."
        )
        assert "no category" not in note()
        qtbot.keyClick(dlg.new, Qt.Key.Key_Escape)
        settled(qtbot, lambda: not dlg.isVisible())
    finally:
        close_window(w)
