"""Session 26's pass from the README (helper s26-qab, docs/reliability.md "Session 26: from the README"): keys pressed
through the real window, then what the project file holds; each test failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import close_window, event_fillers, window_on_its_event

ALT, SHIFT = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
TALKS = "Otieno was received by Minister Park before he held talks with President Lee in Yongsan."


def _talks_project(tmp_path):  # type: ignore[no-untyped-def]
    """Seed 001's "held talks" as suggested: a Contact:Meet whose Entity (several fillers) holds "Park", the
    minister who received Otieno, where the talks were with Lee (and Otieno)."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find

    path = tmp_path / "talks.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(TALKS, "t.txt")]).imported[0][1]
        ids = {w: edits.add_entity(p, doc, *find(TALKS, w), "PERSON").result_id for w in ("Otieno", "Park", "Lee")}
        ev = edits.add_event(p, doc, "Contact:Meet", *find(TALKS, "talks")).result_id
        edits.add_argument(p, ev, "Entity", ids["Park"])
    return path


def _entities_of_the_meeting(path) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(words for _, words in event_fillers(path, TALKS))


def test_alt_shift_after_the_role_key_adds_the_next_candidate_not_the_filler_the_key_took_out(qtbot, tmp_path):
    """Seed 001's "held talks" (Entity "Park Ji-hoon"): Alt+1 put "Lee Sang" in its place and said "Alt+1 again:
    “Otieno”, then …"; Alt+Shift+1, one more, then brought back "Park Ji-hoon", the filler Alt+1 had just taken out.
    One more after the role key is the next of its candidates, the one its line named."""
    path = _talks_project(tmp_path)
    w, ev = window_on_its_event(qtbot, path)
    try:
        v = w.view
        qtbot.keyClick(v, Qt.Key.Key_1, ALT)
        said = w.message.text()
        assert said.startswith("Entity: Lee") and "Alt+1 again: “Otieno”" in said, said
        qtbot.keyClick(v, Qt.Key.Key_Exclam, ALT | SHIFT)  # Alt+Shift+1 as a US keyboard sends it
        said = w.message.text()
        assert said.startswith("Entity: Otieno"), said
        qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert sorted(
            w.controller.span_text(w.controller.entities[a.entity_id].start, w.controller.entities[a.entity_id].end)
            for a in w.controller.events[ev.id].arguments
        ) == ["Lee"]
        qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | SHIFT)
    finally:
        close_window(w)
    assert _entities_of_the_meeting(path) == ["Lee", "Otieno"]


def test_a_suggested_event_s_line_names_fewer_fillers_where_it_is_cut_so_its_keys_stay_in_view(qtbot, tmp_path):
    """Seed 001's "lend" at 1366x768: the line named three long fillers and was elided at its end, where its keys
    are ("… Money “$600 million”; X: re…"). Where the line does not fit, it names fewer (the rest counted)."""
    from ui_support import LEND, LEND_FILLERS, window_on_suggested_event

    w, ev = window_on_suggested_event(
        qtbot, tmp_path / "lend.annotator", LEND, "Transaction:Transfer-Money", "lend", 0.8, LEND_FILLERS
    )
    try:
        shown = w.message.shown_text()
        assert "X: reject)" in shown and "…" not in shown.split("X: reject)")[0][-3:], shown
        assert "and 1 more" in shown or "and 2 more" in shown, shown  # fewer named, the rest counted
        w.resize(1920, 1000)
        qtbot.waitUntil(lambda: w.message.width() > 1200)
        w.controller.select_event(None)
        w.controller.select_event(ev.id)  # wide enough: all three named, as before
        assert "Money “six hundred million doll…”; X: reject)" in w.message.shown_text(), w.message.shown_text()
    finally:
        close_window(w)
