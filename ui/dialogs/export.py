"""Export: a format from the core's writer registry, a file, which states (of entities and events) and statuses; in a
team's project, which annotation set (``main``, the adjudicated one, or an annotator's, as ``export --set`` does)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.fileid import refuse_project_folder, refuse_project_target
from annotator.formats import OPTIONS
from annotator.formats.registry import FORMATS, export_formats, shown_name
from annotator.model import DEFAULT_SET, STATES, STATUSES
from ui import file_dialogs
from ui import theme as themes
from ui.dialogs.keys import (
    ask_yes_no,
    buddy_label,
    example_row,
    fit_options_hints,
    options_and_error_rows,
    options_hint,
    show_example,
)
from ui.widget_tools import plain_label

# from the core's format records: each format's file name ending, and the formats that write a folder
SUFFIX = {f.name: f.suffix for f in export_formats()}
FOLDER_FORMATS = {f.name for f in export_formats() if f.folder}
# (entity, event) suggestions nobody decided, by statuses and annotation set (None: the project's, main)
Undecided = Callable[[list[str] | None, str | None], tuple[int, int]]


def set_choice(name: str) -> str:
    """How the Set box names a set: what ``main`` is (the adjudicated one) beside the annotators' own."""
    if name == DEFAULT_SET:
        return f"{DEFAULT_SET} — the final set: what Review > Adjudicate settled"
    return f"{name} — an annotator's own work (the statuses of her file)"


def undecided_note(counts: tuple[int, int], written: bool, apart: bool, entities_only: bool = False) -> str:
    """What an export does with the suggestions nobody decided (``counts``: entities, events), as the Export dialog
    says it before the export: left out (``written`` False: "suggested" unticked), kept apart as suggestions (a
    format that keeps them apart: JSON, JSONL, Label Studio), or written as annotations a training tool takes for
    decisions (a format that has no state: brat, CoNLL, spaCy...); "" when there are none. A format that holds
    entities alone (``entities_only``: CoNLL, Hugging Face) counts no event: it writes none."""
    counts = (counts[0], 0) if entities_only else counts
    if not any(counts):
        return ""
    if entities_only:
        what = f"{counts[0]:,} entity suggestion{'' if counts[0] == 1 else 's'} nobody decided"
    else:
        what = f"{counts[0]:,} entity and {counts[1]:,} event suggestions nobody decided"
    if not written:
        return f"{what} are left out (“suggested” is unticked)."
    if apart:
        return f"{what} go in as suggestions, apart from the decided annotations."
    return f"{what} go in as annotations: untick “suggested” to leave them out."


def parse_options(text: str) -> dict[str, str]:
    """``"split=train=0.8,dev=0.2; seed=3"`` -> {"split": "train=0.8,dev=0.2", "seed": "3"} (';' separates)."""
    out: dict[str, str] = {}
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise AnnotatorError(f"an option is KEY=VALUE, not {part!r}")
        k, v = part.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def ask_replace(parent: QWidget | None, path: str) -> bool:
    """Ask once before an export replaces an existing file or folder; True to go on (the name shown as plain text)."""
    target = Path(path)
    what = "folder" if target.is_dir() else "file"
    return ask_yes_no(parent, "Replace export?", f"The {what} {target} already exists.\nReplace it with this export?")


@dataclass
class ExportOptions:
    format: str
    path: str
    states: list[str]
    statuses: list[str] | None
    options: dict[str, str] | None = None
    annotation_set: str | None = None  # None: the project's (main)


class ExportDialog(QDialog):
    """``undecided``: counts the suggestions nobody decided in the documents of the statuses chosen (None: every
    status), for the note under the choices (it was said only after the export, by the command line alone).
    ``sets``: the project's annotation sets; with an annotator's among them (a team's project) a Set row chooses which
    is exported, ``main`` first (session 33: the dialog said nothing of which it wrote, and wrote main alone)."""

    def __init__(
        self,
        default_path: str = "",
        parent: QWidget | None = None,
        undecided: Undecided | None = None,
        sets: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export annotations")
        self.format = QComboBox()
        for f in export_formats():  # every format the core offers: the name users know, the id as the item's data
            self.format.addItem(f.shown, f.name)
        self.path = QLineEdit(default_path)
        # a path is read whole, as in the import dialog: about fifty characters
        self.path.setMinimumWidth(self.path.fontMetrics().horizontalAdvance("x" * 50) + 12)
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.browse)
        self.browse_button = browse
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.states = {s: QCheckBox(s) for s in STATES}
        for s, box in self.states.items():
            box.setChecked(s != "rejected")
        self.statuses = {s: QCheckBox(s.replace("_", " ")) for s in STATUSES}
        for box in self.statuses.values():
            box.setChecked(True)
        form = QFormLayout(self)
        # every row has its Alt+letter (the label's buddy takes the focus; Tab goes on along a row of boxes)
        form.addRow("&Format", self.format)
        form.addRow(buddy_label("Fi&le", self.path), row)
        self.set_box = QComboBox()
        for name in [DEFAULT_SET, *(n for n in sets or () if n != DEFAULT_SET)]:
            self.set_box.addItem(set_choice(name), name)
        self.set_box.setToolTip("annotator export PROJECT --set NAME exports the same")
        if self.set_box.count() > 1:  # a team's project: which set goes out is said, and chosen
            form.addRow(buddy_label("Se&t", self.set_box), self.set_box)
        srow = QHBoxLayout()
        for box in self.states.values():
            srow.addWidget(box)
        form.addRow(buddy_label("&States", next(iter(self.states.values()))), srow)  # of entities and events alike
        trow = QHBoxLayout()
        for box in self.statuses.values():
            trow.addWidget(box)
        form.addRow(buddy_label("&Documents", next(iter(self.statuses.values()))), trow)
        self._undecided, self._counted = undecided, {}  # type: ignore[var-annotated]
        self.undecided_note = plain_label("", color=themes.current().muted)
        self.undecided_note.setWordWrap(True)
        form.addRow("", self.undecided_note)
        self.options_edit, self.error = options_and_error_rows(form)
        fit_options_hints(self.options_edit, (OPTIONS.get(f.name, ()) for f in export_formats()))
        self.example = example_row(form, self.error)  # whole below the box: in its hint it was cut at 1366x768
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.format.currentIndexChanged.connect(lambda: self._fix_suffix(self.format_id()))
        self.format.currentIndexChanged.connect(lambda: self._options_for(self.format_id()))
        self._options_for(self.format_id())
        for box in (*self.states.values(), *self.statuses.values()):
            box.toggled.connect(self.say_undecided)
        self.format.currentIndexChanged.connect(self.say_undecided)
        self.set_box.currentIndexChanged.connect(self.say_undecided)
        self._named_set = DEFAULT_SET  # the set the file's name names (none: main's)
        self.set_box.currentIndexChanged.connect(self._follow_set)
        self.say_undecided()
        # a refusal says what OK was refused for: another name, format or options takes it away (it stayed, naming
        # the open project's file under a name the brat format had changed, session 27)
        for changed in (self.path.textChanged, self.format.currentIndexChanged, self.options_edit.textChanged):
            changed.connect(self.error.clear)

    def say_undecided(self) -> None:
        """The note on the suggestions nobody decided in the documents chosen: what this export does with them; hidden
        when there are none (or nothing counts them)."""
        note = ""
        if self._undecided is not None:
            statuses = self.options_statuses()
            key = (tuple(statuses) if statuses is not None else None, self.set_box.currentData())
            if key not in self._counted:
                self._counted[key] = self._undecided(statuses, self.set_box.currentData())
            written = self.states["suggested"].isChecked()
            record = FORMATS[self.format_id()]
            note = undecided_note(self._counted[key], written, record.undecided_apart, record.entities_only)
        self.undecided_note.setText(note)
        self.undecided_note.setVisible(bool(note))
        if self.isVisible():  # a longer note (another format) grows the dialog: its last line was cut under Options
            self.layout().activate()
            self.resize(self.width(), max(self.height(), self.heightForWidth(self.width()), self.sizeHint().height()))

    def options_statuses(self) -> list[str] | None:
        """The statuses ticked (None: every one, as the export takes it)."""
        statuses = [s for s, b in self.statuses.items() if b.isChecked()]
        return None if len(statuses) == len(STATUSES) else statuses

    def format_id(self) -> str:
        """The chosen format's id (``dygiepp``), not the name shown (DyGIE++)."""
        return self.format.currentData()

    def set_format(self, name: str) -> None:
        """Choose a format by its id (``conll``)."""
        self.format.setCurrentIndex(self.format.findData(name))

    def _options_for(self, fmt: str) -> None:
        keys = OPTIONS.get(fmt, ())
        self.options_edit.setEnabled(bool(keys))
        self.options_edit.setPlaceholderText(options_hint(keys))
        show_example(self.example, _example(fmt, keys))
        # the values each key takes, a key a line (as one line the tip was wider than the dialog, near the screen's)
        self.options_edit.setToolTip(re.sub(r", (?=\w+=)", "\n", FORMATS[fmt].export_help))
        if fmt in FOLDER_FORMATS:
            self.path.setToolTip(f"a folder to create (or replace): {FORMATS[fmt].description}")

    def _fix_suffix(self, fmt: str) -> None:
        """The name's ending follows the format; a format whose extension another one has already (Prodigy and
        DyGIE++ write .jsonl as JSONL does) adds its name, so that one export never takes another's file. A folder
        format's folder is named by the format too (``seeds.brat``): the project's bare name was the folder its
        documents came from (``seeds/`` beside ``seeds.annotator``), which brat's export offered to replace."""
        path = self.path.text()
        suffix = SUFFIX.get(fmt)
        if path and suffix is not None:
            path, _ending = _split_ending(path)
            first = next(f for f, s in SUFFIX.items() if s == suffix)
            self.path.setText(path + (suffix if suffix and first == fmt else f".{fmt}{suffix}"))

    def _follow_set(self) -> None:
        """The name follows the set chosen: an annotator's set is named in it (``team.alice.json``), main's is the
        project's name alone, so that exporting alice's set after main's never offers to replace main's."""
        path, ending = _split_ending(self.path.text())
        if not path:
            return
        was, now = self._named_set, self.set_box.currentData()
        if was != DEFAULT_SET and path.endswith(f".{was}"):
            path = path[: -len(was) - 1]
        self._named_set = now
        self.path.setText(path + (f".{now}" if now != DEFAULT_SET else "") + ending)

    def browse(self) -> None:
        fmt = self.format_id()
        # the dialog's own overwrite question is off: accept() asks once, also for a typed path or a folder
        path, _ = file_dialogs.save_file_name(
            self,
            "Export to",
            self.path.text(),
            f"{shown_name(fmt)} (*{SUFFIX.get(fmt, '')});;All files (*)",
            options=file_dialogs.Option.DontConfirmOverwrite,
        )
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        if not self.path.text().strip():
            self.browse()
            if not self.path.text().strip():
                return
        try:
            parse_options(self.options_edit.text())
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            return
        path = self.path.text().strip()
        from annotator.exporting import check_target_folder, refuse_folder_for_file  # not at start-up

        try:
            refuse_project_target(path)  # never the open project, its -wal/-shm, or any project file
            check_target_folder(path)  # a missing folder or one the user cannot write: said here, the dialog open
            if self.format_id() in FOLDER_FORMATS:  # a folder that holds a project or other files is never replaced:
                refuse_project_folder(path, f"a {FORMATS[self.format_id()].shown} export")  # said before "Replace it?"
            else:  # a one-file export onto a folder: refused before a "Replace it?" that named the folder
                refuse_folder_for_file(path)
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            return
        if Path(path).exists() and not ask_replace(self, path):
            return
        super().accept()

    def fill(self, o: ExportOptions) -> None:
        """The choices of the project's export before: an export that failed (a read-only folder) lost them all, the
        next dialog proposing JSON beside the project again."""
        self.set_format(o.format)
        if (at := self.set_box.findData(o.annotation_set or DEFAULT_SET)) >= 0:
            self.set_box.setCurrentIndex(at)
        self._named_set = self.set_box.currentData()  # the name as it was given, naming its set already
        self.path.setText(o.path)
        for s, box in self.states.items():
            box.setChecked(s in o.states)
        for s, box in self.statuses.items():
            box.setChecked(o.statuses is None or s in o.statuses)
        self.options_edit.setText("; ".join(f"{k}={v}" for k, v in (o.options or {}).items()))

    def options(self) -> ExportOptions:
        return ExportOptions(
            self.format_id(),
            self.path.text().strip(),
            [s for s, b in self.states.items() if b.isChecked()],
            self.options_statuses(),
            parse_options(self.options_edit.text()) if self.format_id() in OPTIONS else None,
            self.set_box.currentData(),
        )


def _split_ending(path: str) -> tuple[str, str]:
    """``path`` without the ending a format gives its file or folder (``.prodigy.jsonl``, ``.json``, ``.brat``), and
    that ending ("" when it has none of them)."""
    endings = [f".{f}{s}" for f, s in SUFFIX.items() if s] + [s for s in SUFFIX.values() if s]
    endings += [f".{f}" for f in FOLDER_FORMATS]
    for ending in sorted(endings, key=len, reverse=True):
        if path.endswith(ending):
            return path[: -len(ending)], ending
    return path, ""


def _example(fmt: str, keys: tuple[str, ...]) -> str:
    """An example of the options ``fmt`` takes: a split where it takes one, else its first option's other value
    (``tokens=no``; a JSON export was shown the split, which it refuses)."""
    if not keys:
        return ""
    if "split" in keys:
        return "split=train=0.8,dev=0.2; seed=1"
    m = re.match(r"(\w+)=([^|,( ]+)(?:\|([^|,( ]+))?", FORMATS[fmt].export_help)
    return f"{m.group(1)}={m.group(3) or m.group(2)}" if m else ""
