"""Session 39 (helper s39-app): session 38's Left and a day's work through the window. Each test failed on main."""

from __future__ import annotations

import pytest
from test_app_s37 import _two_logins_alike
from test_app_s38 import _dialog_said


def _typing(qtbot, row: int, words: str):  # type: ignore[no-untyped-def]
    """A step of ``_dialog_said``: the Set name cell of ``row`` opened for editing and ``words`` typed into it, key by
    key, the edit left open (neither Enter nor Tab)."""

    def step(dlg) -> None:  # type: ignore[no-untyped-def]
        item = dlg.files.item(row, 1)
        dlg.files.setCurrentItem(item)
        dlg.files.editItem(item)
        editor = dlg.files.indexWidget(dlg.files.indexFromItem(item))
        assert editor is not None
        qtbot.keyClicks(editor, words)

    return step


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_merge_dialog_s_preview_follows_a_set_name_at_each_key(qtbot, tmp_path, monkeypatch):
    """Two machines of one login: "alice" typed in the first file's Set name cell kept the two files apart, but the
    preview under the choice still said they both went into set 'ubuntu' until the edit was committed (Enter, Tab):
    it follows each key, and a name typed back to the other's says so again (session 38's Left)."""
    from ui_support import close_window, open_window

    team, files = _two_logins_alike(tmp_path)
    w = open_window(qtbot, team, annotator="lead", pipeline=None, size=(1366, 768))
    try:
        said = _dialog_said(qtbot, monkeypatch, w, files, [_typing(qtbot, 0, "alice")])
        again = _dialog_said(qtbot, monkeypatch, w, files, [_typing(qtbot, 0, "ali"), _typing(qtbot, 1, "ali")])
    finally:
        close_window(w)
    assert said[0].startswith("machine1.annotator and machine2.annotator both go into set 'ubuntu'"), said
    assert said[1] == "", said  # on main: the first line still, the edit not committed
    assert again[1] == "", again
    assert again[2].startswith("machine1.annotator and machine2.annotator both go into set 'ali'"), again
