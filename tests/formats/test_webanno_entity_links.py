"""INCEpTION's entity linking: ``NamedEntity|identifier|value``, the identifier a knowledge base's IRI, on stacked spans
(``GPE[2]|LOC[3]``: the link on one of the two). Session 37 made one owner of entity links (``entity_links``: a
DocBin's kb_id, Prodigy's nel.manual answers, brat's normalisations), but a WebAnno TSV import still said the
identifiers as not kept and lost them. Now kept, written back on the span of the stack they were on, and written by
the other exports' places for a link. Our own file in the shape INCEpTION's export writes."""

from __future__ import annotations

from spacy.tokens import DocBin
from spacy.vocab import Vocab

from annotator import api

WD = "http://www.wikidata.org/entity/"
TSV = f"""#FORMAT=WebAnno TSV 3.3
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value


#Text=Bank of America in New York
1-1\t0-4\tBank\t{WD}Q487907[1]\tORG[1]
1-2\t5-7\tof\t{WD}Q487907[1]\tORG[1]
1-3\t8-15\tAmerica\t{WD}Q487907[1]|{WD}Q30\tORG[1]|LOC
1-4\t16-18\tin\t_\t_
1-5\t19-22\tNew\t{WD}Q60[2]|*[3]\tGPE[2]|LOC[3]
1-6\t23-27\tYork\t{WD}Q60[2]|*[3]\tGPE[2]|LOC[3]
"""


def _ne_rows(folder) -> list[tuple[str, str]]:
    (tsv,) = folder.glob("*.tsv")
    rows = [x.split("\t") for x in tsv.read_text(encoding="utf-8").splitlines() if x[:1].isdigit()]
    return [(r[3], r[4]) for r in rows]


def test_inceptions_identifiers_are_kept_written_back_and_given_to_the_other_exports(tmp_path):
    src = tmp_path / "bank.tsv"
    src.write_text(TSV, encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src])
    assert not [w for w in report.warnings if "identifier" in w], report.warnings
    api.export(project, tmp_path / "out", format="webanno")
    rows = _ne_rows(tmp_path / "out")
    assert rows[4] == (f"{WD}Q60[3]|*[4]", "GPE[3]|LOC[4]")  # the link on the GPE of the stack, not on its LOC
    assert rows[2][0] == f"{WD}Q487907[1]|{WD}Q30[2]"
    again = api.new_project(tmp_path / "q.annotator")
    api.import_files(again, [tmp_path / "out"])
    api.export(again, tmp_path / "again", format="webanno")
    assert _ne_rows(tmp_path / "again") == rows
    api.export(project, tmp_path / "brat", format="brat")
    (ann,) = (tmp_path / "brat").glob("*.ann")
    norms = sorted(
        x.split("\t")[1].split(" ", 2)[2] for x in ann.read_text(encoding="utf-8").splitlines() if x[0] == "N"
    )
    assert norms == [f"KB:{WD}Q30", f"KB:{WD}Q487907", f"KB:{WD}Q60"]  # an IRI's http is no database: under KB
    assert "KB\t<URL>:http://www.wikidata.org/, <URLBASE>:%s" in (tmp_path / "brat" / "tools.conf").read_text()
    api.export(project, tmp_path / "out.spacy", format="spacy")
    (doc,) = DocBin().from_disk(tmp_path / "out.spacy").get_docs(Vocab())
    assert sorted((e.text, e.kb_id_) for e in doc.ents) == [
        ("Bank of America", f"{WD}Q487907"),
        ("New York", f"{WD}Q60"),
    ]  # a DocBin's ents do not overlap: America and the LOC New York are in its span groups


def test_a_brat_normalisation_goes_to_webanno_as_the_entitys_identifier(tmp_path):
    """brat's ``N1  Reference T2 GeoNames:2988507`` was "left out (the format has no place for them)" by the WebAnno
    TSV export: NamedEntity's identifier is that place, read back the brat export writes the same N line."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Barack Obama visited Paris.\n", encoding="utf-8")
    (corpus / "a.ann").write_text(
        "T1\tPERSON 0 12\tBarack Obama\nT2\tGPE 21 26\tParis\nN1\tReference T2 GeoNames:2988507\tParis\n",
        encoding="utf-8",
    )
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [corpus])
    report = api.export(project, tmp_path / "out", format="webanno")
    assert not [p for p in report.problems if "normalisation" in str(p)], report.problems
    assert _ne_rows(tmp_path / "out")[3] == ("GeoNames:2988507", "GPE")
    again = api.new_project(tmp_path / "q.annotator")
    api.import_files(again, [tmp_path / "out"])
    api.export(again, tmp_path / "brat", format="brat")
    (ann,) = (tmp_path / "brat").glob("*.ann")
    assert [x.split("\t")[1].split(" ")[2] for x in ann.read_text(encoding="utf-8").splitlines() if x[0] == "N"] == [
        "GeoNames:2988507"
    ]
