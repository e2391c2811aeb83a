"""A brat folder in the shape of brat's own news tutorial (``example-data/tutorials/news``): an annotation.conf after
ACE's full names (``Organization``), roles marked apart from the entity types (``Org-Arg``, ``Person-Arg``) and
numbered when repeated in the .ann (``Org-Arg2``), a ``Report`` type ACE lacks, relations and attributes. Imported into
a news project that holds documents it was refused ("defines types the project's schema does not have") though its
documents used only names the news schema has under its own spellings; now what matches is matched (``ORG``,
``Business:Merge-Org``, ``Org``) and what the conf declares without a match and no document uses is said in the same
note; a document that uses such a name still refuses the folder, naming it alone. The conf and texts are our own."""

from __future__ import annotations

from pathlib import Path

from annotator.cli import main
from annotator.store import Project

CONF = """[entities]

Person
Organization
GPE
Money

[relations]

Located            Arg1:Person, Arg2:GPE
Alias              Arg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive

[events]

<POG>=Person|Organization|GPE

!Life
\tBe-born   Person-Arg:Person, Place-Arg?:GPE
\tDie       Person-Arg:Person, Agent-Arg?:<POG>, Place-Arg?:GPE
!Transaction
\tTransfer-money\tGiver-Arg:<POG>, Recipient-Arg:<POG>, Beneficiary-Arg:<POG>, Money-Arg:Money
!Business
\tStart-org  Agent-Arg?:<POG>, Org-Arg:Organization
\tMerge-org  Org-Arg+:Organization
Report Reporter-Arg:<POG>, Event-Arg:<EVENT>

[attributes]

Individual   Arg:<ENTITY>
Mention      Arg:<ENTITY>, Value:Name|Nominal|Other

Negation     Arg:<EVENT>
Confidence   Arg:<EVENT>, Value:High|Neutral|Low
"""

TEXT = "Acme and Globex merged, said Jane Doe in Oslo.\n"
ANN = (
    "T1\tOrganization 0 4\tAcme\n"
    "T2\tOrganization 9 15\tGlobex\n"
    "T3\tMerge-org 16 22\tmerged\n"
    "E1\tMerge-org:T3 Org-Arg:T1 Org-Arg2:T2\n"
    "T4\tPerson 29 37\tJane Doe\n"
    "T5\tGPE 41 45\tOslo\n"
    "R1\tLocated Arg1:T4 Arg2:T5\t\n"
    "A1\tIndividual T4\n"
)
REPORT = "T6\tReport 24 28\tsaid\nE2\tReport:T6 Reporter-Arg:T4 Event-Arg:E1\n"


def _project(tmp_path: Path) -> Path:
    p = tmp_path / "p.annotator"
    first = tmp_path / "first.txt"
    first.write_text("A document already here.\n", encoding="utf-8")
    assert main(["import", str(p), str(first)]) == 0
    return p


def _corpus(root: Path, ann: str = ANN) -> Path:
    folder = root / "news"
    folder.mkdir()
    (folder / "annotation.conf").write_text(CONF, encoding="utf-8")
    (folder / "merger.txt").write_text(TEXT, encoding="utf-8")
    (folder / "merger.ann").write_text(ann, encoding="utf-8")
    return folder


def test_the_tutorials_names_are_matched_and_the_unmatched_said(tmp_path, capsys):
    p = _project(tmp_path)
    assert main(["import", str(p), str(_corpus(tmp_path))]) == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert "Organization -> ORG (2)" in err and "Org-Arg -> Org (2)" in err and "Merge-org -> Business:Merge-Org" in err
    note = err.split("used by no document (not kept): ")[1].splitlines()[0]
    assert "event type Report" in note and "role Die:Person-Arg" in note and "attribute Confidence" in note, note
    assert "Organization" not in note and "Merge-org" not in note, note
    with Project(p, create=False) as project:
        assert project.schema.name == "news"
        doc = [d for d in project.document_ids() if project.document(d).name == "merger.txt"][0]
        assert sorted(e.label for e in project.entities(doc)) == ["GPE", "ORG", "ORG", "PERSON"]
        (merge,) = project.events(doc)
        assert merge.type == "Business:Merge-Org" and [a.role for a in merge.arguments] == ["Org", "Org"]


def test_the_brat_export_writes_the_tutorials_names_back(tmp_path):
    p, out = _project(tmp_path), tmp_path / "out"
    assert main(["import", str(p), str(_corpus(tmp_path))]) == 0
    assert main(["export", str(p), "-f", "brat", "-o", str(out)]) == 0
    ann = (out / "merger.ann").read_text(encoding="utf-8")
    assert "Merge-org:T" in ann and " Org-Arg:T" in ann and " Org-Arg2:T" in ann, ann
    assert "\tOrganization 0 4\tAcme" in ann and "\tLocated Arg1:" in ann and "\tIndividual T" in ann, ann


def test_a_document_that_uses_a_type_without_a_match_refuses_the_folder_naming_it(tmp_path, capsys):
    p = _project(tmp_path)
    assert main(["import", str(p), str(_corpus(tmp_path, ANN + REPORT))]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "event type Report" in err and "nothing was imported" in err, err
    assert "Organization" not in err and "Person-Arg" not in err, err
    with Project(p, create=False) as project:
        assert len(project.document_ids()) == 1
