"""A WebAnno TSV file INCEpTION exports of a document made from a PDF (its PDF editor reads the pages into the
document as ``org.dkpro.core.api.pdf.type.PdfPage`` spans, with their ``height``, ``pageNumber`` and ``width``, each
over every token of its page; a layer header seen in public scripts that write such files for INCEpTION). The pages
were read as entities labelled by their height: a new project's schema took the label ``842.0``, and every export
held an entity the length of each page. They are the PDF's layout, said as not kept. Our own two-page document."""

from __future__ import annotations

from annotator import api
from annotator.formats.webanno_read import read_webanno

TSV = (
    "#FORMAT=WebAnno TSV 3.3\n"
    "#T_SP=org.dkpro.core.api.pdf.type.PdfPage|height|pageNumber|width\n"
    "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n"
    "\n\n"
    "#Text=Gunmen attacked Kabul .\n"
    "1-1\t0-6\tGunmen\t842.0[1]\t1[1]\t595.0[1]\t_\t_\t\n"
    "1-2\t7-15\tattacked\t842.0[1]\t1[1]\t595.0[1]\t_\t_\t\n"
    "1-3\t16-21\tKabul\t842.0[1]\t1[1]\t595.0[1]\t_\tGPE\t\n"
    "1-4\t22-23\t.\t842.0[1]\t1[1]\t595.0[1]\t_\t_\t\n"
    "\n"
    "#Text=The United Nations condemned it .\n"
    "2-1\t24-27\tThe\t842.0[2]\t2[2]\t595.0[2]\t_\t_\t\n"
    "2-2\t28-34\tUnited\t842.0[2]\t2[2]\t595.0[2]\t_\tORG[3]\t\n"
    "2-3\t35-42\tNations\t842.0[2]\t2[2]\t595.0[2]\t_\tORG[3]\t\n"
    "2-4\t43-52\tcondemned\t842.0[2]\t2[2]\t595.0[2]\t_\t_\t\n"
    "2-5\t53-55\tit\t842.0[2]\t2[2]\t595.0[2]\t_\t_\t\n"
    "2-6\t56-57\t.\t842.0[2]\t2[2]\t595.0[2]\t_\t_\t\n"
)


def test_the_pages_of_a_pdf_document_are_its_layout_not_entities(tmp_path):
    src = tmp_path / "report.pdf.tsv"
    src.write_text(TSV, encoding="utf-8")
    result = read_webanno(src)
    (doc,) = result.documents
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [("Kabul", "GPE"), ("United Nations", "ORG")]
    assert [w.split(": ", 1)[1] for w in result.warnings if "PDF" in w] == [
        "spans of the PDF layout INCEpTION's PDF editor made (pages, not entities): org.dkpro.core.api.pdf.type.PdfPage"
    ]
    assert not any("PdfPage" in n for n in result.notes)  # nothing read of them, nothing kept for the export
    made = api.new_project(tmp_path / "p.annotator")
    api.import_files(made, [src])
    assert "842.0" not in made.schema.label_names
    api.export(made, tmp_path / "out.conll", format="conll")
    rows = [line.split() for line in (tmp_path / "out.conll").read_text(encoding="utf-8").splitlines()]
    tags = [(r[0], r[-1]) for r in rows if r and r[0] != "-DOCSTART-"]
    assert [t for t in tags if t[1] != "O"] == [("Kabul", "B-GPE"), ("United", "B-ORG"), ("Nations", "I-ORG")]
    assert len(tags) == 10


def test_labels_a_file_s_span_layers_gave_are_said_told_from_its_annotations(tmp_path):
    # the import's summary said "added to the project's schema (told from the events): label Quote, ..." of a file
    # that holds no event (an INCEpTION TSV of a layer declared without features and one of one feature, in the shape
    # of a public treebank's tests: `#T_SP=webanno.custom.Quote|`); our own sentence
    src = tmp_path / "quotes.tsv"
    src.write_text(
        "#FORMAT=WebAnno TSV 3.2\n"
        "#T_SP=webanno.custom.Quote|\n"
        "#T_SP=webanno.custom.Hedging|hedgingType\n"
        "\n\n"
        "#Text=It was likely a mistake .\n"
        "1-1\t0-2\tIt\t*[1]\t_\t\n"
        "1-2\t3-6\twas\t*[1]\t_\t\n"
        "1-3\t7-13\tlikely\t*[1]\tprobability\t\n"
        "1-4\t14-15\ta\t*[1]\t_\t\n"
        "1-5\t16-23\tmistake\t*[1]\t_\t\n"
        "1-6\t24-25\t.\t*[1]\t_\t\n",
        encoding="utf-8",
    )
    made = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(made, [src])
    assert "; added to the project's schema (told from the file's annotations): label Quote, label probability" in (
        report.summary()
    )
    assert "told from the events" not in report.summary()
