"""brat standoff import: a folder of .txt/.ann pairs, with or without annotation.conf.

Read the way brat's own reader (``server/src/annotation.py``) reads them:
- Pairs: ``NAME.txt`` + ``NAME.ann``, where NAME may hold dots (``AFP_ENG_20030304.0250.ann``); without
  ``NAME.ann``, the BioNLP Shared Tasks' ``NAME.a1`` + ``NAME.a2`` (+ ``.co``, ``.rel``) read as one, as brat does
  (messages name the part file and its own line); their 2013 normalisations (``Reference Annotation:T1
  Referent:ID``) as brat's ``Reference T1 ID``.
- Offsets count the text as brat reads it, with universal newlines (``\\r\\n`` is one character). An .ann
  whose offsets fit only when ``\\r\\n`` counts as two (other tools, older exports of this one) is read that
  way, and that is reported.
- Without annotation.conf, the project's schema when it has every type the .ann files use, else a schema told from
  the files (``brat_infer``). That schema, and a conf our export wrote from a schema of the project's name (its first
  line says which), are matched to the project's by ``schema_match``'s rule in a new project too (``ReadResult.told``);
  another tool's conf, or ours of another schema, is adopted by a new project as it is.
- ``T`` lines become entities, or triggers when their type is an event type; ``E`` lines become events.
- Nested events: an argument that is another event (``Theme:E2``) is kept as an entity on that event's
  trigger span, labelled with that event's type (the schema read from annotation.conf has such a label;
  a schema without it refuses the file). Its source is ``event-argument`` (``event-argument:k`` when k
  earlier events share type and trigger), which lets the brat export write ``Theme:E2`` again.
- Repeated roles ``Theme2``, ``Theme3`` are the role ``Theme`` filled more than once.
- ``A``/``M`` attributes on events are kept. An event without an ``A`` line for a multi-valued attribute has
  no value (brat has no default); a binary attribute without one is ``false``.
- ``#`` notes become document comments: ``[on LABEL start-end] text`` (``[on event TYPE start-end]`` for
  notes on events, ``[on normalization LABEL start-end]`` and ``[on attribute NAME start-end]`` for notes on
  ``N`` and ``A`` lines, by what they sit on); a note type other than ``AnnotatorNotes`` is kept in front
  (``[Lemma on N 0-4] talo``).
  The brat export puts each back on the same annotation with the same type.
- What the project has no place for is kept in the document's meta under ``brat`` and written back by the
  brat export: attributes on entities, ``R`` relations, ``*`` equivalences, ``N`` normalisations, each with
  the spans it points at, and ``T`` lines of an event type that no event uses (``textbounds``; brat shows
  them as plain spans) (``["T", label, start, end]`` or ``["E", type, start, end, k]``).
- Discontinuous spans are kept as their covering span: silently when the gaps are only line breaks and
  spaces (as brat writes spans across lines); otherwise the app shows the covering span and the fragments are kept
  in the document's meta (``fragments``: ``[label, start, end, [[start, end], ...]]``) for the brat export to write
  back while the span is unchanged (said in a note).
"""

from __future__ import annotations

from pathlib import Path

from typing import Mapping

from annotator.errors import ImportFileError, UnknownTypeError
from annotator.formats.brat_conf import (
    BRAT_KEPT,
    conf_schema,
    names_from_brat,
    relation_names,
)
from annotator.formats.brat_infer import conf_from_anns, types_used
from annotator.formats.brat_files import (
    ann_files,
    given_upto,
    in_part,
    pair_of,
    read_annotation_conf,
    read_parts,
    rest_suffix,
    said_in_parts,
    stem_of,
)
from annotator.formats.brat_ann import SpanTextMismatch, parse_ann
from annotator.formats.brat_shortcuts import SHORTCUTS, keys_said
from annotator.formats.brat_text import REST_IN, BratOffsets
from annotator.formats.reading import ReadResult, check_with_line
from annotator.text_encoding import head_text
from annotator.importing import IncomingDocument, decode_text
from annotator.schema import Schema, default_schema
from annotator.wording import counted, first_named


def find_conf(folder: Path) -> Path | None:
    for f in (folder, folder.parent):
        if (f / "annotation.conf").is_file():
            return f / "annotation.conf"
    return None


def document_stems(path: Path) -> list[Path]:
    """Every document NAME of a folder (searched through subfolders) or of one .txt/.ann file."""
    if path.is_dir():
        found = {stem_of(p) for p in path.rglob("*") if p.is_file()}
        return sorted(s for s in found if s is not None)
    stem = stem_of(path)
    return [stem] if stem is not None else []


def read_brat(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """A brat folder (or one .ann/.txt file); annotation.conf, when present, defines the schema."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(str(path), "no such file or folder")
    folder = path if path.is_dir() else path.parent
    warnings: list[str] = []
    conf = find_conf(folder)
    told = None
    declared: dict[str, list[str]] = {}
    said_keys: list[str] = []  # the keys a kb_shortcuts.conf beside the conf gave the labels
    ours = False  # a conf our export wrote from the project's schema: that schema spelt as the file spelt it
    if conf is not None:
        read = read_annotation_conf(conf, conf.parent / "visual.conf", folder.name)
        told, warnings, declared = read.schema, read.warnings, read.declared
        ours = read.written is not None and read.written == (schema or default_schema()).name
        keyed = {e.name: e.key for e in told.entities if e.key}
        if keyed and not ours:  # another tool's conf: a new project adopts it with them
            said_keys.append(f"{conf.parent / SHORTCUTS}: its keys are the conf's labels' keys: {keys_said(keyed)}")
    stems = document_stems(path)
    if not stems:
        raise ImportFileError(
            str(path),
            "no .txt or .ann files in the folder"
            if path.is_dir()
            else "not a brat file: brat reads a folder of .txt and .ann files, or an .ann file",
        )
    notes: list[str] = [*said_keys]
    textless = [s for s in stems if not pair_of(s)[0].exists()]
    if textless and len(textless) < len(stems):  # brat lists a document by its text: the annotations alone are none
        stems = [s for s in stems if s not in textless]
        warnings.append(_textless_said(path, textless))
    if told is None:
        told = _schema_from_anns(folder, stems, schema or default_schema(), warnings, notes)
    use = told or schema or default_schema()
    try:
        renamed = relation_names((conf.parent if conf is not None else folder) / "visual.conf")
        docs = [read_pair(stem, use, warnings, notes, renamed) for stem in stems]
    except UnknownTypeError as exc:
        if conf is None:
            raise
        missing = sorted(types_used(_ann_texts(stems)) - set(names_from_brat(use)))
        raise ImportFileError(
            exc.path,
            f"{exc.reason}: {conf} has no {', '.join(missing[:8])}{' ...' if len(missing) > 8 else ''} that the .ann "
            "files use; add them there, or remove annotation.conf to have the types told from the files",
            exc.line,
        ) from None
    if path.is_dir():  # a document of a subfolder is named with it (esp/esp.train-doc-29.txt), as WebAnno's are
        for stem, doc in zip(stems, docs):
            if stem.parent != path:
                doc.name = pair_of(stem)[0].relative_to(path).as_posix()
    kept = {BRAT_KEPT: declared} if any(declared.values()) else {}
    # without a conf the types are told from the .ann files, as DyGIE++'s from its lines, and a conf our export wrote
    # from the project's schema names that schema as the file spelt it (a Prodigy file's Meet for Contact:Meet):
    # matched by one rule, in a new project as in one holding documents; another tool's conf is its own world
    said = (
        "" if conf is not None else "its types and attributes (told from the .ann files: no annotation.conf) are types"
    )
    keys = {e.name: e.key for e in told.entities if e.key} if conf is not None and told is not None and not ours else {}
    return ReadResult(
        docs, told, warnings, notes, schema_kept=kept, schema_from=said, told=conf is None or ours, label_keys=keys
    )


def _textless_said(path: Path, textless: list[Path]) -> str:
    """The one line of the documents whose ``.ann`` has no ``.txt`` beside it (a corpus that ships its annotations
    alone, its texts to be fetched from their source: KEEPHA-Ja's tweets), passed over as brat does."""
    folder = path if path.is_dir() else path.parent
    names = [pair_of(s)[1].relative_to(folder).as_posix() for s in textless]
    its = "its" if len(names) == 1 else "their"
    return (
        f"{path}: {counted(len(names), '.ann file')} without {its} text (no .txt of the same name beside it: brat "
        f"lists a document by its text), not read: {first_named(names, 3)}"
    )


def _schema_from_anns(
    folder: Path, stems: list[Path], schema: Schema, warnings: list[str], notes: list[str]
) -> Schema | None:
    """With no annotation.conf: None when ``schema`` has every type the .ann files use, else a schema told from
    them (brat_infer), said in a note."""
    texts = _ann_texts(stems)
    if types_used(texts) <= set(names_from_brat(schema)):
        return None
    where = folder / "annotation.conf"
    visual = folder / "visual.conf"
    told, found = conf_schema(conf_from_anns(texts), where, visual if visual.is_file() else None, folder.name)
    warnings += found
    notes.append(
        f"{folder}: no annotation.conf; the schema was told from the .ann files "
        f"(entity types: {len(told.entities)}, event types: {len(told.events)})"
    )
    return told


def _ann_texts(stems: list[Path]) -> list[str]:
    texts = []
    for stem in stems:
        try:
            texts.append("\n".join(head_text(a.read_bytes()) for a in ann_files(stem)))
        except OSError:
            texts.append("")  # read_pair names it
    return texts


def read_pair(
    stem: Path,
    schema: Schema,
    warnings: list[str],
    notes: list[str] | None = None,
    renamed: Mapping[str, str] | None = None,
) -> IncomingDocument:
    """A document: its text and its annotations (``NAME.ann``, or the BioNLP Shared Tasks' ``NAME.a1`` and
    ``NAME.a2``, ``.co``, ``.rel`` read as one, as brat reads them: ``brat_files.ann_files``); ``renamed``: relation
    types by the names visual.conf gives them (``brat_conf.relation_names``)."""
    txt = pair_of(stem)[0]
    parts = ann_files(stem)
    ann = parts[0] if parts else pair_of(stem)[1]  # the messages' file, lines told apart by ``_in_part``
    if not txt.exists():
        raise ImportFileError(str(ann), f"no text file {txt.name} beside it")
    try:
        text, bom = decode_text(txt.read_bytes(), str(txt), nuls_kept=True)  # .ann offsets count a NUL
        ann_text, starts = read_parts(parts)
    except OSError as exc:
        raise ImportFileError(str(stem), f"cannot read: {exc.strerror or exc}") from None
    try:
        doc = _read_annotations(txt, text, bom, ann, ann_text, schema, warnings, notes, starts, renamed or {})
    except ImportFileError as exc:
        if len(parts) < 2 or exc.line is None or exc.path != str(ann):
            raise
        part, n = in_part(starts, exc.line)
        if isinstance(exc, UnknownTypeError):  # read_brat names what the conf lacks from its type
            raise UnknownTypeError(str(part), exc.reason, n, exc.type_name) from None
        raise ImportFileError(str(part), exc.reason, n) from None
    check_with_line(schema, doc, ann, None)
    return doc


def _read_annotations(
    txt: Path,
    text: str,
    bom: bool,
    ann: Path,
    ann_text: str,
    schema: Schema,
    warnings: list[str],
    notes: list[str] | None,
    starts: list[tuple[Path, int]],
    renamed: Mapping[str, str],
) -> IncomingDocument:
    doc = IncomingDocument(text=text, name=txt.name, bom=bom, source_path=str(txt))
    if ann_text:
        offsets = BratOffsets(text, bom)
        found: list[str] = []
        noted: list[str] = []
        try:
            parse_ann(ann_text, text, schema, doc, ann, found, offsets, noted, renamed, given_upto(starts))
        except SpanTextMismatch as first:
            if offsets.identity:
                raise ImportFileError(first.path, first.reason, first.line) from None
            # brat counts "\r\n" as one character; other tools count two: try that reading before refusing
            doc = IncomingDocument(text=text, name=txt.name, bom=bom, source_path=str(txt))
            found, noted = [], []
            try:
                parse_ann(
                    ann_text, text, schema, doc, ann, found, BratOffsets("", bom), noted, renamed, given_upto(starts)
                )
            except SpanTextMismatch:
                raise ImportFileError(first.path, first.reason, first.line) from None
            (notes if notes is not None else found).append(
                f"{ann}: offsets count each \\r\\n as two characters (brat counts one); read that way"
            )
        warnings += said_in_parts(ann, starts, found)
        if notes is not None:
            notes += said_in_parts(ann, starts, noted)
    if rest := rest_suffix(starts):  # the REL task's .rel (the CO task's .co) beside the .a1: written back there
        doc.meta.setdefault("brat", {})[REST_IN] = rest
    return doc
