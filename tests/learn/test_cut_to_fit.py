"""A finished document longer than spaCy parses is learnt in pieces (annotator/learn/data.py ``cut_to_fit``): it was
left out of the training whole (session 27, s27-qab's lead; session 28, s28-qa), every decision in it unlearnt."""

from __future__ import annotations

from annotator.learn.data import FinishedDoc, GoldArgument, GoldEvent, cut_to_fit

SENTENCE = "Maria Lopez met officials in Paris on Monday. "  # 46 characters


def long_doc(sentences: int) -> FinishedDoc:
    text = SENTENCE * sentences
    d = FinishedDoc(7, "long.txt", text, "annotated")
    for k in range(sentences):
        at = k * len(SENTENCE)
        d.entities += [(at, at + 11, "PERSON"), (at + 29, at + 34, "GPE")]
        d.events.append(
            GoldEvent(
                "Contact:Meet",
                at + 12,
                at + 15,
                (GoldArgument("Entity", at, at + 11, "PERSON"), GoldArgument("Place", at + 29, at + 34, "GPE")),
            )
        )
    d.rejected.append((38, 44, "DATE"))
    return d


def test_a_document_longer_than_the_limit_is_cut_into_pieces_that_keep_every_decision_whole():
    d = long_doc(100)  # 4,600 characters
    short = FinishedDoc(3, "short.txt", SENTENCE, "reviewed", [(0, 11, "PERSON")])
    pieces, cut = cut_to_fit([short, d], limit=1_000, piece=700)
    assert cut == ["long.txt"] and pieces[0] is short  # a text within the limit stays as it is
    parts = pieces[1:]
    assert "".join(p.text for p in parts) == d.text and all(len(p.text) <= 700 for p in parts)
    assert all(p.piece_of == 7 and p.document_id == 7 and p.name == "long.txt" for p in parts)
    assert len({p.id for p in parts} | {short.id}) == len(parts) + 1 and all(p.id < 0 for p in parts)
    assert all(p.text.endswith(". ") for p in parts)  # cut at a sentence's end, not in a name
    assert sum(len(p.entities) for p in parts) == len(d.entities)  # none split, none lost
    assert sum(len(p.events) for p in parts) == len(d.events) and sum(len(p.rejected) for p in parts) == 1
    for p in parts:
        for s, e, label in p.entities:
            assert p.text[s:e] == ("Maria Lopez" if label == "PERSON" else "Paris")
        for ev in p.events:
            assert p.text[ev.start : ev.end] == "met"
            assert [p.text[a.start : a.end] for a in ev.arguments] == ["Maria Lopez", "Paris"]


def test_no_cut_falls_inside_a_span_where_a_free_place_is_near():
    text = "word " * 70 + "The Central Anti-Corruption Bureau of the Republic of Poland " * 3 + "word " * 150
    start = text.index("The Central")
    end = start + len("The Central Anti-Corruption Bureau of the Republic of Poland " * 3) - 1
    d = FinishedDoc(1, "a.txt", text, "reviewed", [(start, end, "ORG")])
    pieces, _cut = cut_to_fit([d], limit=500, piece=400)
    assert "".join(p.text for p in pieces) == text
    kept = [(p, s, e) for p in pieces for s, e, _label in p.entities]
    assert len(kept) == 1 and kept[0][0].text[kept[0][1] : kept[0][2]] == text[start:end]
