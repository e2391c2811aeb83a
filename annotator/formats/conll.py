"""CoNLL-2003-style IOB2 export of the flat entities: ``TOKEN -X- _ TAG`` a line, a blank line between
sentences, ``-DOCSTART- -X- O O`` and a blank line before each document (``docstart=no`` leaves it out): the one
document line ``spacy convert`` recognises, and one seqeval reads as an ``O`` token. ``docstart=label-studio`` writes
Label Studio's CONLL2003 export's marker instead, ``-DOCSTART- -X- O`` with no blank line after it, for the scripts
made for that export's files. ``scheme=bioes`` (or ``bilou``) writes the tags as BIOES (BILOU), the scheme a file
read so came in.

Entities that stand for a nested event (a label that is also an event type: see brat import) are not
entities of the text: they are left out.

Overlapping entities cannot be flat: the longest wins (then the earliest) and the others are reported.
Whitespace tokens (line breaks, runs of spaces) are not written. Events, states and comments are lost.

Import: ``conll_read.read_conll``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.formats.problem_place import Where
from annotator.formats.brat_conf import proxy_labels
from annotator.formats.common import option_choice
from annotator.formats.iob import OUT_SCHEMES, as_scheme
from annotator.formats.writing import FormatExportReport, write_per_part
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.schema_names import GivenSpellings
from annotator.formats.tokens import ALIGN_MODES, DocTokens, align
from annotator.store import Project


DOCSTART = "-DOCSTART- -X- O O"
# the marker lines before a document, by the option docstart's value
MARKERS: dict[str, list[str]] = {"yes": [DOCSTART, ""], "no": [], "label-studio": ["-DOCSTART- -X- O"]}


EVENTS_LEFT_OUT = "events left out (the format holds entities alone)"


def flat_tags(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    mode: str = "expand",
    skip: set[str] | frozenset[str] = frozenset(),
) -> list[str]:
    """IOB2 tag per token; overlapping entities: longest first, then earliest; labels in ``skip`` left out. A label
    goes out as the file the document came from spelt it (``GivenSpellings.of_meta``: CoNLL-2003's or a Label Studio
    task's ``PER`` for the schema's ``PERSON``), in the CoNLL and the Hugging Face tokens export alike. The document's
    events are no part of the tags: uncounted in ``report`` and said (they were counted as written)."""
    name = rec["name"]
    spelt = GivenSpellings.of_meta(rec["meta"])
    report.events -= len(rec["events"])
    for v in rec["events"]:
        t = v["trigger"]
        report.problem(
            EVENTS_LEFT_OUT,
            f"{name}: {v['type']} [{t['start']}, {t['end']})",
            Where(rec.get("id"), name, label=v["type"]).at(t["start"], t["end"]),
        )
    spans = []
    for e in rec["entities"]:
        if e["label"] in skip:
            continue
        hit = align(
            toks, e["start"], e["end"], mode, report, Where(rec.get("id"), name, f"entity {e['label']}", e["label"])
        )
        if hit is not None:
            spans.append((hit[0], hit[1], e["label"], e["start"], e["end"]))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    tags = ["O"] * len(toks)
    for i, j, label, s, e in spans:
        if any(t != "O" for t in tags[i : j + 1]):
            report.problem(
                "overlapping entities left out",
                f"{name}: {label} [{s}, {e})",
                Where(rec.get("id"), name, label=label).at(s, e),
            )
            continue
        written = spelt.label(label)
        tags[i] = f"B-{written}"
        for k in range(i + 1, j + 1):
            tags[k] = f"I-{written}"
    return tags


def tagged_sentences(
    rec: dict[str, Any], toks: DocTokens, tags: list[str], spans: list[tuple[int, int]] | None = None
) -> list[list[tuple[str, str]]]:
    """(word, tag) of each sentence's words: whitespace tokens left out, a token holding spaces (a DocBin's word may)
    split into words, its later words inside its entity. The words of the token exports (CoNLL, Hugging Face).
    ``spans``, when given, gets each sentence's [start, end) in the text (its first word's start, its last's end).
    A sentence is not cut inside an entity (brat's CoNLL-ST 2002 corpus has ``MISC`` over ``Hiraki. Shaughnessey``):
    cut there, it was read back as two entities."""
    text = rec["text"]
    sentences: list[list[tuple[str, str]]] = []
    sent_starts = set(toks.sent_starts)
    sentence: list[tuple[str, str]] = []
    first = last = 0
    for k in range(len(toks)):
        if k in sent_starts and sentence and not tags[k].startswith("I-"):
            sentences.append(sentence)
            if spans is not None:
                spans.append((first, last))
            sentence = []
        if toks.is_space(text, k):
            continue
        if not sentence:
            first = toks.starts[k]
        last = toks.ends[k]
        word = text[toks.starts[k] : toks.ends[k]]
        if " " in word or "\t" in word or "\n" in word or "\xa0" in word:  # a DocBin's word may hold a space
            follow = "O" if tags[k] == "O" else "I-" + tags[k][2:]  # the rest of a split token: inside its entity
            sentence += [(w, tags[k] if i == 0 else follow) for i, w in enumerate(word.split())]
        else:
            sentence.append((word, tags[k]))
    if sentence:
        sentences.append(sentence)
        if spans is not None:
            spans.append((first, last))
    return sentences


def document_conll(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    mode: str,
    docstart: str,
    skip: set[str] | frozenset[str] = frozenset(),
    scheme: str = "iob2",
) -> str:
    """A document's lines: the marker ``docstart`` names (``MARKERS``), then its sentences' token lines, tagged in
    ``scheme`` (``iob.OUT_SCHEMES``)."""
    tags = flat_tags(rec, toks, report, mode, skip)
    out = list(MARKERS[docstart])
    for sentence in tagged_sentences(rec, toks, tags):
        tagged = as_scheme([tag for _, tag in sentence], scheme)
        out += [f"{word} -X- _ {tag}" for (word, _), tag in zip(sentence, tagged)] + [""]
    return "\n".join(out) + "\n"


@export_writer("conll")
def write_conll(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    opts = dict(request.options)
    mode = option_choice(opts, "misaligned", ALIGN_MODES)
    docstart = option_choice(opts, "docstart", tuple(MARKERS))
    scheme = option_choice(opts, "scheme", OUT_SCHEMES)
    skip = proxy_labels(project.schema)
    return write_per_part(
        project,
        out,
        request,
        "conll",
        lambda rec, toks, report: document_conll(rec, toks, report, mode, docstart, skip, scheme).encode("utf-8"),
    )
