"""spaCy's ``Doc.to_json()`` output (a JSON object a Doc: ``text``, ``tokens`` as ``{id, start, end, ...}`` objects,
``ents`` as ``{start, end, label}`` character spans, ``sents``, ``spans`` groups, ``cats``), as people dump a
pipeline's Docs (``[doc.to_json() for doc in nlp.pipe(texts)]``, a line each or one list), for ``spacy_read`` to read
as it reads a DocBin's Docs: each made back with ``Doc.from_json``. Custom attributes (``"_"``) need the extensions
that wrote them and are not kept (said). Session 31: a line of them was read as a Prodigy task (for its ``tokens``)
and a list as the project's own documents: the texts in, every entity lost without a word.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.errors import ImportFileError
from annotator.formats.reading import iter_json_values, need

SNIFF = 5


def is_doc_json(obj: Any) -> bool:
    """A ``Doc.to_json()`` object: ``text`` and ``tokens`` as objects with character ``start`` and ``end`` and no
    ``text`` of their own (Prodigy's tokens have theirs), beside ``ents``, ``sents`` or ``spans``."""
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return False
    tokens = obj.get("tokens")
    return (
        isinstance(tokens, list)
        and bool(tokens)
        and all(isinstance(t, dict) and "start" in t and "end" in t and "text" not in t for t in tokens[:SNIFF])
        and any(k in obj for k in ("ents", "sents", "spans"))
    )


def first_is_doc_json(path: Path) -> bool:
    """Whether the first JSON value of ``path`` (or the first item of its list) is a ``Doc.to_json()`` object."""
    try:
        first = next(iter_json_values(path), None)
    except ImportFileError:
        return False
    return first is not None and is_doc_json(first[1])


def doc_json_docs(path: Path) -> tuple[list[Any], int]:
    """The Docs of a file of ``Doc.to_json()`` objects, and how many carried custom attributes (not kept); an object
    that is not one, or that spaCy cannot make a Doc of, refuses the file with its line."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    vocab = Vocab()
    docs: list[Any] = []
    custom = 0
    for line, obj in iter_json_values(path):
        need(is_doc_json(obj), path, line, "not a spaCy Doc as Doc.to_json() writes it ('text', 'tokens', 'ents')")
        if "_" in obj:
            custom += 1
            obj = {k: v for k, v in obj.items() if k != "_"}
        try:
            docs.append(Doc(vocab).from_json(obj, validate=True))
        except (ValueError, KeyError, TypeError, IndexError) as exc:  # spaCy's own checks of the object
            need(False, path, line, f"not a spaCy Doc as Doc.to_json() writes it ({type(exc).__name__}: {exc})")
    return docs, custom
