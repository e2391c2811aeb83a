"""s37-look: the app's file dialog (Qt's own) shows a file's size and kind whole: at 1366x768 the Merge dialog's
file list read "624…KiB" and "Ann…ect" (its columns at Qt's default widths)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QTreeView


def test_the_file_dialog_shows_each_file_s_size_and_kind_whole(qtbot, tmp_path):
    from ui.file_dialogs import _dialog

    for name in ("alice.annotator", "bob.annotator"):
        (tmp_path / name).write_bytes(b"\0" * 638_976)  # "624.0 KiB"
    dlg = _dialog(
        None, "Merge", str(tmp_path), "Annotator projects (*.annotator)", QFileDialog.FileMode.ExistingFiles, None
    )
    qtbot.addWidget(dlg)
    with qtbot.waitExposed(dlg):
        dlg.show()
    tree = dlg.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 2)
    for col in (1, 2):  # Size, Type
        qtbot.waitUntil(lambda col=col: tree.columnWidth(col) >= tree.sizeHintForColumn(col))
