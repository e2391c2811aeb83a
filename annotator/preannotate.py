"""Pre-annotation: run a spaCy pipeline over documents and store suggestions and tokens, sparing human decisions."""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Callable, Iterator

import orjson

from annotator.nlp import Parsed, Pipeline, load_pipeline
from annotator.store import Project, now


@dataclass
class PreannotateReport:
    pipeline: str = ""
    documents: int = 0
    words: int = 0
    suggestions: int = 0
    replaced: int = 0
    kept_human: int = 0
    skipped_labels: Counter = field(default_factory=Counter)
    cancelled: bool = False

    def summary(self) -> str:
        s = (
            f"{self.documents} documents, {self.words} tokens, {self.suggestions} suggestions "
            f"({self.replaced} old suggestions replaced, {self.kept_human} matched a human decision and were not suggested again)"
        )
        if self.skipped_labels:
            s += "; labels not in the schema skipped: " + ", ".join(f"{k} x{v}" for k, v in self.skipped_labels.most_common())
        if self.cancelled:
            s += "; cancelled (finished batches are kept)"
        return s


def store_parsed(project: Project, doc_id: int, parsed: Parsed, source: str, report: PreannotateReport) -> None:
    """Replace a document's untouched suggestions and tokens with new ones (inside the open transaction)."""
    conn = project.db.conn
    aset = project.annotation_set
    labels = set(project.schema.label_names)
    # suggestions nobody decided on and no event uses are replaced
    cur = conn.execute(
        "DELETE FROM entities WHERE document_id = ? AND annotation_set = ? AND state = 'suggested' AND edited = 0 "
        "AND id NOT IN (SELECT entity_id FROM arguments)",
        (doc_id, aset),
    )
    report.replaced += cur.rowcount
    kept: set[tuple[int, int]] = set()
    decided: dict[str, list[tuple[int, int]]] = {}  # label -> spans a person accepted, added or edited
    for start, end, label, state, edited in conn.execute(
        "SELECT start, end, label, state, edited FROM entities WHERE document_id = ? AND annotation_set = ?", (doc_id, aset)
    ):
        kept.add((start, end))
        if state != "rejected" and (state != "suggested" or edited):
            decided.setdefault(label, []).append((start, end))
    rows = []
    t = now()
    for start, end, label in parsed.entities:
        if label not in labels:
            report.skipped_labels[label] += 1
            continue
        # the same offsets, or an overlap with a span a person settled with this label (e.g. resized): not again
        if (start, end) in kept or any(s < end and start < e for s, e in decided.get(label, ())):
            report.kept_human += 1
            continue
        kept.add((start, end))
        rows.append((doc_id, aset, start, end, label, "suggested", source, None, 0, t, t))
    conn.executemany(
        "INSERT INTO entities (document_id, annotation_set, start, end, label, state, source, annotator, edited, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    report.suggestions += len(rows)
    conn.execute(
        "INSERT OR REPLACE INTO tokens (document_id, pipeline, starts, ends, sentence_starts) VALUES (?, ?, ?, ?, ?)",
        (
            doc_id,
            source,
            orjson.dumps(parsed.token_starts).decode(),
            orjson.dumps(parsed.token_ends).decode(),
            orjson.dumps(parsed.sentence_starts).decode(),
        ),
    )
    report.words += len(parsed.token_starts)
    report.documents += 1


CHUNK_CHARS = 200_000  # longer texts are parsed in pieces (spaCy refuses texts over 1 M characters)


def _pieces(text: str) -> list[tuple[int, str]]:
    """(offset, piece) cuts of a long text, at a line break or a space in the second half of each piece."""
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    out, start = [], 0
    while start < len(text):
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + CHUNK_CHARS // 2, end)
            if cut >= 0:
                end = cut + 1
        out.append((start, text[start:end]))
        start = end
    return out


def parse_in_pieces(pipe: Pipeline, texts: Iterator[str], batch_size: int, n_process: int) -> Iterator[Parsed]:
    """One Parsed per text; a long text is parsed piece by piece and joined (an entity across a cut is lost)."""
    plan: deque[tuple[int, bool]] = deque()  # (offset, last piece of its text), in the order pieces go in

    def pieces() -> Iterator[str]:
        for text in texts:
            parts = _pieces(text)
            for k, (offset, piece) in enumerate(parts):
                plan.append((offset, k == len(parts) - 1))
                yield piece

    ents: list[tuple[int, int, str]] = []
    starts: list[int] = []
    ends: list[int] = []
    sents: list[int] = []
    for parsed in pipe.parse(pieces(), batch_size=batch_size, n_process=n_process):
        offset, last = plan.popleft()
        base = len(starts)
        ents += [(s + offset, e + offset, label) for s, e, label in parsed.entities]
        starts += [s + offset for s in parsed.token_starts]
        ends += [e + offset for e in parsed.token_ends]
        sents += [k + base for k in parsed.sentence_starts]
        if last:
            yield Parsed(ents, starts, ends, sents)
            ents, starts, ends, sents = [], [], [], []


def _texts(project: Project, ids: list[int]) -> Iterator[str]:
    conn = project.db.conn
    for k in range(0, len(ids), 256):
        chunk = ids[k : k + 256]
        rows = dict(
            conn.execute(f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        )
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
) -> PreannotateReport:
    """Suggest entities for documents (all, or ``doc_ids``); one transaction per batch of documents."""
    pipe = pipeline if isinstance(pipeline, Pipeline) else load_pipeline(pipeline)
    ids = doc_ids if doc_ids is not None else project.document_ids()
    if only_new:
        have = {r[0] for r in project.db.conn.execute("SELECT document_id FROM tokens")}
        ids = [i for i in ids if i not in have]
    report = PreannotateReport(pipeline=pipe.source)
    started = now()
    pending: list[tuple[int, Parsed]] = []

    def flush() -> None:
        with project.transaction():
            for doc_id, parsed in pending:
                store_parsed(project, doc_id, parsed, pipe.source, report)
        pending.clear()
        if progress:
            progress(report.documents, len(ids))

    for doc_id, parsed in zip(ids, parse_in_pieces(pipe, _texts(project, ids), batch_size, n_process)):
        pending.append((doc_id, parsed))
        if len(pending) >= batch_size:
            flush()
            if cancelled and cancelled():
                report.cancelled = True
                break
    if pending:
        flush()
    with project.transaction():
        project.db.conn.execute(
            "INSERT INTO pipeline_runs (started_at, finished_at, pipeline, version, documents, suggestions, skipped_labels) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (started, now(), pipe.name, pipe.version, report.documents, report.suggestions,
             orjson.dumps(dict(report.skipped_labels)).decode()),
        )
    return report
