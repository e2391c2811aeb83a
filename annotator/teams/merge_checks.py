"""What merge checks in a source before writing anything: the target's schema, the arguments, near-twin documents."""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

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
from annotator.store import Project
from annotator.wording import counted

NEAR_LIMIT = 10  # documents whose texts differ in at most this many characters (in one place) are near twins


def schema_problems(source: Project, source_set: str, schema: Schema) -> list[str]:
    """Everything of the source set the target's schema does not allow, by ``annotator.rules`` (the rules edits
    enforce): labels, event types, attribute values, roles and the labels of the entities filling them. What
    the rules allow while working (a required role left empty, ...) is let in, as an import lets it in."""
    found: dict[str, set[str]] = {}

    def note(breaches, name: str | None = None) -> None:  # type: ignore[no-untyped-def]
        for b in breaches:
            if b is not None and b.kind not in ALLOWED_WHILE_WORKING:
                found.setdefault(b.kind, set()).add(name or b.message)  # a label or type: its name says it all

    db = source.db
    for label in db.labels_in_set(source_set):
        note([label_breach(schema, label)], label)
    for type_ in db.event_types_in_set(source_set):
        note([event_type_breach(schema, type_)], type_)
    for attrs in db.attributes_in_set(source_set):
        note(attribute_breaches(schema, orjson.loads(attrs or "{}") or {}))
    for type_, role, label in db.fillers_in_set(source_set):
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


def check_source(source: Project, source_set: str, schema: Schema, path: Path) -> None:
    """Refuse a source whose set the target could not hold as it is; says what, and that nothing was merged."""
    problems = schema_problems(source, source_set, schema)
    stray = source.db.stray_arguments(source_set)
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


def _common_prefix(a: str, b: str, most: int) -> int:
    """How many first characters (at most ``most``) ``a`` and ``b`` share: a bisection of slice comparisons (C
    speed; a loop over 3,000 characters a pair, in Python, was most of a merge's time)."""
    lo, hi = 0, most
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, most: int) -> int:
    """How many last characters (at most ``most``) ``a`` and ``b`` share."""
    lo, hi, la, lb = 0, most, len(a), len(b)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _difference(a: str, b: str) -> tuple[int, int]:
    """(characters that differ, where) for texts that differ in one place: common start and end left out."""
    n = min(len(a), len(b))
    p = _common_prefix(a, b, n)
    s = _common_suffix(a, b, n - p)
    return max(len(a), len(b)) - p - s, p


def _half(length: int, grid: int = NEAR_LIMIT) -> int:
    """The grid step ``c`` of a text's half: ``c·grid`` characters at most ``(length - NEAR_LIMIT) / 2``."""
    return max(0, length - NEAR_LIMIT) // (2 * grid)


_Bucket = tuple[str, int, int]  # ("h" or "t", grid step, hash of the text's first or last step·grid characters)


class TwinIndex:
    """Finds, for a text, the first document (in the order they were added) whose text differs from it in at
    most NEAR_LIMIT characters in one place, else the first of the same name.

    Two such texts share a start and an end of together all but NEAR_LIMIT characters, so one of the two is at
    least half of the text: each text is indexed by a hash of its first and of its last ``_half(len)·grid``
    characters (a bucket), and looked up by its own and the neighbouring steps (lengths within NEAR_LIMIT are
    within one step). Only texts sharing half their text with it are candidates, in the order they were added, up
    to the first near twin: every near twin is found (the index is exact), and documents that merely share a
    header or a footer are never compared. A bucket of more than ``REFINE_AT`` texts (texts sharing half their
    text: one agency's items whose boilerplate is more than half of each, a template with one slot) whose lookup
    compared more than ``REFINE_AT`` of them without a twin is not compared text by text any more: it gets an index
    of its own over the rest of each of its texts (what follows the shared start, or precedes the shared end), in
    which two texts differ exactly as the whole texts do; and so on down, each level on a text half as long (texts
    that meet a twin at once, all twins of the first, need none: each text would be in two indexes a level). Texts under 3·NEAR_LIMIT characters (one bucket at the grid of NEAR_LIMIT:
    sentences as documents) are indexed on a grid of 1 character in theirs. Until session 13 the index was the
    first and last 32 characters, and up to 200 texts sharing them were compared with each: 3,000 texts differing
    in a number spent 220 s in 579,900 comparisons; until session 14 a bucket was compared text by text: 2,000
    items of one agency whose header was 3/4 of each spent 52 s, growing as the square of their number.
    (MinHash, e.g. ``datasketch``, finds similar texts by chance and by shared words; a near twin here is a
    stricter, exact relation that these keys decide.)
    """

    REFINE_AT = 8  # a bucket of more texts than this, a lookup of which compared more, gets an index of their rests

    def __init__(self, text_of: Callable[[object], str], grid: int = NEAR_LIMIT, cut: tuple[int, int] = (0, 0)) -> None:
        self.text_of = text_of  # a text by its key in the outermost index (in a bucket's index too)
        self.grid = grid  # characters a step: NEAR_LIMIT, or 1 in an index of short texts
        # what a bucket's index (and those under it) leaves off each text: characters off its start and its end, the
        # same for every text of the bucket (one slice of the text read, not one a level)
        self.cut = cut
        self.order: list[tuple[object, str, int]] = []  # (key, name, length) in the order added
        self.outer: list[object] = []  # each text's key in the outermost index (in one: its key)
        self.by_name: dict[str, int] = {}
        self.by_half: dict[_Bucket, list[int]] = defaultdict(list)
        self.rests: dict[_Bucket, TwinIndex] = {}  # a large bucket's own index of its texts' rests (keys: positions)
        self.steps: set[int] = set()  # the grid steps of the texts added: only those are looked up

    def add_text(self, key: object, name: str, text: str) -> None:
        self._add(key, name, text, key)

    def _add(self, key: object, name: str, text: str, outer: object) -> None:
        at = len(self.order)
        self.order.append((key, name, len(text)))
        self.outer.append(outer)
        self.by_name.setdefault(name, at)
        c = _half(len(text), self.grid)
        self.steps.add(c)
        width = c * self.grid
        for bucket in _sides(text, c, width):
            members = self.by_half[bucket]
            members.append(at)
            rests = self.rests.get(bucket)
            if rests is not None:
                rests._add(at, "", _rest(text, bucket, self.grid), outer)

    def _refine(self, bucket: _Bucket) -> None:
        """Give ``bucket`` an index of its texts' rests (what follows their shared start, or precedes their end)."""
        side, step, _ = bucket
        head, tail = self.cut
        width = step * self.grid
        cut = (head + width, tail) if side == "h" else (head, tail + width)
        self.rests[bucket] = rests = type(self)(self.text_of, self.grid if step > 0 else 1, cut)
        for m in self.by_half[bucket]:
            rests._add(m, "", _rest(self._text(m), bucket, self.grid), self.outer[m])

    def _text(self, at: int) -> str:
        text = self.text_of(self.outer[at])
        head, tail = self.cut
        return text[head : len(text) - tail] if head or tail else text

    def _buckets(self, text: str) -> Iterator[_Bucket]:
        n, c = len(text), _half(len(text), self.grid)
        reach = -(-NEAR_LIMIT // (2 * self.grid))  # steps of texts up to NEAR_LIMIT longer or shorter
        for step in range(max(0, c - reach), c + reach + 1):
            width = step * self.grid
            if width <= n and step in self.steps:  # (at a grid of 1, 11 steps a side: most hold no text)
                yield from _sides(text, step, width)

    def _twin(self, text: str, at: int) -> tuple[int, int] | None:
        """(characters differing, where) when the text at ``at`` is a near twin of ``text``."""
        if abs(self.order[at][2] - len(text)) > NEAR_LIMIT:
            return None
        differing, offset = _difference(text, self._text(at))
        return (differing, offset) if differing <= NEAR_LIMIT else None

    def first(self, text: str, before: int | None = None) -> tuple[int, tuple[int, int]] | None:
        """(position, (differing, offset)) of the first near twin of ``text`` added (of those before position
        ``before``), or None. A bucket's index is asked only for twins before the best found so far: texts that are
        all twins of the first (3,000 of them) searched every bucket's index down to the bottom, 300 comparisons a
        text."""
        bound = len(self.order) if before is None else before  # the first twin is before it
        best: tuple[int, tuple[int, int]] | None = None
        lists, looked = [], []
        for bucket in self._buckets(text):
            if not bound:
                break
            rests = self.rests.get(bucket)
            if rests is not None:  # its positions follow this index's: the bound is the first of them at it or after
                found = rests.first(_rest(text, bucket, self.grid), bisect_left(rests.order, bound, key=_position))
                if found is not None:
                    at = rests.order[found[0]][0]
                    seen = self._twin(text, at)  # type: ignore[arg-type]
                    if seen is None:  # two halves with one hash (never seen): the bucket compared text by text
                        lists.append(self.by_half[bucket])
                    else:
                        best, bound = (at, seen), at  # type: ignore[assignment]
            elif bucket in self.by_half:
                lists.append(self.by_half[bucket])
                looked.append(bucket)
        last, compared = -1, 0
        for at in heapq.merge(*lists):  # each list is in the order added: so is the merge (lazily)
            if at >= bound:
                break
            if at != last:
                last, compared = at, compared + 1
                seen = self._twin(text, at)
                if seen is not None:
                    best = at, seen  # before the bound: the first
                    break
        if compared > self.REFINE_AT:  # long lists without an early twin: those of more than REFINE_AT texts get an
            for bucket in looked:  # index of their rests (never a step of 0 on a grid of 1: texts of 11 characters
                if len(self.by_half[bucket]) > self.REFINE_AT and (bucket[1] > 0 or self.grid > 1):  # at most, twins)
                    self._refine(bucket)
        return best

    def near(self, name: str, text: str) -> NearTwin | None:
        found = self.first(text)
        if found is not None:
            at, (differing, offset) = found
            return NearTwin(name, self.order[at][1], differing, offset)
        if name in self.by_name:
            return NearTwin(name, self.order[self.by_name[name]][1], None)
        return None


def _sides(text: str, step: int, width: int) -> tuple[_Bucket, ...]:
    """The buckets of ``text`` at ``step`` (``width`` characters): its first and its last ``width`` characters; at a
    step of 0 one bucket, of every text (its start and its end would be two buckets of the same texts, each with
    an index of their rests: sentences as documents were all indexed twice, every level down)."""
    if not width:
        return (("h", step, 0),)
    return ("h", step, hash(text[:width])), ("t", step, hash(text[len(text) - width :]))


def _position(entry: tuple[object, str, int]) -> int:
    """A bucket's index's entry: the text's position in the index above (its key there)."""
    return entry[0]  # type: ignore[return-value]


def _rest(text: str, bucket: _Bucket, grid: int) -> str:
    """What of ``text`` is not the bucket's shared start (``"h"``) or end (``"t"``)."""
    side, step, _ = bucket
    width = step * grid
    return text[width:] if side == "h" else text[: len(text) - width]


def project_twin_index(
    project: Project, extra: dict[object, str], progress: Callable[[int, int], None] | None = None
) -> TwinIndex:
    """The index of a project's documents in id order (keys: ids; texts read again only for candidates) plus,
    as they are added, texts in ``extra``. ``progress(texts read, of)``: 0 first, then one more a document (a
    Ctrl+C there stops a merge before anything is written, as in its other stages)."""

    def text_of(key: object) -> str:
        if key in extra:
            return extra[key]
        return project.db.document_text(key)  # type: ignore[arg-type,return-value]

    step = progress or (lambda done, total: None)
    total = project.db.document_count()
    step(0, total)
    index = TwinIndex(text_of)
    for done, (id_, name, text) in enumerate(project.db.named_texts(), start=1):
        index.add_text(id_, name, text)
        step(done, total)
    return index
