"""A project's stored schema, read from the parsed copy kept beside its TOML source.

Parsing and checking the TOML (tomllib is pure Python) was most of the cost of reading the schema at every open.
The parsed schema is stored as JSON in ``schemas.parsed``, with the sha256 of the source it came from: an open
whose source still has that hash builds the Schema from the JSON; any other (no copy yet, a source changed
outside the app, a copy from another version of the data) parses the TOML as before and stores a fresh copy when
the file is writable.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import lru_cache

import orjson

from annotator.db import ProjectDb
from annotator.schema import Schema, parse_schema

FORMAT = 3  # bump when Schema.to_data changes shape: older copies are then parsed again


def source_hash(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def parsed_copy(schema: Schema) -> str:
    """The JSON stored beside ``schema.source``."""
    return orjson.dumps({"format": FORMAT, "sha256": source_hash(schema.source), "schema": schema.to_data()}).decode()


def from_copy(copy: str | None, source: str) -> Schema | None:
    """The schema in ``copy`` if it was made from ``source`` (same hash, same format), else None. A Schema is
    immutable, so the same copy is read once per process (as ``parse_schema`` parses a source once): each open of a
    project read it again (~0.4 ms of CPU: its JSON, the source's hash, the Schema built)."""
    if not copy:
        return None
    return _from_copy(copy, source)


@lru_cache(maxsize=16)
def _from_copy(copy: str, source: str) -> Schema | None:
    try:
        data = orjson.loads(copy)
        if data.get("format") != FORMAT or data.get("sha256") != source_hash(source):
            return None
        return Schema.from_data(data["schema"], source)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        return None  # a damaged copy: the source is the truth, parse it


def has_copies(conn: sqlite3.Connection) -> bool:
    """Whether the file keeps parsed copies (format 5 on; a file still at an older format, as tests make, does not)."""
    return ProjectDb(conn).has_column("schemas", "parsed")


def store_schema(conn: sqlite3.Connection, schema: Schema, added_at: str) -> None:
    """Insert ``schema`` as the newest stored one, with its parsed copy (inside the caller's transaction)."""
    if has_copies(conn):
        conn.execute(
            "INSERT INTO schemas (name, source, added_at, parsed) VALUES (?, ?, ?, ?)",
            (schema.name, schema.source, added_at, parsed_copy(schema)),
        )
    else:
        conn.execute(
            "INSERT INTO schemas (name, source, added_at) VALUES (?, ?, ?)", (schema.name, schema.source, added_at)
        )


def latest_schema(conn: sqlite3.Connection, where: str, writable: bool) -> Schema | None:
    """The project's schema in use (the newest stored one), None when it has none."""
    copies = has_copies(conn)
    row = conn.execute(
        f"SELECT id, name, source, {'parsed' if copies else 'NULL'} FROM schemas ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    schema_id, name, source, copy = row
    schema = from_copy(copy, source)
    if schema is not None:
        return schema
    schema = parse_schema(source, f"{where} (stored schema {name!r})", app_keys=False)
    if writable and copies:  # one statement, its own transaction (autocommit); a busy file just parses again next time
        try:
            conn.execute("UPDATE schemas SET parsed = ? WHERE id = ?", (parsed_copy(schema), schema_id))
        except sqlite3.OperationalError:
            pass
    return schema
