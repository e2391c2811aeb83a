"""A label removed from the project's schema does not come back with an import (session 29, s29-schema): a project
whose schema the user gave (`annotator init --schema`, `import --schema` on a new project) keeps it as a project with
documents keeps its own, in every format: a file using a label it lacks is refused naming the label with its count
and the ways to keep its spans (`--map LABEL=OTHER`, `--add-types`), nothing imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import api
from annotator.edits import add_entity
from annotator.formats.loading import import_paths
from annotator.resources_path import resource_path

TEXT = "Hamlet opened at the Globe in London."
SUFFIX = {"json": ".json", "jsonl": ".jsonl", "doccano": ".jsonl", "label_studio": ".json", "conll": ".conll"}
SUFFIX |= {"brat": "", "prodigy": ".jsonl"}


def _without_work_of_art(tmp_path: Path) -> Path:
    """The news schema with WORK_OF_ART taken out: the engineer's next version of it."""
    src = resource_path("schemas/news.toml").read_text(encoding="utf-8")
    start = src.index('[[entity]]\nname = "WORK_OF_ART"')
    end = src.index("[[entity]]", start + 1)
    out = tmp_path / "news_less.toml"
    out.write_text((src[:start] + src[end:]).replace('name = "news"', 'name = "news_less"', 1), encoding="utf-8")
    return out


def _exported(project, tmp_path: Path, fmt: str) -> Path:
    """``fmt``'s export of one document with a WORK_OF_ART span and a GPE one (the project on the news schema)."""
    text = tmp_path / "play.txt"
    text.write_text(TEXT, encoding="utf-8")
    [(_, doc)] = import_paths(project, [text]).imported
    add_entity(project, doc, 0, 6, "WORK_OF_ART")
    add_entity(project, doc, 30, 36, "GPE")
    out = tmp_path / f"old_{fmt}{SUFFIX[fmt]}"
    api.export(project, out, fmt)
    return out


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_a_label_removed_from_a_given_schema_does_not_come_back_with_an_import(project, tmp_path, fmt):
    """`init new --schema less.toml` (WORK_OF_ART removed), then `import new old.json`: on main the JSON export's and
    brat's schema was adopted whole ("the project now uses the schema 'news' from the input") and the JSONL, doccano,
    Label Studio, CoNLL and Prodigy files added the label back ("labels added to the project's schema: WORK_OF_ART"),
    its span stored: said, but nothing stopped it."""
    old = _exported(project, tmp_path, fmt)
    new = api.new_project(tmp_path / "new.annotator", schema=_without_work_of_art(tmp_path))
    try:
        report = api.import_files(new, [old])
        [(path, why)] = report.skipped
        assert "WORK_OF_ART" in why and "--map WORK_OF_ART=" in why and "--add-types" in why, why
        assert "nothing was imported" in why or "(1)" in why, why
        assert new.document_ids() == []
        assert new.schema.name == "news_less" and "WORK_OF_ART" not in new.schema.label_names
        # the way to keep the spans the refusal names: each taken as one of the schema's labels, the text whole
        report = api.import_files(new, [old], mapped={"WORK_OF_ART": "PRODUCT"})
        assert not report.skipped, report.skipped
        [doc] = new.document_ids()
        assert new.document(doc).text.startswith("Hamlet opened at the Globe in London")
        assert sorted(e.label for e in new.entities(doc)) == ["GPE", "PRODUCT"]
        assert new.schema.name == "news_less" and "WORK_OF_ART" not in new.schema.label_names
    finally:
        new.close()


def test_the_command_line_s_init_schema_and_import_schema_are_kept_and_add_types_takes_the_label(
    project, tmp_path, capsys
):
    """The command line's two ways to give a new project its schema, each kept by the next import; `--add-types`
    puts the label back when that is what the engineer wants."""
    from annotator.cli import main

    old = _exported(project, tmp_path, "json")
    less = _without_work_of_art(tmp_path)
    made = tmp_path / "made.annotator"
    assert main(["init", str(made), "--schema", str(less)]) == 0
    main(["import", str(made), str(old)])
    err = capsys.readouterr().err
    assert "WORK_OF_ART" in err and "--map WORK_OF_ART=" in err, err
    assert "now uses the schema 'news'" not in err
    later = tmp_path / "later.annotator"
    assert main(["init", str(later)]) == 0
    main(["import", str(later), str(tmp_path / "play.txt"), "--schema", str(less)])  # an empty project given it
    main(["import", str(later), str(old)])
    assert "--map WORK_OF_ART=" in capsys.readouterr().err
    with api.open_project(later) as p:
        assert p.schema.name == "news_less" and len(p.document_ids()) == 1
    assert main(["import", str(made), str(old), "--add-types"]) == 0
    with api.open_project(made) as p:
        [doc] = p.document_ids()
        assert sorted(e.label for e in p.entities(doc)) == ["GPE", "WORK_OF_ART"]


def test_a_copy_merged_into_a_new_project_of_a_given_schema_does_not_replace_it(tmp_path, capsys):
    """Session 30 (s30-eng): `annotator init team --schema news_less.toml` (WORK_OF_ART removed), then `merge team
    bob.annotator` (bob's copy on the news schema, a WORK_OF_ART span in it): "the project had no document: it now uses
    this file's schema 'news'", the given schema gone and the removed label back with his span. The merge keeps a
    given schema as an import does: the copy is refused naming the label, nothing merged (a project made without
    --schema takes the copy's schema as before: tests/teams)."""
    import shutil

    from annotator.cli import main
    from annotator.store import Project

    bob = tmp_path / "bob.annotator"
    with Project(bob, annotator="bob") as p:
        _exported(p, tmp_path, "json")  # the play with WORK_OF_ART and GPE spans
    team = tmp_path / "team.annotator"
    assert main(["init", str(team), "--schema", str(_without_work_of_art(tmp_path))]) == 0
    capsys.readouterr()
    assert main(["merge", str(team), str(bob)]) == 1
    err = capsys.readouterr().err
    assert "labels not in the target's schema: WORK_OF_ART; nothing was merged" in err, err
    with Project(team) as p:
        assert p.schema.name == "news_less" and "WORK_OF_ART" not in p.schema.label_names
        assert p.document_ids() == []
    # a copy that uses only the given schema's labels merges, the schema kept
    shutil.copyfile(bob, tmp_path / "carol.annotator")
    with Project(tmp_path / "carol.annotator", annotator="carol") as p:
        p.db.conn.execute("DELETE FROM entities WHERE label = 'WORK_OF_ART'")
        p.db.conn.commit()
    assert main(["merge", str(team), str(tmp_path / "carol.annotator")]) == 0
    assert "now uses this file's schema" not in capsys.readouterr().err
    with Project(team) as p:
        assert p.schema.name == "news_less" and len(p.document_ids()) == 1


@pytest.mark.parametrize("fmt", ["json", "brat"])
def test_the_refusal_of_a_new_project_of_a_given_schema_names_a_project_made_without_one(project, tmp_path, fmt):
    """Session 30 (s30-eng): the JSON export or brat folder refused by `init new --schema news_less.toml` ended "or
    into a new project", which the project is already (a second one made the same way refuses it alike): the way in
    is a new project made without --schema, which takes the file's. A project holding documents is told "a new
    project" as before."""
    out = _exported(project, tmp_path, fmt)
    for held in (False, True):  # a new project, then one holding a document
        new = api.new_project(tmp_path / f"new{held}.annotator", schema=_without_work_of_art(tmp_path))
        try:
            if held:
                (tmp_path / "other.txt").write_text("Another text.", encoding="utf-8")
                api.import_files(new, [tmp_path / "other.txt"])
            [(_, why)] = api.import_files(new, [out]).skipped
        finally:
            new.close()
        if held:
            assert why.endswith("or into a new project (nothing was imported)"), why
        else:
            assert why.endswith(
                "or into a new project made without --schema, which takes the file's schema (nothing was imported)"
            ), why
