"""WikiEvents' coreference (gen-arg's layout: ``data/wikievents/coref/test.jsonlines`` beside ``test.jsonl``): a line
a document, ``doc_key`` (the documents file's ``doc_id``), ``clusters`` (lists of entity mention ids of that file,
``wiki_..._news_8-T58``) and ``informative_mentions`` (a name for each cluster, words of its mentions).

The OneIE reader reads it with the WikiEvents file it sits beside: each cluster's mentions are the file's entities, so
a cluster is kept as the project keeps every coreference chain (``conllu_chains.keep_span_chains``: a link from each
mention to the one before it, for the WebAnno TSV, DyGIE++, doccano and Label Studio exports); the
``informative_mentions`` are not kept (the mentions' own words are in the text). Given alone, the file is named with
the way in (``coref_refusal``). Session 31: the folder's import skipped it as "unknown kind of file '.jsonlines'", and
the clusters were read by no reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Sequence

from annotator.errors import ImportFileError
from annotator.formats.conllu_chains import entity_label, entity_labels, keep_span_chains
from annotator.formats.reading import iter_json_values, need
from annotator.formats.reading import ReadResult
from annotator.formats.wikievents_names import COREF_FOLDER, COREF_SUFFIX, coref_paths
from annotator.wording import counted

FOLDER, SUFFIX = COREF_FOLDER, COREF_SUFFIX


def is_coref_line(obj: Any) -> bool:
    """A WikiEvents coreference line: ``doc_key`` and ``clusters`` of mention ids, and no text or tokens of its own."""
    if not isinstance(obj, dict) or not isinstance(obj.get("doc_key"), str):
        return False
    clusters = obj.get("clusters")
    return (
        isinstance(clusters, list)
        and all(isinstance(c, list) and all(isinstance(m, str) for m in c) for c in clusters)
        and not any(k in obj for k in ("sentences", "tokens", "text"))
    )


def read_clusters(path: Path) -> dict[str, list[list[list[str]]]]:
    """Each ``doc_key``'s lines of clusters, in the file's order (two documents of one ``doc_id`` have a line each:
    gen-arg pairs the k-th line with the k-th document); a line that is no coreference line refuses the file with
    its line."""
    got: dict[str, list[list[list[str]]]] = {}
    for line, obj in iter_json_values(path):
        need(
            is_coref_line(obj), path, line, "each line must be a WikiEvents coreference line: 'doc_key' and 'clusters'"
        )
        got.setdefault(obj["doc_key"], []).append(obj["clusters"])
    return got


def found_coref(documents: Path) -> Path | None:
    """The coreference file of a WikiEvents documents file (``wikievents_names.coref_paths``: its own name's, else
    its part's), None without one."""
    return next((p for p in coref_paths(documents) if p.is_file()), None)


def chains_of(
    clusters: list[list[str]], span_of: Mapping[str, tuple[int, int, str]]
) -> tuple[list[list[tuple[int, int, str]]], list[str]]:
    """The clusters as chains of their mentions' spans (``span_of``: a mention id's characters and label), and the
    ids the document has no entity of."""
    chains: list[list[tuple[int, int, str]]] = []
    missing: list[str] = []
    for cluster in clusters:
        chains.append([span_of[m] for m in cluster if m in span_of])
        missing += [m for m in cluster if m not in span_of]
    return chains, missing


def keep_clusters(
    doc: Any, clusters: list[list[str]], span_of: Mapping[str, tuple[int, int, str]]
) -> tuple[int, int, list[str]]:
    """Keep ``clusters`` (lists of mention ids; ``span_of``: an id's characters and label) as the document's
    coreference chains: the links kept, the clusters of two mentions or more, and the ids of no entity."""
    chains, lost = chains_of(clusters, span_of)
    labels = entity_labels(doc)
    labelled = [[(s, e, entity_label(labels, (s, e), label) or label) for s, e, label in c] for c in chains]
    return keep_span_chains(doc, labelled), sum(1 for c in labelled if len(set(c)) > 1), lost


def coref_refusal(path: Path) -> str | None:
    """The reason a WikiEvents coreference file given alone is not imported, with the way in; None for other files."""
    if path.suffix.lower() != SUFFIX or not path.is_file():
        return None
    try:
        first = next(iter_json_values(path), None)
    except ImportFileError:  # no JSON: no coreference file (the import's own refusal follows)
        return None
    if first is None or not is_coref_line(first[1]):
        return None
    folder = path.parent.parent
    named = [folder / f"{path.stem}.jsonl"] + sorted(folder.glob(f"*.{path.stem}.jsonl"))  # a split export's parts
    documents = " or ".join(str(d) for d in named if d.is_file()) or str(named[0])
    return (
        f"a WikiEvents coreference file (gen-arg's {FOLDER}/{path.name}: clusters of the entity ids of a documents "
        f"file), read with its documents: import {documents} (its clusters come in with it)"
    )


def keep_coref(
    documents_file: Path,
    path: Path,
    result: ReadResult,
    ids: Sequence[tuple[Any, Mapping[str, tuple[int, int, str]]]],
) -> None:
    """Keep the clusters of ``path``, the coreference file of ``documents_file`` (``found_coref``), in ``result``'s
    documents (``ids``: each document's ``doc_id`` and its mention ids' characters and labels, in order; documents of
    one ``doc_id`` take its lines in turn), said in a note; ids of no entity and documents the file lacks said as not
    kept."""
    clusters = read_clusters(path)
    links = chained = 0
    missing: list[str] = []
    for doc, (doc_id, span_of) in zip(result.documents, ids):
        lines = clusters.get(doc_id) if isinstance(doc_id, str) else None
        got = lines.pop(0) if lines else None
        if lines == []:
            del clusters[doc_id]
        if not got:
            continue
        kept, clustered, lost = keep_clusters(doc, got, span_of)
        links, chained = links + kept, chained + clustered
        missing += [f"{doc_id}: {m}" for m in lost]
    result.notes.append(
        f"{documents_file}: WikiEvents' coreference ({path}): {counted(chained, 'cluster')} kept as "
        f"{counted(links, 'coreference link')} from each mention to the one before it in its cluster, for the export "
        "to WebAnno TSV (chains), DyGIE++ (clusters), doccano and Label Studio (relations); the app does not show them; "
        "its 'informative_mentions' not kept (a cluster's words are its mentions')"
    )
    if missing:
        shown = ", ".join(missing[:5]) + (", ..." if len(missing) > 5 else "")
        result.warnings.append(f"{path}: {counted(len(missing), 'mention id')} of no entity of its document: {shown}")
    if clusters:
        shown = ", ".join(list(clusters)[:5]) + (", ..." if len(clusters) > 5 else "")
        result.warnings.append(
            f"{path}: the clusters of {counted(len(clusters), 'document')} that {documents_file.name} does not hold: "
            f"{shown}"
        )
