"""spaCy v2's JSON training format read in (``spacy``'s reader takes it beside the DocBin): what ``spacy train`` read
before v3 and what ``spacy convert`` still turns into a DocBin (spaCy's ``extra/example_data/ner_example_data/
ner-sent-per-line.json``; v3's ``docs_to_json`` writes it too).

The file is a list of documents (or one, or one a line), each ``{"id", "paragraphs": [{"raw"?, "sentences": [{"tokens":
[{"orth", "ner", "tag", "space"?, ...}]}], "cats"?: [{"label", "value"}]}]}``. Each paragraph is a document, as
``spacy convert`` makes a Doc of each (named ``FILE:ID``, ``FILE:ID.N`` when the document has several paragraphs; the
id kept in the meta). Its text is the paragraph's ``raw`` where its tokens lie in it in order with only whitespace
between them (or with whitespace and case aside, spaCy's own rule: a token of whitespace, ``tokens.tokens_in_raw``; or a token in Penn Treebank's escapes, ``-LRB-`` on
its ``(``, ``--`` on a dash, a straight quote on a curly one), else the tokens and their ``space`` (what v3 writes), else the tokens joined as every reader of bare
tokens joins them (``formats.tokens.join_tokens``: a space between tokens, a line between sentences; spaCy puts a space
there); the tokens and sentences are stored as the document's. Entities are the ``ner`` tags in BILUO (``U-ORG``,
``B-PERSON`` ... ``L-PERSON``; IOB read as well), through ``iob.entities`` as a CoNLL file's, labels as the schema names
them; ``-`` (spaCy's missing value) is no entity, and said. A paragraph's ``entities`` (v3's ``docs_to_json`` writes
``[start, end, label]`` in characters of its ``raw``, or of its tokens and their ``space``, beside the tags) are read
too: where the tags give none they are the entities; where both give some, each entity once, a disagreement said in one
line; one not at a token's edge is kept as its characters and said; one in a ``raw`` the tokens do not lie in (the text
is then the tokens) has no place, and is said as not kept, as are ``links`` (an entity linker's). ``cats`` are kept
in the meta as a DocBin's ``doc.cats``. The other token fields (``tag``, ``pos``, ``lemma``, ``head``, ``dep``,
``morph``) and ``brackets`` are not kept, and said."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.formats.iob import allowed, detect_scheme, entities
from annotator.formats.reading import LabelTally, ReadResult, iter_json_values, need, whole_number
from annotator.formats.regions import Region, build_document
from annotator.formats.schema_names import SchemaNames, given_spellings
from annotator.formats.tokens import JoinedTokens, escaped_in, join_tokens, tokens_in_raw, tokens_in_text
from annotator.schema import Schema, default_schema
from annotator.wording import counted

SOURCE = "spacy"
SHAPE = "spacy_v2"  # the meta key of how the file wrote labels (the schema's PERSON as the file's PER)
MISSING = ("-", "", None)  # spaCy's missing NER value: nothing said of the token
OTHER_FIELDS = ("tag", "pos", "lemma", "head", "dep", "morph")


def is_v2_document(obj: Any) -> bool:
    """Whether ``obj`` is a document of spaCy v2's JSON training format: ``paragraphs`` as a list of objects with
    ``sentences``, and no ``text`` (a line of ours or another tool's)."""
    if not isinstance(obj, dict) or "text" in obj or not isinstance(obj.get("paragraphs"), list):
        return False
    first = obj["paragraphs"][0] if obj["paragraphs"] else None
    return first is None or (isinstance(first, dict) and isinstance(first.get("sentences"), list))


@dataclass
class _Said:
    """What the file held that the documents do not keep, counted for one note each."""

    missing: int = 0  # tokens whose ner is spaCy's missing value
    fields: set[str] = field(default_factory=set)  # token fields not kept
    brackets: int = 0
    own_text: int = 0  # paragraphs whose text is their raw
    loose: int = 0  # of those, paragraphs whose tokens are in their raw only with whitespace and case aside
    escaped: int = 0  # of those, paragraphs whose tokens are in their raw by Penn Treebank's escapes (-LRB- on its "(")
    spaced: int = 0  # paragraphs whose text is their tokens and spaces
    raw_off: int = 0  # paragraphs with a raw their tokens do not lie in
    given: int = 0  # entities read from paragraphs' ``entities`` alone (their tokens' ner gave none)
    disagree: int = 0  # paragraphs whose ``entities`` and tokens' ner give different entities
    off_tokens: int = 0  # entities of ``entities`` that do not begin or end at a token's edge
    unplaced: int = 0  # entities of ``entities`` in a raw the tokens do not lie in
    links: int = 0  # entity links (``links``: an entity linker's knowledge base ids)


def _tokens(paragraph: dict[str, Any], path: Path, line: int, where: str, said: _Said) -> list[list[dict[str, Any]]]:
    sentences = paragraph.get("sentences")
    need(isinstance(sentences, list), path, line, f"{where}: 'sentences' must be a list")
    out = []
    for n, s in enumerate(sentences, start=1):
        tokens = s.get("tokens") if isinstance(s, dict) else None
        need(isinstance(tokens, list), path, line, f"{where}, sentence {n}: 'tokens' must be a list")
        for k, t in enumerate(tokens, start=1):
            ok = isinstance(t, dict) and isinstance(t.get("orth"), str) and t["orth"] != ""
            need(ok, path, line, f"{where}, sentence {n}, token {k}: 'orth' must be a non-empty string")
            said.fields.update(f for f in OTHER_FIELDS if t.get(f) not in (None, ""))
        said.brackets += len(s.get("brackets") or [])
        out.append(tokens)
    return out


def _text(sentences: list[list[dict[str, Any]]], raw: Any, said: _Said) -> JoinedTokens:
    """The paragraph's text and where each token lies in it: its ``raw``, its tokens' ``space``, or the tokens
    joined."""
    words = [t["orth"] for s in sentences for t in s]
    firsts, n = [], 0
    for s in sentences:
        if s:
            firsts.append(n)
        n += len(s)
    if raw is not None:
        where = tokens_in_text(raw, words)
        if where is None:
            where = tokens_in_raw(raw, words)
            if where is not None and any(escaped_in(raw[a:b], w) for w, (a, b) in zip(words, where)):
                said.escaped += 1
            else:
                said.loose += where is not None
        if where is not None:
            said.own_text += 1
            return JoinedTokens(raw, [a for a, _ in where], [b for _, b in where], firsts)
        said.raw_off += 1
    flat = [t for s in sentences for t in s]
    if flat and all(isinstance(t.get("space"), str) and not t["space"].strip() for t in flat):
        said.spaced += 1
        starts, ends, at = [], [], 0
        for t in flat:
            starts.append(at)
            at += len(t["orth"])
            ends.append(at)
            at += len(t["space"])
        return JoinedTokens("".join(t["orth"] + t["space"] for t in flat), starts, ends, firsts)
    return join_tokens([[t["orth"] for t in s] for s in sentences])


def _regions(tags: list[str], joined: JoinedTokens, path: Path, line: int, where: str) -> list[Region]:
    prefixes = {t[0] for t in tags if t != "O"}
    scheme = detect_scheme(prefixes)
    for k, tag in enumerate(tags, start=1):
        need(
            allowed(tag, scheme),
            path,
            line,
            f"{where}, token {k}: ner {tag!r} is not a BILUO tag (O, U-LABEL, B-LABEL, I-LABEL, L-LABEL or '-')",
        )
    found, _ = entities(tags, scheme)
    return [Region(i, joined.starts[a], joined.ends[b], label) for i, (label, a, b) in enumerate(found)]


def _given(
    paragraph: dict[str, Any], raw: Any, joined: JoinedTokens, path: Path, line: int, where: str, said: _Said
) -> list[tuple[int, int, str]]:
    """The paragraph's ``entities`` (v3's ``docs_to_json``: ``[start, end, label]`` in characters of its ``raw``, or of
    its tokens and their ``space`` where it has none), as (start, end, label) in the document's text; an entity that
    does not begin and end at a token's edge is kept as its characters, and counted."""
    given = paragraph.get("entities") or []
    need(isinstance(given, list), path, line, f"{where}: 'entities' must be a list of [start, end, label]")
    size = len(raw) if raw is not None else len(joined.text)
    out = []
    for e in given:
        ok = isinstance(e, (list, tuple)) and len(e) == 3 and isinstance(e[2], str) and e[2] != ""
        ok = ok and all(whole_number(x) for x in e[:2])
        need(ok, path, line, f"{where}: each of 'entities' must be [start, end, label], not {e!r}")
        need(0 <= e[0] < e[1] <= size, path, line, f"{where}: entity {list(e)!r} lies outside its {size} characters")
        out.append((e[0], e[1], e[2]))
    if raw is not None and joined.text != raw:  # the text is not the raw the offsets count in: no place for them
        said.unplaced += len(out)
        return []
    starts, ends = set(joined.starts), set(joined.ends)
    said.off_tokens += sum(not (a in starts and b in ends) for a, b, _ in out)
    return out


def _merged(regions: list[Region], given: list[tuple[int, int, str]], any_tag: bool, said: _Said) -> list[Region]:
    """The tags' entities and the paragraph's ``entities`` together, each once; a paragraph where they differ while its
    tokens carry tags is counted (both kept)."""
    have = {(r.start, r.end, r.label) for r in regions}
    extra = [g for g in dict.fromkeys(given) if g not in have]
    if any_tag and (extra or (given and have - set(given))):
        said.disagree += 1
    elif not any_tag:
        said.given += len(extra)
    return regions + [Region(len(regions) + i, a, b, label) for i, (a, b, label) in enumerate(extra)]


def _cats(paragraph: dict[str, Any], path: Path, line: int, where: str) -> dict[str, float]:
    cats = paragraph.get("cats") or []
    need(isinstance(cats, list), path, line, f"{where}: 'cats' must be a list of {{'label', 'value'}}")
    out = {}
    for c in cats:
        ok = isinstance(c, dict) and isinstance(c.get("label"), str) and isinstance(c.get("value"), (int, float))
        need(ok, path, line, f"{where}: each of 'cats' must be {{'label': NAME, 'value': NUMBER}}, not {c!r}")
        out[c["label"]] = float(c["value"])
    return out


def read_spacy_v2(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """The paragraphs of a spaCy v2 JSON training file as documents (the line in messages: where its document
    starts)."""
    path = Path(path)
    schema = schema or default_schema()
    names = SchemaNames(schema)
    unknown = LabelTally(path)
    said = _Said()
    warnings: list[str] = []
    docs = []
    for place, (line, item) in enumerate(iter_json_values(path), start=1):
        need(is_v2_document(item), path, line, "not a document of spaCy v2's JSON training format ('paragraphs')")
        doc_id = item.get("id", place)
        paragraphs = item["paragraphs"]
        for k, paragraph in enumerate(paragraphs, start=1):
            where = f"document {doc_id!r}, paragraph {k}"
            need(isinstance(paragraph, dict), path, line, f"{where} must be an object")
            raw = paragraph.get("raw")
            need(raw is None or isinstance(raw, str), path, line, f"{where}: 'raw' must be a string")
            sentences = _tokens(paragraph, path, line, where, said)
            if not any(sentences):
                continue
            joined = _text(sentences, raw, said)
            given = _given(paragraph, raw, joined, path, line, where, said)
            said.links += len(paragraph.get("links") or [])
            tags = [t.get("ner") for s in sentences for t in s]
            any_tag = any(t not in MISSING for t in tags)
            said.missing += 0 if given else sum(t in MISSING for t in tags)
            tags = ["O" if t in MISSING else t for t in tags]
            need(all(isinstance(t, str) for t in tags), path, line, f"{where}: each token's 'ner' must be a string")
            regions = _merged(_regions(tags, joined, path, line, where), given, any_tag, said)
            meta: dict[str, Any] = {"id": doc_id}
            cats = _cats(paragraph, path, line, where)
            if cats:
                meta["cats"] = cats
            name = f"{path.name}:{doc_id}" + (f".{k}" if len(paragraphs) > 1 else "")
            with unknown.collect():
                doc = build_document(
                    joined.text, name, regions, [], schema, path, line, warnings, source=SOURCE, meta=meta, names=names
                )
                doc.tokens, doc.tokens_source = joined.stored(), SOURCE
                spelt = given_spellings(names)  # the file's PER for PERSON: written back by the exports as it came
                if spelt:
                    doc.meta[SHAPE] = spelt
                docs.append(doc)
    unknown.check()
    need(bool(docs), path, None, "no tokens in the file (spaCy v2's JSON training format)")
    notes = _notes(path, len(docs), said) + names.notes(str(path))
    return ReadResult(docs, None, warnings + _not_kept(path, said), notes)


def _notes(path: Path, n: int, said: _Said) -> list[str]:
    joined = n - said.own_text - said.spaced
    how = [
        f"its 'raw' ({said.own_text})" if said.own_text else "",
        f"its tokens and each one's 'space' ({said.spaced})" if said.spaced else "",
        f"its tokens, a space between them and a line per sentence, as the file gives none ({joined})"
        if joined
        else "",
    ]
    notes = [
        f"{path}: spaCy v2's JSON training format, a document a paragraph ({counted(n, 'document')}); the text of "
        f"each: {'; '.join(x for x in how if x)}"
    ]
    if said.loose:
        notes.append(
            f"{path}: {counted(said.loose, 'paragraph')} whose tokens differ from its 'raw' in whitespace or case "
            "(a token of spaces, a line break): its text is the raw, as spaCy aligns them"
        )
    if said.escaped:
        notes.append(
            f"{path}: {counted(said.escaped, 'paragraph')} whose tokens write its 'raw' in Penn Treebank's escapes "
            "(`` and '' for a quote, -LRB- for a bracket, -- for a dash) or its curly quotes straight: its text is the raw, each such token on the character it "
            "stands for"
        )
    if said.raw_off:
        notes.append(
            f"{path}: {counted(said.raw_off, 'paragraph')} whose 'raw' does not hold its tokens in order: its text is "
            "its tokens with a space between them"
        )
    if said.missing:
        notes.append(f"{path}: {counted(said.missing, 'token')} with ner '-' (spaCy's missing value): no entity there")
    if said.given:
        notes.append(
            f"{path}: {counted(said.given, 'entity', 'entities')} from the paragraphs' 'entities', where their tokens' "
            "ner gave none"
        )
    if said.disagree:
        notes.append(
            f"{path}: {counted(said.disagree, 'paragraph')} whose 'entities' and tokens' ner give different entities: "
            "both kept"
        )
    if said.off_tokens:
        notes.append(
            f"{path}: {counted(said.off_tokens, 'entity', 'entities')} of 'entities' not at its tokens' edges: kept as "
            "characters"
        )
    return notes


def _not_kept(path: Path, said: _Said) -> list[str]:
    """The warnings (printed after "not kept: ") of the token fields, brackets, entities with no place and entity
    links the documents do not keep."""
    out = []
    if said.fields or said.brackets:
        fields = sorted(said.fields) + (["brackets"] if said.brackets else [])
        out.append(
            f"{path}: the tokens' {', '.join(fields)} (spaCy's tags and parse: the project keeps entities and events)"
        )
    if said.unplaced:
        out.append(
            f"{path}: {counted(said.unplaced, 'entity', 'entities')} of 'entities' in a 'raw' that does not hold its "
            "tokens (the text is its tokens)"
        )
    if said.links:
        out.append(f"{path}: {counted(said.links, 'entity link')} ('links': an entity linker's knowledge base ids)")
    return out
