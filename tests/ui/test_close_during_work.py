"""Issue 9, point 9 (app): closing during a long pre-annotation asks, cancels and the process ends within a
second or two, without "QThread: Destroyed while thread is still running" (SIGABRT); finished work is kept."""

from __future__ import annotations

import pytest

import subprocess
import sys
import time

from ui_support import app_child_env

SCRIPT = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from spacy.language import Language
from annotator.importing import IncomingDocument, import_documents
from annotator.nlp import blank_pipeline_with_patterns
from annotator.preannotate import CHUNK_CHARS
from annotator.store import Project
from ui.app import finish
from ui.main_window import MainWindow
from ui.settings import AppSettings

path = sys.argv[1]
sentence = "Maria Lopez met officials in Paris.\n"
with Project(path, annotator="setup") as p:
    import_documents(p, [IncomingDocument("A short one about Paris.", "short.txt"),
                         IncomingDocument(sentence * (CHUNK_CHARS * 30 // len(sentence)), "long.txt")])

seen = []

@Language.component("issue9_slow")
def slow(doc):
    if len(doc.text) > 1000:
        seen.append(1)
        time.sleep(3.0)  # a long piece takes a while, as with a real model (25 s per piece here)
    return doc

def pipeline():
    pipe = blank_pipeline_with_patterns([{"label": "GPE", "pattern": "Paris"}])
    pipe.nlp.add_pipe("issue9_slow")
    return pipe

app = QApplication([])
settings = AppSettings()
settings.set("annotator", "tester")
w = MainWindow(settings, pipeline=pipeline, auto_preannotate=False)
w.show()
w.open_project(path)
asked = []
w.confirm_stop_work = lambda title: asked.append(title) or True

def close_when_busy():
    if not w.workers or not seen:  # the long document is being parsed
        QTimer.singleShot(100, close_when_busy)
        return
    print(f"closing {time.monotonic():.3f} asked-before={len(asked)}", flush=True)
    w.close()

w.preannotate(only_new=False)
QTimer.singleShot(100, close_when_busy)
code = app.exec()
print(f"asked={asked}", flush=True)
sys.exit(finish(w, code))
"""


@pytest.mark.slow
def test_close_during_a_long_preannotation_exits_within_two_seconds(tmp_path):
    env = app_child_env(tmp_path / "config")
    path = tmp_path / "p.annotator"
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(path)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("closing"), line + proc.stderr.read()[-3000:]
        closed_at = time.monotonic()
        proc.wait(timeout=60)
        took = time.monotonic() - closed_at
    finally:
        if proc.poll() is None:
            proc.kill()
    out, err = proc.stdout.read(), proc.stderr.read()
    assert proc.returncode == 0, (proc.returncode, err[-3000:])
    assert "QThread: Destroyed" not in err and "Traceback" not in err, err[-3000:]
    assert "asked=['Pre-annotation']" in out, out
    assert took < 2.5, f"the app took {took:.1f} s to end after closing"
    from annotator.store import Project

    with Project(path, create=False) as p:  # nothing half-stored; the file opens whole
        assert p.tokens(2) is None and p.entities(2) == []
        assert p.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
