"""A suggestion's score in the app: the entity table and the text's tooltips say it, as the event list says an
event's; Edit > Accept suggestions scored at least… accepts only those at or above the minimum, one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from ui_support import close_window, open_window

TEXT = "Sergey Lavrov met Antony Blinken in Moscow on Friday."


def at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


@pytest.fixture
def scored_window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
    from annotator.store import Project

    path = tmp_path / "scores.annotator"
    with Project(path, annotator="setup") as p:
        ents = [
            IncomingEntity(k, *at(w), label, "suggested", "label-studio:m", score=sc)
            for k, (w, label, sc) in enumerate(
                [("Sergey Lavrov", "PERSON", 0.95), ("Moscow", "GPE", 0.4), ("Friday", "DATE", None)]
            )
        ]
        event = IncomingEvent("Contact:Meet", *at("met"), state="suggested", source="m", score=0.9)
        import_documents(p, [IncomingDocument(text=TEXT, name="s.txt", entities=ents, events=[event])])
    w = open_window(qtbot, path)
    yield w, path
    close_window(w)


def test_the_score_is_shown_in_the_entity_table_and_the_texts_tooltip(scored_window):
    w, _ = scored_window
    model = w.entities.model
    tips = {
        model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole): model.data(
            model.index(r, 0), Qt.ItemDataRole.ToolTipRole
        )
        for r in range(model.rowCount())
    }
    assert "suggested; score 0.95" in tips["Sergey Lavrov"] and "score" not in tips["Friday"]
    state_tip = model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert state_tip == "<qt>suggested; score 0.95</qt>"
    assert "PERSON</b> (suggested; score 0.95)" in w.view.tooltip_at(1)
    assert "(suggested)" in w.view.tooltip_at(TEXT.index("Friday") + 1)  # no score: none said
    assert "(suggested; score 0.90)" in w.view.tooltip_at(TEXT.index("met") + 1)  # the event's, likewise


def test_accept_suggestions_scored_at_least_asks_the_minimum_and_is_one_undo_step(qtbot, scored_window, monkeypatch):
    from annotator.store import Project

    w, path = scored_window
    asked = []

    def get_double(parent, title, label, value, low, high, decimals):  # type: ignore[no-untyped-def]
        asked.append((title, value, low, high, decimals))
        return 0.5, True

    monkeypatch.setattr(QInputDialog, "getDouble", get_double)
    w.actions_by_name["accept_scored"].trigger()
    assert asked == [("Accept suggestions scored at least", 0.8, 0.0, 1.0, 2)]

    def states() -> dict[str, str]:
        with Project(path, create=False, read_only=True) as db:
            (doc,) = db.document_ids()
            return {TEXT[e.start : e.end]: e.state for e in db.entities(doc)}

    assert states() == {"Sergey Lavrov": "accepted", "Moscow": "suggested", "Friday": "suggested"}
    assert "1 entity suggestion scored at least 0.50 accepted; 2 left undecided" in w.message.text()
    assert w.controller.undo_stack.undoText() == "Accept suggestions scored at least 0.50"
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert set(states().values()) == {"suggested"}
    w.actions_by_name["accept_scored"].trigger()  # asked again, starting at the last minimum given
    assert asked[-1][1] == 0.5


def test_opening_a_project_keeps_an_imports_predictions(qtbot, tmp_path):
    """The app's pre-annotation of new documents on open replaced a Label Studio prediction's suggestions (and their
    scores) with the pipeline's; a document that came with suggestions is left as it came, the others are
    pre-annotated as before."""
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project
    from ui.main_window import MainWindow
    from ui.settings import AppSettings
    from ui_support import DOC_A, pattern_pipeline, show_widget

    path = tmp_path / "predicted.annotator"
    with Project(path, annotator="setup") as p:
        ent = IncomingEntity(0, *at("Sergey Lavrov"), "PERSON", "suggested", "label-studio:m1", score=0.95)
        import_documents(
            p, [IncomingDocument(text=TEXT, name="s.txt", entities=[ent]), IncomingDocument(DOC_A, "a.txt")]
        )
    settings = AppSettings()
    settings.set("annotator", "tester")
    w = show_widget(qtbot, MainWindow(settings, pipeline=pattern_pipeline, auto_preannotate=True), (1200, 800))
    assert w.open_project(path)
    assert w.workers  # the new document without suggestions is pre-annotated
    qtbot.waitUntil(lambda: not w.workers, timeout=60000)
    with Project(path, create=False, read_only=True) as db:
        predicted, plain = db.document_ids()
        assert [(e.source, e.score) for e in db.entities(predicted)] == [("label-studio:m1", 0.95)]
        assert {e.source for e in db.entities(plain)} == {"spacy:en_blank_en_ruler@0.0.0"}
    assert "1 new document kept the suggestions it came with" in w.message.toolTip() + w.message.text()
    close_window(w)
