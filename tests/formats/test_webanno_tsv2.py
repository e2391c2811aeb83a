"""A WebAnno TSV 2 file (WebAnno 2's export: no '#FORMAT' line, its first line names the layers and features; no
offsets) was "unknown kind of file '.tsv'" (session 19: INCEpTION's curation tests still hold such files), then
refused saying what it is and how to get TSV 3; since session 22 it is read as the TSV 3.3 it stands for
(``webanno_tsv2.as_tsv3``), with and without --format: its spans (a value on one token, ``B-``/``I-`` over several,
stacked with ``|``), each token found in its sentence's ``#text=``, and its relations (``AttachTo=``, the governor's
token in the last cell of the layer). Our own files in their shape."""

from __future__ import annotations

import pytest

from annotator import api
from annotator.cli import main
from annotator.errors import ImportFileError

TSV2 = (
    " # webanno.custom.Place | kind # webanno.custom.Near | why | AttachTo=webanno.custom.Place\n"
    "#id=1\n#text=Troops moved to Safwan near Basra .\n"
    "1-1\tTroops\t_\t_\t_\t\n1-2\tmoved\t_\t_\t_\t\n1-3\tto\t_\t_\t_\t\n1-4\tSafwan\tTown\t_\t_\t\n"
    "1-5\tnear\t_\t_\t_\t\n1-6\tBasra\tCity\tborder\t1-4\t\n1-7\t.\t_\t_\t_\t\n\n"
)
NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
SPANS = (
    f" # {NE} | value # webanno.custom.Kind | kind\n"
    "#id=1\n#text=Ana Maria Lopez met ACME in São Paulo 🙂 today.\n"
    "1-1\tAna\tB-PER\t_\t\n1-2\tMaria\tI-PER\t_\t\n1-3\tLopez\tI-PER\t_\t\n1-4\tmet\tO\t_\t\n"
    "1-5\tACME\tORG|B-FAC\tfirm\t\n1-6\tin\tI-FAC\t_\t\n1-7\tSão\tB-GPE|I-FAC\tB-city\t\n1-8\tPaulo\tI-GPE\tI-city\t\n"
    "1-9\t🙂\tO\t_\t\n1-10\ttoday.\tDATE\t_\t\n\n"
    "#id=2\n#text=Lopez  left\n2-1\tLopez\tPER\t_\t\n2-2\tleft\tO\t_\t\n"
)


def spans(project) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    out = []
    for d in project.document_ids():
        text = project.document(d).text
        out += [(text[e.start : e.end], e.label) for e in sorted(project.entities(d), key=lambda e: (e.start, e.label))]
    return out


def test_tsv2_is_read_with_and_without_format(tmp_path, capsys):
    src = tmp_path / "doc.tsv"
    src.write_text(TSV2, encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    err = capsys.readouterr().err
    assert "WebAnno TSV 2" in err and "read as TSV 3.3" in err and "unknown kind" not in err
    project = api.open_project(p)
    assert spans(project) == [("Safwan", "Town"), ("Basra", "City")]
    (doc,) = project.document_ids()
    (rel,) = project.document(doc).meta["webanno"]["relations"]
    assert (rel["layer"], rel["type"], rel["from"], rel["to"]) == (
        "webanno.custom.Near",
        "border",
        [16, 22, "Town"],
        [28, 33, "City"],
    )
    again = api.new_project(tmp_path / "again.annotator")
    api.import_files(again, [src], format="webanno")
    assert spans(again) == spans(project)


def test_spans_over_several_tokens_stacked_and_the_text_as_its_sentences(tmp_path):
    src = tmp_path / "spans.tsv"
    src.write_text(SPANS, encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src], format="webanno")
    (doc,) = project.document_ids()
    assert project.document(doc).text == "Ana Maria Lopez met ACME in São Paulo 🙂 today.\nLopez  left\n"
    assert spans(project) == [
        ("Ana Maria Lopez", "PERSON"),
        ("ACME in São", "FAC"),
        ("ACME", "ORG"),
        ("ACME", "firm"),
        ("São Paulo", "GPE"),
        ("São Paulo", "city"),
        ("today.", "DATE"),
        ("Lopez", "PERSON"),
    ]
    out = tmp_path / "out"
    api.export(project, out, "webanno")  # TSV 3 out, and back the same
    back = api.new_project(tmp_path / "back.annotator")
    api.import_files(back, [out])
    assert spans(back) == spans(project)


@pytest.mark.parametrize(
    "line, said",
    [
        ("1-2\tmoved\t_\t_\n", "2 annotation cells where the first line's layers give 3"),
        ("1-2\tmoved\t_\t_\t1-9\t\n", "the relation's governor '1-9' is no token of the file"),
        ("moved\t_\t_\t_\t\n", "a token line must start with SENTENCE-TOKEN and the token"),
    ],
)
def test_a_bad_line_refuses_the_file_in_one_line_naming_it(tmp_path, line, said):
    src = tmp_path / "bad.tsv"
    src.write_text(TSV2.replace("1-2\tmoved\t_\t_\t_\t\n", line), encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    with pytest.raises(ImportFileError) as got:
        api.import_files(project, [src], format="webanno")
    assert said in str(got.value) and "bad.tsv:5:" in str(got.value), str(got.value)
    assert "\n" not in str(got.value) and not project.document_ids()
