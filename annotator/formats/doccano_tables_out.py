"""doccano's text classification shapes that are not JSON, written: the export side of ``doccano_tables``, so a CSV or
fastText file read in goes out as it came (``annotator export P -f doccano -o texts.csv``, or ``--option form=csv``).

- **CSV** (doccano's own CSV export of a text classification project, ``data_export``'s ``CsvWriter`` with its
  ``JoinedCategoryFormatter``): a header, then a row a document: ``id`` (the doccano id the import kept, else the
  project's), ``name``, ``text``, ``label`` (its categories joined by ``#``, as doccano joins them; empty for none), and
  a column for each other meta value of text or a number the documents have (a CSV upload's other columns, which the
  import keeps in the meta). A ``.tsv`` name writes tabs.
- **fastText** (doccano's ``FastText`` export, ``upload/fastText.txt``): a line a document, each category
  ``__label__NAME`` and then the text, which the reader joins again word by word.

What a row or line cannot hold is reported, never written wrong: entities, events and comments (a table of texts and
their classes); in fastText a line break or tab in a text (written as a space), a category with a space (``_``), a text
with a word starting ``__label__``, a document without a category (a fastText file is told by its labels).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Iterable

from annotator.categories import CATEGORIES, document_categories
from annotator.formats.writing import FormatExportReport
from annotator.formats.doccano_names import DOCCANO_ID, FASTTEXT, LABEL_SEPARATOR, TARGETS, kept_targets
from annotator.formats.meta_keys import DOCCANO, DOCCANO_FORM, LABEL_STUDIO
from annotator.formats.records import SETS_KEY, KeptIds

FORMS = ("jsonl", "csv", "fasttext")
BY_SUFFIX = {".csv": "csv", ".tsv": "csv", ".txt": "fasttext"}
OWN = (DOCCANO_ID, DOCCANO_FORM, DOCCANO, LABEL_STUDIO, CATEGORIES, SETS_KEY, TARGETS)  # the import's own keys
FIXED = ("id", "name", "text", "label")


def form_for(options: dict[str, str], out: str | Path) -> str:
    """The shape to write: the ``form`` option, else the one the output's name calls for (``.csv`` and ``.tsv`` CSV,
    ``.txt`` fastText), else doccano's JSONL."""
    from annotator.formats.common import option_choice

    if "form" in options:
        return option_choice(options, "form", FORMS)
    return BY_SUFFIX.get(Path(out).suffix.lower(), "jsonl")


def _left_out(rec: dict[str, Any], report: FormatExportReport, shape: str) -> None:
    if rec["entities"] or rec["events"]:
        report.problem(
            f"documents whose entities and events were left out ({shape} holds a text and its categories)", rec["name"]
        )
    if rec["comments"]:
        report.problem(f"documents whose comments were left out ({shape} holds a text and its categories)", rec["name"])


def csv_text(
    records: Iterable[dict[str, Any]], report: FormatExportReport, tab: bool = False, ids: KeptIds | None = None
) -> str:
    """The documents as doccano's CSV (see the module's docstring); ``ids``: the export's (``records.KeptIds``)."""
    ids = ids or KeptIds(DOCCANO_ID)
    rows: list[dict[str, str]] = []
    extra: dict[str, None] = {}
    for rec in records:
        _left_out(rec, report, "a CSV row")
        row = {
            "id": str(ids.of(rec, report)),
            "name": rec["name"],
            "text": rec["text"],
            "label": LABEL_SEPARATOR.join(document_categories(rec["meta"]) + kept_targets(rec["meta"])),
        }
        for k, v in rec["meta"].items():
            if k in OWN or k in FIXED:
                continue
            if isinstance(v, (str, int, float)) and not isinstance(v, bool):
                row[k] = str(v)
                extra.setdefault(k)
            else:
                report.problem("meta values left out (not text or a number)", f"{rec['name']}: {k}")
        rows.append(row)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, [*FIXED, *extra], restval="", delimiter="\t" if tab else ",", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def fasttext_line(rec: dict[str, Any], report: FormatExportReport) -> str:
    """A document as a line of doccano's fastText export: ``__label__A __label__B text``."""
    _left_out(rec, report, "a fastText line")
    if kept_targets(rec["meta"]):
        report.problem("target texts left out (a fastText line holds labels, a word each)", rec["name"])
    labels = []
    for c in document_categories(rec["meta"]):
        if any(ch.isspace() for ch in c):
            report.problem("categories with a space written with _ (fastText splits at spaces)", f"{rec['name']}: {c}")
            c = "_".join(c.split())
        labels.append(FASTTEXT + c)
    if not labels:
        report.problem("documents without a category (a fastText line names its labels first)", rec["name"])
    text = rec["text"]
    if any(ch in text for ch in "\r\n\t\v\f\x1c\x1d\x1e\x85\u2028\u2029"):
        report.problem("texts whose line breaks and tabs went out as spaces (fastText: a text a line)", rec["name"])
        text = "".join(" " if ch in "\r\n\t\v\f\x1c\x1d\x1e\x85\u2028\u2029" else ch for ch in text)
    if text != text.rstrip():
        report.problem("texts whose space at the end was left out (fastText's reader drops it)", rec["name"])
        text = text.rstrip()
    if any(w.startswith(FASTTEXT) for w in text.split(" ")):
        report.problem("texts with a word starting __label__ (read back as a label)", rec["name"])
    return " ".join([*labels, text]) + "\n"
