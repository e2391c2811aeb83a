"""Pre-annotation: run a spaCy pipeline over documents and store suggestions and tokens, sparing human decisions."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterator

import orjson

from annotator.errors import DamagedTextError, ValidationError
from annotator.lease import Lease, check_free, held
from annotator.model import FINISHED
from annotator.graphemes import ClusterEdges
from annotator.nlp import CHUNK_CHARS, NOUN_HEADS_VERSION, Parsed, Pipeline, load_pipeline, to_parsed  # a cancel waits
from annotator.schema import Schema, default_schema
from annotator.pipeline_names import AdoptedNames, RenamedSuggester
from annotator.store import Project, now
from annotator.text_pieces import piece_bounds
from annotator.learn.decision_prior import types_nobody_keeps
from annotator.suggest.decided import DecidedSuggester
from annotator.suggest.place_spans import REGION_LABELS
from annotator.suggest.types import EventSuggester, EventSuggestion
from annotator.preannotate_report import PreannotateReport
from annotator.suggest.writer import (
    clear_undecided,
    held_for_arguments,
    known_entities,
    write_left_over,
    write_entities,
    write_events,
)


@dataclass
class Chosen:
    """The documents a pre-annotation runs over, and those it leaves alone."""

    ids: list[int]
    kept_imported: int = 0  # never pre-annotated, with an import's predictions (only_new)
    kept_finished: int = 0  # annotated or reviewed (unless finished=True)
    kept_old: int = 0  # pre-annotated before (only_new)


def choose_documents(
    project: Project, doc_ids: list[int] | None = None, only_new: bool = False, finished: bool = False
) -> Chosen:
    """The one rule of which documents a pre-annotation touches (the command's, the API's and the app's): all, or
    ``doc_ids``; with ``only_new`` those never pre-annotated that came without suggestions; and, unless
    ``finished``, none annotated or reviewed (a run after training refreshes unfinished documents' suggestions,
    never what a finished one's annotator settled)."""
    ids = doc_ids if doc_ids is not None else project.document_ids()
    held: list[int] = []
    old = 0
    if only_new:  # never pre-annotated; one that came with suggestions (an import's predictions) keeps them
        new, held = project.db.new_documents(project.annotation_set)
        fresh, kept = set(new), set(held)
        old = sum(1 for i in ids if i not in fresh and i not in kept)
        ids = [i for i in ids if i in fresh]
    left = 0
    if not finished:
        done = set(project.document_ids(list(FINISHED)))
        left = sum(1 for i in ids if i in done)
        ids = [i for i in ids if i not in done]
    return Chosen(ids, len(held), left, old)


def store_parsed(
    project: Project,
    doc_id: int,
    parsed: Parsed,
    source: str,
    report: PreannotateReport,
    events: list[EventSuggestion] | None = None,
    event_source: str = "",
    names: AdoptedNames | None = None,
) -> None:
    """Replace a document's undecided suggestions and tokens with new ones (inside the open transaction).

    ``events`` None means this run suggests no events: event suggestions already there are left alone. ``names``:
    the pipeline's labels as the project's schema spells them (``PERSON`` as ``PER``).
    """
    clear_undecided(project, doc_id, report.counts, events=events is not None)
    spans, scores = parsed.entities, parsed.scores
    if names is not None and names.labels:
        spans = [(s, e, names.label(label)) for s, e, label in parsed.entities]
        scores = {(s, e, names.label(label)): v for (s, e, label), v in (parsed.scores or {}).items()}
    regions = names.labels_for(REGION_LABELS) if names is not None else REGION_LABELS
    spans, held = held_for_arguments(spans, events or (), regions)
    write_entities(project, doc_id, spans, source, report.counts, scores)
    if events is not None:
        write_events(project, doc_id, events, event_source, report.counts)
    if held:  # an amount or a place no event's argument took in a span of its own: as the pipeline read it
        write_left_over(project, doc_id, held, source, report.counts, scores)
    store_tokens(project, doc_id, parsed, source, report)


def store_tokens(project: Project, doc_id: int, parsed: Parsed, source: str, report: PreannotateReport) -> None:
    """Store (replace) a document's tokens and sentences as ``source`` cut them, and its noun heads when it was
    parsed (inside the open transaction)."""
    project.db.insert_tokens(
        doc_id,
        source,
        orjson.dumps(parsed.token_starts).decode(),
        orjson.dumps(parsed.token_ends).decode(),
        orjson.dumps(parsed.sentence_starts).decode(),
        replace=True,
        noun_heads=orjson.dumps(parsed.noun_heads).decode() if parsed.noun_heads else None,
        heads_version=NOUN_HEADS_VERSION,
    )
    report.words += len(parsed.token_starts)
    report.documents += 1


BATCH_CHARS = 100_000  # a batch is also saved once its documents hold this many characters (a 1 MB one: alone)


def _pieces(text: str) -> list[tuple[int, str]]:
    """(offset, piece) cuts of a long text, at a line break or a space in the second half of each piece."""
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    return [(start, text[start:end]) for start, end in piece_bounds(text, CHUNK_CHARS)]


def _docs_in_groups(pipe: Pipeline, pieces: Iterator[str], batch_size: int, n_process: int) -> Iterator[Any]:
    """The Docs of ``pieces``, given to spaCy a group at a time (at most ``batch_size`` pieces and about CHUNK_CHARS
    characters: one piece of a long text, or many short texts), so that ``pieces`` (which asks the cancel) is read
    between groups. One ``nlp.pipe`` over the whole stream read ``batch_size`` pieces at once (its trained components
    batch), and a 2 MB text's 10 pieces all went in before the first check. Worker processes (``n_process`` > 1)
    take the stream as one, started once."""
    if n_process != 1:
        yield from pipe.docs(pieces, batch_size=batch_size, n_process=n_process)
        return
    while True:
        group: list[str] = []
        size = 0
        for piece in pieces:
            group.append(piece)
            size += len(piece)
            if len(group) >= batch_size or size >= CHUNK_CHARS:
                break
        if not group:
            return
        yield from pipe.docs(group, batch_size=batch_size)


# (text index, Doc, offset, the piece's length, its entities in its offsets) -> events, in the text's offsets
EventsOfPiece = Callable[[int, Any, int, int, list[tuple[int, int, str]]], list[EventSuggestion]]


def parse_in_pieces(
    pipe: Pipeline,
    texts: Iterator[str],
    batch_size: int,
    n_process: int,
    suggest: EventsOfPiece | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[tuple[Parsed, list[EventSuggestion] | None]]:
    """One Parsed per text (with ``suggest``'s events, else None); a long text is parsed piece by piece and joined
    (an entity or event across a cut is lost). Docs are streamed: none is kept once its piece is read.

    ``cancelled`` is asked before each piece goes to spaCy: once it says so no more is read, and a text whose
    pieces were not all parsed gives nothing (a long document stops within a piece, not at its end).
    """
    plan: deque[tuple[int, int, str, bool]] = deque()  # (text index, offset, piece, last piece of its text)

    def pieces() -> Iterator[str]:
        for index, text in enumerate(texts):
            parts = _pieces(text)
            for k, (offset, piece) in enumerate(parts):
                if cancelled is not None and cancelled():
                    return
                plan.append((index, offset, piece, k == len(parts) - 1))
                yield piece

    ents: list[tuple[int, int, str]] = []
    scores: dict[tuple[int, int, str], float] = {}
    starts: list[int] = []
    ends: list[int] = []
    sents: list[int] = []
    heads: list[tuple[int, int]] = []
    events: list[EventSuggestion] = []
    for doc in _docs_in_groups(pipe, pieces(), batch_size, n_process):
        index, offset, piece, last = plan.popleft()
        parsed = to_parsed(doc, piece)  # no edge inside a grapheme cluster (a piece is cut at a space: none across)
        base = len(starts)
        ents += [(s + offset, e + offset, label) for s, e, label in parsed.entities]
        scores.update({(s + offset, e + offset, label): v for (s, e, label), v in parsed.scores.items()})
        starts += [s + offset for s in parsed.token_starts]
        ends += [e + offset for e in parsed.token_ends]
        sents += [k + base for k in parsed.sentence_starts]
        heads += [(s + offset, e + offset) for s, e in parsed.noun_heads]
        if suggest is not None:
            events += _kept_whole(suggest(index, doc, offset, len(piece), parsed.entities), piece, offset)
        if last:
            yield Parsed(ents, starts, ends, sents, scores, heads), (events if suggest is not None else None)
            ents, starts, ends, sents, events, scores, heads = [], [], [], [], [], {}, []


def _kept_whole(events: list[EventSuggestion], piece: str, offset: int) -> list[EventSuggestion]:
    """``events`` (in the text's offsets) with their triggers and arguments widened to whole grapheme clusters of
    ``piece`` (which starts at ``offset``): a trigger or argument the parser's tokens cut stays whole."""
    edges = ClusterEdges(piece)
    if edges.whole:
        return events

    def whole(start: int, end: int) -> tuple[int, int]:
        a, b = edges.widen(start - offset, end - offset)
        return a + offset, b + offset

    out = []
    for sug in events:
        args = []
        for arg in sug.arguments:
            start, end = whole(arg.start, arg.end)
            args.append(replace(arg, start=start, end=end))
        start, end = whole(sug.trigger_start, sug.trigger_end)
        out.append(replace(sug, trigger_start=start, trigger_end=end, arguments=tuple(args)))
    return out


def _shifted(sug: EventSuggestion, offset: int) -> EventSuggestion:
    if not offset:
        return sug
    args = tuple(replace(a, start=a.start + offset, end=a.end + offset) for a in sug.arguments)
    return replace(sug, trigger_start=sug.trigger_start + offset, trigger_end=sug.trigger_end + offset, arguments=args)


def _piece_events(
    project: Project, ids: list[int], suggester: EventSuggester, names: AdoptedNames | None = None
) -> EventsOfPiece:
    """Run ``suggester`` on a parsed piece with the entities known there (``known_entities``: those a person
    decided on and the pipeline's new ones), in the piece's offsets; the events come back in the text's."""

    def suggest(
        index: int, doc: Any, offset: int, length: int, ents: list[tuple[int, int, str]]
    ) -> list[EventSuggestion]:
        end = offset + length  # the piece's text (Doc.text would join a string per token)
        new = [(s + offset, e + offset, names.label(label) if names else label) for s, e, label in ents]
        known = [
            (s - offset, e - offset, label)
            for s, e, label in known_entities(project, ids[index], new)
            if offset <= s and e <= end
        ]
        return [_shifted(sug, offset) for sug in suggester.suggest(doc, known)]

    return suggest


def default_event_suggester(schema: Schema, names: AdoptedNames | None = None) -> EventSuggester | None:
    """The rule-based suggester for a schema with event types; None when it has none. A schema whose types list no
    trigger words but are the news schema's ACE types under other names (``names``: one adopted from an ACE brat
    corpus's annotation.conf) gets the news schema's, its suggestions renamed."""
    if not schema.events:
        return None
    from annotator.suggest.event_rules import RuleEventSuggester

    if names is not None and names.suggests_events:
        return RenamedSuggester(RuleEventSuggester(names.base), names)
    return RuleEventSuggester(schema)


def with_decisions(project: Project, suggester: EventSuggester) -> tuple[EventSuggester, tuple[str, ...]]:
    """``suggester`` without the event types nobody keeps in the project's set (``learn.decision_prior``), and those
    types, sorted; the suggester itself when there are none."""
    left_out = types_nobody_keeps(project.db.event_type_decisions(project.annotation_set))
    if not left_out:
        return suggester, ()
    return DecidedSuggester(suggester, left_out), tuple(sorted(left_out))


def _texts(project: Project, ids: list[int]) -> Iterator[str]:
    """The texts of ``ids`` in order, read 256 at a time; a damaged one (not UTF-8) is a ``DamagedTextError``."""
    for k in range(0, len(ids), 256):
        chunk = ids[k : k + 256]
        with DamagedTextError.raised_for(project.path):
            rows = project.db.texts_of(chunk)
        for i in chunk:
            yield rows[i]


def preannotate(
    project: Project,
    pipeline: Pipeline | str | None = None,
    doc_ids: list[int] | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    only_new: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    event_suggester: EventSuggester | None = None,
    suggest_events: bool = True,
    finished: bool = False,
    tokens_only: bool = False,
) -> PreannotateReport:
    """Suggest entities, and events where the schema has event types, for documents (all, or ``doc_ids``, as
    ``choose_documents`` picks them: annotated and reviewed ones only with ``finished``); one transaction per batch
    of documents.

    Events come from ``event_suggester``, else from the rule-based one when the pipeline parses; a pipeline
    given by name is loaded with the components events need only when the schema has event types.

    ``tokens_only``: store the pipeline's tokens and sentences for the documents (all, or ``doc_ids``) that have no
    stored tokens, finished ones too, and suggest nothing: a gold corpus imported as annotated, before a token
    export, is cut as the pipeline cuts (the export's fallback would cut ``Merkel's`` as ``Merkel``, ``'``, ``s``)
    without a suggestion added to what its annotators settled.
    """
    for name, value in (("batch_size", batch_size), ("n_process", n_process)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"{name} must be a whole number of at least 1, not {value!r}")
    wants_events = suggest_events and bool(project.schema.events) and not tokens_only
    check_free(project)  # another run under way: said before the seconds of loading a pipeline
    pipe = pipeline if isinstance(pipeline, Pipeline) else load_pipeline(pipeline, events=wants_events)
    with held(project) as lease:  # one pre-annotation of the project at a time (annotator.lease)
        return _run(
            project,
            pipe,
            lease,
            doc_ids,
            batch_size,
            n_process,
            only_new,
            progress,
            cancelled,
            event_suggester,
            wants_events,
            finished,
            tokens_only,
        )


def _run(
    project: Project,
    pipe: Pipeline,
    lease: Lease,
    doc_ids: list[int] | None,
    batch_size: int,
    n_process: int,
    only_new: bool,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    event_suggester: EventSuggester | None,
    wants_events: bool,
    finished: bool,
    tokens_only: bool,
) -> PreannotateReport:
    """``preannotate``'s run with the pipeline loaded and the lease held."""
    if tokens_only:
        without = set(project.db.documents_without_tokens())
        chosen = Chosen([i for i in (doc_ids if doc_ids is not None else project.document_ids()) if i in without])
    else:
        chosen = choose_documents(project, doc_ids, only_new, finished)
    ids = chosen.ids
    report = PreannotateReport(
        pipeline=pipe.source,
        kept_imported=chosen.kept_imported,
        kept_finished=chosen.kept_finished,
        tokens_only=tokens_only,
        only_new=only_new and not tokens_only,
        kept_old=chosen.kept_old,
    )
    suggester = None
    names = AdoptedNames(project.schema, default_schema())  # the pipeline's labels as the schema spells them (PER)
    if wants_events:
        suggester = event_suggester or (default_event_suggester(project.schema, names) if pipe.parses else None)
        if suggester is None:
            report.events_not_suggested = "the pipeline has no parser"
        elif (
            event_suggester is None and not names.suggests_events and not any(t.triggers for t in project.schema.events)
        ):
            report.events_not_suggested = (
                "the schema's event types list no trigger words and none is one of the news schema's ACE types"
            )
    if suggester is not None:
        suggester, report.types_left_out = with_decisions(project, suggester)
    report.event_source = suggester.source if suggester is not None else ""
    started = now()
    pending: list[tuple[int, Parsed, list[EventSuggestion] | None]] = []

    def flush() -> None:
        with project.transaction():
            lease.beat_in_transaction()
            for doc_id, parsed, events in pending:
                if tokens_only:
                    store_tokens(project, doc_id, parsed, pipe.source, report)
                else:
                    store_parsed(project, doc_id, parsed, pipe.source, report, events, report.event_source, names)
        pending.clear()
        if progress:
            progress(report.documents, len(ids))

    suggest = _piece_events(project, ids, suggester, names) if suggester is not None else None

    def asked() -> bool:  # between groups of pieces: the heartbeat of a long document's run, then the cancel
        lease.beat()
        return bool(cancelled and cancelled())

    parsed_docs = parse_in_pieces(pipe, _texts(project, ids), batch_size, n_process, suggest, asked)
    pending_chars = 0
    for doc_id, (parsed, events) in zip(ids, parsed_docs):
        pending.append((doc_id, parsed, events))
        pending_chars += parsed.token_ends[-1] if parsed.token_ends else 0
        if len(pending) >= batch_size or pending_chars >= BATCH_CHARS:
            pending_chars = 0
            flush()
            if cancelled and cancelled():
                report.cancelled = True
                break
    if cancelled and cancelled():
        report.cancelled = True
    if pending:
        flush()
    if tokens_only:  # no suggestions: not a pre-annotation run (stats' "last pre-annotation" stays as it was)
        return report
    with project.transaction():
        project.db.record_pipeline_run(
            started,
            now(),
            *pipe.run_record,
            report.documents,
            report.suggestions,
            orjson.dumps(dict(report.skipped_labels)).decode(),
        )
    return report
