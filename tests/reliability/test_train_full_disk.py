"""``annotator train`` on a disk with no room for the model it made (a 2 MB tmpfs: the trained pipeline is larger).
It said ``annotator: error: No space left on device`` after the whole training, naming nothing, and left an empty
``.models`` folder beside the project."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "learn"))

from learn_support import tiny_project  # noqa: E402

from annotator.cli import main  # noqa: E402
from annotator.learn import versions  # noqa: E402
from annotator.store import Project  # noqa: E402


@pytest.mark.slow
def test_train_on_a_full_disk_says_where_it_could_not_save_and_leaves_nothing(small_fs, capsys):
    path = small_fs / "tiny.annotator"
    tiny_project(path, 8).close()
    code = main(["train", str(path), "--ner-epochs", "2", "--event-epochs", "1"])
    err = capsys.readouterr().err
    lines = [x for x in err.splitlines() if x.startswith("annotator:")]
    assert code == 1 and len(lines) == 1, err
    assert f"{path}.models" in lines[0] and "No space left on device" in lines[0], err  # was: no name at all
    assert "no model version was made" in lines[0], err
    assert sorted(x.name for x in small_fs.iterdir()) == ["tiny.annotator"]  # no empty .models, no .tmp- folder
    with Project(path, create=False) as p:
        assert versions.list_versions(p) == []
        p.check_writable()


def test_train_where_a_file_holds_the_models_folder_s_name_refuses_before_training(tmp_path, capsys):
    """``export -f jsonl -o p.annotator.models`` (or any file of that name) before the first training: train trained
    for a minute, then failed with 'p.annotator.models: File exists'."""
    path = tmp_path / "tiny.annotator"
    tiny_project(path, 8).close()
    Path(f"{path}.models").write_text("an export\n", encoding="utf-8")
    code = main(["train", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and len(err.splitlines()) == 1, err
    assert "not the folder trained models are kept in" in err and "nothing was trained" in err, err
    assert "loading" not in err
    assert Path(f"{path}.models").read_text(encoding="utf-8") == "an export\n"
