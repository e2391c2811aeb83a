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

import re
from dataclasses import dataclass, field
from pathlib import Path

from collections import Counter
from typing import Any, Mapping

from annotator.errors import ImportFileError, UnknownTypeError
from annotator.formats.brat_conf import (
    BINARY,
    BRAT_KEPT,
    PROXY_SOURCE,
    conf_schema,
    is_binary,
    names_from_brat,
    relation_names,
)
from annotator.formats.brat_infer import conf_from_anns, generic_triggers, types_used
from annotator.formats.brat_files import (
    BIONLP_2013_NORMALIZATION,
    ann_files,
    in_part,
    pair_of,
    read_annotation_conf,
    read_parts,
    said_in_parts,
    stem_of,
)
from annotator.formats.brat_text import NOTE_TYPE, BRAT_ID, BratOffsets, note_comment, universal_newlines
from annotator.formats.reading import ReadResult, check_with_line, need
from annotator.text_encoding import head_text
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, decode_text
from annotator.rules import ALLOWED_WHILE_WORKING, event_breaches, takes_value
from annotator.schema import Schema, default_schema
from annotator.wording import counted


@dataclass
class _T:
    id: str
    type: str
    start: int
    end: int
    line: int
    frags: list[tuple[int, int]] | None = None  # the fragments of a discontinuous span (gaps not only spaces)


@dataclass
class _E:
    id: str
    type: str
    trigger: str
    args: list[tuple[str, str]]
    line: int
    attributes: dict[str, str] = field(default_factory=dict)


class _Mismatch(ImportFileError):
    """A T line whose offsets do not cover its text (the other newline counting may fit)."""


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
    ours = False  # a conf our export wrote from the project's schema: that schema spelt as the file spelt it
    if conf is not None:
        read = read_annotation_conf(conf, conf.parent / "visual.conf", folder.name)
        told, warnings, declared = read.schema, read.warnings, read.declared
        ours = read.written is not None and read.written == (schema or default_schema()).name
    stems = document_stems(path)
    if not stems:
        raise ImportFileError(
            str(path),
            "no .txt or .ann files in the folder"
            if path.is_dir()
            else "not a brat file: brat reads a folder of .txt and .ann files, or an .ann file",
        )
    notes: list[str] = []
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
    return ReadResult(docs, told, warnings, notes, schema_kept=kept, schema_from=said, told=conf is None or ours)


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
            parse_ann(ann_text, text, schema, doc, ann, found, offsets, noted, renamed)
        except _Mismatch as first:
            if offsets.identity:
                raise ImportFileError(first.path, first.reason, first.line) from None
            # brat counts "\r\n" as one character; other tools count two: try that reading before refusing
            doc = IncomingDocument(text=text, name=txt.name, bom=bom, source_path=str(txt))
            found, noted = [], []
            try:
                parse_ann(ann_text, text, schema, doc, ann, found, BratOffsets("", bom), noted, renamed)
            except _Mismatch:
                raise ImportFileError(first.path, first.reason, first.line) from None
            (notes if notes is not None else found).append(
                f"{ann}: offsets count each \\r\\n as two characters (brat counts one); read that way"
            )
        warnings += said_in_parts(ann, starts, found)
        if notes is not None:
            notes += said_in_parts(ann, starts, noted)
    return doc


def _offsets(spec: str, text: str, ann: Path, line: int, tid: str, offsets: BratOffsets) -> tuple[int, int, list]:
    frags = []
    for piece in spec.split(";"):
        nums = piece.split()
        need(len(nums) == 2 and all(x.isdigit() for x in nums), ann, line, f"{tid}: cannot read offsets {piece!r}")
        s, e = offsets.to_stored(int(nums[0])), offsets.to_stored(int(nums[1]))
        need(
            0 <= s < e <= len(text),
            ann,
            line,
            f"{tid}: offsets {nums[0]} {nums[1]} are outside the text ({counted(len(text), 'character')}) or empty",
        )
        frags.append((s, e))
    return min(s for s, _ in frags), max(e for _, e in frags), frags


def _text_fits(covered: str, old_style: str, said: str) -> bool:
    """brat's check of a T line's text: it starts with the fragments' text joined by a space (or, as brat still
    reads, joined with nothing) and anything after it is set off by whitespace."""
    for expected in (covered, old_style):
        if said.startswith(expected) and (len(said) == len(expected) or said[len(expected)].isspace()):
            return True
    return False


def _ref(token: str) -> tuple[str, str]:
    """``Theme:T3`` -> ("Theme", "T3")."""
    role, _, target = token.partition(":")
    return role, target


def parse_ann(
    ann_text: str,
    text: str,
    schema: Schema,
    doc: IncomingDocument,
    ann: Path,
    warnings: list[str],
    offsets: BratOffsets | None = None,
    said: list[str] | None = None,
    renamed: Mapping[str, str] | None = None,
) -> None:
    """Read one .ann into ``doc``; what is not kept goes to ``warnings``, how something was read to ``said``;
    ``renamed``: relation types by the names visual.conf gives them."""
    offsets = offsets or BratOffsets(text)
    names = names_from_brat(schema)
    event_types = set(schema.event_type_names)
    ts: dict[str, _T] = {}
    es: dict[str, _E] = {}
    attrs: list[tuple[str, str, str | None, int]] = []
    notes: list[tuple[str, str, str, int]] = []
    attr_ids: dict[str, tuple[str, str]] = {}  # an A id -> (name, target id): what a note on it sits on
    others: list[tuple[str, str, str, int]] = []  # R, *, N lines: (kind, id, rest, line)
    seen: set[str] = set()
    generic = generic_triggers(ann_text)
    for number, raw in enumerate(ann_text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        aid, tab, rest = line.partition("\t")
        if not BRAT_ID.match(line.split(None, 1)[0]):  # no id at all: brat passes such a line over (and shows the rest)
            warnings.append(f"{ann}:{number}: {line[:40]!r} is not an annotation (no id); left out, as brat does")
            continue
        need(
            bool(tab) and BRAT_ID.match(aid) is not None,
            ann,
            number,
            f"cannot read the line {line[:40]!r}: expected an id (T1, E1, A1, #1...), a tab and the annotation",
        )
        need(aid not in seen or aid == "*", ann, number, f"id {aid} is used twice")
        seen.add(aid)
        kind = aid[0]
        if kind == "T":
            head, tab2, span_text = rest.partition("\t")
            need(
                bool(tab2) and " " in head,
                ann,
                number,
                f"{aid}: the line is cut short (expected TYPE START END<TAB>TEXT)",
            )
            btype, spec = head.split(" ", 1)
            label = names.get(btype)
            if label is None and aid in generic:  # a trigger of one generic type: its event's E line gives the type
                label = btype
            if label is None:
                raise UnknownTypeError(str(ann), f"{aid}: type {btype!r} is not in the schema", number, btype)
            s, e, frags = _offsets(spec, text, ann, number, aid, offsets)
            covered = " ".join(universal_newlines(text[a:b]) for a, b in frags)
            if not _text_fits(covered, "".join(universal_newlines(text[a:b]) for a, b in frags), span_text):
                raise _Mismatch(
                    str(ann), f"{aid}: the offsets cover {covered!r}, but the line says {span_text!r}", number
                )
            kept_frags = None
            if len(frags) > 1:
                gaps = [text[b:a] for (_, b), (a, _) in zip(sorted(frags), sorted(frags)[1:])]
                if not all(g.isspace() or not g for g in gaps):
                    kept_frags = sorted(frags)
                    (said if said is not None else warnings).append(
                        f"{ann}:{number}: {aid} is discontinuous; the app shows its covering span [{s}, {e}), the "
                        "brat export writes its fragments again"
                    )
            ts[aid] = _T(aid, label, s, e, number, kept_frags)
        elif kind == "E":
            parts = rest.split("\t")[0].split()
            need(
                len(parts) >= 1 and ":" in parts[0] and all(parts[0].rpartition(":")[::2]),
                ann,
                number,
                f"{aid}: the line is cut short (expected TYPE:TRIGGER ...)",
            )
            btype, _, trig = parts[0].rpartition(":")  # a type written with its colon, as on its T line: Contact:Meet
            etype = names.get(btype)
            if etype not in event_types:
                raise UnknownTypeError(str(ann), f"{aid}: event type {btype!r} is not in the schema", number, btype)
            args = []
            for p in parts[1:]:
                need(p.count(":") == 1 and all(p.split(":")), ann, number, f"{aid}: cannot read the argument {p!r}")
                args.append(_ref(p))
            es[aid] = _E(aid, str(etype), trig, args, number)
        elif kind in "AM":
            parts = rest.split("\t")[0].split()
            need(len(parts) in (2, 3), ann, number, f"{aid}: expected NAME TARGET [VALUE]")
            attrs.append((parts[0], parts[1], parts[2] if len(parts) == 3 else None, number))
            attr_ids[aid] = (parts[0], parts[1])
        elif kind == "#":
            head, _, body = rest.partition("\t")
            need(len(head.split()) == 2, ann, number, f"{aid}: expected AnnotatorNotes TARGET<TAB>TEXT")
            notes.append((head.split()[0], head.split()[1], body, number))
        elif kind in "R*N":
            others.append((kind, aid, rest, number))
        else:
            warnings.append(f"{ann}:{number}: {aid}: brat has no annotation of this kind")
    # resolve references (they may point forward)
    for e in es.values():
        t = ts.get(e.trigger)
        need(t is not None, ann, e.line, f"{e.id}: unknown trigger id {e.trigger!r}")
    if generic:  # bioc's brat tests, corpora whose triggers share one type: E1 PPI:T3 on T3 Trigger
        kinds = sorted({ts[e.trigger].type for e in es.values() if ts[e.trigger].type != e.type})
        (said if said is not None else warnings).append(
            f"{ann}: {len(generic)} trigger(s) of type {', '.join(map(repr, kinds))} read as the triggers of their "
            "events, each of its E line's type (the brat export writes them back with their own type)"
        )
    order: dict[str, int] = {}
    counted: Counter = Counter()
    for e in sorted(es.values(), key=lambda x: x.line):
        key = (e.type, ts[e.trigger].start, ts[e.trigger].end)
        order[e.id] = counted[key]
        counted[key] += 1
    labels = set(schema.label_names)
    triggers = {e.trigger for e in es.values()}
    for tid, t in ts.items():
        if t.frags:  # a discontinuous span: its fragments for the way back
            doc.meta.setdefault("brat", {}).setdefault("fragments", []).append(
                [t.type, t.start, t.end, [list(f) for f in t.frags]]
            )
        if tid in generic:  # a trigger of another type than its event (said above): no span of its own; its type kept
            doc.meta.setdefault("brat", {}).setdefault("trigger_types", []).extend(
                [t.type, e.type, t.start, t.end] for e in es.values() if e.trigger == tid and e.type != t.type
            )
            continue
        if t.type not in event_types:
            doc.entities.append(IncomingEntity(tid, t.start, t.end, t.type, source="brat"))
        elif tid not in triggers:  # brat shows it as a plain span: kept for the way back
            doc.meta.setdefault("brat", {}).setdefault("textbounds", []).append([t.type, t.start, t.end])
    proxies: dict[str, str] = {}
    for e in es.values():
        et = schema.event_type(e.type)
        assert et is not None
        out_args = []
        for role, ref in e.args:
            # an id no line defines first: a schema told from the files has no role for what it never saw filled
            need(ref in es or ref in ts, ann, e.line, f"{e.id}: unknown argument id {ref!r}")
            r = role if et.role(role) else re.sub(r"\d+$", "", role)
            need(et.role(r) is not None, ann, e.line, f"{e.id}: {e.type} has no role {role!r}")
            if ref in es:
                nested = es[ref]
                need(
                    nested.type in labels,
                    ann,
                    e.line,
                    f"{e.id}: argument {role}:{ref} is an event, and the schema has no "
                    f"entity label {nested.type!r} to keep it by its trigger (import with an annotation.conf)",
                )
                if ref not in proxies:
                    t = ts[nested.trigger]
                    key = f"event:{ref}"
                    k = order[ref]
                    doc.entities.append(
                        IncomingEntity(key, t.start, t.end, nested.type, source=PROXY_SOURCE + (f":{k}" if k else ""))
                    )
                    proxies[ref] = key
                out_args.append((r, proxies[ref]))
            else:
                t = ts.get(ref)
                need(t is not None, ann, e.line, f"{e.id}: unknown argument id {ref!r}")
                need(
                    t.type not in event_types and ref not in generic,
                    ann,
                    e.line,
                    f"{e.id}: argument {ref} is a trigger, not an entity or event",
                )
                out_args.append((r, ref))
        e.args = out_args

    relations: dict[str, tuple[str, list[list[Any]]]] = {}  # R id -> (type, argument spans)

    def where(target: str) -> list[Any] | None:
        """A target id as the spans it stands for (kept in meta), or None if unknown."""
        if target in es:
            t = ts[es[target].trigger]
            return ["E", es[target].type, t.start, t.end, order[target]]
        if target in ts:
            t = ts[target]
            return ["T", t.type, t.start, t.end]
        if target in relations:  # a relation by its type and its arguments' spans
            rtype, refs = relations[target]
            return ["R", rtype, [[w[2], w[3]] for w in refs]]
        return None

    kept: dict[str, list] = {}
    on_lines: dict[str, tuple[str, str, list[Any]]] = {}  # an N or A id -> (kind, label, what it sits on), for notes
    for kind, aid, rest, number in others:
        head, _, tail = rest.partition("\t")
        if kind == "N":  # the BioNLP Shared Task 2013 form, which brat reads too: Reference Annotation:T1 Referent:ID
            head = next((r.sub(to, head) for r, to in BIONLP_2013_NORMALIZATION if r.match(head)), head)
        parts = head.split()
        need(len(parts) >= 2, ann, number, f"{kind}: the line is cut short")
        if kind == "R":
            parts[0] = (renamed or {}).get(parts[0], parts[0])
            args = [_ref(p) for p in parts[1:]]
            refs = [where(t) for _, t in args]
            need(all(r is not None for r in refs), ann, number, f"relation {parts[0]}: unknown argument id")
            need(all(r[0] != "R" for r in refs), ann, number, f"relation {parts[0]}: an argument is a relation")  # type: ignore[index]
            kept.setdefault("relations", []).append(
                {"type": parts[0], "args": [[r, w] for (r, _), w in zip(args, refs)]}
            )
            relations[aid] = (parts[0], refs)  # type: ignore[assignment]
        elif kind == "*":
            refs = [where(t) for t in parts[1:]]
            need(all(r is not None for r in refs), ann, number, f"equivalence {parts[0]}: unknown id")
            kept.setdefault("equivalences", []).append({"type": parts[0], "members": refs})
        else:
            need(
                len(parts) >= 3 and where(parts[1]) is not None,
                ann,
                number,
                "normalisation: unknown target or reference",
            )
            kept.setdefault("normalizations", []).append(
                {"type": parts[0], "target": where(parts[1]), "reference": " ".join(parts[2:]), "text": tail}
            )
            if (w := where(parts[1])) is not None:
                on_lines[aid] = ("normalization", "", w)
    for aid, (name, target) in attr_ids.items():
        if (w := where(target)) is not None:
            on_lines[aid] = ("attribute", name, w)
    for name, target, value, number in attrs:
        aname = names.get(name, name)
        spec = schema.attribute(aname)
        if target in ts or target in relations or target in es and spec is None:
            kept.setdefault("attributes", []).append({"name": name, "target": where(target), "value": value})
            continue
        need(target in es, ann, number, f"attribute {name}: unknown target id {target!r}")
        assert spec is not None
        binary_spec = is_binary(spec)
        v = value if value is not None else "true"
        if binary_spec:  # brat writes a binary attribute with no value ("true" is how we keep it)
            need(v in BINARY, ann, number, f"attribute {name} is binary (present or absent, no value), got value {v!r}")
        else:
            need(
                value is not None,
                ann,
                number,
                f"attribute {name} on {target} needs a value: one of {', '.join(spec.values)}",
            )
            need(
                takes_value(spec, v),
                ann,
                number,
                f"attribute {name}: value {v!r} is not one of {', '.join(spec.values)}",
            )
        es[target].attributes[aname] = v
    binary = [a.name for a in schema.attributes if is_binary(a)]
    fillers = {x.key: (x.label, x.state) for x in doc.entities}
    for e in sorted(es.values(), key=lambda x: x.line):
        t = ts[e.trigger]
        attributes = {**{b: "false" for b in binary}, **e.attributes}  # a binary attribute absent is false
        # the schema's rules, as an edit applies them, refused with this event's line
        bad = [
            b
            for b in event_breaches(schema, e.type, attributes, e.args, fillers)
            if b.kind not in ALLOWED_WHILE_WORKING
        ]
        need(not bad, ann, e.line, f"{e.id}: {bad[0].message}" if bad else "")
        doc.events.append(IncomingEvent(e.type, t.start, t.end, attributes, e.args, fill_defaults=False))
    for ntype, target, body, number in notes:
        if target in ts:
            t = ts[target]
            doc.comments.append({"text": note_comment(ntype, "", t.type, [(t.start, t.end)], body)})
        elif target in es:
            t = ts[es[target].trigger]
            doc.comments.append({"text": note_comment(ntype, "event", es[target].type, [(t.start, t.end)], body)})
        elif target in relations:  # brat's news tutorial notes a relation: the export puts it back on it
            rtype, refs = relations[target]
            doc.comments.append({"text": note_comment(ntype, "relation", rtype, [(w[2], w[3]) for w in refs], body)})
        elif target in on_lines and on_lines[target][2][0] in "TE":  # an N or A line on a span or an event
            kind, name, w = on_lines[target]
            comment = note_comment(ntype, kind, name or w[1], [(w[2], w[3])], body)
            doc.comments.append({"text": comment})
        else:
            need(target in seen, ann, number, f"note: unknown target id {target!r}")
            label = "" if ntype == NOTE_TYPE else f"{ntype} "
            doc.comments.append({"text": f"[{label}on {target}] {body}"})
            warnings.append(f"{ann}:{number}: note on {target} kept as a document comment without its target")
    if kept:
        doc.meta.setdefault("brat", {}).update(kept)
