"""A role key offers the sentence's nouns of a kind its role takes first, then those of no kind known, said so
(session 34, ``role_heads.heads_for_role``, ``of_no_known_kind``); s34-args' ``heads_of_kind`` left the nouns of no
kind known out. Failed on main bac701d8: neither function existed."""

from __future__ import annotations

from annotator.role_heads import heads_for_role, of_no_known_kind

TEXT = "The deal for the merger of the two firms was signed at the market after an engagement."


def _at(word: str) -> tuple[int, int]:
    return TEXT.index(word), TEXT.index(word) + len(word)


def _words(heads: list[tuple[int, int]]) -> list[str]:
    return [TEXT[s:e] for s, e in heads]


def test_heads_for_a_role_are_those_of_a_kind_it_takes_then_those_of_none_known():
    heads = [_at(w) for w in ("deal", "firms", "market", "engagement")]
    fit, unknown = heads_for_role(heads, TEXT, ("ORG",))
    assert (_words(fit), _words(unknown)) == (["firms"], ["deal", "engagement"])  # "market": a FAC, left out
    fit, unknown = heads_for_role(heads, TEXT, ("GPE", "LOC", "FAC"))
    assert (_words(fit), _words(unknown)) == (["market"], ["deal", "engagement"])
    assert of_no_known_kind(TEXT, _at("deal")) and not of_no_known_kind(TEXT, _at("firms"))
