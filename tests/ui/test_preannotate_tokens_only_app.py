"""The app's Pre-annotate had no tokens-only run (``preannotate --tokens-only`` in the command line and the API, session
19): a user with a gold corpus imported as annotated met, at a CoNLL or Hugging Face export, the fallback's cut
(``Merkel``, ``'``, ``s``) and a hint naming a command. Project > Pre-annotate tokens only runs it in a worker, with
progress and a cancel; the export's line in the app names that menu entry."""

from __future__ import annotations

import pytest

from ui_support import close_window, open_window, pattern_pipeline

TEXT = "Merkel's visit to Kabul ended on Monday. Police closed the road."


def _gold(tmp_path):  # type: ignore[no-untyped-def]
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    path = tmp_path / "gold.annotator"
    with Project(path, annotator="setup") as p:
        ents = [IncomingEntity(0, 0, 6, "PERSON")]
        docs = [
            IncomingDocument(text=f"{TEXT} Day {i}.", name=f"{i}.txt", status="annotated", entities=ents)
            for i in range(3)
        ]
        import_documents(p, docs)
    return path


@pytest.mark.slow  # a blank spaCy pipeline in a worker
def test_the_menu_stores_the_pipelines_tokens_and_suggests_nothing(qtbot, tmp_path):
    from annotator.store import Project

    path = _gold(tmp_path)
    w = open_window(qtbot, path)
    try:
        w.pipeline = pattern_pipeline
        act = w.actions_by_name["preannotate_tokens"]
        assert act in w.project_menu.actions()  # beside Pre-annotate all documents
        act.trigger()
        qtbot.waitUntil(lambda: not w.workers, timeout=30000)
        assert "Tokens only: 3 documents tokenised" in w.message.text(), w.message.text()
        with Project(path, create=False) as p:
            assert not p.db.documents_without_tokens()
            for doc in p.document_ids():
                assert [(e.label, e.state) for e in p.entities(doc)] == [("PERSON", "accepted")]
                assert p.document(doc).status == "annotated"
    finally:
        close_window(w)


@pytest.mark.slow  # a blank spaCy pipeline
def test_a_cancelled_tokens_only_run_keeps_its_batches_and_says_how_to_go_on(qtbot, tmp_path):
    from annotator.store import Project
    from ui.workers import PreannotateWorker

    path = _gold(tmp_path)
    said: list[str] = []
    worker = PreannotateWorker(path, pipeline=pattern_pipeline, batch_size=1, tokens_only=True)
    worker.progress.connect(lambda done, total, text: done >= 1 and worker.cancel())
    worker.done.connect(said.append)
    worker.run()  # here, not in a thread: what it says is the point
    assert said and "cancelled" in said[0] and "Project > Pre-annotate tokens only" in said[0], said
    with Project(path, create=False) as p:
        assert 0 < len(p.db.documents_without_tokens()) < 3


def test_the_apps_export_names_the_menu_entry_not_a_command(qtbot, tmp_path):
    from ui.workers import ExportWorker

    path = _gold(tmp_path)
    said: list[str] = []
    worker = ExportWorker(path, "conll", str(tmp_path / "out.conll"), ["accepted", "added"])
    worker.done.connect(said.append)
    worker.run()
    assert said and "had no stored tokens" in said[0] and "Project > Pre-annotate tokens only cuts them" in said[0]
    assert "annotator preannotate" not in said[0]
