"""Alt+N through the window on seed 004's verdict (session 18): the role's typical filler (its first label) first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import find

ALT = Qt.KeyboardModifier.AltModifier
TEXT = "Judge Anna Kowalczyk of the Warsaw Regional Court found Marek Zielinski guilty of taking bribes."


@pytest.mark.slow
def test_alt_n_on_found_puts_the_defendant_not_the_nearer_court(qtbot, tmp_path):
    """Round 10b left it: Alt+1 (Defendant: PERSON, ORG, GPE, NORP) on "found" put the Warsaw Regional Court, the
    nearest name; the schema lists the role's typical filler first, so the sentence's people come first, the nearest
    of them Marek Zielinski; Alt+1 again offers the judge, then the court."""
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project
    from ui import commands as cmd
    from ui_support import close_window, open_window

    spans = [(find(TEXT, w), lab) for w, lab in (("Anna Kowalczyk", "PERSON"), ("Warsaw Regional Court", "ORG"))]
    spans.append((find(TEXT, "Marek Zielinski"), "PERSON"))
    path = tmp_path / "verdict.annotator"
    with Project(path) as p:
        ents = [IncomingEntity(k, s, e, lab) for k, ((s, e), lab) in enumerate(spans)]
        import_documents(p, [IncomingDocument(TEXT, "verdict.txt", entities=ents)])
    w = open_window(qtbot, path)
    try:
        c = w.controller
        names = [r.name for r in c.schema.event_type("Justice:Convict").roles]
        key = getattr(Qt.Key, f"Key_{names.index('Defendant') + 1}")
        ev = c.run(cmd.AddEvent, c.doc.id, "Justice:Convict", *find(TEXT, "found"), {})
        w.edit_actions.select_event(c.events[ev])
        w.view.setFocus()
        got = []
        for _ in range(3):
            qtbot.keyClick(w.view, key, ALT)
            (arg,) = c.events[ev].arguments
            filler = c.entities[arg.entity_id]
            got.append(TEXT[filler.start : filler.end])
        assert got == ["Marek Zielinski", "Anna Kowalczyk", "Warsaw Regional Court"]
    finally:
        close_window(w)
