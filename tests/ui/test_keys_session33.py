"""Session 33 (helper s33-keys, docs/keyboard.md round 27) as a user: keys pressed through the real window, then what
the project file holds; each test failed on main before its change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import find
from ui_support import DOC_A, read_as_the_poll_reads
from text_support import argument_words

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
    return sorted(argument_words(DOC_A, db.event(ev_id).arguments, ents))


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


TWO = "Marek Zielinski met Anna Nowak in Warsaw. Officers of the agency arrested him at his home on Friday."


def _empty_role_said(ed, role: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """What the event editor shows in an empty role's cell (its text, its tooltip)."""
    from ui.elided import ElidedLabel

    i = list(ed.role_rows).index(role)
    said = ed._group._cells[i].itemAt(0).widget()
    assert isinstance(said, ElidedLabel), said
    return said.full_text, said.toolTip()


@pytest.mark.slow  # 3 s: two windows of their own on files of their own
def test_the_editor_s_empty_role_names_what_its_key_puts_and_where_it_lies(qtbot, tmp_path):
    """An Arrest-Jail on "arrested" of the second sentence, whose own sentence has no entity for Place: the editor's
    Place read "— Alt+5: Warsaw" as if it were the trigger's; its fill list "Warsaw  (GPE)". Now both say it is of an
    earlier sentence, as the role key's line does (session 32). With the parse's nouns stored the key puts the
    sentence's nearest noun first (round 26b) while the editor named another sentence's entity: it names the noun,
    labelled as the key labels it, and the key then puts what it named."""
    import re

    from annotator.suggest.types import EventSuggestion
    from ui_support import close_window, one_suggested_event, open_window, store_word_tokens

    arrest = EventSuggestion("Justice:Arrest-Jail", *find(TWO, "arrested"), 0.6)
    names = [(*find(TWO, "Marek Zielinski"), "PERSON"), (*find(TWO, "Anna Nowak"), "PERSON")]
    for heads in ([], [find(TWO, "Officers"), find(TWO, "agency"), find(TWO, "home")]):
        path = tmp_path / f"editor{len(heads)}.annotator"
        one_suggested_event(path, TWO, [*names, (*find(TWO, "Warsaw"), "GPE")], arrest)
        if heads:
            words = [m.start() for m in re.finditer(r"\w+|[^\w\s]", TWO)]
            second = words.index(TWO.index("Officers"))  # the token the second sentence starts
            store_word_tokens(path, TWO, heads, starts=(0, second))
        w = open_window(qtbot, path)
        try:
            v, ed = w.view, w.event_editor
            v.setFocus()
            (ev,) = w.controller.events.values()
            w.edit_actions.select_event(ev)
            qtbot.waitUntil(lambda: ed.event_id == ev.id and not w._panel_timer.isActive())
            place, tip = _empty_role_said(ed, "Place")
            if not heads:
                assert place == "— Alt+5: Warsaw (earlier sentence)", place  # main: "— Alt+5: Warsaw"
                assert "of an earlier sentence" in tip, tip
                combo = ed.fill_combos[list(ed.role_rows).index("Place")]
                assert combo.itemText(1) == "Warsaw  (GPE, of an earlier sentence)"  # main: "Warsaw  (GPE)"
                continue
            # the nearest noun of a place's kind to the trigger, as the key's cycle offers them (session 34: "agency",
            # an ORG's kind, is no Place's; session 33 offered it, made a GPE)
            assert place == "— Alt+5: home (noun)", place  # main: "— Alt+5: Warsaw"
            assert "makes “home” a span (FAC)" in tip, tip
            agent, _ = _empty_role_said(ed, "Agent")
            assert agent == "— Alt+2: agency (noun)", agent
            qtbot.keyClick(v, Qt.Key.Key_2, ALT)  # the key puts what the editor named, labelled as it said
            said = w.message.text()
            assert said.startswith("Agent: agency as ORG, a noun of the sentence"), said
        finally:
            close_window(w)
