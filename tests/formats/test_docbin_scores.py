"""spaCy DocBin export and import of entity scores: the entities with a score go in ``doc.spans["scored"]`` with
``attrs["scores"]`` (where spaCy's span categorizer leaves its predictions' scores), and come back as the entities'
scores; by both of the export's paths (documents with stored tokens are encoded as arrays, the others planned)."""

from __future__ import annotations

import pytest

from project_support import new_project
from spacy_support import english_vocab
from annotator.formats import writers
from annotator.formats.loading import import_format
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project
from tests.formats.test_docbin_arrays import (
    add_odd_documents,
    exported,
    names_encoded_as_arrays,
    reference,
    store_tokens,
)

TEXT = "Sergey Lavrov met Antony Blinken in Moscow on Friday."
WORDS = ["Sergey", "Lavrov", "met", "Antony", "Blinken", "in", "Moscow", "on", "Friday", "."]


def at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


def scored_document(name: str, tokens: bool) -> IncomingDocument:
    ents = [
        IncomingEntity(k, *at(w), label, state, "label-studio:m", score=sc)
        for k, (w, label, state, sc) in enumerate(
            [
                ("Sergey Lavrov", "PERSON", "suggested", 0.95),
                ("Antony Blinken", "PERSON", "accepted", 0.8),
                ("Moscow", "GPE", "suggested", 0.25),
                ("Friday", "DATE", "accepted", None),
            ]
        )
    ]
    doc = IncomingDocument(text=TEXT, name=name, entities=ents)
    if tokens:  # stored tokens in spaCy's shape: the export's array path
        starts, pos = [], 0
        for w in WORDS:
            pos = TEXT.index(w, pos)
            starts.append(pos)
            pos += len(w)
        doc.tokens, doc.tokens_source = (starts, [s + len(w) for s, w in zip(starts, WORDS)], [0]), "test"
    return doc


def scores(project: Project, doc_id: int) -> list[tuple[str, str, str, float | None]]:
    return sorted((TEXT[e.start : e.end], e.label, e.state, e.score) for e in project.entities(doc_id))


@pytest.mark.parametrize("tokens", [True, False], ids=["arrays", "planned"])
def test_entity_scores_go_out_in_a_scored_span_group_and_come_back(tmp_path, tokens):
    from spacy.tokens import DocBin

    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_documents(project, [scored_document("d.txt", tokens), IncomingDocument(text="No one.", name="e.txt")])
    states = ("suggested", "accepted", "added")
    writers()["spacy"](project, tmp_path / "out.spacy", states=states)
    docs = {
        d.user_data["annotator_name"]: d for d in DocBin().from_disk(tmp_path / "out.spacy").get_docs(english_vocab())
    }
    group = docs["d.txt"].spans["scored"]
    assert [(s.text, s.label_) for s in group] == [
        ("Sergey Lavrov", "PERSON"),
        ("Antony Blinken", "PERSON"),
        ("Moscow", "GPE"),
    ]
    assert list(group.attrs["scores"]) == [0.95, 0.8, 0.25]
    assert "scored" not in docs["e.txt"].spans  # no entity with a score: no group
    again = new_project(tmp_path / "again.annotator", annotator="t")
    import_format(again, "spacy", [tmp_path / "out.spacy"])
    names = {again.document(i).name: i for i in again.document_ids()}
    (before,) = [i for i in project.document_ids() if project.document(i).name == "d.txt"]
    assert scores(again, names["d.txt"]) == scores(project, before)
    assert [s for *_, s in scores(again, names["d.txt"])] == [0.8, None, 0.25, 0.95]


def test_the_array_path_writes_the_scored_group_as_the_record_path_does(sample, tmp_path, monkeypatch):
    """Documents with stored tokens and scored entities stay on the array path (they went to the slower record path)
    and read back as spaCy's own DocBin of the record path's Docs, scores exact (0.1 + 0.2 is not 0.3)."""
    from annotator.formats.records import ExportRequest

    project, _ = sample
    add_odd_documents(project)
    store_tokens(project, skip=("rocket.txt",))
    project.db.conn.execute("UPDATE entities SET score = 0.1 + 0.2 WHERE id % 2 = 0")
    project.db.conn.execute("UPDATE entities SET score = 0.7 WHERE id % 3 = 0 AND id % 2 = 1")
    project.db.conn.commit()
    encoded = names_encoded_as_arrays(monkeypatch)
    request = ExportRequest(states=("suggested", "accepted", "added"))
    theirs, _ = reference(project, request)
    ours, _ = exported(project, tmp_path / "c.spacy", request)
    assert ours == theirs
    assert {"accents.txt", "arrest.txt", "nul.txt"} <= set(encoded)  # on the array path, scores and all
    assert all("scored" in ours[n][2] for n in ("accents.txt", "arrest.txt", "nul.txt"))
    scored = [groups["scored"] for _text, _tokens, groups, *_ in ours.values() if "scored" in groups]
    assert scored and {x for _spans, attrs in scored for x in attrs["scores"]} == {0.1 + 0.2, 0.7}
