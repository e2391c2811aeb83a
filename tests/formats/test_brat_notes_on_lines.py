"""A brat note on a normalisation or an attribute (``#3 AnnotatorNotes N1``, ``#4 AnnotatorNotes A2``) was kept as a
document comment without its target, ``[on N1] checked``, and went back out as a note on the document's first span
(``#1 AnnotatorNotes T1 [on N1] checked``). It is kept naming the line by what it sits on (``[on normalization
Person 0-11] checked``, ``[on attribute Negation 12-17] ...``) and goes back onto that line. Our own folder, in the
shape of brat's news tutorial (its conf, brat's ``N`` lines)."""

from __future__ import annotations

from annotator.formats.brat import write_brat
from annotator.formats.loading import import_format
from annotator.store import Project
from tests.formats.test_brat_shapes import _folder

TEXT = "Maria Lopez married Juan Ortiz in Lyon."
ANN = (
    "T1\tPerson 0 11\tMaria Lopez\n"
    "T2\tPerson 20 30\tJuan Ortiz\n"
    "T3\tGPE 34 38\tLyon\n"
    "T4\tMarry 12 19\tmarried\n"
    "E1\tMarry:T4 Person-Arg:T1 Person-Arg2:T2 Place-Arg:T3\n"
    "A1\tIndividual T1\n"
    "A2\tConfidence E1 High\n"
    "N1\tReference T3 Wikipedia:8638634\tLyon\n"
    "#1\tAnnotatorNotes T2\tthe groom\n"
    "#2\tAnnotatorNotes N1\tchecked against the atlas\n"
    "#3\tAnnotatorNotes A1\tsure\n"
    "#4\tAnnotatorNotes A2\tfrom the wire\n"
)


def notes(ann: str) -> dict[str, str]:
    """{body: the line it sits on, its ids replaced by their words} of an .ann's notes (ids are renumbered)."""
    rows = {ln.split("\t")[0]: ln.split("\t") for ln in ann.splitlines()}

    def words(aid: str) -> str:
        row = rows[aid]
        if aid[0] == "T":
            return row[2]
        if aid[0] == "E":
            return words(row[1].split()[0].split(":")[1])
        return " ".join(words(p) if p in rows else p for p in row[1].split())

    return {row[2]: words(row[1].split()[1]) for aid, row in rows.items() if aid.startswith("#")}


def test_notes_on_a_normalisation_and_attributes_go_back_on_their_lines(tmp_path):
    folder = _folder(tmp_path, {"a.txt": TEXT, "a.ann": ANN})
    with Project(tmp_path / "p.annotator", annotator="t") as project:
        report = import_format(project, "brat", [folder])
        assert not any("without its target" in w for w in report.warnings), report.warnings
        (doc,) = project.document_ids()
        comments = sorted(c.text for c in project.comments(doc))
        assert "[on normalization GPE 34-38] checked against the atlas" in comments
        assert "[on attribute Individual 0-11] sure" in comments
        assert "[on attribute Confidence 12-19] from the wire" in comments
        write_brat(project, tmp_path / "out")
    got = notes((tmp_path / "out" / "a.ann").read_text(encoding="utf-8"))
    assert got == {
        "the groom": "Juan Ortiz",
        "checked against the atlas": "Reference Lyon Wikipedia:8638634",
        "sure": "Individual Maria Lopez",
        "from the wire": "Confidence married High",
    }
