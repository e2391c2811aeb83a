"""Session 40 (helper s40-app2): a copy of a project keeps its trained models (File > Save a copy…), or one line says
where they were left; nothing half-written is left at the target."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.learn import versions
from annotator.learn.copy_models import ModelsCopied, copy_models, models_to_copy
from annotator.store import Project


def _trained(path: Path, count: int) -> Project:
    project = Project(path, annotator="tester")
    for k in range(count):
        tmp = versions.new_temp_folder(project)
        (tmp / "pipeline").mkdir()
        (tmp / "pipeline" / "weights.bin").write_bytes(bytes(range(256)) * (k + 1))
        versions.publish(project, tmp, {"created": f"run {k}", "documents": 3}, k == 0)
    return project


def copied(
    project: Project,
    copy: Path,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> ModelsCopied:
    """What File > Save a copy… does with the models: chosen where the project is open (``models_to_copy``), copied
    by its worker (``copy_models``)."""
    return copy_models(models_to_copy(project), copy, cancelled, progress)


def test_a_saved_copy_keeps_its_trained_versions_usable(tmp_path):
    with _trained(tmp_path / "p.annotator", 2) as project:
        (tmp_path / "away").mkdir()
        copy = project.save_copy(tmp_path / "away" / "c.annotator")
        done = copied(project, copy)
    assert done.versions == [1, 2] and done.left_behind == ""
    with Project(copy, create=False, annotator="tester") as there:
        assert versions.left_behind(there) == []
        assert versions.default_version(there) == 1
        assert (versions.version_folder(there, 2) / "pipeline" / "weights.bin").read_bytes() == bytes(range(256)) * 2
    assert sorted(p.name for p in (tmp_path / "away").iterdir()) == ["c.annotator", "c.annotator.models"]


def test_a_cancelled_copy_leaves_nothing_at_the_target_and_says_where_the_models_are(tmp_path):
    asked = []
    with _trained(tmp_path / "p.annotator", 2) as project:
        copy = project.save_copy(tmp_path / "c.annotator")
        done = copied(project, copy, cancelled=lambda: asked.append(1) or len(asked) > 2)
        source = versions.models_dir(project)
    assert done.versions == []
    assert done.left_behind == f"its trained models were left in {source} (the copy of them was cancelled)"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.annotator", "p.annotator", "p.annotator.models"]


def test_a_models_folder_already_at_the_target_is_not_replaced_and_said(tmp_path):
    theirs = tmp_path / "c.annotator.models"
    (theirs / "1").mkdir(parents=True)
    (theirs / "1" / "keep.txt").write_text("another project's model")
    with _trained(tmp_path / "p.annotator", 1) as project:
        copy = project.save_copy(tmp_path / "c.annotator")
        done = copied(project, copy)
    assert done.versions == [] and "c.annotator.models is there already (not replaced)" in done.left_behind
    assert (theirs / "1" / "keep.txt").read_text() == "another project's model"
    assert sorted(p.name for p in theirs.iterdir()) == ["1"]


def test_a_copy_that_fails_midway_leaves_nothing_at_the_target(tmp_path, monkeypatch):
    from annotator.learn import copy_models

    real = copy_models._copy_file
    calls = []

    def failing(src, dst, *args):  # type: ignore[no-untyped-def]
        calls.append(src)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        return real(src, dst, *args)

    monkeypatch.setattr(copy_models, "_copy_file", failing)
    with _trained(tmp_path / "p.annotator", 2) as project:
        copy = project.save_copy(tmp_path / "c.annotator")
        done = copied(project, copy)
    assert done.versions == [] and "(No space left on device); copy that folder to" in done.left_behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.annotator", "p.annotator", "p.annotator.models"]


def test_a_project_with_no_trained_model_copies_nothing_and_says_nothing(tmp_path):
    with Project(tmp_path / "p.annotator", annotator="tester") as project:
        copy = project.save_copy(tmp_path / "c.annotator")
        done = copied(project, copy)
    assert done.versions == [] and done.left_behind == ""
    assert not (tmp_path / "c.annotator.models").exists()


def test_a_cancel_during_one_large_file_stops_within_it(tmp_path, monkeypatch):
    """Session 41: the cancel was looked at before each file only, so one model's weights (hundreds of MB on a slow
    stick) held it to the file's end. It is looked at before each chunk: asked during the first file, the copy stops
    before that file's end, and nothing is left at the target."""
    from annotator.learn import copy_models

    monkeypatch.setattr(copy_models, "CHUNK", 1024)
    seen: list[int] = []
    with Project(tmp_path / "p.annotator", annotator="tester") as project:
        tmp = versions.new_temp_folder(project)
        (tmp / "pipeline").mkdir()
        (tmp / "pipeline" / "weights.bin").write_bytes(b"w" * 64 * 1024)
        versions.publish(project, tmp, {"created": "run", "documents": 3}, True)
        copy = project.save_copy(tmp_path / "c.annotator")
        done = copied(project, copy, cancelled=lambda: len(seen) >= 3, progress=lambda d, t: seen.append(d))
    assert done.versions == [] and done.left_behind.endswith("(the copy of them was cancelled)")
    assert seen[-1] < 64 * 1024  # stopped inside the weights' file (on main: the whole file, then the cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.annotator", "p.annotator", "p.annotator.models"]


def test_the_models_kept_aside_for_a_project_travel_with_its_copy(tmp_path):
    """Session 41: a model trained while the project was moved is kept aside in a ``kept-…`` folder until attached
    (``annotator models P --attach``); Save a copy… left it behind, so the copy, taken to another machine, had lost
    those minutes of training with no word of it. It is copied too, as kept aside: the copy's Models box and Settings
    offer to attach it, as the original's do."""
    from annotator.learn.kept_models import KEPT_PREFIX, kept_for

    with _trained(tmp_path / "p.annotator", 1) as project:
        kept = versions.models_dir(project) / f"{KEPT_PREFIX}20261207-120000-42"
        (kept / "pipeline").mkdir(parents=True)
        (kept / "pipeline" / "weights.bin").write_bytes(b"k" * 300)
        (kept / versions.MANIFEST).write_text(f'{{"created": "moved run", "born": "{project.db.birth()}"}}')
        (tmp_path / "away").mkdir()
        copy = project.save_copy(tmp_path / "away" / "c.annotator")
        done = copied(project, copy)
    assert done.versions == [1] and done.kept == [kept.name] and done.left_behind == ""
    with Project(copy, create=False, annotator="tester") as there:
        found = kept_for(there)
        assert [f.parent for f in found] == [tmp_path / "away" / "c.annotator.models"]
        assert (found[0] / "pipeline" / "weights.bin").read_bytes() == b"k" * 300
