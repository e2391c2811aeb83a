"""Exchange formats: one module per format, each with read and/or write functions, and one record per format
in ``registry.FORMATS`` (name, export suffix, folder or file, writer options, reader, writer).

Registries (used by the command line and by the app's Import and Export dialogs), read from those records:

- ``writers()`` -> {name: write}. ``write(project, out, request)`` with an ``ExportRequest`` (``records``):
  states, statuses, annotation set, progress and the format's ``options`` (keys in the format's record, also
  ``OPTIONS``); keyword arguments build the request (``write(project, out, states=..., options=...)``). It
  returns a report with ``.summary()``. ``out`` is a file, or a folder for ``brat``.
- ``readers()`` -> {name: read}. ``read(path, schema=None)`` returns a ``ReadResult`` (``documents``: list
  of IncomingDocument, ``schema``: a Schema the input defines, e.g. brat's annotation.conf, or None;
  ``warnings``: what could not be kept; ``notes``: how something was read). Pass the project's schema so
  labels that name event types become triggers; a reader whose record has ``import_options`` (CoNLL's scheme, column,
  documents) takes them as ``options={KEY: VALUE}``. ``path`` is a file, or a folder for ``brat``. To check and
  store everything in one transaction (and adopt the input's schema), call
  ``annotator.formats.loading.import_format``.
- ``readers_by_suffix()`` -> {suffix: read(path, schema=None) -> list[IncomingDocument] or ReadResult (``.json``: with
  the export's schema; ``schema``: the project's, which spaCy's training lines are named by)}, for the project's own files
  recognised by their name (``.txt``, ``.jsonl``: ``plain``; ``.json``: ``project_json_read``); other tools' files are
  told by ``detect.detect_format``. ``loading.import_paths`` imports files and folders with both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from annotator.formats.registry import Format

# ``FORMATS`` (the registry's records) and ``OPTIONS`` (option keys each writer accepts, ``--option KEY=VALUE``)
# are read from the registry when first asked for: importing one format module (the JSON export's second process
# imports ``json_chunks``) does not load the registry and its dataclasses (~20 ms)
FORMATS: dict[str, Format]
OPTIONS: dict[str, tuple[str, ...]]


def __getattr__(name: str) -> Any:
    if name not in ("FORMATS", "OPTIONS"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from annotator.formats.registry import FORMATS, export_formats

    value = FORMATS if name == "FORMATS" else {f.name: f.options for f in export_formats() if f.options}
    globals()[name] = value
    return value


def readers_by_suffix() -> dict[str, Callable[..., Any]]:
    """File readers keyed by suffix, for the project's own inputs recognised by their file name."""
    from annotator.formats import plain

    return {".txt": lambda p, schema=None: [plain.read_txt(p)], ".jsonl": plain.read_jsonl, ".json": plain.read_json}


def readers() -> dict[str, Callable]:
    """Import readers by format name: ``read(path, schema=None) -> ReadResult``."""
    from annotator.formats.registry import import_formats

    return {f.name: f.read for f in import_formats()}


def writers() -> dict[str, Callable]:
    """Export writers by format name: ``write(project, out, request)`` (see ``records.ExportRequest``)."""
    from annotator.formats.registry import export_formats

    return {f.name: f.write for f in export_formats()}


__all__ = ["FORMATS", "OPTIONS", "readers", "readers_by_suffix", "writers"]
