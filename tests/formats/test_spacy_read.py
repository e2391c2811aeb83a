"""spaCy DocBin in: another project's training corpus (doc.ents, a spancat span group, cats) and our own export
read back (entities with states, events, status, meta, comments)."""

from __future__ import annotations

import pytest

from project_support import new_project
from spacy_support import english_vocab, english_words
from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats import readers, writers
from annotator.formats.detect import detect_format
from annotator.formats.loading import import_format
from annotator.formats.spacy_read import read_spacy
from annotator.store import Project


def another_projects_corpus(path) -> None:
    from spacy.tokens import DocBin, Span

    doc = english_words()("Angela Merkel met Emmanuel Macron in Paris.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "PERSON")]
    doc.spans["sc"] = [Span(doc, 0, 2, "PERSON"), Span(doc, 6, 7, "GPE")]  # a spancat's group
    doc.cats = {"politics": 1.0, "sports": 0.0}
    DocBin(docs=[doc], store_user_data=True).to_disk(path)


def test_another_projects_docbin_is_imported(tmp_path, capsys):
    # a spaCy project's corpus/train.spacy was "unknown kind of file '.spacy'"
    path = tmp_path / "train.spacy"
    another_projects_corpus(path)
    assert detect_format(path) == "spacy" and readers()["spacy"] is read_spacy
    assert main(["import", str(tmp_path / "p.annotator"), str(path)]) == 0
    err = capsys.readouterr().err
    assert "not kept" not in err  # the doc.cats were "not kept: ... document categories politics (1), sports (0)"
    with Project(tmp_path / "p.annotator", create=False) as project:
        (doc,) = project.document_ids()
        assert project.document(doc).meta["cats"] == {"politics": 1.0, "sports": 0.0}  # kept since session 13
        text = project.document(doc).text
        assert text == "Angela Merkel met Emmanuel Macron in Paris."
        got = sorted((text[e.start : e.end], e.label, e.state, e.source) for e in project.entities(doc))
        assert got == [
            ("Angela Merkel", "PERSON", "accepted", "spacy"),
            ("Emmanuel Macron", "PERSON", "accepted", "spacy"),
            ("Paris", "GPE", "accepted", "spacy"),
        ]


def test_our_docbin_reads_back_entities_events_and_document_data(sample, tmp_path):
    project, _ = sample
    writers()["spacy"](project, tmp_path / "all.spacy", states=["suggested", "accepted", "added", "rejected"])
    again = new_project(tmp_path / "again.annotator", annotator="t")
    import_format(again, "spacy", [tmp_path / "all.spacy"])

    def content(p: Project) -> list:
        out = []
        for d in p.document_ids():
            doc = p.document(d)
            ents = {e.id: (e.start, e.end, e.label, e.state, e.source) for e in p.entities(d)}
            events = sorted(
                (v.type, v.trigger_start, v.trigger_end, v.state, v.source, tuple(sorted(v.attributes.items())))
                + (tuple(sorted((a.role, ents[a.entity_id]) for a in v.arguments)),)
                for v in p.events(d)
            )
            comments = sorted(c.text for c in p.comments(d))
            out.append((doc.name, doc.text, doc.status, doc.meta, sorted(ents.values()), events, comments))
        return sorted(out)

    # the fallback tokens put every span of the sample on token edges, so nothing was widened on the way out
    assert content(again) == content(project)
    again.close()


def test_a_file_that_is_not_a_docbin_is_refused_in_one_line(tmp_path):
    path = tmp_path / "broken.spacy"
    path.write_bytes(b"not a docbin at all")
    with pytest.raises(ImportFileError, match="not a spaCy DocBin") as err:
        read_spacy(path)
    assert "\n" not in str(err.value)


def test_a_cut_or_damaged_docbin_is_said_to_be_so(tmp_path, capsys):
    """A .spacy file cut short (a copy or download not finished) was 'not a spaCy DocBin', with spaCy's advice to
    convert a v2 JSON file: the person looked for a format problem where the file was incomplete."""
    whole = tmp_path / "train.spacy"
    another_projects_corpus(whole)
    data = whole.read_bytes()
    cut, damaged = tmp_path / "cut.spacy", tmp_path / "damaged.spacy"
    cut.write_bytes(data[: len(data) // 2])
    damaged.write_bytes(data[:40] + bytes(30) + data[70:])
    with pytest.raises(ImportFileError, match="a truncated spaCy DocBin: the data is cut short after") as err:
        read_spacy(cut)
    assert "not a spaCy DocBin" not in str(err.value) and "convert" not in str(err.value)
    with pytest.raises(ImportFileError, match="a damaged spaCy DocBin: its compressed data is corrupt"):
        read_spacy(damaged)
    assert main(["import", str(tmp_path / "p.annotator"), str(cut)]) == 1
    assert f"skipped {cut}: a truncated spaCy DocBin" in capsys.readouterr().err


def test_the_docs_own_tokens_go_back_out(tmp_path):
    # the Doc's tokens are kept: cut again with the fallback on export, "U.S." went out as four tokens
    from spacy.tokens import Doc, DocBin, Span

    vocab = english_vocab()
    doc = Doc(vocab, words=["U.S.", "officials", "met", "in", "New York"], spaces=[True, True, True, True, False])
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 4, 5, "GPE")]
    DocBin(docs=[doc]).to_disk(tmp_path / "in.spacy")
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "spacy", [tmp_path / "in.spacy"])
    writers()["spacy"](project, tmp_path / "out.spacy")
    (back,) = DocBin().from_disk(tmp_path / "out.spacy").get_docs(vocab)
    assert [t.text for t in back] == ["U.S.", "officials", "met", "in", "New York"]
    assert [(e.text, e.label_) for e in back.ents] == [("U.S.", "GPE"), ("New York", "GPE")]
    project.close()


def test_a_token_with_a_space_goes_to_conll_as_words(tmp_path):
    # a DocBin's word "New York" is kept as one token; CoNLL, split by spaces, got a line of five fields
    from spacy.tokens import Doc, DocBin, Span

    vocab = english_vocab()
    doc = Doc(vocab, words=["Flights", "to", "New York"], spaces=[True, True, False])
    doc.ents = [Span(doc, 2, 3, "GPE")]
    DocBin(docs=[doc]).to_disk(tmp_path / "in.spacy")
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "spacy", [tmp_path / "in.spacy"])
    writers()["conll"](project, tmp_path / "out.conll")
    lines = (tmp_path / "out.conll").read_text().splitlines()
    assert lines[2:] == ["Flights -X- _ O", "to -X- _ O", "New -X- _ B-GPE", "York -X- _ I-GPE", ""]
    project.close()


def test_a_span_categorizers_scores_come_in_with_its_spans(tmp_path):
    # what spacy's spancat leaves on its group (``attrs["scores"]``, one a span), as `spacy apply` saves a DocBin
    import numpy
    from spacy.tokens import DocBin, Span, SpanGroup

    doc = english_words()("Angela Merkel met Emmanuel Macron in Paris.")
    doc.ents = [Span(doc, 0, 2, "PERSON")]
    group = SpanGroup(doc, name="sc", spans=[Span(doc, 3, 5, "PERSON"), Span(doc, 6, 7, "GPE")])
    group.attrs["scores"] = numpy.array([0.75, 0.5], dtype="float32")
    doc.spans["sc"] = group
    path = tmp_path / "predicted.spacy"
    DocBin(docs=[doc]).to_disk(path)
    (got,) = read_spacy(path).documents
    assert sorted((got.text[e.start : e.end], e.score) for e in got.entities) == [
        ("Angela Merkel", None),  # doc.ents: ner gives no score
        ("Emmanuel Macron", 0.75),
        ("Paris", 0.5),
    ]


def test_a_docbin_whose_event_types_the_schema_lacks_is_refused_naming_them(tmp_path, capsys):
    """A DocBin exported from a project with event types the news schema lacks, imported into a new project: its event
    types were taken for entity labels to add, and refused as bad ones ('entity label 'Profit/Loss' may hold only
    letters, ...', naming the schema's source line) or added as entity labels ('Quake')."""
    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
    from annotator.schema import parse_schema

    schema = parse_schema(
        '[schema]\nname = "quakes"\n[[entity]]\nname = "GPE"\n[[event]]\nname = "Quake"\n'
        '[[event]]\nname = "Profit/Loss"\n',
        "quakes.toml",
    )
    text = "A quake hit Kabul and profits fell."
    with Project(tmp_path / "q.annotator", annotator="t", schema=schema) as p:
        doc = IncomingDocument(text, "q.txt", entities=[IncomingEntity("k", 12, 17, "GPE")])
        doc.events += [IncomingEvent("Quake", 2, 7, {}, []), IncomingEvent("Profit/Loss", 30, 34, {}, [])]
        import_documents(p, [doc])
        writers()["spacy"](p, tmp_path / "q.spacy")
    new = tmp_path / "new.annotator"
    assert main(["import", str(new), str(tmp_path / "q.spacy")]) == 1
    err = capsys.readouterr().err
    assert "event types the schema 'news' lacks: Profit/Loss, Quake (a DocBin brings no roles for them" in err, err
    assert "may hold only" not in err and not new.exists()
