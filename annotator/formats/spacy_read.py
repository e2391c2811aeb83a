"""spaCy DocBin (``.spacy``) import: the training corpora spaCy projects make (``corpus/train.spacy``), and our
own DocBin export read back; a JSON file given to it is spaCy v2's training format (``formats.spacy_v2``), or Docs as
``Doc.to_json()`` writes them (``formats.spacy_doc_json``), read as a DocBin's Docs.

Per Doc: the text is ``doc.text``; entities are ``doc.ents`` and the spans of every span group (a spancat's
``sc``), each (start, end, label) once, ``accepted`` with source ``spacy``, with its score where the group has
``attrs["scores"]`` (a span categorizer's predictions). A Doc our export wrote carries more, and
all of it is read back: ``doc.spans["sc"].attrs["entities"]`` (every entity, overlapping ones too, with its state,
source and annotator; nested-event stand-ins, and its score from ``doc.spans["scored"]``), ``doc.spans["triggers"].attrs["events"]`` (events with their type,
trigger, attributes, arguments, state and source) and ``doc.user_data`` (``annotator_name``, ``annotator_status``,
``annotator_meta``, ``annotator_comments``). ``doc.cats`` (text categories, label -> score) are kept in the document's
meta as ``cats``, as the training JSONL's are, for the DocBin export to write back (``common.document_cats``).
The Doc's tokens and sentences are stored as the document's tokens, so a DocBin export cuts it the same way.
Labels the schema lacks are named all at once, as for the other formats. spaCy is imported only when a file is read.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from annotator.errors import ImportFileError
from annotator.categories import document_cats
from annotator.formats.reading import LabelTally, ReadResult, check_with_line, need, need_known_labels, read_file_bytes
from annotator.formats.docbin_plan import SHAPE, SPAN_KEY, TRIGGER_KEY
from annotator.formats.spacy_doc_json import doc_json_docs, first_is_doc_json
from annotator.formats.spacy_doc_extras import doc_extras, extras_said
from annotator.formats.schema_names import SchemaNames, given_spellings
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent
from annotator.model import STATUSES
from annotator.nlp import scored_spans, to_parsed
from annotator.formats.told_types import EventUses, told_schema
from annotator.rules import schema_lacks
from annotator.schema import Schema, default_schema
from annotator.text_encoding import json_opening


def _docs(path: Path) -> list[Any]:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    data = read_file_bytes(path)
    try:
        return list(DocBin(store_user_data=True).from_bytes(data).get_docs(Vocab()))
    except Exception as exc:  # zlib, msgpack or spaCy's own errors: each says the bytes are not a DocBin
        raise ImportFileError(str(path), _why_not_read(data, exc)) from None


def zlib_header(data: bytes) -> bool:
    """Do ``data`` start as zlib data does (RFC 1950's two bytes), as a DocBin's do?"""
    return len(data) >= 2 and data[0] & 0x0F == 8 and ((data[0] << 8) | data[1]) % 31 == 0


def _why_not_read(data: bytes, exc: Exception) -> str:
    """Why the bytes of a file named as a DocBin did not load: cut short, damaged, or not a DocBin at all (a cut
    copy was 'not a spaCy DocBin' with spaCy's advice to convert a v2 JSON file). A DocBin is one zlib stream."""
    import zlib

    if not zlib_header(data):
        return "not a spaCy DocBin (a DocBin is zlib-compressed data, as `DocBin.to_disk` writes it; this is not)"
    stream = zlib.decompressobj()
    try:
        stream.decompress(data)
    except zlib.error:
        return "a damaged spaCy DocBin: its compressed data is corrupt; write it again (or restore a copy)"
    if not stream.eof:
        return (
            f"a truncated spaCy DocBin: the data is cut short after {len(data):,} bytes (a copy or download not "
            "finished?); write it again or copy the whole file"
        )
    return f"not a spaCy DocBin, or a damaged one: its data does not load ({type(exc).__name__}: {exc})"


def _group_with(doc: Any, attr: str, first: str) -> Any:
    """The span group carrying ``attrs[attr]`` (our export's, under ``first`` unless ``span_key``/``trigger_key``
    named another), or None."""
    names = [first] + [n for n in doc.spans if n != first]
    return next((doc.spans[n] for n in names if n in doc.spans and attr in doc.spans[n].attrs), None)


def _ours(doc: Any) -> tuple[list[dict[str, Any]], list[Any]] | None:
    """The entity infos and spans of a Doc our export wrote (``attrs["entities"]`` beside each span), else None."""
    group = _group_with(doc, "entities", SPAN_KEY)
    infos = group.attrs.get("entities") if group is not None else None
    if not isinstance(infos, list) or len(infos) != len(group) or not all(isinstance(i, dict) for i in infos):
        return None
    return infos, list(group)


def _document(
    doc: Any, k: int, path: Path, schema: Schema, warnings: list[str], names: SchemaNames
) -> IncomingDocument:
    """One Doc as a document, its labels, event types and roles as the schema names them (``names``)."""
    user = doc.user_data if isinstance(doc.user_data, dict) else {}
    name = user.get("annotator_name")
    name = name if isinstance(name, str) and name else f"{path.name}:{k}"
    status = user.get("annotator_status")
    meta = user.get("annotator_meta")
    comments = user.get("annotator_comments")
    out = IncomingDocument(
        text=doc.text,
        name=name,
        meta=dict(meta) if isinstance(meta, dict) else {},
        status=status if status in STATUSES else "new",
        source_path=str(path),
        comments=[
            {"author": c.get("author"), "text": c["text"]}
            for c in comments or []
            if isinstance(c, dict) and isinstance(c.get("text"), str)
        ],
    )
    parsed = to_parsed(doc)  # the Doc's own tokens and sentences, kept as the document's tokens
    if parsed.token_starts:
        out.tokens, out.tokens_source = (parsed.token_starts, parsed.token_ends, parsed.sentence_starts), "spacy"
    ours = _ours(doc)
    if ours is not None:  # our export: every entity with its state, source, annotator and score, in span order
        out.keep_annotators = True
        scores = scored_spans(doc)  # doc.spans["scored"]: the entities that have a score, as spancat leaves them
        for i, (info, span) in enumerate(zip(*ours)):
            out.entities.append(
                IncomingEntity(
                    i,
                    span.start_char,
                    span.end_char,
                    names.label(span.label_),
                    state=str(info.get("state") or "accepted"),
                    source=str(info.get("source") or "spacy"),
                    annotator=info.get("annotator") if isinstance(info.get("annotator"), str) else None,
                    score=scores.get((span.start_char, span.end_char, span.label_)),
                )
            )
    triggers = _group_with(doc, "events", TRIGGER_KEY)
    if ours is None:  # another project's corpus: doc.ents and the span groups (spancat), each span once
        seen: set[tuple[int, int, str]] = set()
        scores = scored_spans(doc)  # a span categorizer's group keeps its scores (attrs["scores"]): so do we
        for s in list(doc.ents) + [s for g in doc.spans.values() if g is not triggers for s in g]:
            key = (s.start_char, s.end_char, s.label_)
            label = names.label(key[2])  # once as the schema names it: PERSON in doc.ents and PER in a group are one
            if (*key[:2], label) not in seen:
                seen.add((*key[:2], label))
                out.entities.append(IncomingEntity(len(seen), *key[:2], label, source="spacy", score=scores.get(key)))
    events = triggers.attrs.get("events") if triggers is not None else None
    for v in events if isinstance(events, list) else []:
        if not (isinstance(v, dict) and isinstance(v.get("type"), str) and isinstance(v.get("trigger"), list)):
            continue
        args = []
        etype = names.event_type(v["type"])  # a bare leaf (our export's Prodigy-spelt Meet) as a file's schema names it
        etype = etype if schema.event_type(etype) is not None else names.declared_type(etype) or etype
        for a in v.get("arguments") or []:
            k_ = a.get("span") if isinstance(a, dict) else None
            if ours is not None and isinstance(k_, int) and 0 <= k_ < len(out.entities):
                args.append((names.role(etype, str(a.get("role"))), k_))  # the argument's entity: span k_ of the group
            else:
                warnings.append(f"{path}: {name}: an argument of event {v.get('id')} points at no span")
        attrs = v.get("attributes")
        out.events.append(
            IncomingEvent(
                etype,
                int(v["trigger"][0]),
                int(v["trigger"][1]),
                {str(a): str(x) for a, x in attrs.items() if x is not None} if isinstance(attrs, dict) else {},
                args,
                fill_defaults=False,
                state=str(v.get("state") or "accepted"),
                source=str(v.get("source") or "spacy"),
            )
        )
    if doc.cats and dict(doc.cats) != document_cats(out.meta):  # not what the meta holds (our own export's)
        out.meta["cats"] = {str(c): float(s) for c, s in doc.cats.items()}  # as spaCy's training JSONL keeps them
    lacking = sorted({v.type for v in out.events if schema.event_type(v.type) is None})
    need(  # before the labels: an event type was grown into the schema as an entity label, or refused as a bad one
        not lacking,
        path,
        k,
        f"event types the schema {schema.name!r} lacks: {', '.join(lacking)} (a DocBin brings no roles for them: import "
        "it into a project whose schema has them, e.g. annotator init P --schema FILE)",
    )
    return out


OWN_GROUPS = (SPAN_KEY, TRIGGER_KEY, "scored")  # the span groups our export writes; "sc" is spaCy's spancat default


def _told_role_labels(docs: list[IncomingDocument], schema: Schema, path: Path) -> Schema | None:
    """``schema`` with the labels it lacks that the Docs' events give its event types' roles (a schema's own
    ``Place`` in the news schema's ``Contact:Meet``, whose ``Place`` takes ``GPE``, ``LOC``, ``FAC``), and the
    attributes and values it lacks that they give (a brat corpus's ``Negation``: session 40, the DocBin was refused,
    "attribute 'Negation' is not in the schema", where the WebAnno TSV and Prodigy exports of the same project came in
    with it), told as a Prodigy file's are (``EventUses.lacking``, ``EventUses.attributes``); None when there are none
    (a DocBin brings no schema: it was refused at the first)."""
    uses = EventUses()
    for d in docs:
        labels = {e.key: e.label for e in d.entities}
        for v in d.events:
            uses.lacking(schema, v.type, [(role, labels.get(key)) for role, key in v.arguments])
            uses.attributes(schema, v.attributes)
    told = uses.role_labels or uses.new_roles or uses.values
    return told_schema(schema, uses, path, "a DocBin") if told else None


def read_spacy(path: str | Path, schema: Schema | None = None) -> ReadResult:
    """The Docs of a DocBin file as documents (the line number in messages is the Doc's place in the file)."""
    path = Path(path)
    is_json = json_opening(path) != ""  # a DocBin starts with zlib's header
    as_json = is_json and first_is_doc_json(path)  # Doc.to_json()'s objects, a line each or a list
    if is_json and not as_json:  # spaCy v2's JSON training format, which spacy convert makes a DocBin of
        from annotator.formats.spacy_v2 import read_spacy_v2

        return read_spacy_v2(path, schema)
    schema = schema or default_schema()
    warnings: list[str] = []
    unknown = LabelTally(path)
    names = SchemaNames(schema)  # another corpus's PER as the news schema's PERSON (its alias)
    out = []
    docs, custom = doc_json_docs(path) if as_json else (_docs(path), 0)
    if custom:
        warnings.append(f"{path}: the custom attributes ('_') of {custom} Doc{'' if custom == 1 else 's'}")
    tally: Counter[str] = Counter()  # what another project's Docs carry beside the annotations (``doc_extras``)
    for k, doc in enumerate(docs, start=1):
        extras = doc_extras(doc, OWN_GROUPS, tally)
        got = _document(doc, k, path, schema, warnings, names)
        spellings = given_spellings(names)  # PER for PERSON: written back by the DocBin export as they came
        if spellings or extras:
            kept = got.meta.get(SHAPE)  # our own export's, back with its meta
            got.meta[SHAPE] = {**(kept if isinstance(kept, dict) else {}), **spellings, **extras}
        out.append(got)
    need(bool(out), path, None, "no documents in the DocBin")
    extras_notes, extras_lost = extras_said(path, tally, SPAN_KEY)
    warnings += extras_lost
    told = _told_role_labels(out, schema, path)  # before the labels: those filling its roles come with them
    for k, got in enumerate(out, start=1):
        with unknown.collect():
            need_known_labels(told or schema, [e.label for e in got.entities], path, k)
    unknown.check()
    for k, got in enumerate(out, start=1):
        check_with_line(told or schema, got, path, k)
    # how many Docs it held ("read as spaCy DocBin" is the import's own line when the format was told from the file)
    held = "as Doc.to_json() writes them" if as_json else "in the DocBin"
    notes = [f"{path}: {len(out)} Doc{'' if len(out) == 1 else 's'} {held}"] + names.notes(str(path)) + extras_notes
    if told is None:
        return ReadResult(out, None, warnings, notes)
    lacked = [x for x in schema_lacks(schema, told) if x.startswith(("role ", "attribute "))]
    notes.append(
        f"{path}: what the schema {schema.name!r} lacks, told from its events (labels of its roles, attributes, "
        f"their values): {', '.join(lacked)}"
    )
    said = "its events (told from them: a DocBin brings no schema) give roles labels and attributes values"
    return ReadResult(out, told, warnings, notes, schema_from=said, told=True)
