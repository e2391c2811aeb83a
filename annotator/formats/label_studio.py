"""Label Studio JSON import (the JSON export: a list of tasks; a .jsonl file of tasks also works).

Per task: the text is ``data.text`` (or the first string in ``data``); the first annotation that was
not cancelled is used (others are reported); a task with no annotation uses its first prediction, as
suggestions. Results: ``labels`` regions (one entity or trigger per label), ``relation`` (from a trigger:
an argument whose role is the relation's first label), per-region ``choices`` whose ``from_name`` is an
attribute of the schema (event attributes), document ``textarea`` (comments). Other results are reported.
Offsets are checked against ``value.text`` and read as UTF-16 units when that is what fits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.formats.common import ReadResult, fit_span, iter_json_array, iter_jsonl, need
from annotator.formats.regions import Region, build_document
from annotator.schema import Schema, default_schema


def _text_of(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("text"), str):
        return data["text"]
    return next((v for v in data.values() if isinstance(v, str) and v), None)


def _pick(task: dict[str, Any], path: Path, line: int, warnings: list[str]) -> tuple[list, str]:
    anns = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    if anns:
        if len(anns) > 1:
            warnings.append(f"{path}:{line}: task {task.get('id')!r} has {len(anns)} annotations; the first is used")
        return anns[0].get("result") or [], "accepted"
    preds = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    if preds:
        return preds[0].get("result") or [], "suggested"
    return [], "accepted"


def read_label_studio(path: str | Path, schema: Schema | None = None) -> ReadResult:
    path = Path(path)
    schema = schema or default_schema()
    warnings: list[str] = []
    docs = []
    items = iter_jsonl(path) if path.suffix.lower() == ".jsonl" else iter_json_array(path)
    for line, task in items:
        need(isinstance(task, dict), path, line, "each task must be a JSON object")
        text = _text_of(task.get("data"))
        need(isinstance(text, str) and text != "", path, line, f"task {task.get('id')!r} has no text in 'data'")
        results, state = _pick(task, path, line, warnings)
        need(isinstance(results, list), path, line, "'result' must be a list")
        regions: list[Region] = []
        relations, comments, choices = [], [], []
        for k, r in enumerate(results):
            need(isinstance(r, dict), path, line, f"result {k} must be an object")
            kind, value = r.get("type"), r.get("value") or {}
            if kind == "labels":
                need(isinstance(value.get("labels"), list) and value["labels"], path, line, f"result {k} has no labels")
                got = fit_span(text, value.get("start"), value.get("end"), value.get("text") if isinstance(value.get("text"), str) else None)
                need(got is not None, path, line, f"result {k} ({r.get('id')}) has offsets {value.get('start')!r}, "
                     f"{value.get('end')!r} that do not fit the text" + (f" (expected {value['text']!r})" if "text" in value else ""))
                if got[2]:
                    warnings.append(f"{path}:{line}: result {r.get('id')} offsets read as UTF-16 units")
                regions += [Region(r.get("id", k), got[0], got[1], lab) for lab in value["labels"]]
            elif kind == "relation":
                labels = r.get("labels") or []
                if not labels:
                    warnings.append(f"{path}:{line}: relation {r.get('from_id')}->{r.get('to_id')} has no label; not kept")
                    continue
                relations.append((r.get("from_id"), r.get("to_id"), labels[0]))
            elif kind == "choices" and "id" in r and schema.attribute(str(r.get("from_name"))):
                choices.append((r["id"], r["from_name"], (value.get("choices") or [None])[0], k))
            elif kind == "textarea":
                comments += [t for t in value.get("text") or [] if isinstance(t, str) and t.strip()]
            else:
                warnings.append(f"{path}:{line}: result {k} of type {kind!r} ({r.get('from_name')}) not kept")
        for rid, name, value, k in choices:
            targets = [g for g in regions if g.key == rid]
            need(bool(targets), path, line, f"result {k} ({name}) points at unknown region {rid!r}")
            for g in targets:
                g.attributes[name] = value
        data = task.get("data") or {}
        name = data.get("name") or (f"task {task['id']}" if "id" in task else f"{path.name}:{line}")
        meta = {k: v for k, v in data.items() if k not in ("text", "name") and isinstance(v, (str, int, float, bool))}
        if "id" in task:
            meta["label_studio_id"] = task["id"]
        docs.append(build_document(text, str(name), regions, relations, schema, path, line, warnings, state=state,
                                   source="label-studio", meta=meta, comments=comments))
    need(bool(docs), path, None, "no tasks in the file")
    return ReadResult(docs, None, warnings)
