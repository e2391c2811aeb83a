"""Session 35 (helper s35-qa): Find's matches are whole characters, as ``graphemes.ClusterEdges`` keeps spans. On main
a regional indicator typed matched half a flag (its highlight showed the half, and a label key on it was widened only by
the selection), a man typed matched the first of a ZWJ family, "🇸🇻" matched the halves of two flags side by side,
"👍" the thumb of "👍🏽", and the court emoji typed without its U+FE0F matched "🏛️" less it."""

from __future__ import annotations

from annotator.find_words import count_all, find_all

FLAGS = "Hanoi 🇻🇳 and Washington 🇺🇸🇻🇳 met."
FAMILY = "A family 👨\u200d👩\u200d👧 came; a man 👨 left."


def test_a_regional_indicator_typed_matches_no_half_of_a_flag():
    assert find_all(FLAGS, "🇻") == [] and count_all(FLAGS, "🇻") == 0  # on main: 2 (both flags' first halves)
    assert find_all(FLAGS, "🇸🇻") == []  # the second half of 🇺🇸 and the first of 🇻🇳
    whole = [m for m in find_all(FLAGS, "🇻🇳")]
    assert [FLAGS[s:e] for s, e in whole] == ["🇻🇳", "🇻🇳"] and count_all(FLAGS, "🇻🇳") == 2


def test_a_pictograph_typed_matches_no_part_of_a_zwj_sequence_or_of_an_emoji_with_its_skin_tone():
    assert [FAMILY[s:e] for s, e in find_all(FAMILY, "👨")] == ["👨"]  # the man alone, not the family's first
    assert count_all(FAMILY, "👨") == 1
    assert find_all(FAMILY, "👩") == []  # the family's middle
    text = "Fans 👍🏽 and 👍 here."
    assert [text[s:e] for s, e in find_all(text, "👍")] == ["👍"]
    assert [text[s:e] for s, e in find_all(text, "👍🏽")] == ["👍🏽"]


def test_an_emoji_typed_with_or_without_its_presentation_selector_finds_it_whole():
    text = "The court 🏛️ sat; the old sign 🏛 too."
    assert [text[s:e] for s, e in find_all(text, "🏛")] == ["🏛️", "🏛"]  # on main: "🏛" twice, the first less U+FE0F
    assert [text[s:e] for s, e in find_all(text, "🏛️")] == ["🏛️", "🏛"]
    assert count_all(text, "🏛") == 2


def test_words_and_accents_are_found_as_before_and_an_indic_conjunct_is_one_character():
    text = "Zoe\u0308 Mu\u0308ller met Zoe; e\u0301t\u00e9 Kővacs."
    assert [text[s:e] for s, e in find_all(text, "zoë")] == ["Zoe\u0308"]
    assert [text[s:e] for s, e in find_all(text, "zoe")] == ["Zoe"]
    assert count_all(text, "e") == len(find_all(text, "e")) == 3  # "Müller"'s, "met"'s, "Zoe"'s: none before an accent
    hindi = "क्षमा और क्ष"
    assert [hindi[s:e] for s, e in find_all(hindi, "क्ष")] == ["क्ष", "क्ष"]
    assert find_all(hindi, "क") == []  # the conjunct's first consonant: half of what a reader sees as one


def _bordered(word: str) -> bool:
    """Whether two matches of ``word`` can overlap (a proper prefix that is also a suffix)."""
    return any(word[:k] == word[-k:] for k in range(1, len(word)))


def test_find_s_matches_agree_with_the_cluster_edges_on_random_mixes():
    """Texts of flags, ZWJ sequences, skin tones, Devanagari conjuncts and vowel signs, Hangul jamo and plain letters;
    words taken from them: every match whole (``ClusterEdges``), and, for a word whose matches cannot overlap, every
    whole occurrence found."""
    import random

    from annotator.graphemes import ClusterEdges

    pieces = [
        "🇻🇳",
        "🇺🇸",
        "🇻",
        "👨\u200d👩\u200d👧",
        "👨",
        "👍🏽",
        "👍",
        "क्ष",
        "क",
        "कि",
        "्",
        "ᄒ",
        "ᅡ",
        "ᆫ",
        "x",
        " ",
        "🏛",
    ]
    rng = random.Random(35)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        a = rng.randrange(len(text))
        word = text[a : a + rng.randint(1, 4)]
        edges = ClusterEdges(text)
        found = find_all(text, word)
        assert count_all(text, word) == len(found)
        for s, e in found:
            assert text[s:e].replace("\ufe0f", "") == word and edges.widen(s, e) == (s, e), (text, word, s, e)
        if not _bordered(word) and "🏛" not in word:
            n = len(word)
            whole = [
                (p, p + n)
                for p in range(len(text) - n + 1)
                if text.startswith(word, p) and edges.widen(p, p + n) == (p, p + n)
            ]
            assert found == whole, (text, word, found, whole)
