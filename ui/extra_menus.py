"""The Review and Project menus, made without importing what their actions open.

The adjudication and agreement windows (with annotator.teams) and the training dialog are imported on the first
use of their action, not when the main window is built: they are not needed to show the first document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_face import WindowFace


def _menu_before_help(window: "WindowFace", title: str) -> QMenu:
    menu_bar = window.menuBar()
    help_menu = next((a for a in menu_bar.actions() if a.text().replace("&", "") == "Help"), None)
    menu = QMenu(title, window)
    if help_menu is None:
        menu_bar.addMenu(menu)
    else:
        menu_bar.insertMenu(help_menu, menu)
    return menu


def _open_adjudication(window: "WindowFace") -> None:
    from ui.dialogs.adjudication import open_adjudication

    open_adjudication(window)


def _open_agreement(window: "WindowFace") -> None:
    from ui.dialogs.agreement import open_agreement

    open_agreement(window)


def _start_training(window: "WindowFace") -> None:
    from ui.dialogs.training import ask_and_train

    ask_and_train(window)


def _open_models(window: "WindowFace") -> None:
    from ui.dialogs.models import open_models

    open_models(window)


def _open_annotation_sets(window: "WindowFace") -> None:
    from ui.dialogs.annotation_sets import open_annotation_sets

    open_annotation_sets(window)


def add_review_menu(window: "WindowFace") -> None:
    """A "Review" menu, before Help: Mark reviewed (the Document menu's action, which lists the document's problems
    first), then the team's work, the Adjudication and Agreement windows. A person looking in Review for how to review
    a document found adjudication alone (in INCEpTION too, curation is the team's review: both are here)."""
    menu = _menu_before_help(window, "&Review")
    if (reviewed := window.actions_by_name.get("reviewed")) is not None:
        menu.addAction(reviewed)
        menu.addSeparator()
    acts = {}
    opens: tuple[tuple[str, str, str | None, Callable[["WindowFace"], None]], ...] = (
        ("adjudicate", "&Adjudicate differences…", "Ctrl+Shift+J", _open_adjudication),
        ("agreement", "A&greement between annotators…", None, _open_agreement),
    )
    for name, text, shortcut, slot in opens:
        act = QAction(text, window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _c=False, s=slot: s(window))
        menu.addAction(act)
        acts[name] = act
    window.actions_by_name.update(acts)
    window.review_menu = menu  # type: ignore[attr-defined]


def add_training_menu(window: "WindowFace") -> None:
    """A "Project" menu, before Help: what makes the suggestions, Pre-annotate all documents (it was in File, away
    from the training whose version it then uses), Train suggestions… and Models… (the versions, and which one
    pre-annotation uses); then Annotation sets… (the sets merged, one renamed or dropped: ``annotator sets``)."""
    menu = _menu_before_help(window, "&Project")
    menu.addAction(window.actions_by_name["preannotate"])
    menu.addAction(window.actions_by_name["preannotate_document"])
    menu.addAction(window.actions_by_name["preannotate_tokens"])
    opens: tuple[tuple[str, str, str, Callable[["WindowFace"], None]], ...] = (
        (
            "train",
            "&Train suggestions…",
            "Train entity and event suggestions from the annotated and reviewed documents (in the background)",
            _start_training,
        ),
        (
            "models",
            "&Models…",
            "The trained model versions with their held-out scores, the one pre-annotation uses, and a switch to "
            "another (or back to the original pipeline)",
            _open_models,
        ),
        (
            "annotation_sets",
            "Annotation &sets…",
            "The annotation sets (main and each annotator's file merged) with their documents and counts; rename or "
            "drop one, as 'annotator sets' does",
            _open_annotation_sets,
        ),
    )
    for name, text, tip, slot in opens:
        act = QAction(text, window)
        act.setStatusTip(tip)
        act.triggered.connect(lambda _c=False, s=slot: s(window))
        menu.addAction(act)
        window.actions_by_name[name] = act
    window.project_menu = menu  # type: ignore[attr-defined]
