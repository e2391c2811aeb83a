"""Trained model versions kept beside the project file: ``<project file>.models/<N>/`` with a manifest.

The project file records which versions were trained and which one is the default (key ``models`` of its
``project`` table), so a project copied without its ``.models`` folder says the models were left behind instead
of silently falling back. A version folder appears only by renaming a finished temporary folder, so a
cancelled or killed run never leaves a half-written model in use.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import uuid
from datetime import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotator import fileid
from annotator.child_process import process_alive
from annotator.errors import ModelVersionError, SaveError, TrainingRunning
from annotator.opencheck import why_file_not_written
from annotator.nlp import DEFAULT_PIPELINE, Pipeline
from annotator.store import Project

REGISTRY_KEY = "models"
MANIFEST = "manifest.json"
ORIGINAL = "original"


def models_dir(project: Project) -> Path:
    return project.path.with_name(project.path.name + ".models")


def project_label(project: Project) -> str:
    """The project's name in sources: ``trained:<label>@<N>`` (the file name without its suffix)."""
    return project.path.stem


TRAINED_SOURCE = "trained:"  # the source of a trained version's suggestions: trained:PROJECT@N


def source_of(project: Project, version: int) -> str:
    return f"{TRAINED_SOURCE}{project_label(project)}@{version}"


@dataclass
class VersionInfo:
    version: int
    created: str = ""
    documents: int = 0
    present: bool = True  # False: recorded in the project file but its folder is not beside it
    default: bool = False
    manifest: dict[str, Any] = field(default_factory=dict)


def registry(project: Project) -> dict[str, Any]:
    value = project.db.project_value(REGISTRY_KEY)
    return orjson.loads(value) if value is not None else {"default": None, "versions": []}


def _write_registry(project: Project, reg: dict[str, Any]) -> None:
    with project.transaction():
        project.db.set_project_value(REGISTRY_KEY, orjson.dumps(reg).decode())


def read_manifest(folder: Path) -> dict[str, Any]:
    try:
        return orjson.loads((folder / MANIFEST).read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        raise ModelVersionError(f"{folder}: the model's manifest cannot be read ({exc})") from None


def list_versions(project: Project) -> list[VersionInfo]:
    reg = registry(project)
    out = []
    for entry in reg["versions"]:
        n = int(entry["version"])
        folder = models_dir(project) / str(n)
        info = VersionInfo(
            n,
            entry.get("created", ""),
            int(entry.get("documents", 0)),
            present=(folder / MANIFEST).is_file(),
            default=reg.get("default") == n,
        )
        if info.present:
            try:
                info.manifest = read_manifest(folder)
            except ModelVersionError:
                info.present = False
        out.append(info)
    return out


def left_behind(project: Project) -> list[int]:
    """Versions the project file records whose folders are missing (the project was copied without them)."""
    return [v.version for v in list_versions(project) if not v.present]


def made_at(folder: Path) -> str | None:
    """When the model in ``folder`` was trained, as its manifest says (None: no manifest to read)."""
    try:
        return str(read_manifest(folder).get("created", ""))
    except ModelVersionError:
        return None


def _folder_holding(project: Project, missing: list[int]) -> Path | None:
    """A models folder beside the project file, under another project's name, that holds the missing versions (the
    same creation time in each manifest): the project was renamed, or copied under a new name, beside its models."""
    made = {int(e["version"]): str(e.get("created", "")) for e in registry(project)["versions"]}
    own = models_dir(project)
    for folder in sorted(project.path.parent.glob("*.models")):
        if folder != own and folder.is_dir() and all(made_at(folder / str(n)) == made.get(n) for n in missing):
            return folder
    return None


def left_behind_message(project: Project) -> str:
    missing = left_behind(project)
    if not missing:
        return ""
    numbers = ", ".join(map(str, missing))
    what = f"trained model version {numbers} was" if len(missing) == 1 else f"trained model versions {numbers} were"
    own = models_dir(project)
    holder = _folder_holding(project, missing)
    them = "it" if len(missing) == 1 else "them"
    if own.is_dir():  # versions trained since the copy are in it: "copy that folder to it" put the folder inside it
        folders = f"folder {numbers}" if len(missing) == 1 else f"folders {numbers}"
        if holder is not None:
            return (
                f"{project.path.name}: {what} not found in {own.name}; {holder.name} beside it holds {them} (the "
                f"project was renamed or copied, and trained since): copy {folders} of {holder.name} into {own.name} "
                f"(cp -r {' '.join(f'{holder.name}/{n}' for n in missing)} {own.name}/) to use {them}"
            )
        return (
            f"{project.path.name}: {what} left behind (expected in {own}, which holds the versions trained since; "
            f"copy {folders} of the models folder where the project was into it to use {them})"
        )
    if holder is not None:  # the models are found by the project file's name: said, with the folder that has them
        return (
            f"{project.path.name}: {what} not found in {own.name}; {holder.name} beside it holds "
            f"{'it' if len(missing) == 1 else 'them'} (the project was renamed or copied): rename or copy that "
            f"folder to {own.name} to use {'it' if len(missing) == 1 else 'them'}"
        )
    return (
        f"{project.path.name}: {what} left behind (expected in {own}; copy the models folder from where the project "
        f"was to that place to use {'it' if len(missing) == 1 else 'them'})"
    )


def default_version(project: Project) -> int | None:
    d = registry(project).get("default")
    return int(d) if d is not None else None


def next_version(project: Project) -> int:
    used = [int(e["version"]) for e in registry(project)["versions"]]
    folder = models_dir(project)
    if folder.is_dir():
        used += [int(p.name) for p in folder.iterdir() if p.name.isdigit()]
    return max(used, default=0) + 1


def check_models_place(project: Project) -> None:
    """Raise ModelVersionError when something other than a folder has the models folder's name (an export written
    there): a run would train for minutes, then fail to save."""
    root = models_dir(project)
    if os.path.lexists(root) and not root.is_dir():
        raise ModelVersionError(
            f"{root}: is a file, not the folder trained models are kept in; move it away or rename it; nothing was "
            "trained"
        )


def new_temp_folder(project: Project, mark: str = "") -> Path:
    """A fresh folder to write a model into (``mark`` in its name after the process id); stale ones of killed runs
    are removed first."""
    remove_killed_runs_folders(project)
    tmp = models_dir(project) / f".tmp-{os.getpid()}-{mark}{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)  # the models folder too (an open's tidying may have removed it, empty, just before)
    return tmp


TRAINING_MARK = "t"  # a training's folder: .tmp-PID-tNANOSECONDS-HEX (its start in the name: mtimes move as it saves)


def start_training_folder(project: Project) -> Path:
    """The folder a training writes its model into, made at the training's start: a second training of the project
    finding one of a run still going (its process alive) that started before it is refused (``TrainingRunning``),
    before minutes of parsing and training; so is the later of two started at once."""
    try:
        tmp = new_temp_folder(project, f"{TRAINING_MARK}{time.time_ns()}-")
    except OSError as exc:
        raise SaveError(
            f"{models_dir(project)}: cannot make the folder a trained model is written to "
            f"({why_file_not_written(exc)}); nothing was trained"
        ) from None
    other = training_running(project, before=tmp)
    if other is not None:
        discard_temp_folder(project, tmp)
        raise TrainingRunning(
            f"{project.path}: a training of this project is already running ({other}); nothing was trained: run it "
            "again when that one has finished (it makes a version of the same documents)"
        )
    return tmp


def training_running(project: Project, before: Path | None = None) -> str | None:
    """The training of this project that is running, as "pid N since HH:MM" (the first started), or None: a folder
    of a training's whose process is alive and has this project file open (a folder copied with the models while
    that run trained the original is not this file's); with ``before`` (this run's own folder), one started before
    it (by its name's start: of two started in the same instant, the later gives way)."""
    root = models_dir(project)
    if not root.is_dir():
        return None
    mine = _training_started(before) if before is not None else None
    if before is not None and mine is None:
        return None
    running = [
        (started, pid)
        for folder in root.glob(".tmp-*")
        if folder != before
        and (started := _training_started(folder)) is not None
        and (before is None or (started, folder.name) < (mine, before.name))
        and process_alive(pid := int(folder.name.split("-")[1]))
        and fileid.process_has_open(pid, project.path) is not False
    ]
    if not running:
        return None
    started, pid = min(running)
    return f"pid {pid} since {datetime.fromtimestamp(started / 1e9).strftime('%H:%M')}"


def _training_started(folder: Path) -> int | None:
    """When the training whose folder this is started (nanoseconds since the epoch), from its name; None for
    another folder (an attach's, a training's of an older version of the program)."""
    parts = folder.name.split("-")
    if len(parts) < 4 or not parts[1].isdigit() or not parts[2].startswith(TRAINING_MARK):
        return None
    stamp = parts[2][len(TRAINING_MARK) :]
    return int(stamp) if stamp.isdigit() else None


def remove_killed_runs_folders(project: Project) -> list[Path]:
    """Remove the temporary folders (``.tmp-PID-…``) of trainings killed before they made a version (their process
    gone), and the models folder when nothing else is in it; the folders removed. Called at a read-write open too: a
    killed run's half-written model stayed beside the project until the next training (round 15b). A folder of a run
    still going (its process alive, this user's or another's) is left; one another user's that this user may not
    remove is left as it is."""
    root = models_dir(project)
    if not root.is_dir():  # one stat at an open, the usual case
        return []
    removed = []
    for old in root.glob(".tmp-*"):
        pid = old.name.split("-")[1] if old.name.count("-") >= 2 else ""
        if not (pid.isdigit() and process_alive(int(pid))):
            shutil.rmtree(old, ignore_errors=True)
            if not os.path.lexists(old):
                removed.append(old)
    if removed:
        try:
            root.rmdir()  # only when empty: a first training killed left nothing else
        except OSError:
            pass
    return removed


def discard_temp_folder(project: Project, tmp: Path) -> None:
    """Remove ``tmp`` (a run that made no version), and the models folder with it when nothing else is in it (a
    first run on a full disk left an empty ``p.annotator.models`` beside the project)."""
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        models_dir(project).rmdir()  # only when empty
    except OSError:
        pass


def publish(project: Project, tmp: Path, manifest: dict[str, Any], make_default: bool) -> int:
    """Write the manifest, rename the temporary folder to the next version number, then record it: number, rename and
    record in one transaction, so two runs finishing at once (the app's and a command's) each get their own number and
    record (the registry was read before and written after: the last writer dropped the other's version)."""
    with project.transaction():
        _record_left_in_place(project)
        version = next_version(project)
        # born: the project it was trained for (copies and backups of it share it); its name alone is not
        manifest = {**manifest, "version": version, "source": source_of(project, version), "born": project.db.birth()}
        (tmp / MANIFEST).write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        target = models_dir(project) / str(version)
        os.replace(tmp, target)  # atomic on one file system; a folder never appears half-written
        reg = registry(project)
        reg["versions"].append(
            {"version": version, "created": manifest.get("created", ""), "documents": manifest.get("documents", 0)}
        )
        if make_default:
            reg["default"] = version
        _write_registry(project, reg)
    return version


def _record_left_in_place(project: Project) -> list[int]:
    """Record the versions a run killed between moving its folder into place and recording it left unlisted (whole:
    the manifest is written before the move), not as the default. Called inside ``publish``'s transaction: no other
    run is between its move and its record then (it would hold the same write lock)."""
    root = models_dir(project)
    if not root.is_dir():
        return []
    reg = registry(project)
    listed = {int(e["version"]) for e in reg["versions"]}
    found = []
    for folder in root.iterdir():
        if not folder.name.isdigit() or int(folder.name) in listed or not folder.is_dir():
            continue
        try:
            manifest = read_manifest(folder)
        except ModelVersionError:
            continue
        if (manifest.get("version"), manifest.get("source")) != (
            int(folder.name),
            source_of(project, int(folder.name)),
        ):
            continue  # not a version this project published (another project's models folder put here)
        if manifest.get("born") not in (None, project.db.birth()):
            continue  # another project's of the same name (deleted, or moved away without its models folder)
        found.append(int(folder.name))
        reg["versions"].append(
            {
                "version": int(folder.name),
                "created": manifest.get("created", ""),
                "documents": manifest.get("documents", 0),
            }
        )
    if found:
        reg["versions"].sort(key=lambda e: int(e["version"]))
        _write_registry(project, reg)
    return found


def set_default(project: Project, version: int | None) -> None:
    """Make ``version`` the default for pre-annotation (None: the original pipeline)."""
    with project.transaction():  # read and written together: a version another run records meanwhile is kept
        if version is not None:
            info = next((v for v in list_versions(project) if v.version == version), None)
            if info is None:
                raise ModelVersionError(f"no trained model version {version} (see: annotator models {project.path})")
            if not info.present:
                raise ModelVersionError(left_behind_message(project))
        reg = registry(project)
        reg["default"] = version
        _write_registry(project, reg)


@dataclass
class TrainedPipeline(Pipeline):
    """A trained version's pipeline: its suggestions carry ``trained:PROJECT@N`` as their source."""

    label: str = ""

    @property
    def source(self) -> str:
        return self.label

    @property
    def run_record(self) -> tuple[str, str]:
        # its spaCy meta is the base pipeline's: recorded as such, a run of version N read as the original's
        return self.label, f"(trained from {self.name} {self.version})"


def version_folder(project: Project, version: int) -> Path:
    info = next((v for v in list_versions(project) if v.version == version), None)
    if info is None:
        raise ModelVersionError(f"no trained model version {version} (see: annotator models {project.path})")
    if not info.present:
        raise ModelVersionError(left_behind_message(project))
    return models_dir(project) / str(version)


def load_version_pipeline(project: Project, version: int) -> TrainedPipeline:
    from annotator.nlp import load_pipeline

    folder = version_folder(project, version)
    base = load_pipeline(str(folder / "pipeline"), events=bool(project.schema.events))
    return TrainedPipeline(base.nlp, base.name, base.version, label=source_of(project, version))


def load_version_events(project: Project, version: int) -> Any | None:
    """The version's event suggester, or None when it was trained without events."""
    from annotator.learn.event_model import EventModel, TrainedEventSuggester

    folder = version_folder(project, version) / "events"
    if not (folder / "events.json").is_file():
        return None
    return TrainedEventSuggester(EventModel.load(folder), project.schema, source_of(project, version))


def choose_version(project: Project, choice: str | int | None) -> int | None:
    """``None``/"default": the default version if one exists and is beside the project (else the original:
    callers say so with ``left_behind_message``); "original": None; N: version N (which must be present)."""
    if choice == ORIGINAL:
        return None
    if choice is None or choice == "default":
        d = default_version(project)
        if d is None or d in left_behind(project):
            return None
        return d
    version_folder(project, int(choice))
    return int(choice)


@dataclass(frozen=True)
class Plan:
    """What pre-annotation will run, told without loading it: a trained ``version``, else the spaCy ``pipeline`` (a
    name or a path); ``note``: the default version left behind, the original pipeline used instead."""

    version: int | None
    pipeline: str
    note: str = ""


def setting_choice(setting: str | None) -> tuple[str | None, int | None]:
    """The app's "spaCy pipeline" setting as pre-annotation's ``(model, model_version)``: empty or the shipped
    pipeline's name, the project's default (None, None); "version N" (None, N); "original" or another pipeline's
    name or path (it, None)."""
    name = (setting or "").strip()
    number = re.fullmatch(r"version (\d+)", name)
    if number:
        return None, int(number.group(1))
    return (None if name in ("", DEFAULT_PIPELINE) else name), None


def plan_preannotation(project: Project, model: str | None = None, model_version: int | None = None) -> Plan:
    """``model_version`` N (ModelVersionError: no such version, or left behind); else ``model``: "original" (the
    shipped pipeline), a spaCy pipeline name or path, or None: the project's default trained version when one exists
    and is beside the project, else the original pipeline (said in ``note`` when the default was left behind)."""
    if model_version is not None:
        v = choose_version(project, model_version)
    elif model is None:
        v = choose_version(project, "default")
    else:
        v = None
    note = left_behind_message(project) if v is None and model is None and model_version is None else ""
    if note:
        note += "; using the original pipeline"
    return Plan(v, DEFAULT_PIPELINE if model in (None, ORIGINAL) else str(model), note)


@dataclass
class Selection:
    """What pre-annotation runs: an entity pipeline, a trained event suggester (or None) and a note to show."""

    pipeline: Pipeline
    events: Any | None
    version: int | None
    note: str = ""


def select_for_preannotation(project: Project, model: str | None = None, model_version: int | None = None) -> Selection:
    """The pipeline and event suggester ``plan_preannotation`` names, loaded."""
    from annotator.nlp import load_pipeline

    plan = plan_preannotation(project, model, model_version)
    if plan.version is not None:
        v = plan.version
        return Selection(load_version_pipeline(project, v), load_version_events(project, v), v)
    return Selection(load_pipeline(plan.pipeline, events=bool(project.schema.events)), None, None, plan.note)
