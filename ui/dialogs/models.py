"""Project > Models…: the project's trained model versions as ``annotator models PROJECT`` lists them (when, from how
many documents, held-out scores), the one pre-annotation uses, and a switch to another version or back to the
original pipeline (``versions.set_default``, through ``training.make_default``: as the command line's ``--default``
and Settings' "This project's model"). A project copied without its models folder says so, and its versions left
behind cannot be chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from annotator.about import pipeline_in_use
from annotator.learn.kept_models import kept_for
from annotator.learn.report import version_cells
from annotator.learn.versions import default_version, left_behind_message, list_versions, setting_choice
from annotator.nlp import DEFAULT_PIPELINE, pipeline_meta
from ui import theme as themes

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_face import WindowFace

COLUMNS = (
    "Model",
    "Trained (UTC)",
    "Documents",
    "Held out",
    "Entity F1",
    "Trigger F1",
    "Argument F1",
    "Compared with",
    "Default",
)
ORIGINAL_ROW = None  # the row's data: None for the original pipeline, else the version's number
PRESENT = Qt.ItemDataRole.UserRole + 1  # whether the row's model is there to be chosen (not left behind)


def _note(color: str = "") -> QLabel:
    label = QLabel("")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if color:
        label.setStyleSheet(f"color: {color}")
    return label


class ModelsDialog(QDialog):
    def __init__(self, window: "WindowFace") -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window_face = window
        project = window.controller.project
        assert project is not None  # open_models refuses first
        self.project = project
        self.setWindowTitle(f"Models of {project.path.name}")
        self.in_use = _note()  # what pre-annotation runs now, and why
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.overridden = _note(themes.current().muted)
        self.left_behind = _note(themes.current().error)
        self.kept = _note(themes.current().muted)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._follow_selection)
        self.table.itemDoubleClicked.connect(lambda _item: self.use_selected())
        self.said = _note()  # what the last switch did (the status line's words, kept in sight here)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.use = QPushButton("&Use for pre-annotation")
        buttons.addButton(self.use, QDialogButtonBox.ButtonRole.ActionRole)
        self.use.clicked.connect(self.use_selected)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (self.in_use, self.overridden, self.left_behind, self.kept, self.table, self.said):
            lay.addWidget(w)
        lay.addWidget(buttons)
        self.refresh()
        self.said.setVisible(bool(self.said.text()))
        self.use.setDefault(True)  # Enter on a row: use it; Escape closes
        self.table.setFocus()
        self._fit()

    def _fit(self) -> None:
        """As wide as the table's columns need, within the screen; as tall as the wrapped notes take at that width
        (sized by its hint, the dialog stood with an empty band under the first line at 1920x1080)."""
        screen = self.window_face.screen().availableGeometry() if self.window_face.screen() else None
        width = self.table.horizontalHeader().length() + 2 * self.table.frameWidth() + 40
        width = min(width, (screen.width() if screen else 1366) - 80)
        self.resize(width, self.layout().totalHeightForWidth(width))

    def refresh(self) -> None:
        """Everything read again: the versions, the default, what pre-annotation uses (after a switch, or another
        program's)."""
        project = self.project
        setting = self.window_face.settings.pipeline or ""
        used = pipeline_in_use(project, setting)
        self.in_use.setText(f"Pre-annotation uses: {used.line()}" + (f"\n{used.path}" if used.path else ""))
        model, number = setting_choice(setting)
        self.overridden.setText(
            f"Settings' spaCy pipeline is {setting.strip()!r}: pre-annotation uses it in place of the project's "
            "default chosen here (Settings, Ctrl+, changes it)"
            if (model, number) != (None, None)
            else ""
        )
        self.overridden.setVisible(bool(self.overridden.text()))
        missing = left_behind_message(project)
        self.left_behind.setText(missing)
        self.left_behind.setVisible(bool(missing))
        kept = kept_for(project)
        self.kept.setText(
            f"A model trained while the project was moved or deleted is kept aside: {kept[0]} (Settings > This "
            "project's model attaches it)"
            if kept
            else ""
        )
        self.kept.setVisible(bool(kept))
        infos = list_versions(project)
        default = default_version(project)
        self.table.setRowCount(1 + len(infos))
        original = pipeline_meta(DEFAULT_PIPELINE)
        base = f"{original.name} {original.version}" if original is not None else DEFAULT_PIPELINE
        left_default = default is not None and default in {v.version for v in infos if not v.present}
        state = "default" if default is None else ("used: the default is left behind" if left_default else "")
        self._fill_row(0, ORIGINAL_ROW, [f"The original pipeline ({base})"] + ["–"] * 7 + [state], True)
        for row, v in enumerate(infos, start=1):
            c = version_cells(v)
            state = ", ".join(
                s for s, on in (("default", c.default), ("left behind: folder missing", not c.present)) if on
            )
            name = f"Version {c.version}" + (" (a quick try)" if c.quick else "")
            cells = [name, c.created, str(c.documents), c.held_out, c.entity_f1, c.trigger_f1, c.argument_f1]
            self._fill_row(row, c.version, cells + [c.compared_with or "–", state], c.present)
        if not infos:
            self.said.setText(
                "No trained versions yet: Project > Train suggestions… learns one from the annotated and reviewed "
                "documents"
            )
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + sum(self.table.rowHeight(r) for r in range(min(self.table.rowCount(), 8)))
            + 2 * self.table.frameWidth()
        )
        at = next((r for r in range(self.table.rowCount()) if self._row_version(r) == default), 0)
        self.table.selectRow(at)
        self._follow_selection()

    def _fill_row(self, row: int, version: int | None, cells: list[str], present: bool) -> None:
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, version)
            if 1 < col < 7:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(PRESENT, present)
            if not present:  # listed, greyed, and Use off for it (selectable: its row and Use's tooltip say why)
                item.setForeground(QColor(themes.current().muted))
                item.setToolTip("Left behind: its folder is not beside the project file (the note above says where)")
            self.table.setItem(row, col, item)

    def _row_version(self, row: int) -> int | None:
        item = self.table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def selected_version(self) -> tuple[bool, int | None]:
        """(a row is selected that can be chosen, its version: None for the original pipeline)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False, None
        item = self.table.item(rows[0].row(), 0)
        return bool(item.data(PRESENT)), item.data(Qt.ItemDataRole.UserRole)

    def _follow_selection(self) -> None:
        choosable, version = self.selected_version()
        read_only = self.project.read_only
        already = choosable and version == default_version(self.project)
        self.use.setEnabled(choosable and not already and not read_only)
        self.use.setToolTip(
            "The project is open read-only: its default cannot be changed here"
            if read_only
            else "Left behind: its folder is not beside the project file (the note above says where)"
            if version is not None and not choosable
            else "This one is already the project's default"
            if already
            else "Make it the project's default for pre-annotation, as 'annotator models --default' does "
            "(Project > Pre-annotate all documents then uses it)"
        )

    def use_selected(self) -> None:
        """The selected version (or the original pipeline) becomes the project's default, as Settings and
        ``annotator models --default`` make it; the window shows what was done."""
        from ui.dialogs.training import make_default

        choosable, version = self.selected_version()
        if not choosable or not self.use.isEnabled():
            return
        make_default(self.window_face, version)
        self.refresh()
        self.said.setText(self.window_face.message.text())
        self.said.show()
        self._fit()


def open_models(window: "WindowFace") -> None:
    """Project > Models…: the window, modal; refused in the status line without a project."""
    if window.controller.project is None:
        window.show_error("Open a project first")
        return
    dlg = ModelsDialog(window)
    dlg.exec()
    dlg.deleteLater()  # the window's child until deleted
    window.back_to_text()
