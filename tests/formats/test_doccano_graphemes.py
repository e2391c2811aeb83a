"""doccano's projects with "Count grapheme clusters as one character" (``grapheme_mode``, doccano issue 2290) write
their offsets in grapheme clusters: an emoji with its skin tone, a flag, a ZWJ family, a letter with its combining
accent are one character each (session 28's lead). No reader tried that count: a line's spans after '👍🏽' came in a
character short of their words (code points), without a word, and spans with their texts were refused. Now the line's
spans are read so where they fit the words (or their texts) only that way, said once for the file, and the doccano
export writes them back as they came. The lines are our own."""

from __future__ import annotations

import json

import pytest

from annotator import api
from annotator.formats.loading import import_format
from annotator.graphemes import GraphemeMap, cluster_starts

TEXT = "👍🏽 Boris Johnson met Zoë Ball in Paris 🇫🇷 with 👨‍👩‍👧 today."
WORDS = [("Boris Johnson", "PERSON"), ("Zoë Ball", "PERSON"), ("Paris", "GPE")]


def _clusters(text: str) -> list[str]:
    starts = [*cluster_starts(text), len(text)]
    return [text[a:b] for a, b in zip(starts, starts[1:])]


@pytest.mark.parametrize(
    "text, clusters",
    [
        ("👍🏽a", ["👍🏽", "a"]),  # an emoji and its skin tone
        ("🇺🇸🇫🇷🇩", ["🇺🇸", "🇫🇷", "🇩"]),  # flags: regional indicators in pairs
        ("👨\u200d👩\u200d👧!", ["👨\u200d👩\u200d👧", "!"]),  # a ZWJ family
        ("❤\ufe0f\u200d🔥", ["❤\ufe0f\u200d🔥"]),  # a variation selector before the ZWJ
        ("Zoe\u0301!", ["Z", "o", "e\u0301", "!"]),  # a combining accent
        ("a\r\nb\n", ["a", "\r\n", "b", "\n"]),  # CR LF is one
        ("\u1100\u1161\u11a8한", ["\u1100\u1161\u11a8", "한"]),  # Hangul jamo, then a syllable
        ("नमस्ते", ["न", "म", "स्", "ते"]),  # Devanagari's signs join the letter before them
        ("plain, é ü", list("plain, é ü")),
    ],
)
def test_grapheme_clusters(text, clusters):
    assert _clusters(text) == clusters
    gmap = GraphemeMap(text)
    assert [gmap.exact_codepoint(g) for g in range(gmap.count + 1)] == [*cluster_starts(text), len(text)]
    assert gmap.exact_codepoint(gmap.count + 1) is None


def _in_graphemes(text: str, words: list[tuple[str, str]], with_text: bool = False) -> list[list]:
    gmap = GraphemeMap(text)
    out = []
    for word, label in words:
        s = text.index(word)
        out.append([gmap.to_grapheme(s), gmap.to_grapheme(s + len(word)), label] + ([word] if with_text else []))
    return out


def _stored(project) -> list[tuple[str, str]]:
    got = []
    for doc_id in project.document_ids():
        text = project.document(doc_id).text
        got.append(sorted((text[e.start : e.end], e.label) for e in project.entities(doc_id)))
    return got


def test_a_grapheme_mode_export_is_read_on_its_words_said_once_and_written_back_so(project, tmp_path):
    lines = [
        {"id": 1, "text": TEXT, "label": _in_graphemes(TEXT, WORDS)},
        {"id": 2, "text": "🙋🏾‍♀️ " + TEXT, "label": _in_graphemes("🙋🏾‍♀️ " + TEXT, WORDS)},
    ]
    path = tmp_path / "admin.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    report = import_format(project, "doccano", [path])
    assert _stored(project) == [sorted(WORDS)] * 2  # main: '🏽 Boris Johns', ... (code points)
    said = [n for n in report.notes if "grapheme" in n]
    assert said == [f"{path}: offsets read as grapheme clusters (they fit the words that way) in 2 lines (lines 1, 2)"]
    out = tmp_path / "out.jsonl"
    api.export(project, out, "doccano", states=("suggested", "accepted", "added"))
    back = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [b["label"] for b in back] == [x["label"] for x in lines]


def test_spans_with_their_texts_that_fit_only_as_clusters_are_read_so(project, tmp_path):
    line = {"text": TEXT, "label": _in_graphemes(TEXT, WORDS, with_text=True)}
    path = tmp_path / "spans.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    report = import_format(project, "doccano", [path])  # main: refused, "offsets 2, 15 do not hold 'Boris Johnson'"
    assert _stored(project) == [sorted(WORDS)]
    assert any("grapheme clusters (the spans' texts fit them that way)" in n for n in report.notes), report.notes


def test_code_points_and_utf16_units_are_read_as_before(project, tmp_path):
    """A line in code points over combining accents, and one in UTF-16 units: neither is taken for clusters."""
    text = "Zoe\u0301 Ball and Rene\u0301e Fleming met in Paris 😀 today."
    words = [("Zoe\u0301 Ball", "PERSON"), ("Rene\u0301e Fleming", "PERSON"), ("Paris", "GPE")]
    as_cp = {"text": text, "label": [[text.index(w), text.index(w) + len(w), lab] for w, lab in words]}
    tail = "😀😀 " + text
    u16 = lambda k: len(tail[:k].encode("utf-16-le")) // 2  # noqa: E731
    as_u16 = {"text": tail, "label": [[u16(tail.index(w)), u16(tail.index(w) + len(w)), lab] for w, lab in words]}
    path = tmp_path / "plain.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in (as_cp, as_u16)), encoding="utf-8")
    report = import_format(project, "doccano", [path])
    assert _stored(project) == [sorted(words)] * 2
    assert not any("grapheme" in n for n in report.notes), report.notes
