"""TACRED's relation examples (Zhang et al. 2017; Re-TACRED and TACREV keep its shape: ``train.json``, a JSON list of
``id``, ``docid``, ``relation``, ``token``, ``subj_start``, ``subj_end``, ``obj_start``, ``obj_end`` (token indices,
both ends inclusive), ``subj_type``, ``obj_type`` and Stanford CoreNLP's ``stanford_pos``, ``stanford_ner``,
``stanford_head``, ``stanford_deprel``), for ``formats.oneie`` to read as OneIE sentences: each sentence a document (TACRED pairs each
sentence's entities in turn, an example a pair: the examples of one sentence and ``docid`` are one document, else the
import would keep the text once and lose the later pairs as duplicates), its subject and object entities of their types, the relation between them kept as OneIE's
relations are (``per:title`` from subject to object) unless it is ``no_relation`` (TACRED's negative examples: counted
in a note, no relation kept). The words are Penn Treebank's (``-LRB-`` read as ``(``, ``conll2012.word``); the tags
and parses are not kept (said). Session 32: such a file was refused as "'text' must be a non-empty string", which named
neither what it is nor a way in.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from annotator.formats.conll2012 import word
from annotator.formats.reading import need

SPANS = ("subj_start", "subj_end", "obj_start", "obj_end")
PARSED = ("stanford_pos", "stanford_ner", "stanford_head", "stanford_deprel")  # CoreNLP's, not annotations
NO_RELATION = "no_relation"
NEGATIVE = "TACRED examples of no relation (its 'no_relation': their two entities kept, no relation)"
SHARED = "TACRED examples of a sentence read before (another pair of its entities), added to its document"
TAGS_LOST = "TACRED's part-of-speech tags, named entity tags and parses (stanford_pos, stanford_ner, ...)"


def is_tacred_example(obj: Any) -> bool:
    """A TACRED example: ``token`` (strings), the subject's and object's inclusive token spans and a ``relation``."""
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("token"), list)
        and all(isinstance(t, str) for t in obj["token"])
        and all(type(obj.get(k)) is int for k in SPANS)
        and isinstance(obj.get("relation"), str)
    )


def tacred_as_oneie(
    obj: dict[str, Any],
    path: Path,
    line: int,
    lost: Counter[str],
    said: Counter[str],
    sentences: dict[tuple[Any, tuple[str, ...]], dict[str, Any]],
) -> dict[str, Any] | None:
    """The TACRED example as a OneIE line, spans end exclusive; None where its sentence came before (``sentences``:
    the lines made, by ``docid`` and tokens), its entities and relation then added to that line, one document of the
    sentence's pairs (each its own would be the same text twice, which the import keeps once). Counted for the file's
    examples: what is not kept (``lost``) and the examples of no relation (``said``)."""
    tokens = [word(t) for t in obj["token"]]
    n = len(tokens)
    key = (repr(obj.get("docid")), tuple(tokens))  # any JSON value: by its text
    made = sentences.get(key)
    out = made or {
        **{k: v for k, v in obj.items() if k not in (*SPANS, *PARSED, "token", "subj_type", "obj_type", "relation")},
        "doc_id": f"{obj.get('id', line)}",
        "tokens": tokens,
        "entity_mentions": [],
        "relation_mentions": [],
        "event_mentions": [],
    }
    ids = []
    for role in ("subj", "obj"):
        s, e, label = obj[f"{role}_start"], obj[f"{role}_end"], obj.get(f"{role}_type")
        need(0 <= s <= e < n, path, line, f"'{role}_start', '{role}_end' {s}, {e} are not a span of the {n} tokens")
        need(isinstance(label, str) and label != "", path, line, f"'{role}_type' must be the {role}ect's type")
        got = next(
            (m for m in out["entity_mentions"] if (m["start"], m["end"], m["entity_type"]) == (s, e + 1, label)), None
        )
        if got is None:
            got = {"id": f"T{len(out['entity_mentions'])}", "start": s, "end": e + 1, "entity_type": label,
                   "text": " ".join(tokens[s : e + 1])}  # fmt: skip
            out["entity_mentions"].append(got)
        ids.append(got)
    if obj["relation"] == NO_RELATION:
        said[NEGATIVE] += 1
    else:
        arguments = [{"entity_id": m["id"], "role": r, "text": m["text"]} for m, r in zip(ids, ("Arg-1", "Arg-2"))]
        out["relation_mentions"].append(
            {"id": f"R{len(out['relation_mentions'])}", "relation_type": obj["relation"], "arguments": arguments}
        )
    lost[TAGS_LOST] += any(k in obj for k in PARSED)
    if made is not None:
        said[SHARED] += 1
        return None
    sentences[key] = out
    return out
