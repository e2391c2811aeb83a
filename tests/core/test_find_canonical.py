"""Find matches words typed composed in a text stored decomposed, and the other way round (canonical equivalence):
the offsets stay the stored text's code points (session 34, helper s34-qa)."""

from __future__ import annotations

import unicodedata

from annotator.find_words import count_all, find_all

NFD_TEXT = "Nguye\u0302\u0303n Va\u0306n An met Zoe\u0308 Mu\u0308ller in Zu\u0308rich; Zoe left."


def test_words_typed_composed_find_a_decomposed_text_at_its_code_points():
    """Typed "Zoë Müller" (as a keyboard gives it, composed): found in a text stored decomposed (macOS file names,
    some PDFs' text, corpora kept in NFD), whose "Zoë" is "Zoe" and U+0308; on main: nothing found."""
    (match,) = find_all(NFD_TEXT, "Zoë Müller")
    assert NFD_TEXT[match[0] : match[1]] == "Zoe\u0308 Mu\u0308ller"
    assert count_all(NFD_TEXT, "zoë müller") == 1  # case-insensitive, as before
    (city,) = find_all(NFD_TEXT, "Zürich")
    assert NFD_TEXT[city[0] : city[1]] == "Zu\u0308rich"
    (name,) = find_all(NFD_TEXT, "Nguyễn")  # two accents on one letter: composed, decomposed, or half of each
    assert NFD_TEXT[name[0] : name[1]] == "Nguye\u0302\u0303n"
    half = "Nguy\u00ea\u0303n"  # ê composed, the tilde apart
    assert find_all(half + " " + NFD_TEXT, "Nguyễn") == [(0, 7), (8, 16)]  # 7 code points, then 8


def test_words_typed_decomposed_find_a_composed_text():
    composed = unicodedata.normalize("NFC", NFD_TEXT)
    (match,) = find_all(composed, "Zoe\u0308 Mu\u0308ller")
    assert composed[match[0] : match[1]] == "Zoë Müller"
    (korean,) = find_all("서울에서 한국 회의", unicodedata.normalize("NFD", "한국"))  # Hangul jamo too
    assert korean == (5, 7)


def test_a_match_never_ends_between_a_letter_and_its_accent():
    """ "Zoe" typed found the "Zoe" of a decomposed "Zoë", its diaeresis left outside the match (a label key on it
    made a span that cut the letter in two), while the same words find nothing of a composed "Zoë": alike now, only
    the "Zoe" that is one."""
    assert find_all(NFD_TEXT, "Zoe") == [(NFD_TEXT.index("Zoe left"), NFD_TEXT.index("Zoe left") + 3)]
    assert count_all(NFD_TEXT, "zoe") == 1
    assert find_all("Ana ana", "ana") == [(0, 3), (4, 7)]  # words without accents: as before
