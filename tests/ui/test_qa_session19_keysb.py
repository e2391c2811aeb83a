"""Session 19's keys pass b (docs/keyboard.md, round 12b): fewer keys per decided argument. Each test presses keys
through the real window, then reads what the window shows or the project file holds, and failed on main before its
fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import ARRESTED

ALT = Qt.KeyboardModifier.AltModifier


def test_the_person_of_a_passive_arrest_comes_before_the_officers_told_after_by(qtbot, tmp_path):
    """Seed 004's "was arrested by officers": Alt+1 (Person) put "officers", the nearest, the ones who arrested; the
    Person came with a second key. A name told after "by" comes after the sentence's others for a role the agent
    does not fill, and first for one it fills (``keyflow.agent_order``); on events-dev 650 -> 646 keys
    (bench/role_keys.py, half A 351 -> 349, half B 299 -> 297)."""
    from ui_support import close_window, event_fillers, one_event, press_role_key, window_on_its_event

    path = tmp_path / "arrested.annotator"
    words_labels = (
        ("Zielinski", "PERSON"),
        ("officers", "PERSON"),
        ("Central Anti-Corruption Bureau", "ORG"),
        ("Piotr Nowicki", "PERSON"),
    )
    one_event(path, ARRESTED, words_labels, "Justice:Arrest-Jail", "arrested")
    w, ev = window_on_its_event(qtbot, path)
    try:
        press_role_key(qtbot, w, ev.type, "Person")
        assert w.message.text().startswith("Person: Zielinski"), w.message.text()
        press_role_key(qtbot, w, ev.type, "Agent")
        assert w.message.text().startswith("Agent: officers"), w.message.text()
    finally:
        close_window(w)
    assert event_fillers(path, ARRESTED) == [("Agent", "officers"), ("Person", "Zielinski")]
