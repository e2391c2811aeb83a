"""Session 33 (helper s33-keys, docs/keyboard.md round 27) as a user: keys pressed through the real window, then what
the project file holds; each test failed on main before its change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import find
from ui_support import DOC_A, read_as_the_poll_reads

SHIFT, CTRL, ALT = (
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
)


def _suggest_attack(db, window) -> int:  # type: ignore[no-untyped-def]
    """A suggested Conflict:Attack on "attacked" of a.txt, Life:Die beside it, its Attacker "NATO forces" and its
    Target "Tal Abyad", shown in the window; its id."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    d = db.document_ids()[0]
    args = (
        ArgumentSuggestion("Attacker", *find(DOC_A, "NATO forces"), "ORG"),
        ArgumentSuggestion("Target", *find(DOC_A, "Tal Abyad"), "GPE"),
    )
    with db.transaction():
        found = [EventSuggestion("Conflict:Attack", *find(DOC_A, "attacked"), 0.6, args, alternatives=("Life:Die",))]
        write_events(db, d, found, "rules:test@1", WriteCounts())
    read_as_the_poll_reads(window.controller)
    return next(v.id for v in window.controller.events.values() if v.type == "Conflict:Attack")


def _roles(db, ev_id: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    ents = {e.id: e for e in db.entities(db.document_ids()[0])}
    return sorted((a.role, DOC_A[ents[a.entity_id].start : ents[a.entity_id].end]) for a in db.event(ev_id).arguments)


def test_shift_e_to_die_carries_the_attacker_as_agent_says_what_it_took_out_and_ctrl_z_puts_all_back(qtbot, window, db):
    """Shift+E on a suggested Attack takes its "also possible" Life:Die: on main the Attacker went with the Target
    (Die has neither role); now the Attacker is the death's Agent (the roles filled from the same places of a
    sentence), the Target, a GPE no Victim takes, is taken out, and the status line says both. One Ctrl+Z gives the
    type and both roles back."""
    w, c, v = window, window.controller, window.view
    v.setFocus()
    ev_id = _suggest_attack(db, window)
    w.edit_actions.select_event(c.events[ev_id])
    before = _roles(db, ev_id)
    assert before == [("Attacker", "NATO forces"), ("Target", "Tal Abyad")]
    qtbot.keyClick(v, Qt.Key.Key_E, SHIFT)
    assert db.event(ev_id).type == "Life:Die"
    assert _roles(db, ev_id) == [("Agent", "NATO forces")]  # on main: []
    assert w.message.text() == (
        "Life:Die: Attacker “NATO forces” is its Agent; Life:Die cannot hold Target “Tal Abyad”: taken out "
        "(Ctrl+Z puts it back)"
    )
    qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = db.event(ev_id)
    assert back.type == "Conflict:Attack" and _roles(db, ev_id) == before


ARREST = (
    "Officers of the Central Anti-Corruption Bureau arrested Marek Zielinski at the Mokotow Detention Centre in "
    "Warsaw on Friday, his lawyer said."
)


@pytest.mark.slow  # 2 s: a window of its own on a file of its own
def test_a_name_a_role_key_makes_takes_the_label_its_words_say_not_the_role_s_first(qtbot, tmp_path):
    """`Ctrl+F c e n Alt+2` on an Arrest-Jail (round 26): the Agent "Central Anti-Corruption Bureau" was made a PERSON,
    the Agent's first label, and the line said so; a label key more put ORG. Its words say ORG (a name whose last
    word is an organisation's: ``span_label``), and the file holds that."""
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "label.annotator"
    person = ArgumentSuggestion("Person", *find(ARREST, "Marek Zielinski"), "PERSON")
    arrest = EventSuggestion("Justice:Arrest-Jail", *find(ARREST, "arrested"), 0.6, (person,))
    one_suggested_event(path, ARREST, [], arrest)
    w = open_window(qtbot, path)
    try:
        v, bar = w.view, w.find_bar
        v.setFocus()
        (ev,) = w.controller.events.values()
        w.controller.select_event(ev.id)
        qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
        bar.edit.selectAll()
        qtbot.keyClicks(bar.edit, "cen")
        qtbot.keyClick(bar.edit, Qt.Key.Key_2, ALT)  # Agent
        said = w.message.text()
        assert said == "Agent: Central Anti-Corruption Bureau as ORG (a label key changes it)", said  # main: as PERSON
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        made = [(ARREST[e.start : e.end], e.label) for e in p.entities(p.document_ids()[0])]
    assert ("Central Anti-Corruption Bureau", "ORG") in made, made
