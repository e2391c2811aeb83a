"""A trained model whose project file went away under its run (renamed, moved or deleted while it trained): saved
beside the project where it is now, else kept in a folder of its own and attached later (``annotator models P
--attach FOLDER``). The minutes of training are not thrown away at the save."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import orjson

from annotator import fileid, whereabouts
from annotator.errors import AnnotatorError, ModelKeptAsideError, ModelVersionError, ProjectMovedError
from annotator.learn import versions
from annotator.opencheck import why_file_not_written
from annotator.store import Project

KEPT_PREFIX = "kept-"  # a kept model's folder in the models folder under the old name: never a version's (digits)


def _move_in(project: Project, folder: Path, manifest: dict[str, Any], make_default: bool) -> int:
    """Move the finished model ``folder`` into ``project``'s models folder and publish it as its next version."""
    place = versions.new_temp_folder(project)
    os.rmdir(place)
    shutil.move(str(folder), str(place))
    try:
        return versions.publish(project, place, manifest, make_default)
    except BaseException:
        if place.is_dir() and not folder.exists():  # not published: put back where it was kept
            shutil.move(str(place), str(folder))
        raise


def _drop_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def publish_where_now(
    project: Project, tmp: Path, manifest: dict[str, Any], make_default: bool, moved: ProjectMovedError
) -> tuple[Path, int]:
    """Publish the model in ``tmp`` beside the project file where it is now (the very file: its identity, and its
    birth); returns (that path, the version). Not found (deleted, or moved where this process cannot see it): the
    model is kept in a folder beside the old name and ModelKeptAsideError says where and how to attach it."""
    old_models = versions.models_dir(project)
    born = project.db.birth()
    now_at = moved.file_now or moved.new_path
    found, project_now = "was not found", "PROJECT"
    if now_at is not None and project.identity is not None and fileid.identity(now_at) == project.identity:
        try:
            with Project(now_at, create=False, annotator=project.annotator) as there:
                if there.db.birth() == born:
                    there.check_writable()
                    version = _move_in(there, tmp, manifest, make_default)
                    _drop_if_empty(old_models)
                    return there.path, version
        except (AnnotatorError, OSError) as exc:  # kept below, said
            why = why_file_not_written(exc) if isinstance(exc, OSError) else str(exc)
            found, project_now = f"is now {now_at}, where the model could not be saved ({why})", str(now_at)
    kept = old_models / f"{KEPT_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    (tmp / versions.MANIFEST).write_bytes(orjson.dumps({**manifest, "born": born}, option=orjson.OPT_INDENT_2))
    os.replace(tmp, kept)
    whereabouts.note_kept_model(project.identity, kept)  # the moved file's next open finds it from its new folder
    raise ModelKeptAsideError(
        f"{project.path}: the project file was renamed, moved or deleted while training and {found}; the trained model "
        f"is kept in {kept}: attach it to the project where it is now with 'annotator models {project_now} --attach "
        f"{kept}'",
        kept=str(kept),
        project_now=None if project_now == "PROJECT" else project_now,
    )


def _trained_for(project: Project, folder: Path, born: str) -> bool:
    """Whether ``folder`` holds a kept model trained for ``project`` (or a copy of it: its birth)."""
    try:
        return (folder / "pipeline").is_dir() and versions.read_manifest(folder).get("born") == born
    except (ModelVersionError, OSError):
        return False


def kept_for(project: Project) -> list[Path]:
    """The kept models (``publish_where_now``'s) trained for this project and not attached yet, oldest first: those
    beside its name (the project deleted while it trained, then restored there) and those the per-user index names
    for its file (moved while it trained: kept beside the old name, in another folder). One folder listing and one of
    the index; nothing is read further unless a ``kept-`` folder is there."""
    here = versions.models_dir(project)
    try:
        with os.scandir(here) as entries:
            found = [Path(e.path) for e in entries if e.name.startswith(KEPT_PREFIX) and e.is_dir()]
    except OSError:
        found = []
    found += whereabouts.kept_models(project.identity)
    if not found:
        return []
    born = project.db.birth()
    seen: dict[str, Path] = {}
    for folder in found:
        key = os.path.realpath(folder)
        if key not in seen and _trained_for(project, folder, born):
            seen[key] = folder
    return sorted(seen.values(), key=lambda f: f.name)


def attach(project: Project, folder: str | Path) -> int:
    """Make the kept model ``folder`` (``publish_where_now``'s) the project's next version, not the default; refused
    for a model trained for another project (its birth), or a folder that holds no trained model."""
    folder = Path(folder)
    manifest = versions.read_manifest(folder)
    if not (folder / "pipeline").is_dir():
        raise ModelVersionError(f"{folder}: holds no trained model (no pipeline folder); nothing was attached")
    if manifest.get("born") not in (None, project.db.birth()):
        raise ModelVersionError(
            f"{folder}: a model trained for another project (not {project.path.name} or a copy of it); nothing was "
            "attached"
        )
    manifest = {k: v for k, v in manifest.items() if k not in ("version", "source")}
    version = _move_in(project, folder, manifest, make_default=False)
    _drop_if_empty(folder.parent)
    return version
