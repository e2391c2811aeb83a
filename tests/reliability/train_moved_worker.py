"""Run as another user by ``test_train_project_moved``: make a tiny project in ``argv[1]/w``, train it, and at the
save move the file to ``argv[1]/b`` and make that folder unwritable (a move by a hook, no kill, no timing)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "learn"))

from learn_support import tiny_project  # noqa: E402

from annotator.cli import main  # noqa: E402
from annotator.learn import versions  # noqa: E402

top = Path(sys.argv[1])
old, new = top / "w", top / "b"
old.mkdir()
new.mkdir()
path = old / "p.annotator"
tiny_project(path, 8).close()
made = versions.publish  # the save: the model written, its version about to be numbered


def hook(project, *args, **kwargs):  # type: ignore[no-untyped-def]
    versions.publish = made
    os.rename(path, new / "p.annotator")
    os.chmod(new, 0o555)  # the folder it went to cannot be written: its models folder cannot be made there
    return made(project, *args, **kwargs)


versions.publish = hook
sys.exit(main(["train", str(path), "--ner-epochs", "1", "--event-epochs", "1"]))
