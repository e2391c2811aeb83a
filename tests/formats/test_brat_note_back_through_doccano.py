"""A brat note on an entity (``#1	AnnotatorNotes T2	men not named``) of a corpus whose label the news schema spells
otherwise (``Person``, its ``PERSON``) goes out to doccano as a comment ``[on Person 16-23] ...`` and, read into a news
project, came back to brat on the document's first annotation with that prefix in its text: the note's label is the
file's spelling, the entity's the schema's, and the brat export looked the note's target up by the schema's name only.
Now a note whose label names no entity there goes on the one entity of its span (as brat's kept lines already do).
Our own corpus."""

from __future__ import annotations

from annotator import api

TEXT = "Police arrested two men in Lyon.\n"
ANN = "T1\tOrganization 0 6\tPolice\nT2\tPerson 16 23\ttwo men\nT3\tGPE 27 31\tLyon\n#1\tAnnotatorNotes T2\tmen not named\n"


def test_a_note_on_an_entity_comes_back_on_it_through_doccano(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "a.ann").write_text(ANN, encoding="utf-8")
    (corpus / "annotation.conf").write_text(
        "[entities]\nPerson\nGPE\nOrganization\n[relations]\n[events]\n[attributes]\n", encoding="utf-8"
    )
    first = api.new_project(tmp_path / "p.annotator")
    api.import_files(first, [corpus])
    api.export(first, tmp_path / "out.jsonl", format="doccano")
    news = api.new_project(tmp_path / "q.annotator")
    assert not api.import_files(news, [tmp_path / "out.jsonl"]).skipped
    (doc,) = news.document_ids()
    assert "PERSON" in {e.label for e in news.entities(doc)}  # the news schema's name: the note's is the file's
    api.export(news, tmp_path / "brat", format="brat")
    lines = (tmp_path / "brat" / "a.ann").read_text(encoding="utf-8").splitlines()
    two_men = next(x.split("\t")[0] for x in lines if x.endswith("\ttwo men"))
    assert [x for x in lines if x.startswith("#")] == [f"#1\tAnnotatorNotes {two_men}\tmen not named"]
