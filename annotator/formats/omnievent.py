"""OmniEvent's unified JSONL, in: the one format THU-KEG's OmniEvent toolkit converts ACE2005, ERE, TAC KBP,
MAVEN, DuEE, LEVEN and FewFC into (``train.unified.jsonl``), and MAVEN's own files, read through the same path.

A line is a sentence (or a document) with its ``id`` and ``text``; ``events`` (``type``, ``triggers``: each ``id``,
``trigger_word``, ``position`` ``[start, end]``, ``arguments``: ``role`` and ``mentions`` with ``mention`` and
``position``), ``entities`` (``type``, ``mentions``), ``negative_triggers`` (the words that are no trigger, the
negatives of OmniEvent's token classification: not events, never imported). Positions are code-point offsets into
the line's ``text``, end exclusive (as OmniEvent's conversions check them: ``text[start:end] == trigger_word``).

A document is the consecutive lines of one ``id`` (MAVEN's conversion and this project's export give each sentence
its document's id); ``documents=prefix`` also joins ids ``DOC-N`` (TAC KBP's and ACE's ``NYT_ENG_...-6``),
``documents=line`` makes each line a document. The text is the lines' texts, a line each; the tokens are each
text's words, cut at every span's edges (a negative trigger is a token), kept as the document's tokens.

Each trigger is an event of its type (an event of several triggers, MAVEN's coreferent mentions, becomes one a
trigger: the grouping is reported); each entity mention an entity of its entity's type (the grouping of mentions
reported); an argument is the entity on its span, else, as for DyGIE++, a new entity when its label can be told
(``formats.dygiepp.read_token_lines``: names matched to the schema's, a schema told from the file when the
project's lacks some).

MAVEN's own lines and MAVEN-ARG's are made into unified lines (``formats.maven``), then read the same way.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from pathlib import Path
from typing import Any, Iterator, Mapping

from annotator.formats.common import option_choice
from annotator.formats.reading import ReadResult, is_key, iter_json_values, listed, need, reader_options, whole_number
from annotator.formats.utf16_spans import fit_span
from annotator.formats.dygiepp import TokenLine, read_token_lines
from annotator.formats.maven import (
    is_maven_arg_line,
    is_maven_ere_line,
    is_maven_line,
    is_maven_test_line,
    maven_arg_line,
    maven_ere_as_maven,
    maven_lines,
    maven_test_lines,
)
from annotator.formats.meta_keys import OMNIEVENT
from annotator.schema import Schema
from annotator.wording import counted

SOURCE = OMNIEVENT
DOCUMENTS = ("id", "prefix", "line")
LINE_KEYS = frozenset({"id", "text", "events", "negative_triggers", "entities", "candidates"})
NO_ID = ("", "NA")  # ids OmniEvent's ACE conversions write for every line: they name no document
_NUMBERED = re.compile(r"^(.+)-\d+$")
_WORD = re.compile(r"\S+")


def is_unified_line(obj: Any) -> bool:
    """An OmniEvent line: ``text`` beside ``negative_triggers``, or ``events`` of ``triggers``, or ``entities`` of
    ``mentions`` (not the project's own JSONL export, whose events have no ``triggers``)."""
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or "sha256" in obj:
        return False
    if isinstance(obj.get("negative_triggers"), list) or isinstance(obj.get("candidates"), list):
        return True
    events, entities = obj.get("events"), obj.get("entities")
    if isinstance(events, list) and events:
        return all(isinstance(v, dict) and "triggers" in v for v in events)
    return (
        isinstance(entities, list) and bool(entities) and all(isinstance(e, dict) and "mentions" in e for e in entities)
    )


ERE_RELATIONS = ("temporal_relations", "causal_relations", "subevent_relations")


def _relations(obj: dict[str, Any]) -> list[int]:
    """How many relations of each of MAVEN-ERE's kinds a document gives (a map of type to pairs, or pairs)."""
    counts = []
    for key in ERE_RELATIONS:
        value = obj.get(key)
        pairs = [p for v in value.values() if isinstance(v, list) for p in v] if isinstance(value, dict) else value
        counts.append(len(pairs) if isinstance(pairs, list) else 0)
    return counts


def is_omnievent_line(obj: Any) -> bool:
    return (
        is_unified_line(obj)
        or is_maven_line(obj)
        or is_maven_arg_line(obj)
        or is_maven_test_line(obj)
        or is_maven_ere_line(obj)
    )


# -- the unified lines -------------------------------------------------------------------------------


class _Line:
    """One line's spans, checked against its text: (start, end) in the line, end exclusive."""

    def __init__(self, obj: dict[str, Any], path: Path, line: int, lost: Counter[str], suggested: bool = False) -> None:
        self.line, self.path = line, path
        self.suggested = suggested  # its events are candidates to decide on (a MAVEN-ARG test file's), not gold
        text = obj.get("text")
        need(isinstance(text, str) and text.strip() != "", path, line, "'text' must be a non-empty string")
        self.text: str = text
        self.edges: set[int] = set()
        self.entities: list[tuple[int, int, str]] = []
        self.events: list[tuple[int, int, str, list[tuple[int, int, str]]]] = []
        self.negatives = 0
        self.utf16 = 0  # positions read as UTF-16 units (only that reading fits)
        mention_at: dict[Any, tuple[int, int]] = {}
        for what, label, mentions in self.typed(obj, "entities", "mentions", lost, "each mention kept as an entity"):
            for j, m in enumerate(mentions):
                s, e = self.span(m, "mention", f"{what} mention {j}")
                self.entities.append((s, e, label))
                for key in ("id", "mention_id"):  # ACE's conversions name a mention's id mention_id
                    if isinstance(m.get(key), (str, int)):
                        mention_at.setdefault(m[key], (s, e))
        for what, etype, triggers in self.typed(obj, "events", "triggers", lost, "each trigger kept as an event"):
            for t_k, trigger in enumerate(triggers):
                where = f"{what} trigger {t_k}"
                s, e = self.span(trigger, "trigger_word", where)
                args = []
                for a_k, arg in enumerate(listed(trigger.get("arguments"), f"{where}: 'arguments'", path, line)):
                    need(isinstance(arg, dict), path, line, f"{where} argument {a_k} must be an object")
                    role = arg.get("role")
                    need(isinstance(role, str) and role != "", path, line, f"{where} argument {a_k} needs a 'role'")
                    for m_k, m in enumerate(
                        listed(arg.get("mentions"), f"{where} argument {a_k}: 'mentions'", path, line)
                    ):
                        here = f"{where} argument {a_k} ({role}) mention {m_k}"
                        if isinstance(m, dict) and "position" not in m and m.get("id") in mention_at:
                            a_s, a_e = mention_at[m["id"]]  # an argument given by its entity mention's id
                        else:
                            a_s, a_e = self.span(m, "mention", here)
                        args.append((a_s, a_e, role))
                self.events.append((s, e, etype, args))
        for k, neg in enumerate(listed(obj.get("negative_triggers"), "'negative_triggers'", path, line)):
            self.span(neg, "trigger_word", f"negative_triggers {k}")  # checked, and its edges are token edges
            self.negatives += 1
        candidates = listed(obj.get("candidates"), "'candidates'", path, line)
        for k, c in enumerate(candidates):
            self.span(c, "trigger_word", f"candidates {k}")  # checked, and its edges are token edges
        if candidates:
            lost[
                "candidates (a test file's words to classify, without their types; their edges kept as token edges)"
            ] += len(candidates)

    def typed(
        self, obj: dict[str, Any], key: str, parts: str, lost: Counter[str], kept_as: str
    ) -> Iterator[tuple[str, str, list[Any]]]:
        """The line's ``key`` list ("entities", "events"), checked: for each, (what it is called in a message, its
        type, its list of ``parts``: mentions, triggers); one of several parts is counted in ``lost`` (``kept_as``:
        how they are kept, not their coreference)."""
        for k, item in enumerate(listed(obj.get(key), f"'{key}'", self.path, self.line)):
            what = f"{key} {k}"
            need(isinstance(item, dict), self.path, self.line, f"{what} must be an object")
            kind = item.get("type")
            need(isinstance(kind, str) and kind != "", self.path, self.line, f"{what} needs a 'type'")
            found = listed(item.get(parts), f"{what}: '{parts}'", self.path, self.line)
            if len(found) > 1:
                lost[f"{key} of several {parts} ({kept_as}, not their coreference)"] += 1
            yield what, kind, found

    def span(self, m: Any, word_key: str, what: str) -> tuple[int, int]:
        """A mention's ``position`` checked against the text and its ``word_key`` text (as UTF-16 units when only
        that reading fits); its edges become token edges."""
        text = self.text
        pos = m.get("position") if isinstance(m, dict) else None
        if type(pos) is list and len(pos) == 2:  # the common case first: messages are made only for a bad span
            s, e = pos
            word = m.get(word_key)
            if (
                type(s) is int
                and type(e) is int
                and 0 <= s < e <= len(text)
                and (word is None or text[s:e] == word)
                and not text[s:e].isspace()
            ):
                self.edges.add(s)
                self.edges.add(e)
                return s, e
        return self._odd_span(m, word_key, what)

    def _odd_span(self, m: Any, word_key: str, what: str) -> tuple[int, int]:
        """``span`` for a position that is not plainly right: read as UTF-16 units when only that fits, else refused
        in one line naming the span."""
        path, line, text = self.path, self.line, self.text
        need(isinstance(m, dict), path, line, f"{what} must be an object")
        pos, word = m.get("position"), m.get(word_key)
        if not (isinstance(pos, list) and len(pos) == 2):
            need(False, path, line, f"{what}: 'position' must be [start, end], not {pos!r}")
        fit = fit_span(text, pos[0], pos[1], word if isinstance(word, str) else None)
        if fit is None:
            s, e = pos
            if whole_number(s) and whole_number(e) and 0 <= s < e <= len(text):
                need(False, path, line, f"{what}: [{s}, {e}] holds {text[s:e]!r}, not its {word_key} {word!r}")
            need(False, path, line, f"{what}: position {pos!r} is not a span of the text ({len(text)} characters)")
        assert fit is not None
        s, e, how = fit
        self.utf16 += how == "utf16"
        need(not text[s:e].isspace(), path, line, f"{what}: [{s}, {e}] holds only whitespace")
        self.edges.update((s, e))
        return s, e

    def tokens(self) -> list[tuple[int, int]]:
        """The text's words, cut at every span's edges."""
        cuts = sorted(self.edges)
        out: list[tuple[int, int]] = []
        for m in _WORD.finditer(self.text):
            s = m.start()
            for c in cuts[bisect_right(cuts, m.start()) : bisect_left(cuts, m.end())]:
                out.append((s, c))
                s = c
            out.append((s, m.end()))
        return out


def _group_key(obj: dict[str, Any], mode: str) -> Any:
    doc_id = obj.get("id")
    if mode == "line" or not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or doc_id in NO_ID:
        return None
    if mode == "prefix" and isinstance(doc_id, str) and (m := _NUMBERED.match(doc_id)):
        return m.group(1)
    return doc_id


def _name(doc_id: Any, path: Path, line: int) -> str:
    """A document's name: its id, else where it starts in the file."""
    ok = is_key(doc_id) and doc_id not in NO_ID
    return str(doc_id) if ok else f"{path.name}:{line}"


def _document(group: list[_Line], name: str, meta: dict[str, Any]) -> TokenLine:
    """The lines of one document as tokens: document-level, inclusive token spans."""
    starts: list[int] = []
    ends: list[int] = []
    sent_starts: list[int] = []
    entities: list[tuple[int, int, str, bool, float | None]] = []
    events: list[tuple[int, int, str, list[tuple[int, int, str]], bool, float | None]] = []
    at = 0
    for ln in group:
        toks = ln.tokens()
        first = len(starts)
        sent_starts.append(first)
        line_starts = [s for s, _ in toks]
        line_ends = [e for _, e in toks]
        starts += [at + s for s in line_starts]
        ends += [at + e for e in line_ends]

        def tokens_of(s: int, e: int) -> tuple[int, int]:  # every edge is a cut: the tokens are exactly the span's
            return first + bisect_left(line_starts, s), first + bisect_right(line_ends, e) - 1

        entities += [(*tokens_of(s, e), label, False, None) for s, e, label in ln.entities]
        for s, e, etype, args in ln.events:
            arguments = [(*tokens_of(a, b), role) for a, b, role in args]
            events.append((*tokens_of(s, e), etype, arguments, ln.suggested, None))
        at += len(ln.text) + 1
    text = "\n".join(ln.text for ln in group)
    return TokenLine(group[0].line, name, text, starts, ends, sent_starts, entities, events, [], {}, meta, None)


def read_omnievent(
    path: str | Path, schema: Schema | None = None, options: Mapping[str, str] | None = None
) -> ReadResult:
    """An OmniEvent unified file (or MAVEN's own): see the module's text."""
    path = Path(path)
    mode = option_choice(reader_options(options, "omnievent"), "documents", DOCUMENTS)
    lost: Counter[str] = Counter()
    groups: list[tuple[Any, list[_Line], dict[str, Any]]] = []
    maven: Counter[str] = Counter()  # MAVEN's and MAVEN-ARG's documents
    relations: Counter[str] = Counter()  # MAVEN-ERE's relations between events
    for line, obj in iter_json_values(path):
        need(
            is_omnievent_line(obj),
            path,
            line,
            "each line must be an OmniEvent line ('text' with 'events' of 'triggers', 'entities', "
            "'negative_triggers') or a MAVEN document ('content' of 'tokens')",
        )
        if is_maven_ere_line(obj):  # MAVEN-ERE's training lines: MAVEN's, their sentences as 'tokens' lists
            maven["MAVEN-ERE"] += 1
            relations["MAVEN-ERE"] += sum(_relations(obj))
            obj = maven_ere_as_maven(obj)
        test = is_maven_test_line(obj)
        if is_maven_line(obj) or is_maven_arg_line(obj) or test:
            kind = "MAVEN" if is_maven_line(obj) else "MAVEN test" if test else "MAVEN-ARG"
            maven[kind] += 1
            if kind == "MAVEN-ARG":
                unified = [maven_arg_line(obj, path, line, lost)]
            else:
                unified = maven_lines(obj, path, line) if kind == "MAVEN" else maven_test_lines(obj, path, line)
            key = ("maven", line, _name(obj.get("id"), path, line))  # a MAVEN line is a document
        else:
            unified = [obj]
            key = _group_key(obj, mode)
        checked = [_Line(u, path, line, lost, suggested=test) for u in unified]
        if groups and key is not None and groups[-1][0] == key:
            groups[-1][1].extend(checked)
        else:
            meta = {k: v for k, v in unified[0].items() if k not in LINE_KEYS}
            groups.append((key if key is not None else ("line", line, _name(obj.get("id"), path, line)), checked, meta))
    need(bool(groups), path, None, "no lines in the file")
    docs = []
    for key, group, meta in groups:
        docs.append(_document(group, str(key) if not isinstance(key, tuple) else key[2], meta))
    warnings: list[str] = []
    if lost:
        warnings.append(f"{path}: " + ", ".join(f"{what} ({n})" for what, n in lost.items()))
    negatives = sum(ln.negatives for _, group, _ in groups for ln in group)
    notes = []
    if negatives:
        notes.append(
            f"{path}: {counted(negatives, 'negative trigger')} (words marked as no trigger, OmniEvent's negatives "
            "for training) not imported: they are not events; their edges are kept as token edges"
        )
    utf16 = sum(ln.utf16 for _, group, _ in groups for ln in group)
    if utf16:
        notes.append(
            f"{path}: {counted(utf16, 'position')} read as UTF-16 units (as code points they miss their words)"
        )
    n_lines = sum(len(group) for _, group, _ in groups)
    text_note = (
        f"{path}: each document's text is its lines' texts as they are, a line each "
        f"({counted(n_lines, 'line')} in {counted(len(docs), 'document')})"
    )
    for kind in ("MAVEN", "MAVEN test"):
        if maven[kind]:
            text_note += (
                f"; {counted(maven[kind], kind + ' document')}: each sentence's tokens, a space between them (a "
                "sentence of Chinese or Japanese: its own text)"
            )
    if maven["MAVEN test"]:
        notes.append(
            f"{path}: the event mentions of {counted(maven['MAVEN test'], 'MAVEN test document')} are candidates "
            "(more than the gold, without arguments): they come in as suggested events, for you to decide on"
        )
    if maven["MAVEN-ARG"]:
        text_note += f"; {counted(maven['MAVEN-ARG'], 'MAVEN-ARG document')}: its 'document' text, one line"
    if maven["MAVEN-ERE"]:
        notes.append(
            f"{path}: {counted(maven['MAVEN-ERE'], 'MAVEN-ERE document')} read as MAVEN's, each TIMEX an entity of "
            f"its type; {counted(relations['MAVEN-ERE'], 'temporal, causal or subevent relation')} between events "
            "kept in the document's meta as the file gives them (by its event ids: no export writes them)"
        )
    result = read_token_lines(docs, path, schema, warnings, SOURCE, "omnievent", text_note, "entities")
    result.notes = notes + result.notes
    return result
