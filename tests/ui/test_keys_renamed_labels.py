"""Alt+N in a project whose schema names the pipeline's place labels otherwise (``Place`` aliasing ``GPE``, ``LOC``
and ``FAC``): the role keys read the kinds of label through ``pipeline_names.label_kinds`` (the window passes the
project's schema), so a Place role offers the place told after its trigger first, as in a news project. Failed on main:
Alt+2 put Moscow, the nearest place, before the trigger."""

from __future__ import annotations

from PySide6.QtCore import Qt

MET = "Lavrov, in Moscow, said he met Blinken in Geneva."


def test_alt_n_on_a_renamed_place_role_offers_the_place_after_the_trigger_first(qtbot, tmp_path):
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from renamed_labels_support import SCHEMA
    from ui_helpers import find
    from ui_support import close_window, event_fillers, open_window

    path = tmp_path / "met.annotator"
    with Project(path, annotator="setup", schema=SCHEMA) as p:
        doc = import_documents(p, [IncomingDocument(MET, "a.txt")]).imported[0][1]
        for words, label in (("Lavrov", "Person"), ("Moscow", "Place"), ("Blinken", "Person"), ("Geneva", "Place")):
            edits.add_entity(p, doc, *find(MET, words), label)
        edits.add_event(p, doc, "Contact:Meet", *find(MET, "met"))
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        c.select_event(next(iter(c.events)))
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # Place: the first candidate
        assert "Place: Geneva" in w.message.text(), w.message.text()
    finally:
        close_window(w)
    assert event_fillers(path, MET) == [("Place", "Geneva")]
