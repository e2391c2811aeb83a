"""Session 29 as a user, the states the window said wrongly (helper s29-qac, docs/reliability.md "Session 29: as a
user"): seen under Xvfb at 1366x768 on a project made from seeds/; each test failed on main before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_support import close_window, open_window, settled


def _team(tmp_path: Path, project_path: Path) -> Path:
    """A team project merged from alice's copy (every entity suggestion of the first document accepted) and bob's (not
    opened): nothing decided in its final set."""
    from annotator import edits
    from team_copies import merged_copies

    return merged_copies(
        project_path,
        {"alice": lambda p: edits.accept_all(p, p.document_ids()[0]), "bob": None},
        into=tmp_path / "team.annotator",
    )


@pytest.mark.slow  # a merge of two projects and a window: 1.5 s
def test_a_team_document_before_adjudication_does_not_say_every_suggestion_is_decided(qtbot, tmp_path, project_path):
    """Seeds merged (`merge team alice bob`), `gui team`: 000's line read "Every suggestion in this document is
    decided; 21 trigger words are no event yet (N: the next; Ctrl+Enter: mark it annotated)" where the final set had
    no suggestion at all and alice's work waited for adjudication. It now says what waits and the key that settles it;
    a document with no suggestion and nobody's work says there is none."""
    w = open_window(qtbot, _team(tmp_path, project_path), annotator="vera", pipeline=None)
    try:
        c = w.controller
        first, second = c.project.document_ids()[:2]
        w.open_document(first)
        settled(qtbot, lambda: c.doc is not None and c.doc.id == first)
        w.describe_current_entity()
        line = w.message.text()
        assert "Every suggestion" not in line, line
        assert line.startswith("Nothing decided here yet: the work of alice waits for adjudication"), line
        assert "Ctrl+Shift+J" in line, line
        w.open_document(second)  # nobody worked on it: no suggestion, nothing waits
        settled(qtbot, lambda: c.doc is not None and c.doc.id == second)
        w.describe_current_entity()
        line = w.message.text()
        assert line.startswith("No suggestions in this document"), line
    finally:
        close_window(w)


@pytest.mark.slow  # a pre-annotation run: about a second
def test_the_saved_time_follows_the_app_s_own_pre_annotation(qtbot, project_path):
    """Pre-annotate this document (the app's own run, trained:w@1 at 1366x768): 50 suggestions written, and the status
    bar's "saved 08:14:45" stayed at the last key's (here, a project just opened, it said nothing at all), as if the
    run had not written the file. The run's end is the last save."""
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        assert w.saved_label.text() == ""  # nothing saved by this window yet
        w.actions_by_name["preannotate_document"].trigger()
        qtbot.waitUntil(lambda: not w.workers, timeout=60000)
        assert w.message.text().startswith("Pre-annotation of "), w.message.text()
        saved = w.saved_label.text()
        assert saved.startswith("saved ") and saved[6:] == w.controller.last_saved, saved
    finally:
        close_window(w)
