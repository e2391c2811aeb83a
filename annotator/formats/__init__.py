"""Exchange formats: one module per format, each with read and/or write functions.

Registries (used by the command line and by the app's Import and Export dialogs):

- ``writers()`` -> {name: write}. ``write(project, out, states=..., statuses=..., annotation_set=...,
  progress=..., options=dict)`` returns a report with ``.summary()`` (``options`` only for the formats in
  ``OPTIONS``; their keys are listed there). ``out`` is a file, or a folder for ``brat``.
- ``readers()`` -> {name: read}. ``read(path, schema=None)`` returns a ``ReadResult`` (``documents``: list
  of IncomingDocument, ``schema``: a Schema the input defines, e.g. brat's annotation.conf, or None;
  ``warnings``: what could not be kept). Pass the project's schema so labels that name event types
  become triggers. ``path`` is a file, or a folder for ``brat``. To check and store everything in one
  transaction (and adopt the input's schema), call ``annotator.formats.loading.import_format``.
- ``readers_by_suffix()`` -> {suffix: read(path) -> list[IncomingDocument]}, for files recognised by
  their name (``import_paths``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

# option keys each writer accepts (``--option KEY=VALUE``)
OPTIONS: dict[str, tuple[str, ...]] = {
    "spacy": ("split", "seed", "misaligned", "span_key", "trigger_key"),
    "brat": ("split", "seed"),
    "prodigy": ("split", "seed", "misaligned"),
    "dygiepp": ("split", "seed", "misaligned", "dataset", "trigger_head"),
    "conll": ("split", "seed", "misaligned", "docstart"),
}


def readers_by_suffix() -> dict[str, Callable[[Path], list]]:
    """File readers keyed by suffix, for formats recognised by their file name."""
    from annotator.formats import project_json

    return {".json": project_json.read_json}


def readers() -> dict[str, Callable]:
    """Import readers by format name: ``read(path, schema=None) -> ReadResult``."""
    from annotator.formats import brat_read, doccano, label_studio, prodigy

    return {
        "brat": brat_read.read_brat,
        "prodigy": prodigy.read_prodigy,
        "doccano": doccano.read_doccano,
        "label_studio": label_studio.read_label_studio,
    }


def writers() -> dict[str, Callable]:
    """Export writers by format name: ``write(project, out, states=..., statuses=..., annotation_set=..., progress=...)``."""
    from annotator.formats import brat, conll, dygiepp, prodigy, project_json, spacy_docbin

    return {
        "json": project_json.write_json,
        "jsonl": project_json.write_jsonl,
        "spacy": spacy_docbin.write_spacy,
        "brat": brat.write_brat,
        "prodigy": prodigy.write_prodigy,
        "dygiepp": dygiepp.write_dygiepp,
        "conll": conll.write_conll,
    }
