"""A range of documents added to the DocBin writers of their parts, in order (``add_records``): a chunk's
documents with stored tokens in spaCy's shape read and encoded as arrays (``docbin_arrays``), the others planned
from their record (``docbin_plan.plan_doc``). Both processes of an export call it: this one
(``spacy_docbin.write_spacy``) and the child that writes the second range (``docbin_split``), each with srsly's
msgpack encoders looked up once (``msgpack_encoders_looked_up_once``)."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

from annotator.formats import docbin_arrays
from annotator.formats.brat_conf import proxy_labels
from annotator.formats.common import option_choice
from annotator.formats.writing import FormatExportReport, records_with_tokens
from annotator.formats.docbin_plan import SPAN_KEY, TRIGGER_KEY, check_rebuilds, labels_of, plan_doc
from annotator.formats.docbin_stream import DocBinWriter
from annotator.formats.records import CHUNK, ExportRequest
from annotator.formats.tokens import ALIGN_MODES
from annotator.store import Project

_EXPORTING = threading.local()  # the encoders found once by the export running in this thread
_INSTALL = threading.Lock()


def _install_per_thread_lookup() -> None:
    """Once per process: srsly's encoder lookup answers from this thread's export when one runs, and looks
    them up as before everywhere else (other threads, other exports, spaCy itself)."""
    from srsly.msgpack import msgpack_encoders

    with _INSTALL:
        if getattr(msgpack_encoders, "_annotator_per_thread", False):
            return
        look_up = msgpack_encoders.get_all

        def get_all() -> dict:  # type: ignore[type-arg]
            found = getattr(_EXPORTING, "encoders", None)
            return found if found is not None else look_up()

        msgpack_encoders.get_all = get_all  # type: ignore[method-assign]
        msgpack_encoders._annotator_per_thread = True  # type: ignore[attr-defined]


@contextmanager
def msgpack_encoders_looked_up_once() -> Iterator[None]:
    """srsly looks its msgpack encoders up among all installed entry points on every ``packb`` call
    (a quarter of a DocBin export's time); they cannot change during an export, so this export (in this
    thread only) looks them up once. Two exports at once each keep their own."""
    from srsly.msgpack import msgpack_encoders

    _install_per_thread_lookup()
    outer = getattr(_EXPORTING, "encoders", None)
    _EXPORTING.encoders = outer if outer is not None else msgpack_encoders.get_all()
    try:
        yield
    finally:
        _EXPORTING.encoders = outer


def add_records(
    project: Project,
    request: ExportRequest,
    report: FormatExportReport,
    bins: dict[str, DocBinWriter],
    assignment: dict[int, str],
    ids: list[int] | None = None,
) -> None:
    """Add each document (of ``ids`` only, when given) to the writer of its part, in order: a chunk's documents
    with stored tokens in spaCy's shape and spans on token edges read and encoded as arrays
    (``docbin_arrays``), the others planned from their record (``plan_doc``), which reports what it changes."""
    opts = request.options
    mode = option_choice(dict(opts), "misaligned", ALIGN_MODES)
    keys = (opts.get("span_key", SPAN_KEY), opts.get("trigger_key", TRIGGER_KEY))
    proxies = proxy_labels(project.schema)
    aset = request.annotation_set or project.annotation_set
    ids = request.document_ids(project) if ids is None else ids
    for k in range(0, len(ids), CHUNK):
        chunk = docbin_arrays.read_chunk(project.db.streaming_connection(), ids[k : k + CHUNK], request, aset, proxies)
        docs = chunk.docs
        lo = 0
        while lo < len(docs):  # runs of documents of one part, all regular or all not
            part, regular = assignment[docs[lo][0]], chunk.regular[lo]
            hi = lo + 1
            while hi < len(docs) and chunk.regular[hi] == regular and assignment[docs[hi][0]] == part:
                hi += 1
            writer = bins[part]
            if regular:
                before = report.documents
                attrs = (writer.cols, len(writer.attrs))
                writer.add_encoded(docbin_arrays.encode(chunk, lo, hi, writer.hashes(), *attrs, keys, report))
                if request.progress:
                    for done in range(before + 1, report.documents + 1):
                        request.progress(done)
            else:
                for rec, toks in records_with_tokens(project, request, report, [d[0] for d in docs[lo:hi]]):
                    words = toks.words(rec["text"])
                    check_rebuilds(rec, toks, words, report)
                    plan = plan_doc(rec, toks, report, mode, proxies)
                    writer.add_plan(plan, toks, words, labels_of(rec), *keys)
            lo = hi
