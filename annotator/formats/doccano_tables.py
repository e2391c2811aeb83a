"""doccano's text classification uploads that are not JSON, read as the lines of its JSONL export (``formats.doccano``
reads them on; their labels are the documents' categories, as a text classification JSONL line's are):

- **CSV** (``frontend/static/formats/text_classification/upload/example.csv``): a header naming the text's column
  ``text`` (doccano's default; ``column_data`` in its older examples) and the label's ``label`` (``column_label``),
  a row a text, an empty label none; other columns go to the document's meta, as a JSONL line's other keys do (doccano's
  ``example_out_of_order_columns.csv``: ``label,foo,text``). A tab in the header line makes it TSV. Several labels in
  one cell are joined by ``#``, as doccano's own CSV export of a text classification project writes them
  (``data_export``'s ``JoinedCategoryFormatter``: ``negative#spam``); a cell whose parts are not all words (``C#``)
  is one label.
- **fastText** (``upload/fastText.txt``, ``download/fastText.txt``): a text a line, each word starting ``__label__`` a
  label (``__label__pet dog cat``: the text ``dog cat``, the category ``pet``), the other words the text, joined by
  one space each as doccano's parser joins them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from annotator.formats.doccano_names import FASTTEXT, LABEL_SEPARATOR
from annotator.formats.reading import csv_delimiter, iter_csv_rows, line_cells, need, read_text_file

TEXT_COLUMNS = ("text", "column_data")
LABEL_COLUMNS = ("label", "column_label")
SNIFF_LINES = 50


def table_columns(header: list[str]) -> tuple[str, str | None] | None:
    """The text column and the label column (None: no labels) of a doccano CSV header, or None when it has no text
    column."""
    text = next((c for c in TEXT_COLUMNS if c in header), None)
    return None if text is None else (text, next((c for c in LABEL_COLUMNS if c in header), None))


def header_columns(line: str) -> tuple[str, str | None] | None:
    """The text and label columns (``table_columns``) of a CSV header line, its delimiter told
    (``reading.csv_delimiter``); None when it names no text column."""
    line = line.lstrip("\ufeff").rstrip("\r\n")
    return table_columns(line_cells(line, csv_delimiter(line)))


def is_tab_table(first_line: str) -> bool:
    """Whether a ``.txt`` file's first line is a doccano upload's header, tab-separated, naming a text and a label
    column: Excel saves a sheet as "Unicode Text" (UTF-16 with its mark) or "Text (Tab delimited)" under a ``.txt``
    name (session 30: such a file came in as one plain document, its header and labels as words)."""
    columns = header_columns(first_line) if "\t" in first_line else None
    return columns is not None and columns[1] is not None


def csv_items(path: Path) -> Iterator[tuple[int, Any]]:
    """(line, doccano JSONL object) for each row of a doccano CSV upload."""
    columns = None
    for line, row in iter_csv_rows(path, None, "a CSV file"):
        if columns is None:
            columns = table_columns(list(row))
            need(
                columns is not None,
                path,
                1,
                f"no text column (doccano's CSV names it {' or '.join(TEXT_COLUMNS)}; its columns: {', '.join(row)})",
            )
        assert columns is not None
        text, label = columns
        obj: dict[str, Any] = {k: v for k, v in row.items() if k not in (text, label)}
        obj["text"] = row[text]
        obj["label"] = cell_labels(row[label]) if label is not None else []
        yield line, obj


def cell_labels(cell: str) -> list[str]:
    """The labels of a CSV label cell: none when it is blank, its ``#``-joined parts when each holds something
    (``negative#spam``), else the cell as one label (``C#``)."""
    if not cell.strip():
        return []
    parts = cell.split(LABEL_SEPARATOR)
    return parts if len(parts) > 1 and all(p.strip() for p in parts) else [cell]


def is_fasttext(lines: list[str]) -> bool:
    """Whether ``lines`` (the start of a file) are fastText's: the first that is not blank starts with ``__label__``,
    as do most of the others."""
    sample = [line for line in lines if line.strip()][:SNIFF_LINES]
    return (
        bool(sample)
        and sample[0].startswith(FASTTEXT)
        and 2 * sum(x.startswith(FASTTEXT) for x in sample) > len(sample)
    )


def fasttext_items(path: Path) -> Iterator[tuple[int, Any]]:
    """(line, doccano JSONL object) for each line of a fastText file that is not blank."""
    for number, raw in enumerate(read_text_file(path).lstrip("\ufeff").split("\n"), start=1):
        raw = raw.rstrip("\r")
        if not raw.strip():
            continue
        words = raw.rstrip().split(" ")
        labels = [w[len(FASTTEXT) :] for w in words if w.startswith(FASTTEXT) and len(w) > len(FASTTEXT)]
        text = " ".join(w for w in words if not w.startswith(FASTTEXT))
        yield number, {"text": text, "label": labels}
