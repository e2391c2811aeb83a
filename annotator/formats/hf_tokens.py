"""Hugging Face token classification JSONL (``hf``), written: a line per sentence (or per document) with its
``tokens`` and their IOB2 ``ner_tags`` (``scheme=bioes`` or ``bilou``: in that scheme, as the CoNLL export's), what ``datasets.load_dataset("json", data_files=...)`` reads and what
transformers' token classification examples (``run_ner.py``) train on.

Out (``hf_tokens_read`` reads them in): ``{"id", "document", "text", "tokens", "ner_tags"}`` a line (``text`` the
sentence as stored, from its first word to its last, which the reader keeps); ``id`` is ``NAME:K`` (the document's
name and the sentence's number from 0) or the document's name with ``unit=document``; tags are strings (``B-PERSON``), so no
separate label list is needed. The words and tags are the CoNLL export's (``conll.flat_tags``,
``conll.tagged_sentences``): overlapping entities cannot be flat (the longest wins, the others are reported),
whitespace tokens are left out; events, states and comments are not carried.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.formats.brat_conf import proxy_labels
from annotator.formats.common import option_choice
from annotator.formats.writing import FormatExportReport, write_lines_per_part
from annotator.formats.conll import flat_tags, tagged_sentences
from annotator.formats.iob import OUT_SCHEMES, as_scheme
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.tokens import ALIGN_MODES
from annotator.store import Project

UNITS = ("sentence", "document")


def _lines(
    rec: dict[str, Any],
    toks: Any,
    report: FormatExportReport,
    mode: str,
    unit: str,
    skip: set[str],
    scheme: str = "iob2",
) -> list[dict[str, Any]]:
    spans: list[tuple[int, int]] = []
    sentences = tagged_sentences(rec, toks, flat_tags(rec, toks, report, mode, skip), spans)
    if scheme != "iob2":  # each sentence's tags in the scheme asked for (``scheme=bioes``), as the CoNLL export's
        sentences = [list(zip([w for w, _ in x], as_scheme([t for _, t in x], scheme))) for x in sentences]
    name, text = rec["name"], rec["text"]
    if unit == "document":
        sentences = [[pair for s in sentences for pair in s]] if sentences else []
        spans = [(spans[0][0], spans[-1][1])] if spans else []
    return [
        {
            "id": name if unit == "document" else f"{name}:{k}",
            "document": name,
            "text": text[a:b],  # the words' own text, read back as it is (``tokens_in_text``)
            "tokens": [w for w, _ in sentence],
            "ner_tags": [t for _, t in sentence],
        }
        for k, (sentence, (a, b)) in enumerate(zip(sentences, spans))
    ]


@export_writer("hf")
def write_hf(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    opts = dict(request.options)
    mode = option_choice(opts, "misaligned", ALIGN_MODES)
    unit = option_choice(opts, "unit", UNITS)
    scheme = option_choice(opts, "scheme", OUT_SCHEMES)
    skip = proxy_labels(project.schema)
    return write_lines_per_part(
        project, out, request, "hf", lambda rec, toks, report: _lines(rec, toks, report, mode, unit, skip, scheme)
    )
