"""DocRED's documents (Yao et al. 2019, document-level relation extraction; Re-DocRED keeps the shape:
``train_annotated.json``, a JSON list of ``title``, ``sents`` (lists of tokens), ``vertexSet`` (the entities, each the
list of its mentions ``{name, pos: [start, end) in its sentence, sent_id, type}``) and ``labels`` (``{h, t, r,
evidence}``: a relation from entity ``h`` to entity ``t``, ``r`` a Wikidata property such as ``P17``)), for
``formats.oneie`` to read as it reads WikiEvents' (``formats.wikievents``): a document a line, a sentence a line of its
text (the tokens, a space between them: DocRED keeps no text), every mention an entity of its type, the mentions of one entity kept as its coreference chain (as
WikiEvents' coreference is, ``wikievents_coref.keep_clusters``: out as DyGIE++'s clusters and WebAnno TSV's chains). A
relation holds between two entities, each of several mentions: it is kept between their first mentions (said); its
``evidence`` is not kept (said). A span outside its sentence refuses the file with
its line. Session 32: such a file was refused as "'text' must be a non-empty string".
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from annotator.formats.reading import listed, need

FIRST_MENTIONS = "DocRED relations between entities of several mentions, kept between their first mentions"
EVIDENCE = "DocRED relations' evidence (the sentences each rests on)"
CLUSTERS = "docred_clusters"  # the line's key of its entities' mention ids (formats.oneie keeps them as chains)


def is_docred_document(obj: Any) -> bool:
    """A DocRED document: ``sents`` of tokens beside a ``vertexSet`` list."""
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("sents"), list)
        and all(isinstance(s, list) for s in obj["sents"])
        and isinstance(obj.get("vertexSet"), list)
    )


def docred_as_wikievents(obj: dict[str, Any], path: Path, line: int, lost: Counter[str]) -> dict[str, Any]:
    """The DocRED document in WikiEvents' shape (token spans of the document, end exclusive; relations by the ids of
    their entities' first mentions); what it had that is not kept counted in ``lost``."""
    sents = obj["sents"]
    ok = any(sents) and all(isinstance(t, str) and t.strip() for s in sents for t in s)
    need(ok, path, line, "'sents' must be lists of tokens (strings)")
    starts, at = [], 0
    for s in sents:
        starts.append(at)
        at += len(s)
    tokens = [t for s in sents for t in s]
    mentions: list[dict[str, Any]] = []
    firsts: list[dict[str, Any] | None] = []
    for v, vertex in enumerate(listed(obj["vertexSet"], "'vertexSet'", path, line)):
        first = None
        for m, x in enumerate(listed(vertex, f"vertexSet {v}", path, line)):
            what = f"vertexSet {v} mention {m}"
            k, pos = (x.get("sent_id"), x.get("pos")) if isinstance(x, dict) else (None, None)
            need(type(k) is int and 0 <= k < len(sents), path, line, f"{what}: 'sent_id' {k!r} is no sentence")
            ok = isinstance(pos, list) and len(pos) == 2 and all(type(p) is int for p in pos)
            ok = ok and 0 <= pos[0] < pos[1] <= len(sents[k])
            need(ok, path, line, f"{what}: 'pos' {pos!r} is not a span of sentence {k}'s {len(sents[k])} tokens")
            label = x.get("type")
            need(isinstance(label, str) and label != "", path, line, f"{what} needs a 'type'")
            s, e = starts[k] + pos[0], starts[k] + pos[1]
            mention = {"id": f"V{v}-{m}", "sent_idx": k, "start": s, "end": e, "entity_type": label,
                       "text": " ".join(tokens[s:e])}  # fmt: skip
            mentions.append(mention)
            first = first or mention
        firsts.append(first)
    relations = []
    for j, r in enumerate(listed(obj.get("labels") or [], "'labels'", path, line)):
        h, t, rel = (r.get("h"), r.get("t"), r.get("r")) if isinstance(r, dict) else (None, None, None)
        ok = all(type(x) is int and 0 <= x < len(firsts) and firsts[x] is not None for x in (h, t))
        need(
            ok and isinstance(rel, str),
            path,
            line,
            f"labels {j}: 'h', 't' must be entities of the vertexSet, 'r' a name",
        )
        ends = [firsts[h], firsts[t]]
        lost[FIRST_MENTIONS] += len(obj["vertexSet"][h]) > 1 or len(obj["vertexSet"][t]) > 1
        lost[EVIDENCE] += bool(r.get("evidence"))
        relations.append(
            {"id": f"R{j}", "relation_type": rel,
             "arguments": [{"entity_id": x["id"], "role": role, "text": x["text"]}  # type: ignore[index]
                           for x, role in zip(ends, ("Arg-1", "Arg-2"))]}
        )  # fmt: skip
    at, shaped = 0, []
    for s in sents:  # WikiEvents' [[token, start, end], ...], text: a space between tokens
        items = []
        for tok in s:
            items.append([tok, at, at + len(tok)])
            at += len(tok) + 1
        shaped.append([items, " ".join(s)])
    clusters = [[m["id"] for m in mentions if m["id"].startswith(f"V{v}-")] for v in range(len(firsts))]
    rest = {k: v for k, v in obj.items() if k not in ("sents", "vertexSet", "labels", "title")}
    return {**rest, "doc_id": obj.get("title"), "tokens": tokens, "sentences": shaped, "entity_mentions": mentions,
            "relation_mentions": relations, "event_mentions": [],
            CLUSTERS: [c for c in clusters if len(c) > 1]}  # fmt: skip
