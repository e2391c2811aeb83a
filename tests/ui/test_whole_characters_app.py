"""A selection never makes a span that ends inside a character (docs/reliability.md, "Session 34: characters kept
whole"): a selection holding one regional indicator of a flag, or an emoji without its U+FE0F, labelled by a key, is
the whole flag or emoji in the file (``graphemes.whole_characters``). Failed on main 200944d4 (the span was half a
flag: "🇻", and "🏛" without its U+FE0F, the LAW span s34-qa made)."""

from __future__ import annotations

import pytest

FLAG = "\U0001f1fb\U0001f1f3"
COURT = "\U0001f3db\ufe0f"
TEXT = f"Police in Hanoi {FLAG} met at the court {COURT} today."


@pytest.mark.slow  # a window of its own: ~2 s
@pytest.mark.parametrize("snap", [False, True])
def test_a_label_key_on_part_of_a_character_labels_all_of_it(qtbot, tmp_path, snap):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import open_window

    path = tmp_path / "emoji.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(TEXT, "a.txt")])  # never pre-annotated: the fallback tokens
    w = open_window(qtbot, path)
    c, v = w.controller, w.view
    v.snap_to_tokens = snap
    keys = {name: k for k, name in w.edit_actions.label_keys().items()}
    flag, court = TEXT.index(FLAG), TEXT.index(COURT)
    v.select_cp(flag, flag + 1)  # the first regional indicator alone
    qtbot.keyClick(v, keys["GPE"])
    v.select_cp(court, court + 1)  # the emoji without its variation selector
    qtbot.keyClick(v, keys["FAC"])
    spans = sorted((e.start, e.end, e.label) for e in c.project.entities(c.doc.id))
    assert spans == [(flag, flag + 2, "GPE"), (court, court + 2, "FAC")]
