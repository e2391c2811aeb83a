"""brat standoff export: one .txt (byte-identical to the stored text) and one .ann per document, plus
annotation.conf and visual.conf written from the project's schema.

.ann lines, each as brat's own reader (``server/src/annotation.py``) reads them: ``T`` for entities and
triggers (a span with a line break is written as fragments split at the break, as brat does; offsets count
``\\r\\n`` as one character, as brat reads the text), ``E`` for events (a trigger shared by events of one
type is one ``T``; a repeated role is numbered ``Theme``, ``Theme2``, ...; an argument whose entity stands
for a nested event is written as that event's ``E`` id), ``A`` for every attribute value an event has
(brat has no defaults; a binary attribute is written only when true), ``#`` notes for comments (a comment
that came from a brat note goes back on its annotation, with its note type), and the entity attributes,
relations, equivalences and normalisations a brat import kept in the document's meta; the relations between entities
another tool's import kept (``kept_relations``: Label Studio's, doccano's, Prodigy's, WebAnno TSV's) as ``R`` lines
with ``Arg1`` and ``Arg2``, their types declared in annotation.conf.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.exporting import atomic_folder
from annotator.formats.brat_declared import Declared, add_once
from annotator.formats.brat_conf import (
    is_binary,
    BRAT_KEPT,
    brat_name,
    proxy_index,
    proxy_labels,
    write_annotation_conf,
    write_visual_conf,
)
from annotator.formats.brat_text import (
    BIONLP_FORM,
    BIONLP_WRITTEN_AS_BRAT,
    FILES,
    GIVEN,
    LINE_BREAKS,
    NORMALIZATIONS,
    NOTE_TYPE,
    PAIR_WRITTEN_AS_ANN,
    READ_SOURCE,
    REST_IN,
    REST_SUFFIXES,
    BratOffsets,
    normalization_line,
    parse_note,
)
from annotator.formats.common import option_choice, schema_kept
from annotator.formats.brat_shortcuts import SHORTCUTS, write_shortcuts
from annotator.formats.brat_tools import TOOLS, tools_text
from annotator.formats.entity_links import BRAT_LINKS, DB_ID, brat_reference, links_beyond
from annotator.formats.kept_relations import SHARED, from_words, kept_relations
from annotator.formats.meta_keys import BRAT, PRODIGY
from annotator.formats.writing import FormatExportReport, parts_of, say_categories_left_out, split_option
from annotator.formats.region_attributes import region_choices, span_feature_values
from annotator.formats.records import ExportRequest, export_writer, request_records
from annotator.formats.schema_names import GivenSpellings, spelt_schema
from annotator.schema import Schema
from annotator.store import Project
from annotator.textcheck import BOM

RESERVED_STEMS = ("annotation", "visual", "tools", "kb_shortcuts")


STEM_MAX_BYTES = 200  # file names are at most 255 bytes on common file systems; room left for "-ID-k.ann"


def file_stem(name: str, added: str = ".txt") -> str:
    """A document's name as a file's stem, the suffix the format adds back (``added``: brat's ``.txt``) taken off; the
    WebAnno TSV export adds ``.tsv`` and keeps the whole name (``story.txt.tsv``, read back as ``story.txt``). A ``+``
    stays (every file system takes it): the BioNLP Bacteria Biotope tasks name their files so (``BB-rel+ner-F-...``),
    their evaluation by those names, which came back as ``BB-rel_ner-F-...``."""
    stem = name[: -len(added)] if added and name.lower().endswith(added) else name
    stem = re.sub(r"[^\w.\-+]+", "_", stem).strip("._") or "document"
    if len(stem.encode("utf-8")) > STEM_MAX_BYTES:  # cut whole characters only
        stem = stem.encode("utf-8")[:STEM_MAX_BYTES].decode("utf-8", "ignore").rstrip("._") or "document"
    return stem


def name_parts(name: str, added: str = ".txt") -> tuple[str, str]:
    """A document's name as (the folder it goes in under the export's, its file's stem): a document the brat or
    WebAnno reader took from a subfolder is named with it (``esp/esp.train-doc-29.txt``) and goes back into it; each
    folder's name made safe as a stem is, ``.``, ``..`` and empty ones left out. The exports wrote every document at
    the top (``esp_esp.train-doc-29``, or the folder lost), so a corpus of subfolders came back flat."""
    *dirs, last = name.split("/")
    folders = [file_stem(d, "") for d in dirs if d.strip() not in ("", ".", "..")]
    return "/".join(folders), file_stem(last, added)


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) split at line breaks (brat spans do not cross lines)."""
    out, pos = [], start
    for m in LINE_BREAKS.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out or [(start, end)]


def t_line(
    tid: str,
    type_: str,
    text: str,
    start: int,
    end: int,
    offsets: BratOffsets | None = None,
    pieces: list[tuple[int, int]] | None = None,
) -> str:
    """A ``T`` line; ``pieces`` are the fragments of a discontinuous span (each still split at line breaks)."""
    frags = [f for a, b in pieces or [(start, end)] for f in fragments(text, a, b)]
    at = offsets or BratOffsets("")
    offs = ";".join(f"{at.to_brat(s)} {at.to_brat(e)}" for s, e in frags)
    return f"{tid}\t{type_} {offs}\t{' '.join(text[s:e] for s, e in frags)}"


def kept_fragments(kept: dict[str, Any], text: str) -> dict[tuple[str, int, int], list[tuple[int, int]]]:
    """The fragments of the discontinuous spans a brat import kept (``meta["brat"]["fragments"]``), by (label,
    start, end): only those that still make up their span (sorted, apart, from its start to its end)."""
    out: dict[tuple[str, int, int], list[tuple[int, int]]] = {}
    for item in kept.get("fragments", []):
        if not (isinstance(item, list) and len(item) == 4 and isinstance(item[3], list)):
            continue
        label, start, end, pieces = item
        try:
            frags = [(int(a), int(b)) for a, b in pieces]
        except (TypeError, ValueError):
            continue
        apart = all(a < b for a, b in frags) and all(b < a for (_, b), (a, _) in zip(frags, frags[1:]))
        if frags and apart and frags[0][0] == start and frags[-1][1] == end and end <= len(text):
            out[(label, start, end)] = frags
    return out


def given_first(rec: dict[str, Any], proxies: set[str]) -> tuple[list[dict[str, Any]], int]:
    """A record's entities with those the BioNLP Shared Tasks' ``NAME.a1`` holds first, and how many they are: the
    ones a brat import read from the document's .a1 (``meta["brat"]["given"]``: by label and span, or by span alone
    where another name came for the label), else, for a document that came another way, every entity (no stand-in
    for a nested event): the events and what else the document has are the .a2's."""
    kept = rec["meta"].get("brat")
    given = kept.get(GIVEN) if isinstance(kept, dict) else None
    if isinstance(given, list):
        full = {tuple(x) for x in given if isinstance(x, list) and len(x) == 3}
        labels = {x[0] for x in full}
        spans = {(x[1], x[2]) for x in full}
        # an entity of a type the .a1 gives that came from no file (a person added a protein the given layer lacked)
        # is a given one too, so the tasks' tools read it as such, unless the .a2 itself held entities of that type
        in_a2 = {
            e["label"]
            for e in rec["entities"]
            if e["source"] == READ_SOURCE and (e["label"], e["start"], e["end"]) not in full
        }

        def is_given(e: dict[str, Any]) -> bool:
            key = (e["label"], e["start"], e["end"])
            return key in full or (e["label"] not in labels and key[1:] in spans) or (key[0] in labels - in_a2)
    else:

        def is_given(e: dict[str, Any]) -> bool:
            return e["label"] not in proxies

    first = [e for e in rec["entities"] if is_given(e)]
    return first + [e for e in rec["entities"] if not is_given(e)], len(first)


def document_ann(rec: dict[str, Any], schema: Schema, report: FormatExportReport, declared: "Declared | None" = None,
                 form: str = "brat") -> str:  # fmt: skip
    """The .ann text of one exported document record (``declared`` collects the types the conf must add; ``form``:
    that of the kept normalisations, ``normalization_line``)."""
    return _joined(document_lines(rec, schema, report, declared, form)[0])


def document_pair(rec: dict[str, Any], schema: Schema, report: FormatExportReport, declared: "Declared | None" = None,
                  form: str = "brat") -> tuple[str, str]:  # fmt: skip
    """The BioNLP Shared Tasks' ``NAME.a1`` and ``NAME.a2`` texts of one exported document record: the given
    entities' ``T`` lines (``given_first``), then everything else, its ids going on from theirs (``T4`` after the
    .a1's ``T1``-``T3``), as brat and the tasks' tools read the two as one."""
    lines, given = document_lines(rec, schema, report, declared, form, pair=True)
    return _joined(lines[:given]), _joined(lines[given:])


def _joined(lines: list[str]) -> str:
    return "\n".join(lines) + ("\n" if lines else "")


def document_lines(
    rec: dict[str, Any],
    schema: Schema,
    report: FormatExportReport,
    declared: "Declared | None" = None,
    form: str = "brat",
    pair: bool = False,
) -> tuple[list[str], int]:
    """The .ann lines of one exported document record, and how many of the first are the given entities' (``pair``:
    those first, for the .a1 of ``document_pair``; else 0)."""
    text, name = rec["text"], rec["name"]
    at = BratOffsets(text, rec.get("bom", False))  # a .txt written with its BOM: brat counts it
    proxies = proxy_labels(schema)
    entities, given = given_first(rec, proxies) if pair else (rec["entities"], 0)
    lines: list[str] = []
    events = rec["events"]
    by_trigger: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    eid = {}
    for k, v in enumerate(events, start=1):
        eid[v["id"]] = f"E{k}"
        by_trigger[(v["type"], v["trigger"]["start"], v["trigger"]["end"])].append(f"E{k}")
    kept = rec["meta"].get("brat") if isinstance(rec["meta"].get("brat"), dict) else {}
    pieces = kept_fragments(kept, text)
    spelt = GivenSpellings.of_meta(rec["meta"])  # the labels and roles as the file it came from spelt them (PER)
    label, role_of = (declared or Declared()).spelling(spelt)
    # entities; a proxy entity that matches an event becomes a reference to that event
    ref: dict[int, str] = {}
    targets: dict[tuple[str, int, int], str] = {}
    n = 0
    for e in entities:
        if e["label"] in proxies:
            same = by_trigger.get((e["label"], e["start"], e["end"]), [])
            k = proxy_index(e["source"])
            if same and k >= 0:
                ref[e["id"]] = same[min(k, len(same) - 1)]
                continue
            report.problem(
                "event-argument spans without their event (written as T)", f"{name} [{e['start']}, {e['end']})"
            )
        n += 1
        ref[e["id"]] = f"T{n}"
        targets.setdefault((e["label"], e["start"], e["end"]), f"T{n}")
        span = (e["label"], e["start"], e["end"])
        lines.append(t_line(f"T{n}", brat_name(label(e["label"])), text, e["start"], e["end"], at, pieces.get(span)))
    trig: dict[tuple[str, int, int], str] = {}
    own = {  # a trigger of a generic type (E1 PPI:T3 on T3 Trigger, as the brat import read it): its own type
        (x[1], x[2], x[3]): x[0]
        for x in kept.get("trigger_types", [])
        if isinstance(x, list) and len(x) == 4 and isinstance(x[0], str)
    }
    for v in events:
        key = (v["type"], v["trigger"]["start"], v["trigger"]["end"])
        if key not in trig:
            n += 1
            trig[key] = f"T{n}"
            targets.setdefault(key, f"T{n}")
            written = own[key] if key in own else brat_name(label(v["type"]))
            lines.append(t_line(f"T{n}", written, text, key[1], key[2], at, pieces.get(key)))
    for item in kept.get("textbounds", []):  # spans of an event type that no event used, as brat had them
        if isinstance(item, list) and len(item) == 3 and (item[0], item[1], item[2]) not in targets:
            n += 1
            targets[(item[0], item[1], item[2])] = f"T{n}"
            span = (item[0], item[1], item[2])
            lines.append(t_line(f"T{n}", brat_name(item[0]), text, item[1], item[2], at, pieces.get(span)))
    attrs: list[str] = []
    attr_keys: list[tuple[str, str, int, int]] = []  # each A line's ("attribute", name, span): a note names it so
    for v in events:
        key = (v["type"], v["trigger"]["start"], v["trigger"]["end"])
        seen: dict[str, int] = defaultdict(int)
        parts = [f"{brat_name(label(v['type']))}:{trig[key]}"]
        for a in v["arguments"]:
            seen[a["role"]] += 1
            role = role_of(a["role"]) + (str(seen[a["role"]]) if seen[a["role"]] > 1 else "")
            parts.append(f"{role}:{ref[a['entity_id']]}")
        lines.append(f"{eid[v['id']]}\t{' '.join(parts)}")
        for an, value in v["attributes"].items():
            spec = schema.attribute(an)
            if spec is None or value is None:
                continue
            if is_binary(spec):
                if value != "true":
                    continue
                attrs.append(f"{brat_name(an)} {eid[v['id']]}")
            else:
                attrs.append(f"{brat_name(an)} {eid[v['id']]} {value}")
            attr_keys.append(("attribute", brat_name(an), key[1], key[2]))
            if declared is not None:
                declared.on_event(brat_name(an), brat_name(label(v["type"])))

    at_span: dict[tuple[int, int], list[str]] = {}  # a span's T ids, whatever their label
    for (_, s_, e_), tid in targets.items():
        at_span.setdefault((s_, e_), []).append(tid)

    def resolve(where: Any) -> str | None:
        """A span reference kept by the brat import (``["T", label, s, e]``, ``["E", type, s, e, k]``) -> id."""
        if isinstance(where, list) and len(where) == 3 and where[0] == "R" and isinstance(where[2], list):
            return relation_ids.get((where[1], tuple(tuple(p) for p in where[2] if isinstance(p, list))))
        if not isinstance(where, list) or len(where) < 4:
            return None
        key = (where[1], where[2], where[3])
        if where[0] == "E":
            hits = by_trigger.get(key, [])
            k = where[4] if len(where) > 4 and isinstance(where[4], int) else 0
            return hits[min(k, len(hits) - 1)] if hits else None
        if key in targets:
            return targets[key]
        # its label as another project named it (brat's Person, matched to PERSON through Label Studio): the one span
        one = at_span.get((where[2], where[3]), [])
        return one[0] if len(one) == 1 else None

    extra: list[str] = []
    relation_ids: dict[tuple[str, tuple[tuple[int, int], ...]], str] = {}  # (type, argument spans) -> R id
    for k, item in enumerate(kept.get("relations", []), start=1):
        args = [(role, resolve(w)) for role, w in item.get("args", [])]
        if not args or any(t is None for _, t in args):
            report.problem("brat relations left out (an argument is gone)", f"{name}: {item.get('type')}")
            continue
        rtype = brat_name(item["type"])  # read by the name visual.conf gave it (org:founded_by): stored as brat can
        extra.append(f"R{k}\t{rtype} " + " ".join(f"{role}:{t}" for role, t in args))
        relation_ids.setdefault((item["type"], tuple((w[2], w[3]) for _, w in item["args"])), f"R{k}")
        if declared is not None:
            add_once(declared.relation_names, item["type"])
            declared.relation(rtype, [(role, _filler_type(w)) for role, w in item["args"]])
    number = len(kept.get("relations", []))
    for key, r in kept_relations(rec["meta"], (BRAT, *SHARED, PRODIGY)):  # another tool's: Arg1 and Arg2
        if key == BRAT:
            continue  # written above, with its own roles
        ends = [_end_id(x, targets, by_trigger) for x in _ends(r)]
        rtype = r.get("type")
        if from_words(r) or not isinstance(rtype, str) or not rtype.strip() or None in ends:
            why = "from words that are no entity" if from_words(r) else "an end is gone" if None in ends else "no type"
            report.problem(f"relations between entities left out ({why})", f"{name}: {rtype}")
            continue
        spans = tuple((x[0], x[1]) for x in _ends(r))
        if relation_ids.setdefault((rtype, spans), f"R{number + 1}") != f"R{number + 1}":
            continue  # brat's own relation of that type between those spans
        number += 1
        extra.append(f"R{number}\t{brat_name(rtype)} Arg1:{ends[0]} Arg2:{ends[1]}")
        if declared is not None:
            add_once(declared.relation_names, rtype)  # type: ignore[arg-type]
            declared.relation(
                brat_name(rtype), [(f"Arg{k}", brat_name(label(x[2]))) for k, x in enumerate(_ends(r), 1)]
            )
    for item in kept.get("attributes", []):
        target = resolve(item.get("target"))
        if target is None:
            report.problem("brat entity attributes left out (their annotation is gone)", f"{name}: {item.get('name')}")
            continue
        value = item.get("value")
        attrs.append(f"{item['name']} {target}" + (f" {value}" if value is not None else ""))
        w = item["target"]
        attr_keys.append(("attribute", item["name"], *(w[2:4] if w[0] in "TE" else (-1, -1))))
        if declared is not None:
            declared.attribute(item["name"], value, target[0])
    given_values = [  # Label Studio's choices on an entity (perRegion), WebAnno TSV's features beside a span's label
        *(("Label Studio choices on entities", x) for x in region_choices(rec["meta"])),
        *(("WebAnno TSV span features", x) for x in span_feature_values(rec["meta"])),
    ]
    for what, (on, aname, value) in given_values:  # as attributes of the entity
        target = targets.get((on[2], on[0], on[1]))
        if target is None or ("attribute", brat_name(aname), on[0], on[1]) in attr_keys or value is None:
            why = (
                "their entity is gone"
                if target is None
                else "not one value without spaces, which a brat attribute holds"
                if value is None
                else "brat's attribute of that name is there"
            )
            report.problem(f"{what} left out ({why})", f"{name}: {aname}")
            continue
        attrs.append(f"{brat_name(aname)} {target} {value}")
        attr_keys.append(("attribute", brat_name(aname), on[0], on[1]))
        if declared is not None:
            declared.attribute(brat_name(aname), value, "T")
    kind = "M" if pair else "A"  # the tasks' files write attributes as modifications (M1 Negation E3), brat reads both
    lines += [f"{kind}{k}\t{a}" for k, a in enumerate(attrs, start=1)]
    line_ids = {key: f"{kind}{k}" for k, key in reversed(list(enumerate(attr_keys, start=1)))}  # the first of a key
    for item in kept.get("equivalences", []):
        members = [resolve(w) for w in item.get("members", [])]
        if len(members) < 2 or any(m is None for m in members):
            report.problem("brat equivalences left out (a member is gone)", f"{name}: {item.get('type')}")
            continue
        extra.append(f"*\t{item['type']} " + " ".join(members))  # type: ignore[arg-type]
        if declared is not None:
            declared.equivalence(item["type"], [_filler_type(w) for w in item.get("members", [])])
    for k, item in enumerate(kept.get("normalizations", []), start=1):
        target = resolve(item.get("target"))
        if target is None:
            report.problem(
                "brat normalisations left out (their annotation is gone)", f"{name}: {item.get('reference')}"
            )
            continue
        reference = item["reference"]  # brat reads DB:ID: an id of no database (BB's NCBI_Taxonomy 1590) under KB
        reference = reference if DB_ID.match(reference) else brat_reference(reference)
        extra.append(normalization_line(k, item, target, reference, form))
        if item.get("form") == BIONLP_FORM and form != BIONLP_FORM:
            report.problem(BIONLP_WRITTEN_AS_BRAT, f"{name}: {item['type']} {item['reference']}")
        w = item["target"]
        if w[0] in "TE":
            line_ids.setdefault(("normalization", w[1], w[2], w[3]), f"N{k}")
    extra += _link_lines(rec, at_span, len(kept.get("normalizations", [])), report)
    if declared is not None:
        declared.normalizations([x for x in extra if x.startswith("N") and " Annotation:" not in x])
    lines += extra
    first = lines[0].split("\t", 1)[0] if lines else None
    for k, c in enumerate(rec["comments"], start=1):
        body, target, ntype = c["text"], first, NOTE_TYPE
        note = parse_note(body)  # a comment that came from a brat note goes back on its annotation
        if note:
            note_type, kind, label, spans, text_ = note
            if kind == "relation":
                hit = relation_ids.get((label, spans))
            elif kind in ("normalization", "attribute"):  # a note on an N or A line: back on it
                hit = line_ids.get((kind, label, *spans[0]))
            elif kind:
                hit = by_trigger.get((label, *spans[0]), [None])[0]
            else:  # its label as the note spelt it (a doccano import's Person, matched to PERSON): the one span there
                one = at_span.get(tuple(spans[0]), [])  # type: ignore[arg-type]
                hit = targets.get((label, *spans[0])) or (one[0] if len(one) == 1 else None)
            if hit:
                target, body, ntype = hit, text_, note_type
        if target is None:
            report.problem("comments left out (a brat note needs an annotation to sit on)", f"{name}: {body[:40]!r}")
            continue
        if LINE_BREAKS.search(body):
            report.problem("comments with line breaks joined into one line", name)
            body = LINE_BREAKS.sub(" ", body)
        lines.append(f"#{k}\t{ntype} {target}\t{body}")
    return lines, given


def _link_lines(
    rec: dict[str, Any], at_span: dict[tuple[int, int], list[str]], written: int, report: FormatExportReport
) -> list[str]:
    """The entity links another format kept (a DocBin's kb_id, a Prodigy link: ``entity_links``) as brat's
    normalisations, numbered after the ``written`` ones a brat import kept: ``N3\tReference T1 KB:Q76\tBarack Obama``
    (the entity's text as the line's, brat's referent name); a link whose entity is gone is left out, said."""
    out = []
    for (s, e), kb_id in links_beyond(rec["meta"], BRAT_LINKS).items():
        on = at_span.get((s, e))
        if not on or any(c.isspace() for c in kb_id):  # brat reads a reference up to a space
            why = "their entity is gone" if not on else "brat's reference holds no space"
            report.problem(f"entity links left out ({why})", f"{rec['name']} [{s}, {e}): {kb_id}")
            continue
        shown = LINE_BREAKS.sub(" ", rec["text"][s:e])
        out.append(f"N{written + len(out) + 1}\tReference {on[0]} {brat_reference(kb_id)}\t{shown}")
    return out


def _end_id(x: Any, targets: dict[Any, str], by_trigger: dict[tuple[str, int, int], list[str]]) -> str | None:
    """The id of a kept relation's end (``[start, end, label]``): the event of that type on that trigger (the stand-in
    another tool's relation went from: WebAnno TSV's ``NamedEntity`` labelled with its type), else the span."""
    if not (isinstance(x, list) and len(x) == 3):
        return None
    hits = by_trigger.get((x[2], x[0], x[1]), [])
    return hits[0] if hits else targets.get((x[2], x[0], x[1]))


def _ends(r: dict[str, Any]) -> list[Any]:
    """A kept relation's two ends in the shared shape (``[start, end, label]`` each, ``kept_relations``)."""
    return [r.get("from"), r.get("to")]


def _filler_type(where: Any) -> str | None:
    """The brat type of a kept span reference (``["T", label, s, e]``, ``["E", type, s, e, k]``); None for another
    relation (``["R", ...]``)."""
    if isinstance(where, list) and len(where) >= 4 and where[0] in ("T", "E") and isinstance(where[1], str):
        return brat_name(where[1])
    return None


def unused_stem(stem: str, folder: str, used: set[str], doc_id: int) -> str:
    """``stem`` if no file of ``folder`` has it yet, else ``stem-ID``, ``stem-ID-2``, ... until one is free."""
    # lazily: a list of every candidate was a million names built for each document (0.28 s each)
    candidates = itertools.chain((stem, f"{stem}-{doc_id}"), (f"{stem}-{doc_id}-{k}" for k in itertools.count(2)))
    for cand in candidates:
        if f"{folder}/{cand}".lower() not in used and cand.lower() not in RESERVED_STEMS:
            used.add(f"{folder}/{cand}".lower())
            return cand
    raise AssertionError("unreachable")  # pragma: no cover


@export_writer("brat")
def write_brat(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """A brat folder (with ``split=...``, one subfolder per part; the .conf files sit at the top)."""
    opts = dict(request.options)
    assignment = split_option(project, request.statuses, opts, request.annotation_set, request.documents)
    report = FormatExportReport(format="brat")
    form = option_choice(opts, "normalizations", NORMALIZATIONS)
    pair = option_choice(opts, "files", FILES) == BIONLP_FORM  # the BioNLP Shared Tasks' NAME.a1 and NAME.a2
    schema = project.schema
    declared = Declared()
    with atomic_folder(out) as folder:
        used: set[str] = set()
        for part in parts_of(assignment):
            if part:
                (folder / part).mkdir()
        for rec in request_records(project, request, report):
            say_categories_left_out(rec, report)
            inner, base = name_parts(rec["name"])  # a document of a subfolder goes back into it (esp/)
            where = "/".join(x for x in (assignment[rec["id"]], inner) if x)
            sub = folder / where if where else folder
            sub.mkdir(parents=True, exist_ok=True)
            stem = unused_stem(base, where, used, rec["id"])
            if len(rec["name"].encode("utf-8")) > STEM_MAX_BYTES and stem != rec["name"]:
                report.problem(
                    "document names too long for a file name, shortened", f"{rec['name'][:60]}… -> {stem[:60]}…"
                )
            data = (BOM + rec["text"]).encode("utf-8") if rec.get("bom") else rec["text"].encode("utf-8")
            if pair:
                a1, a2 = (x.encode("utf-8") for x in document_pair(rec, schema, report, declared, form))
                kept = rec["meta"].get("brat")
                rest = kept.get(REST_IN) if isinstance(kept, dict) else None  # the REL task's .rel
                files = {f"{stem}.a1": a1, f"{stem}{rest if rest in REST_SUFFIXES else '.a2'}": a2}
            else:
                files = {f"{stem}.ann": document_ann(rec, schema, report, declared, form).encode("utf-8")}
                kept = rec["meta"].get("brat")
                if isinstance(kept, dict) and isinstance(kept.get(GIVEN), list):
                    report.problem(PAIR_WRITTEN_AS_ANN, rec["name"])
            try:
                (sub / f"{stem}.txt").write_bytes(data)
                for file_name, ann in files.items():
                    (sub / file_name).write_bytes(ann)
            except OSError as exc:  # name the document; atomic_folder removes the half-made folder
                raise AnnotatorError(
                    f"{out}: export failed at document {rec['name']!r} (file {stem}.txt): {exc.strerror or exc}; "
                    "nothing was replaced"
                ) from None
            report.bytes += len(data) + sum(map(len, files.values()))
        conf = schema_kept(project).get(BRAT_KEPT)
        relations, attributes = declared.conf_lines(conf)
        written = spelt_schema(schema, declared.labels, declared.roles)  # the names the .ann files use (PER)
        text = write_annotation_conf(written, relations, attributes, declared.event_targets(conf))
        (folder / "annotation.conf").write_bytes(text.encode("utf-8"))
        visual = write_visual_conf(written, declared.relation_names, conf if isinstance(conf, dict) else None)
        (folder / "visual.conf").write_bytes(visual.encode("utf-8"))
        if (keys := write_shortcuts(written, brat_name)) is not None:  # the labels' keys, as brat's type keys
            (folder / SHORTCUTS).write_bytes(keys.encode("utf-8"))
        tools, unknown = tools_text(conf if isinstance(conf, dict) else None, declared.databases)  # its own settings
        if tools is not None:  # and the databases the N lines name
            (folder / TOOLS).write_bytes(tools.encode("utf-8"))
        for db in unknown:
            report.problem("normalisation databases whose address brat needs (a # line in tools.conf: fill it in)", db)
    report.files = [str(out)]
    return report
