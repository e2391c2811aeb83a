"""Menus, toolbar and shortcuts of the main window (what each action calls lives in the window)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from annotator.formats.registry import import_formats
from ui.e_key import NEW_EVENT_TIP
from ui.plain import no_mnemonic
from ui.toolbar import FittedToolBar

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_parts import WindowParts


def _action(
    window: "WindowParts",
    text: str,
    slot: Callable[[], object],
    shortcut: str | QKeySequence | None = None,
    tip: str = "",
    checkable: bool = False,
    text_key: str = "",
) -> QAction:
    """``text_key``: a key the text itself answers (E, A), shown beside the item as a shortcut is (the text view
    takes it, not the window: typed in a box it is a letter)."""
    act = QAction(f"{text}\t{text_key}" if text_key else text, window)
    if text_key:  # a toolbar button reads the name only
        act.setIconText(text.replace("&", ""))
    if shortcut:
        if isinstance(shortcut, QKeySequence.StandardKey):
            act.setShortcut(QKeySequence(shortcut))
        else:
            act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if tip:
        act.setStatusTip(tip)
        act.setToolTip(f"{text.replace('&', '').rstrip('…')} ({act.shortcut().toString()})" if shortcut else tip)
    act.setCheckable(checkable)
    if checkable:
        act.toggled.connect(slot)
    else:
        act.triggered.connect(lambda _checked=False: slot())
    return act


def _edit_categories(w: "WindowParts") -> None:
    from ui.dialogs.categories import edit_categories  # loaded on first use, as the Review menu's windows are

    edit_categories(w)


def _about(w: "WindowParts") -> None:
    from ui.dialogs.about import show_about  # loaded on first use

    show_about(w, w.controller.project, w.settings.pipeline or "")
    w.back_to_text()


def _step_button(w: "WindowParts", which: str) -> QAction:
    """The toolbar's Undo or Redo: a fixed text, the step in its tooltip (Qt's undo action names the step, so the
    buttons right of it moved by that name's width at every edit, under the pointer)."""
    stack = w.controller.undo_stack
    act = QAction(which.capitalize(), w)
    act.triggered.connect(stack.undo if which == "undo" else stack.redo)
    can, text = (stack.canUndo, stack.undoText) if which == "undo" else (stack.canRedo, stack.redoText)
    keys = "Ctrl+Z" if which == "undo" else "Ctrl+Shift+Z"

    def follow(*_args: object) -> None:
        act.setEnabled(can())
        act.setToolTip(f"{which.capitalize()} {text()} ({keys})".replace("  ", " "))

    follow()
    stack.indexChanged.connect(follow)
    (stack.canUndoChanged if which == "undo" else stack.canRedoChanged).connect(follow)
    (stack.undoTextChanged if which == "undo" else stack.redoTextChanged).connect(follow)
    return act


def build_menus(w: "WindowParts") -> dict[str, QAction]:
    a: dict[str, QAction] = {}
    undo = w.controller.undo_stack.createUndoAction(w, "&Undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = w.controller.undo_stack.createRedoAction(w, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    a["undo"], a["redo"] = undo, redo
    a["new"] = _action(w, "&New project…", w.new_project, "Ctrl+N", "Create a project file")
    a["open"] = _action(w, "&Open project…", w.open_project_dialog, "Ctrl+O", "Open a project file")
    a["save_copy"] = _action(
        w,
        "Sa&ve a copy…",
        w.save_copy_of_project,
        "Ctrl+Shift+S",
        "Save the project to a file you name, its trained models with it, and go on in that copy",
    )
    a["close_project"] = _action(
        w,
        "&Close project",
        w.close_project_asked,
        "Ctrl+W",
        "Close the project file; the window stays, to open another (edits are saved as they are made)",
    )
    a["moved_file"] = _action(
        w,
        "&Moved project file…",
        w.moved_bar.show_again,
        None,
        "The project file was renamed, moved or deleted while open: its choices again (Open it where it is now, Save "
        "a copy…, Keep working here), once answered",
    )
    a["moved_file"].setEnabled(False)  # until a move is answered (the bar shows its choices itself before)
    w.moved_bar.standing.connect(a["moved_file"].setEnabled)
    a["import_files"] = _action(
        w, "&Import files…", w.import_files_dialog, "Ctrl+I", "Import .txt, .jsonl, .json files"
    )
    a["import_folder"] = _action(
        w, "Import &folder…", w.import_folder_dialog, None, "Import every known file in a folder"
    )
    a["import_format"] = _action(
        w,
        "Import from &another tool…",
        w.import_format_dialog,
        None,
        "Import the files of another tool: " + ", ".join(f.shown for f in import_formats()),
    )
    a["export"] = _action(
        w,
        "&Export…",
        w.export_dialog,
        "Ctrl+E",
        "Export the annotations to a file: JSON, spaCy, brat, CoNLL and the other formats",
    )
    a["preannotate"] = _action(
        w,
        "&Pre-annotate all documents",
        w.preannotate_all,
        None,
        "Run spaCy over every unfinished document (annotated and reviewed ones are left as they are)",
    )
    a["preannotate_document"] = _action(
        w,
        "Pre-annotate this &document",
        w.preannotate_document,
        None,
        "Run spaCy over the open document, even one annotated or reviewed (its decisions are kept)",
    )
    a["preannotate_tokens"] = _action(
        w,
        "Pre-annotate to&kens only",
        w.preannotate_tokens,
        None,
        "Store spaCy's tokens and sentences for the documents that have none, finished ones too, and suggest "
        "nothing: a gold corpus before a CoNLL, Hugging Face or spaCy export",
    )
    a["quit"] = _action(w, "&Quit", w.close, "Ctrl+Q")
    a["accept_all"] = _action(
        w,
        "&Accept all suggestions",
        w.edit_actions.accept_all,
        "Ctrl+Shift+A",
        "Accept every undecided suggestion in this document (one undo step)",
    )
    a["accept_scored"] = _action(
        w,
        "Accept suggestions scored at &least…",
        w.accept_scored,
        None,
        "Accept the undecided suggestions whose score is at least a minimum you give (one undo step)",
    )
    # the keys that decide one suggestion, in the menu a person looks in first (they were in the context menu and
    # Help > Shortcuts only): the text view answers the keys themselves, shown beside the items as E and A are
    a["next_suggestion"] = _action(
        w,
        "&Next undecided suggestion",
        lambda: w.edit_actions.cycle(1),
        None,
        "Select the next undecided suggestion (span or event) from where you are",
        text_key="Tab",
    )
    a["accept_one"] = _action(
        w,
        "A&ccept the selected suggestion",
        w.edit_actions.accept,
        None,
        "Accept the selected suggestion and go to the next undecided one",
        text_key="Enter",
    )
    a["reject_one"] = _action(
        w,
        "Re&ject the selected suggestion",
        w.edit_actions.reject,
        None,
        "Reject the selected suggestion and go to the next undecided one",
        text_key="X",
    )
    a["new_event"] = _action(w, "New &event…", w.edit_actions.new_event, None, NEW_EVENT_TIP, text_key="E")
    a["annotated"] = _action(
        w,
        "Mark &annotated and next",
        w.mark_annotated_and_next,
        "Ctrl+Return",
        "Mark this document annotated and open the next one not done",
    )
    a["reviewed"] = _action(
        w,
        "Mark &reviewed",
        w.mark_reviewed,
        "Ctrl+Shift+R",
        "Mark this document reviewed (validation problems are listed first)",
    )
    a["categories"] = _action(
        w,
        "&Categories…",
        lambda: _edit_categories(w),
        "Ctrl+Shift+C",
        "Choose this document's categories (a text classification's labels; the exports write them)",
    )
    a["next_document"] = _action(
        w, "&Next document", lambda: w.step_document(1), "Ctrl+PgDown", "Open the next document of the list (as shown)"
    )
    a["previous_document"] = _action(
        w, "&Previous document", lambda: w.step_document(-1), "Ctrl+PgUp", "Open the previous document of the list"
    )
    a["find"] = _action(w, "&Find…", w.find_bar.open_bar, QKeySequence.StandardKey.Find, "Find text in the document")
    a["find_next"] = _action(
        w, "Find ne&xt", w.find_bar.again, QKeySequence.StandardKey.FindNext, "The next match of Find's words"
    )
    a["find_previous"] = _action(
        w,
        "Find pre&vious",
        lambda: w.find_bar.again(backward=True),
        QKeySequence.StandardKey.FindPrevious,
        "The previous match of Find's words",
    )
    a["zoom_in"] = _action(w, "Zoom &in", lambda: w.zoom(1), None)
    a["zoom_in"].setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    a["zoom_out"] = _action(w, "Zoom &out", lambda: w.zoom(-1), "Ctrl+-")
    a["show_rejected"] = _action(w, "Show &rejected suggestions", w.set_show_rejected, None, checkable=True)
    a["show_rejected"].setChecked(w.settings.show_rejected)
    a["settings"] = _action(w, "&Settings…", w.settings_dialog, "Ctrl+,")
    a["shortcuts"] = _action(w, "&Keyboard shortcuts", w.shortcuts_dialog, "F1")
    a["about"] = _action(
        w,
        "&About annotator",
        lambda: _about(w),
        None,
        "Versions of annotator, the project file, the pre-annotation pipeline, Python, spaCy and Qt (for a bug report)",
    )
    a["event_editor"] = _action(
        w,
        "Go to the &event editor",
        w.into_event_editor,
        "F4",
        "Move the keyboard focus into the event editor (Escape: back to the text)",
    )
    a["next_pane"] = _action(
        w,
        "&Next panel",
        lambda: w.focus_pane(1),
        "F6",
        "Move the keyboard focus to the next panel: text, documents, annotations, event (Escape: back to the text)",
    )
    a["previous_pane"] = _action(w, "Pre&vious panel", lambda: w.focus_pane(-1), "Shift+F6")
    a["side_panels"] = _action(
        w,
        "&Hide/show side panels",
        w.toggle_side_panels,
        "F8",
        "Give the text the whole width, or bring the panels back",
    )
    a["label_everywhere"] = _action(
        w,
        "Label every &occurrence",
        w.edit_actions.label_everywhere,
        None,
        "Give the selected span's label to every other occurrence of its text (A; Shift+A: accepted)",
        text_key="A",
    )

    mb = w.menuBar()
    m = mb.addMenu("&File")
    w.file_menu = m  # File > Merge annotators' files… goes in before Export (ui/merge_files.py)
    for k in ("new", "open"):
        m.addAction(a[k])
    w.recent_menu = m.addMenu("Open &recent")
    w.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    m.addAction(a["save_copy"])  # any open project's (it was the moved-file bar's alone: session 41)
    m.addAction(a["close_project"])
    m.addAction(a["moved_file"])
    m.addSeparator()
    for k in ("import_files", "import_folder", "import_format", "export"):  # pre-annotation: the Project menu
        m.addAction(a[k])
    m.addSeparator()
    m.addAction(a["settings"])
    m.addAction(a["quit"])
    m = mb.addMenu("&Edit")
    for k in ("undo", "redo"):
        m.addAction(a[k])
    m.addSeparator()
    for k in ("next_suggestion", "accept_one", "reject_one"):
        m.addAction(a[k])
    m.addSeparator()
    for k in ("accept_all", "accept_scored", "new_event", "label_everywhere", "find", "find_next", "find_previous"):
        m.addAction(a[k])
    m = mb.addMenu("&Document")
    for k in ("annotated", "reviewed", "categories"):
        m.addAction(a[k])
    m.addSeparator()
    for k in ("next_document", "previous_document"):
        m.addAction(a[k])
    m = mb.addMenu("&View")
    for k in ("zoom_in", "zoom_out", "show_rejected", "side_panels", "event_editor", "next_pane", "previous_pane"):
        m.addAction(a[k])
    w.docks_menu = m.addMenu("&Panels")
    m = mb.addMenu("&Help")
    m.addAction(a["shortcuts"])
    m.addAction(a["about"])

    tools = {**a, "undo": _step_button(w, "undo"), "redo": _step_button(w, "redo")}
    groups = [["open", "import_files", "export"], ["undo", "redo"], ["accept_all", "new_event"]]
    groups += [["annotated", "reviewed"], ["find"]]
    items: list[QAction | None] = []
    for g in groups:
        items += [None] * bool(items) + [tools[k] for k in g]
    # too narrow for them all (a 14 pt font on a 1366 px screen hid Find behind »): the File menu's go first
    tb = FittedToolBar("Main", items, spare=[tools[k] for k in ("open", "import_files", "export")])
    tb.setObjectName("main_toolbar")
    w.addToolBar(tb)
    return a


def build_context_menu(w: "WindowParts") -> QMenu:
    """The document view's right-click menu."""
    menu = QMenu(w)
    schema = w.controller.schema
    if schema is not None:
        sub = menu.addMenu("Label as")
        for lab in schema.entities:
            act = sub.addAction(no_mnemonic(f"{lab.name}\t{lab.key or ''}"))
            act.triggered.connect(lambda _c=False, n=lab.name: w.edit_actions.label(n))
    cur = w.edit_actions.current() or w.edit_actions.events.current()
    for text, slot, enabled in (
        ("Accept\tEnter", w.edit_actions.accept, cur is not None and cur.state in ("suggested", "rejected")),
        ("Reject\tX", w.edit_actions.reject, cur is not None and cur.state != "rejected"),
        ("Delete\tDel", w.edit_actions.delete, cur is not None or w.controller.current_event is not None),
        ("New event…\tE", w.edit_actions.new_event, True),
        ("Label every occurrence\tA", w.edit_actions.label_everywhere, w.edit_actions.current() is not None),
    ):
        act = menu.addAction(text)
        act.setEnabled(enabled)
        act.triggered.connect(lambda _c=False, s=slot: s())
    menu.addSeparator()
    menu.addAction(w.actions_by_name["accept_all"])
    menu.addAction(w.actions_by_name["show_rejected"])
    return menu
