"""An open in a window with no project open tells the panels once: the controller closed "the project before" even
when there was none, and every panel emptied itself again (projectChanged, documentChanged, documentsChanged) just
before the open filled it (~15 % of a window's open in the tests: File > Close project, then the next open). With a
project open, its close is said before the next one's open, as before."""

from __future__ import annotations

import shutil

from ui_support import close_window, shown_window


def _heard(c) -> list[str]:  # type: ignore[no-untyped-def]
    heard: list[str] = []
    for name in ("projectChanged", "documentChanged", "documentsChanged"):
        getattr(c, name).connect(lambda *_a, n=name: heard.append(n))
    return heard


def test_an_open_with_nothing_open_says_each_change_once(qtbot, project_path):
    w = shown_window(qtbot)
    heard = _heard(w.controller)
    assert w.open_project(project_path)
    assert sorted(heard) == ["documentChanged", "documentsChanged", "projectChanged"]
    assert w.controller.doc is not None and w.legend.item_texts()[0].startswith("[1] PERSON")

    other = project_path.with_name("other.annotator")
    shutil.copyfile(project_path, other)
    heard.clear()
    assert w.open_project(other)  # one open: its close said first, then the open
    assert heard[:3] == ["projectChanged", "documentChanged", "documentsChanged"]
    assert sorted(heard[3:]) == ["documentChanged", "documentsChanged", "projectChanged"]
    close_window(w)
    assert w.controller.project is None and w.legend.item_texts() == []
