"""The project's own JSON and JSONL read back (the import, for round trips; ``project_json`` writes them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.categories import category_names
from annotator.db import is_score
from annotator.errors import ImportFileError, ValidationError
from annotator.formats.project_json_names import FORMAT, VERSION
from annotator.formats.reading import ReadResult, read_file_bytes
from annotator.text_encoding import given_encoding, marked_encoding
from annotator.importing import MAX_FILE_CHARS, IncomingDocument, IncomingEntity, IncomingEvent, decode_text
from annotator.schema import Schema, SchemaError, parse_schema
from annotator.schema_write import schema_source

# events-dev's (M2E2's converted) shape: a trigger as [start, end], arguments as spans without an entity and its
# label. The import cannot tell the label an argument's entity should have, so it refuses, saying what to do
SPAN_SHAPE = (
    "its trigger is a [start, end] list (arguments as spans without entities, as events-dev and M2E2 write them), "
    "not the project's event shape: import the texts alone (docs/formats.md: 'Events as spans') or convert them"
)


TOKEN_LISTS = ("starts", "ends", "sentence_starts")  # a document's "tokens" (records.stored_tokens)


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
        need(
            e.get("id") is None or isinstance(e.get("id"), (int, str)), f"document {name!r}: entity id must be a number"
        )
        need(
            e.get("id") is None or e.get("id") not in seen,
            f"document {name!r}: entity id {e.get('id')!r} is used twice",
        )
        seen.add(e.get("id"))
        s, t = e.get("start"), e.get("end")
        need(
            type(s) is int and type(t) is int and 0 <= s < t <= len(text),
            f"document {name!r}: bad entity offsets {s!r}, {t!r}",
        )
        need(isinstance(e.get("label"), str), f"document {name!r}: entity without a label")
        if "text" in e:
            need(e["text"] == text[s:t], f"document {name!r}: entity {e.get('id')!r} text does not match its offsets")
        score = e.get("score")
        need(
            score is None or is_score(score),
            f"document {name!r}: entity {e.get('id')!r}: 'score' must be a number, not {score!r}",
        )
        edited = e.get("edited", False)
        need(isinstance(edited, bool), f"document {name!r}: entity {e.get('id')!r}: 'edited' must be true or false")
        key = e.get("id") if e.get("id") is not None else ("no id", k)  # never matched by an argument
        entities.append(
            IncomingEntity(
                key,
                s,
                t,
                e["label"],
                e.get("state", "accepted"),
                e.get("source") or "import",
                e.get("annotator"),
                score=score,
                edited=edited,
            )
        )
    events = []
    for number, v in enumerate(items(obj, "events", "'events'"), start=1):
        need(isinstance(v, dict), f"document {name!r}: an event must be an object")
        texts(v, ("annotator",), f"event {v.get('id')!r}:")
        trig = v.get("trigger")
        which = f"event {v['id']!r}" if v.get("id") is not None else f"event {number}"
        need(not isinstance(trig, list), f"document {name!r}: {which}: {SPAN_SHAPE}")
        need(isinstance(trig, dict), f'document {name!r}: {which} has no trigger ({{"start": N, "end": N}})')
        s, t = trig.get("start"), trig.get("end")
        need(
            type(s) is int and type(t) is int and 0 <= s < t <= len(text),
            f"document {name!r}: bad trigger offsets {s!r}, {t!r}",
        )
        need(isinstance(v.get("type"), str), f"document {name!r}: event without a type")
        attrs = v.get("attributes") or {}
        need(
            isinstance(attrs, dict) and all(isinstance(x, str) for x in attrs.values()),
            f"document {name!r}: bad attributes",
        )
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
        need(
            score is None or is_score(score),
            f"document {name!r}: event {v.get('id')!r}: 'score' must be a number, not {score!r}",
        )
        alternatives = v.get("alternatives") or []
        need(
            isinstance(alternatives, list) and all(isinstance(x, str) for x in alternatives),
            f"document {name!r}: event {v.get('id')!r}: 'alternatives' must be a list of event types",
        )
        edited = v.get("edited", False)
        need(isinstance(edited, bool), f"document {name!r}: event {v.get('id')!r}: 'edited' must be true or false")
        events.append(
            IncomingEvent(
                v["type"],
                s,
                t,
                attrs,
                arguments,
                v.get("annotator"),
                state=v.get("state") or "accepted",
                source=v.get("source") or "import",
                score=score,
                alternatives=list(alternatives),
                # the export writes every value an event has: one it lacks has none (a brat event without its A
                # line), so the schema's defaults are filled in only where the object gives no attributes at all
                fill_defaults="attributes" not in v,
                edited=edited,
            )
        )
    comments = []
    for c in items(obj, "comments", "'comments'"):
        need(isinstance(c, dict) and isinstance(c.get("text"), str), f"document {name!r}: bad comment")
        texts(c, ("author", "created_at"), "comment")
        comments.append(c)
    meta = obj.get("meta") or {}
    need(isinstance(meta, dict), f"document {name!r}: 'meta' must be an object")
    tokens = obj.get("tokens")
    lists = [tokens.get(k) for k in TOKEN_LISTS] if isinstance(tokens, dict) else []
    need(
        tokens is None
        or isinstance(tokens.get("source"), str)  # type: ignore[union-attr]
        and all(isinstance(x, list) and all(type(i) is int for i in x) for x in lists)
        and len(lists[0]) == len(lists[1]),
        f"document {name!r}: 'tokens' must give a 'source' and lists of numbers 'starts', 'ends' (as many) and "
        "'sentence_starts'",
    )
    heads = tokens.get("noun_heads") if isinstance(tokens, dict) else None
    need(
        heads is None
        or isinstance(heads, list)
        and all(isinstance(h, list) and len(h) == 2 and all(type(i) is int for i in h) for h in heads),
        f"document {name!r}: the tokens' 'noun_heads' must be a list of [start, end] pairs of numbers",
    )
    version = tokens.get("heads_version") if isinstance(tokens, dict) else None
    need(
        version is None or type(version) is int and version >= 1,
        f"document {name!r}: the tokens' 'heads_version' must be a whole number from 1 (the rules that found the "
        f"noun heads), not {version!r}",
    )
    bom = obj.get("bom", False)  # since format version 5, said only where true; older files do not say
    need(isinstance(bom, bool), f"document {name!r}: 'bom' must be true or false")
    doc = IncomingDocument(
        text=text,
        name=name,
        bom=bom,
        meta=meta,
        status=obj.get("status", "new"),
        source_path=path,
        entities=entities,
        events=events,
        comments=comments,
        keep_annotators=True,
    )
    if tokens is not None:  # the stored tokens the export wrote: the document is cut as it was
        doc.tokens, doc.tokens_source = (lists[0], lists[1], lists[2]), tokens["source"]
        doc.noun_heads = [(s, e) for s, e in heads] if heads else None
        doc.heads_version = version if heads else None
    return doc


def read_json(path: Path) -> list[IncomingDocument]:
    """The documents of a JSON export (``read_json_result`` gives its schema too)."""
    return read_json_result(path).documents


def header_schema(data: Any, path: str) -> Schema | None:
    """The schema a JSON export's header holds (``Schema.to_dict``), checked as a schema file is; None without one.
    (The export leaves out the rules' extra words, weak triggers, cues and blockers: a schema taken from it has
    none.)"""
    if not isinstance(data, dict):
        return None

    def pick(table: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
        return {k: table.get(k) for k in keys}

    try:
        source = schema_source(
            {"name": data["name"], "description": data.get("description") or ""},
            [pick(e, ("name", "description", "color", "key")) for e in data.get("entities") or []],
            [pick(a, ("name", "description", "values", "default")) for a in data.get("attributes") or []],
            [
                {
                    **pick(t, ("name", "description", "triggers")),
                    "roles": [pick(r, ("name", "labels", "multiplicity")) for r in t.get("roles") or []],
                }
                for t in data.get("events") or []
            ],
            [str(c) for c in data.get("categories") or []],
        )
        return parse_schema(source, f"{path} (its schema)", app_keys=False)
    except SchemaError as exc:
        raise ImportFileError(path, f"its schema cannot be used: {exc}") from None
    except (KeyError, TypeError, AttributeError, ValueError):
        raise ImportFileError(path, "its 'schema' is not a schema as the export writes it") from None


def header_categories(data: Any, path: str) -> list[str]:
    """The project's categories a JSON export's header lists (``header``): none when it has no list (older files)."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise ImportFileError(path, "its 'categories' must be a list of categories (labels of one line)")
    try:
        return category_names(data)
    except ValidationError as exc:
        raise ImportFileError(path, f"its 'categories' cannot be used: {exc}") from None


def read_json_result(path: Path) -> ReadResult:
    """A JSON export: its documents and the schema its header holds."""
    data = read_file_bytes(path)
    return export_result(load_json(data, path), path)


def load_json(data: bytes, path: Path) -> Any:
    """The JSON value of a file's bytes, after the encoding, emptiness and size checks (clear messages)."""
    text = decode_text(data, str(path), MAX_FILE_CHARS)[0]
    try:  # the bytes when they are UTF-8 (no copy of a large export), else the text they were read as
        return orjson.loads(text if given_encoding() or marked_encoding(data) else data)
    except orjson.JSONDecodeError as exc:
        raise ImportFileError(str(path), f"not valid JSON: {exc}") from None


def export_result(obj: Any, path: Path) -> ReadResult:
    """The documents and schema of a JSON export's value."""
    if isinstance(obj, dict) and "%FEATURE_STRUCTURES" in obj:  # INCEpTION's UIMA CAS JSON (GraSCCO's corpus)
        raise ImportFileError(
            str(path),
            "a UIMA CAS JSON file (INCEpTION's 'UIMA CAS JSON' export: '%FEATURE_STRUCTURES'), which annotator does "
            "not read; export the project from INCEpTION as 'WebAnno TSV v3.3' and import that",
        )
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        raise ImportFileError(
            str(path),
            f'not an annotator JSON export (no "format": "{FORMAT}" marker), nor a list of documents '
            '([{"text": ...}, ...])',
        )
    if not isinstance(obj.get("version"), int) or obj["version"] > VERSION:
        raise ImportFileError(
            str(path), f"export format version {obj.get('version')!r} is newer than this annotator reads"
        )
    docs = obj.get("documents")
    if not isinstance(docs, list):
        raise ImportFileError(str(path), "'documents' must be a list")
    return ReadResult(
        [parse_document(d, str(path)) for d in docs],
        header_schema(obj.get("schema"), str(path)),
        categories=header_categories(obj.get("categories"), str(path)),
    )
