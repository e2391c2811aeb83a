"""The project's own JSON and JSONL: write (export) and read (import, for round trips)."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import orjson

from annotator.errors import ImportFileError
from annotator.exporting import atomic_output
from annotator.formats.json_stream import write_documents
from annotator.importing import MAX_FILE_CHARS, IncomingDocument, IncomingEntity, IncomingEvent, decode_text
from annotator.store import Project

FORMAT = "annotator-json"
VERSION = 2  # 2: events carry state, source, score and alternatives (version 1 files still read: their events are accepted)
DEFAULT_STATES = ("suggested", "accepted", "added")
CHUNK = 500


@dataclass
class ExportReport:
    documents: int = 0
    entities: int = 0
    events: int = 0
    bytes: int = 0
    dropped_arguments: list[tuple[str, int, str]] = field(default_factory=list)  # (document, event id, role)

    def summary(self) -> str:
        s = f"{self.documents} documents, {self.entities} entities, {self.events} events, {self.bytes:,} bytes"
        if self.dropped_arguments:
            s += f"; {len(self.dropped_arguments)} arguments left out (their entity's state was not exported)"
        return s


def _in(values: tuple[str, ...] | list[str]) -> str:
    return ",".join("?" * len(values))


def iter_document_records(
    project: Project,
    states: tuple[str, ...] | list[str] = DEFAULT_STATES,
    statuses: list[str] | None = None,
    annotation_set: str | None = None,
    report: ExportReport | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Each document as the export's plain dict, read in chunks with a few queries each.

    ``progress(report.documents)`` is called once the caller has handled each document.
    """
    conn = project.db.conn
    aset = annotation_set or project.annotation_set
    states = tuple(states)
    report = report if report is not None else ExportReport()
    ids = project.document_ids(statuses)
    for k in range(0, len(ids), CHUNK):
        chunk = ids[k : k + CHUNK]
        marks = _in(chunk)
        docs = conn.execute(
            f"SELECT id, name, text, sha256, status, meta FROM documents WHERE id IN ({marks}) ORDER BY id", chunk
        ).fetchall()
        texts = {d[0]: d[2] for d in docs}
        ents: dict[int, list[dict[str, Any]]] = {}
        doc_id, text, bucket = None, "", []  # rows come grouped by document: one dict per row, one pass
        for eid, did, start, end, label, state, source, who in conn.execute(
            f"SELECT id, document_id, start, end, label, state, source, annotator FROM entities "
            f"WHERE document_id IN ({marks}) AND annotation_set = ? AND state IN ({_in(states)}) "
            "ORDER BY document_id, start, end, id",
            [*chunk, aset, *states],
        ):
            if did != doc_id:
                doc_id, text, bucket = did, texts[did], []
                ents[did] = bucket
            bucket.append(
                {"id": eid, "start": start, "end": end, "label": label, "text": text[start:end],
                 "state": state, "source": source, "annotator": who}
            )
        events: dict[int, list] = {}
        for r in conn.execute(
            f"SELECT id, document_id, type, trigger_start, trigger_end, attributes, annotator, state, source, score, "
            f"alternatives FROM events WHERE document_id IN ({marks}) AND annotation_set = ? AND state IN ({_in(states)}) "
            "ORDER BY document_id, trigger_start, id",
            [*chunk, aset, *states],
        ):
            events.setdefault(r[1], []).append(r)
        args: dict[int, list] = {}
        for r in conn.execute(
            f"SELECT a.event_id, a.role, a.entity_id FROM arguments a JOIN events v ON v.id = a.event_id "
            f"WHERE v.document_id IN ({marks}) AND v.annotation_set = ? AND v.state IN ({_in(states)}) ORDER BY a.id",
            [*chunk, aset, *states],
        ):
            args.setdefault(r[0], []).append(r)
        comments: dict[int, list] = {}
        for r in conn.execute(
            f"SELECT document_id, author, text, created_at FROM comments WHERE document_id IN ({marks}) ORDER BY id",
            chunk,
        ):
            comments.setdefault(r[0], []).append({"author": r[1], "text": r[2], "created_at": r[3]})
        for d in docs:
            text = d[2]
            entity_rows = ents.get(d[0], [])
            kept = {e["id"] for e in entity_rows} if d[0] in events else ()
            out_events = event_dicts(d, text, events.get(d[0], []), args, kept, report)
            report.documents += 1
            report.entities += len(entity_rows)
            report.events += len(out_events)
            yield {
                "id": d[0],
                "name": d[1],
                "text": text,
                "sha256": d[3],
                "status": d[4],
                "meta": orjson.loads(d[5] or "{}"),
                "entities": entity_rows,
                "events": out_events,
                "comments": comments.get(d[0], []),
            }
            if progress:
                progress(report.documents)


def event_dicts(
    d: tuple, text: str, rows: list[tuple], args: dict[int, list[tuple]], kept: Any, report: ExportReport
) -> list[dict[str, Any]]:
    """A document's exported events; arguments whose entity was not exported are left out and reported."""
    out_events = []
    for v in rows:
        arguments = []
        for a in args.get(v[0], []):
            if a[2] in kept:
                arguments.append({"role": a[1], "entity_id": a[2]})
            else:
                report.dropped_arguments.append((d[1], v[0], a[1]))
        out_events.append(
            {
                "id": v[0],
                "type": v[2],
                "trigger": {"start": v[3], "end": v[4], "text": text[v[3] : v[4]]},
                "attributes": orjson.loads(v[5] or "{}"),
                "arguments": arguments,
                "annotator": v[6],
                "state": v[7],
                "source": v[8],
                "score": v[9],
                "alternatives": orjson.loads(v[10] or "[]"),
            }
        )
    return out_events


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of small dicts are made and dropped (no cycles here)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def header(project: Project, annotation_set: str | None = None) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "annotation_set": annotation_set or project.annotation_set,
        "schema": project.schema.to_dict(),
    }


def write_json(
    project: Project,
    out: str | Path,
    states: tuple[str, ...] | list[str] = DEFAULT_STATES,
    statuses: list[str] | None = None,
    annotation_set: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExportReport:
    """One JSON file: format marker, schema, documents; written to a temporary file and renamed."""
    report = ExportReport()
    head = orjson.dumps(header(project, annotation_set))
    ids = project.document_ids(statuses)
    with atomic_output(out) as fh, _no_cyclic_gc():
        fh.write(head[:-1] + b',"documents":[')
        write_documents(fh, project, ids, annotation_set or project.annotation_set, tuple(states), report,
                        event_dicts, b",", progress)
        fh.write(b"]}")
        report.bytes = fh.tell()
    return report


def write_jsonl(
    project: Project,
    out: str | Path,
    states: tuple[str, ...] | list[str] = DEFAULT_STATES,
    statuses: list[str] | None = None,
    annotation_set: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExportReport:
    """The same document objects, one a line."""
    report = ExportReport()
    ids = project.document_ids(statuses)
    with atomic_output(out) as fh, _no_cyclic_gc():
        write_documents(fh, project, ids, annotation_set or project.annotation_set, tuple(states), report,
                        event_dicts, b"\n", progress)
        report.bytes = fh.tell()
    return report


# -- reading --------------------------------------------------------------------------------------
def parse_document(obj: Any, path: str, line: int | None = None) -> IncomingDocument:
    """One exported document object back into an IncomingDocument (ids kept as keys)."""

    def need(cond: bool, reason: str) -> None:
        if not cond:
            raise ImportFileError(path, reason, line)

    need(isinstance(obj, dict), "a document must be an object")
    text = obj.get("text")
    need(isinstance(text, str) and text != "", "document 'text' must be a non-empty string")
    name = obj.get("name")
    need(isinstance(name, str), "document 'name' must be a string")

    def items(owner: dict, key: str, what: str) -> list:
        value = owner.get(key) or []
        need(isinstance(value, list), f"document {name!r}: {what} must be a list")
        return value

    def texts(owner: dict, keys: tuple[str, ...], what: str) -> None:
        bad = [k for k in keys if not isinstance(owner.get(k), (str, type(None)))]
        need(not bad, f"document {name!r}: {what} '{bad[0] if bad else ''}' must be a string")

    entities = []
    seen: set = set()
    for k, e in enumerate(items(obj, "entities", "'entities'")):
        need(isinstance(e, dict), f"document {name!r}: an entity must be an object")
        texts(e, ("state", "source", "annotator"), f"entity {e.get('id')!r}:")
        need(e.get("id") is None or isinstance(e.get("id"), (int, str)), f"document {name!r}: entity id must be a number")
        need(e.get("id") is None or e.get("id") not in seen, f"document {name!r}: entity id {e.get('id')!r} is used twice")
        seen.add(e.get("id"))
        s, t = e.get("start"), e.get("end")
        need(type(s) is int and type(t) is int and 0 <= s < t <= len(text), f"document {name!r}: bad entity offsets {s!r}, {t!r}")
        need(isinstance(e.get("label"), str), f"document {name!r}: entity without a label")
        if "text" in e:
            need(e["text"] == text[s:t], f"document {name!r}: entity {e.get('id')!r} text does not match its offsets")
        key = e.get("id") if e.get("id") is not None else ("no id", k)  # never matched by an argument
        entities.append(
            IncomingEntity(key, s, t, e["label"], e.get("state", "accepted"), e.get("source") or "import", e.get("annotator"))
        )
    events = []
    for v in items(obj, "events", "'events'"):
        need(isinstance(v, dict), f"document {name!r}: an event must be an object")
        texts(v, ("annotator",), f"event {v.get('id')!r}:")
        trig = v.get("trigger")
        need(isinstance(trig, dict), f"document {name!r}: event {v.get('id')!r} has no trigger")
        s, t = trig.get("start"), trig.get("end")
        need(type(s) is int and type(t) is int and 0 <= s < t <= len(text), f"document {name!r}: bad trigger offsets {s!r}, {t!r}")
        need(isinstance(v.get("type"), str), f"document {name!r}: event without a type")
        attrs = v.get("attributes") or {}
        need(isinstance(attrs, dict) and all(isinstance(x, str) for x in attrs.values()), f"document {name!r}: bad attributes")
        arguments = []
        for a in items(v, "arguments", "an event's 'arguments'"):
            need(isinstance(a, dict) and isinstance(a.get("role"), str), f"document {name!r}: bad argument")
            need(
                isinstance(a.get("entity_id"), (int, str)) and a.get("entity_id") in seen,
                f"document {name!r}: argument {a['role']} points at entity {a.get('entity_id')!r}, which the document lacks",
            )
            arguments.append((a["role"], a.get("entity_id")))
        texts(v, ("state", "source"), f"event {v.get('id')!r}:")
        score = v.get("score")
        need(score is None or (type(score) in (int, float)), f"document {name!r}: event {v.get('id')!r}: 'score' must be a number")
        alternatives = v.get("alternatives") or []
        need(isinstance(alternatives, list) and all(isinstance(x, str) for x in alternatives),
             f"document {name!r}: event {v.get('id')!r}: 'alternatives' must be a list of event types")
        events.append(
            IncomingEvent(v["type"], s, t, attrs, arguments, v.get("annotator"), state=v.get("state") or "accepted",
                          source=v.get("source") or "import", score=score, alternatives=list(alternatives))
        )
    comments = []
    for c in items(obj, "comments", "'comments'"):
        need(isinstance(c, dict) and isinstance(c.get("text"), str), f"document {name!r}: bad comment")
        texts(c, ("author", "created_at"), "comment")
        comments.append(c)
    meta = obj.get("meta") or {}
    need(isinstance(meta, dict), f"document {name!r}: 'meta' must be an object")
    return IncomingDocument(
        text=text, name=name, meta=meta, status=obj.get("status", "new"), source_path=path,
        entities=entities, events=events, comments=comments, keep_annotators=True,
    )


def read_json(path: Path) -> list[IncomingDocument]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(str(path), f"cannot read: {exc.strerror or exc}") from None
    decode_text(data, str(path), MAX_FILE_CHARS)  # encoding, emptiness and size checks with clear messages
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ImportFileError(str(path), f"not valid JSON: {exc}") from None
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        raise ImportFileError(str(path), f"not an annotator JSON export (no \"format\": \"{FORMAT}\" marker)")
    if not isinstance(obj.get("version"), int) or obj["version"] > VERSION:
        raise ImportFileError(str(path), f"export format version {obj.get('version')!r} is newer than this annotator reads")
    docs = obj.get("documents")
    if not isinstance(docs, list):
        raise ImportFileError(str(path), "'documents' must be a list")
    return [parse_document(d, str(path)) for d in docs]
