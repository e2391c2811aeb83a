"""DyGIE++ JSONL export: ``doc_key``, ``dataset``, sentence-split ``sentences``, per-sentence ``ner`` and
``events`` with document-level, end-inclusive token indices (whitespace tokens are not counted).

An event is ``[[trigger_token, type], [start, end, role], ...]``; a multi-token trigger keeps one token
(``trigger_head=last``, the default, or ``first``) and is reported. An entity or argument that crosses a
sentence boundary, and an argument outside its trigger's sentence, is left out and reported (DyGIE++
keeps everything within a sentence). Events whose triggers fall on the same token are reported (DyGIE++'s
reader keeps one of them). Entities that stand for a nested event (a label that is also an event type: see
brat import) are not in ``ner``; an argument may still point at their span. Attributes, states and comments
are lost; ``relations`` is empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.formats.brat_conf import proxy_labels
from annotator.formats.common import FormatExportReport, option_choice, write_per_part
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.tokens import ALIGN_MODES, DocTokens, align
from annotator.store import Project


def record_to_dygiepp(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    dataset: str,
    mode: str = "expand",
    head: str = "last",
    proxies: set[str] | frozenset[str] = frozenset(),
) -> dict[str, Any]:
    text, name = rec["text"], rec["name"]
    keep = [k for k in range(len(toks)) if not toks.is_space(text, k)]
    new_index = {k: n for n, k in enumerate(keep)}
    sent_of_new: list[int] = []
    sentences: list[list[str]] = []
    last = None
    for k in keep:
        s = toks.sentence_of(k)
        if s != last:
            sentences.append([])
            last = s
        sentences[-1].append(text[toks.starts[k] : toks.ends[k]])
        sent_of_new.append(len(sentences) - 1)

    def span(start: int, end: int, what: str) -> tuple[int, int] | None:
        hit = align(toks, start, end, mode, report, f"{name}: {what}")
        if hit is None:
            return None
        inner = [new_index[k] for k in range(hit[0], hit[1] + 1) if k in new_index]
        if not inner:
            report.problem("spans left out (only whitespace)", f"{name}: {what} [{start}, {end})")
            return None
        if sent_of_new[inner[0]] != sent_of_new[inner[-1]]:
            report.problem("spans left out (cross a sentence boundary)", f"{name}: {what} [{start}, {end})")
            return None
        return inner[0], inner[-1]

    ner: list[list] = [[] for _ in sentences]
    ent_span: dict[int, tuple[int, int]] = {}
    for e in rec["entities"]:
        got = span(e["start"], e["end"], f"entity {e['label']}")
        if got is not None:
            ent_span[e["id"]] = got
            if e["label"] not in proxies:
                ner[sent_of_new[got[0]]].append([got[0], got[1], e["label"]])
    events: list[list] = [[] for _ in sentences]
    trigger_tokens: dict[int, str] = {}
    for v in rec["events"]:
        t = v["trigger"]
        got = span(t["start"], t["end"], f"trigger of {v['type']}")
        if got is None:
            report.problem("events left out (trigger not usable)", f"{name}: event {v['id']} {v['type']}")
            continue
        if got[0] != got[1]:
            report.problem(
                f"multi-token triggers reduced to their {head} token", f"{name}: {v['type']} [{t['start']}, {t['end']})"
            )
        tok = got[1] if head == "last" else got[0]
        if tok in trigger_tokens:
            report.problem(
                "events sharing a trigger token (DyGIE++'s reader keeps one)",
                f"{name}: {v['type']} and {trigger_tokens[tok]} on token {tok}",
            )
        trigger_tokens.setdefault(tok, v["type"])
        sent = sent_of_new[tok]
        item: list[list] = [[tok, v["type"]]]
        for a in v["arguments"]:
            arg = ent_span.get(a["entity_id"])
            if arg is None:
                continue
            if sent_of_new[arg[0]] != sent:
                report.problem(
                    "arguments left out (outside the trigger's sentence)", f"{name}: {v['type']} {a['role']}"
                )
                continue
            item.append([arg[0], arg[1], a["role"]])
        events[sent].append(item)
    return {
        "doc_key": name,
        "dataset": dataset,
        "sentences": sentences,
        "ner": ner,
        "events": events,
        "relations": [[] for _ in sentences],
    }


@export_writer("dygiepp")
def write_dygiepp(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    opts = dict(request.options)
    mode = option_choice(opts, "misaligned", ALIGN_MODES)
    head = option_choice(opts, "trigger_head", ("last", "first"))
    dataset = opts.get("dataset") or project.schema.name
    proxies = proxy_labels(project.schema)
    return write_per_part(
        project,
        out,
        request,
        "dygiepp",
        lambda rec, toks, report: orjson.dumps(
            record_to_dygiepp(rec, toks, report, dataset, mode, head, proxies), option=orjson.OPT_APPEND_NEWLINE
        ),
    )
