"""CoNLL IOB2 and DyGIE++ JSONL exports."""

from __future__ import annotations

import orjson

from annotator.formats import writers
from annotator.formats.conll import write_conll
from annotator.formats.dygiepp_out import write_dygiepp
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents


def test_registries():
    assert writers()["conll"] is write_conll and writers()["dygiepp"] is write_dygiepp


def test_conll_iob2(sample, tmp_path):
    project, _ = sample
    report = write_conll(project, tmp_path / "c.conll", statuses=["reviewed"])
    text = (tmp_path / "c.conll").read_text(encoding="utf-8")
    assert text.startswith("-DOCSTART- -X- O O\n\n")
    assert "three -X- _ B-PERSON\nsoldiers -X- _ I-PERSON\n" in text
    assert "two -X- _ B-PERSON\nAfghan -X- _ I-PERSON\ncivilians -X- _ I-PERSON\n" in text
    assert "\U0001f642 -X- _ O\n" in text
    assert "Officials -X- _ B-PERSON\n" in text and text.count("-DOCSTART-") == 2
    assert "overlapping entities left out" in report.summary() and "kabul.txt: CARDINAL" in report.summary()
    for block in text.strip().split("\n\n"):
        for row in block.splitlines():
            assert len(row.split(" ")) == 4
    write_conll(project, tmp_path / "n.conll", options={"docstart": "no"})
    assert "-DOCSTART-" not in (tmp_path / "n.conll").read_text()


def test_dygiepp_sentences_ner_events(sample, tmp_path):
    project, _ = sample
    report = write_dygiepp(project, tmp_path / "d.jsonl", options={"dataset": "news-test"})
    docs = {d["doc_key"]: d for d in map(orjson.loads, (tmp_path / "d.jsonl").read_bytes().splitlines())}
    m = docs["meeting.txt"]
    assert m["dataset"] == "news-test" and len(m["sentences"]) == 2
    flat = [w for s in m["sentences"] for w in s]
    assert "\n" not in flat
    assert len(m["ner"]) == len(m["events"]) == len(m["sentences"])
    for sent_ner in m["ner"]:
        for s, e, label in sent_ner:
            assert e >= s
    assert [flat[s : e + 1] for s, e, lab in m["ner"][0] if lab == "DATE"] == [["3", "May", "2021"]]
    meet = m["events"][0][0]
    assert flat[meet[0][0]] == "met" and meet[0][1] == "Contact:Meet"
    assert sorted(a[2] for a in meet[1:]) == ["Entity", "Entity", "Place", "Time"]
    pay = m["events"][1][0]
    assert flat[pay[0][0]] == "pay" and {tuple(flat[a[0] : a[1] + 1]) for a in pay[1:]} == {
        ("Germany",),
        ("$", "2", "billion"),
    }
    assert report.documents == 4


def test_dygiepp_reports_cross_sentence_arguments_and_multi_token_triggers(project, tmp_path):
    text = "Smith was arrested. He was later set free in Paris."
    doc = IncomingDocument(
        text,
        "x.txt",
        entities=[IncomingEntity("s", 0, 5, "PERSON"), IncomingEntity("p", 45, 50, "GPE")],
        events=[IncomingEvent("Justice:Release-Parole", 33, 41, {}, [("Person", "s"), ("Place", "p")])],
    )
    import_documents(project, [doc])
    report = write_dygiepp(project, tmp_path / "d.jsonl")
    d = orjson.loads((tmp_path / "d.jsonl").read_bytes())
    flat = [w for s in d["sentences"] for w in s]
    ev = d["events"][1][0]
    assert flat[ev[0][0]] == "free" and ev[1:] == [[flat.index("Paris"), flat.index("Paris"), "Place"]]
    s = report.summary()
    assert "1 argument left out (outside the trigger's sentence): x.txt: Justice:Release-Parole Person" in s
    assert "1 multi-token trigger reduced to their last token: x.txt: Justice:Release-Parole [33, 41)" in s
    write_dygiepp(project, tmp_path / "f.jsonl", options={"trigger_head": "first"})
    d = orjson.loads((tmp_path / "f.jsonl").read_bytes())
    assert flat[d["events"][1][0][0][0]] == "set"
