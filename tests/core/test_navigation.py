"""annotator.navigation: the app's token moves, span lookups, next document and selection, without Qt."""

from __future__ import annotations

from annotator.model import Entity, Event
from annotator.navigation import (
    edge_moved,
    snapped,
    Tokens,
    entities_at,
    events_at,
    next_open,
    next_open_in,
    still_there,
    visible_entities,
    word_at,
)

TEXT = "Sergey Lavrov met Blinken, in Moscow."


def ent(id, start, end, state="added"):  # type: ignore[no-untyped-def]
    return Entity(id, 1, start, end, "PERSON", state, "human", None, "main")


def test_fallback_tokens_are_words_and_punctuation():
    t = Tokens.of(TEXT, None)
    words = [TEXT[s:e] for s, e in zip(t.starts, t.ends)]
    assert words == ["Sergey", "Lavrov", "met", "Blinken", ",", "in", "Moscow", "."]
    assert Tokens.of(TEXT, ([0, 7], [6, 13])).ends == [6, 13]  # stored tokens win
    assert Tokens.of(TEXT, ([], [])).starts == t.starts  # none stored: the fallback


def test_snap_at_and_move():
    t = Tokens.of(TEXT, None)
    assert t.snap(2, 9) == (0, 13)  # "rgey La" -> "Sergey Lavrov"
    assert t.at(8) == (7, 13) and t.at(6) is None  # a space holds no token
    assert t.move(0, +1, "start") == 7 and t.move(7, -1, "start") == 0
    assert t.move(13, +1, "end") == 17 and t.move(6, -1, "end") == 6  # nothing before the first end
    assert t.move(len(TEXT), +1, "end") == len(TEXT)
    assert Tokens.of("", None).move(0, 1, "start") == 0


def test_spans_under_a_position_innermost_first():
    outer, inner, rejected = ent(1, 0, 13), ent(2, 7, 13), ent(3, 7, 13, "rejected")
    assert [e.id for e in entities_at([outer, inner, rejected], 8)] == [2, 1]
    assert [e.id for e in entities_at([outer, inner, rejected], 8, show_rejected=True)] == [2, 3, 1]
    assert [e.id for e in visible_entities([inner, rejected, outer])] == [1, 2]
    meet = Event(5, 1, "Contact:Meet", 14, 17, {}, None)
    assert events_at([meet], 14) == [meet] and events_at([meet], 17) == []


def test_next_open_in_follows_the_list_as_shown():
    # the list's order (sorted, filtered): a document it does not show is never the next
    assert next_open_in([9, 2, 5], {2, 5, 7}, 9) == 2
    assert next_open_in([9, 2, 5], {2, 7, 9}, 2) == 9  # wraps; 7 is not shown
    assert next_open_in([2, 5], {7}, 2) is None
    assert next_open_in([2, 5], {2, 5}, 7) == 2  # the current one hidden: from the top
    assert next_open_in([5], {5}, 5) is None


def test_next_open_document_wraps_and_skips_the_current_one():
    assert next_open([2, 5, 9], 5) == 9
    assert next_open([2, 5, 9], 9) == 2
    assert next_open([2, 5, 9], None) == 2
    assert next_open([5], 5) is None and next_open([], 1) is None


def test_a_selection_survives_only_while_it_is_there():
    assert still_there(3, {3: "x"}) == 3
    assert still_there(4, {3: "x"}) is None and still_there(None, {3: "x"}) is None


def test_the_span_index_finds_the_nearest_spans_as_sorting_all_of_them_does():
    """The fill lists' nearest spans read a window around the trigger (8,000 spans sorted at every key before):
    the same spans in the same order as sorting every span, for spans of all lengths, labels and states."""
    import random

    from annotator.navigation import SpanIndex

    rnd = random.Random(3)
    ents = {}
    for i in range(1, 3000):
        s = rnd.randrange(0, 200_000)
        ents[i] = Entity(
            i,
            1,
            s,
            s + rnd.choice([3, 8, 20, 5000]),
            rnd.choice("ABC"),
            rnd.choice(["suggested", "rejected"]),
            "x",
            None,
        )
    index = SpanIndex(ents.values())
    for _ in range(200):
        a = rnd.randrange(0, 200_000)
        b = a + rnd.randrange(1, 10)

        def distance(e: Entity) -> tuple[int, int, int]:
            return (a - e.end if e.end <= a else e.start - b if e.start >= b else 0), e.start, e.id

        fits = lambda e: e.label in "AB" and e.state != "rejected"  # noqa: E731 (a role's rule, as keyflow's)
        want = sorted(filter(fits, ents.values()), key=distance)[:50]
        assert index.nearest(ents, fits, a, b, 50) == want


def test_word_at_takes_the_word_a_caret_ends_rather_than_the_full_stop_after_it() -> None:
    text = "Acme fired 200 workers. Then"
    for tokens in (Tokens.of(text, None), Tokens([0, 5, 11, 15, 22, 24], [4, 10, 14, 22, 23, 28])):
        end = text.index(".")
        assert word_at(tokens, text, end) == (15, 22)  # "workers|." is on "workers"
        assert word_at(tokens, text, 4) == (0, 4)  # "Acme| fired": the word before the space
        assert word_at(tokens, text, 5) == (5, 10)  # on a word's first letter: that word
        assert word_at(tokens, text, end + 1) is None  # after the full stop, before a space: no word ends there


def test_an_edge_inside_one_stored_token_moves_by_the_fallback_s_pieces() -> None:
    """spaCy's "--Algerians" and "Yemenis--" are one token each: the keys move an edge inside them by the fallback's
    pieces (round 12: "A span keeps at least one token"); across tokens they move by the stored ones, as before."""
    text = "detainees --Algerians, and Yemenis-- were"
    tokens = Tokens([0, 10, 21, 23, 27, 37], [9, 21, 22, 26, 36, 41])
    assert edge_moved(tokens, text, 10, 21, "start", 1) == (11, 21)
    assert edge_moved(tokens, text, 11, 21, "start", 1) == (12, 21)  # "Algerians"
    assert edge_moved(tokens, text, 12, 21, "start", -1) == (10, 21)  # out again: the stored token whole
    assert edge_moved(tokens, text, 27, 36, "end", -1) == (27, 35)
    assert edge_moved(tokens, text, 23, 36, "end", -1) == (23, 26)  # over two tokens: the stored one, as before
    assert edge_moved(tokens, text, 23, 26, "end", -1)[0] >= edge_moved(tokens, text, 23, 26, "end", -1)[1]  # "and"


def test_an_edge_moves_over_a_line_break_token_never_onto_it() -> None:
    """Session 32 under Xvfb: Ctrl+Shift+Right on "fewer than 40,000" went to "votes", ".", then the line break, a token
    of spaCy's: the CARDINAL ended with it in the file. A token of spaces or a line break is moved over both ways."""
    text = "40,000 votes.\nThe  Commission"
    tokens = Tokens([0, 7, 12, 13, 14, 17, 19], [6, 12, 13, 14, 17, 19, 29])  # spaCy's: "\n" and " " are tokens
    assert edge_moved(tokens, text, 0, 13, "end", 1) == (0, 17)  # past the break to "The", never (0, 14)
    assert edge_moved(tokens, text, 0, 17, "end", -1) == (0, 13)  # back: "votes.", never "votes.\n"
    assert edge_moved(tokens, text, 7, 17, "start", 1) == (12, 17)
    assert edge_moved(tokens, text, 12, 17, "start", 1) == (14, 17)  # over the break: "The"
    assert edge_moved(tokens, text, 14, 29, "start", -1) == (12, 29)
    assert edge_moved(tokens, text, 14, 17, "end", 1) == (14, 29)  # over the two spaces: "The  Commission"


def test_a_selection_inside_one_stored_token_leaving_out_its_dashes_snaps_to_the_word() -> None:
    """Round 12's Left: a drag over "Algerians" of spaCy's one token "--Algerians" snapped to the whole token. Inside
    one stored token, a selection that leaves out only a dash run snaps to the fallback's pieces; anything else (the
    full stop of "U.S.", a selection over two tokens) snaps to the stored tokens as before."""
    text = "detainees --Algerians, and Yemenis-- were in the U.S. now"
    tokens = Tokens([0, 10, 21, 23, 27, 37, 42, 45, 49, 54], [9, 21, 22, 26, 36, 41, 44, 48, 53, 57])
    assert snapped(tokens, text, 12, 21) == (12, 21)  # "Algerians" exactly
    assert snapped(tokens, text, 13, 19) == (12, 21)  # "lgerian": the word, not its dashes
    assert snapped(tokens, text, 11, 19) == (10, 21)  # a dash in it: the whole token
    assert snapped(tokens, text, 27, 33) == (27, 34)  # "Yemeni" of "Yemenis--": "Yemenis"
    assert snapped(tokens, text, 49, 52) == (49, 53)  # "U.S" of "U.S.": the whole token, as before
    assert snapped(tokens, text, 12, 25) == (10, 26)  # over several tokens: as before
    assert snapped(tokens, text, 9, 10) == (9, 10)  # a space alone: as it is


EDGES = "  𝒳avier met Zoë 🙂. Then 𝒴 left"  # spaces first, astral letters (two UTF-16 units), an emoji, no end mark


def test_the_word_at_a_caret_at_the_text_s_edges_in_spaces_and_on_astral_characters() -> None:
    """One function finds the word a caret is on (``word_at``: E's new event, the caret note, a label key), in code
    points, the same on the stored tokens as on the fallback's; pinned where a hand-written look-up went wrong."""
    starts, ends = [2, 9, 13, 17, 18, 20, 25, 27], [8, 12, 16, 18, 19, 24, 26, 31]
    for tokens in (Tokens.of(EDGES, None), Tokens(starts, ends)):
        assert word_at(tokens, EDGES, 0) is None and word_at(tokens, EDGES, 1) is None  # spaces before any word
        assert word_at(tokens, EDGES, 2) == (2, 8)  # "𝒳avier": an astral letter is one code point of a word
        assert word_at(tokens, EDGES, 8) == (2, 8)  # "𝒳avier| met": the word before the space
        assert word_at(tokens, EDGES, 17) == (17, 18)  # on the emoji: a token of its own, taken as it is
        assert word_at(tokens, EDGES, 18) == (18, 19)  # "🙂|.": no word ends there, the full stop
        assert word_at(tokens, EDGES, 19) is None  # ".| Then": nothing wordy ends at a space
        assert word_at(tokens, EDGES, 25) == (25, 26) and word_at(tokens, EDGES, 26) == (25, 26)  # "𝒴" alone
        assert word_at(tokens, EDGES, len(EDGES)) == (27, 31)  # the text's end: its last word


def test_the_sentence_of_a_caret_at_the_text_s_edges_in_spaces_and_on_astral_characters() -> None:
    """The sentence holding a code point: the token at it or the last before it (``offsets.token_index_at``), the
    first before any; stored tokens (``keyflow.sentence_bounds``) and the fallback's found around the caret
    (``LocalTokens.sentence``) agree."""
    from annotator.keyflow import sentence_bounds
    from annotator.navigation import LocalTokens
    from annotator.tokens import sentence_starts, word_tokens

    starts, ends = word_tokens(EDGES)
    sents = sentence_starts(EDGES, starts, ends)
    first, second = (2, 19), (20, 31)
    for cp, want in [(0, first), (1, first), (2, first), (18, first), (19, first), (20, second), (31, second)]:
        assert sentence_bounds(starts, ends, sents, len(EDGES), cp) == want, cp
        assert LocalTokens(EDGES).sentence(cp) == want, cp
