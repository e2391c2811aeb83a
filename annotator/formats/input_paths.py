"""What an import is given: folders expanded into the files to read (``expand_paths``), a project file refused as an
input (``refuse_project_file``), and a file of the project's own inputs read by the reader of its suffix
(``read_any_result``), each kind of file no reader takes said by what it is."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Mapping

from annotator.errors import ImportFileError
from annotator.formats import readers_by_suffix
from annotator.formats.brat_files import not_brat
from annotator.formats.detect import detect_format
from annotator.formats.format_inputs import PROJECT_FILES, folder_files
from annotator.formats.label_studio_config import SUFFIX as CONFIG_SUFFIX, config_alone
from annotator.formats.prodigy_colors import is_settings, settings_alone
from annotator.formats.read_growing import read_growing
from annotator.formats.reading import ReadResult, as_result
from annotator.formats.registry import FORMATS
from annotator.formats.wikievents_coref import coref_refusal
from annotator.importing import IncomingDocument
from annotator.schema import Schema


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """What to import, one unit at a time: files as given; a folder that another tool's reader takes whole
    (brat: it holds .ann files) as itself, and the files in it that reader does not read (a ``.jsonl`` beside brat's
    pairs: ``brat_files.not_brat``), each told by its content; other folders as every file in them (hidden ones
    aside), sorted."""
    for p in map(Path, paths):
        told = detect_format(p) if p.is_dir() else None
        if p.is_dir() and told is None:
            yield from folder_files(p)
            continue
        yield p
        if told == "brat":
            yield from not_brat(folder_files(p))


def empty_folders(paths: Iterable[str | Path]) -> list[Path]:
    """The folders among ``paths`` that ``expand_paths`` finds no file in (hidden files and project files aside)."""
    return [Path(p) for p in paths if Path(p).is_dir() and next(expand_paths([p]), None) is None]


def refuse_project_file(path: Path) -> None:
    """A project file (or one of its side files) given as an input is said to be one, whatever reader was asked
    for: read as a DocBin or a Label Studio export it got that reader's complaint ('not a spaCy DocBin
    (ValueError: [E1014] ...', 'binary file')."""
    if path.is_file() and PROJECT_FILES.search(path.name):
        raise ImportFileError(
            str(path),
            "a project file, not an input: bring a colleague's project in as an annotation set (File > Merge "
            "annotators' files… in the app, annotator merge on the command line), or export it as JSON and import "
            "that",  # the app's words and the command line's in one line (session 39: the app said only the latter)
        )


def read_any(path: Path) -> list[IncomingDocument]:
    """The documents of a file of the project's own inputs, read by the reader of its suffix."""
    return read_any_result(path).documents


def read_any_result(
    path: Path, schema: Schema | None = None, grow: bool = False, mapped: Mapping[str, str] | None = None
) -> ReadResult:
    """A file of the project's own inputs, read by the reader of its suffix (``readers_by_suffix``), with the schema
    it holds (a JSON export's header). Given the project's ``schema``, spaCy's training lines (``entities`` as
    ``[start, end, label]`` lists) are named by it; labels they use that it lacks are added to it when ``grow`` (a new
    project: ``ReadResult.labels_added``), as doccano's and CoNLL's are (``read_growing``)."""
    if not path.exists():
        raise ImportFileError(str(path), "no such file or folder")
    if is_settings(path):
        raise ImportFileError(str(path), settings_alone(path))
    reader = readers_by_suffix().get(path.suffix.lower())
    if reader is None:
        refuse_project_file(path)
        if path.name.endswith(CONFIG_SUFFIX):
            raise ImportFileError(str(path), config_alone(path))
        if (why := coref_refusal(path)) is not None:
            raise ImportFileError(str(path), why)
        *rest, last = [f.shown for f in FORMATS.values() if f.reader]  # the registry's: a list by hand lacked five
        kinds = f"{', '.join(rest)} and {last}"
        raise ImportFileError(
            str(path),
            f"unknown kind of file {path.suffix!r} (annotator reads .txt, .jsonl and .json files and those of {kinds}; "
            "one of them under another name: give its --format, as annotator import --help lists them)",
        )
    if schema is None:
        return as_result(reader(path))
    fmt = "json" if path.suffix.lower() == ".json" else "jsonl"
    return read_growing(lambda s: as_result(reader(path, schema=s)), path, schema, grow, fmt, mapped)
