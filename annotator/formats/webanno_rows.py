"""The WebAnno TSV export's rows: a document's word tokens and sentences (``Rows``), the units a span falls on (a
token, or a sub-token row where a span's edge cuts one), and what is placed on them, spans (``Span``) and relations
between them (``Relation``). ``webanno`` places a record's annotations on them; ``webanno_render`` writes them out."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress
from typing import Any

from annotator.formats.tokens import DocTokens
from annotator.formats.webanno_tsv import NAMED_ENTITY
from annotator.offsets import token_index_at, tokens_touched

UnitKey = tuple[int, int, int]  # (word token index, begin, end): the token itself when begin, end are its own


@dataclass
class Relation:
    layer: str
    features: dict[str, Any]
    source: "Span"
    target: "Span"
    base: str = NAMED_ENTITY  # the span layer its ends are on (``BT_``)


@dataclass
class Span:
    units: list[UnitKey]
    value: str
    ident: int = 0  # the [n] disambiguation id, 0 for none
    args: list[tuple[str, "Span"]] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # state, source, score (decisions=yes); a comment's features
    unset: bool = False  # an entity read from a span whose labelling feature was unset: written back so (``*``)


class Rows:
    """A document's word tokens (whitespace tokens left out), sentences and the units spans fall on."""

    def __init__(self, text: str, toks: DocTokens) -> None:
        self.text = text
        n = len(toks.starts)
        sentence = [0] * n  # each token's sentence (an index into ``toks.sent_starts``), by slices: no step a token
        bounds = [*toks.sent_starts, n]
        for i in range(len(bounds) - 1):
            sentence[bounds[i] : bounds[i + 1]] = [i] * (bounds[i + 1] - bounds[i])
        keep = [not text[s:e].isspace() for s, e in zip(toks.starts, toks.ends)]
        self.starts = list(compress(toks.starts, keep))
        self.ends = list(compress(toks.ends, keep))
        self.sentence = list(compress(sentence, keep))

    def units(self, start: int, end: int) -> tuple[list[UnitKey], tuple[int, int]] | None:
        """The rows [start, end) goes on (tokens, sub-tokens at cut edges) and the extent they give, or None when
        it touches no token."""
        touched = tokens_touched(self.starts, self.ends, start, end)
        if touched is None:
            return None
        i, j = touched
        s, e = max(start, self.starts[i]), min(end, self.ends[j])
        keys: list[UnitKey] = []
        for k in range(i, j + 1):
            b, f = max(s, self.starts[k]), min(e, self.ends[k])
            keys.append((k, b, f))
        return keys, (s, e)

    def point(self, at: int) -> UnitKey:  # a zero-width row at ``at``, on the token it is in or ends (else the first)
        k = max(token_index_at(self.starts, at), 0)
        return (k, min(max(at, self.starts[k]), self.ends[k]), min(max(at, self.starts[k]), self.ends[k]))

    def is_token(self, key: UnitKey) -> bool:
        return (key[1], key[2]) == (self.starts[key[0]], self.ends[key[0]])
