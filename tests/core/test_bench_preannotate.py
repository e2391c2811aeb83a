"""``bench/preannotate.py``'s component-by-component runs (``--components``, ``--component-major``) over a pipeline
holding a plain function component: ``line_sentences`` (a headline's line ends its sentence) has no ``pipe``, and both
runs stopped at it with an AttributeError (session 42)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from annotator.nlp import blank_pipeline_with_patterns
from annotator.line_sentences import COMPONENT, add_line_sentences

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    spec = importlib.util.spec_from_file_location("preannotate_bench", ROOT / "bench" / "preannotate.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


@pytest.mark.slow  # spaCy and the bench's imports
def test_component_by_component_runs_a_function_component_as_nlp_pipe_does():
    pipe = blank_pipeline_with_patterns([{"label": "GPE", "pattern": "Kabul"}])
    add_line_sentences(pipe.nlp)
    assert COMPONENT in pipe.nlp.pipe_names
    texts = ["Two killed in Kabul blast\nA car bomb went off in Kabul on Monday.", "Talks end\nThe talks ended."]
    got = list(load_bench().component_major(pipe, texts, batch_size=2, chunk=2))
    want = list(pipe.nlp.pipe(texts))
    assert [[s.text for s in d.sents] for d in got] == [[s.text for s in d.sents] for d in want]
    assert [[s.text for s in d.sents] for d in got][0] == [
        "Two killed in Kabul blast\n",
        "A car bomb went off in Kabul on Monday.",
    ]
    assert [[(e.text, e.label_) for e in d.ents] for d in got] == [[("Kabul", "GPE"), ("Kabul", "GPE")], []]
