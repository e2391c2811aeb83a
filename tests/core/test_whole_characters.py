"""A span never ends inside a character (docs/reliability.md, "Session 34: characters kept whole"): spaCy's tokenizer
cuts a flag into its two regional indicators, a ZWJ family into five tokens, an emoji and its U+FE0F or skin tone
apart; the tokens stored for a document are merged within one grapheme cluster, the pipeline's entities and noun heads
and an imported span that cuts one are widened to its edges, the fallback tokens keep clusters whole, and a project
pre-annotated before gets its stored tokens merged (migration 12). Each failed on main 200944d4."""

from __future__ import annotations

import sqlite3

import pytest
from core_helpers import add_document
from spacy.tokens import Doc

from annotator import migrations
from annotator.graphemes import whole_characters
from annotator.importing import import_documents
from annotator.incoming import IncomingDocument, IncomingEntity, IncomingEvent
from spacy_support import english_vocab
from annotator.nlp import to_parsed
from annotator.store import Project
from annotator.tokens import word_tokens

FLAG = "\U0001f1fb\U0001f1f3"  # Viet Nam: two regional indicators
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # man ZWJ woman ZWJ girl ZWJ boy
THUMB = "\U0001f44d\U0001f3fd"  # thumbs up, medium skin tone
KEYCAP = "1\ufe0f\u20e3"  # 1️⃣
COURT = "\U0001f3db\ufe0f"  # classical building, emoji presentation
ACCENT = "e\u0301"  # e and a combining acute
CONJUNCT = "\u0915\u094d\u0937"  # क्ष: ka, virama, ssa
JAMO = "\u1112\u1161\u11ab"  # 한 as conjoining jamo (L V T)

# each as spaCy's tokenizer (or another tool) cuts it: the pieces of one user-perceived character
PIECES = {
    "flag": (FLAG, [FLAG[0], FLAG[1]]),
    "family": (FAMILY, ["\U0001f468", "\u200d", "\U0001f469", "\u200d", "\U0001f467", "\u200d", "\U0001f466"]),
    "skin tone": (THUMB, [THUMB[0], THUMB[1]]),
    "keycap": (KEYCAP, ["1", "\ufe0f\u20e3"]),
    "emoji and U+FE0F": (COURT, [COURT[0], COURT[1]]),
    "combining mark": (ACCENT, ["e", "\u0301"]),
    "Devanagari conjunct": (CONJUNCT, ["\u0915", "\u094d\u0937"]),
    "Hangul jamo": (JAMO, ["\u1112", "\u1161\u11ab"]),
}


def split_doc(pieces: list[str]) -> Doc:
    """A Doc of "Seen in X today ." whose X is cut into ``pieces`` (as spaCy's tokenizer cuts an emoji sequence), its
    first piece an entity alone (a span that ends inside the character)."""
    words = ["Seen", "in", *pieces, "today", "."]
    spaces = [True, True] + [False] * (len(pieces) - 1) + [True, False, False]
    ents = ["O", "O", "B-GPE"] + ["O"] * (len(pieces) - 1) + ["O", "O"]
    return Doc(english_vocab(), words=words, spaces=spaces, ents=ents)


@pytest.mark.parametrize("kind", sorted(PIECES))
def test_pre_annotation_s_tokens_and_entities_keep_a_character_whole(kind):
    whole, pieces = PIECES[kind]
    text = f"Seen in {whole} today."
    parsed = to_parsed(split_doc(pieces))
    tokens = [text[s:e] for s, e in zip(parsed.token_starts, parsed.token_ends)]
    assert tokens == ["Seen", "in", whole, "today", "."]
    assert [(text[s:e], label) for s, e, label in parsed.entities] == [(whole, "GPE")]
    assert parsed.sentence_starts == [0]


def test_a_modifier_spacy_kept_with_a_full_stop_gives_the_stop_its_own_token():
    text = f"Great {THUMB}. Then"
    doc = Doc(english_vocab(), words=["Great", THUMB[0], THUMB[1] + ".", "Then"], spaces=[True, False, True, False])
    doc[3].is_sent_start = True
    parsed = to_parsed(doc)
    assert [text[s:e] for s, e in zip(parsed.token_starts, parsed.token_ends)] == ["Great", THUMB, ".", "Then"]
    assert parsed.sentence_starts == [0, 3]  # "Then": its index after the merge
    plain = Doc(english_vocab(), words=["Zoé", "met", "Kővacs", "."], spaces=[True, True, False, False])
    parsed = to_parsed(plain)  # ordinary text: as spaCy cut it
    assert (parsed.token_starts, parsed.token_ends) == ([0, 4, 8, 14], [3, 7, 14, 15])


@pytest.mark.parametrize("kind", ["flag", "family", "skin tone"])  # marks were joined already (session 21)
def test_the_fallback_tokens_keep_a_character_whole(kind):
    whole, _ = PIECES[kind]
    text = f"Seen in {whole}, today"
    starts, ends = word_tokens(text)
    assert whole in [text[s:e] for s, e in zip(starts, ends)]


@pytest.mark.parametrize("kind", sorted(PIECES))
def test_a_selection_inside_a_character_widens_to_it(kind):
    whole, pieces = PIECES[kind]
    text = f"Seen in {whole} today"
    at = text.index(whole)
    assert whole_characters(text, at, at + len(pieces[0])) == (at, at + len(whole))
    assert whole_characters(text, at + len(pieces[0]), at + len(whole)) == (at, at + len(whole))
    assert whole_characters(text, 0, 4) == (0, 4)


def test_an_imported_span_that_cuts_a_character_is_widened_and_the_import_says_so(tmp_path):
    text = f"Police in Hanoi {FLAG} met Zoe\u0301 at the court {COURT} today."
    flag, zoe, court = text.index(FLAG), text.index("Zoe"), text.index(COURT)
    doc = IncomingDocument(
        text=text,
        name="cut.txt",
        entities=[
            IncomingEntity(1, flag, flag + 1, "GPE"),  # the first regional indicator alone
            IncomingEntity(2, zoe, zoe + 3, "PERSON"),  # "Zoe" without its accent
            IncomingEntity(3, court, court + 1, "FAC"),  # the emoji without its U+FE0F
        ],
        events=[IncomingEvent("Contact:Meet", text.index("met"), text.index("met") + 3)],
    )
    with Project(tmp_path / "p.annotator") as p:
        report = import_documents(p, [doc])
        doc_id = report.imported[0][1]
        assert p.db.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0] == text
        spans = sorted(text[e.start : e.end] for e in p.entities(doc_id))
    assert spans == sorted([FLAG, "Zoe\u0301", COURT])
    assert report.widened == [("cut.txt", 3)]
    assert "3 spans widened to whole characters (3 in cut.txt" in report.summary()


def test_an_imported_document_s_own_tokens_are_merged_within_a_character(tmp_path):
    text = f"Hanoi {FLAG} today"
    doc = IncomingDocument(text=text, name="t.txt", tokens=([0, 6, 7, 9], [5, 7, 8, 14], [0]))
    with Project(tmp_path / "p.annotator") as p:
        doc_id = import_documents(p, [doc]).imported[0][1]
        assert p.tokens(doc_id) == ([0, 6, 9], [5, 8, 14], [0])


def test_the_migration_merges_the_stored_tokens_of_a_project_pre_annotated_before(tmp_path, at_format):
    path = tmp_path / "old.annotator"
    text = f"Seen in {FLAG} today. {FAMILY} came."
    fam = text.index(FAMILY)
    family_cuts = [fam, fam + 1, fam + 2, fam + 3, fam + 4, fam + 5, fam + 6]
    starts = [0, 5, 8, 9, 11, 16, *family_cuts, fam + 8]
    ends = [4, 7, 9, 10, 16, 17, *[c + 1 for c in family_cuts], fam + 12]
    with at_format(11), Project(path) as p:
        doc_id = add_document(p, text)
        plain = add_document(p, "Nothing to merge here.", "plain.txt")
        p.db.conn.execute(
            "INSERT INTO tokens (document_id, pipeline, starts, ends, sentence_starts, noun_heads) "
            "VALUES (?, 'x', ?, ?, '[0, 6]', ?)",
            (doc_id, str(starts), str(ends), f"[[{fam}, {fam + 1}]]"),
        )
        p.db.conn.execute(
            "INSERT INTO tokens (document_id, pipeline, starts, ends, sentence_starts) VALUES (?, 'x', '[0]', '[7]', "
            "'[0]')",
            (plain,),
        )
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 11
    conn.close()
    with Project(path) as p:
        assert migrations.user_version(p.db.conn) == migrations.LATEST >= 12
        got_starts, got_ends, sents = p.tokens(doc_id)
        assert [text[s:e] for s, e in zip(got_starts, got_ends)] == ["Seen", "in", FLAG, "today", ".", FAMILY, "came"]
        assert sents == [0, 5]  # the family's sentence starts at its (merged) token
        assert p.noun_heads(doc_id) == [(fam, fam + len(FAMILY))]
        assert p.tokens(plain) == ([0], [7], [0])


def test_the_edges_found_in_runs_agree_with_a_walk_of_the_whole_text():
    """``ClusterEdges`` walks only the runs of non-ASCII characters that hold a joining one; ``whole_characters`` only
    around its span: both as ``cluster_starts`` over the whole text says, on random mixes of every kind above."""
    import random

    from annotator.graphemes import ClusterEdges, cluster_starts

    chars = ["a", "e", " ", "\r", "\n", ".", "1", "é", "\u201c", "\u0903", "\uac00", *FLAG, *FAMILY, *THUMB, *KEYCAP]
    chars += [*COURT, *ACCENT, *CONJUNCT, *JAMO]
    rng = random.Random(34)
    for _ in range(400):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 12)))
        bounds = [*cluster_starts(text, conjuncts=True), len(text)]
        edges = ClusterEdges(text)
        for cp in range(len(text) + 1):
            before = max(b for b in bounds if b <= cp)
            after = cp if cp in bounds else min(b for b in bounds if b > cp)
            assert (edges.start_of(cp), edges.end_of(cp)) == (before, after), (text, cp)
        for start in range(len(text)):
            end = rng.randint(start + 1, len(text))
            assert whole_characters(text, start, end) == edges.widen(start, end), (text, start, end)
