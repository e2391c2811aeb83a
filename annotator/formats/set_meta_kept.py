"""An annotator's own part of a document's meta, where her work came in as an annotation set of its own beside the
import's (a Label Studio task's per-annotator annotations, a Prodigy dataset's answers of several ``_annotator_id``s, an
INCEpTION project export's TSV of each annotator): her relations between entities, her choices of the text and on her
regions, her WebAnno TSV file's entity links and other kept annotations. A document keeps one meta, the one of the first set stored (the import's); hers is kept in her set's record
(``meta["annotation_sets"][set]["meta"]``, ``records.SETS_KEY``: ``own_meta``) and put back on her set's record by
the exports that write each annotator's work (``records.covering_set_records``: ``with_own_meta``). Session 38: they
were dropped without a word (the Label Studio and Prodigy exports wrote the first set's choice and relations for every
annotator: one who drew none had another's, the one who drew one none)."""

from __future__ import annotations

from typing import Any, Mapping

from annotator.categories import CATEGORIES, with_categories
from annotator.formats.label_studio_names import REGION_CHOICES
from annotator.formats.meta_keys import BRAT, LABEL_STUDIO, LABEL_STUDIO_TASK, PRODIGY, WEBANNO
from annotator.formats.webanno_chains import CHAIN_MENTIONS
from annotator.formats.webanno_tsv import SPAN_FEATURES, ZERO_WIDTH
from annotator.set_meta import OWN_META as OWN  # the key of a set's record that holds her own part of the meta

MERGED_CATEGORIES = "categories"  # a merge's record of her set: her categories of the document (``merge_categories``)
RELATIONS = LABEL_STUDIO  # where the Label Studio import keeps relations between entities (``regions_out.KEPT``)
OWN_KEYS = (RELATIONS, CATEGORIES, REGION_CHOICES)  # relations, the text's categories, the regions' choices
CHOICE_TAGS = "choices"  # in the task's shape (``LABEL_STUDIO_TASK``): a category -> the Choices tag that gave it
PRODIGY_RELATIONS = (
    "prodigy_relations"  # in ``own_meta``: a Prodigy answer's relations (``meta["prodigy"]["relations"]``)
)
# in ``own_meta`` under ``WEBANNO``: what an annotator's WebAnno TSV file of an INCEpTION project export kept of her
# annotations (its relations and coreference links, entity links, chain mentions, zero-width spans, span features);
# session 39: the first file's went out in every annotator's set (bob's export wrote alice's relation and link)
WEBANNO_KEYS = ("relations", "links", CHAIN_MENTIONS, ZERO_WIDTH, SPAN_FEATURES)


def own_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of a set's document meta that are hers: her relations and categories (empty where she gave none:
    the document's are another annotator's) and the tags her choices came from."""
    out: dict[str, Any] = {RELATIONS: meta.get(RELATIONS) or {}, CATEGORIES: meta.get(CATEGORIES) or []}
    out[REGION_CHOICES] = meta.get(REGION_CHOICES) or []
    answer = meta.get(PRODIGY)
    out[PRODIGY_RELATIONS] = (answer.get("relations") if isinstance(answer, dict) else None) or []
    shape = meta.get(LABEL_STUDIO_TASK)
    tags = shape.get(CHOICE_TAGS) if isinstance(shape, dict) else None
    if isinstance(tags, dict) and tags:
        out[CHOICE_TAGS] = tags
    kept = meta.get(WEBANNO)
    out[WEBANNO] = {k: kept[k] for k in WEBANNO_KEYS if kept.get(k)} if isinstance(kept, dict) else {}
    return out


def imported_own(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of an input document's meta that are the work of whoever made the file (``IncomingDocument.own_meta``:
    kept in the record of the set an ``import --set NAME`` puts its annotations in, onto a document of the same text
    the project holds): its relations between entities (Label Studio's, Prodigy's), its WebAnno TSV file's kept
    annotations and a brat file's kept lines (``meta["brat"]``: its relations, attributes, normalisations,
    equivalences, fragments), each empty where the file had none. Its categories stay the document's. Session 40:
    bob's brat folder imported with ``--set bob`` onto alice's documents lost his relations, attributes and
    normalisations without a word, and his set's export wrote alice's."""
    own = own_meta(meta)
    kept = meta.get(BRAT)
    return {
        RELATIONS: own[RELATIONS],
        PRODIGY_RELATIONS: own[PRODIGY_RELATIONS],
        WEBANNO: own[WEBANNO],
        BRAT: kept if isinstance(kept, dict) else {},
    }


def with_own_meta(meta: dict[str, Any], record: Any) -> dict[str, Any]:
    """A document's meta as a set's record (``record``) says hers was (``own_meta``); a merge's record: the document's
    with her categories (``MERGED_CATEGORIES``, where it keeps them); ``meta`` itself where the record keeps none (an
    import before session 38)."""
    own = record.get(OWN) if isinstance(record, dict) else None
    if not isinstance(own, dict):  # a merge's record keeps her categories alone (session 39: the document's went out)
        merged = record.get(MERGED_CATEGORIES) if isinstance(record, dict) else None
        return with_categories(meta, merged) if isinstance(merged, list) else meta
    out = {k: v for k, v in meta.items() if k not in OWN_KEYS or k not in own}  # hers where her record has them
    merged = record.get(MERGED_CATEGORIES)
    if isinstance(merged, list) and CATEGORIES not in own:  # a merge's record: her categories beside her own part
        out = with_categories(out, merged)
    out.update({k: own[k] for k in OWN_KEYS if own.get(k)})
    if isinstance(own.get(BRAT), dict):  # her brat file's kept lines (``imported_own``), none where it had none
        out = {k: v for k, v in out.items() if k != BRAT} | ({BRAT: own[BRAT]} if own[BRAT] else {})
    answer = out.get(PRODIGY)
    if isinstance(answer, dict) and PRODIGY_RELATIONS in own:  # hers, none where she drew none
        answer = {k: v for k, v in answer.items() if k != "relations"}
        out[PRODIGY] = answer | ({"relations": own[PRODIGY_RELATIONS]} if own[PRODIGY_RELATIONS] else {})
    hers = own.get(WEBANNO)
    if isinstance(hers, dict):  # her WebAnno TSV file's, none where she drew none (a record before session 39: none)
        kept = {k: v for k, v in (out.get(WEBANNO) or {}).items() if k not in WEBANNO_KEYS} | hers
        out = {k: v for k, v in out.items() if k != WEBANNO} | ({WEBANNO: kept} if kept else {})
    tags = own.get(CHOICE_TAGS)
    if isinstance(tags, dict):
        shape = dict(out.get(LABEL_STUDIO_TASK) or {})
        shape[CHOICE_TAGS] = {**(shape.get(CHOICE_TAGS) or {}), **tags}
        out[LABEL_STUDIO_TASK] = shape
    return out


def undecided(meta: dict[str, Any]) -> dict[str, Any]:
    """A document's meta with no annotator's own part (her relations, categories and region choices, kept in her set's
    record by ``own_meta``): the final set's where no annotation was decided into it (a Label Studio task none of whose
    annotators' work is the ground truth, a Prodigy text several annotators answered and no reviewer). Until session
    39 the document kept the first annotator's there, shown in Document > Categories… as the final set's choice and
    written by its exports; a Prodigy answer's relations likewise."""
    out = {k: v for k, v in meta.items() if k not in OWN_KEYS}
    answer = out.get(PRODIGY)
    if isinstance(answer, dict) and "relations" in answer:
        out[PRODIGY] = {k: v for k, v in answer.items() if k != "relations"}
    return out
