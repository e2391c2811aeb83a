"""The command that starts a second interpreter on one of this tree's modules (the exports' second processes).

A plain ``python -m MODULE`` started by ``subprocess`` (a fork and an exec at once: never a fork that keeps
running this process's code, which could hold Qt's or SQLite's locks), not ``multiprocessing``, whose spawn
re-runs the caller's ``__main__``. The child imports this tree's ``annotator`` (the folder holding it first on
its path), not whatever an installed copy would give.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[1])  # the folder holding this ``annotator`` package


def module_command(
    module: str, *args: str, packages: tuple[str, ...] | None = None
) -> tuple[list[str], dict[str, str]]:
    """``(argv, env)`` for ``subprocess.Popen`` running ``python -m module args...`` on this tree's code.

    ``packages``: the only installed packages the child imports (their names): it starts without the ``site``
    module (no ``.pth`` files read, ~15 ms less), their folders and this tree on its path."""
    paths = [_ROOT]
    flags = []
    if packages is not None:
        flags = ["-S"]
        for name in packages:
            spec = importlib.util.find_spec(name)
            if spec is None or spec.origin is None:
                raise ImportError(f"no module named {name!r}")
            folder = Path(spec.origin).parent
            paths.append(str(folder.parent if folder.name == name else folder))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([*paths, os.environ.get("PYTHONPATH", "")])}
    return [sys.executable, *flags, "-m", module, *args], env


def process_alive(pid: int) -> bool:
    """True while process ``pid`` runs (this one included; another user's too): a leftover named with the id of a
    process that is gone is a killed run's, and may be removed."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def process_owner(pid: int) -> int | None:
    """The user id process ``pid`` runs as (another user's too: ``/proc`` tells it to anyone), None when it is gone or
    where it cannot be told (no ``/proc``)."""
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None
