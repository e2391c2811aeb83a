"""Project > Pre-annotate all documents leaves an annotated document as its annotator decided and says so, with the
way to ask for it; Project > Pre-annotate this document does that one, finished or not (round 11b: seed 006 got 2
suggestions back after it was marked annotated)."""

from __future__ import annotations

from ui_support import close_window, open_window

from annotator import edits


def _rows(db, doc: int) -> list[tuple[int, int, int, str, str]]:
    return sorted((e.id, e.start, e.end, e.label, e.state) for e in db.entities(doc))


def test_pre_annotate_all_leaves_the_annotated_document_and_this_document_asks_for_it(qtbot, project_path, db):
    a = db.document_ids()[0]
    edits.set_status(db, a, "annotated")  # as Ctrl+Enter leaves it
    before = _rows(db, a)
    assert any(state == "suggested" for *_, state in before)  # suggestions nobody decided, which a run would replace
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        w.open_document(a)
        w.actions_by_name["preannotate"].trigger()
        qtbot.waitUntil(lambda: not w.workers, timeout=60000)
        said = w.message.text()
        assert said.startswith("Pre-annotation: 2 documents, ") and "1 finished document left as it was" in said
        assert "this one too: Project > Pre-annotate this document" in said
        # whole at the window's width (the status bar lays itself out again once the progress bar is hidden, after the
        # run's end: read at once, under load, it was still the narrower line); the whole account in the tooltip
        qtbot.waitUntil(lambda: w.message.shown_text() == said)
        assert "old suggestions replaced" in w.message.toolTip() and "(annotated or reviewed)" in w.message.toolTip()
        assert _rows(db, a) == before  # main replaced its undecided suggestions (new rows)

        w.actions_by_name["preannotate_document"].trigger()
        qtbot.waitUntil(lambda: not w.workers, timeout=60000)
        said = w.message.text()
        assert said.startswith("Pre-annotation of a.txt alone (decisions kept): 1 document, ")
        assert "finished document" not in said
        after = _rows(db, a)
        assert after != before and [r[1:] for r in after] == [r[1:] for r in before]  # replaced by the same
        assert db.document(a).status == "annotated"
    finally:
        close_window(w)
