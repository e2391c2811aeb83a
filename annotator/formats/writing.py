"""The writers' side of the formats' plumbing: the export's report (``FormatExportReport``), reproducible splits into
parts and a file a part, each document's record with its tokens, the token writers' triggers and arguments left out,
and a writer's ``names`` option."""

from __future__ import annotations

import gc
import hashlib
import os
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Mapping, Sequence

import orjson

from annotator.wording import counted, counted_kind, were
from annotator.errors import OptionError
from annotator.formats.common import option_choice, option_int
from annotator.formats.meta_keys import BRAT, WEBANNO
from annotator.formats.problem_place import Where
from annotator.formats.schema_names import AliasNames
from annotator.formats.records import ExportReport, ExportRequest, request_records
from annotator.formats.tokens import ALIGN_MODES, DocTokens, tokens_for
from annotator.schema import Schema
from annotator.set_status import selected_ids
from annotator.store import Project


MAX_EXAMPLES = 5


@dataclass
class FormatExportReport(ExportReport):
    """What an export wrote and what it could not carry, each problem naming document and offsets."""

    format: str = ""
    files: list[str] = field(default_factory=list)
    tokenized: list[str] = field(default_factory=list)  # documents tokenised here (no stored tokens)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)
    # where each of ``problems`` lies, in its order (``problem_place.Where.at``; {} where the writer gave none)
    places: list[dict[str, Any]] = field(default_factory=list)
    # the way to the pipeline's tokens that ``summary`` names (the app names its menu entry)
    tokens_hint: str = "annotator preannotate --tokens-only"

    def problem(self, kind: str, message: str, at: Mapping[str, Any] | None = None) -> None:
        """Report what the format could not carry; ``at``: its document, label and offsets (``Where.at``)."""
        self.problems.append((kind, message))
        self.places.append(dict(at) if at else {})

    def summary(self, with_files: bool = True) -> str:
        """The counts and problems; ``with_files=False`` leaves out the list of files (for a caller that names them)."""
        s = super().summary()
        if with_files and len(self.files) > 1:
            s += f"; files: {', '.join(self.files)}"
        if self.tokenized:
            s += (
                f"; {counted(len(self.tokenized), 'document')} had no stored tokens and "
                f"{were(len(self.tokenized))} tokenised into words and "
                f"punctuation (the fallback of annotator.tokens; e.g. {', '.join(self.tokenized[:3])}; "
                f"{self.tokens_hint} cuts them as the pipeline does, suggesting nothing)"
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


# a writer's ``names`` option: each document's as the file it came from spelt them (``GivenSpellings.of_meta``), the
# schema's own names, or their first aliases
NAMES = ("file", "schema", "aliases")


def option_names(schema: Schema, options: dict[str, str]) -> AliasNames | None:
    """The ``names`` option of a writer that can write another tool's names (DyGIE++, OneIE, OmniEvent):
    ``AliasNames`` to write each name as its first alias, None to write the schema's own or the file's spellings
    (``option_file_names``)."""
    return AliasNames(schema) if option_choice(options, "names", NAMES) == "aliases" else None


def option_file_names(options: dict[str, str]) -> bool:
    """Whether the ``names`` option asks for each document's names as the file it came from spelt them (the default)."""
    return option_choice(options, "names", NAMES) == "file"


def report_alias_choices(report: FormatExportReport, names: AliasNames | None) -> None:
    """A problem line for each name written as the first of several aliases (after the writing)."""
    for note in names.notes() if names else []:
        report.problem("names written as the first of their aliases", note)


# a document's lines of an event corpus's writer: (record, tokens, report, misaligned mode, names, file's names)
EventLines = Callable[[dict[str, Any], DocTokens, FormatExportReport, str, AliasNames | None, bool], Iterable[Any]]


def write_event_lines(
    project: Project, out: str | Path, request: ExportRequest, fmt: str, lines: EventLines
) -> FormatExportReport:
    """The writers of an event corpus's sentence lines (OneIE, OmniEvent: a JSON object a sentence of tokens, its
    entity and event mentions): their ``misaligned`` (``tokens.ALIGN_MODES``) and ``names`` options, read alike, the
    lines per part (``write_lines_per_part``) by ``lines(record, tokens, report, mode, names, file_names)``, and the
    names written as the first of several aliases reported after."""
    opts = dict(request.options)
    mode = option_choice(opts, "misaligned", ALIGN_MODES)
    names, file_names = option_names(project.schema, opts), option_file_names(opts)
    report = write_lines_per_part(
        project, out, request, fmt, lambda rec, toks, report: lines(rec, toks, report, mode, names, file_names)
    )
    report_alias_choices(report, names)
    return report


def assign_parts(
    project: Project,
    statuses: list[str] | None,
    split: list[tuple[str, float]] | None,
    seed: int,
    annotation_set: str | None = None,
    documents: Sequence[int] | None = None,
) -> dict[int, str]:
    """Document id -> part name (the documents of ``statuses``: a merged ``annotation_set``'s by its own; of
    ``documents`` only where given). Reproducible: the order is a hash of seed and text, not of ids or time."""
    ids = selected_ids(project, statuses, annotation_set, documents)
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


def names_folder(out: str | Path) -> bool:
    """Whether an output names a folder: one that exists, or a name ending in a separator (``-o data/``)."""
    return str(out).endswith(("/", os.sep)) or Path(out).is_dir()


def part_path(out: str | Path, part: str, ending: str = "") -> Path:
    """``corpus.spacy`` + ``train`` -> ``corpus.train.spacy``; a path without suffix gets ``.train``; a folder
    (``names_folder``) holds the part under its own name and the format's ``ending``: ``data/`` -> ``data/train.spacy``
    (session 34: the parts went beside it, ``data.train`` and ``data.dev`` in the current folder, never into it)."""
    p = Path(out)
    if not part:
        return p
    if names_folder(out):
        return p / f"{part}{ending}"
    return p.with_name(f"{p.stem}.{part}{p.suffix}") if p.suffix else p.with_name(f"{p.name}.{part}")


def format_ending(fmt: str) -> str:
    """The file name ending the export format ``fmt`` writes (``.spacy``), for a part written into a folder."""
    from annotator.formats.registry import export_formats

    return next((f.suffix for f in export_formats() if f.name == fmt), "")


@contextmanager
def atomic_outputs(out: str | Path, parts: list[str], ending: str = "") -> Iterator[dict[str, BinaryIO]]:
    """One atomic file per part (``part_path``); all are renamed into place only if the block finishes."""
    from annotator.exporting import atomic_output

    with ExitStack() as stack:
        yield {p: stack.enter_context(atomic_output(part_path(out, p, ending))) for p in parts}


def parts_of(assignment: dict[int, str]) -> list[str]:
    return list(dict.fromkeys(assignment.values())) or [""]


def split_option(
    project: Project,
    statuses: Any,
    opts: Mapping[str, str],
    annotation_set: str | None = None,
    documents: Sequence[int] | None = None,
) -> dict[int, str]:
    """Document id -> part name, from the ``split`` and ``seed`` options (see ``assign_parts``)."""
    statuses = list(statuses) if statuses is not None else None
    split, seed = parse_split(opts.get("split")), option_int(dict(opts), "seed", 0)
    return assign_parts(project, statuses, split, seed, annotation_set, documents)


# the exports whose format has no place for a document's categories (a text classification's labels): each says
# the ones it leaves out (they went without a word: session 24, s24-realb; doccano, Label Studio, Prodigy, the DocBin
# and the project's JSON and JSONL write them)
# (WebAnno TSV's format name is its import's source, the meta key: spelt once, test_layers)
CATEGORIES_LEFT_OUT = ("brat", "conll", "hf", "dygiepp", "oneie", "wikievents", "omnievent", WEBANNO)
CATEGORIES_LEFT_OUT_KIND = "document categories left out (the format has no place for them)"


def say_categories_left_out(rec: dict[str, Any], report: FormatExportReport) -> None:
    """A document's categories, said as left out where ``report``'s format is one of ``CATEGORIES_LEFT_OUT``."""
    if report.format in CATEGORIES_LEFT_OUT:
        from annotator.categories import document_categories

        for c in document_categories(rec["meta"]):
            report.problem(CATEGORIES_LEFT_OUT_KIND, f"{rec['name']}: {c}")


# the exports with no place for what a brat import kept beside the annotations (its normalisations, equivalences and
# attributes on entities, ``meta["brat"]``): each says the ones it leaves out (they went without a word until session
# 28; brat's own export writes them back, doccano, Prodigy, the DocBin and the project's JSON carry the meta, Label
# Studio writes the attributes as choices and the rest in the task's data)
BRAT_KEPT_LEFT_OUT = ("conll", "hf", "dygiepp", "oneie", "wikievents", "omnievent", WEBANNO)
BRAT_KEPT = (("normalizations", "normalisations (N lines)", "reference"), ("equivalences", "equivalences (* lines)", "type"),
             ("attributes", "attributes on entities (A lines)", "name"))  # fmt: skip


def say_brat_kept_left_out(rec: dict[str, Any], report: FormatExportReport) -> None:
    """What a brat import kept of a document and ``report``'s format has no place for, said as left out (each by its
    reference, type or name) where that format is one of ``BRAT_KEPT_LEFT_OUT``."""
    kept = rec["meta"].get(BRAT) if report.format in BRAT_KEPT_LEFT_OUT else None
    if not isinstance(kept, dict):
        return
    for key, what, named in BRAT_KEPT:
        if key == "equivalences" and report.format in ("dygiepp", WEBANNO):
            continue  # written as DyGIE++'s clusters (dygiepp_out), WebAnno TSV's chains (webanno_chains)
        given = kept.get(key)
        for item in given if isinstance(given, list) else ():
            if key == "normalizations" and report.format == WEBANNO and _on_span(item):
                continue  # an entity's: NamedEntity's identifier (``entity_links``)
            shown = item.get(named) if isinstance(item, dict) else None
            report.problem(f"brat {what} left out (the format has no place for them)", f"{rec['name']}: {shown}")


# the exports with no place for a document's notes (its comments: the app's, a brat import's `#` notes): each says
# once how many it leaves out (session 40; session 27 left them unsaid, each docstring's "Lost" alone telling it);
# brat, doccano, Label Studio, the DocBin and the project's JSON write them, WebAnno TSV with ``decisions=yes``
COMMENTS_LEFT_OUT = ("conll", "hf", "dygiepp", "oneie", "wikievents", "omnievent", "prodigy", WEBANNO)
COMMENTS_LEFT_OUT_KIND = "notes (document comments) left out (the format has no place for them)"
# the token exports with no place for an event's attributes (DyGIE++'s, OneIE's, WikiEvents' and OmniEvent's events
# are a type, a trigger and arguments; CoNLL and Hugging Face leave events out, said): a value other than the
# schema's default does not come back on import (the default does), so each such value is said (session 40)
ATTRIBUTES_LEFT_OUT = ("dygiepp", "oneie", "wikievents", "omnievent")
ATTRIBUTES_LEFT_OUT_KIND = "event attribute values left out (the format has no place for them)"


def say_comments_left_out(rec: dict[str, Any], report: FormatExportReport, request: ExportRequest) -> None:
    """A document's notes, said as left out where ``report``'s format is one of ``COMMENTS_LEFT_OUT`` (WebAnno TSV
    without ``decisions=yes``, which writes them on a layer of their own)."""
    if report.format not in COMMENTS_LEFT_OUT or not rec["comments"]:
        return
    if report.format == WEBANNO and request.options.get("decisions") == "yes":
        return
    for c in rec["comments"]:
        report.problem(COMMENTS_LEFT_OUT_KIND, f"{rec['name']}: {c['text']}")


def say_attributes_left_out(rec: dict[str, Any], report: FormatExportReport, defaults: Mapping[str, str]) -> None:
    """Each event attribute whose value is not the schema's default (``defaults``), said as left out where
    ``report``'s format is one of ``ATTRIBUTES_LEFT_OUT``."""
    if report.format not in ATTRIBUTES_LEFT_OUT:
        return
    for v in rec["events"]:
        given = v.get("attributes") or {}
        changed = [f"{k}={x}" for k, x in given.items() if defaults.get(k) != x]
        if changed:
            t = v["trigger"]
            at = f"{rec['name']}: {v['type']} [{t['start']}, {t['end']})"
            report.problem(ATTRIBUTES_LEFT_OUT_KIND, f"{at} {' '.join(changed)}")


def _on_span(item: Any) -> bool:
    """Whether a kept brat normalisation is on a text span (``["T", label, start, end]``), not on an event."""
    target = item.get("target") if isinstance(item, dict) else None
    return isinstance(target, list) and len(target) == 4 and target[0] == "T"


def records_with_tokens(
    project: Project,
    request: ExportRequest,
    report: FormatExportReport,
    ids: list[int] | None = None,
) -> Iterator[tuple[dict[str, Any], DocTokens]]:
    """Each exported document record with its tokens; documents without stored tokens go in ``report.tokenized``;
    ``ids``: only these documents (see ``iter_document_records``)."""
    defaults = project.schema.default_attributes() if report.format in ATTRIBUTES_LEFT_OUT else {}
    for rec in request_records(project, request, report, ids):
        say_categories_left_out(rec, report)
        say_brat_kept_left_out(rec, report)
        say_comments_left_out(rec, report, request)
        say_attributes_left_out(rec, report, defaults)
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
    assignment = split_option(project, request.statuses, request.options, request.annotation_set, request.documents)
    parts = parts_of(assignment)
    report = FormatExportReport(format=fmt)
    ending = format_ending(fmt)
    with atomic_outputs(out, parts, ending) as handles:
        for rec, toks in records_with_tokens(project, request, report):
            handles[assignment[rec["id"]]].write(render(rec, toks, report))
        report.bytes = sum(fh.tell() for fh in handles.values())
    report.files = [str(part_path(out, p, ending)) for p in parts]
    return report


def placed_triggers(
    events: Iterable[dict[str, Any]],
    place: Callable[[int, int, str], Any],
    report: FormatExportReport,
    name: Where,
) -> Iterator[tuple[int, dict[str, Any], Any]]:
    """Each exported event whose trigger ``place(start, end, what)`` puts somewhere (not None), as (its index in
    ``events``, the event, where); the others reported as left out (the token writers: DyGIE++, OneIE, OmniEvent)."""
    for k, v in enumerate(events):
        t = v["trigger"]
        got = place(t["start"], t["end"], f"trigger of {v['type']}", v["type"])
        if got is None:
            report.problem(
                "events left out (trigger not usable)",
                f"{name}: event {v['id']} {v['type']}",
                {**name.at(t["start"], t["end"]), "label": v["type"]},
            )
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
