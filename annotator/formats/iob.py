"""Entity tag schemes of token-per-line files: IOB (IOB1 and IOB2) and BIOES (BILOU), which one a file uses, and a
sentence's tags as entities; IO too (bare labels, Stanford NER's training files: a run of one label is one entity, so
two entities of one label side by side become one), when named or told by its ``O``s (``conll_read.io_column``: a
column of bare words is a POS column as often, but no POS column has an ``O``).

IOB goes through spaCy's own converters (``spacy.training.iob_to_biluo``, then ``tags_to_entities``), as ``spacy
convert`` reads CoNLL: an ``I-`` that does not continue an entity of its label starts one (IOB1's ``I-PER`` after
``O``, an ``I-X`` after ``B-Y``), which is also how seqeval's default mode and conlleval count it.

BIOES/BILOU (``S-``/``U-`` a one-token entity, ``E-``/``L-`` the last token) is turned into spaCy's BILUO
(``S-`` -> ``U-``, ``E-`` -> ``L-``) and read by ``tags_to_entities``. That one refuses an ``I-``/``L-`` that continues
nothing, but drops without a word an entity that is never closed (``B-PER O``) and gives one whose labels change
(``B-PER L-ORG``) the last label: such sequences are first read as seqeval's default mode (conlleval) reads them (an
entity not closed ends before the tag that does not continue it; an ``I-``/``E-`` that continues nothing starts
one), and each place is told, so a model's output with a few broken sequences comes in whole and says where.
"""

from __future__ import annotations

import re

SCHEMES = ("auto", "iob", "bioes", "io")
ALIASES = {"iob1": "iob", "iob2": "iob", "bio": "iob", "bilou": "bioes", "biluo": "bioes", "bioes": "bioes"}
SCHEME_NAMES = ("auto", "iob", "iob1", "iob2", "bio", "bioes", "bilou", "io")  # what ``scheme=`` takes
TAG = re.compile(r"O|[BIESLU]-\S+")
PREFIXES = {"iob": frozenset("BI"), "bioes": frozenset("BIESLU")}
TO_BILUO = {"B": "B", "I": "I", "E": "L", "L": "L", "S": "U", "U": "U"}


OUT_SCHEMES = ("iob2", "bioes", "bilou")  # what the CoNLL export's ``scheme=`` takes: IOB2's tags written as
# BIOES's (``S-`` one token, ``E-`` the last; CoNLL-2003's BIOES copies, Flair's and NCRF++'s taggers) or BILOU's
# (``U-``, ``L-``; spaCy's BILUO)
LAST_SINGLE = {"bioes": ("E", "S"), "bilou": ("L", "U")}


def as_scheme(tags: list[str], scheme: str) -> list[str]:
    """One sentence's IOB2 tags (every entity starts with ``B-``) as ``scheme`` writes them (``OUT_SCHEMES``): an
    entity's last token ``E-``/``L-``, a one-token entity ``S-``/``U-``; IOB2's as they are."""
    if scheme == "iob2":
        return tags
    last, single = LAST_SINGLE[scheme]
    out = list(tags)
    for k, tag in enumerate(tags):
        if tag == "O":
            continue
        ends = k + 1 == len(tags) or tags[k + 1][:2] != "I-"  # the next tag continues no entity
        if ends:
            out[k] = (single if tag[0] == "B" else last) + tag[1:]
    return out


def scheme_name(value: str) -> str | None:
    """The scheme an option value names (``iob2`` -> ``iob``, ``bilou`` -> ``bioes``, ``auto``), or None."""
    value = value.strip().lower()
    return value if value in SCHEMES else ALIASES.get(value)


def detect_scheme(prefixes: set[str]) -> str:
    """``bioes`` when the file's tags use ``S-``/``E-``/``U-``/``L-``, else ``iob``."""
    return "bioes" if prefixes & set("ESLU") else "iob"


def allowed(tag: str, scheme: str) -> bool:
    """Whether ``tag`` is a tag of ``scheme`` (``O`` or a prefix of the scheme, a dash and a label; IO: ``O`` or a bare
    label, Stanford NER's ``PERSON``)."""
    if scheme == "io":
        return tag != "" and not tag.isspace() and (tag == "O" or TAG.fullmatch(tag) is None)
    return tag == "O" or (tag[:1] in PREFIXES[scheme] and tag[1:2] == "-" and len(tag) > 2)


def entities(tags: list[str], scheme: str) -> tuple[list[tuple[str, int, int]], list[tuple[int, str]]]:
    """The entities of one sentence's tags: (label, first token, last token), last inclusive, in order; and for BIOES
    the tags out of sequence, read as seqeval's default mode reads them: (token index, what was wrong)."""
    from spacy.training import iob_to_biluo, tags_to_entities

    if scheme == "io":  # no prefixes (Stanford NER's training files): a run of one label is one entity
        return _io_entities(tags), []
    if scheme == "bioes":
        biluo, odd = _repair_biluo([t if t == "O" else TO_BILUO[t[0]] + t[1:] for t in tags], tags)
        return tags_to_entities(biluo), odd
    out: list[tuple[str, int, int]] = []
    k, n = 0, len(tags)
    while k < n:  # each run of entity tags alone: iob_to_biluo pops the head of a list, slow on a long sentence
        if tags[k] == "O":
            k += 1
            continue
        j = k
        while j < n and tags[j] != "O":
            j += 1
        out += [(label, k + s, k + e) for label, s, e in tags_to_entities(iob_to_biluo(tags[k:j]))]
        k = j
    return out, []


def _io_entities(tags: list[str]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        if out and out[-1][0] == tag and out[-1][2] == i - 1:
            out[-1] = (tag, out[-1][1], i)
        else:
            out.append((tag, i, i))
    return out


def _repair_biluo(biluo: list[str], tags: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """A valid BILUO sequence for ``biluo`` (conlleval's and seqeval's reading: an entity that is not closed ends
    before the tag that does not continue it; an ``I-``/``L-`` that continues nothing starts an entity), and the
    places that needed it with the file's own tags."""
    out: list[str] = []
    odd: list[tuple[int, str]] = []
    open_label: str | None = None  # the label of the entity a B-/I- left open

    def close(i: int) -> None:
        last = out[-1]
        out[-1] = ("U" if last[0] == "B" else "L") + last[1:]
        following = tags[i] if i < len(tags) else "the end of the sentence"
        odd.append((i - 1, f"{tags[i - 1]} not closed before {following}"))

    for i, tag in enumerate(biluo):
        prefix, label = tag[0], tag[2:]
        goes_on = prefix in "IL" and open_label == label
        if open_label is not None and not goes_on:
            close(i)
        if tag == "O":
            out.append(tag)
            open_label = None
            continue
        if not goes_on:
            if prefix in "IL":
                before = tags[i - 1] if i else "the start of the sentence"
                odd.append((i, f"{tags[i]} after {before} starts an entity"))
            prefix = "B" if prefix in "BI" else "U"
        out.append(f"{prefix}-{label}")
        open_label = label if prefix in "BI" else None
    if open_label is not None:
        close(len(biluo))
    return out, odd
