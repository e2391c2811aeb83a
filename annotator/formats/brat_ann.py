"""One brat .ann read onto its document's text (``parse_ann``): ``T`` lines as entities or triggers, ``E`` lines as
events (nested ones through an entity on the nested event's trigger), ``A``/``M`` attributes, ``#`` notes as comments,
and what the project has no place for (``R``, ``*``, ``N``, entity attributes, unused event-type ``T`` lines,
discontinuous fragments) kept in the document's meta under ``brat``. How a folder's files are found and paired, and the
schema chosen, is ``brat_read``'s; this module reads the lines of one document (the rules are in ``brat_read``'s
docstring)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from annotator.errors import ImportFileError, UnknownTypeError
from annotator.formats.brat_conf import BINARY, PROXY_SOURCE, is_binary, names_from_brat
from annotator.formats.brat_files import BIONLP_2013_NORMALIZATION
from annotator.formats.brat_infer import generic_triggers
from annotator.formats.brat_text import (
    BIONLP_FORM,
    GIVEN,
    NOTE_TYPE,
    READ_SOURCE,
    BRAT_ID,
    BratOffsets,
    note_comment,
    universal_newlines,
)
from annotator.formats.reading import need
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent
from annotator.rules import ALLOWED_WHILE_WORKING, event_breaches, takes_value
from annotator.schema import Schema
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


class SpanTextMismatch(ImportFileError):
    """A T line whose offsets do not cover its text (the other newline counting may fit)."""


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
    given_upto: int | None = None,
) -> None:
    """Read one .ann into ``doc``; what is not kept goes to ``warnings``, how something was read to ``said``;
    ``renamed``: relation types by the names visual.conf gives them; ``given_upto``: for the BioNLP Shared Tasks'
    files read as one, the last line of ``NAME.a1`` (0 when there is none): the entities of its ``T`` lines, the
    task's given ones, are kept as such (``meta["brat"]["given"]``) for the export of the pair (``brat.GIVEN``)."""
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
                raise SpanTextMismatch(
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
    if given_upto is not None:  # read from the pair: which entities were given, none when its .a1 had none
        doc.meta.setdefault("brat", {}).setdefault(GIVEN, [])
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
            doc.entities.append(IncomingEntity(tid, t.start, t.end, t.type, source=READ_SOURCE))
            if given_upto is not None and t.line <= given_upto:
                doc.meta.setdefault("brat", {}).setdefault(GIVEN, []).append([t.type, t.start, t.end])
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
        bionlp = kind == "N" and any(r.match(head) for r, _ in BIONLP_2013_NORMALIZATION)
        if bionlp:  # the BioNLP Shared Task 2013 form, which brat reads too: Reference Annotation:T1 Referent:ID
            head = next(r.sub(to, head) for r, to in BIONLP_2013_NORMALIZATION if r.match(head))
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
                | ({"form": BIONLP_FORM} if bionlp else {})  # written so again on request (``normalization_line``)
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
