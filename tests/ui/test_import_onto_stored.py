"""The app's import of the project's own DyGIE++ export says on its status line which documents it came onto (the
command line's note; the app showed only "1 annotated (already in the project)", or, before, a second copy)."""

from __future__ import annotations

from annotator.formats import writers


def test_the_status_line_says_the_documents_were_matched(qtbot, window, tmp_path):
    from ui.status_line import SEPARATOR
    from ui.workers import ImportFormatWorker

    project = window.controller.project
    before = project.document_ids()
    out = tmp_path / "own.jsonl"
    writers()["dygiepp"](project, out)
    window.start_worker(ImportFormatWorker(project.path, "dygiepp", [str(out)]))
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    lines = window.message.text().split(SEPARATOR)
    assert lines[0].startswith("Import (DyGIE++): 0 imported")
    n = len(before)
    assert lines[1].startswith(
        f"{out}: {n} document{'s' if n > 1 else ''} of the file matched the project's ({n} by name)"
    ), lines
    assert project.document_ids() == before
