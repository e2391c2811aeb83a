"""What every export reads and is asked for: the export request, the per-document records (the one export
query, shared by every writer), the report.

- ``ExportRequest``: which annotations (entity and event ``states``, document ``statuses``, ``annotation_set``),
  a ``progress(documents done)`` callback and the format's ``options``; one object instead of the same
  arguments repeated by each writer.
- ``export_writer(name)``: a writer ``write(project, out, request)`` made callable the old way too
  (``write(project, out, states=..., options=...)``); its ``options`` are checked against the format's record.
- ``iter_document_records``: each document as the JSON export's plain dict, read in chunks with a few queries.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping, Sequence

import orjson

from annotator.wording import counted, first_named
from annotator.errors import OptionError
from annotator.formats.json_chunks import event_dicts  # noqa: F401  (the name every export imports from here)
from annotator.formats.schema_names import GivenSpellings, has_spellings
from annotator.formats.set_meta_kept import with_own_meta
from annotator.model import STATUSES, UNFINISHED
from annotator.queries.export_chunks import (
    chunk_arguments,
    chunk_comments,
    chunk_documents,
    chunk_entities,
    chunk_events,
    chunk_tokens,
)
from annotator.set_meta import status_in_set
from annotator.set_status import by_set_status, outside_set, selected_ids, set_statuses
from annotator.store import Project

DEFAULT_STATES = ("suggested", "accepted", "added")
CHUNK = 500


@dataclass(frozen=True)
class ExportRequest:
    """What to export and how; every writer takes one (``states`` also filters events by their state)."""

    states: tuple[str, ...] = DEFAULT_STATES
    statuses: tuple[str, ...] | None = None
    annotation_set: str | None = None
    progress: Callable[[int], None] | None = None
    options: Mapping[str, str] = field(default_factory=dict)
    documents: tuple[int, ...] | None = None  # only these (``export --docs``), of those the statuses select

    def __post_init__(self) -> None:
        object.__setattr__(self, "states", tuple(self.states))
        if self.statuses is not None:
            object.__setattr__(self, "statuses", tuple(self.statuses))
        if self.documents is not None:
            object.__setattr__(self, "documents", tuple(self.documents))
        object.__setattr__(self, "options", dict(self.options or {}))

    @property
    def statuses_list(self) -> list[str] | None:
        return list(self.statuses) if self.statuses is not None else None

    def document_ids(self, project: Project) -> list[int]:
        """The documents this request takes, sorted (``set_status.selected_ids``: a merged set's by its own
        statuses)."""
        return selected_ids(project, self.statuses, self.annotation_set, self.documents)


def check_options(options: dict[str, str] | None, known: tuple[str, ...], fmt: str) -> dict[str, str]:
    """``options`` as a dict, refused (AnnotatorError) when it names a key that is not in ``known``."""
    options = dict(options or {})
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise OptionError(f"{fmt}: unknown option {unknown[0]!r} (known: {', '.join(known) or 'none'})")
    return options


def export_writer(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark ``write(project, out, request)`` as the writer of format ``name``: the request's options are checked
    against the format's record (unknown keys refused), and keyword arguments build the request."""

    def wrap(write: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(write)
        def call(project: Project, out: Any, request: ExportRequest | None = None, **kwargs: Any) -> Any:
            from annotator.formats.registry import FORMATS

            if request is None:
                request = ExportRequest(**kwargs)
            elif kwargs:
                raise TypeError("give an ExportRequest or keyword arguments, not both")
            check_options(request.options, FORMATS[name].options, name)
            return write(project, out, request)

        call.format_name = name  # type: ignore[attr-defined]
        return call

    return wrap


@dataclass
class ExportReport:
    documents: int = 0
    entities: int = 0
    events: int = 0
    bytes: int = 0
    dropped_arguments: list[tuple[str, int, str]] = field(default_factory=list)  # (document, event id, role)

    def summary(self) -> str:
        s = (
            f"{counted(self.documents, 'document')}, {counted(self.entities, 'entity', 'entities')}, "
            f"{counted(self.events, 'event')}, {counted(self.bytes, 'byte')}"
        )
        if self.dropped_arguments:
            s += (
                f"; {counted(len(self.dropped_arguments), 'argument')} left out (their entity's state was not exported)"
            )
        return s


def undecided_counts(
    project: Project,
    statuses: list[str] | None = None,
    annotation_set: str | None = None,
    documents: Sequence[int] | None = None,
) -> tuple[int, int]:
    """(entity, event) suggestions nobody decided in the documents an export with these statuses takes: a format
    without states (spaCy, CoNLL, brat, Prodigy, DyGIE++) writes them as annotations like any other."""
    chosen = by_set_status(project, statuses, annotation_set, documents)
    return project.db.undecided_counts(annotation_set or project.annotation_set, statuses, chosen)


def undecided_only(
    project: Project,
    states: list[str],
    statuses: list[str] | None = None,
    annotation_set: str | None = None,
    documents: Sequence[int] | None = None,
) -> list[str]:
    """The names of the documents an export of ``states`` that leave suggestions out writes without anything though
    they hold suggestions nobody decided ([] when ``states`` take suggestions): a training tool takes such a document
    for a text without any entity or event, where nobody has looked."""
    if "suggested" in states:
        return []
    chosen = by_set_status(project, statuses, annotation_set, documents)
    return project.db.undecided_only(annotation_set or project.annotation_set, states, statuses, chosen)


def partly_decided(
    project: Project,
    states: list[str],
    statuses: list[str] | None = None,
    annotation_set: str | None = None,
    documents: Sequence[int] | None = None,
) -> list[str]:
    """The names of the unfinished documents (new or in progress: the project's status, a merged set's own) an export
    of ``states`` that leave suggestions out writes with some of their entities and events and without the
    suggestions nobody decided beside them ([] when ``states`` take suggestions): a training tool takes each of those
    spans for text without a name or event, where nobody has looked yet."""
    if "suggested" in states:
        return []
    aset = annotation_set or project.annotation_set
    chosen = by_set_status(project, statuses, annotation_set, documents)
    found = project.db.partly_decided(aset, states, statuses, chosen)
    own = set_statuses(project, aset)
    return [name for doc_id, name, status in found if (own.get(doc_id) if own else status) in UNFINISHED]


def spelling_mix(
    project: Project,
    statuses: list[str] | None = None,
    annotation_set: str | None = None,
    documents: Sequence[int] | None = None,
) -> dict[str, Counter[str]]:
    """The labels and event types an export that writes a document's own spellings (``GivenSpellings.of_meta``) would
    write two ways in one file: name -> {as written: how many documents}, for the names whose documents disagree (files
    that spelt ``PERSON`` as ``PER`` and as ``Person``, or documents annotated here, which go out with the schema's
    name, beside imported ones); {} when they agree or none came with spellings of their own."""
    by_set = by_set_status(project, statuses, annotation_set)
    spelt = {
        doc_id: GivenSpellings.of_meta(orjson.loads(meta))
        for doc_id, meta in project.db.metas_with_labels(None if by_set is not None else statuses)
        if has_spellings(meta)
    }
    if not any(g.labels for g in spelt.values()):
        return {}
    names = {n for g in spelt.values() for n in g.labels}
    aset = annotation_set or project.annotation_set
    used = project.db.documents_naming(aset, sorted(names))
    chosen = statuses or documents is not None or by_set is not None
    kept = set(selected_ids(project, statuses, annotation_set, documents)) if chosen else None
    written: dict[str, Counter[str]] = {}
    for doc_id, name in used:
        if kept is None or doc_id in kept:
            g = spelt.get(doc_id)
            written.setdefault(name, Counter())[g.label(name) if g else name] += 1
    return {name: n for name, n in sorted(written.items()) if len(n) > 1}


def spelling_notes(mixed: Mapping[str, Counter[str]]) -> list[str]:
    """What ``spelling_mix`` found, a line a name, as the command line and the app's Export say it."""
    out = []
    for name, ways in mixed.items():
        said = " and ".join(f"{w} ({counted(n, 'document')})" for w, n in ways.most_common())
        out.append(
            f"{name} is written {said}: each document as the file it came from spelt it, a document annotated here "
            "as the schema names it"
        )
    return out


class KeptIds:
    """The ids one export writes where a tool keeps its own (a Label Studio task's, a doccano line's): the id an import
    kept (``meta[key]``), as the tool gave it; else the document's, or, where that is an id another document kept,
    the document's plus the largest document or kept id of the project (unique, and the same in every export of the
    project whatever it selects). A document that never came from the tool took its project id, which could equal a
    kept one: two tasks or lines of one id in one file. An id two documents kept (a file that gave two tasks one id:
    two projects' exports joined) is the first document's; the others' go out as a document's own that another kept
    (session 43: both went out with it, and label-studio-sdk's converter, which names its files by task id, wrote one
    over the other)."""

    def __init__(self, key: str, project: Project | None = None) -> None:
        self.key = key
        kept: set[int] = set()
        self.owner: dict[Any, int] = {}  # a kept id -> the first document that kept it
        for doc_id, raw in project.db.document_metas(containing=key) if project is not None else ():
            given = orjson.loads(raw).get(key) if raw else None
            if isinstance(given, int) and not isinstance(given, bool):
                kept.add(given)
            if isinstance(given, (int, str)) and not isinstance(given, bool):
                self.owner[given] = min(doc_id, self.owner.get(given, doc_id))
        self.kept = kept
        self.top = max([*(project.document_ids() if project is not None else ()), *kept], default=0)

    def of(self, rec: dict[str, Any], report: Any = None) -> Any:
        """The id ``rec`` goes out with; ``report`` (a ``FormatExportReport``) told of a kept id written anew."""
        if self.key in rec["meta"]:
            given = rec["meta"][self.key]
            first = self.owner.get(given, rec["id"]) if isinstance(given, (int, str)) else rec["id"]
            if first == rec["id"] or isinstance(given, bool):
                return given
            if report is not None:
                report.problem(
                    "ids written anew (the file they came from gave another document the same one)",
                    f"{rec['name']}: {given} -> {rec['id'] + self.top}",
                )
            return rec["id"] + self.top
        return rec["id"] + self.top if rec["id"] in self.kept else rec["id"]


def nothing_selected(
    project: Project,
    statuses: list[str] | None = None,
    annotation_set: str | None = None,
    documents: Sequence[int] | None = None,
) -> str | None:
    """Why an export with these statuses (of ``annotation_set``: a merged set's own; of ``documents`` where given)
    would hold no document (said before anything is written: an empty corpus written with success went on to train on
    nothing), else None."""
    if selected_ids(project, statuses, annotation_set, documents):
        return None
    if documents is not None and len(outside := outside_set(project, annotation_set, documents)) == len(set(documents)):
        names = [project.document(d).name for d in outside[:3]] + [""] * max(0, len(outside) - 3)
        return (
            f"{project.path}: set {annotation_set or project.annotation_set!r} has no document named by --docs "
            f"({first_named(names, 3)}): the file it was merged from did not have "
            f"{'it' if len(outside) == 1 else 'them'}; nothing was written"
        )
    if documents is not None and statuses and selected_ids(project, statuses, annotation_set):
        have = Counter(_status_of(project, annotation_set, documents))
        return (
            f"{project.path}: no document named by --docs ({counted(len(documents), 'document')}) has status "
            f"{' or '.join(statuses)} (their statuses: {', '.join(f'{have[s]:,} {s}' for s in STATUSES if have[s])}); "
            "nothing was written"
        )
    if not statuses:
        return f"{project.path}: the project has no documents to export; nothing was written"
    if (own := set_statuses(project, annotation_set or project.annotation_set)) and statuses:
        counts = Counter(own.values())
        have = ", ".join(f"{counts[s]:,} {s}" for s in STATUSES if counts[s])
        return (
            f"{project.path}: no document with status {' or '.join(statuses)} in set "
            f"{annotation_set or project.annotation_set!r} to export (its file had {have}; stats --set counts them); "
            "nothing was written"
        )
    have = ", ".join(f"{len(ids):,} {s}" for s in STATUSES if (ids := project.document_ids([s])))
    return (
        f"{project.path}: no document with status {' or '.join(statuses)} to export (the project has {have}; "
        "annotator status marks them); nothing was written"
    )


def _status_of(project: Project, annotation_set: str | None, documents: Sequence[int]) -> list[str]:
    """The statuses of ``documents`` in ``annotation_set`` (a merged set's own: ``set_meta.status_in_set``)."""
    aset, named = annotation_set or project.annotation_set, set(documents)
    return [status_in_set(s, m, aset) for d, s, m in project.db.document_statuses() if d in named]


def iter_document_records(
    project: Project,
    states: tuple[str, ...] | list[str] = DEFAULT_STATES,
    statuses: list[str] | None = None,
    annotation_set: str | None = None,
    report: ExportReport | None = None,
    progress: Callable[[int], None] | None = None,
    ids: list[int] | None = None,
    tokens: bool = False,
) -> Iterator[dict[str, Any]]:
    """Each document as the export's plain dict, read in chunks with a few queries each; ``tokens``: with its stored
    tokens (``"tokens"``: their ``source``, ``starts``, ``ends`` and ``sentence_starts``; the project's JSON and JSONL
    exports write them, so that a document read back is cut as it was), where it has them.

    ``progress(report.documents)`` is called once the caller has handled each document; ``ids``: only these
    documents (a range of ``selected_ids(project, statuses, annotation_set)``), in that order.
    """
    conn = project.db.streaming_connection()
    aset = annotation_set or project.annotation_set
    states = tuple(states)
    report = report if report is not None else ExportReport()
    ids = selected_ids(project, statuses, annotation_set) if ids is None else ids
    for k in range(0, len(ids), CHUNK):
        chunk = ids[k : k + CHUNK]
        docs = chunk_documents(conn, chunk)
        texts = {d[0]: d[2] for d in docs}
        ents: dict[int, list[dict[str, Any]]] = {}
        doc_id, text, bucket = None, "", []  # rows come grouped by document: one dict per row, one pass
        for eid, did, start, end, label, state, source, who, edited, score in chunk_entities(conn, chunk, aset, states):
            if did != doc_id:
                doc_id, text, bucket = did, texts[did], []
                ents[did] = bucket
            bucket.append(
                {
                    "id": eid,
                    "start": start,
                    "end": end,
                    "label": label,
                    "text": text[start:end],
                    "state": state,
                    "source": source,
                    "annotator": who,
                    "edited": bool(edited),
                    "score": score,
                }
            )
        events, args, comments = chunk_extras(conn, chunk, aset, states)
        stored = stored_tokens(conn, chunk) if tokens else {}
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
                "status": status_in_set(d[4], d[5], aset),  # a merged set's own (its file's)
                "meta": _as_set_has_it(orjson.loads(d[5] or "{}"), aset),
                # the file began with a byte order mark (stripped from the text): said only then (format version 5)
                **({"bom": True} if d[6] else {}),
                **({"tokens": stored[d[0]]} if d[0] in stored else {}),
                "entities": entity_rows,
                "events": out_events,
                "comments": comments.get(d[0], []),
            }
            if progress:
                progress(report.documents)


def request_records(
    project: Project, request: ExportRequest, report: ExportReport, ids: list[int] | None = None
) -> Iterator[dict[str, Any]]:
    """``iter_document_records`` of what ``request`` asks for (its states, statuses, set and progress; its
    documents, ``ExportRequest.document_ids``, unless ``ids`` names them): every writer's records, read one way."""
    ids = request.document_ids(project) if ids is None else ids
    return iter_document_records(
        project, request.states, request.statuses_list, request.annotation_set, report, request.progress, ids
    )


def stored_tokens(conn: Any, chunk: list[int]) -> dict[int, dict[str, Any]]:
    """The stored tokens of the documents ``chunk``, by document id, as the JSON export writes them."""
    return {
        did: {
            "source": p,
            "starts": orjson.loads(a),
            "ends": orjson.loads(b),
            "sentence_starts": orjson.loads(c or "[]"),
            **({"noun_heads": orjson.loads(h)} if h else {}),  # the parse's noun heads, where stored (session 33)
            # and the version of the rules that found them (migration 13), so a project read back says older ones
            # as the one exported did, and no others (session 42)
            **({"heads_version": v} if h and v is not None else {}),
        }
        for did, p, a, b, c, h, v in chunk_tokens(conn, chunk)
    }


def chunk_extras(
    conn: Any, chunk: list[int], aset: str, states: tuple[str, ...]
) -> tuple[dict[int, list], dict[int, list], dict[int, list]]:
    """The event rows, argument rows (by event id) and comments of the documents ``chunk``, by document id:
    the export's reads besides documents and entities (shared by ``iter_document_records`` and the DocBin's
    array reader)."""
    events: dict[int, list] = {}
    for r in chunk_events(conn, chunk, aset, states):
        events.setdefault(r[1], []).append(r)
    args: dict[int, list] = {}
    for r in chunk_arguments(conn, chunk, aset, states):
        args.setdefault(r[0], []).append(r)
    comments: dict[int, list] = {}
    for r in chunk_comments(conn, chunk):
        comments.setdefault(r[0], []).append({"author": r[1], "text": r[2], "created_at": r[3]})
    return events, args, comments


SETS_KEY = "annotation_sets"  # teams.sets.META_KEY: the annotators' sets that cover a document (merge, imports)


def _as_set_has_it(meta: dict[str, Any], aset: str) -> dict[str, Any]:
    """A document's meta as the annotation set ``aset`` has it: her own relations and choices where an import kept
    them in her set's record (``set_meta_kept``), the document's otherwise."""
    covers = meta.get(SETS_KEY)
    return with_own_meta(meta, covers.get(aset)) if isinstance(covers, dict) and aset in covers else meta


def covering_set_records(project: Project, request: "ExportRequest", rec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The records of the annotators' sets that cover ``rec``'s document (``meta["annotation_sets"]``, written by a
    merge or by an import of several annotators' work), the exported set (``request.annotation_set``) apart, for the
    formats that hold several annotators' work of a document (Label Studio's annotations, Prodigy's review versions).
    """
    covers = rec["meta"].get(SETS_KEY)
    exported = request.annotation_set or project.annotation_set
    out = {}
    for name in covers if isinstance(covers, dict) else ():
        if name != exported:
            got = iter_document_records(project, request.states, None, name, ExportReport(), ids=[rec["id"]])
            out[name] = next(got)
    return out
