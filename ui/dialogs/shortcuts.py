"""Help: every keyboard shortcut, including the schema's label keys."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.schema import Schema

GENERAL = [
    (
        "Select text, then a label key",
        "Add an entity (selection snaps to tokens); on an existing span: relabel or accept it; Find's match inside an "
        "undecided suggestion: decide that one",
    ),
    ("Label key, nothing selected", "Label the word under the caret (inside an undecided suggestion: decide it)"),
    (
        "Label key on a selected span",
        "Relabel it (a suggestion is decided: on to the next one); it leaves the roles that do not take the new label",
    ),
    ("Tab / Shift+Tab", "Next / previous undecided suggestion (span or event) from where you are"),
    ("Space", "Select the span under the caret (again: the next one out)"),
    (
        "Shift+Space",
        "Widen the words selected (Find's match: “cen”) or the word at the caret to the name around them: “Central "
        "Anti-Corruption Bureau”, a title before it left out (“President”); again: with the “the” before it; then a "
        "label key or Alt+1…9",
    ),
    ("Click a span", "Select it (a second click: the next one out)"),
    (
        "Enter",
        "Accept the selected suggestion and go to the next undecided one (on Find's match, the bar open: the one "
        "suggestion it lies in)",
    ),
    (
        "Shift+Enter",
        "On a selected event whose trigger word starts a trigger phrase of its type told on in its sentence (the "
        "status line says “Shift+Enter: accept as …”, on a decided one “widen the trigger to …”: “found” of “found Marek "
        "Zielinski guilty”): the whole phrase "
        "becomes its trigger, a suggestion accepted; the event stays selected for its roles",
    ),
    (
        "X",
        "Reject the selected suggestion and go to the next undecided one (on Find's match, the bar open: the one "
        "suggestion it lies in)",
    ),
    ("A / Shift+A", "Give the selected span's label to every other occurrence of its text (to decide / accepted)"),
    ("Delete", "Delete the selected span (or the selected event)"),
    (
        "Shift+Left / Shift+Right",
        "Move the start of the span (or the selected event's trigger) by a token, in its sentence",
    ),
    ("Ctrl+Shift+Left / Ctrl+Shift+Right", "Move the end of the span (or the trigger) by a token, in its sentence"),
    (
        "E",
        "New event on the trigger word(s) (no picker when they are a type's trigger words, “found … guilty” with its "
        "object between too, or a word that starts such a phrase, “pleading” of “pleading guilty”: the first type they "
        "name; the word the caret is in, also with an event selected); on a selected event, the caret on its trigger "
        "or a span: change its type (the picker lists its other possible types, then the types of the "
        "document's events, nearest first, then its own; letters typed there put a type with a word they start first)",
    ),
    (
        "Shift+E",
        "On the selected event that could be another type (a suggestion's “also possible”, else the next type its "
        "trigger words name, else the type of the nearest other event of the document): that type, a suggestion "
        "accepted (again: the next one); each filler goes to the role it stands for there (Attack's Attacker: Die's "
        "Agent), what none holds is taken out, both said on the status line",
    ),
    (
        "Alt+1 … Alt+9",
        "Fill role 1…9 of the selected event with the selected span, in place of its filler (in a role of several: "
        "the one the span overlaps, else the last; a suggestion of a label the role does not take is relabelled when "
        "the label is clear; a filler of another role of the event is moved); nothing selected: the nearest fitting "
        "entity of the sentence, a noun of a kind the role takes just beside the trigger first (“police” of “police "
        "arrested”: a subject's role before it, an object's after it; in a passive the “by” phrase's noun a subject's, the noun before “were” an object's: “protesters were arrested by police”; again: the next one; after the sentence's "
        "entities, its nouns pre-annotation with "
        "events found (a noun naming the kind of the next one too: “missile” of “missile attack”), those of a kind the role takes first and those of no kind known after them, each made a span "
        "as reached and taken back as the key moves on; the status line names the next ones; a role of amounts, as "
        "Money, takes the sentence's suggested amounts of another label too, relabelled); a span or words selected "
        "in another sentence than the selected event's (or no event selected): the event of their sentence nearest "
        "them, selected (none there: the selected one; the status line says when a filler lies in another sentence); "
        "the event panel's empty role says what its key puts, or “select words, Alt+N” where the document holds "
        "nothing the role takes",
    ),
    (
        "Alt+Shift+1 … 9",
        "Add another filler to role 1…9 (the selected span, else the nearest one not in it; a filler of another role "
        "stays there too)",
    ),
    ("Ctrl+Alt+1 … 9", "Empty role 1…9 of the selected event (its filler Ctrl+Shift+1…9 selected: that one alone)"),
    (
        "Ctrl+Shift+1 … 9",
        "Select the filler of role 1…9 of the selected event (again: its next filler), the event kept: then Shift+Left/"
        "Right and Ctrl+Shift+Left/Right move its edges (“police officers” to “officers”), a label key relabels it, "
        "another role's Alt+1…9 fills that role, Ctrl+Alt+Shift+1…9 moves it into that role; the editor lists a role's fillers in this order; Escape: back to "
        "the event",
    ),
    (
        "Ctrl+Alt+Shift+1 … 9",
        "Move the filler selected (Ctrl+Shift+1…9, or a click) out of its role into role 1…9 of the selected event, in "
        "one step: in place of the filler of a role of one, beside the fillers of a role of several",
    ),
    ("[ / ]", "Previous / next event the text shows"),
    (
        "N / Shift+N",
        "Next / previous trigger word of the schema that is no event yet (then E); past a word of a name and one naming "
        "the kind of the noun after it (“transport minister”; “phone call” is a trigger)",
    ),
    ("F4", "Into the event editor (Escape: back to the text)"),
    (
        "F6 / Shift+F6",
        "Next / previous panel: text, the moved-file bar's choices while shown (Space presses one), documents (Enter "
        "opens one), entities, events, comments (the tab shown first), event editor (Escape: back to the text)",
    ),
    ("F8", "Hide / show the side panels"),
    ("Ctrl+Shift+A", "Accept all suggestions in this document"),
    (
        "Ctrl+Enter",
        "Mark annotated and open the next document not done of the list as shown (asks when suggestions are undecided, "
        "until told not to)",
    ),
    ("Ctrl+Shift+R", "Mark reviewed (after confirming validation problems)"),
    (
        "Ctrl+Shift+C",
        "The document's categories (a text classification's labels): Space ticks one, a new one typed and Enter "
        "adds it, Enter is OK; one step of the undo history",
    ),
    ("Ctrl+PgDown / Ctrl+PgUp", "Next / previous document of the list, as sorted and filtered (marks nothing)"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
    (
        "Ctrl+F, then Enter",
        "Find in the document (the words stay, counted in each document): Enter selects the next match ("
        "“3 of 6”) and returns to the text; Ctrl+Shift+Right on the match takes in the next word (“sa”: "
        "“Saturday morning”); Alt+N / Alt+Shift+N in the bar: the next match fills role N (“mod”, Alt+Shift+1), "
        "with the span it lies in, else the name around it (“co”: “Court of Appeal”; Enter, then the key: its word); "
        "Alt+E / Alt+X in the bar: an event on the next trigger word matched, in no span and no event (“s”, Alt+E: "
        "“strike”) / the next match in a suggestion, that suggestion rejected; "
        "Ctrl+ a label key that is a digit in the bar: the next match labelled (“br”, Ctrl+2; in the text as the key); "
        "Alt+Enter in the bar: the next match in a name, widened to it (“mé”: “Médecins Sans Frontières”), as Enter "
        "and Shift+Space",
    ),
    ("F3 / Shift+F3", "The next / previous match of Find's words, the keys left in the text (Ctrl+F, Enter: two keys)"),
    ("Ctrl++ / Ctrl+-", "Zoom in / out"),
    (
        "Ctrl+Shift+S",
        "Save a copy of the project to a file you name, its trained models with it, and go on in the copy",
    ),
    ("Ctrl+W", "Close the project (the window stays, with none open, to open another)"),
    ("Escape", "Clear the selection (on a filler Ctrl+Shift+1…9 selected: back to its event)"),
    ("Alt+C", "Cancel the work running in the background (import, pre-annotation, export, training)"),
    (
        "Alt+O / Alt+K",
        "The bar saying the project file was renamed or moved while open: open it where it is now / keep working "
        "here (Alt+S: save a copy of what is open, when the file was deleted); answered, the status bar's "
        "“Project file moved: choices…” or File > Moved project file… shows them again",
    ),
]


def shortcut_rows(schema: Schema | None) -> list[tuple[str, str]]:
    rows = list(GENERAL)
    if schema is not None:
        rows += [(e.key, f"Label {e.name}: {e.description}") for e in schema.entities if e.key]
    return rows


def shortcuts_size(dialog: QWidget) -> tuple[int, int]:
    """640x620 at the default font, wider and taller with a larger one (about 90 characters across), never past the
    screen: under a 14 pt font the descriptions had a third of 640 px and ran to four lines each."""
    fm = dialog.fontMetrics()
    width, height = max(640, 90 * fm.averageCharWidth()), max(620, 30 * fm.lineSpacing())
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - 40), min(height, room.height() - 60)
    return width, height


class ShortcutsDialog(QDialog):
    def __init__(self, schema: Schema | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(*shortcuts_size(self))
        rows = shortcut_rows(schema)
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels(["Keys", "Does"])
        table.verticalHeader().hide()
        for r, (k, d) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(k))
            table.setItem(r, 1, QTableWidgetItem(d))
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # help, not a form
        table.setWordWrap(True)  # a long description on two lines, not cut with "…" (nothing else showed it)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        lay.addWidget(buttons)
