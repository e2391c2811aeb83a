"""A kept edit as one line of its journal (``kept_journal``): which of the core's edit functions, with which arguments
(JSON; only the core's edits and the model's own values, never any other class: the file is data), and making it
again as the person who kept it."""

from __future__ import annotations

import dataclasses
import math
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from annotator.errors import AnnotatorError
from annotator.model import Argument, Change, Entity, Event
from annotator.store import Project, now


def _edit_modules() -> tuple[Any, ...]:
    """What a journal line may name: the core's edit functions (the app's commands call nothing else). Imported
    when a journal is met: every command's open asks for one, and these modules load the adjudication's."""
    from annotator import edits, edits_flow
    from annotator.teams import adjudication

    return (edits, edits_flow, adjudication)


def _classes() -> dict[str, type]:
    """The values a journal line may make (no other class is ever made from a journal: the file is data)."""
    from annotator.teams import differences

    kinds = (
        Entity,
        Event,
        Argument,
        differences.Difference,
        differences.EntityOption,
        differences.EventOption,
        differences.CategoryOption,
    )
    return {c.__name__: c for c in kinds}


class NotJournaled(AnnotatorError):
    """An edit whose function or arguments a journal line cannot hold (it stays kept in memory only)."""


def _edit_name(edit: Callable[..., Change]) -> str:
    for module in _edit_modules():
        if getattr(module, edit.__name__, None) is edit and not edit.__name__.startswith("_"):
            return f"{module.__name__}:{edit.__name__}"
    raise NotJournaled(f"{getattr(edit, '__name__', edit)!r} is not one of the core's edits")


def _edit_named(name: str) -> Callable[..., Change]:
    module_name, _, fn = name.partition(":")
    for module in _edit_modules():
        if module.__name__ == module_name and not fn.startswith("_") and callable(getattr(module, fn, None)):
            return getattr(module, fn)
    raise NotJournaled(f"{name!r} is not one of the core's edits")


def _enc(v: Any) -> Any:
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        if not math.isfinite(v):
            raise NotJournaled(f"{v!r} is not a finite number")
        return v
    if isinstance(v, list):
        return [_enc(x) for x in v]
    if isinstance(v, tuple):
        return {"$t": [_enc(x) for x in v]}
    if isinstance(v, (set, frozenset)):
        return {"$s": [_enc(x) for x in v]}
    if isinstance(v, dict) and all(isinstance(k, str) for k in v):
        return {"$d": {k: _enc(x) for k, x in v.items()}}
    if dataclasses.is_dataclass(v) and _classes().get(type(v).__name__) is type(v):
        return {"$c": type(v).__name__, "f": {f.name: _enc(getattr(v, f.name)) for f in dataclasses.fields(v)}}
    raise NotJournaled(f"a {type(v).__name__} cannot be written to the journal")


def _dec(v: Any) -> Any:
    if isinstance(v, list):
        return [_dec(x) for x in v]
    if not isinstance(v, dict):
        return v
    if "$t" in v:
        return tuple(_dec(x) for x in v["$t"])
    if "$s" in v:
        return {_dec(x) for x in v["$s"]}
    if "$d" in v:
        return {k: _dec(x) for k, x in v["$d"].items()}
    cls = _classes().get(v.get("$c"))  # type: ignore[arg-type]
    if cls is None or not isinstance(v.get("f"), dict):
        raise NotJournaled(f"{str(v)[:80]} is not a value a journal holds")
    return cls(**{k: _dec(x) for k, x in v["f"].items()})


def record(
    project: Project, edit: Callable[..., Change], args: tuple, kwargs: dict[str, Any], title: str | None = None
) -> dict[str, Any]:
    """One kept edit as a journal line holds it (raises NotJournaled for what it cannot hold); ``title``: the edit in
    words, as the Undo menu names it (the app's command), for what an open says of the line."""
    line: dict[str, Any] = {
        "edit": _edit_name(edit),
        "args": _enc(list(args)),
        "kwargs": _enc(dict(kwargs)),
        "annotator": project.annotator,
        "set": project.annotation_set,
        "at": now(),
    }
    if title is not None:
        line["title"] = title
    return line


def edit_title(name: str) -> str:
    """An edit named by its function (``annotator.edits:accept_entity``) in words: "Accept entity"."""
    return name.rpartition(":")[2].replace("_", " ").capitalize()


def title_of(line: dict[str, Any]) -> str:
    """A journal line's edit in words: as the Undo menu named it when it was kept, else from its function's name (a
    line without a title, or a command the app has no words for)."""
    title = line.get("title")
    return title if isinstance(title, str) and title else edit_title(str(line.get("edit", "?")))


def edit_of(line: dict[str, Any]) -> tuple[Callable[..., Change], tuple, dict[str, Any]]:
    """The edit function and arguments a journal line names (raises NotJournaled for a line it cannot be)."""
    try:
        return _edit_named(str(line["edit"])), tuple(_dec(line["args"])), dict(_dec(line["kwargs"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise NotJournaled(f"not an edit ({type(exc).__name__}: {exc})") from None


@contextmanager
def as_who_kept(project: Project, line: dict[str, Any]) -> Iterator[None]:
    """Edits in the block are made as the person who kept ``line`` made it (their name, their annotation set)."""
    who, where = project.annotator, project.annotation_set
    project.annotator, project.annotation_set = line.get("annotator"), line.get("set") or where
    try:
        yield
    finally:
        project.annotator, project.annotation_set = who, where


def run_line(project: Project, line: dict[str, Any]) -> Change:
    """Make the edit of a journal line as the person who kept it made it."""
    edit, args, kwargs = edit_of(line)
    with as_who_kept(project, line):
        return edit(project, *args, **kwargs)
