"""What a Doc of another project carries beside the annotations a document holds, kept in the document's meta under
``docbin_plan.SHAPE`` (``spacy_docbin``, the key the DocBin's spellings are kept under), each written back by the
DocBin export (``docbin_plan``): its entities' knowledge-base ids (``kb_id``, an entity linker's: ``kb_ids``,
``[start, end, kb_id]`` by character offsets; back on ``doc.ents``, ``entity_links.links_of``), the spans of its span groups of
names of its own (``span_groups``, ``{name: [[start, end, label], ...]}``: read as entities too, written under ``sc``
and under those names again; an empty one kept and written empty) and ``doc.user_data``'s own keys whose values JSON holds (``user_data``: back at the top
of ``doc.user_data``, ``user_data_of``). The project's JSON, Label Studio's, doccano's and Prodigy's exports carry
the meta. Said in one note; what cannot be kept (a value JSON cannot hold) in one warning. Session 35 said all three
as not kept."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from annotator.wording import counted

KB_IDS, GROUPS, USER_DATA = "kb_ids", "span_groups", "user_data"  # their keys in ``meta[SHAPE]``
# the spans of the Doc's span groups that were not in its ``doc.ents`` (``[start, end, label]`` by characters, the label
# as the file spelt it): the DocBin export leaves them in ``doc.spans`` alone (session 40: it chose ``doc.ents`` anew,
# the longer of two spans on the same words, and a spancat group's spans went into them)
SPANS_ONLY = "spans_only"
OUR_KEYS = "annotator_"  # our export's own user data keys (``docbin_plan.user_data_of``)


def _json_value(value: Any) -> bool:
    try:
        orjson.dumps(value)
    except TypeError:
        return False
    return True


def doc_extras(doc: Any, own_groups: tuple[str, ...], tally: Counter[str]) -> dict[str, Any]:
    """The parts of ``doc`` (a spaCy Doc) named in the module's docstring that it has, to keep (``own_groups``: the
    span groups the reader takes, the entities' first, whose spans' kb_ids are kept too); each counted in
    ``tally`` (``kb_id``, ``group NAME``, ``user_data KEY``, ``unkept KEY`` for a value JSON cannot hold)."""
    kept: dict[str, Any] = {}
    kb = [[e.start_char, e.end_char, e.kb_id_] for e in doc.ents if e.kb_id_]
    on_ents = {(e.start_char, e.end_char) for e in doc.ents}
    for s in doc.spans.get(own_groups[0], []) if own_groups and own_groups[0] in doc.spans else ():
        if s.kb_id_ and (s.start_char, s.end_char) not in on_ents:  # an entity kept only in the span group (it
            kb.append([s.start_char, s.end_char, s.kb_id_])  # overlaps another), its link with it (docbin_plan)
    if kb:
        kept[KB_IDS] = kb
        tally["kb_id"] += len(kb)
    ours = isinstance(doc.user_data, dict) and any(isinstance(k, str) and k.startswith(OUR_KEYS) for k in doc.user_data)
    # a span spelt otherwise on an entity's words (PER for PERSON) is that entity; the export's own groups of
    # triggers and scores are no entities (own_groups[1:]); our own DocBin's doc.ents are the export's choice
    apart = {
        (s.start_char, s.end_char, s.label_)
        for name, group in (() if ours else doc.spans.items())
        if name not in own_groups[1:]
        for s in group
        if (s.start_char, s.end_char) not in on_ents
    }
    if apart:
        kept[SPANS_ONLY] = sorted([list(x) for x in apart])
        tally["spans only"] += len(apart)
    groups = {
        str(name): [[s.start_char, s.end_char, s.label_] for s in group]
        for name, group in doc.spans.items()
        if name not in own_groups
    }
    if groups:  # an empty one too (a spancat group looked at and found without spans): written back empty
        kept[GROUPS] = groups
        for name, spans in groups.items():
            tally[f"group {name}" if spans else f"empty {name}"] += len(spans) or 1
    user: dict[str, Any] = {}
    for key, value in doc.user_data.items() if isinstance(doc.user_data, dict) else ():
        if not isinstance(key, str) or key.startswith(OUR_KEYS):
            continue  # a custom attribute's tuple key is counted by the reader; ours are read as the document's
        if _json_value(value):
            user[key] = value
            tally[f"user_data {key}"] += 1
        else:
            tally[f"unkept {key}"] += 1
    if user:
        kept[USER_DATA] = user
    return kept


def extras_said(path: Path, tally: Counter[str], group_key: str) -> tuple[list[str], list[str]]:
    """The note on what ``doc_extras`` kept and the warning on what it could not, with their numbers (each [] when
    there is nothing to say); ``group_key``: the span group the export writes entities under."""
    parts = []
    if tally["kb_id"]:
        parts.append(f"the knowledge-base ids (kb_id) of {counted(tally['kb_id'], 'entity', 'entities')}")
    groups = [f"{k[6:]} ({counted(n, 'span')})" for k, n in tally.items() if k.startswith("group ") and n]
    if groups:
        parts.append(
            f"the spans of its span groups {', '.join(groups)} by group (read as entities too; the DocBin export "
            f"writes them under {group_key!r} and under their groups' names again)"
        )
    empty = [k[6:] for k, n in tally.items() if k.startswith("empty ") and n]
    if empty:
        parts.append(f"its empty span groups {', '.join(empty)} (the DocBin export writes them again, empty)")
    if tally["spans only"]:
        parts.append(
            f"which spans of its span groups were not in doc.ents ({counted(tally['spans only'], 'span')}: the "
            "DocBin export leaves them in doc.spans alone)"
        )
    keys = [k[10:] for k, n in tally.items() if k.startswith("user_data ") and n]
    if keys:
        parts.append(f"doc.user_data's own keys {', '.join(keys)} (the DocBin export writes them back)")
    notes = (
        [f"{path}: kept in the documents' meta (spacy_docbin), which the project's JSON carries: {'; '.join(parts)}"]
        if parts
        else []
    )
    lost = [k[7:] for k, n in tally.items() if k.startswith("unkept ") and n]
    warnings = [f"{path}: doc.user_data's own keys whose values JSON cannot hold ({', '.join(lost)})"] if lost else []
    return notes, warnings
