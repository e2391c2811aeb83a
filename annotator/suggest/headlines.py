"""A news headline at the top of an article: its title-case words, which the small pipeline reads as names.

A headline is written in title case ("Taliban Attack Pakistan Military School") and, in text pasted from the web,
often runs into the first sentence without a line break. The tagger takes its capitalised words for proper nouns and
the NER runs names across them, so the trigger words there are skipped as parts of names. The suggester reads such a
word of the headline by the shape of its lower case instead ("Heading", "Killed": a verb's; "Attack" has no shape that
tells, `Lexicon.candidates_of_verb`).
"""

from __future__ import annotations

from typing import Any, Collection, Iterator

from annotator.suggest.event_lexicon import Lexicon, Pattern, matches

# lower-case words a title-case headline leaves in lower case (articles, short prepositions and conjunctions)
SMALL_WORDS = frozenset(
    "a an the and or but nor of to in on at by for from with as into over via vs per off up out".split()
)
MIN_CAPITALISED = 3  # a title-case line has at least this many capitalised words


def headline_end(doc: Any) -> int:
    """The index of the token after the title-case headline at the start of ``doc``, 0 when it opens with none.

    The headline is the run of capitalised words (and the small words, numbers and punctuation between them) from the
    first token up to the first word in lower case or the end of the first line. Where the run ends at a lower-case
    word on the same line, the first sentence ran into the headline and the run's last capitalised word is that
    sentence's first ("... Military School Taliban gunmen stormed"): it is left out."""
    caps: list[int] = []
    end = 0
    for tok in doc:
        if "\n" in tok.text:
            break
        word = tok.text
        if word[:1].isupper():
            caps.append(tok.i)
        elif not (tok.is_punct or tok.lower_ in SMALL_WORDS or not word[:1].isalpha() or _joined(tok)):
            if len(caps) < MIN_CAPITALISED + 1:
                return 0
            return caps[-1]  # ran into the first sentence
        end = tok.i + 1
    return end if len(caps) >= MIN_CAPITALISED else 0


def _joined(tok: Any) -> bool:
    """Whether the word is the second part of a hyphenated compound ("US-backed", "Pakistan-based")."""
    return tok.i > 1 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_


def headline_starts(
    doc: Any, top: int, lexicon: Lexicon, named: Collection[int], pos_names: Collection[str]
) -> Iterator[tuple[Any, Any]]:
    """(token, its sentence) for each word of the headline (the first ``top`` tokens) that the suggester's own scan
    leaves out (a part of speech not in ``pos_names``, or a word inside a name: its index in ``named``) and that
    ``headline_match`` reads as a trigger."""
    for tok in doc[:top]:
        if (tok.pos_ not in pos_names or tok.i in named) and headline_match(tok, lexicon, named, pos_names):
            yield tok, tok.sent


def headline_match(
    tok: Any, lexicon: Lexicon, named: Collection[int], pos_names: Collection[str]
) -> tuple[int, list[Pattern], list[int]] | None:
    """The suggester's ``_match`` answer (length, patterns, no word apart) for a headline word the tagger took for a
    name or a part of one, read as a verb by its shape; the pattern's other words are matched after it, inside the
    name too. None for a word the suggester's own scan reads."""
    if tok.pos_ in pos_names and tok.i not in named:
        return None
    best: list[Pattern] = []
    for p in lexicon.candidates_of_verb(tok.text):
        if best and p.length < best[0].length:
            break
        if tok.i + p.length <= tok.sent.end and all(
            matches(p.words[k], tok.doc[tok.i + k]) for k in range(1, p.length)
        ):
            best.append(p)
    return (best[0].length, best, []) if best else None


def subject_before_verb(verb: Any, start: int) -> Any | None:
    """The word right before ``verb`` and its auxiliaries ("... on Crimea Secretary of State John Kerry will be
    heading": Kerry), a noun or a proper noun at or after the character offset ``start``, or None: the sentence's own
    subject where a headline ran into it and the parse made a headline word the verb's subject."""
    first = min([verb.i] + [c.i for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")])
    if first == 0:
        return None
    before = verb.doc[first - 1]
    return before if before.idx >= start and before.pos_ in ("NOUN", "PROPN") else None
