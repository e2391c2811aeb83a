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


def test_a_prediction_on_the_open_document_shows_there_after_the_import(qtbot, window, tmp_path):
    import orjson

    from ui.workers import ImportFormatWorker

    c = window.controller
    out = tmp_path / "own.jsonl"
    writers()["dygiepp"](c.project, out)
    lines = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    (line,) = [x for x in lines if x["doc_key"] == c.doc.name]
    words = [w for s in line["sentences"] for w in s]
    known = {(e.start, e.end) for e in c.entities.values()}
    starts, at = [], 0  # the open document's words, found in its text in order, to pick one no entity covers
    for w in words:
        at = c.doc.text.index(w, at)
        starts.append(at)
        at += len(w)
    k = next(i for i, w in enumerate(words) if w.isalpha() and (starts[i], starts[i] + len(w)) not in known)
    line["predicted_ner"] = [[] for _ in line["sentences"]]
    sentence = next(j for j, s in enumerate(line["sentences"]) if k < sum(len(x) for x in line["sentences"][: j + 1]))
    line["predicted_ner"][sentence] = [[k, k, "ORG", 1.5, 0.77]]
    out.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    w = ImportFormatWorker(c.project.path, "dygiepp", [str(out)])
    window.start_worker(w, after=lambda: window._after_import_of(w))
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    qtbot.waitUntil(
        lambda: any(
            (e.start, e.end, e.label, e.state, e.score)
            == (starts[k], starts[k] + len(words[k]), "ORG", "suggested", 0.77)
            for e in c.entities.values()
        ),
    )
