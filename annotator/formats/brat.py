"""brat standoff export: one .txt (byte-identical to the stored text) and one .ann per document, plus
annotation.conf and visual.conf written from the project's schema.

.ann lines: ``T`` for entities and triggers (a span with a line break is written as fragments split at
the break, as brat does), ``E`` for events (a trigger shared by events of one type is one ``T``; a
repeated role is numbered ``Theme``, ``Theme2``, ...; an argument whose entity stands for a nested event
is written as that event's ``E`` id), ``A`` for attributes that differ from the schema's default, ``#``
AnnotatorNotes for comments (a comment that came from a brat note goes back on its annotation).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

from annotator.exporting import atomic_folder
from annotator.formats.brat_conf import BINARY, brat_name, proxy_labels, write_annotation_conf, write_visual_conf
from annotator.formats.common import FormatExportReport, check_options, parts_of, split_option
from annotator.formats.project_json import DEFAULT_STATES, iter_document_records
from annotator.schema import Schema
from annotator.store import Project

OPTIONS = ("split", "seed")
LINE_BREAKS = re.compile(r"[\n\r\u0085\u2028\u2029\x0b\x0c]+")
NOTE = re.compile(r"^\[on (event )?(\S+) (\d+)-(\d+)\] (.*)$", re.S)


def file_stem(name: str) -> str:
    stem = name[:-4] if name.lower().endswith(".txt") else name
    return re.sub(r"[^\w.\-]+", "_", stem).strip("._") or "document"


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


def t_line(tid: str, type_: str, text: str, start: int, end: int) -> str:
    frags = fragments(text, start, end)
    offs = ";".join(f"{s} {e}" for s, e in frags)
    return f"{tid}\t{type_} {offs}\t{' '.join(text[s:e] for s, e in frags)}"


def _proxy_index(source: str | None) -> int:
    m = re.fullmatch(r"event-argument(?::(\d+))?", source or "")
    return int(m.group(1) or 0) if m else -1


def document_ann(rec: dict[str, Any], schema: Schema, report: FormatExportReport) -> str:
    """The .ann text of one exported document record."""
    text, name = rec["text"], rec["name"]
    proxies = proxy_labels(schema)
    lines: list[str] = []
    events = rec["events"]
    by_trigger: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    eid = {}
    for k, v in enumerate(events, start=1):
        eid[v["id"]] = f"E{k}"
        by_trigger[(v["type"], v["trigger"]["start"], v["trigger"]["end"])].append(f"E{k}")
    # entities; a proxy entity that matches an event becomes a reference to that event
    ref: dict[int, str] = {}
    targets: dict[tuple[str, int, int], str] = {}
    n = 0
    for e in rec["entities"]:
        if e["label"] in proxies:
            same = by_trigger.get((e["label"], e["start"], e["end"]), [])
            k = _proxy_index(e["source"])
            if same and k >= 0:
                ref[e["id"]] = same[min(k, len(same) - 1)]
                continue
            report.problem("event-argument spans without their event (written as T)", f"{name} [{e['start']}, {e['end']})")
        n += 1
        ref[e["id"]] = f"T{n}"
        targets.setdefault((e["label"], e["start"], e["end"]), f"T{n}")
        lines.append(t_line(f"T{n}", brat_name(e["label"]), text, e["start"], e["end"]))
    trig: dict[tuple[str, int, int], str] = {}
    for v in events:
        key = (v["type"], v["trigger"]["start"], v["trigger"]["end"])
        if key not in trig:
            n += 1
            trig[key] = f"T{n}"
            targets.setdefault(key, f"T{n}")
            lines.append(t_line(f"T{n}", brat_name(v["type"]), text, key[1], key[2]))
    attrs: list[str] = []
    defaults = schema.default_attributes()
    for v in events:
        key = (v["type"], v["trigger"]["start"], v["trigger"]["end"])
        seen: dict[str, int] = defaultdict(int)
        parts = [f"{brat_name(v['type'])}:{trig[key]}"]
        for a in v["arguments"]:
            seen[a["role"]] += 1
            role = a["role"] + (str(seen[a["role"]]) if seen[a["role"]] > 1 else "")
            parts.append(f"{role}:{ref[a['entity_id']]}")
        lines.append(f"{eid[v['id']]}\t{' '.join(parts)}")
        for an, value in v["attributes"].items():
            spec = schema.attribute(an)
            if value == defaults.get(an) or spec is None:
                continue
            if tuple(spec.values) == BINARY:
                attrs.append(f"{brat_name(an)} {eid[v['id']]}")
            else:
                attrs.append(f"{brat_name(an)} {eid[v['id']]} {value}")
    lines += [f"A{k}\t{a}" for k, a in enumerate(attrs, start=1)]
    first = lines[0].split("\t", 1)[0] if lines else None
    for k, c in enumerate(rec["comments"], start=1):
        body, target = c["text"], first
        m = NOTE.match(body)
        if m:
            key = (m.group(2), int(m.group(3)), int(m.group(4)))
            hit = by_trigger.get(key, [None])[0] if m.group(1) else targets.get(key)
            if hit:
                target, body = hit, m.group(5)
        if target is None:
            report.problem("comments left out (a brat note needs an annotation to sit on)", f"{name}: {body[:40]!r}")
            continue
        if LINE_BREAKS.search(body):
            report.problem("comments with line breaks joined into one line", name)
            body = LINE_BREAKS.sub(" ", body)
        lines.append(f"#{k}\tAnnotatorNotes {target}\t{body}")
    return "\n".join(lines) + ("\n" if lines else "")


def write_brat(
    project: Project,
    out: str | Path,
    states: tuple[str, ...] | list[str] = DEFAULT_STATES,
    statuses: list[str] | None = None,
    annotation_set: str | None = None,
    progress: Callable[[int], None] | None = None,
    options: dict[str, str] | None = None,
) -> FormatExportReport:
    """A brat folder (with ``split=...``, one subfolder per part; the .conf files sit at the top)."""
    opts = check_options(options, OPTIONS, "brat")
    assignment = split_option(project, statuses, opts)
    report = FormatExportReport(format="brat")
    schema = project.schema
    with atomic_folder(out) as folder:
        (folder / "annotation.conf").write_bytes(write_annotation_conf(schema).encode("utf-8"))
        (folder / "visual.conf").write_bytes(write_visual_conf(schema).encode("utf-8"))
        used: set[str] = set()
        for part in parts_of(assignment):
            if part:
                (folder / part).mkdir()
        for rec in iter_document_records(project, states, statuses, annotation_set, report, progress):
            sub = folder / assignment[rec["id"]] if assignment[rec["id"]] else folder
            stem = file_stem(rec["name"])
            if f"{sub}/{stem}".lower() in used or stem in ("annotation", "visual"):
                stem = f"{stem}-{rec['id']}"
            used.add(f"{sub}/{stem}".lower())
            data = rec["text"].encode("utf-8")
            (sub / f"{stem}.txt").write_bytes(data)
            ann = document_ann(rec, schema, report).encode("utf-8")
            (sub / f"{stem}.ann").write_bytes(ann)
            report.bytes += len(data) + len(ann)
    report.files = [str(out)]
    return report
