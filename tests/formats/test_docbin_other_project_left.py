"""A DocBin another project's engineer hands over (an entity linker's ``kb_id`` on ``doc.ents``, a span group of a name
of its own beside ``sc``, ``doc.user_data`` keys of its own): a span given in ``doc.ents`` as PERSON and in a group as
PER is one entity, not two; what no document keeps is said in one line with its numbers. Session 35: the span came in
twice (two PERSON entities on the same words) and the ids, the group's name and the keys were lost without a word.
Our own Docs."""

from __future__ import annotations

import json

from spacy.tokens import Doc, DocBin, Span

from spacy_support import english_vocab
from annotator.cli import main
from annotator.store import Project


def _docbin(path) -> None:
    words = ["Barack", "Obama", "visited", "Kabul", "with", "the", "Red", "Cross", "."]
    doc = Doc(english_vocab(), words=words, spaces=[True] * 7 + [False, False])
    doc.ents = [Span(doc, 0, 2, "PERSON", kb_id="Q76"), Span(doc, 3, 4, "GPE")]
    doc.spans["sc"] = [Span(doc, 0, 2, "PERSON"), Span(doc, 6, 8, "ORG")]
    doc.spans["people"] = [Span(doc, 0, 2, "PER")]
    doc.user_data["source"] = "wire"
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    bin_.to_disk(path)


def _imported_and_exported(tmp_path):
    """The DocBin of ``_docbin`` imported into a new project and exported again as a DocBin: its one Doc, read back,
    and the exported file."""
    from spacy.vocab import Vocab

    given = tmp_path / "linked.spacy"
    _docbin(given)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given)]) == 0
    out = tmp_path / "out.spacy"
    assert main(["export", str(project), "-f", "spacy", "-o", str(out)]) == 0
    (back,) = DocBin().from_disk(out).get_docs(Vocab())
    return back, out


def test_a_span_spelt_two_ways_is_one_entity_and_what_is_lost_is_said(tmp_path, capsys):
    given = tmp_path / "linked.spacy"
    _docbin(given)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    with Project(project, annotator="t") as p:
        (doc,) = p.document_ids()
        spans = sorted((e.start, e.end, e.label) for e in p.entities(doc))
    assert spans == [(0, 12, "PERSON"), (21, 26, "GPE"), (36, 45, "ORG")]
    assert not [w for w in said["not_kept"] if "kb_id" in w]
    (line,) = [w for w in said["notes"] if "kb_id" in w]
    assert "of 1 entity" in line and "people (1 span)" in line and "doc.user_data's own keys source" in line


def test_what_another_project_s_docs_carry_is_kept_and_the_user_data_goes_back(tmp_path):
    """Session 36: the kb_ids, the group's spans by name and the user data keys are kept in the document's meta
    (``spacy_docbin``), which the project's JSON carries; the DocBin export writes the user data keys back at the top
    of ``doc.user_data``. Session 35 said them and dropped them."""
    from spacy.vocab import Vocab

    given = tmp_path / "linked.spacy"
    _docbin(given)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given)]) == 0
    with Project(project, annotator="t") as p:
        (doc,) = p.document_ids()
        kept = p.document(doc).meta["spacy_docbin"]
    assert kept["kb_ids"] == [[0, 12, "Q76"]]
    assert kept["span_groups"] == {"people": [[0, 12, "PER"]]}
    assert kept["user_data"] == {"source": "wire"}
    out = tmp_path / "out.spacy"
    assert main(["export", str(project), "-f", "spacy", "-o", str(out)]) == 0
    (back,) = DocBin().from_disk(out).get_docs(Vocab())
    assert back.user_data["source"] == "wire"
    as_json = tmp_path / "out.json"
    assert main(["export", str(project), "-f", "json", "-o", str(as_json)]) == 0
    assert "Q76" in as_json.read_text(encoding="utf-8")
    again = tmp_path / "again.annotator"  # our own export read back: what it kept comes back with its meta
    assert main(["import", str(again), str(out)]) == 0
    with Project(again, annotator="t") as p:
        (doc,) = p.document_ids()
        assert p.document(doc).meta["spacy_docbin"]["kb_ids"] == [[0, 12, "Q76"]]


def test_the_kb_ids_go_back_on_doc_ents(tmp_path):
    """Session 36: the kb_ids a DocBin gave doc.ents are written back on the same entities by the DocBin export
    (an entity linker trains on ``ent.kb_id_``), the other entities without one (the id sits on the entity's
    characters). Session 35 lost them. The label goes back as the file spelt it first (``PER``, of its group:
    session 35's rule for a span spelt two ways). ``Red Cross``, in ``sc`` alone in the file, stays there (session 40:
    it went into doc.ents)."""

    back, out = _imported_and_exported(tmp_path)
    assert [(e.text, e.kb_id_) for e in back.ents] == [("Barack Obama", "Q76"), ("Kabul", "")]
    assert ("Red Cross", "ORG") in [(s.text, s.label_) for s in back.spans["sc"]]


def test_a_group_of_its_own_name_goes_back_under_that_name(tmp_path):
    """Session 36: the DocBin export writes the spans of a group of the file's own name (``people``) under that name
    again, beside ``sc`` (a spancat trained with ``spans_key = "people"`` finds them); read back, still one entity."""

    back, out = _imported_and_exported(tmp_path)
    assert [(s.text, s.label_) for s in back.spans["people"]] == [("Barack Obama", "PER")]
    again = tmp_path / "again.annotator"
    assert main(["import", str(again), str(out)]) == 0
    with Project(again, annotator="t") as p:
        (doc,) = p.document_ids()
        assert len([e for e in p.entities(doc) if (e.start, e.end) == (0, 12)]) == 1
