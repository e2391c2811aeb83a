"""Label Studio JSON import (the JSON export: a list of tasks; a .jsonl file of tasks also works).

Per task: the text is ``data.text`` (or the first string in ``data``); the first annotation that was
not cancelled is used (others are reported); a task with no annotation uses its first prediction, as
suggestions. Results: ``labels`` regions (one entity or trigger per label), ``relation`` (from a trigger:
an argument whose role is the relation's first label), per-region ``choices`` whose ``from_name`` is an
attribute of the schema (event attributes), document ``textarea`` (comments). Other results are reported.
Offsets are checked against ``value.text`` and read as UTF-16 units when that is what fits. Any part of the
wrong shape is an ImportFileError naming the file, the task and the line where the task starts.
"""

from __future__ import annotations

import json
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


def _list(value: Any, what: str, path: Path, line: int) -> list:
    """``value`` when it is a list, [] when it is absent (None); any other shape is refused."""
    if value is None:
        return []
    need(isinstance(value, list), path, line, f"{what} must be a list, not {type(value).__name__}")
    return value


def _storable(value: Any) -> Any:
    """``value`` for the document's meta: a whole number past 64 bits (JSON allows it, the store does not) becomes
    text, and so does a list or object (as its JSON)."""
    if isinstance(value, int) and not -(2**63) <= value < 2**64:
        return str(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _is_key(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def _pick(task: dict[str, Any], who: str, path: Path, line: int, warnings: list[str]) -> tuple[list, str]:
    anns = _list(task.get("annotations"), f"{who}: 'annotations'", path, line)
    preds = _list(task.get("predictions"), f"{who}: 'predictions'", path, line)
    for what, items in (("annotation", anns), ("prediction", preds)):
        for k, a in enumerate(items):
            need(isinstance(a, dict), path, line, f"{who}: {what} {k} must be an object")
    anns = [a for a in anns if not a.get("was_cancelled")]
    if anns:
        if len(anns) > 1:
            warnings.append(f"{path}:{line}: {who} has {len(anns)} annotations; the first is used")
        return _list(anns[0].get("result"), f"{who}: 'result'", path, line), "accepted"
    if preds:
        return _list(preds[0].get("result"), f"{who}: 'result'", path, line), "suggested"
    return [], "accepted"


def read_label_studio(path: str | Path, schema: Schema | None = None) -> ReadResult:
    path = Path(path)
    schema = schema or default_schema()
    warnings: list[str] = []
    docs = []
    items = iter_jsonl(path) if path.suffix.lower() == ".jsonl" else iter_json_array(path)
    for n, (line, task) in enumerate(items, start=1):
        need(isinstance(task, dict), path, line, f"task number {n}: each task must be a JSON object")
        who = f"task {task['id']!r}" if _is_key(task.get("id")) else f"task number {n}"
        text = _text_of(task.get("data"))
        need(isinstance(text, str) and text != "", path, line, f"{who} has no text in 'data'")
        results, state = _pick(task, who, path, line, warnings)
        regions: list[Region] = []
        relations, comments, choices = [], [], []
        for k, r in enumerate(results):
            need(isinstance(r, dict), path, line, f"{who}: result {k} must be an object")
            kind, value = r.get("type"), r.get("value")
            if kind in ("labels", "choices", "textarea"):
                value = {} if value is None else value
                need(isinstance(value, dict), path, line, f"{who}: result {k} ({kind}): 'value' must be an object")
            if kind == "labels":
                labels = value.get("labels")
                need(isinstance(labels, list) and bool(labels), path, line, f"{who}: result {k} has no labels")
                need(all(isinstance(x, str) for x in labels), path, line, f"{who}: result {k}: labels must be strings")
                rid = r.get("id", k)
                need(_is_key(rid), path, line, f"{who}: result {k}: 'id' must be a string or a number")
                got = fit_span(text, value.get("start"), value.get("end"), value.get("text") if isinstance(value.get("text"), str) else None)
                need(got is not None, path, line, f"{who}: result {k} ({rid}) has offsets {value.get('start')!r}, "
                     f"{value.get('end')!r} that do not fit the text" + (f" (expected {value['text']!r})" if "text" in value else ""))
                if got[2]:
                    warnings.append(f"{path}:{line}: result {rid} offsets read as UTF-16 units")
                regions += [Region(rid, got[0], got[1], lab) for lab in labels]
            elif kind == "relation":
                labels = _list(r.get("labels"), f"{who}: result {k} (relation): 'labels'", path, line)
                if not labels:
                    warnings.append(f"{path}:{line}: relation {r.get('from_id')}->{r.get('to_id')} has no label; not kept")
                    continue
                need(isinstance(labels[0], str), path, line, f"{who}: result {k} (relation): labels must be strings")
                need(_is_key(r.get("from_id")) and _is_key(r.get("to_id")), path, line,
                     f"{who}: result {k} (relation): 'from_id' and 'to_id' must be strings or numbers")
                relations.append((r["from_id"], r["to_id"], labels[0]))
            elif kind == "choices" and "id" in r and schema.attribute(str(r.get("from_name"))):
                picked = _list(value.get("choices"), f"{who}: result {k} (choices): 'choices'", path, line)
                need(all(isinstance(x, str) for x in picked), path, line, f"{who}: result {k}: choices must be strings")
                choices.append((r["id"], r["from_name"], (picked or [None])[0], k))
            elif kind == "textarea":
                said = value.get("text")
                said = _list([said] if isinstance(said, str) else said, f"{who}: result {k} (textarea): 'text'", path, line)
                need(all(isinstance(t, str) for t in said), path, line, f"{who}: result {k}: texts must be strings")
                comments += [t for t in said if t.strip()]
            else:
                warnings.append(f"{path}:{line}: result {k} of type {kind!r} ({r.get('from_name')}) not kept")
        for rid, name, value, k in choices:
            targets = [g for g in regions if g.key == rid]
            need(bool(targets), path, line, f"{who}: result {k} ({name}) points at unknown region {rid!r}")
            for g in targets:
                g.attributes[name] = value
        data = task.get("data") or {}
        name = data.get("name") or (f"task {task['id']}" if "id" in task else f"{path.name}:{line}")
        meta = {k: _storable(v) for k, v in data.items()
                if k not in ("text", "name") and isinstance(v, (str, int, float, bool))}
        if "id" in task:
            meta["label_studio_id"] = _storable(task["id"])
        docs.append(build_document(text, str(name), regions, relations, schema, path, line, warnings, state=state,
                                   source="label-studio", meta=meta, comments=comments))
    need(bool(docs), path, None, "no tasks in the file")
    return ReadResult(docs, None, warnings)
