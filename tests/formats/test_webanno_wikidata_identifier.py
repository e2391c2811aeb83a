"""A DocBin's bare kb_id (``Q76``: spaCy's entity linker's ids) or brat's ``Wikidata:Q5838`` went to WebAnno TSV's
``NamedEntity`` ``identifier`` as it was; INCEpTION links an identifier only as an IRI of one of its knowledge bases, so
those linked to nothing there (session 38's Left). Now a Wikidata id goes out as Wikidata's IRI, said; an id of no
knowledge base (neither IRI nor ``DB:ID``) goes as it is, said; ``DB:ID`` and IRIs as before. Our own DocBin."""

from __future__ import annotations

from spacy.tokens import Doc, DocBin, Span

from spacy_support import english_vocab
from annotator import api

WD = "http://www.wikidata.org/entity/"
WORDS = ["Barack", "Obama", "visited", "Kabul", "with", "the", "Red", "Cross", "and", "p53", "."]


def _docbin(path) -> None:  # type: ignore[no-untyped-def]
    doc = Doc(english_vocab(), words=WORDS, spaces=[True] * 9 + [False, False])
    doc.ents = [
        Span(doc, 0, 2, "PERSON", kb_id="Q76"),
        Span(doc, 3, 4, "GPE", kb_id="Wikidata:Q5838"),
        Span(doc, 6, 8, "ORG", kb_id="12345"),
        Span(doc, 9, 10, "ORG", kb_id="UniProt:P04637"),
    ]
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    bin_.to_disk(path)


def _identifiers(folder) -> list[str]:  # type: ignore[no-untyped-def]
    (tsv,) = folder.glob("*.tsv")
    rows = [x.split("\t") for x in tsv.read_text(encoding="utf-8").splitlines() if x[:1].isdigit()]
    return [r[3] for r in rows if r[3] != "_"]


def test_inception_identifier():
    from annotator.formats.entity_links import inception_identifier

    assert inception_identifier("Q76") == f"{WD}Q76"
    assert inception_identifier("wikidata:q5838") == f"{WD}Q5838"
    assert inception_identifier(f"{WD}Q60") == f"{WD}Q60"
    assert inception_identifier("UniProt:P04637") == "UniProt:P04637"
    assert inception_identifier("Q") == "Q" and inception_identifier("Q76x") == "Q76x"


def test_a_wikidata_kb_id_goes_to_inception_as_its_iri(tmp_path):
    given = tmp_path / "linked.spacy"
    _docbin(given)
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [given])
    report = api.export(project, tmp_path / "out", format="webanno")
    ids = _identifiers(tmp_path / "out")
    assert ids[:4] == [f"{WD}Q76[1]", f"{WD}Q76[1]", f"{WD}Q5838", "12345[2]"]
    assert ids[-1] == "UniProt:P04637"
    said = {kind: [m for k, m in report.problems if k == kind] for kind, _ in report.problems}
    assert said["entity links written as Wikidata IRIs (INCEpTION's identifier)"] == [
        "linked.spacy:1: PERSON [0, 12): Q76",
        "linked.spacy:1: GPE [21, 26): Wikidata:Q5838",
    ]
    assert said["entity links of no knowledge base written as they are (INCEpTION links an IRI of one)"] == [
        "linked.spacy:1: ORG [36, 45): 12345"
    ]
    again = api.new_project(tmp_path / "b.annotator")
    api.import_files(again, [tmp_path / "out"])
    report = api.export(again, tmp_path / "again", format="webanno")
    assert _identifiers(tmp_path / "again") == ids
    assert not [k for k, _ in report.problems if "Wikidata IRIs" in k]  # read back: IRIs already
