"""Import through the readers: through a named one (``import_format``: read and check everything first, then store
it in one transaction), or files and folders each through the reader its name or content tells (``import_paths``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import orjson

from annotator.categories import remember_categories
from annotator.errors import (
    AnnotatorError,
    ImportFileError,
    LegacyEncodingError,
    SchemaLacksError,
    UnknownLabelsError,
)
from annotator.formats import readers
from annotator.formats.common import SCHEMA_KEPT, keep_type_colors
from annotator.formats.reading import ReadResult, as_result, check_with_line
from annotator.formats.import_report import FormatImportReport
from annotator.formats.input_paths import empty_folders, expand_paths, read_any_result, refuse_project_file
from annotator.formats.told_format import check_import_options, refuse_own_export, told_otherwise, told_read_as
from annotator.formats.detect import detect_format
from annotator.formats.format_inputs import folder_files, format_inputs, in_folder
from annotator.formats.brat_files import not_brat
from annotator.formats.brat_shortcuts import keys_given
from annotator.formats.label_studio_config import tasks_of
from annotator.formats.prodigy_colors import beside_datasets
from annotator.formats.held_encoded import held_in_encoding
from annotator.formats.members import doccano_members
from annotator.formats.onto_stored import match_stored
from annotator.formats.registry import FORMATS
from annotator.formats.read_growing import read_growing
from annotator.formats.schema_choices import (
    NO_CHOICES,
    SchemaChoices,
    addable,
    check_mapped,
    refusal,
    said_added,
    with_added_types,
)
from annotator.formats.schema_match import match_to_schema, matched_labels
from annotator.formats.set_meta_kept import imported_own
from annotator.importing import (
    BATCH,
    IncomingDocument,
    check_document,
    prepare_documents,
    store_documents,
)
from annotator.formats.folder_names import names_in_folders
from annotator.rules import schema_covers
from annotator.schema import Schema
from annotator.schema_given import schema_open
from annotator.wording import first_named
from annotator.store import Project
from annotator.text_encoding import reading_in


def import_format(
    project: Project,
    fmt: str,
    paths: Iterable[str | Path],
    progress: Callable[[int, int, str], None] | None = None,
    skip_bad: bool = False,
    options: Mapping[str, str] | None = None,
    grow: bool | None = None,
    into_set: str | None = None,
    choices: SchemaChoices = NO_CHOICES,
    encoding: str | None = None,
    named: bool = True,
) -> FormatImportReport:
    """Read ``paths`` with the reader ``fmt`` (with its ``options``: ``import_options`` of its record); if anything
    is wrong nothing is stored (ImportFileError). Text files are read in ``encoding`` (any codec Python knows, an
    unknown one refused before anything is read: ``text_encoding``), by default strict UTF-8.

    A schema the input brings (brat's annotation.conf) becomes the project's schema when the project has
    no documents yet and no schema the user gave (``schema_given.schema_open``); otherwise the project's schema must
    already hold it. Entity labels a file uses that the schema lacks are added to it when ``grow`` (default: that
    same rule), as WebAnno TSV layers
    and brat's types are: a CoNLL corpus with GENE tags imported into a new project was refused. ``choices``: what
    to do with the names a file's own schema has and a project with documents lacks (``store_results``). ``named``:
    the user named ``fmt`` (``--format``): the files of a brat folder its reader passes over are said, a note each
    (without it, ``import_paths`` reads each of them by its content).
    """
    check_import_options(fmt, skip_bad, options)
    with reading_in(encoding):
        report = _import_format(project, fmt, paths, progress, skip_bad, options, grow, into_set, choices)
    for path in map(Path, paths) if named and fmt == "brat" else ():  # a brat folder's other files: one line each
        for other in not_brat(folder_files(path)) if path.is_dir() else ():
            report.notes.append(
                f"{other}: not read: --format brat reads the folder's .txt and .ann files; import the folder "
                "without --format to read each of its other files as its content says"
            )
    return report


def _import_format(
    project: Project,
    fmt: str,
    paths: Iterable[str | Path],
    progress: Callable[[int, int, str], None] | None,
    skip_bad: bool,
    options: Mapping[str, str] | None,
    grow: bool | None,
    into_set: str | None,
    choices: SchemaChoices,
) -> FormatImportReport:
    """``import_format`` in the encoding it was given."""
    if grow is None:
        grow = schema_open(project)
    grow = grow or choices.add_types  # the user asked for the labels a file uses and the schema lacks
    table = readers()
    inputs = format_inputs(fmt, paths)  # a folder given to a reader of files: its files
    results = []
    matched: list[str] = []
    schema = project.schema  # grown file by file by the labels they add
    for k, (p, folder) in enumerate(inputs, start=1):
        refuse_project_file(p)
        extra: dict[str, Any] = {"skip_bad": True} if skip_bad else {}
        if options:
            extra["options"] = dict(options)
        try:
            result = read_growing(
                lambda s: as_result(table[fmt](p, schema=s, **extra)), p, schema, grow, fmt, choices.mapped
            )
        except UnknownLabelsError:
            raise
        except ImportFileError as exc:
            raise in_folder(told_otherwise(exc, p, fmt), folder, fmt) from None
        refuse_own_export(p, fmt)  # a reader that took it took its texts alone
        for d in result.documents if into_set else ():  # one member's file of several (formats.members)
            d.annotation_set = into_set
            for x in [*d.entities, *d.events]:
                x.annotator = x.annotator or into_set
        if (read_otherwise := told_read_as(p, fmt)) is not None:
            result.notes.append(read_otherwise)
        schema = result.schema if result.labels_added and result.schema is not None else schema
        got = match_stored(project, result.documents, p) if FORMATS[fmt].rebuilds_text else None
        if got is not None:  # the project's own export back (DyGIE++, CoNLL): onto the documents it came from
            result.notes.append(got[0])
            matched += [got[0]] if got[1] else []
        results.append((p, result))
        if progress:
            progress(k, len(inputs), str(p))
    report = store_results(project, results, grow, choices)
    report.matched = matched
    return report


def store_results(
    project: Project, results: list[tuple[Path, ReadResult]], grow: bool = False, choices: SchemaChoices = NO_CHOICES
) -> FormatImportReport:
    """Check what readers read and store it all in one transaction, adopting a schema the input brings (brat's
    annotation.conf, a JSON export's header) when its schema is open (``schema_open``: no documents yet, no schema
    the user gave); a schema that only adds entity
    labels (``ReadResult.labels_added``) also when ``grow`` (the project had none when this import began); in a
    project with documents, the names a file's schema has and the project's lacks as ``choices`` say (added, mapped),
    else refused (``SchemaLacksError``)."""
    report = FormatImportReport()
    new_schema = None
    kept: dict[str, Any] = {}  # what the adopted schema's input declared beyond it (brat's relation types)
    grew = False
    holding = not schema_open(project)  # documents, or a schema the user gave: kept as it is
    for p, r in results:
        report.warnings += r.warnings
        report.notes += r.notes
        if r.schema is None or schema_covers(project.schema, r.schema):
            continue
        if new_schema is not None and schema_covers(new_schema, r.schema):
            continue  # an earlier file's schema holds it already
        grows = grow and bool(r.labels_added) and schema_covers(r.schema, new_schema or project.schema)
        base = new_schema or project.schema
        # a schema told from a file alone that names nothing of the project's (SciERC's Method, Task) is the corpus's
        # own world: a new project adopts it as it was; one that shares a name (DyGIE++'s `Meet`) is matched below
        told = r.told and (holding or bool(matched_labels(r.schema, base, choices.mapped)))
        # names the user maps (--map WORK_OF_ART=TITLE) that the file's schema declares: a new project made on a
        # schema of its own (`init --schema`, a label renamed) keeps it and takes the file's names as mapped
        mapping = not holding and any(
            k in r.schema.label_names or k in r.schema.event_type_names for k in choices.mapped
        )
        if not grows and (holding or new_schema is not None or told or mapping):
            # a schema told from the events (the project's grown) is matched in a new project too (a Prodigy `Meet`
            # is the news schema's Contact:Meet in both), which takes what still lacks as --add-types would
            adds = choices.add_types or ((told or mapping) and not holding)
            check_mapped(choices.mapped, base, str(p))
            matched, lacks = match_to_schema(r.schema, r.documents, base, str(p), choices.mapped)
            if adds:  # what its config declares and no document uses (a Label Studio file's): said added by the read
                lacks += [x for x in declared_lacking(r, base, choices.mapped) if x not in lacks]
            if lacks and adds and addable(lacks):
                labels = matched_labels(r.schema, base, choices.mapped)
                grown = with_added_types(base, r.schema, lacks, labels, p, r.label_colors)
                matched, still = match_to_schema(r.schema, r.documents, grown, str(p), choices.mapped)
                if not still:  # the user's choice (a new project's, of a told schema): the project's schema takes them
                    report.notes += [matched] if matched else []
                    said = said_added(base, grown, lacks, labels)  # under the project's names
                    if choices.add_types:
                        report.types_added += said
                    else:
                        report.types_told += said
                    new_schema, grew = grown, True
                    continue
                lacks = still  # what --add-types could not add (a role of that name the type has): named alone
            if not lacks:  # ACE's brat conf (PER, Attack) in a news project: its names are the schema's
                report.notes += [matched] if matched else []
                continue
            if told and not holding:  # what --add-types cannot add: the told schema adopted as it was
                new_schema, kept, grew = r.schema, r.schema_kept, grows
                continue
            said = (
                r.schema_from or f"its {'schema' if p.suffix.lower() == '.json' else 'annotation.conf'} defines types"
            )
            given_new = holding and not project.document_ids()  # a new project already: its schema given
            raise SchemaLacksError(str(p), refusal(said, first_named(lacks, 4), lacks, choices, given_new), lacks)
        new_schema, kept, grew = r.schema, r.schema_kept, grows
    keyed = None  # the project's labels given the keys of a file whose schema it did not adopt (kb_shortcuts.conf)
    for p, r in results:
        if r.label_keys and r.schema is not new_schema:
            got, said = keys_given(keyed or new_schema or project.schema, r.label_keys, str(p))
            keyed, report.notes = got or keyed, report.notes + said
    new_schema = keyed if keyed is not None and new_schema is not None else new_schema
    use = new_schema or project.schema
    docs = []
    for p, r in results:
        for d in r.documents:
            check_with_line(use, d, d.source_path or p, None)
            d.own_meta = imported_own(d.meta) if d.annotation_set is None else None
            docs.append(d)
    old = project.schema
    prepared = prepare_documents(project, docs, use)  # before the lock: it covers the inserts only
    try:
        with project.transaction():
            if new_schema is not None:
                project.set_schema(new_schema)
                if kept or not grew:  # a schema of another input: what an earlier one declared beyond it is gone
                    project.db.set_project_value(SCHEMA_KEPT, orjson.dumps(kept).decode("utf-8"))
                for a in new_schema.attributes:
                    n = project.db.give_attribute(a.name, a.default) if old.attribute(a.name) is None else 0
                    if n:  # before the import's own events: they are as the file gives them (brat: no value)
                        report.defaults_given.append((a.name, a.default, n))
                report.schema_adopted = new_schema.name
                report.labels_added = [n for _, r in results for n in r.labels_added]
            if keyed is not None and keyed is not new_schema:  # the schema kept, its labels given keys
                project.set_schema(keyed)
            remember_categories(project, [c for _, r in results for c in r.categories])  # the inputs' lists first
            if colors := {k: v for _, r in results for k, v in r.type_colors.items()}:  # any document's export's
                keep_type_colors(project, colors)
            store_documents(project, prepared, report)
    except BaseException:
        project.schema = old
        raise
    return report


def declared_lacking(result: ReadResult, base: Schema, mapped: Mapping[str, str] | None) -> list[str]:
    """The event types ``result``'s input declares beside its documents and no document uses (a Label Studio config's,
    ``ReadResult.declared_events``) that ``base`` lacks and has under no other name, as ``schema_match`` names them:
    they went through its rule with the told schema, which keeps the used names only, and were dropped ("not kept")
    after the read had said them added (session 38). Their roles come with them from the told schema; a role declared
    for a type the project has by another name (our own export's every role, on its `Attack`) is left out, as before."""
    if result.schema is None:
        return []
    matched = matched_labels(result.schema, base, mapped)
    return [
        f"event type {t['name']}"
        for t in result.declared_events
        if base.event_type(t["name"]) is None and t["name"] not in matched
    ]


def _read_plain(project: Project, choices: SchemaChoices) -> Callable[[Path], list[IncomingDocument]]:
    return lambda path: read_any_result(path, project.schema, False, choices.mapped).documents


def import_paths(
    project: Project,
    paths: Iterable[str | Path],
    batch: int = BATCH,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    choices: SchemaChoices = NO_CHOICES,
    encoding: str | None = None,
) -> FormatImportReport:
    """Import files and folders; a bad file is skipped with its reason and the rest goes on (``choices`` and
    ``encoding``: as ``import_format`` takes them).

    Each file is stored whole or not at all; small files are batched into shared transactions. An input that
    another tool made (a brat folder, doccano, Label Studio or Prodigy files: ``formats.detect``) is read by
    that tool's reader, as ``import --format`` would; its warnings are in the report's ``warnings``.
    """
    with reading_in(encoding):
        return _import_paths(project, list(paths), batch, progress, cancelled, choices, encoding)


def _import_paths(
    project: Project,
    paths: list[str | Path],
    batch: int,
    progress: Callable[[int, int, str], None] | None,
    cancelled: Callable[[], bool] | None,
    choices: SchemaChoices,
    encoding: str | None,
) -> FormatImportReport:
    """``import_paths`` in the encoding it was given (``encoding``: passed on to ``import_format``)."""
    files = list(expand_paths(paths))
    in_folders = names_in_folders(paths, files)
    report = FormatImportReport()
    # a new project takes the labels its files use (import_format), and one with documents when the user asks
    grow = schema_open(project) or choices.add_types
    for folder in empty_folders(paths):  # a corpus folder that came out empty is not a success
        report.skipped.append((str(folder), f"{folder}: a folder with no file to import in it"))
    pending: list[IncomingDocument] = []
    pending_categories: list[str] = []  # the lists of categories the pending files carry (a JSON export's header)

    def flush() -> None:
        if pending or pending_categories:
            prepared = prepare_documents(project, pending)  # before the lock: it covers the inserts only
            with project.transaction():
                remember_categories(project, pending_categories)
                store_documents(project, prepared, report)
            pending.clear()
            pending_categories.clear()

    pairs_done: set[str] = set()  # brat documents read already (NAME.txt and NAME.ann are one document)
    members = doccano_members(files)  # doccano's export a file per member: each member's labels in a set of their own
    for folder in dict.fromkeys(f.parent for f in members):
        names = [m for f, m in members.items() if f.parent == folder]
        report.notes.append(
            f"{folder}: {len(names)} doccano files holding the same texts (doccano's export of a project without "
            f"collaborative annotation, a file a member): each file's labels go into an annotation set named after "
            f"it ({', '.join(names)}); the import's set has no decision yet (annotator agree compares them)"
        )
    for number, path in enumerate(files, start=1):
        if (tasks := tasks_of(path)) is not None and tasks in files:  # read with its tasks, beside it
            report.notes.append(f"{path}: the labeling config of {tasks.name}, read with it")
            if progress:
                progress(number, len(files), str(path))
            continue
        if beside_datasets(path, files):  # Prodigy's settings: its label colours read with the files beside it
            report.notes.append(f"{path}: Prodigy's settings file, read beside the Prodigy files of its folder")
            if progress:
                progress(number, len(files), str(path))
            continue
        fmt = detect_format(path) if path.exists() else None
        if fmt == "brat" and path.is_file():
            stem = str(path.resolve())[: -len(path.suffix)]
            if stem in pairs_done:
                if progress:
                    progress(number, len(files), str(path))
                continue
            pairs_done.add(stem)
        categories: list[str] = []  # another tool's reader stores its own (import_format: store_results)
        try:
            if fmt is not None:
                flush()
                got = import_format(
                    project,
                    fmt,
                    [path],
                    grow=grow,
                    into_set=members.get(path),
                    choices=choices,
                    encoding=encoding,
                    named=False,
                )
                report.merge(got)
                report.warnings += got.warnings
                report.notes += got.notes
                report.matched += got.matched
                report.schema_adopted = got.schema_adopted or report.schema_adopted
                report.labels_added += got.labels_added
                report.types_added += got.types_added
                report.types_told += got.types_told
                report.defaults_given += got.defaults_given
                report.formats.append((str(path), fmt))
                docs = []
            else:
                got_any = read_any_result(path, project.schema, grow, choices.mapped)
                docs, categories = got_any.documents, got_any.categories
                if got_any.schema is not None and not schema_covers(project.schema, got_any.schema):
                    flush()  # a JSON export on a schema the project lacks, or labels a new project's schema grew by
                    got = store_results(project, [(path, got_any)], grow, choices)
                    report.merge(got)
                    report.notes += got.notes
                    report.schema_adopted = got.schema_adopted or report.schema_adopted
                    report.labels_added += got.labels_added
                    report.types_added += got.types_added
                    report.types_told += got.types_told
                    report.defaults_given += got.defaults_given
                    docs, categories = [], []
                else:
                    report.notes += got_any.notes
                    report.warnings += got_any.warnings  # a plain file's (events-dev's events kept in meta)
            for d in docs:
                if d.name == path.name and path in in_folders:  # a plain file's document (named by it)
                    d.name = in_folders[path]
                check_document(project, d, str(path))
        except ImportFileError as exc:
            docs, categories = [], []
            held = None  # a file refused as not UTF-8 that the project holds read as the refusal says: duplicates
            if isinstance(exc, LegacyEncodingError) and fmt is None:
                held = held_in_encoding(project, path, exc.encoding, _read_plain(project, choices), in_folders)
            if held is not None:
                report.duplicates += held[0]
                report.notes.append(held[1])
            else:
                report.skipped.append((str(path), str(exc)))
            if isinstance(exc, SchemaLacksError):
                report.schema_lacks.append((str(path), exc.lacks))
            elif isinstance(exc, UnknownLabelsError):
                report.schema_lacks.append((str(path), [f"label {label}" for label in exc.labels]))
            elif isinstance(exc, LegacyEncodingError) and held is None:
                report.legacy_encoded.append((str(path), exc.encoding, exc.word))
        except AnnotatorError as exc:
            report.skipped.append((str(path), f"{path}: {exc}"))
            docs, categories = [], []
        pending.extend(docs)
        pending_categories.extend(categories)
        if len(pending) >= batch:
            flush()
        if progress:
            progress(number, len(files), str(path))
        if cancelled and cancelled():
            break
    flush()
    return report
