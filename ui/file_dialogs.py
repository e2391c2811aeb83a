"""The app's file dialogs (open, open several, save, a folder): Qt's own dialog with an icon provider that tells a
file's kind by its name alone, never by reading it.

Qt's file dialog (and a desktop's native one run in the process) opened every file it listed to tell its kind by
its content (a ".annotator" file is "SQLite database"): the open project and its ``-shm`` too, in the project's
folder. POSIX drops every lock a process holds on a file when any descriptor of it is closed, so the open project's
connection lost its locks (``annotator.fileid.open_here`` says the same of the core's own reads); the next other
program to close the file (`annotator stats`, ``sqlite3``) took itself for its last user and deleted the ``-wal`` and
``-shm`` under the app, whose next edit after another program's write said "the project file was overwritten by
another file while open" and stopped editing (session 25, as a user). Each function has the arguments and the
result of the ``QFileDialog`` function of the same meaning."""

from __future__ import annotations

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QFileSystemModel, QTreeView, QWidget

from ui.project_files import is_project_file

Option = QFileDialog.Option


class NameOnlyIcons(QFileIconProvider):
    """Icons and kinds told from the file's name (its suffix), the file never opened."""

    def __init__(self) -> None:
        super().__init__()
        self._mimes = QMimeDatabase()

    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:  # type: ignore[override]
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        if what.isDir():
            return super().icon(QAbstractFileIconProvider.IconType.Folder)
        mime = self._mimes.mimeTypeForFile(what, QMimeDatabase.MatchMode.MatchExtension)
        return QIcon.fromTheme(mime.iconName(), super().icon(QAbstractFileIconProvider.IconType.File))

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        if is_project_file(info.fileName()):
            return "Annotator project"
        mime = self._mimes.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension)
        return f"{info.suffix()} file" if mime.isDefault() and info.suffix() else mime.comment()


def _dialog(
    parent: QWidget | None, title: str, start: str, filters: str, mode: QFileDialog.FileMode, options: Option | None
) -> QFileDialog:
    dlg = QFileDialog(parent, title, start, filters)
    dlg.setFileMode(mode)
    dlg.setOptions((options or Option(0)) | Option.DontUseNativeDialog)
    icons = NameOnlyIcons()
    dlg.setIconProvider(icons)
    dlg._icons = icons  # type: ignore[attr-defined]  # kept alive as long as the dialog
    _fit_details(dlg)
    return dlg


DETAILS = (1, 2, 3)  # the file list's Size, Type and Date Modified columns
WIDTH = 900  # the dialog's width where the screen has room: a name of 30 characters beside the three whole


def _fit_details(dlg: QFileDialog) -> None:
    """The file list's Size, Type and Date Modified columns fitted to what they show at each folder's listing: at
    Qt's default widths they read "624…KiB" and "Ann…ect" in the Merge dialog at 1366x768."""
    screen = (dlg.parentWidget() or dlg).screen().availableGeometry()
    dlg.resize(max(dlg.width(), min(WIDTH, screen.width() * 2 // 3)), dlg.height())  # the Date Modified in sight too
    tree, files = dlg.findChild(QTreeView, "treeView"), dlg.findChild(QFileSystemModel)
    if tree is not None and files is not None:
        files.directoryLoaded.connect(lambda _folder: [tree.resizeColumnToContents(c) for c in DETAILS])


def _chosen(dlg: QFileDialog) -> list[str]:
    return dlg.selectedFiles() if dlg.exec() else []


def open_file_name(
    parent: QWidget | None, title: str, start: str = "", filters: str = "", options: Option | None = None
) -> tuple[str, str]:
    """One existing file: (its path, the filter chosen), ("", "") when cancelled."""
    dlg = _dialog(parent, title, start, filters, QFileDialog.FileMode.ExistingFile, options)
    paths = _chosen(dlg)
    return (paths[0], dlg.selectedNameFilter()) if paths else ("", "")


def open_file_names(
    parent: QWidget | None, title: str, start: str = "", filters: str = "", options: Option | None = None
) -> tuple[list[str], str]:
    """Existing files: (their paths, the filter chosen), ([], "") when cancelled."""
    dlg = _dialog(parent, title, start, filters, QFileDialog.FileMode.ExistingFiles, options)
    paths = _chosen(dlg)
    return (paths, dlg.selectedNameFilter()) if paths else ([], "")


def existing_directory(parent: QWidget | None, title: str, start: str = "", options: Option | None = None) -> str:
    """An existing folder's path, "" when cancelled."""
    dlg = _dialog(
        parent, title, start, "", QFileDialog.FileMode.Directory, (options or Option(0)) | Option.ShowDirsOnly
    )
    paths = _chosen(dlg)
    return paths[0] if paths else ""


def save_file_name(
    parent: QWidget | None, title: str, start: str = "", filters: str = "", options: Option | None = None
) -> tuple[str, str]:
    """A file to write (asked before one is replaced unless ``options`` has DontConfirmOverwrite): (its path, the
    filter chosen), ("", "") when cancelled."""
    dlg = _dialog(parent, title, start, filters, QFileDialog.FileMode.AnyFile, options)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    paths = _chosen(dlg)
    return (paths[0], dlg.selectedNameFilter()) if paths else ("", "")
