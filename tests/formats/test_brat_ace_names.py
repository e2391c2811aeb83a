"""A brat folder whose annotation.conf spells ACE's names (``PER``, ``Attack`` as a leaf under ``Conflict``,
``Time-Within``), as ACE's brat corpora declare them, imported into a news project that holds documents: it was
refused ("its annotation.conf defines types the project's schema does not have"), where a Label Studio, doccano or
DyGIE++ file of the same names is matched to the schema's. Now matched the same way (``schema_match``), the file's
spellings kept for the export. The corpus is our own, in the shape of an ACE brat folder."""

from __future__ import annotations

from pathlib import Path

from annotator.cli import main
from annotator.store import Project

CONF = """[entities]

PER
ORG
GPE
Time

[relations]

[events]

Conflict
\tAttack\tAttacker?:PER|ORG|GPE, Target*:PER|ORG|GPE, Time-Within?:Time, Place?:GPE
Life
\tDie\tVictim?:PER, Agent?:PER|ORG|GPE, Place?:GPE

[attributes]
"""

TEXT = "Rebels attacked Baghdad on Monday, and two soldiers died.\n"
ANN = (
    "T1\tPER 0 6\tRebels\n"
    "T2\tAttack 7 15\tattacked\n"
    "T3\tGPE 16 23\tBaghdad\n"
    "T4\tTime 27 33\tMonday\n"
    "T5\tPER 43 51\tsoldiers\n"
    "T6\tDie 52 56\tdied\n"
    "E1\tAttack:T2 Attacker:T1 Target:T3 Time-Within:T4\n"
    "E2\tDie:T6 Victim:T5\n"
)


def _corpus(root: Path) -> Path:
    folder = root / "ace_brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text(CONF, encoding="utf-8")
    (folder / "CNN_ENG_1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "CNN_ENG_1.ann").write_text(ANN, encoding="utf-8")
    return folder


def test_an_ace_brat_folder_is_matched_to_a_news_project_that_holds_documents(tmp_path, capsys):
    p = tmp_path / "p.annotator"
    first = tmp_path / "first.txt"
    first.write_text("A document already here.\n", encoding="utf-8")
    assert main(["import", str(p), str(first)]) == 0
    assert main(["import", str(p), str(_corpus(tmp_path))]) == 0, capsys.readouterr().err
    assert "names matched to the schema's (news)" in capsys.readouterr().err
    with Project(p, create=False) as project:
        assert project.schema.name == "news"
        doc = [d for d in project.document_ids() if project.document(d).name == "CNN_ENG_1.txt"][0]
        assert sorted(e.label for e in project.entities(doc)) == ["GPE", "PERSON", "PERSON", "TIME"]
        attack, die = sorted(project.events(doc), key=lambda v: v.trigger_start)
        assert (attack.type, die.type) == ("Conflict:Attack", "Life:Die")
        assert sorted(a.role for a in attack.arguments) == ["Attacker", "Target", "Time"]


def test_the_brat_export_writes_the_files_names_back(tmp_path):
    p, out = tmp_path / "p.annotator", tmp_path / "out"
    first = tmp_path / "first.txt"
    first.write_text("A document already here.\n", encoding="utf-8")
    assert main(["import", str(p), str(first)]) == 0
    assert main(["import", str(p), str(_corpus(tmp_path))]) == 0
    assert main(["export", str(p), "-f", "brat", "-o", str(out)]) == 0
    ann = (out / "CNN_ENG_1.ann").read_text(encoding="utf-8")
    types = {x.split("\t")[1].split(" ")[0] for x in ann.splitlines() if x.startswith("T")}
    assert {"PER", "GPE", "Time"} <= types and "PERSON" not in types, ann
    assert "Time-Within:" in ann and "Attacker:" in ann, ann


def test_a_conf_with_a_type_the_schema_has_no_match_for_that_a_document_uses_is_still_refused(tmp_path, capsys):
    p = tmp_path / "p.annotator"
    first = tmp_path / "first.txt"
    first.write_text("A document already here.\n", encoding="utf-8")
    assert main(["import", str(p), str(first)]) == 0
    folder = _corpus(tmp_path)
    conf = folder / "annotation.conf"
    conf.write_text(conf.read_text(encoding="utf-8").replace("Time\n", "Time\nWEATHER\n", 1), encoding="utf-8")
    ann = folder / "CNN_ENG_1.ann"
    ann.write_text(ann.read_text(encoding="utf-8") + "T7\tWEATHER 0 6\tRebels\n", encoding="utf-8")
    assert main(["import", str(p), str(folder)]) == 1
    err = capsys.readouterr().err
    assert "does not have" in err and "label WEATHER" in err and "PER" not in err.split("has no")[1], err
    with Project(p, create=False) as project:
        assert len(project.document_ids()) == 1
