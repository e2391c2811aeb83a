"""The parse's noun heads stored at pre-annotation for the role keys (docs/keyboard.md, round 26b): read from a parsed
Doc, stored beside the tokens (migration 11; a file of format 10 gets the column, its documents none), offered after
the sentence's spans, and a span the cycle made taken back as it moves on. Failed on main (no ``noun_heads``)."""

from __future__ import annotations

import sqlite3

from core_helpers import add_document
from spacy.tokens import Doc

from annotator import migrations
from annotator.edits import change_argument
from annotator.edits_flow import fill_role_with_span
from annotator.role_heads import heads_offered, heads_place
from spacy_support import english_vocab, english_words
from annotator.nlp import Parsed, to_parsed
from annotator.preannotate import store_tokens
from annotator.preannotate_report import PreannotateReport
from annotator.store import Project

TEXT = "Police sent a surgical team to Warsaw ."


def parsed_doc() -> Doc:
    """A hand-parsed Doc (no model): "a surgical team" and "Police" are noun chunks, "Warsaw" an entity."""
    words = TEXT.split()
    doc = Doc(
        english_vocab(),
        words=words,
        spaces=[True] * 6 + [False, False],
        pos=["NOUN", "VERB", "DET", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"],
        deps=["nsubj", "ROOT", "det", "amod", "dobj", "prep", "pobj", "punct"],
        heads=[1, 1, 4, 4, 1, 1, 5, 1],
        ents=["O", "O", "O", "O", "O", "O", "B-GPE", "O"],
    )
    return doc


def at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


def test_a_parsed_doc_gives_its_noun_heads_that_are_no_entity():
    parsed = to_parsed(parsed_doc())
    assert parsed.noun_heads == [at("Police"), at("team")]  # "Warsaw" is an entity: no head offered
    assert to_parsed(english_words()(TEXT)).noun_heads == []  # no parse: none


def test_pre_annotation_stores_the_heads_and_the_migration_gives_older_documents_none(tmp_path, at_format):
    path = tmp_path / "old.annotator"
    with at_format(10), Project(path) as p:
        old = add_document(p, TEXT)
        p.db.conn.execute(
            "INSERT INTO tokens (document_id, pipeline, starts, ends, sentence_starts) VALUES (?, 'x', '[0]', '[6]', "
            "'[0]')",
            (old,),
        )
    conn = sqlite3.connect(path)
    assert "noun_heads" not in {r[1] for r in conn.execute("PRAGMA table_info(tokens)")}
    conn.close()
    with Project(path) as p:
        assert migrations.user_version(p.db.conn) == migrations.LATEST >= 11
        assert p.noun_heads(old) == [] and p.tokens(old) == ([0], [6], [0])  # as before: nothing offered
        new = add_document(p, TEXT + " Again.")
        with p.transaction():
            store_tokens(p, new, to_parsed(parsed_doc()), "spacy:x@1", PreannotateReport())
        assert p.noun_heads(new) == [at("Police"), at("team")]
        bare = add_document(p, TEXT + " Bare.")
        with p.transaction():
            store_tokens(p, bare, Parsed([], [0], [6], [0]), "spacy:x@1", PreannotateReport())
        assert p.noun_heads(bare) == []
        assert p.db.conn.execute("SELECT noun_heads FROM tokens WHERE document_id = ?", (bare,)).fetchone()[0] is None


def test_heads_are_offered_after_the_sentences_spans_nearest_the_trigger_first():
    sentence, trigger = (0, len(TEXT)), at("sent")
    heads = [at("Police"), at("team"), at("Warsaw")]
    assert heads_offered(heads, sentence, trigger, [at("Warsaw")]) == [at("Police"), at("team")]
    assert heads_offered(heads, (0, 4), trigger, []) == []  # another sentence's
    assert heads_offered([at("sent")], sentence, trigger, []) == []  # the trigger
    assert heads_place([at("Warsaw"), (100, 104), at("Police")], sentence) == 1


def test_a_span_the_cycle_made_is_taken_back_when_the_key_moves_on(tmp_path):
    from annotator.edits import add_entity, add_event
    from annotator.recorder import undo

    with Project(tmp_path / "p.annotator", annotator="ann") as p:
        doc = add_document(p, TEXT)
        ev = add_event(p, doc, "Movement:Transport", *at("sent")).result_id
        first = fill_role_with_span(p, ev, "Agent", *at("Police"), "PERSON").result_id
        made = p.row("arguments", first)["entity_id"]
        fill_role_with_span(p, ev, "Agent", *at("team"), "PERSON", replace=first, drop=made)
        assert sorted(TEXT[e.start : e.end] for e in p.entities(doc)) == ["team"]  # "Police" taken back
        team = p.row("arguments", first)["entity_id"]
        other = add_entity(p, doc, *at("Warsaw"), "GPE").result_id
        moved = change_argument(p, first, entity_id=other, drop=team)
        assert sorted(TEXT[e.start : e.end] for e in p.entities(doc)) == ["Warsaw"]
        undo(p, moved)
        assert sorted(TEXT[e.start : e.end] for e in p.entities(doc)) == ["Warsaw", "team"]


def test_a_noun_head_is_told_apart_from_the_entities_as_a_pass_over_them_would():
    # session 36 (s36-cost): a lookup by the entities' starts, not a pass over every entity for each noun chunk
    import random

    from annotator.nlp import _Covered

    rng = random.Random(36)
    for _ in range(200):
        ents = []
        for _ in range(rng.randrange(0, 12)):
            s = rng.randrange(0, 60)
            ents.append((s, s + rng.randrange(1, 15), "X"))  # overlapping, nested and touching spans too
        covered = _Covered(ents)
        for start in range(0, 70):
            for end in range(start + 1, min(start + 8, 75)):
                assert covered.overlaps(start, end) == any(s < end and start < e for s, e, _ in ents), (ents, start)
