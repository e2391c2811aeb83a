"""What merge checks in a source before writing anything: the target's schema, the arguments, near-twin documents."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import orjson

from annotator.errors import AnnotatorError
from annotator.rules import (
    ALLOWED_WHILE_WORKING,
    attribute_breaches,
    event_type_breach,
    filler_breaches,
    label_breach,
)
from annotator.schema import Schema
from annotator.wording import counted

NEAR_LIMIT = 10  # documents whose texts differ in at most this many characters (in one place) are near twins
WINDOW = 32  # characters of a text's start and end that index it
_MAX_CANDIDATES = 200


def schema_problems(conn: sqlite3.Connection, source_set: str, schema: Schema) -> list[str]:
    """Everything of the source set the target's schema does not allow, by ``annotator.rules`` (the rules edits
    enforce): labels, event types, attribute values, roles and the labels of the entities filling them. What
    the rules allow while working (a required role left empty, ...) is let in, as an import lets it in."""
    found: dict[str, set[str]] = {}

    def note(breaches, name: str | None = None) -> None:  # type: ignore[no-untyped-def]
        for b in breaches:
            if b is not None and b.kind not in ALLOWED_WHILE_WORKING:
                found.setdefault(b.kind, set()).add(name or b.message)  # a label or type: its name says it all

    for (label,) in conn.execute("SELECT DISTINCT label FROM entities WHERE annotation_set = ?", (source_set,)):
        note([label_breach(schema, label)], label)
    for (type_,) in conn.execute("SELECT DISTINCT type FROM events WHERE annotation_set = ?", (source_set,)):
        note([event_type_breach(schema, type_)], type_)
    for (attrs,) in conn.execute("SELECT DISTINCT attributes FROM events WHERE annotation_set = ?", (source_set,)):
        note(attribute_breaches(schema, orjson.loads(attrs or "{}") or {}))
    for type_, role, label in conn.execute(
        "SELECT DISTINCT v.type, a.role, n.label FROM arguments a JOIN events v ON v.id = a.event_id "
        "JOIN entities n ON n.id = a.entity_id WHERE v.annotation_set = ?",
        (source_set,),
    ):
        etype = schema.event_type(type_)
        if etype is not None:  # an unknown type is said once, above
            note(filler_breaches(etype, role, None, label, None))
    problems = []
    for kind, what in _KINDS:
        if kind in found:
            sep = ", " if kind in ("unknown_label", "unknown_type") else "; "
            problems.append(f"{what} not in the target's schema: {sep.join(sorted(found.pop(kind)))}")
    for kind in sorted(found):
        problems.append(f"{kind.replace('_', ' ')}: {'; '.join(sorted(found[kind]))}")
    return problems


_KINDS = (
    ("unknown_label", "labels"),
    ("unknown_type", "event types"),
    ("bad_attribute", "event attributes"),
    ("unknown_role", "roles"),
    ("wrong_label", "role fillers"),
)


def check_source(conn: sqlite3.Connection, source_set: str, schema: Schema, path: Path) -> None:
    """Refuse a source whose set the target could not hold as it is; says what, and that nothing was merged."""
    problems = schema_problems(conn, source_set, schema)
    stray = conn.execute(
        "SELECT count(*) FROM arguments a JOIN events v ON v.id = a.event_id JOIN entities n ON n.id = a.entity_id "
        "WHERE v.annotation_set = ? AND (n.document_id != v.document_id OR n.annotation_set != v.annotation_set)",
        (source_set,),
    ).fetchone()[0]
    if stray:
        problems.append(
            f"{counted(stray, 'argument')} {'points' if stray == 1 else 'point'} at an entity of another document or set"
        )
    if problems:
        raise AnnotatorError(f"{path}: {'; '.join(problems)}; nothing was merged")


@dataclass(frozen=True)
class NearTwin:
    """A document added by a merge whose text is almost (or whose name is exactly) that of one already there."""

    name: str  # the added document
    other: str  # the document the project already had (or another source added earlier in the same merge)
    differing: int | None  # characters that differ (in one place), None when only the names are equal
    offset: int | None = None  # where the difference starts

    def describe(self) -> str:
        if self.differing is None:
            return f"document {self.name!r} has the same name as the project's document {self.other!r} but another text"
        chars = "character" if self.differing == 1 else "characters"
        return (
            f"document {self.name!r} differs from the project's document {self.other!r} in {self.differing} "
            f"{chars} (at offset {self.offset}); added as a separate document"
        )


def _difference(a: str, b: str) -> tuple[int, int]:
    """(characters that differ, where) for texts that differ in one place: common start and end left out."""
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    s = 0
    while s < n - p and a[len(a) - 1 - s] == b[len(b) - 1 - s]:
        s += 1
    return max(len(a), len(b)) - p - s, p


class TwinIndex:
    """Names, lengths and the first and last characters of documents, to find near twins without reading
    every text: a text differing from another in one place keeps either its first or its last WINDOW
    characters (if it has 2·WINDOW + NEAR_LIMIT or more); shorter ones are compared by length."""

    def __init__(self, text_of: Callable[[object], str]) -> None:
        self.text_of = text_of
        self.by_name: dict[str, list[tuple[object, str]]] = defaultdict(list)
        self.by_end: dict[tuple[str, str], list[tuple[object, str, int]]] = defaultdict(list)
        self.short: dict[int, list[tuple[object, str]]] = defaultdict(list)

    def add(self, key: object, name: str, head: str, tail: str, length: int) -> None:
        self.by_name[name].append((key, name))
        if length >= 2 * WINDOW + NEAR_LIMIT:
            self.by_end[("h", head)].append((key, name, length))
            self.by_end[("t", tail)].append((key, name, length))
        else:
            self.short[length].append((key, name))

    def add_text(self, key: object, name: str, text: str) -> None:
        self.add(key, name, text[:WINDOW], text[-WINDOW:], len(text))

    def near(self, name: str, text: str) -> NearTwin | None:
        n = len(text)
        cands: dict[object, str] = {}
        if n >= 2 * WINDOW + NEAR_LIMIT:
            for k in (("h", text[:WINDOW]), ("t", text[-WINDOW:])):
                for key, other, length in self.by_end.get(k, ())[:_MAX_CANDIDATES]:
                    if abs(length - n) <= NEAR_LIMIT:
                        cands[key] = other
        else:
            for length in range(max(0, n - NEAR_LIMIT), n + NEAR_LIMIT + 1):
                for key, other in self.short.get(length, ())[:_MAX_CANDIDATES]:
                    cands[key] = other
        best: NearTwin | None = None
        for key, other in cands.items():
            differing, offset = _difference(text, self.text_of(key))
            if differing <= NEAR_LIMIT and (best is None or differing < (best.differing or 0)):
                best = NearTwin(name, other, differing, offset)
        if best is None and name in self.by_name:
            best = NearTwin(name, self.by_name[name][0][1], None)
        return best


def project_twin_index(conn: sqlite3.Connection, extra: dict[object, str]) -> TwinIndex:
    """The index of a project's documents (keys: ids; texts read only for candidates) plus texts in ``extra``."""

    def text_of(key: object) -> str:
        if key in extra:
            return extra[key]
        return conn.execute("SELECT text FROM documents WHERE id = ?", (key,)).fetchone()[0]

    index = TwinIndex(text_of)
    for id_, name, head, tail, length in conn.execute(
        f"SELECT id, name, substr(text, 1, {WINDOW}), substr(text, -{WINDOW}), length(text) FROM documents"
    ):
        index.add(id_, name, head, tail, length)
    return index
