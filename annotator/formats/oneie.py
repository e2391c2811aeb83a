"""OneIE's JSON lines, in: the event extraction data of OneIE and the tools that took its preprocessing (ACE05-E,
ACE05-E+, ERE-EN, as DEGREE, TextEE, AMPERE and others write them), often named ``train.oneie.json``.

A line is a sentence (``sent_id``) or a window (``wnd_id``) of the document ``doc_id``: ``tokens``, the ``sentence``
text (TextEE's ``text``; its ``lang`` is kept in the meta), ``entity_mentions`` (``id``, ``entity_type``, ``start``, ``end``: token indices of the line, end exclusive),
``relation_mentions`` (``relation_type``, ``arguments``: ``Arg-1`` and ``Arg-2`` by ``entity_id``) and
``event_mentions`` (``event_type``, ``trigger`` ``{start, end, text}``, ``arguments`` by ``entity_id`` with their
``role``). The lines of one ``doc_id`` are one document, a line per sentence. The text is each sentence's ``sentence`` (``text``)
when its tokens are found in it in order (only whitespace between them), else the tokens with a space between them;
the tokens and sentences are kept as the document's tokens. Entities and events come in ``accepted``, source
``oneie``; relations between entities are kept in the meta for the export to DyGIE++; names are matched to the
schema's (ACE's ``PER``, ``Conflict:Attack``) and a schema is told from the file when the project's lacks some, as
for DyGIE++ (``formats.dygiepp.read_token_lines``). Entity mention types (``NAM``, ``NOM``, ``PRO``) and subtypes are
kept in the meta by the entity's characters, for the OneIE export. A line of OneIE's predictions (``graph``, as its
``predict.py`` writes them) comes in as suggestions with their scores. Not kept, said: relation subtypes,
``entity_coreference``/``event_coreference``; an argument given by its span without an entity of the line there.
WikiEvents' document lines (a line a document, with its ``sentences``: ``formats.wikievents``) are read the same
way, each sentence its own line of the text, their event types by their first two levels where the schema lacks
the three.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from annotator.formats.reading import ReadResult, is_key, iter_json_values, listed, need, whole_number
from annotator.formats.dygiepp import TokenLine, read_token_lines
from annotator.formats.meta_keys import ONEIE
from annotator.formats.registry import a_shown
from annotator.formats.docred import CLUSTERS as DOCRED_CLUSTERS
from annotator.formats.docred import docred_as_wikievents, is_docred_document
from annotator.formats.rams import is_rams_line, rams_as_wikievents
from annotator.formats.tokens import join_own_texts
from annotator.formats.schema_names import SchemaNames
from annotator.formats.wikievents import is_wikievents_line, two_levels, wikievents_sentences
from annotator.formats.tacred import is_tacred_example, tacred_as_oneie
from annotator.formats.uie import is_uie_line, uie_as_oneie
from annotator.formats.wikievents_coref import found_coref, keep_clusters, keep_coref
from annotator.formats.wikievents_names import KEPT, LEVELS
from annotator.wording import counted
from annotator.schema import Schema, default_schema

SOURCE = ONEIE
# a line's keys that are read, or made from its tokens (word pieces, their lengths): not kept in the meta
LINE_KEYS = frozenset(
    {"doc_id", "sent_id", "wnd_id", "tokens", "sentence", "text", "entity_mentions", "relation_mentions"}
    | {"event_mentions"}
    | {"pieces", "token_lens", "entity_coreference", "event_coreference", "sentence_starts"}
    | {"sentences"}  # WikiEvents': read as the text (their characters, of an article the file does not hold: said)
    | {DOCRED_CLUSTERS}  # DocRED's entities' mentions: kept as coreference chains
)

MENTION_KEYS = ("mention_type", "entity_subtype")  # kept per entity span in the meta, for the OneIE export


GOLDEN = ("golden_entity_mentions", "golden_event_mentions")  # nlpcl-lab/ace2005-preprocessing's names of them
PARSES = ("pos-tag", "parse", "stanford-colcc")  # that preprocessing's tags and parses: not annotations of the project


def is_oneie_line(obj: Any) -> bool:
    """A OneIE line: ``tokens`` as a list of strings beside ``entity_mentions`` or ``event_mentions`` (or their
    ``golden_`` names, as nlpcl-lab/ace2005-preprocessing writes them), or a ``graph`` (OneIE's predictions). Not
    ``tokens`` as a list of sentences (MAVEN-ARG's test files, which have ``event_mentions`` too: OmniEvent's)."""
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("tokens"), list)
        and not (obj["tokens"] and all(isinstance(t, list) for t in obj["tokens"]))
        and (
            any(k in obj for k in ("entity_mentions", "event_mentions", *GOLDEN)) or isinstance(obj.get("graph"), dict)
        )
    )


def _score(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) and 0.0 <= x <= 1.0 else None


def _from_graph(obj: dict[str, Any], path: Path, line: int) -> dict[str, Any]:
    """A line of OneIE's predictions (``predict.py``: ``graph`` with ``entities`` ``[start, end, type, mention type,
    score]`` (older: ``[start, end, type, score]``), ``triggers`` ``[start, end, type, score]``, ``relations`` ``[entity
    index, entity index, type, score]`` and ``roles`` ``[trigger index, entity index, role, score]``) in the gold
    lines' shape, each mention ``predicted`` with its ``score``."""
    graph = obj.get("graph")
    if not isinstance(graph, dict) or any(k in obj for k in ("entity_mentions", "event_mentions")):
        return obj

    def rows(key: str, least: int) -> list[list[Any]]:
        value = graph.get(key) or []
        need(isinstance(value, list), path, line, f"graph {key!r} must be a list")
        for k, row in enumerate(value):
            need(
                isinstance(row, list) and len(row) >= least and isinstance(row[2], str),
                path,
                line,
                f"graph {key} {k} must be a list [start, end, type, ...]",
            )
        return value

    entities = []
    for k, row in enumerate(rows("entities", 3)):
        m = {"id": k, "start": row[0], "end": row[1], "entity_type": row[2], "predicted": True}
        if len(row) >= 5 and isinstance(row[3], str):
            m["mention_type"], m["score"] = row[3], _score(row[4])
        elif len(row) >= 4:
            m["score"] = _score(row[3])
        entities.append(m)
    events = [
        {
            "event_type": row[2],
            "trigger": {"start": row[0], "end": row[1]},
            "arguments": [],
            "predicted": True,
            "score": _score(row[3]) if len(row) > 3 else None,
        }
        for row in rows("triggers", 3)
    ]
    for k, row in enumerate(rows("roles", 3)):
        at = row[0]
        need(
            isinstance(at, int) and 0 <= at < len(events),
            path,
            line,
            f"graph roles {k}: trigger {at!r} is not one of the line's {len(events)} triggers",
        )
        events[at]["arguments"].append({"entity_id": row[1], "role": row[2]})
    relations = [
        {
            "relation_type": row[2],
            "arguments": [{"entity_id": row[0], "role": "Arg-1"}, {"entity_id": row[1], "role": "Arg-2"}],
        }
        for row in rows("relations", 3)
    ]
    rest = {k: v for k, v in obj.items() if k not in ("graph", "token_ids")}
    return {**rest, "entity_mentions": entities, "event_mentions": events, "relation_mentions": relations}


def _from_golden(obj: dict[str, Any], lost: Counter[str]) -> dict[str, Any]:
    """A line of nlpcl-lab/ace2005-preprocessing (``golden_entity_mentions``, ``golden_event_mentions`` whose
    arguments give their span, types as ``TYPE:SUBTYPE``) in OneIE's shape. Its ``end`` is exclusive, but files of
    its earlier versions end single tokens inclusively (``"He"``: 0-0): where the mention's ``text`` is the tokens up
    to ``end`` inclusive and not exclusive, ``end`` is read that way."""
    if not any(k in obj for k in GOLDEN):
        return obj
    tokens = obj["tokens"]

    def span(m: Any) -> dict[str, Any]:
        if not isinstance(m, dict):
            return {}
        s, e, said = m.get("start"), m.get("end"), m.get("text")
        if whole_number(s) and whole_number(e) and isinstance(said, str) and all(isinstance(t, str) for t in tokens):
            if " ".join(tokens[s:e]) != said and " ".join(tokens[s : e + 1]) == said:
                e += 1
        return {"start": s, "end": e}

    def typed(m: Any) -> dict[str, Any]:
        etype = m.get("entity_type") if isinstance(m, dict) else None
        if isinstance(etype, str) and ":" in etype:  # the subtype is kept as OneIE's entity_subtype is
            etype, subtype = etype.split(":", 1)
            return {"entity_type": etype, "entity_subtype": subtype}
        return {"entity_type": etype}

    def each(value: Any, make: Any) -> Any:  # what is not a list stays as it is, for the reader to refuse
        return [make(x) for x in value] if isinstance(value, list) else value

    def event(v: Any) -> Any:
        if not isinstance(v, dict):
            return v
        args = each(
            v.get("arguments") or [], lambda a: {"role": a.get("role"), **span(a)} if isinstance(a, dict) else a
        )
        return {"event_type": v.get("event_type"), "trigger": span(v.get("trigger")), "arguments": args}

    entities = each(obj.get("golden_entity_mentions") or [], lambda m: {**span(m), **typed(m)})
    events = each(obj.get("golden_event_mentions") or [], event)
    parses = [k for k in PARSES if obj.get(k)]
    if parses:
        lost[f"part-of-speech tags and parses ({', '.join(parses)})"] += 1
    rest = {k: v for k, v in obj.items() if k not in GOLDEN and k not in PARSES}
    return {**rest, "entity_mentions": entities, "event_mentions": events}


def _own_text(obj: dict[str, Any]) -> Any:
    """A line's own text: OneIE's ``sentence``, TextEE's ``text`` (the plain text of the instance)."""
    return obj.get("sentence", obj.get("text"))


def _sentences(obj: dict[str, Any], path: Path, line: int) -> list[tuple[list[str], Any]]:
    """A line's sentences, each its tokens and its own text: OneIE's line one sentence, a WikiEvents document its
    ``sentences``."""
    tokens = obj.get("tokens")
    need(
        isinstance(tokens, list) and bool(tokens) and all(isinstance(t, str) and t.strip() for t in tokens),
        path,
        line,
        "'tokens' must be a non-empty list of tokens (strings)",
    )
    return wikievents_sentences(obj, path, line) if is_wikievents_line(obj) else [(tokens, _own_text(obj))]


def _document(
    group: list[tuple[int, dict[str, Any]]], path: Path, warnings: list[str], lost: Counter[str]
) -> tuple[TokenLine, int, dict[str, tuple[int, int, str]]]:
    """The lines of one ``doc_id`` as one document of tokens, its spans as document-level, inclusive token spans;
    how many of its sentences have their own text (the others: their tokens, a space between them); and each entity
    mention id's characters and label (for WikiEvents' coreference)."""
    first_line = group[0][0]
    sentences: list[list[str]] = []
    own_texts: list[Any] = []
    firsts: list[int] = []  # each line's first sentence
    for line, obj in group:
        firsts.append(len(sentences))
        for tokens, own in _sentences(obj, path, line):
            sentences.append(tokens)
            own_texts.append(own)
    joined, kept = join_own_texts(sentences, own_texts)
    text, starts, ends, sent_starts = joined.text, joined.starts, joined.ends, joined.sent_starts
    own_text = sum(kept)
    entities: list[tuple[int, int, str, bool, float | None]] = []
    events = []
    relations = []
    span_of: dict[Any, tuple[int, int]] = {}
    chars_of: dict[str, tuple[int, int, str]] = {}
    meta_ids: dict[str, list[Any]] = {}
    mentions: list[list[Any]] = []  # [start, end, mention type, entity subtype] of entities that have either
    levels: list[list[Any]] = []  # [start, end, schema type, three-level type] of WikiEvents' triggers read by two
    for (line, obj), first in zip(group, firsts):
        offset, n = sent_starts[first], len(obj["tokens"])

        def tokens_of(x: dict[str, Any], what: str) -> tuple[int, int]:
            s, e = x.get("start"), x.get("end")
            if not (whole_number(s) and whole_number(e) and 0 <= s < e <= n):
                need(False, path, line, f"{what}: tokens {s!r}-{e!r} are not a span of the line's {n} tokens")
            return offset + s, offset + e - 1

        for key in ("sent_id", "wnd_id"):
            if key in obj:
                meta_ids.setdefault(key, []).append(obj[key])
        for k, m in enumerate(listed(obj.get("entity_mentions"), "'entity_mentions'", path, line)):
            need(isinstance(m, dict), path, line, f"entity_mentions {k} must be an object")
            label = m.get("entity_type")
            need(isinstance(label, str) and label != "", path, line, f"entity_mentions {k} needs an 'entity_type'")
            s, e = tokens_of(m, f"entity_mentions {k}")
            predicted = m.get("predicted") is True  # a prediction's (graph)
            entities.append((s, e, label, predicted, m.get("score") if predicted else None))
            if is_key(m.get("id")):
                span_of[m["id"]] = (s, e)
                chars_of[str(m["id"])] = (starts[s], ends[e], label)
            kinds = [
                m.get(x) if isinstance(m.get(x), str) and m.get(x) not in ("", "UNK") else None for x in MENTION_KEYS
            ]
            if any(kinds):  # NAM, NOM, PRO and subtypes: kept by the entity's characters, for the export
                mentions.append([starts[s], ends[e], *kinds])
        for k, r in enumerate(listed(obj.get("relation_mentions"), "'relation_mentions'", path, line)):
            what = f"relation_mentions {k}"
            need(isinstance(r, dict) and isinstance(r.get("relation_type"), str), path, line, f"{what} needs a type")
            args = {
                a.get("role"): a.get("entity_id")
                for a in listed(r.get("arguments"), "'arguments'", path, line)
                if isinstance(a, dict) and is_key(a.get("role")) and is_key(a.get("entity_id"))
            }
            ends_ = [span_of.get(args.get(role)) for role in ("Arg-1", "Arg-2")]
            if ends_[0] is None or ends_[1] is None:
                warnings.append(f"{path}:{line}: {what} {r['relation_type']}: its Arg-1 and Arg-2 are not entities")
                continue
            relations.append((*ends_[0], *ends_[1], r["relation_type"]))
            if r.get("relation_subtype"):
                lost["relation subtypes"] += 1
        for k, v in enumerate(listed(obj.get("event_mentions"), "'event_mentions'", path, line)):
            what = f"event_mentions {k}"
            need(isinstance(v, dict), path, line, f"{what} must be an object")
            etype, trigger = v.get("event_type"), v.get("trigger")
            need(isinstance(etype, str) and etype != "", path, line, f"{what} needs an 'event_type'")
            need(isinstance(trigger, dict), path, line, f"{what}: 'trigger' must be an object with start and end")
            s, e = tokens_of(trigger, f"{what} trigger")
            args = []
            for j, a in enumerate(listed(v.get("arguments"), "'arguments'", path, line)):
                need(isinstance(a, dict) and isinstance(a.get("role"), str), path, line, f"{what} argument {j}: role")
                if "entity_id" in a:
                    got = span_of.get(a["entity_id"]) if is_key(a["entity_id"]) else None
                    need(got is not None, path, line, f"{what} argument {j}: no entity {a['entity_id']!r} in its line")
                    # the entity's label too: of two on the same tokens, the one the id names
                    args.append((*got, a["role"], chars_of[str(a["entity_id"])][2]))
                else:  # an argument given by its span: the entity of the line there (the reader says if none)
                    args.append((*tokens_of(a, f"{what} argument {j}"), a["role"]))
            predicted = v.get("predicted") is True
            if isinstance(v.get(LEVELS), list):  # WikiEvents' third level, for the exports to write back
                levels.append([starts[s], ends[e], *v[LEVELS]])
            events.append((s, e, etype, args, predicted, v.get("score") if predicted else None))
        for key in ("entity_coreference", "event_coreference"):
            if obj.get(key):
                lost[key.replace("_", " ")] += len(obj[key]) if isinstance(obj[key], list) else 1
    doc_id = group[0][1].get("doc_id")
    name = str(doc_id) if is_key(doc_id) else f"{path.name}:{first_line}"
    meta: dict[str, Any] = {k: v for k, v in group[0][1].items() if k not in LINE_KEYS}
    if meta_ids or mentions or levels:  # the lines' ids, a sentence each
        meta[SOURCE] = {
            **meta_ids,
            **({"mentions": mentions} if mentions else {}),
            **({KEPT: levels} if levels else {}),
        }
    line_ = TokenLine(first_line, name, text, starts, ends, sent_starts, entities, events, relations, {}, meta, None)
    return line_, own_text, chars_of


def keep_docred_clusters(path: Path, result: ReadResult, lines: list[tuple[dict[str, Any], Any]]) -> None:
    """Keep each DocRED document's entities of several mentions as its coreference chains (``lines``: each document's
    first line and its mention ids' characters and labels), said in a note."""
    links = chained = 0
    for doc, (obj, chars) in zip(result.documents, lines):
        kept, clustered, _ = keep_clusters(doc, obj.get(DOCRED_CLUSTERS) or [], chars)
        links, chained = links + kept, chained + clustered
    if chained:
        result.notes.append(
            f"{path}: DocRED's entities of several mentions ({chained}) kept as {counted(links, 'coreference link')} "
            "from each mention to the one before it, for the export to WebAnno TSV (chains), DyGIE++ (clusters), "
            "doccano and Label Studio (relations); the app does not show them"
        )


def read_oneie(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """A OneIE file: a sentence a line, the lines of one ``doc_id`` one document (in the order first met)."""
    path = Path(path)
    warnings: list[str] = []
    groups: dict[Any, list[tuple[int, dict[str, Any]]]] = {}
    lost: Counter[str] = Counter()
    predicted = wiki = 0
    names = SchemaNames(schema or default_schema())
    levels: Counter[str] = Counter()  # WikiEvents' event types read by their first two levels
    rams = docred = 0
    said: Counter[str] = Counter()  # what a UIE line had read another way, TACRED's examples of no relation
    sentences: dict[Any, dict[str, Any]] = {}  # the lines made of TACRED's sentences
    for line, obj in iter_json_values(path):
        if is_rams_line(obj):  # RAMS' document lines: read as WikiEvents'
            rams += 1
            obj = rams_as_wikievents(obj, path, line, warnings)
        elif is_docred_document(obj):  # DocRED's documents: read as WikiEvents'
            docred += 1
            obj = docred_as_wikievents(obj, path, line, lost)
        elif is_uie_line(obj):  # UIE's sentence lines: read as OneIE's
            obj = uie_as_oneie(obj, path, line, lost, said)
        elif is_tacred_example(obj):  # TACRED's relation examples: a document a sentence
            made = tacred_as_oneie(obj, path, line, lost, said, sentences)
            if made is None:  # another pair of a sentence read before: added to its line
                continue
            obj = made
        need(
            is_oneie_line(obj),
            path,
            line,
            f"each line must be {a_shown('oneie')} sentence: 'tokens' and 'entity_mentions'",
        )
        key = obj.get("doc_id")
        key = ("line", line) if not isinstance(key, (str, int)) or isinstance(key, bool) else key
        predicted += isinstance(obj.get("graph"), dict)
        if is_wikievents_line(obj):  # a document: its doc_id is its own
            wiki += 1
            key, obj = ("wikievents", line, key), two_levels(obj, names, levels)
        groups.setdefault(key, []).append((line, _from_graph(_from_golden(obj, lost), path, line)))
    made = [_document(group, path, warnings, lost) for group in groups.values()]
    lines = [d for d, _, _ in made]
    if +lost:
        warnings.append(f"{path}: " + ", ".join(f"{what} ({n})" for what, n in (+lost).items()))
    notes: list[str] = [f"{path}: {what} ({n})" for what, n in (+said).items()]
    kinds = sum(len(d.meta.get(SOURCE, {}).get("mentions", [])) for d in lines)
    if kinds:
        notes.append(
            f"{path}: the mention types (NAM, NOM, PRO) and entity subtypes of {counted(kinds, 'entity', 'entities')} "
            "are kept for the OneIE export"
        )
    if predicted:
        notes.append(
            f"{path}: {counted(predicted, 'line')} of OneIE's predictions ('graph'): their entities and events come "
            "in as suggestions, each with its score"
        )
    if levels:
        notes.append(
            f"{path}: event types read by their first two levels (the schema has none of all three; the third level "
            "kept for the OneIE and WikiEvents exports): " + ", ".join(f"{t} ({n})" for t, n in sorted(levels.items()))
        )
    own, n_sent = sum(o for _, o, _ in made), sum(len(d.sent_starts) for d in lines)
    said = "'sentences'" if wiki == len(lines) else "'sentence'"
    text_note = f"{path}: each sentence's text is its own ({said}), a line each"
    if own < n_sent:
        text_note = (
            f"{path}: {counted(own, 'sentence')} of {n_sent} kept their own text ({said}); the others' text is "
            f"their tokens, a space between them (not all their tokens are in their {said} as they are)"
        )
    if sentences and len(sentences) == len(lines):  # every document TACRED's
        text_note = f"{path}: TACRED keeps no text: each sentence's text is its tokens, a space between them"
    if docred == len(lines):
        text_note = (
            f"{path}: DocRED keeps no text: each sentence's text is its tokens, a space between them, a line each"
        )
    if rams == len(lines):
        text_note = (
            f"{path}: RAMS keeps no original text: each document's text is its tokens, a space between them and a "
            "line per sentence"
        )
    elif rams:
        text_note += f"; RAMS documents ({rams}): each sentence's text is its tokens, a space between them"
    if wiki > rams + docred:
        text_note += (
            f"; WikiEvents documents ({wiki - rams - docred}): the line's 'text' (its sentences run together) and the sentences' "
            "character offsets (of an article the file does not hold) not kept"
        )
    result = read_token_lines(lines, path, schema, warnings, SOURCE, "oneie", text_note, "entity_mentions")
    result.notes += notes
    if docred:
        keep_docred_clusters(
            path, result, [(group[0][1], chars) for group, (_, _, chars) in zip(groups.values(), made)]
        )
    coref = found_coref(path) if wiki > rams + docred else None
    if coref is not None:
        ids = [group[0][1].get("doc_id") for group in groups.values()]
        keep_coref(path, coref, result, [(i, chars) for i, (_, _, chars) in zip(ids, made)])
    return result
