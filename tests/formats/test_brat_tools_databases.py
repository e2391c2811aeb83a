"""The brat export's ``N`` lines name a database (``KB:Q76`` for a DocBin's ``kb_id``, ``Wikidata:Q5838``,
``UniProt:P04637``): brat links a normalisation's id only through that database's ``[normalization]`` line in
tools.conf (its ``<URL>`` and ``<URLBASE>``). Session 37: the export wrote a corpus's tools.conf as it came and none
for a project from elsewhere, so brat showed each id with no link (session 37's "Left"). Our own files."""

from __future__ import annotations

from spacy.tokens import Doc, DocBin, Span

from spacy_support import english_vocab
from annotator import api

WORDS = ["Barack", "Obama", "visited", "Kabul", "with", "the", "Red", "Cross", "."]
WIKIDATA = "<URL>:https://www.wikidata.org/, <URLBASE>:https://www.wikidata.org/wiki/%s"


def _docbin(path, red_cross: str) -> None:
    doc = Doc(english_vocab(), words=WORDS, spaces=[True] * 7 + [False, False])
    doc.ents = [
        Span(doc, 0, 2, "PERSON", kb_id="Q76"),
        Span(doc, 3, 4, "GPE", kb_id="Wikidata:Q5838"),
        Span(doc, 6, 8, "ORG", kb_id=red_cross),
    ]
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    bin_.to_disk(path)


def _tools(folder) -> list[str]:
    return (folder / "tools.conf").read_text(encoding="utf-8").splitlines()


def test_the_databases_of_a_docbins_links_are_declared_in_tools_conf_and_read_back_the_same(tmp_path):
    _docbin(tmp_path / "linked.spacy", "Q471345")
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [tmp_path / "linked.spacy"])
    report = api.export(project, tmp_path / "brat", format="brat")
    lines = _tools(tmp_path / "brat")
    assert lines[0].startswith("# tools.conf written by annotator")
    # brat warns of each section it misses; KB's ids are all Wikidata items: Wikidata's addresses
    assert lines[1:] == [
        "[options]",
        "[search]",
        "[annotators]",
        "[disambiguators]",
        "[normalization]",
        f"KB\t{WIKIDATA}",
        f"Wikidata\t{WIKIDATA}",
    ]
    assert not [p for p in report.problems if "address" in str(p)]
    again = api.new_project(tmp_path / "b.annotator")
    api.import_files(again, [tmp_path / "brat"])
    api.export(again, tmp_path / "again", format="brat")
    assert _tools(tmp_path / "again") == lines  # the kept declarations, not a second of each


def test_a_corpus_tools_conf_gains_the_databases_it_lacks_and_an_unknown_one_is_said(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "annotation.conf").write_text("[entities]\nDRUG\n[relations]\n[events]\n[attributes]\n", encoding="utf-8")
    own = "[options]\nTokens\ttokenizer:whitespace\n\n[normalization]\nWikipedia\t<URL>:http://en.wikipedia.org\n"
    (corpus / "tools.conf").write_text(own, encoding="utf-8")
    (corpus / "a.txt").write_text("Lexapro and p53 helped.\n", encoding="utf-8")
    (corpus / "a.ann").write_text(
        "T1\tDRUG 0 7\tLexapro\nT2\tDRUG 12 15\tp53\nT3\tDRUG 16 22\thelped\n"
        "N1\tReference T1 Wikipedia:534366\tEscitalopram\nN2\tReference T2 UniProt:P04637\tp53\n"
        "N3\tReference T3 DrugBank:DB01175\tEscitalopram\n",
        encoding="utf-8",
    )
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [corpus])
    report = api.export(project, tmp_path / "out", format="brat")
    assert _tools(tmp_path / "out")[1:] == [
        "[options]",
        "Tokens\ttokenizer:whitespace",
        "",
        "[normalization]",
        "# DrugBank\t<URL>:(its address), <URLBASE>:(an entry's address, %s for the id)",
        "UniProt\t<URL>:http://www.uniprot.org/, <URLBASE>:http://www.uniprot.org/uniprot/%s",
        "Wikipedia\t<URL>:http://en.wikipedia.org",
    ]
    said = [p for p in report.problems if "address" in str(p)]
    assert len(said) == 1 and "DrugBank" in str(said[0])
    again = api.new_project(tmp_path / "q.annotator")
    api.import_files(again, [tmp_path / "out"])
    report = api.export(again, tmp_path / "again", format="brat")
    assert _tools(tmp_path / "again") == _tools(tmp_path / "out")  # the line to fill in once, still said
    assert [str(p) for p in report.problems if "address" in str(p)] == [str(x) for x in said]
