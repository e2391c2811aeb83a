"""An entity's link to a knowledge base, the one owner of it across formats. The project has no place for links: each
reader keeps them in the document's meta in its own format's shape, and every export that has a place for a link
writes the links of any of them there:

- a spaCy DocBin's ``doc.ents`` ``kb_id`` (``spacy_doc_extras``: ``meta["spacy_docbin"]["kb_ids"]``, ``[start, end,
  kb_id]``);
- Prodigy's ``nel.manual`` answers (``prodigy``: ``meta["prodigy"]["links"]``, ``{"spans": [[start, end, label]],
  "accept": [id], "options": [...]}``);
- brat's normalisations (``brat_ann``: ``meta["brat"]["normalizations"]``, ``{"type": "Reference", "target": ["T",
  label, start, end], "reference": "DB:ID", "text"}``). brat writes a reference as ``DB:ID``; an id of no database (a
  spaCy kb_id ``Q76``) goes out under ``KB`` (``KB:Q76``) and comes back without it;
- WebAnno TSV's ``NamedEntity`` ``identifier`` (INCEpTION's entity linking: ``webanno_read``,
  ``meta["webanno"]["links"]``, ``[start, end, identifier]``; session 38: said as not kept).

``links_of`` gives a document's links by their entity's characters, the first place in that order winning; the
exports ask it and leave out what their own format's record already writes (``links_beyond``)."""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from annotator.formats.meta_keys import BRAT, PRODIGY, SPACY_DOCBIN, WEBANNO

KB_DB = "KB"  # brat's database name of an id that names none (``brat_reference``)
DOCBIN, PRODIGY_LINKS, BRAT_LINKS = "docbin", "prodigy", "brat"  # where a link was kept, as ``links_beyond`` is told
WEBANNO_LINKS = WEBANNO  # (``webanno_tsv.SOURCE``: one spelling of it)
# the meta keys that hold links, as they appear in a document's stored meta: a DocBin export looks for them before it
# decides how to write (``docbin_arrays``, ``spacy_docbin``)
LINK_KEYS = ("kb_ids", "links", "normalizations")

DB_ID = re.compile(r"[^:\s]+:\S")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"  # the IRI of a Wikidata item, as INCEpTION's Wikidata KB names it
# a Wikidata item or property by its id alone (spaCy's entity linker's ``Q76``) or under brat's database name
WIKIDATA_ID = re.compile(
    r"(?:wikidata:)?([QP][1-9]\d*)", re.IGNORECASE
)  # brat's reference: a database's name, a colon, the id (``(\S+?):(\S+)``)
Span = tuple[int, int]


def _docbin_links(meta: Mapping[str, Any]) -> dict[Span, str]:
    kept = meta.get(SPACY_DOCBIN)
    given = kept.get("kb_ids") if isinstance(kept, dict) else None
    return {
        (x[0], x[1]): x[2]
        for x in (given if isinstance(given, list) else ())
        if isinstance(x, list) and len(x) == 3 and type(x[0]) is int and type(x[1]) is int and isinstance(x[2], str)
    }


def _prodigy_links(meta: Mapping[str, Any]) -> dict[Span, str]:
    """The ids ``nel.manual`` answers chose for their spans (one id chosen: a link; several: none is the link)."""
    kept = meta.get(PRODIGY)
    out: dict[Span, str] = {}
    for link in (kept.get("links") or []) if isinstance(kept, dict) else ():
        chosen = link.get("accept") if isinstance(link, dict) else None
        if not isinstance(chosen, list) or len(chosen) != 1 or not isinstance(chosen[0], (str, int)):
            continue
        for span in link.get("spans") or []:
            if isinstance(span, list) and len(span) >= 2 and type(span[0]) is int and type(span[1]) is int:
                out.setdefault((span[0], span[1]), str(chosen[0]))
    return out


def _brat_links(meta: Mapping[str, Any]) -> dict[Span, str]:
    """brat's normalisations of a span (``N1 Reference T1 DB:ID``) as the ids they give (``kb_id_of``)."""
    kept = meta.get(BRAT)
    out: dict[Span, str] = {}
    for item in (kept.get("normalizations") or []) if isinstance(kept, dict) else ():
        target = item.get("target") if isinstance(item, dict) else None
        reference = item.get("reference") if isinstance(item, dict) else None
        if isinstance(target, list) and len(target) >= 4 and target[0] == "T" and isinstance(reference, str):
            if type(target[2]) is int and type(target[3]) is int:
                out.setdefault((target[2], target[3]), kb_id_of(reference))
    return out


def _webanno_links(meta: Mapping[str, Any]) -> dict[Span, str]:
    """WebAnno TSV's ``NamedEntity`` ``identifier``s, as its import keeps them (``[start, end, identifier, label]``:
    the label tells the spans of a stack apart, ``webanno_links``)."""
    return {(s, e): kb_id for (s, e, _), kb_id in webanno_links(meta).items()}


def webanno_links(meta: Mapping[str, Any]) -> dict[tuple[int, int, str], str]:
    """WebAnno TSV's ``identifier``s by their span's (start, end, label as the file spelt it)."""
    kept = meta.get(WEBANNO)
    given = kept.get("links") if isinstance(kept, dict) else None
    return {
        (x[0], x[1], x[3]): x[2]
        for x in (given if isinstance(given, list) else ())
        if isinstance(x, list)
        and len(x) == 4
        and type(x[0]) is int
        and type(x[1]) is int
        and isinstance(x[2], str)
        and isinstance(x[3], str)
    }


READERS = {DOCBIN: _docbin_links, PRODIGY_LINKS: _prodigy_links, BRAT_LINKS: _brat_links, WEBANNO_LINKS: _webanno_links}


def links_of(meta: Mapping[str, Any]) -> dict[Span, str]:
    """A document's entity links, each knowledge-base id by its entity's (start, end): a DocBin's, then Prodigy's,
    then brat's, then WebAnno TSV's (a span linked in two places takes the first)."""
    out: dict[Span, str] = {}
    for read in READERS.values():
        for span, kb_id in read(meta).items():
            out.setdefault(span, kb_id)
    return out


def links_beyond(meta: Mapping[str, Any], own: str) -> dict[Span, str]:
    """The links ``links_of`` gives on spans that the format ``own`` (``PRODIGY_LINKS``, ``BRAT_LINKS``) has no kept
    link of: what its export writes besides its own record's."""
    written = READERS[own](meta)
    return {span: kb_id for span, kb_id in links_of(meta).items() if span not in written}


def brat_reference(kb_id: str) -> str:
    """A knowledge-base id as brat's normalisation writes it, ``DB:ID``: one that holds a colon as it is
    (``Wikidata:Q76``), one that does not under ``KB`` (``KB:Q76``), as does an IRI (INCEpTION's identifier,
    ``KB:http://www.wikidata.org/entity/Q60``: its ``http`` is no database)."""
    return kb_id if DB_ID.match(kb_id) and "://" not in kb_id else f"{KB_DB}:{kb_id}"  # an IRI's scheme is no DB


def inception_identifier(kb_id: str) -> str:
    """A knowledge-base id as WebAnno TSV's ``NamedEntity`` ``identifier`` for INCEpTION, which links an identifier
    only as an IRI of one of its knowledge bases: a Wikidata item by its id alone or as ``Wikidata:Q5838`` (a DocBin's
    kb_id, brat's reference) is Wikidata's IRI (``http://www.wikidata.org/entity/Q76``); any other id as it is (an
    IRI, ``UniProt:P04637``)."""
    got = WIKIDATA_ID.fullmatch(kb_id)
    return f"{WIKIDATA_ENTITY}{got.group(1).upper()}" if got else kb_id


def kb_id_of(reference: str) -> str:
    """A brat normalisation's ``DB:ID`` as the id it gives: ``KB:Q76`` (``brat_reference``'s) is ``Q76``, any other
    reference itself (``UniProt:P04637``)."""
    db, colon, rest = reference.partition(":")
    return rest if colon and db == KB_DB and rest else reference


def without_docbin_links(meta: dict[str, Any], spans: Iterable[Span]) -> dict[str, Any]:
    """``meta`` without the DocBin's kb_ids on ``spans`` (an export that wrote them in its own place says them once);
    the DocBin's record dropped when nothing is left in it."""
    kept = meta.get(SPACY_DOCBIN)
    if not isinstance(kept, dict) or not isinstance(kept.get("kb_ids"), list):
        return meta
    gone = set(spans)
    left = [x for x in kept["kb_ids"] if not (isinstance(x, list) and len(x) == 3 and (x[0], x[1]) in gone)]
    record = {k: v for k, v in kept.items() if k != "kb_ids"} | ({"kb_ids": left} if left else {})
    return {k: v for k, v in meta.items() if k != SPACY_DOCBIN} | ({SPACY_DOCBIN: record} if record else {})
