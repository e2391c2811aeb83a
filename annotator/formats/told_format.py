"""A reader asked for by name (``import --format``): its options checked before anything is read, and a file its
name or content tells to be something else said (the refusal or the note naming what it is and how to import it)."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from annotator.errors import AnnotatorError, ImportFileError, OptionError
from annotator.formats import readers
from annotator.formats.detect import told_apart
from annotator.formats.reading import reader_options
from annotator.formats.registry import FORMATS, read_as_name


def check_import_options(fmt: str, skip_bad: bool = False, options: Mapping[str, str] | None = None) -> None:
    """Refuse, before anything is opened or read, a format ``import_format`` has no reader for, ``skip_bad`` for a
    reader that reads files whole, and options its reader does not take (``OptionError``)."""
    table = readers()
    if fmt not in table:
        raise AnnotatorError(f"unknown import format {fmt!r}; choose one of {', '.join(table)}")
    if skip_bad and "skip_bad" not in FORMATS[fmt].read_options:
        can = ", ".join(f.shown for f in FORMATS.values() if "skip_bad" in f.read_options)
        raise AnnotatorError(f"skipping bad lines is for {can}; {FORMATS[fmt].shown} files are read whole or refused")
    takes = FORMATS[fmt].import_options
    if options and not takes:
        can = ", ".join(f.shown for f in FORMATS.values() if f.import_options)
        raise OptionError(f"{FORMATS[fmt].shown} import takes no options (formats with options: {can})")
    reader_options(options, fmt)


def told_otherwise(exc: ImportFileError, path: Path, fmt: str) -> ImportFileError:
    """``exc`` (the reader ``fmt`` refused ``path``) with what the file is and how to import it, when its name or
    content tells another kind (``--format prodigy`` on the JSON export said only "'text' must be a non-empty
    string")."""
    told = told_apart(path)
    if told is None or told[1] == f"--format {fmt}":
        return exc
    what, how = told
    option = "import it without --format" if how == "no --format" else f"import it with {how}"
    read_as = read_as_name(fmt, str(path))  # "not spaCy v2 JSON" of a .jsonl, not "not spaCy DocBin"
    return ImportFileError(exc.path, f"{exc.reason} (not {read_as}: this is {what}; {option})", exc.line)


def refuse_own_export(path: Path, fmt: str) -> None:
    """Refuse the project's own JSON or JSONL export that another tool's reader took, as the readers that refuse it do:
    doccano's and Label Studio's took the JSONL export's texts and left out its entities and events (said in a note
    since session 10, the documents stored without them)."""
    told = told_apart(path) if path.suffix.lower() in (".json", ".jsonl") else None
    if told is not None and told[1] == "no --format":
        shown = FORMATS[fmt].shown
        raise ImportFileError(
            str(path),
            f"this is {told[0]}, which the {shown} reader would read only in part (its texts, without their "
            "entities and events); import it without --format (nothing was imported)",
        )


def told_read_as(path: Path, fmt: str) -> str | None:
    """A note when the reader ``fmt`` took a file that its name and content tell to be something else (the
    project's JSONL export read as doccano kept the texts and said nothing of its entities and events), else None."""
    told = told_apart(path)
    if told is None or told[1] == f"--format {fmt}":
        return None
    what, how = told
    option = "without --format" if how == "no --format" else f"with {how}"
    shown = FORMATS[fmt].shown
    return (
        f"{path}: this is {what}, read as {shown} as --format says: what {shown} does not read in it is not kept "
        f"(import it {option} to read it whole)"
    )
