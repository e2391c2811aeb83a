"""A training whose project file is renamed or moved while it runs (session 17, round 9's Left): its save met the
moved file (``the project file was renamed or moved … reopen it from …``) and threw the trained model away, minutes of
training lost. The rename here is made by a hook between the training and its save (no kill, no timing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "learn"))

from learn_support import tiny_project  # noqa: E402

from reliability_support import AS_NOBODY, ROOT, needs_nobody  # noqa: E402

from annotator.cli import main  # noqa: E402
from annotator.learn import versions  # noqa: E402
from annotator.store import Project  # noqa: E402

TRAIN = ["--ner-epochs", "1", "--event-epochs", "1"]


def _move_at_save(monkeypatch: pytest.MonkeyPatch, path: Path, to: Path | None) -> None:
    """Rename (or, ``to`` None, delete) the project file when the trained model is about to be saved."""
    made = versions.publish  # the model written, its version about to be numbered (its folder is made at the start)

    def hook(project: Project, *args: Any, **kwargs: Any) -> int:
        monkeypatch.setattr(versions, "publish", made)  # once
        if to is None:
            os.unlink(path)
        else:
            os.rename(path, to)
        return made(project, *args, **kwargs)

    monkeypatch.setattr(versions, "publish", hook)


@pytest.mark.slow
def test_a_project_renamed_while_training_gets_its_model_where_it_is_now(tmp_path, monkeypatch, capsys):
    path, moved = tmp_path / "p.annotator", tmp_path / "elsewhere" / "q.annotator"
    moved.parent.mkdir()
    tiny_project(path, 8).close()
    _move_at_save(monkeypatch, path, moved)
    code = main(["train", str(path), *TRAIN])
    out, err = capsys.readouterr()
    assert code == 0, err  # was: 1, 'the project file was renamed or moved …', the model thrown away
    assert f"kept beside the project where it is now, {moved}" in out, out
    with Project(moved, create=False) as p:
        (info,) = versions.list_versions(p)
        assert info.present and info.version == 1
        assert versions.read_manifest(versions.models_dir(p) / "1")["source"] == "trained:q@1"
    assert not path.exists() and not Path(f"{path}.models").exists()  # nothing left under the old name


@pytest.mark.slow
def test_a_project_deleted_while_training_keeps_the_model_and_says_how_to_attach_it(tmp_path, monkeypatch, capsys):
    path = tmp_path / "p.annotator"
    tiny_project(path, 8).close()
    copy = tmp_path / "backup.annotator"
    copy.write_bytes(path.read_bytes())  # a backup of the same project (its birth), attached to afterwards
    _move_at_save(monkeypatch, path, None)
    code = main(["train", str(path), *TRAIN])
    err = capsys.readouterr().err
    lines = [x for x in err.splitlines() if x.startswith("annotator:")]
    assert code == 1 and len(lines) == 1, err
    kept = [d for d in Path(f"{path}.models").iterdir() if d.name.startswith("kept-")]
    assert len(kept) == 1 and (kept[0] / "pipeline").is_dir(), err  # was: nothing kept
    assert str(kept[0]) in lines[0] and "--attach" in lines[0], err
    assert main(["models", str(copy), "--attach", str(kept[0])]) == 0, capsys.readouterr().err
    with Project(copy, create=False) as p:
        (info,) = versions.list_versions(p)
        assert info.present and info.version == 1
    assert not kept[0].exists()


def test_attach_refuses_a_model_trained_for_another_project(tmp_path, capsys):
    a, b = tmp_path / "a.annotator", tmp_path / "b.annotator"
    tiny_project(a, 3).close()
    tiny_project(b, 3).close()
    with Project(a, create=False) as p:
        born = p.db.birth()
    folder = tmp_path / "kept-x"
    (folder / "pipeline").mkdir(parents=True)
    (folder / versions.MANIFEST).write_text(f'{{"born": "{born}", "created": "x"}}', encoding="utf-8")
    assert main(["models", str(b), "--attach", str(folder)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "trained for another project" in err, err
    assert folder.is_dir()
    with Project(b, create=False) as p:
        assert versions.list_versions(p) == []


@pytest.fixture
def team_folder():
    from reliability_support import shared_folder

    yield from shared_folder("annotator-train-moved-", mode=0o777)


@needs_nobody
@pytest.mark.slow  # another process, a training
def test_as_another_user_a_project_moved_where_she_cannot_write_keeps_the_model_and_names_the_place(team_folder):
    worker = Path(__file__).with_name("train_moved_worker.py")
    run = subprocess.run(
        [*AS_NOBODY, sys.executable, str(worker), str(team_folder)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        cwd="/",
    )
    lines = [x for x in run.stderr.splitlines() if x.startswith("annotator:")]
    assert run.returncode == 1 and len(lines) == 1, run.stderr
    now = team_folder / "b" / "p.annotator"
    kept = [d for d in (team_folder / "w" / "p.annotator.models").iterdir() if d.name.startswith("kept-")]
    assert len(kept) == 1 and (kept[0] / "pipeline").is_dir(), run.stderr  # was: thrown away
    assert f"is now {now}, where the model could not be saved" in lines[0], lines[0]
    assert f"'annotator models {now} --attach {kept[0]}'" in lines[0], lines[0]
    assert main(["models", str(now), "--attach", str(kept[0])]) == 0  # root can write there: attached
    with Project(now, create=False) as p:
        assert [v.version for v in versions.list_versions(p) if v.present] == [1]


@pytest.mark.slow
def test_the_app_s_train_worker_keeps_the_model_beside_the_project_renamed_while_it_trained(
    tmp_path, monkeypatch, qtbot
):
    from annotator.learn.options import TrainOptions
    from ui.workers import TrainWorker

    path, moved = tmp_path / "p.annotator", tmp_path / "r.annotator"
    tiny_project(path, 3).close()
    _move_at_save(monkeypatch, path, moved)
    worker = TrainWorker(path, options=TrainOptions(ner_epochs=1, event_epochs=1))
    failed: list[str] = []
    worker.failed.connect(failed.append)
    with qtbot.waitSignal(worker.finished, timeout=120_000):
        worker.start()
    worker.wait()
    assert not failed, failed  # was: 'the project file was renamed, moved or deleted while open …', nothing kept
    assert worker.report is not None and worker.report.moved_to == str(moved)
    with Project(moved, create=False) as p:
        assert [v.version for v in versions.list_versions(p) if v.present] == [1]
