"""A brat corpus that ships some documents' annotations without their texts (sociocom/KEEPHA-Ja: its tweets'
``.ann`` files alone, the texts not redistributable, beside case reports with theirs): the documents that have their
text come in, those that do not are said in one line, as brat lists a document by its text. Session 36: the whole
folder was refused at the first ("no text file 1000398001460756480.txt beside it"), the case reports with it. A folder
of nothing but such files is still refused. Our own files in that shape."""

from __future__ import annotations

import pytest

from annotator import api
from annotator.errors import ImportFileError
from annotator.formats.brat_read import read_brat

CONF = """[entities]
DRUG
CHANGE_TRIGGER
DISORDER
[attributes]
Drug_Changes         Arg:DRUG, Value:started|stopped
[relations]
SIGNALS_CHANGE_OF	Arg1:CHANGE_TRIGGER, Arg2:DRUG
CAUSED	Arg1:DRUG, Arg2:DISORDER
[events]
"""


def _corpus(root):
    (root / "cr").mkdir(parents=True)
    (root / "tw").mkdir()
    (root / "annotation.conf").write_text(CONF, encoding="utf-8")
    (root / "cr" / "d1.txt").write_text("患者は薬Ａを開始し、発熱した。\n", encoding="utf-8")
    (root / "cr" / "d1.ann").write_text(
        "T1\tDRUG 3 5\t薬Ａ\nT2\tCHANGE_TRIGGER 6 8\t開始\nA1\tDrug_Changes T1 started\nT3\tDISORDER 10 12\t発熱\n"
        "R1\tSIGNALS_CHANGE_OF Arg1:T2 Arg2:T1\t\nR2\tCAUSED Arg1:T1 Arg2:T3\t\n",
        encoding="utf-8",
    )
    for tweet in ("1000398001460756480", "1001120233342423041"):
        (root / "tw" / f"{tweet}.ann").write_text("T1\tDRUG 0 7\tLexapro\n", encoding="utf-8")


def test_the_documents_with_texts_come_in_and_the_others_are_said(tmp_path):
    _corpus(tmp_path / "keep")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [tmp_path / "keep"])
    (doc,) = project.document_ids()
    assert project.document(doc).name == "cr/d1.txt"
    assert len(project.entities(doc)) == 3
    (said,) = [w for w in report.warnings if "without their text" in w]
    assert "2 .ann files" in said and "tw/1000398001460756480.ann" in said, said
    with pytest.raises(ImportFileError, match="no text file 1000398001460756480.txt"):  # nothing to read: refused
        read_brat(tmp_path / "keep" / "tw")
