"""A brat corpus's visual.conf says more than the schema holds: a type's abbreviations (``Person | Person | Per |
P``, shown where the full name does not fit), its drawing beyond the colour (``borderColor:darken``), a relation's
arrow and dashes, brat's defaults (``SPAN_DEFAULT``, ``ARC_DEFAULT``). The brat export writes them again beside the
schema's names and colours, so the corpus looks in brat as it did. Session 36: only the colours and names were read;
the export's visual.conf had the rest gone without a word. Our own conf in the shape of brat's example data."""

from __future__ import annotations

from annotator import api

CONF = "[entities]\nPerson\nOrganization\n[relations]\nMember Arg1:Person, Arg2:Organization\n[events]\n[attributes]\n"
VISUAL = """[labels]
Person | Person | Per | P
Organization | Organization | Org
Member | Member of | Mem

[drawing]
SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken
ARC_DEFAULT\tcolor:black, arrowHead:triangle-5
Person\tbgColor:#ffccaa, borderColor:darken
Member\tcolor:#3fa535, dashArray:3-3
"""


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_what_visual_conf_says_goes_back_out(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "annotation.conf").write_text(CONF, encoding="utf-8")
    (corpus / "visual.conf").write_text(VISUAL, encoding="utf-8")
    (corpus / "a.txt").write_text("John works for Acme.\n", encoding="utf-8")
    (corpus / "a.ann").write_text("T1\tPerson 0 4\tJohn\nT2\tOrganization 15 19\tAcme\nR1\tMember Arg1:T1 Arg2:T2\n")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [corpus])
    assert project.schema.label("Person").color == "#ffccaa"
    api.export(project, tmp_path / "out", format="brat")
    lines = _lines(tmp_path / "out" / "visual.conf")
    for line in (
        "Person | Person | Per | P",
        "Organization | Organization | Org",
        "Member | Member of | Mem",
        "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
        "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5",
        "Person\tbgColor:#ffccaa, borderColor:darken",
        "Member\tcolor:#3fa535, dashArray:3-3",
    ):
        assert line in lines, (line, lines)
    assert [x for x in lines if x.startswith("Person\t")] == ["Person\tbgColor:#ffccaa, borderColor:darken"]
    again = api.new_project(tmp_path / "q.annotator")
    api.import_files(again, [tmp_path / "out"])
    api.export(again, tmp_path / "again", format="brat")
    assert _lines(tmp_path / "again" / "visual.conf") == lines
