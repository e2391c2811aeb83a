"""Export in every registered format with options, import from another tool, settings, help, context menu."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import DOC_A, when_modal
from ui_helpers import click_char, find
from spacy_support import english_vocab


def run_export(qtbot, window, fmt, out, options=""):  # type: ignore[no-untyped-def]
    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        dlg.set_format(fmt)
        dlg.path.setText(str(out))
        qtbot.keyClicks(dlg.options_edit, options)
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()

    when_modal(fill)
    window.actions_by_name["export"].trigger()
    qtbot.waitUntil(lambda: not window.workers, timeout=30000)


def test_export_dialog_offers_every_registered_writer(qtbot, window):
    from annotator.formats import writers

    def check() -> None:
        dlg = QApplication.activeModalWidget()
        names = [dlg.format.itemData(i) for i in range(dlg.format.count())]
        assert names == list(writers())
        dlg.reject()

    when_modal(check)
    window.actions_by_name["export"].trigger()


def test_export_brat_folder_and_jsonl_with_status_filter(qtbot, window, tmp_path):
    out = tmp_path / "brat_out"
    run_export(qtbot, window, "brat", out)
    anns = sorted(p.name for p in out.iterdir())
    assert any(n.endswith(".ann") for n in anns) and any(n.endswith(".txt") for n in anns)
    assert "Exported" in window.message.text()


def test_export_with_split_option(qtbot, window, tmp_path):
    """The split typed in the dialog splits: two files, every exported document in exactly one, as the CLI does."""
    from annotator.formats import OPTIONS

    assert "split" in OPTIONS["prodigy"]
    out = tmp_path / "exports" / "p.jsonl"
    out.parent.mkdir()
    run_export(qtbot, window, "prodigy", out, "split=train=0.5,dev=0.5; seed=1")
    assert "Exported" in window.message.text(), window.message.text()
    assert sorted(p.name for p in out.parent.iterdir()) == ["p.dev.jsonl", "p.train.jsonl"]
    texts = [
        json.loads(line)["text"]
        for part in ("train", "dev")
        for line in (out.parent / f"p.{part}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(texts) == len(set(texts)) == 3 and DOC_A in texts


def test_export_dialog_states_statuses_and_options_reach_the_writer(qtbot, window, db, tmp_path):
    """What the person ticks and types is what the writer gets: only the states and document statuses ticked,
    and the format's options (a span key of their own)."""
    first = db.document_ids()[0]
    window.view.select_cp(*find(DOC_A, "workers"))
    qtbot.keyClick(window.view, "4")  # the first document is now in progress, with one span added by hand
    assert db.document(first).status == "in_progress"

    def fill(fmt: str, out, options: str = "") -> None:  # type: ignore[no-untyped-def]
        def go() -> None:
            dlg = QApplication.activeModalWidget()
            dlg.set_format(fmt)
            dlg.path.setText(str(out))
            for state, box in dlg.states.items():
                box.setChecked(state == "added")
            for status, box in dlg.statuses.items():
                box.setChecked(status == "in_progress")
            qtbot.keyClicks(dlg.options_edit, options)
            dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()

        when_modal(go)
        window.actions_by_name["export"].trigger()
        qtbot.waitUntil(lambda: not window.workers, timeout=30000)
        assert "Exported" in window.message.text(), window.message.text()

    fill("json", tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    (doc,) = data["documents"]
    assert doc["text"] == DOC_A and doc["status"] == "in_progress"
    assert doc["entities"] and {e["state"] for e in doc["entities"]} == {"added"}

    fill("spacy", tmp_path / "out.spacy", "span_key=picked")
    from spacy.tokens import DocBin

    (sdoc,) = DocBin().from_disk(tmp_path / "out.spacy").get_docs(english_vocab())
    assert "picked" in sdoc.spans and "sc" not in sdoc.spans
    assert [s.text for s in sdoc.spans["picked"]] == ["workers"]


def test_bad_export_option_is_refused_in_the_dialog(qtbot, window, tmp_path):
    seen = {}

    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        dlg.set_format("conll")
        dlg.path.setText(str(tmp_path / "x.conll"))
        dlg.options_edit.setText("nonsense")
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
        seen["error"] = dlg.error.text()
        seen["visible"] = dlg.isVisible()
        dlg.reject()

    when_modal(fill)
    window.actions_by_name["export"].trigger()
    assert "KEY=VALUE" in seen["error"] and seen["visible"]


def test_import_from_another_tool(qtbot, window, db, tmp_path):
    src = tmp_path / "doccano.jsonl"
    src.write_text(
        json.dumps({"text": "Lina Haddad visited Beirut.", "label": [[0, 11, "PERSON"], [20, 26, "GPE"]]}) + "\n",
        encoding="utf-8",
    )

    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        assert dlg.windowTitle() == "Import from another tool"
        dlg.set_format("doccano")
        dlg.path.setText(str(src))
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()

    when_modal(fill)
    window.actions_by_name["import_format"].trigger()
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    assert "doccano" in window.message.text(), window.message.text()
    new_id = db.document_ids()[-1]
    assert db.document(new_id).text == "Lina Haddad visited Beirut."
    assert {e.label for e in db.entities(new_id)} == {"PERSON", "GPE"}
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 4)


def test_settings_dialog_saves_and_applies(qtbot, window, monkeypatch):
    from ui.dialogs.settings import SettingsDialog

    dlg = SettingsDialog(window.settings, window)
    dlg.annotator.setText("reviewer")
    dlg.font_size.setValue(15)
    dlg.snap.setChecked(False)
    dlg.rejected.setChecked(True)
    dlg.save()
    assert window.controller.project.annotator == "reviewer"
    assert window.view.font().pointSize() == 15
    assert window.view.snap_to_tokens is False
    assert window.view.highlighter.show_rejected is True
    assert window.actions_by_name["show_rejected"].isChecked()


def test_rejected_hidden_unless_shown(qtbot, window, db):
    v = window.view
    s, e = find(DOC_A, "Paris")
    click_char(qtbot, v, s)
    ent_id = window.controller.current_entity
    qtbot.keyClick(v, "x")
    assert ent_id not in v.highlighter.items
    window.actions_by_name["show_rejected"].trigger()
    assert ent_id in v.highlighter.items
    assert db.entity(ent_id).state == "rejected"


def test_no_snap_keeps_partial_selection(qtbot, window, db):
    window.settings.set("snap_to_tokens", False)
    v = window.view
    s, e = find(DOC_A, "forces")
    v.select_cp(s, s + 3)
    qtbot.keyClick(v, "4")
    assert any((x.start, x.end) == (s, s + 3) for x in db.entities(db.document_ids()[0]))


def test_shortcuts_help_lists_label_keys(qtbot, window):
    from PySide6.QtWidgets import QTableWidget

    from ui.dialogs.shortcuts import ShortcutsDialog, shortcut_rows

    rows = shortcut_rows(window.controller.schema)
    assert dict(rows)["1"].startswith("Label PERSON") and "Alt+1 … Alt+9" in dict(rows)
    dlg = ShortcutsDialog(window.controller.schema, window)
    qtbot.addWidget(dlg)
    table = dlg.findChild(QTableWidget)
    shown = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert shown == rows  # every key the app has, in the table the person reads
    assert [table.horizontalHeaderItem(c).text() for c in range(2)] == ["Keys", "Does"]


def test_context_menu_labels_selection(qtbot, window, db):
    from ui.menus import build_context_menu

    v = window.view
    s, e = find(DOC_A, "workers")
    v.select_cp(s, e)
    menu = build_context_menu(window)
    label_menu = menu.actions()[0].menu()
    act = next(a for a in label_menu.actions() if a.text().startswith("CARDINAL"))
    act.trigger()
    menu.deleteLater()  # as the right-click lets its menu go (window_flow): left, the window is not a new one
    assert any((x.start, x.end, x.label) == (s, e, "CARDINAL") for x in db.entities(db.document_ids()[0]))


def test_drop_files_imports_them(qtbot, window, db, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    f = tmp_path / "dropped.txt"
    f.write_text("Dropped text about Oslo.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    ev = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(ev)
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    assert db.document(db.document_ids()[-1]).text == "Dropped text about Oslo."
