"""The DocBin export's array path (documents with stored tokens read and encoded as arrays): the Docs read back
are the ones spaCy's own DocBin gives for the record path's Docs, the report is the same, and the documents the
array path does not cover (no stored tokens, tokens needing filling, spans off token edges, overlapping
entities) are still planned from their records."""

from __future__ import annotations

import orjson
import pytest

from spacy_support import english_sentences, english_vocab
from annotator import edits
from annotator.formats import docbin_arrays, docbin_records
from annotator.formats.writing import FormatExportReport, records_with_tokens
from annotator.formats.records import ExportRequest
from annotator.formats.spacy_docbin import record_to_doc, write_spacy
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents

from tests.formats.conftest import at
from tests.formats.test_docbin_stream import picture

ODD = {  # name: (text, an entity, a trigger): texts the word split and the token check must get right
    "accents.txt": ("Müller met Ωmega officials in Zürich; they  agreed. Then \U0001f642 left ", "officials", "met"),
    "nul.txt": ("A\x00B stays one token with a NUL\x1f and a unit separator in it.", "token", "stays"),
    "edges.txt": (" Leading space, a tab\there and a trailing one. ", "tab", "trailing"),
}


def store_tokens(project, skip: tuple[str, ...] = ()) -> None:
    """Stored tokens and sentence starts as pre-annotation stores them (spaCy's tokenizer, a sentencizer)."""
    nlp = english_sentences()
    rows = project.db.conn.execute("SELECT id, name, text FROM documents ORDER BY id").fetchall()
    for doc_id, name, text in rows:
        if name in skip:
            continue
        doc = nlp(text)
        starts = [t.idx for t in doc]
        project.db.conn.execute(
            "INSERT OR REPLACE INTO tokens (document_id, pipeline, starts, ends, sentence_starts) VALUES (?,?,?,?,?)",
            (
                doc_id,
                "test",
                orjson.dumps(starts).decode(),
                orjson.dumps([t.idx + len(t) for t in doc]).decode(),
                orjson.dumps([s.start for s in doc.sents]).decode(),
            ),
        )
    project.db.conn.commit()


def add_odd_documents(project) -> None:
    docs = []
    for name, (text, entity, trigger) in ODD.items():
        s, e = at(text, entity)
        w = at(text, trigger)
        first = at(text, text.split()[0])
        docs.append(
            IncomingDocument(
                text,
                name,
                status="reviewed" if name == "nul.txt" else "annotated",
                entities=[IncomingEntity("a", s, e, "PERSON"), IncomingEntity("b", *first, "ORG", "suggested")],
                events=[IncomingEvent("Contact:Meet", w[0], w[1], {}, [("Entity", "a")])],
            )
        )
    import_documents(project, docs)


def drop_whitespace_tokens(project, name: str) -> None:
    """Stored tokens without spaCy's whitespace tokens (as a pipeline that stores words only): they need filling."""
    doc_id, text = project.db.conn.execute("SELECT id, text FROM documents WHERE name = ?", (name,)).fetchone()
    starts, ends = (
        orjson.loads(x)
        for x in project.db.conn.execute("SELECT starts, ends FROM tokens WHERE document_id = ?", (doc_id,)).fetchone()
    )
    keep = [k for k, (s, e) in enumerate(zip(starts, ends)) if not text[s:e].isspace()]
    assert len(keep) < len(starts)
    project.db.conn.execute(
        "UPDATE tokens SET starts = ?, ends = ?, sentence_starts = '[0]' WHERE document_id = ?",
        (orjson.dumps([starts[k] for k in keep]).decode(), orjson.dumps([ends[k] for k in keep]).decode(), doc_id),
    )
    project.db.conn.commit()


def reference(project, request: ExportRequest) -> tuple[dict, FormatExportReport]:
    """The record path's Docs (spaCy's own DocBin of ``record_to_doc``), by document name, and its report."""
    from spacy.tokens import DocBin

    report = FormatExportReport(format="spacy")
    opts = request.options
    mode, keys = opts.get("misaligned", "expand"), (opts.get("span_key", "sc"), opts.get("trigger_key", "triggers"))
    vocab = english_vocab()
    docs = [
        record_to_doc(vocab, rec, toks, report, mode, *keys)
        for rec, toks in records_with_tokens(project, request, report)
    ]
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    read = DocBin().from_bytes(data).get_docs(english_vocab())
    return {d.user_data["annotator_name"]: picture(d) for d in read}, report


def exported(project, out, request: ExportRequest) -> tuple[dict, FormatExportReport]:
    from spacy.tokens import DocBin

    report = write_spacy(project, out, request)
    pictures = {}
    for f in report.files:
        for d in DocBin().from_disk(f).get_docs(english_vocab()):
            pictures[d.user_data["annotator_name"]] = picture(d)
    return pictures, report


@pytest.fixture
def tokenized(sample):
    """The sample with odd texts added, stored tokens for all but rocket.txt, documents the array path must leave
    to the record path: an entity off token edges (kabul.txt), entities of doc.ents that overlap (meeting.txt),
    tokens that need filling (edges.txt); and an argument whose entity is not exported (arrest.txt, on the array
    path: reported as the record path reports it)."""
    project, ids = sample
    add_odd_documents(project)
    store_tokens(project, skip=("rocket.txt",))
    drop_whitespace_tokens(project, "edges.txt")
    k = project.db.conn.execute("SELECT text FROM documents WHERE id = ?", (ids["kabul.txt"],)).fetchone()[0]
    s, e = at(k, "Gunmen")
    edits.add_entity(project, ids["kabul.txt"], s, e - 2, "ORG")
    m = project.db.conn.execute("SELECT text FROM documents WHERE id = ?", (ids["meeting.txt"],)).fetchone()[0]
    s, e = at(m, "Merkel")
    edits.add_entity(project, ids["meeting.txt"], s, e, "NORP")  # inside "Angela Merkel"
    smith = next(x for x in project.entities(ids["arrest.txt"]) if x.label == "PERSON" and x.start > 40)
    edits.reject_entity(project, smith.id)
    return project, ids


@pytest.mark.slow
def names_encoded_as_arrays(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The names of the documents the export then encodes on its array path (the others take the record path)."""
    encoded: list[str] = []
    real = docbin_arrays.encode
    monkeypatch.setattr(
        docbin_arrays,
        "encode",
        lambda chunk, lo, hi, *a: encoded.extend(d[1] for d in chunk.docs[lo:hi]) or real(chunk, lo, hi, *a),
    )
    return encoded


@pytest.mark.parametrize(
    "options",
    [{}, {"misaligned": "skip"}, {"split": "train=0.5,dev=0.5"}, {"span_key": "ents", "trigger_key": "ents"}],
)
def test_array_path_reads_back_as_spacys_docbin(tokenized, tmp_path, monkeypatch, options):
    project, ids = tokenized
    monkeypatch.setattr(docbin_records, "CHUNK", 3)  # documents of a chunk in both paths, several chunks
    encoded = names_encoded_as_arrays(monkeypatch)
    request = ExportRequest(options=options)
    theirs, their_report = reference(project, request)
    ours, our_report = exported(project, tmp_path / "c.spacy", request)
    assert ours == theirs and len(ours) == 7
    assert sorted(encoded) == ["accents.txt", "arrest.txt", "nul.txt"]  # the others: the record path (see the fixture)
    for key in ("documents", "entities", "events", "dropped_arguments", "tokenized", "problems"):
        assert getattr(our_report, key) == getattr(their_report, key), key
    assert our_report.problems and our_report.dropped_arguments and our_report.tokenized == ["rocket.txt"]


@pytest.mark.slow
def test_only_what_the_arrays_cannot_cover_is_planned_and_progress_counts_each_document(sample, tmp_path, monkeypatch):
    """With stored tokens and spans on token edges a document is not planned from its record; progress is told
    each document once, in order."""
    project, _ = sample
    add_odd_documents(project)
    store_tokens(project)
    project.db.conn.execute(
        "DELETE FROM tokens WHERE document_id IN (SELECT id FROM documents WHERE name = ?)", ("edges.txt",)
    )
    project.db.conn.commit()
    theirs, _ = reference(project, ExportRequest())
    planned = []
    real = docbin_records.plan_doc
    monkeypatch.setattr(docbin_records, "plan_doc", lambda rec, *a: planned.append(rec["name"]) or real(rec, *a))
    done = []
    request = ExportRequest(progress=done.append)
    ours, report = exported(project, tmp_path / "c.spacy", request)
    assert ours == theirs
    assert planned == ["kabul.txt", "edges.txt"]  # "three" inside "three soldiers"; no stored tokens
    assert done == list(range(1, len(ours) + 1)) == list(range(1, report.documents + 1))


@pytest.mark.slow
def test_two_processes_on_the_array_path_write_what_the_records_give(tokenized, tmp_path, monkeypatch):
    """The child writes its documents on the array path too."""
    from annotator.formats import docbin_split

    project, _ = tokenized
    monkeypatch.setattr(docbin_split, "MIN_DOCUMENTS", 2)
    monkeypatch.setattr(docbin_split, "CHILD_SHARE", 0.5)
    request = ExportRequest(options={"split": "train=0.5,dev=0.5"})
    theirs, their_report = reference(project, request)
    out = tmp_path / "out"
    out.mkdir()
    ours, our_report = exported(project, out / "c.spacy", request)
    assert ours == theirs and len(ours) == 7
    for key in ("documents", "entities", "events", "dropped_arguments", "tokenized", "problems"):
        assert getattr(our_report, key) == getattr(their_report, key), key
    assert sorted(p.name for p in out.iterdir()) == ["c.dev.spacy", "c.train.spacy"]  # nothing left beside them


def test_string_ids_are_spacys():
    """``StringIds`` (no spaCy: symbols given, MurmurHash64A in numpy) gives what ``StringStore.add`` gives."""
    import random

    from spacy.strings import StringStore
    from spacy.symbols import IDS

    from annotator.formats.string_ids import StringIds

    rng = random.Random(0)
    alphabet = "abcXYZ09 .-\u00e9\u03a9\u4e2d\U0001f642\x00"
    words = ["".join(rng.choice(alphabet) for _ in range(n)) for n in range(1, 41) for _ in range(5)]
    words += ["the", "PERSON", "ORTH", "IS_ALPHA", "Müller", "x" * 1000, *list(IDS)[:100]]
    theirs = StringStore().add
    ids = StringIds(dict(IDS))
    assert ids.many(words).tolist() == [theirs(w) for w in words]
    assert [ids[w] for w in ("", "GPE", "a fresh one")] == [theirs(w) for w in ("", "GPE", "a fresh one")]


@pytest.mark.slow
def test_a_chunk_whose_text_holds_every_old_separator_is_on_the_array_path(sample, tmp_path, monkeypatch):
    """The words were once found by one split of the text at a character it does not hold; now by hashing."""
    project, _ = sample
    text = "Every\x00 separator\x1f is \ufdd0 here \U0010fffe officials said."
    s, e = at(text, "officials")
    import_documents(project, [IncomingDocument(text, "seps.txt", entities=[IncomingEntity("a", s, e, "PERSON")])])
    store_tokens(project)
    monkeypatch.setattr(docbin_records, "CHUNK", 1)
    theirs, _ = reference(project, ExportRequest())
    planned = []
    real = docbin_records.plan_doc
    monkeypatch.setattr(docbin_records, "plan_doc", lambda rec, *a: planned.append(rec["name"]) or real(rec, *a))
    ours, _ = exported(project, tmp_path / "c.spacy", ExportRequest())
    assert ours == theirs
    assert planned == ["kabul.txt"]  # kabul.txt: overlapping entities; the others as arrays


def test_each_token_is_found_among_the_chunks_distinct_words():
    """``_word_index``: tokens told apart by the hash of their UTF-8 bytes, in texts of 1- to 4-byte characters,
    with the same word repeated and words that differ only after their first 8 bytes."""
    import numpy as np

    text = "Müller met Ωmega officials\x00 in Zürich; \U0001f642 Müller officialsX officials\x00 中文 met"
    tokens = [(m.start(), m.end()) for m in __import__("re").finditer(r"\S+", text)]
    starts, ends = (np.array(x, dtype=np.int64) for x in zip(*tokens))
    word_of, words = docbin_arrays._word_index(text, starts, ends)
    assert [words[i] for i in word_of.tolist()] == [text[a:b] for a, b in tokens]
    assert sorted(words) == sorted(set(text[a:b] for a, b in tokens))
