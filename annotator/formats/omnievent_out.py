"""OmniEvent's unified JSONL, out: a line per sentence (``unit=document``: per document), as OmniEvent's models
take them and ``formats.omnievent`` reads them back.

A line: ``id`` (the document's name: each sentence of a document carries it, as OmniEvent's MAVEN conversion
writes them), ``text`` (the sentence's tokens, a space between them: OmniEvent's English models count words by
``text.split()``, and its conversions write ``" ".join(tokens)``; a sentence with a Chinese or Japanese character
is its text as stored, as OmniEvent's Chinese conversions keep theirs), ``events`` (an event a
trigger: ``type``, ``triggers`` ``[{id, trigger_word, position, arguments: [{role, mentions: [{id, mention,
position}]}]}]``), ``negative_triggers`` (every token of the line no trigger is on, ``id`` counted from 0 in the
line, as OmniEvent's ACE conversions make them for token classification) and ``entities`` (an entity a mention:
``type``, ``mentions`` ``[{id, mention, position}]``). Positions are code points into the line's ``text``, end
exclusive, on token edges (the stored tokens, else the one fallback; ``misaligned=expand|skip``). An entity or
trigger across a sentence end and an argument outside its trigger's sentence are left out and reported; an
argument that is a nested event's stand-in (brat) too. Not written: states, sources, attributes, comments.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from pathlib import Path
from typing import Any


from annotator.formats.problem_place import Where
from annotator.formats.brat_conf import proxy_labels
from annotator.formats.common import option_choice
from annotator.formats.writing import (
    FormatExportReport,
    arguments_in_line,
    placed_triggers,
    write_event_lines,
)
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.schema_names import AliasNames, written_names
from annotator.formats.tokens import DocTokens, align
from annotator.store import Project
from annotator.tokens import CJK

UNITS = ("sentence", "document")
CJK_CHAR = re.compile(f"[{CJK}]")  # a line with one is written as stored (OmniEvent's Chinese data)


def record_to_omnievent(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    mode: str = "expand",
    unit: str = "sentence",
    proxies: set[str] | frozenset[str] = frozenset(),
    names: AliasNames | None = None,
    file_names: bool = True,
) -> list[dict[str, Any]]:
    """One document as OmniEvent lines (names as ``schema_names.written_names`` gives them)."""
    text, name = rec["text"], rec["name"]
    label_of, type_of, role_of = written_names(rec["meta"], names, file_names)
    starts, ends = toks.starts, toks.ends
    n_tok = len(starts)
    cuts = [0, n_tok] if unit == "document" else sorted({0, n_tok, *(s for s in toks.sent_starts if 0 < s < n_tok)})
    units = []  # each line's tokens, whitespace tokens left out (a sentence's, as ``toks.sentence_of`` tells them)
    for a, b in zip(cuts, cuts[1:]):
        ks = [k for k in range(a, b) if not text[starts[k] : ends[k]].isspace()]
        if ks:
            units.append(ks)
    # each line's words: its tokens, a space between them, as OmniEvent's conversions write a text (its English
    # models count words by ``text.split()``); a token holding whitespace is its words. A line of Chinese or Japanese
    # (a CJK character in it) is its text as stored, each token a word at its place: OmniEvent's Chinese conversions
    # (DuEE, LEVEN, FewFC, ACE2005-ZH) keep the text without spaces and its Chinese models count characters
    firsts = [ks[0] for ks in units]
    word_starts: list[list[int]] = []
    word_texts: list[list[str]] = []
    word_spans: list[list[tuple[int, int]] | None] = []  # per token of the line: its first and last word (None: itself)
    line_texts: list[str] = []
    for ks in units:
        pieces = [text[starts[k] : ends[k]] for k in ks]
        base, last = starts[ks[0]], ends[ks[-1]]
        if CJK_CHAR.search(text, base, last):
            word_starts.append([starts[k] - base for k in ks])
            word_texts.append(pieces)
            word_spans.append(None)
            line_texts.append(text[base:last])
            continue
        words = " ".join(pieces).split()
        spans_: list[tuple[int, int]] | None = None
        if len(words) != len(pieces):  # a token holding whitespace
            spans_, at = [], 0
            for piece in pieces:
                n_words = len(piece.split())
                spans_.append((at, at + n_words - 1))
                at += n_words
        word_starts.append(list(accumulate((len(w) + 1 for w in words[:-1]), initial=0)))
        word_texts.append(words)
        word_spans.append(spans_)
        line_texts.append(" ".join(words))
    lines: list[dict[str, Any]] = [
        {"id": name, "text": lt, "events": [], "negative_triggers": [], "entities": []} for lt in line_texts
    ]

    def words_of(k: int) -> tuple[int, int, int]:
        """(line, first word, last word) of a token that is no whitespace."""
        n = bisect_right(firsts, k) - 1
        i = bisect_left(units[n], k)
        spans_ = word_spans[n]
        return (n, i, i) if spans_ is None else (n, *spans_[i])

    def place(start: int, end: int, what: str, label: str | None = None) -> tuple[int, list[int], str, range] | None:
        """(line, position in it, its text, its words) of [start, end) on token edges, or None (reported)."""
        where = Where(rec.get("id"), name, what, label)
        hit = align(toks, start, end, mode, report, where)
        if hit is None:
            return None
        inner = [k for k in range(hit[0], hit[1] + 1) if not toks.is_space(text, k)]
        if not inner:
            report.problem("spans left out (only whitespace)", f"{where} [{start}, {end})", where.at(start, end))
            return None
        n, a, _ = words_of(inner[0])
        n_last, _, b = words_of(inner[-1])
        if n_last != n:
            report.problem(
                "spans left out (cross a sentence boundary)", f"{where} [{start}, {end})", where.at(start, end)
            )
            return None
        s, e = word_starts[n][a], word_starts[n][b] + len(word_texts[n][b])
        return n, [s, e], lines[n]["text"][s:e], range(a, b + 1)

    mention: dict[int, tuple[int, dict[str, Any]]] = {}  # entity id -> (line, its mention as an argument's)
    count = 0
    for e in rec["entities"]:
        if e["label"] in proxies:
            continue
        got = place(e["start"], e["end"], f"entity {e['label']}", e["label"])
        if got is None:
            continue
        n, position, words, _ = got
        m = {"id": f"{name}-E{count}", "mention": words, "position": position}
        count += 1
        lines[n]["entities"].append({"type": label_of(e["label"]), "mentions": [m]})
        mention[e["id"]] = (n, m)
    labels = {e["id"]: e["label"] for e in rec["entities"]}
    triggered: dict[int, set[int]] = {}  # line -> its words in a trigger
    for t_k, v, (n, position, words, inner) in placed_triggers(
        rec["events"], place, report, Where(rec.get("id"), name)
    ):
        triggered.setdefault(n, set()).update(inner)
        roles: dict[str, list[dict[str, Any]]] = {}
        for arg, got_m in arguments_in_line(v, n, mention, labels, proxies, report, name):
            roles.setdefault(role_of(arg["role"]), []).append(got_m[1])
        trigger = {
            "id": f"{name}-T{t_k}",
            "trigger_word": words,
            "position": position,
            "arguments": [{"role": role, "mentions": ms} for role, ms in roles.items()],
        }
        lines[n]["events"].append({"type": type_of(v["type"]), "triggers": [trigger]})
    for n, (ws, wt) in enumerate(zip(word_starts, word_texts)):  # every word no trigger is on: the negatives
        out = triggered.get(n, ())
        lines[n]["negative_triggers"] = [
            {"id": i, "trigger_word": wt[j], "position": [ws[j], ws[j] + len(wt[j])]}
            for i, j in enumerate(j for j in range(len(wt)) if j not in out)
        ]
    return lines


@export_writer("omnievent")
def write_omnievent(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """A line per sentence (or document with ``unit=document``; one file per part with ``split=...``)."""
    unit = option_choice(dict(request.options), "unit", UNITS)
    proxies = proxy_labels(project.schema)
    return write_event_lines(
        project,
        out,
        request,
        "omnievent",
        lambda rec, toks, report, mode, names, file_names: record_to_omnievent(
            rec, toks, report, mode, unit, proxies, names, file_names
        ),
    )
