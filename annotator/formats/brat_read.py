"""brat standoff import: a folder of .txt/.ann pairs, with or without annotation.conf.

- ``T`` lines become entities, or triggers when their type is an event type; ``E`` lines become events.
- Nested events: an argument that is another event (``Theme:E2``) is kept as an entity on that event's
  trigger span, labelled with that event's type (the schema read from annotation.conf has such a label;
  a schema without it refuses the file). Its source is ``event-argument`` (``event-argument:k`` when k
  earlier events share type and trigger), which lets the brat export write ``Theme:E2`` again.
- Repeated roles ``Theme2``, ``Theme3`` are the role ``Theme`` filled more than once.
- ``A``/``M`` attributes on events are kept; on entities they are reported and left out.
- ``#`` notes become document comments: ``[on LABEL start-end] text`` (``[on event TYPE start-end]``
  for notes on events), which the brat export puts back on the same annotation.
- Discontinuous spans are kept as their covering span: silently when the gaps are only whitespace (as
  brat writes spans across lines), reported otherwise. ``R`` relations, ``*`` equivalences and ``N``
  normalisations have no place in the project and are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import ImportFileError
from annotator.formats.brat_conf import BINARY, names_from_brat, read_annotation_conf
from annotator.formats.common import ReadResult, check_with_line, need
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, decode_text
from annotator.schema import Schema, default_schema

ID = re.compile(r"^[TERAMN#*]\d*$")


@dataclass
class _T:
    id: str
    type: str
    start: int
    end: int
    line: int


@dataclass
class _E:
    id: str
    type: str
    trigger: str
    args: list[tuple[str, str]]
    line: int
    attributes: dict[str, str] = field(default_factory=dict)


def find_conf(folder: Path) -> Path | None:
    for f in (folder, folder.parent):
        if (f / "annotation.conf").is_file():
            return f / "annotation.conf"
    return None


def read_brat(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """A brat folder (or one .ann/.txt file); annotation.conf, when present, defines the schema."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(str(path), "no such file or folder")
    folder = path if path.is_dir() else path.parent
    warnings: list[str] = []
    conf = find_conf(folder)
    conf_schema = None
    if conf is not None:
        conf_schema, warnings = read_annotation_conf(conf, conf.parent / "visual.conf", folder.name)
    use = conf_schema or schema or default_schema()
    if path.is_dir():
        stems = sorted({p.with_suffix("") for p in path.rglob("*") if p.suffix in (".txt", ".ann") and p.is_file()})
    else:
        stems = [path.with_suffix("")]
    if not stems:
        raise ImportFileError(str(path), "no .txt or .ann files in the folder")
    docs = [read_pair(stem, use, warnings) for stem in stems]
    return ReadResult(docs, conf_schema, warnings)


def read_pair(stem: Path, schema: Schema, warnings: list[str]) -> IncomingDocument:
    txt, ann = stem.with_suffix(".txt"), stem.with_suffix(".ann")
    if not txt.exists():
        raise ImportFileError(str(ann), f"no text file {txt.name} beside it")
    try:
        text, bom = decode_text(txt.read_bytes(), str(txt))
        ann_text = decode_text(ann.read_bytes(), str(ann))[0] if ann.exists() and ann.stat().st_size else ""
    except OSError as exc:
        raise ImportFileError(str(stem), f"cannot read: {exc.strerror or exc}") from None
    doc = IncomingDocument(text=text, name=txt.name, bom=bom, source_path=str(txt))
    if ann_text:
        parse_ann(ann_text, text, int(bom), schema, doc, ann, warnings)
    check_with_line(schema, doc, ann, None)
    return doc


def _offsets(spec: str, text: str, shift: int, ann: Path, line: int, tid: str, warnings: list[str]) -> tuple[int, int, list]:
    frags = []
    for piece in spec.split(";"):
        nums = piece.split()
        need(len(nums) == 2 and all(x.isdigit() for x in nums), ann, line, f"{tid}: cannot read offsets {piece!r}")
        s, e = int(nums[0]) - shift, int(nums[1]) - shift
        need(0 <= s < e <= len(text), ann, line, f"{tid}: offsets {nums[0]} {nums[1]} are outside the text "
             f"({len(text)} characters) or empty")
        frags.append((s, e))
    return min(s for s, _ in frags), max(e for _, e in frags), frags


def parse_ann(ann_text: str, text: str, shift: int, schema: Schema, doc: IncomingDocument, ann: Path,
              warnings: list[str]) -> None:
    names = names_from_brat(schema)
    event_types = {t.name for t in schema.events}
    ts: dict[str, _T] = {}
    es: dict[str, _E] = {}
    attrs: list[tuple[str, str, str | None, int]] = []
    notes: list[tuple[str, str, int]] = []
    seen: set[str] = set()
    for number, raw in enumerate(ann_text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        aid, tab, rest = line.partition("\t")
        need(bool(tab) and ID.match(aid) is not None, ann, number,
             f"cannot read the line {line[:40]!r}: expected an id (T1, E1, A1, #1...), a tab and the annotation")
        need(aid not in seen or aid == "*", ann, number, f"id {aid} is used twice")
        seen.add(aid)
        kind = aid[0]
        if kind == "T":
            head, tab2, span_text = rest.partition("\t")
            need(bool(tab2) and " " in head, ann, number, f"{aid}: the line is cut short (expected TYPE START END<TAB>TEXT)")
            btype, spec = head.split(" ", 1)
            label = names.get(btype)
            need(label is not None, ann, number, f"{aid}: type {btype!r} is not in the schema")
            s, e, frags = _offsets(spec, text, shift, ann, number, aid, warnings)
            covered = " ".join(text[a:b] for a, b in frags)
            need(covered == span_text, ann, number, f"{aid}: the offsets cover {covered!r}, but the line says {span_text!r}")
            if len(frags) > 1:
                gaps = [text[b:a] for (_, b), (a, _) in zip(sorted(frags), sorted(frags)[1:])]
                if not all(g.isspace() or not g for g in gaps):
                    warnings.append(f"{ann}:{number}: {aid} is discontinuous; kept as its covering span [{s}, {e})")
            ts[aid] = _T(aid, label, s, e, number)
        elif kind == "E":
            parts = rest.split()
            need(len(parts) >= 1 and parts[0].count(":") == 1, ann, number, f"{aid}: the line is cut short (expected TYPE:TRIGGER ...)")
            btype, trig = parts[0].split(":")
            etype = names.get(btype)
            need(etype in event_types, ann, number, f"{aid}: event type {btype!r} is not in the schema")
            args = []
            for p in parts[1:]:
                need(p.count(":") == 1 and all(p.split(":")), ann, number, f"{aid}: cannot read the argument {p!r}")
                args.append(tuple(p.split(":")))
            es[aid] = _E(aid, etype, trig, args, number)
        elif kind in "AM":
            parts = rest.split()
            need(len(parts) in (2, 3), ann, number, f"{aid}: expected NAME TARGET [VALUE]")
            attrs.append((parts[0], parts[1], parts[2] if len(parts) == 3 else None, number))
        elif kind == "#":
            head, _, body = rest.partition("\t")
            need(len(head.split()) == 2, ann, number, f"{aid}: expected AnnotatorNotes TARGET<TAB>TEXT")
            notes.append((head.split()[1], body, number))
        else:
            warnings.append(f"{ann}:{number}: {aid} ({'relation' if kind == 'R' else 'equivalence' if kind == '*' else 'normalisation'}) not kept")
    # resolve references (they may point forward)
    for e in es.values():
        t = ts.get(e.trigger)
        need(t is not None, ann, e.line, f"{e.id}: unknown trigger id {e.trigger!r}")
        need(t.type == e.type, ann, e.line, f"{e.id}: trigger {e.trigger} has type {t.type!r}, not {e.type!r}")
    order = {}
    for e in es.values():
        t = ts[e.trigger]
        key = (e.type, t.start, t.end)
        order[e.id] = sum(1 for o in es.values() if o.line < e.line and (o.type, ts[o.trigger].start, ts[o.trigger].end) == key)
    labels = set(schema.label_names)
    for tid, t in ts.items():
        if t.type not in event_types:
            doc.entities.append(IncomingEntity(tid, t.start, t.end, t.type, source="brat"))
        elif not any(e.trigger == tid for e in es.values()):
            warnings.append(f"{ann}:{t.line}: trigger {tid} has no event; not kept")
    proxies: dict[str, str] = {}
    for e in es.values():
        et = schema.event_type(e.type)
        assert et is not None
        out_args = []
        for role, ref in e.args:
            r = role if et.role(role) else re.sub(r"\d+$", "", role)
            need(et.role(r) is not None, ann, e.line, f"{e.id}: {e.type} has no role {role!r}")
            if ref in es:
                nested = es[ref]
                need(nested.type in labels, ann, e.line, f"{e.id}: argument {role}:{ref} is an event, and the schema has no "
                     f"entity label {nested.type!r} to keep it by its trigger (import with an annotation.conf)")
                if ref not in proxies:
                    t = ts[nested.trigger]
                    key = f"event:{ref}"
                    k = order[ref]
                    doc.entities.append(IncomingEntity(key, t.start, t.end, nested.type,
                                                       source="event-argument" + (f":{k}" if k else "")))
                    proxies[ref] = key
                out_args.append((r, proxies[ref]))
            else:
                t = ts.get(ref)
                need(t is not None, ann, e.line, f"{e.id}: unknown argument id {ref!r}")
                need(t.type not in event_types, ann, e.line, f"{e.id}: argument {ref} is a trigger, not an entity or event")
                out_args.append((r, ref))
        e.args = out_args
    for name, target, value, number in attrs:
        aname = names.get(name, name)
        if target in ts:
            warnings.append(f"{ann}:{number}: attribute {name} on entity {target} not kept (attributes belong to events)")
            continue
        need(target in es, ann, number, f"attribute {name}: unknown target id {target!r}")
        spec = schema.attribute(aname)
        need(spec is not None, ann, number, f"attribute {name!r} is not in the schema")
        v = value if value is not None else "true"
        need(v in spec.values or (value is None and tuple(spec.values) == BINARY), ann, number,
             f"attribute {name}: value {v!r} is not one of {', '.join(spec.values)}")
        es[target].attributes[aname] = v
    for e in sorted(es.values(), key=lambda x: x.line):
        t = ts[e.trigger]
        doc.events.append(IncomingEvent(e.type, t.start, t.end, e.attributes, e.args))
    for target, body, number in notes:
        if target in ts:
            t = ts[target]
            doc.comments.append({"text": f"[on {t.type} {t.start}-{t.end}] {body}"})
        elif target in es:
            t = ts[es[target].trigger]
            doc.comments.append({"text": f"[on event {es[target].type} {t.start}-{t.end}] {body}"})
        else:
            need(target in seen, ann, number, f"note: unknown target id {target!r}")
            doc.comments.append({"text": f"[on {target}] {body}"})
            warnings.append(f"{ann}:{number}: note on {target} kept as a document comment without its target")
