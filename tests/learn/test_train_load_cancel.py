"""A Cancel pressed while a training loads a spaCy pipeline (session 43): spaCy's load gives no hand back inside it, so
the run looks at Cancel right after each load, and the progress says what is loading meanwhile."""

from __future__ import annotations

import pytest

from annotator.errors import TrainingCancelled
from annotator.learn import train, versions
from annotator.learn.train import TrainOptions, train_project
from learn_support import tiny_project


@pytest.mark.slow  # the real pipeline loaded once to parse the finished documents: ~2 s
def test_a_cancel_during_the_current_model_s_load_is_seen_before_the_next_load(tmp_path, monkeypatch):
    """The current model's load and the first part's own load ran one after the other with no look at Cancel
    between: a Cancel pressed during the first waited for both (0.7 s of CPU on 12 news articles, seconds under
    load). Each load is said in the progress while it runs."""
    project = tiny_project(tmp_path / "tiny.annotator", 3)
    said: list[str] = []
    asked = [False]
    loads: list[str] = []
    parser = train._load_parser

    def load_parser(base, events):  # type: ignore[no-untyped-def]
        loads.append(f"parser while: {said[-1]}")
        return parser(base, events)

    class Current:
        nlp = None

    def load_current(_project, version):  # type: ignore[no-untyped-def]
        loads.append(f"current while: {said[-1]}")
        asked[0] = True  # the person's Cancel, while the current model loads
        return Current()

    monkeypatch.setattr(train, "_load_parser", load_parser)
    monkeypatch.setattr(versions, "choose_version", lambda _project, _choice: 1)
    monkeypatch.setattr(versions, "load_version_pipeline", load_current)
    monkeypatch.setattr(versions, "load_version_events", lambda _project, _version: None)
    monkeypatch.setattr(train, "_load_full", lambda base: loads.append("a part's own load") or pytest.fail("loaded"))
    with pytest.raises(TrainingCancelled):
        train_project(
            project, TrainOptions().quick(), progress=lambda m, d, t: said.append(m), cancelled=lambda: asked[0]
        )
    project.close()
    assert loads == [  # on main the part's own load came next
        "parser while: loading the spaCy pipeline",  # on main: "parsing the finished documents"
        "current while: loading the current model (version 1) to score it",
    ]
