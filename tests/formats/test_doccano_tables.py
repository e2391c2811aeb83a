"""doccano's text classification uploads that are not JSON (``frontend/static/formats/text_classification/``): its CSV
(``text,label``; the older ``column_data,column_label``; columns in any order, others kept in the meta) and fastText
(``__label__pet dog cat``). Session 12 found the CSV "unknown kind of file" and the fastText file a plain text, its
labels words of it. Our own rows, in their shapes."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.categories import CATEGORIES
from annotator.formats.detect import detect_format
from annotator.formats.doccano import read_doccano
from annotator.store import Project


def test_a_csv_upload_is_read_as_doccano_its_labels_categories(tmp_path):
    path = tmp_path / "reviews.csv"
    path.write_text(
        'label,shop,text\npositive,north,"Lovely shop, kind staff."\n,south,"No label, yet."\n'
        'negative,east,"Cold tea\nand a long wait."\n',
        encoding="utf-8",
    )
    assert detect_format(path) == "doccano"  # it was None: "unknown kind of file"
    result = read_doccano(path)
    docs = result.documents
    assert [d.text for d in docs] == ["Lovely shop, kind staff.", "No label, yet.", "Cold tea\nand a long wait."]
    assert [d.meta.get(CATEGORIES) for d in docs] == [["positive"], None, ["negative"]]
    assert [d.meta["shop"] for d in docs] == ["north", "south", "east"]  # another column, as a JSONL line's key
    assert [d.name for d in docs] == ["reviews.csv:2", "reviews.csv:3", "reviews.csv:4"]  # the row's first line


def test_the_older_column_names_and_a_tsv(tmp_path):
    path = tmp_path / "example.tsv"
    path.write_text("column_data\tcolumn_label\nGreat price.\tpositive\n", encoding="utf-8")
    assert detect_format(path) == "doccano"
    (doc,) = read_doccano(path).documents
    assert (doc.text, doc.meta[CATEGORIES]) == ("Great price.", ["positive"])


def test_a_csv_without_a_text_column_is_refused_in_one_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("sentence,label\nHi.,greeting\n", encoding="utf-8")
    assert detect_format(path) is None  # a table of another shape stays unknown
    with pytest.raises(ImportFileError) as info:
        read_doccano(path)
    assert "no text column (doccano's CSV names it text or column_data; its columns: sentence, label)" in str(
        info.value
    )


def test_a_fasttext_file_is_read_as_doccano(tmp_path):
    path = tmp_path / "fastText.txt"
    path.write_text(
        "__label__pet dog cat\n__label__car __label__german VW BMW\n\n__label__pet a  fish\n", encoding="utf-8"
    )
    assert detect_format(path) == "doccano"  # it was None: a plain text, "__label__pet dog cat" its first line
    docs = read_doccano(path).documents
    assert [(d.text, d.meta[CATEGORIES]) for d in docs] == [
        ("dog cat", ["pet"]),
        ("VW BMW", ["car", "german"]),
        ("a  fish", ["pet"]),  # the words joined as doccano's parser joins them
    ]


def test_through_the_command_line_and_out_as_doccano_jsonl(tmp_path, capsys):
    (tmp_path / "a.csv").write_text('text,label\n"Terrible service.",negative\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("__label__positive Lovely shop.\n", encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(tmp_path / "a.csv"), str(tmp_path / "b.txt")]) == 0
    err = capsys.readouterr().err
    assert "a.csv: read as doccano" in err and "b.txt: read as doccano" in err
    assert main(["export", str(project), "-f", "doccano", "-o", str(tmp_path / "out.jsonl")]) == 0
    lines = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert [(x["text"], x["label"]) for x in lines] == [
        ("Terrible service.", ["negative"]),
        ("Lovely shop.", ["positive"]),
    ]
    with Project(project, create=False) as p:
        assert len(p.document_ids()) == 2


def test_a_csv_of_texts_without_labels_is_read_as_doccano(tmp_path):
    """A CSV of texts to annotate, a text column beside others and no label column (Label Studio's own sample upload,
    ``label_studio/tests/test_suites/samples/test_5.csv``: ``meta_info,text``; doccano's upload without labels) was
    skipped as "unknown kind of file '.csv'" (``--format doccano`` read it): told from its header now, the other
    columns in the meta. A ``.tsv`` still needs a label column (a CoNLL file's first token may be ``text``)."""
    path = tmp_path / "tasks.csv"
    path.write_text("meta_info,text\ninfo_1,Ada met Bob in Paris.\ninfo_2,Nothing else.\n", encoding="utf-8")
    assert detect_format(path) == "doccano"
    project = tmp_path / "p.annotator"
    main(["init", str(project)])
    assert main(["import", str(project), str(path)]) == 0
    with Project(project, create=False) as p:
        docs = [p.document(d) for d in p.document_ids()]
    assert [(d.text, d.meta["meta_info"]) for d in docs] == [
        ("Ada met Bob in Paris.", "info_1"),
        ("Nothing else.", "info_2"),
    ]
    conll = tmp_path / "t.tsv"
    conll.write_text("text\tO\nfile\tO\n", encoding="utf-8")
    assert detect_format(conll) != "doccano"


def test_a_csv_excel_saved_with_semicolons_is_read_as_doccano(tmp_path):
    """Excel writes CSV with ``;`` where the decimal mark is a comma (German, French, ... settings), with its BOM and
    CRLF: such a doccano upload was "unknown kind of file", and named it was one column (session 29)."""
    path = tmp_path / "labelled.csv"
    rows = (
        'label;text;source\r\nsport;"Zoë won; then left, smiling.";wire\r\n;Boris Johnson met Zoë, then left.;web\r\n'
    )
    path.write_bytes(("\ufeff" + rows).encode("utf-8"))
    assert detect_format(path) == "doccano"
    docs = read_doccano(path).documents
    assert [d.text for d in docs] == ["Zoë won; then left, smiling.", "Boris Johnson met Zoë, then left."]
    assert [d.meta.get(CATEGORIES) for d in docs] == [["sport"], None]
    assert [d.meta["source"] for d in docs] == ["wire", "web"]


def test_a_comma_csv_whose_texts_hold_semicolons_stays_comma_separated(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text('text,label\n"a; b; c",x\n', encoding="utf-8")
    assert [d.text for d in read_doccano(path).documents] == ["a; b; c"]


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_a_sheet_excel_saved_as_unicode_text_under_a_txt_name_is_read_as_doccano(tmp_path, capsys, encoding):
    """Excel's "Unicode Text" save is UTF-16 LE with its mark, tab-separated, CRLF, a cell with a quote or a line
    break in quotes, under a ``.txt`` name ("Text (Tab delimited)" the same in the Windows code page): session 30, it
    came in as one plain document, its header, tabs and labels as words (from the command line too)."""
    rows = 'text\tlabel\tsource\r\nCafé owner said "no".\tECONOMY\twire\r\n"Two lines:\nhere."\t\tweb\r\n'
    path = tmp_path / "sheet.txt"
    path.write_bytes(rows.replace('"no"', '""no""').replace('Café owner said ""no"".', '"Café owner said ""no""."')
                     .encode(encoding))  # fmt: skip
    if encoding == "cp1252":
        assert main(["import", str(tmp_path / "p.annotator"), str(path), "--encoding", "cp1252"]) == 0
    else:
        assert detect_format(path) == "doccano"  # it was None: a plain text
        docs = read_doccano(path).documents
        assert [d.text for d in docs] == ['Café owner said "no".', "Two lines:\nhere."]
        assert [d.meta.get(CATEGORIES) for d in docs] == [["ECONOMY"], None]
        assert [d.meta["source"] for d in docs] == ["wire", "web"]
        assert main(["import", str(tmp_path / "p.annotator"), str(path)]) == 0
    assert "read as doccano" in capsys.readouterr().err
    with Project(tmp_path / "p.annotator", create=False) as p:
        docs = [p.document(d) for d in p.document_ids()]
    assert [(d.name, d.text) for d in docs] == [
        ("sheet.txt:2", 'Café owner said "no".'),
        ("sheet.txt:3", "Two lines:\nhere."),
    ]


def test_a_plain_txt_with_tabs_stays_a_plain_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("text\tO\nThe label\tof a column is its name.\n", encoding="utf-8")  # no label column
    assert detect_format(path) is None


def test_a_carriage_return_inside_the_header_refuses_the_file_in_one_line(tmp_path, capsys):
    """A lone carriage return in a CSV's first line (a damaged file the readers' fuzzing met): the csv module's own
    error ("new-line character seen in unquoted field") escaped the import as a traceback, from telling the format."""
    path = tmp_path / "texts.csv"
    path.write_bytes(b"text,la\rbel\nhello,x\n")
    assert main(["import", str(tmp_path / "p.annotator"), str(path)]) == 1
    err = capsys.readouterr().err
    assert f"skipped {path}:2: 1 columns where the header has 2" in err and "Traceback" not in err, err
