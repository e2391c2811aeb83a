"""An entity's link to a knowledge base, whichever file brought it, goes out in the place each format has for it:
brat's ``N`` lines (``Reference T1 DB:ID``), Prodigy's ``nel.manual`` answers (``options``, ``accept``), spaCy's
``doc.ents`` ``kb_id``; read back, it is the same link. Session 36: a DocBin's ``kb_id`` stayed in the document's meta
(the project's JSON carried it) but the brat export wrote no ``N`` line and the Prodigy export no link; a brat
normalisation or a Prodigy link never reached a DocBin's ``kb_id``. Our own files."""

from __future__ import annotations

import orjson
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from spacy_support import english_vocab
from annotator import api

WORDS = ["Barack", "Obama", "visited", "Kabul", "with", "the", "Red", "Cross", "."]


def _docbin(path) -> None:
    doc = Doc(english_vocab(), words=WORDS, spaces=[True] * 7 + [False, False])
    doc.ents = [Span(doc, 0, 2, "PERSON", kb_id="Q76"), Span(doc, 3, 4, "GPE", kb_id="Wikidata:Q5838")]
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    bin_.to_disk(path)


def _kb_ids(path) -> list[tuple[str, str, str]]:
    (doc,) = DocBin().from_disk(path).get_docs(Vocab())
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def _from_docbin(tmp_path):
    given = tmp_path / "linked.spacy"
    _docbin(given)
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [given])
    return project


def test_a_docbin_s_kb_ids_go_out_as_brat_normalisations_and_come_back(tmp_path):
    project = _from_docbin(tmp_path)
    api.export(project, tmp_path / "brat", format="brat")
    (ann,) = (tmp_path / "brat").glob("*.ann")
    lines = ann.read_text(encoding="utf-8").splitlines()
    ids = {x.split("\t")[2]: x.split("\t")[0] for x in lines if x.startswith("T")}
    norms = sorted(x.split("\t", 1)[1] for x in lines if x.startswith("N"))
    assert norms == [
        f"Reference {ids['Barack Obama']} KB:Q76\tBarack Obama",  # brat's DB:ID: an id of no DB under KB
        f"Reference {ids['Kabul']} Wikidata:Q5838\tKabul",
    ]
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "brat"])
    api.export(second, tmp_path / "back.spacy", format="spacy")
    assert _kb_ids(tmp_path / "back.spacy") == [
        ("Barack Obama", "PERSON", "Q76"),
        ("Kabul", "GPE", "Wikidata:Q5838"),
    ]
    api.export(second, tmp_path / "again", format="brat")  # the kept N lines, not a second pair
    (again,) = (tmp_path / "again").glob("*.ann")
    assert sorted(x.split("\t", 1)[1] for x in again.read_text(encoding="utf-8").splitlines() if x[0] == "N") == norms


def test_a_docbin_s_kb_ids_go_out_as_prodigy_links_and_come_back(tmp_path):
    project = _from_docbin(tmp_path)
    api.export(project, tmp_path / "out.jsonl", format="prodigy")
    tasks = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    links = sorted((t["spans"][0]["start"], t["spans"][0]["end"], t["accept"]) for t in tasks if "accept" in t)
    assert links == [(0, 12, ["Q76"]), (21, 26, ["Wikidata:Q5838"])]
    assert all(t["options"] == [{"id": t["accept"][0], "text": t["accept"][0]}] for t in tasks if "accept" in t)
    assert all("kb_ids" not in orjson.dumps(t.get("meta", {})).decode() for t in tasks)  # said once, as a link
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / "out.jsonl"])
    api.export(second, tmp_path / "back.spacy", format="spacy")
    assert _kb_ids(tmp_path / "back.spacy") == [
        ("Barack Obama", "PERSON", "Q76"),
        ("Kabul", "GPE", "Wikidata:Q5838"),
    ]


def test_a_brat_normalisation_reaches_a_docbin_and_prodigy(tmp_path):
    folder = tmp_path / "norm"
    folder.mkdir()
    (folder / "d.txt").write_text("TP53 binds MDM2 in the nucleus.\n", encoding="utf-8")
    (folder / "d.ann").write_text(
        "T1\tORG 0 4\tTP53\nT2\tORG 11 15\tMDM2\nN1\tReference T1 UniProt:P04637\tCellular tumor antigen p53\n",
        encoding="utf-8",
    )
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [folder])
    api.export(project, tmp_path / "out.spacy", format="spacy")
    assert _kb_ids(tmp_path / "out.spacy") == [("TP53", "ORG", "UniProt:P04637"), ("MDM2", "ORG", "")]
    api.export(project, tmp_path / "out.jsonl", format="prodigy")
    tasks = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    (link,) = [t for t in tasks if "accept" in t]
    assert link["accept"] == ["UniProt:P04637"] and link["spans"][0]["start"] == 0 and link["spans"][0]["end"] == 4


def test_a_prodigy_link_reaches_brat_and_a_docbin(tmp_path):
    task = {
        "text": "Emerson wrote poems in Concord.",
        "spans": [{"start": 0, "end": 7, "label": "PERSON"}],
        "options": [{"id": "Q48226", "text": "Ralph Waldo Emerson"}, {"id": "NIL_otherLink", "text": "none"}],
        "accept": ["Q48226"],
        "_view_id": "choice",
        "answer": "accept",
    }
    src = tmp_path / "nel.jsonl"
    src.write_bytes(orjson.dumps(task) + b"\n")
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [src])
    api.export(project, tmp_path / "brat", format="brat")
    (ann,) = (tmp_path / "brat").glob("*.ann")
    assert "N1\tReference T1 KB:Q48226\tEmerson" in ann.read_text(encoding="utf-8").splitlines()
    api.export(project, tmp_path / "out.spacy", format="spacy")
    assert _kb_ids(tmp_path / "out.spacy") == [("Emerson", "PERSON", "Q48226")]


def test_a_link_whose_entity_is_gone_is_left_out_said(tmp_path):
    from annotator import edits

    project = _from_docbin(tmp_path)
    (doc,) = project.document_ids()
    (obama,) = [e for e in project.entities(doc) if e.label == "PERSON"]
    edits.delete_entity(project, obama.id)
    report = api.export(project, tmp_path / "brat", format="brat")
    (ann,) = (tmp_path / "brat").glob("*.ann")
    assert [x for x in ann.read_text(encoding="utf-8").splitlines() if x[0] == "N"] == [
        x for x in ann.read_text(encoding="utf-8").splitlines() if "Wikidata:Q5838" in x
    ]
    assert [k for k, _ in report.problems if "entity links left out" in k]
