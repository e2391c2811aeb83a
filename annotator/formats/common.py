"""Shared plumbing for the exchange formats: reports, options, reproducible splits, reading helpers."""

from __future__ import annotations

import gc
import hashlib
import unicodedata
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterable, Iterator, Mapping

import orjson

from annotator.wording import counted, counted_kind, were
from annotator.categories import CATEGORIES, CATS, document_categories, document_cats  # noqa: F401 - the formats' names
from annotator.errors import ImportFileError, OptionError, UnknownLabelsError
from annotator.formats.schema_names import AliasNames
from annotator.formats.records import ExportReport, ExportRequest, iter_document_records
from annotator.formats.tokens import DocTokens, tokens_for
from annotator.importing import MAX_FILE_CHARS, IncomingDocument, check_incoming, decode_text
from annotator.schema import Schema
from annotator.store import Project

if TYPE_CHECKING:
    from annotator.offsets import Utf16Map

MAX_EXAMPLES = 5


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


# -- export side ----------------------------------------------------------------------------------
@dataclass
class FormatExportReport(ExportReport):
    """What an export wrote and what it could not carry, each problem naming document and offsets."""

    format: str = ""
    files: list[str] = field(default_factory=list)
    tokenized: list[str] = field(default_factory=list)  # documents tokenised here (no stored tokens)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)

    def problem(self, kind: str, message: str) -> None:
        self.problems.append((kind, message))

    def summary(self, with_files: bool = True) -> str:
        """The counts and problems; ``with_files=False`` leaves out the list of files (for a caller that names them)."""
        s = super().summary()
        if with_files and len(self.files) > 1:
            s += f"; files: {', '.join(self.files)}"
        if self.tokenized:
            s += (
                f"; {counted(len(self.tokenized), 'document')} had no stored tokens and "
                f"{were(len(self.tokenized))} tokenised into words and "
                f"punctuation (the fallback of annotator.tokens; e.g. {', '.join(self.tokenized[:3])})"
            )
        counts = Counter(k for k, _ in self.problems)
        for kind, n in counts.items():
            examples = [m for k, m in self.problems if k == kind][:MAX_EXAMPLES]
            s += f"; {counted_kind(n, kind)}: " + " | ".join(examples) + (" | ..." if n > len(examples) else "")
        return s


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while an export makes and drops millions of small objects (no cycles
    there); in the app a worker runs with it paused already (ui/gc_guard.py), and it stays so."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def parse_split(value: str | None) -> list[tuple[str, float]] | None:
    """``train=0.8,dev=0.2`` -> [("train", 0.8), ("dev", 0.2)]; the fractions must add up to 1."""
    if not value:
        return None
    parts = []
    for item in value.split(","):
        name, _, frac = item.partition("=")
        name = name.strip()
        try:
            f = float(frac)
        except ValueError:
            raise OptionError(f"split: {item!r} is not NAME=FRACTION (e.g. train=0.8,dev=0.2)") from None
        if not name or not name.replace("-", "").replace("_", "").isalnum() or not 0 < f <= 1:
            raise OptionError(f"split: {item!r} needs a name of letters and digits and a fraction in (0, 1]")
        if any(n == name for n, _ in parts):
            raise OptionError(f"split: part {name!r} named twice")
        parts.append((name, f))
    total = sum(f for _, f in parts)
    if abs(total - 1.0) > 1e-6:
        raise OptionError(f"split: the fractions add up to {total:g}, not 1")
    return parts


def reader_options(options: Mapping[str, str] | None, known: tuple[str, ...], shown: str) -> dict[str, str]:
    """``options`` as a dict, refused (``OptionError``) when it names a key the reader ``shown`` (``CoNLL``) does not
    take: the one wording of it for the command line, the app's import dialog and a reader called directly."""
    opts = dict(options or {})
    unknown = sorted(set(opts) - set(known))
    if unknown:
        raise OptionError(
            f"{shown} import takes the options {', '.join(known)}, not {', '.join(map(repr, unknown))}; nothing was "
            "imported"
        )
    return opts


def option_int(options: dict[str, str], key: str, default: int) -> int:
    try:
        return int(options.get(key, default))
    except ValueError:
        raise OptionError(f"option {key} must be a whole number, not {options[key]!r}") from None


def option_choice(options: dict[str, str], key: str, choices: tuple[str, ...]) -> str:
    value = options.get(key, choices[0])
    if value not in choices:
        raise OptionError(f"option {key} must be one of {', '.join(choices)}, not {value!r}")
    return value


NAMES = ("schema", "aliases")  # a writer's ``names`` option: the schema's own names, or their first aliases


def option_names(schema: Schema, options: dict[str, str]) -> AliasNames | None:
    """The ``names`` option of a writer that can write another tool's names (DyGIE++, OneIE, OmniEvent):
    ``AliasNames`` to write each name as its first alias, None to write the schema's own."""
    return AliasNames(schema) if option_choice(options, "names", NAMES) == "aliases" else None


def report_alias_choices(report: FormatExportReport, names: AliasNames | None) -> None:
    """A problem line for each name written as the first of several aliases (after the writing)."""
    for note in names.notes() if names else []:
        report.problem("names written as the first of their aliases", note)


def assign_parts(
    project: Project, statuses: list[str] | None, split: list[tuple[str, float]] | None, seed: int
) -> dict[int, str]:
    """Document id -> part name. Reproducible: the order is a hash of seed and text, not of ids or time."""
    ids = project.document_ids(statuses)
    if not split:
        return {i: "" for i in ids}
    sha = project.db.document_digests()
    order = sorted(ids, key=lambda i: (hashlib.sha256(f"{seed}:{sha[i]}".encode()).hexdigest(), i))
    out: dict[int, str] = {}
    start, acc = 0, 0.0
    for k, (name, frac) in enumerate(split):
        acc += frac
        end = len(order) if k == len(split) - 1 else round(acc * len(order))
        for i in order[start:end]:
            out[i] = name
        start = end
    return out


def part_path(out: str | Path, part: str) -> Path:
    """``corpus.spacy`` + ``train`` -> ``corpus.train.spacy``; a path without suffix gets ``.train``."""
    p = Path(out)
    if not part:
        return p
    return p.with_name(f"{p.stem}.{part}{p.suffix}") if p.suffix else p.with_name(f"{p.name}.{part}")


@contextmanager
def atomic_outputs(out: str | Path, parts: list[str]) -> Iterator[dict[str, BinaryIO]]:
    """One atomic file per part; all are renamed into place only if the block finishes."""
    from annotator.exporting import atomic_output

    with ExitStack() as stack:
        yield {p: stack.enter_context(atomic_output(part_path(out, p))) for p in parts}


def parts_of(assignment: dict[int, str]) -> list[str]:
    return list(dict.fromkeys(assignment.values())) or [""]


def split_option(project: Project, statuses: Any, opts: Mapping[str, str]) -> dict[int, str]:
    """Document id -> part name, from the ``split`` and ``seed`` options (see ``assign_parts``)."""
    statuses = list(statuses) if statuses is not None else None
    return assign_parts(project, statuses, parse_split(opts.get("split")), option_int(dict(opts), "seed", 0))


def records_with_tokens(
    project: Project,
    request: ExportRequest,
    report: FormatExportReport,
    ids: list[int] | None = None,
) -> Iterator[tuple[dict[str, Any], DocTokens]]:
    """Each exported document record with its tokens; documents without stored tokens go in ``report.tokenized``;
    ``ids``: only these documents (see ``iter_document_records``)."""
    for rec in iter_document_records(
        project, request.states, request.statuses_list, request.annotation_set, report, request.progress, ids
    ):
        toks = tokens_for(project, rec["id"], rec["text"])
        if not toks.stored:
            report.tokenized.append(rec["name"])
        yield rec, toks


def write_per_part(
    project: Project,
    out: str | Path,
    request: ExportRequest,
    fmt: str,
    render: Callable[[dict[str, Any], DocTokens, FormatExportReport], bytes],
) -> FormatExportReport:
    """A token-based export of one file per part: ``render(record, tokens, report)`` bytes appended per document."""
    assignment = split_option(project, request.statuses, request.options)
    parts = parts_of(assignment)
    report = FormatExportReport(format=fmt)
    with atomic_outputs(out, parts) as handles:
        for rec, toks in records_with_tokens(project, request, report):
            handles[assignment[rec["id"]]].write(render(rec, toks, report))
        report.bytes = sum(fh.tell() for fh in handles.values())
    report.files = [str(part_path(out, p)) for p in parts]
    return report


def placed_triggers(
    events: Iterable[dict[str, Any]],
    place: Callable[[int, int, str], Any],
    report: FormatExportReport,
    name: str,
) -> Iterator[tuple[int, dict[str, Any], Any]]:
    """Each exported event whose trigger ``place(start, end, what)`` puts somewhere (not None), as (its index in
    ``events``, the event, where); the others reported as left out (the token writers: DyGIE++, OneIE, OmniEvent)."""
    for k, v in enumerate(events):
        t = v["trigger"]
        got = place(t["start"], t["end"], f"trigger of {v['type']}")
        if got is None:
            report.problem("events left out (trigger not usable)", f"{name}: event {v['id']} {v['type']}")
            continue
        yield k, v, got


def arguments_in_line(
    event: dict[str, Any],
    line: int,
    mention: Mapping[Any, tuple[Any, ...]],
    labels: Mapping[Any, str],
    proxies: set[str] | frozenset[str],
    report: FormatExportReport,
    name: str,
) -> Iterator[tuple[dict[str, Any], tuple[Any, ...]]]:
    """Each argument of an exported ``event`` with the mention its entity was written as (``mention``: entity id ->
    (line, ...)), when that mention is in the trigger's ``line``; the others reported: an event standing in as an
    entity (``proxies``), or outside the trigger's sentence (OneIE's and OmniEvent's lines are sentences)."""
    for arg in event["arguments"]:
        got = mention.get(arg["entity_id"])
        if got is None:
            if labels.get(arg["entity_id"]) in proxies:
                report.problem("arguments left out (an event as argument)", f"{name}: {event['type']} {arg['role']}")
            continue
        if got[0] != line:
            report.problem(
                "arguments left out (outside the trigger's sentence)", f"{name}: {event['type']} {arg['role']}"
            )
            continue
        yield arg, got


def write_lines_per_part(
    project: Project,
    out: str | Path,
    request: ExportRequest,
    fmt: str,
    lines: Callable[[dict[str, Any], DocTokens, FormatExportReport], Iterable[Any]],
) -> FormatExportReport:
    """``write_per_part`` for the formats of a JSON object a line, several a document (a sentence each: OneIE,
    OmniEvent, Hugging Face): ``lines(record, tokens, report)`` gives each document's objects."""
    return write_per_part(
        project,
        out,
        request,
        fmt,
        lambda rec, toks, report: b"".join(
            orjson.dumps(line, option=orjson.OPT_APPEND_NEWLINE) for line in lines(rec, toks, report)
        ),
    )


# -- import side ----------------------------------------------------------------------------------
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


SCHEMA_KEPT = "schema_kept"  # the project value holding ReadResult.schema_kept of the input whose schema it adopted


def schema_kept(project: Project) -> dict[str, Any]:
    """What the input the project took its schema from declared beyond the schema (``ReadResult.schema_kept``):
    ``{}`` when nothing (or the project's schema came from elsewhere since)."""
    raw = project.db.project_value(SCHEMA_KEPT)
    try:
        value = orjson.loads(raw) if raw else {}
    except orjson.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def read_text_file(path: Path) -> str:
    """Strict UTF-8 with clear errors (file and line of the first bad byte). A file of another tool holds many
    documents (a JSONL of tasks, a CoNLL corpus, a DyGIE++ or OneIE training file): the file's limit applies
    (``MAX_FILE_CHARS``), each document's own when it is checked (``importing.check_incoming``)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return decode_text(data, str(path), MAX_FILE_CHARS)[0]


def iter_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, object) for each non-blank line; bad JSON names the line."""
    text = read_text_file(path)
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            yield number, orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise ImportFileError(str(path), f"not valid JSON ({exc}); is the line cut short?", number) from None


def iter_csv_rows(
    path: Path, text: str | None = None, what: str = "a CSV file"
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line where it starts, {column: value}) for each row of a CSV or TSV file with a header line (a tab in the
    header makes it TSV; blank rows skipped); a row of another width, or a broken quote, refuses it with the line."""
    import csv
    import io

    text = (read_text_file(path) if text is None else text).lstrip("\ufeff")
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
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
    """(line number where it starts, item) for each item of a top-level JSON array (or one object)."""
    import json

    text = read_text_file(path)
    decoder = json.JSONDecoder()
    i = len(text) - len(text.lstrip())
    if text[i : i + 1] != "[":
        try:
            obj, _ = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise ImportFileError(str(path), f"not valid JSON: {exc.msg}", exc.lineno) from None
        yield text.count("\n", 0, i) + 1, obj
        return
    i += 1
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
        yield text.count("\n", 0, i) + 1, obj
        i = end


def iter_json_values(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number where it starts, value) for each JSON value written one after another: a JSONL file, objects
    pretty-printed over many lines (as tools' sample files are), or the items of one top-level array."""
    import json

    text = read_text_file(path).lstrip("\ufeff")
    i = len(text) - len(text.lstrip())
    if text[i : i + 1] == "[":
        yield from iter_json_array(path)
        return
    decoder = json.JSONDecoder()
    line, counted_to = 1, 0  # the line number at ``counted_to``, counted as the reading goes
    while i < len(text):
        line += text.count("\n", counted_to, i)
        counted_to = i
        try:
            obj, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise ImportFileError(
                str(path), f"not valid JSON ({exc.msg}); is the line cut short?", exc.lineno
            ) from None
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


def listed(value: Any, what: str, path: Path | str, line: int | None) -> list:
    """``value`` when it is a list, [] when it is absent (None); any other shape is refused in one line."""
    if value is None:
        return []
    need(isinstance(value, list), path, line, f"{what} must be a list, not {type(value).__name__}")
    return value


def check_with_line(schema: Schema, doc: IncomingDocument, path: Path | str, line: int | None) -> None:
    """The schema's rules for an incoming document, refused with the file and the line it came from."""
    check_incoming(schema, doc, str(path), line)


def fit_span(
    text: str, start: Any, end: Any, span_text: str | None, u16: "Utf16Map | None" = None
) -> tuple[int, int, str] | None:
    """Offsets as code points: as given when they fit, else read as UTF-16 units (browser tools).

    Returns (start, end, how) with how "" or "utf16", or None when neither reading fits.
    """
    from annotator.offsets import Utf16Map

    if type(start) is not int or type(end) is not int:
        return None
    if 0 <= start < end <= len(text) and (span_text is None or text[start:end] == span_text):
        return start, end, ""
    if text.isascii():
        return None
    u16 = u16 or Utf16Map(text)
    s, e = u16.exact_codepoint(start), u16.exact_codepoint(end)
    if s is None or e is None:
        return None  # falls inside a surrogate pair: not UTF-16 either
    if 0 <= s < e <= len(text) and (span_text is None or text[s:e] == span_text):
        return s, e, "utf16"
    return None


def looks_utf16(text: str, spans: list[tuple[int, int]]) -> bool:
    """For offsets given without the span text: do they fit the text better as UTF-16 units?

    Scores clean spans under both readings; ties stay code points. A span is clean when it holds a letter
    or digit, neither cuts a word at its ends, and does not begin or end with whitespace or a symbol such as
    an emoji or flag (Unicode categories So, Sk), which is where a misread offset lands.
    """
    from annotator.offsets import Utf16Map

    if text.isascii() or not spans:
        return False
    u16 = Utf16Map(text)

    def clean(s: int, e: int) -> bool:
        if not 0 <= s < e <= len(text):
            return False
        piece = text[s:e]
        if piece != piece.strip() or not any(ch.isalnum() for ch in piece):
            return False
        if unicodedata.category(piece[0]) in ("So", "Sk") or unicodedata.category(piece[-1]) in ("So", "Sk"):
            return False
        cut_left = s > 0 and text[s - 1].isalnum() and text[s].isalnum()
        cut_right = e < len(text) and text[e - 1].isalnum() and text[e].isalnum()
        return not cut_left and not cut_right

    as_cp = sum(clean(s, e) for s, e in spans)
    as_u16 = 0
    for s, e in spans:
        cs, ce = u16.exact_codepoint(s), u16.exact_codepoint(e)
        if cs is None or ce is None:
            return False  # inside a surrogate pair: cannot be UTF-16
        as_u16 += clean(cs, ce)
    return as_u16 > as_cp


def trigger_labels(schema: Schema | None) -> set[str]:
    """Labels that name event types (their spans are triggers) in ``schema`` (or the default schema)."""
    from annotator.schema import default_schema

    return set((schema or default_schema()).event_type_names)
