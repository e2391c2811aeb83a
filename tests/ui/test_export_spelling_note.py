"""The app's export says what the command line says when one file would write a label two ways (a CoNLL file's
``PER`` beside a document whose ``PERSON`` came as the schema names it): the Export's result on the status line said
only what it wrote, and a tagger trained on the file learns two classes for one thing without a word."""

from __future__ import annotations


from cli_support import two_spellings_project


def _exported(qtbot, window, path, fmt, out):  # type: ignore[no-untyped-def]
    from ui.status_line import SEPARATOR
    from ui.workers import ExportWorker

    window.start_worker(ExportWorker(path, fmt, str(out), ["suggested", "accepted", "added"]))
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    return window.message.text().split(SEPARATOR)


def test_the_export_result_says_a_label_written_two_ways(qtbot, window, tmp_path):
    p = two_spellings_project(tmp_path)
    lines = _exported(qtbot, window, p, "hf", tmp_path / "out.jsonl")
    assert lines[0] == f"Exported to {tmp_path / 'out.jsonl'}"
    assert lines[1] == (  # before the counts: the status line's width shows it at 1366x768
        "Note: PERSON is written PER (1 document) and PERSON (1 document): each document as the file it came from "
        "spelt it, a document annotated here as the schema names it"
    )
    assert lines[2].startswith("2 documents, 2 entities")
    lines = _exported(qtbot, window, p, "jsonl", tmp_path / "own.jsonl")  # the schema's names: one way
    assert len(lines) == 1 and lines[0].startswith("Exported to")
