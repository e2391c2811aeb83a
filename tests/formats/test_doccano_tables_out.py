"""doccano's text classification CSV and fastText written (``formats.doccano_tables_out``): session 13 read them, but
the doccano export wrote only its JSONL, so a CSV or fastText file read in could not go out in its own shape. Out and
in again is the same file. Our own rows, in the shapes of doccano's ``data_export`` (``CsvWriter`` with
``JoinedCategoryFormatter``: several labels joined by ``#``) and ``upload/fastText.txt``."""

from __future__ import annotations

from annotator.cli import main
from annotator.categories import CATEGORIES
from annotator.formats.doccano import read_doccano
from annotator.store import Project

CSV_IN = (
    "text,label,shop\n"
    '"Lovely shop, kind staff.",positive,north\n'
    '"Cold tea\nand a long wait.",negative,east\n'
    '"No label, yet.",,south\n'
    '"Learn it fast.",C#,west\n'
)
FASTTEXT_IN = "__label__pet dog cat\n__label__car __label__german VW BMW\n__label__pet a  fish\n"


def _export(project, out, *options):
    return main(["export", str(project), "-f", "doccano", "-o", str(out), *options])


def _round(tmp_path, name, text, out_name, *options):
    """``text`` imported into a new project, exported to ``out_name``, that imported into another and exported again:
    both outputs' bytes."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    outs = []
    for k, given in enumerate([source, None]):
        project = tmp_path / f"p{k}.annotator"
        assert main(["import", str(project), str(given or outs[-1])]) == 0
        out = tmp_path / f"{k}-{out_name}"
        assert _export(project, out, *options) == 0
        outs.append(out)
    return outs[0].read_bytes(), outs[1].read_bytes()


def test_a_csv_goes_out_as_a_csv_and_comes_back_the_same(tmp_path):
    first, second = _round(tmp_path, "reviews.csv", CSV_IN, "out.csv")
    assert first == second
    assert first.decode("utf-8") == (
        "id,name,text,label,shop\n"
        '1,reviews.csv:2,"Lovely shop, kind staff.",positive,north\n'
        '2,reviews.csv:3,"Cold tea\nand a long wait.",negative,east\n'
        '3,reviews.csv:5,"No label, yet.",,south\n'
        "4,reviews.csv:6,Learn it fast.,C#,west\n"
    )


def test_the_form_option_and_a_tsv(tmp_path, capsys):
    (tmp_path / "in.csv").write_text(CSV_IN, encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(tmp_path / "in.csv")]) == 0
    assert _export(project, tmp_path / "texts.data", "--option", "form=csv") == 0
    assert (tmp_path / "texts.data").read_text(encoding="utf-8").startswith("id,name,text,label,shop\n")
    assert _export(project, tmp_path / "texts.tsv") == 0
    assert (tmp_path / "texts.tsv").read_text(encoding="utf-8").startswith("id\tname\ttext\tlabel\tshop\n")
    assert _export(project, tmp_path / "x.jsonl", "--option", "form=xml") == 2
    assert "option form must be one of jsonl, csv, fasttext, not 'xml'" in capsys.readouterr().err


def test_several_labels_of_a_row_are_joined_as_doccano_joins_them_and_read_apart(tmp_path):
    path = tmp_path / "export.csv"  # doccano's own CSV export of a multi-label project
    path.write_text("id,text,label\n7,Spam and rude.,negative#spam\n", encoding="utf-8")
    (doc,) = read_doccano(path).documents
    assert doc.meta[CATEGORIES] == ["negative", "spam"]  # it was one category, 'negative#spam'
    first, second = _round(tmp_path, "export.csv", path.read_text(encoding="utf-8"), "out.csv")
    assert first == second == b"id,name,text,label\n7,7,Spam and rude.,negative#spam\n"


def test_a_fasttext_file_goes_out_as_fasttext_and_comes_back_the_same(tmp_path):
    first, second = _round(tmp_path, "fastText.txt", FASTTEXT_IN, "out.txt")
    assert first == second == FASTTEXT_IN.encode("utf-8")


def test_what_a_row_or_line_cannot_hold_is_said(tmp_path, capsys):
    project = tmp_path / "p.annotator"
    (tmp_path / "d.jsonl").write_text(
        '{"text": "Ann went home.\\nLate.", "spans": [{"start": 0, "end": 3, "label": "PERSON"}], '
        '"cats": {"travel news": 1.0}}\n{"text": "No class. "}\n',
        encoding="utf-8",
    )
    assert main(["import", str(project), str(tmp_path / "d.jsonl")]) == 0
    capsys.readouterr()
    assert _export(project, tmp_path / "out.txt") == 0
    said_out = capsys.readouterr()
    err = said_out.out + said_out.err
    assert (tmp_path / "out.txt").read_text(
        encoding="utf-8"
    ) == "__label__travel_news Ann went home. Late.\nNo class.\n"
    for said in (
        "1 document whose entities and events were left out (a fastText line holds a text and its categories)",
        "1 category with a space written with _ (fastText splits at spaces): d.jsonl:1: travel news",
        "1 text whose line breaks and tabs went out as spaces",
        "1 document without a category",
        "1 text whose space at the end was left out",
    ):
        assert said in err
    with Project(project, create=False) as p:
        assert len(p.document_ids()) == 2
