"""What a training killed while it wrote its model leaves beside a project (shared by the core's and the app's tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def killed_training_folder(path: Path) -> Path:
    """A ``.tmp-PID-…`` folder, half-written, in the models folder of the project at ``path``, named with the id of a
    process that is gone (a training killed after it made its folder, before its version was moved into place)."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    tmp = path.with_name(path.name + ".models") / f".tmp-{int(gone.stdout)}-0a1b2c3d"
    (tmp / "ner").mkdir(parents=True)
    (tmp / "ner" / "model").write_bytes(b"\0" * 4096)  # half-written
    return tmp
