"""A brat corpus's ``kb_shortcuts.conf`` imported into a project that already holds documents (whose schema the
corpus's annotation.conf is matched to, not adopted): session 37 gave its keys to a new project's labels only, yet
said to both "its keys are the conf's labels' keys"; the project's labels kept none and the brat export wrote no
kb_shortcuts.conf. Now each key goes to the project's label of that name that has none, where no other label has it;
the others are said with why. Our own corpus in KEEPHA-Ja's shape."""

from __future__ import annotations

from annotator import api

CONF = "[entities]\nDRUG\nTIME\nDISEASE\n[relations]\n[events]\n[attributes]\n"


def _corpus(folder, name: str, ann: str, text: str, keys: str | None = None):
    folder.mkdir()
    (folder / "annotation.conf").write_text(CONF, encoding="utf-8")
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")
    if keys is not None:
        (folder / "kb_shortcuts.conf").write_text(keys, encoding="utf-8")
    return folder


def test_kb_shortcuts_give_their_keys_to_a_holding_projects_labels_that_have_none(tmp_path):
    first = _corpus(tmp_path / "a", "a", "T1\tDRUG 0 7\tLexapro\n", "Lexapro at noon.\n")
    second = _corpus(
        tmp_path / "b",
        "b",
        "T1\tDRUG 0 6\tZoloft\nT2\tTIME 10 15\tnight\n",
        "Zoloft at night.\n",
        "M\tDRUG\nT\tTIME\nQ\tPAIN\n",
    )
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [first])
    assert not [e.key for e in project.schema.entities if e.key]
    report = api.import_files(project, [second])
    assert {e.name: e.key for e in project.schema.entities} == {"DRUG": "m", "TIME": "t", "DISEASE": None}
    assert any("took the file's keys: m DRUG, t TIME" in n for n in report.notes), report.notes
    api.export(project, tmp_path / "out", format="brat")
    lines = (tmp_path / "out" / "kb_shortcuts.conf").read_text(encoding="utf-8").splitlines()
    assert lines[2:] == ["M\tDRUG", "T\tTIME"]
    # a third corpus: DRUG has m now, and d is given to DISEASE, q to nobody (no label PAIN: said by the reader)
    third = _corpus(tmp_path / "c", "c", "T1\tDISEASE 0 5\tFever\n", "Fever.\n", "D\tDRUG\nM\tDISEASE\n")
    report = api.import_files(project, [third])
    assert {e.name: e.key for e in project.schema.entities} == {"DRUG": "m", "TIME": "t", "DISEASE": None}
    said = [n for n in report.notes if "keys not given" in n]
    assert len(said) == 1 and "d DRUG (DRUG has key 'm')" in said[0] and "m DISEASE (DRUG has it)" in said[0]
