"""The streamed DocBin writer: the Docs read back are the Docs spaCy's own DocBin gives for the same input,
splits included, and a failed export leaves no temporary token file behind."""

from __future__ import annotations

import io

import pytest

from spacy_support import english_vocab
from annotator.errors import AnnotatorError

from annotator.formats.writing import FormatExportReport, records_with_tokens
from annotator.formats.docbin_stream import DocBinWriter
from annotator.formats.records import ExportRequest
from annotator.formats.spacy_docbin import record_to_doc, write_spacy


def picture(doc):
    return (
        doc.text,
        [(t.text, t.whitespace_, t.ent_iob_, t.ent_type_, t.is_sent_start, t.norm_, t.tag_, t.lemma_) for t in doc],
        {k: ([(s.start, s.end, s.label_) for s in g], dict(g.attrs)) for k, g in doc.spans.items()},
        doc.user_data,
        doc.cats,
    )


@pytest.mark.slow
def test_docs_read_back_as_from_spacys_docbin(sample):
    from spacy.tokens import DocBin

    project, _ = sample
    vocab = english_vocab()
    report = FormatExportReport()
    docs = [
        record_to_doc(vocab, rec, toks, report) for rec, toks in records_with_tokens(project, ExportRequest(), report)
    ]
    theirs = DocBin(store_user_data=True, docs=docs).to_bytes()
    buf = io.BytesIO()
    w = DocBinWriter(buf)
    for d in docs:
        w.add(d, [t.text for t in d])
    w.finish()
    fresh = english_vocab()
    ours = [picture(d) for d in DocBin().from_bytes(buf.getvalue()).get_docs(fresh)]
    assert ours == [picture(d) for d in DocBin().from_bytes(theirs).get_docs(english_vocab())]
    assert len(ours) == 4


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["expand", "skip"])
def test_written_without_docs_reads_back_as_spacys_docbin(sample, mode):
    """add_plan (no spaCy Doc made) gives the Docs spaCy's own DocBin gives for record_to_doc's Docs."""
    from spacy.tokens import DocBin

    from annotator.formats.docbin_plan import check_rebuilds, labels_of, plan_doc

    project, _ = sample
    project.db.conn.execute("UPDATE entities SET start = start + 1 WHERE id % 3 = 0")  # misaligned ones too
    states = ("suggested", "accepted", "added")
    vocab = english_vocab()
    theirs_report, ours_report = FormatExportReport(), FormatExportReport()
    docs = [
        record_to_doc(vocab, rec, toks, theirs_report, mode)
        for rec, toks in records_with_tokens(project, ExportRequest(states=states), theirs_report)
    ]
    theirs = DocBin(store_user_data=True, docs=docs).to_bytes()
    buf = io.BytesIO()
    w = DocBinWriter(buf)
    for rec, toks in records_with_tokens(project, ExportRequest(states=states), ours_report):
        words = toks.words(rec["text"])
        check_rebuilds(rec, toks, words, ours_report)
        w.add_plan(plan_doc(rec, toks, ours_report, mode), toks, words, labels_of(rec), "sc", "triggers")
    w.finish()
    ours = [picture(d) for d in DocBin().from_bytes(buf.getvalue()).get_docs(english_vocab())]
    assert ours == [picture(d) for d in DocBin().from_bytes(theirs).get_docs(english_vocab())]
    assert ours_report.problems == theirs_report.problems and ours_report.problems


def test_split_parts_and_no_leftover_spill(sample, tmp_path, monkeypatch):
    from spacy.tokens import DocBin

    project, _ = sample
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "corpus.spacy"
    write_spacy(project, out, options={"split": "train=0.5,dev=0.5"})
    names = []
    for part in ("train", "dev"):
        names += [
            d.user_data["annotator_name"]
            for d in DocBin().from_disk(tmp_path / f"corpus.{part}.spacy").get_docs(english_vocab())
        ]
    assert sorted(names) == ["arrest.txt", "kabul.txt", "meeting.txt", "rocket.txt"]

    def boom(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(DocBinWriter, "finish", boom)
    with pytest.raises(AnnotatorError, match="No space left"):
        write_spacy(project, tmp_path / "again.spacy")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.dev.spacy", "corpus.train.spacy"]


@pytest.mark.slow
@pytest.mark.parametrize("split", [None, "train=0.5,dev=0.5"])
def test_two_processes_write_what_one_writes(sample, tmp_path, monkeypatch, split):
    """The second document range written by a child process and joined: same Docs, same report, no spill left."""
    from spacy.tokens import DocBin

    from annotator.formats import docbin_split

    project, _ = sample
    project.db.conn.execute("UPDATE entities SET start = start + 1 WHERE id % 3 = 0")  # problems in both ranges
    project.db.conn.commit()
    opts = {"split": split} if split else {}
    parts = ("train", "dev") if split else ("",)

    def export(name):
        out = tmp_path / name
        out.mkdir()
        report = write_spacy(project, out / "c.spacy", options=opts)
        files = [out / (f"c.{p}.spacy" if p else "c.spacy") for p in parts]
        docs = [[picture(d) for d in DocBin().from_disk(f).get_docs(english_vocab())] for f in files]
        return docs, report, sorted(p.name for p in out.iterdir())

    one, one_report, one_files = export("one")
    monkeypatch.setattr(docbin_split, "MIN_DOCUMENTS", 2)
    monkeypatch.setattr(docbin_split, "CHILD_SHARE", 0.5)
    joined = []
    real = DocBinWriter.absorb
    monkeypatch.setattr(DocBinWriter, "absorb", lambda self, seg, tokens: joined.append(seg) or real(self, seg, tokens))
    two, two_report, two_files = export("two")
    assert len(joined) == len(parts) and sum(len(s["lengths"]) for s in joined) == 2  # the child wrote 2 of 4
    assert two == one and all(one)
    assert (two_report.documents, two_report.entities, two_report.problems) == (
        one_report.documents,
        one_report.entities,
        one_report.problems,
    )
    assert one_report.problems and two_files == one_files


@pytest.mark.slow
def test_cancel_during_two_process_export_stops_child_and_leaves_nothing(sample, tmp_path, monkeypatch):
    import subprocess

    from annotator.formats import docbin_split

    project, _ = sample
    monkeypatch.setattr(docbin_split, "MIN_DOCUMENTS", 2)
    started = []
    real_popen = subprocess.Popen
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: started.append(real_popen(*a, **k)) or started[-1])

    class Cancelled(Exception):
        pass

    def progress(done):
        raise Cancelled

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        write_spacy(project, out / "c.spacy", ExportRequest(progress=progress))
    assert len(started) == 1 and started[0].returncode == -9  # the child was started, and killed (not waited for)
    assert list(out.iterdir()) == []
