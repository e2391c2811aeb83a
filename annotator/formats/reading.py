"""The readers' side of the formats' plumbing: what a reader found (``ReadResult``), the file iterators (JSONL, CSV,
JSON arrays and values, strict UTF-8), refusals naming the file and line (``need``, ``listed``, unknown labels),
and the reader's options (offsets that may be UTF-16 units: ``formats.utf16_spans``)."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import orjson

from annotator.wording import counted, first_named
from annotator.categories import CATEGORIES
from annotator.errors import ImportFileError, OptionError, UnknownLabelsError
from annotator.formats.registry import FORMATS
from annotator.importing import MAX_FILE_CHARS, IncomingDocument, check_incoming, decode_text
from annotator.schema import Schema


@dataclass
class ReadResult:
    """What a reader found: documents, optionally a schema the input defines, and what it could not keep."""

    documents: list[IncomingDocument]
    schema: Schema | None = None
    warnings: list[str] = field(default_factory=list)  # what could not be kept
    notes: list[str] = field(default_factory=list)  # how something was read (UTF-16 offsets, ...): not a loss
    schema_from: str = ""  # how a refusal names where ``schema`` came from ("its layers give labels and event types")
    # the entity labels ``schema`` adds to the project's and nothing else (formats.loading grows a new project's
    # schema by the labels a file uses): adoptable by a project whose documents all came in with the same import
    labels_added: tuple[str, ...] = ()
    # what the input's schema declares that a Schema has no place for (brat's relation types and entity attributes,
    # by format: ``{"brat": {...}}``), kept with the schema when the project adopts it (``schema_kept``)
    schema_kept: dict[str, Any] = field(default_factory=dict)
    # the document categories the input lists beyond its documents' own (a JSON export's header: the project's list,
    # a category no document has any more among them), joining the importing project's list (``remember_categories``)
    categories: list[str] = field(default_factory=list)
    # ``schema`` is told from a file with no schema of its own (Prodigy's and the JSONL lines': the project's grown by
    # what the events use, ``told_types``; DyGIE++'s, OneIE's, OmniEvent's, a brat folder's without a conf: the file's
    # alone): matched to the project's as a file's schema is, in a new project as in one holding documents (one that
    # names nothing of the project's, SciERC's, is adopted by a new project as it was: ``loading.store_results``)
    told: bool = False
    # entity labels the input declares that the schema lacks, used or not (a Label Studio config's beside its tasks):
    # a new project's schema takes them (``read_growing``), one holding documents is told of them
    declared_labels: tuple[str, ...] = ()
    # the event types (``[[event]]`` tables) and roles (type -> role tables) it declares that no document uses (a
    # Label Studio config's, ``label_studio_declared``): a new project's schema takes them with its labels (session 35)
    declared_events: list[dict[str, Any]] = field(default_factory=list)
    declared_roles: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # label -> colour (#rrggbb) the input gives its labels (a Prodigy config's custom_theme, a Label Studio config's
    # background): the labels a new project's schema takes from it are given them, not the palette's (session 35)
    label_colors: dict[str, str] = field(default_factory=dict)
    # label -> key the input gives its labels (brat's kb_shortcuts.conf, on ``schema``'s labels): a project holding
    # documents gives each to its label of that name that has none (``brat_shortcuts.keys_given``; session 38)
    label_keys: dict[str, str] = field(default_factory=dict)
    # event type -> colour (#rrggbb) the input gives it (a Label Studio config's events tag), which a schema has no
    # place for: kept with the project (``common.TYPE_COLORS``) for the exports of any of its documents (session 38)
    type_colors: dict[str, str] = field(default_factory=dict)


def reader_options(options: Mapping[str, str] | None, fmt: str) -> dict[str, str]:
    """``options`` as a dict, refused (``OptionError``) when it names a key the reader of the format ``fmt`` (the
    registry's name, ``conll``: named by its title, CoNLL) does not take: the one wording of it for the command line,
    the app's import dialog and a reader called directly. The keys it takes are its registry record's
    ``import_options``, their one list (the CoNLL, Hugging Face and OmniEvent readers kept a copy until session 41)."""
    known = FORMATS[fmt].import_options
    opts = dict(options or {})
    unknown = sorted(set(opts) - set(known))
    if unknown:
        raise OptionError(
            f"{FORMATS[fmt].shown} import takes the options {', '.join(known)}, not {', '.join(map(repr, unknown))}; nothing was "
            "imported"
        )
    return opts


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, or ``ImportFileError`` saying why it cannot be read (the readers' one wording of it)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFileError(str(path), f"cannot read: {exc.strerror or exc}") from None


def read_text_file(path: Path, nuls_kept: bool = False) -> str:
    """Strict UTF-8 with clear errors (file and line of the first bad byte). A file of another tool holds many
    documents (a JSONL of tasks, a CoNLL corpus, a DyGIE++ or OneIE training file): the file's limit applies
    (``MAX_FILE_CHARS``), each document's own when it is checked (``importing.check_incoming``)."""
    data = read_file_bytes(path)
    return decode_text(data, str(path), MAX_FILE_CHARS, nuls_kept)[0]


NESTED = "not valid JSON: arrays or objects nested too deeply"


def json_array_text(text: str) -> bool:
    """Whether a file said to hold JSON lines holds one JSON array instead (pretty-printed over lines, or on one line
    alone): its first line that is not blank begins with ``[`` and is no whole value, or is the file's only line. Such
    a ``.jsonl`` was refused at its line 1, "not valid JSON (unexpected end of data ...); is the line cut short?"
    (session 29)."""
    head = text.lstrip("\ufeff \t\r\n")
    if not head.startswith("["):
        return False
    first, _, rest = head.partition("\n")
    try:
        orjson.loads(first)
    except orjson.JSONDecodeError:
        return True
    return not rest.strip()


def objects_over_lines(text: str) -> bool:
    """Whether a file said to hold JSON lines holds JSON objects written over several lines instead (pretty-printed:
    ``jq`` without ``-c``, ``json.dump(..., indent=2)``, one object or several one after another): its first line
    that is not blank begins with ``{`` and is no whole value. Such a ``.jsonl`` was refused at its line 1, "not valid
    JSON (unexpected end of data ...); is the line cut short?" (session 34)."""
    import json

    head = text.lstrip("\ufeff \t\r\n")
    if not head.startswith("{"):
        return False
    first = head.partition("\n")[0].rstrip()
    try:
        json.JSONDecoder().raw_decode(first)
    except json.JSONDecodeError as exc:  # the object goes on past the line's end: the decoder stopped there
        return exc.pos >= len(first)
    except (ValueError, RecursionError):  # a line the decoder cannot hold (a number of 5,000 digits, nesting
        return False  # past its depth): a line of its own, refused as before
    return False


def over_lines_note(path: Path | str, objects: int) -> str:
    """The note of a JSON lines file read as objects written over several lines (``objects_over_lines``)."""
    return (
        f"{path}: {counted(objects, 'JSON object')} written over several lines, not one a line as JSON lines are: "
        f"read one after another"
    )


def iter_jsonl(path: Path, said: list[str] | None = None) -> Iterator[tuple[int, Any]]:
    """(line number, object) for each non-blank line; bad JSON names the line. A file of one JSON array is read as
    its items (``json_array_text``), one of objects written over several lines as those objects, one after another
    (``objects_over_lines``: ``said`` is given the note saying so, once the file is read)."""
    text = read_text_file(path)
    if json_array_text(text):
        yield from iter_json_array(path)
        return
    if objects_over_lines(text):
        start = len(text) - len(text.lstrip("\ufeff \t\r\n"))
        count = 0
        for count, got in enumerate(
            _json_values(
                text, start, path, "not valid JSON ({}): an object written over several lines is cut or damaged"
            ),
            start=1,
        ):
            yield got
        if said is not None:
            said.append(over_lines_note(path, count))
        return
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            yield number, orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise ImportFileError(str(path), f"not valid JSON ({exc}); is the line cut short?", number) from None


def csv_delimiter(header: str) -> str:
    """The delimiter of a CSV file with the ``header`` line: a tab where it holds one (TSV), else the comma or the
    semicolon, whichever cuts it into more columns (the comma on a tie). Excel writes ``;`` where the decimal mark is a
    comma (German, French, Spanish, ... settings): a doccano ``text;label`` file saved so was "unknown kind of file"
    and, named, read as one column (session 29)."""
    if "\t" in header:
        return "\t"
    widths = {d: len(line_cells(header, d)) for d in (",", ";")}
    return ";" if widths[";"] > widths[","] else ","


def line_cells(line: str, delimiter: str) -> list[str]:
    """The cells of one CSV line (a header), none where the csv module cannot read it as one line: a carriage return
    inside it (a damaged file the fuzzing met: "new-line character seen in unquoted field" escaped the import)."""
    import csv

    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def iter_csv_rows(
    path: Path, text: str | None = None, what: str = "a CSV file"
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line where it starts, {column: value}) for each row of a CSV or TSV file with a header line (its delimiter told
    from it, ``csv_delimiter``; blank rows skipped); a row of another width, or a broken quote, refuses it with the line."""
    import csv
    import io

    text = (read_text_file(path) if text is None else text).lstrip("\ufeff")
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text.split("\n", 1)[0]))
    try:
        header = next(rows, None)
        need(bool(header), path, 1, "no header line (the CSV export's first line names its columns)")
        assert header is not None
        while True:
            line = rows.line_num + 1
            row = next(rows, None)
            if row is None:
                return
            if not any(cell.strip() for cell in row):
                continue
            need(len(row) == len(header), path, line, f"{len(row)} columns where the header has {len(header)}")
            yield line, dict(zip(header, row))
    except csv.Error as exc:
        need(False, path, rows.line_num, f"not {what} ({exc})")


def iter_json_array(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number where it starts, item) for each item of a top-level JSON array, or each of the objects a file
    holds one after another (one object; JSON lines under a ``.json`` name, as doccano's older exports and many
    datasets are named: session 29, only the first line was read, the others lost without a word)."""
    import json

    text = read_text_file(path)
    decoder = json.JSONDecoder()
    i = len(text) - len(text.lstrip())
    if text[i : i + 1] != "[":
        yield from _json_values(text, i, path, "not valid JSON: {}")
        return
    i += 1
    line, counted_to = 1, 0  # the line number at ``counted_to``, counted as the reading goes (from the start each
    # item made reading a Label Studio export of n tasks take time in n squared)
    while True:
        while i < len(text) and text[i] in " \t\r\n,":
            i += 1
        if i >= len(text):
            raise ImportFileError(
                str(path), "the JSON array is not closed; is the file cut short?", text.count("\n") + 1
            )
        if text[i] == "]":
            return
        try:
            obj, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise ImportFileError(str(path), f"not valid JSON: {exc.msg}", exc.lineno) from None
        except RecursionError:
            raise ImportFileError(str(path), NESTED, text.count("\n", 0, i) + 1) from None
        line += text.count("\n", counted_to, i)
        counted_to = i
        yield line, obj
        i = end


def iter_json_values(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number where it starts, value) for each JSON value written one after another: a JSONL file, objects
    pretty-printed over many lines (as tools' sample files are), or the items of one top-level array."""

    text = read_text_file(path).lstrip("\ufeff")
    i = len(text) - len(text.lstrip())
    if text[i : i + 1] == "[":
        yield from iter_json_array(path)
        return
    yield from _json_values(text, i, path, "not valid JSON ({}); is the line cut short?")


def _json_values(text: str, i: int, path: Path, bad: str) -> Iterator[tuple[int, Any]]:
    """(line, value) for each JSON value of ``text`` from ``i`` on, one after another with whitespace between; a
    value that does not decode refuses the file with its line (``bad``: the message, the decoder's in its braces)."""
    import json

    decoder = json.JSONDecoder()
    line, counted_to = 1, 0  # the line number at ``counted_to``, counted as the reading goes
    while i < len(text):
        line += text.count("\n", counted_to, i)
        counted_to = i
        try:
            obj, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise ImportFileError(str(path), bad.format(exc.msg), exc.lineno) from None
        except RecursionError:  # arrays or objects nested past what the decoder takes
            raise ImportFileError(str(path), NESTED, line) from None
        except ValueError as exc:  # a number past what Python converts (more than 4,300 digits)
            raise ImportFileError(str(path), bad.format(exc), line) from None
        yield line, obj
        i = end
        while i < len(text) and text[i] in " \t\r\n":
            i += 1


class LabelTally:
    """The labels a file gives that the schema lacks, gathered over the whole file (``collect`` around each
    document) so that ``check`` refuses it once, naming them all, at the first place one was met."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self.labels: Counter[str] = Counter()
        self.line: int | None = None
        self.schema_name = ""

    def add(self, exc: UnknownLabelsError) -> None:
        self.labels.update(exc.labels)
        self.line = exc.line if self.line is None else self.line
        self.schema_name = exc.schema_name

    @contextmanager
    def collect(self) -> Iterator[None]:
        try:
            yield
        except UnknownLabelsError as exc:
            self.add(exc)

    def check(self) -> None:
        if self.labels:
            raise UnknownLabelsError(self.path, dict(self.labels), self.schema_name, self.line)


def need_known_labels(schema: Schema, labels: Iterable[str], path: Path | str, line: int | None) -> None:
    """Refuse (``UnknownLabelsError``, counted) the labels among ``labels`` that are neither entity labels nor event
    types of ``schema``."""
    known = trigger_labels(schema) | set(schema.label_names)
    unknown = Counter(label for label in labels if label not in known)
    if unknown:
        raise UnknownLabelsError(str(path), dict(unknown), schema.name, line)


def need(cond: bool, path: Path | str, line: int | None, reason: str) -> None:
    if not cond:
        raise ImportFileError(str(path), reason, line)


def is_key(value: Any) -> bool:
    """Whether a value a file gives (JSON's) can be an id or a name: a string or a whole number (not a ``bool``, which
    is one to Python), as the readers ask of a region's, a mention's or a document's id."""
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def whole_number(value: Any) -> bool:
    """Whether a value a file gives (JSON's) is a whole number: an ``int`` and not a ``bool`` (``true`` is one to
    Python), as the readers ask of an offset, an index or a count."""
    return isinstance(value, int) and not isinstance(value, bool)


def listed(value: Any, what: str, path: Path | str, line: int | None) -> list:
    """``value`` when it is a list, [] when it is absent (None); any other shape is refused in one line."""
    if value is None:
        return []
    need(isinstance(value, list), path, line, f"{what} must be a list, not {type(value).__name__}")
    return value


def check_with_line(schema: Schema, doc: IncomingDocument, path: Path | str, line: int | None) -> None:
    """The schema's rules for an incoming document, refused with the file and the line it came from."""
    check_incoming(schema, doc, str(path), line)


def categories_note(path: Path, docs: Iterable[Any], what: str) -> list[str]:
    """The one note on the document categories a reader kept (``CATEGORIES`` in each document's meta), with their
    counts; [] when there are none."""
    tally = Counter(c for d in docs for c in d.meta.get(CATEGORIES, []))
    if not tally:
        return []
    shown = ", ".join(f"{c} ({n})" for c, n in tally.most_common(5)) + (", ..." if len(tally) > 5 else "")
    return [
        f"{path}: {counted(sum(tally.values()), 'document category', 'document categories')} ({what}: {shown}) kept "
        "in the documents' meta for the doccano, Prodigy, Label Studio and spaCy exports; the app shows them (Document > "
        "Categories…)"
    ]


def trigger_labels(schema: Schema | None) -> set[str]:
    """Labels that name event types (their spans are triggers) in ``schema`` (or the default schema)."""
    from annotator.schema import default_schema

    return set((schema or default_schema()).event_type_names)


def blank_text(text: Any) -> bool:
    """Whether a line's ``text`` is a string of spaces and line breaks alone, or empty: no document to annotate."""
    return isinstance(text, str) and not text.strip()


def blank_lines_note(path: str | Path, lines: list[int]) -> list[str]:
    """The note for the lines of ``path`` whose text was blank (``blank_text``), left out as an empty file is:
    session 33, a ``"text": "  "`` line became an empty document, a ``"text": ""`` one refused the whole file."""
    if not lines:
        return []
    shown = first_named([str(n) for n in lines], 5)
    return [
        f"{path}: {counted(len(lines), 'line')} ({shown}) with a text of spaces and line breaks alone (or none) "
        "not imported, as an empty file is not"
    ]


def as_result(got: ReadResult | list[IncomingDocument]) -> ReadResult:
    """A reader's answer as a ``ReadResult`` (the readers of plain documents give a list)."""
    return got if isinstance(got, ReadResult) else ReadResult(list(got))
