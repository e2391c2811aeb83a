"""``annotator merge`` and categories (a text classification's labels, kept in a document's meta, not per set), and the
brat configuration kept with the schema. Session 15 found: the report did not name the categories a source added to
the project's list; a source's categories of a document the target already had were dropped (only a document new to
the target brought its own); and a source's brat configuration (``schema_kept``: relation types and entity
attributes the brat export declares) never went along, nor its schema into a target without documents (the merge was
refused: every label 'not in the schema')."""

from __future__ import annotations

import shutil

import orjson

from annotator import edits
from annotator.categories import document_categories, project_categories
from annotator.cli import main
from annotator.formats.common import schema_kept
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.teams.merge import merge_projects
from annotator.teams.sets import META_KEY

TEXTS = ("Rates rose again.", "Rain all week.", "Acme hired Lee.")


def _team(tmp_path):  # type: ignore[no-untyped-def]
    """team.annotator and two copies, alice's and bob's; each sets some categories in hers."""
    team = tmp_path / "team.annotator"
    with Project(team, annotator="rita") as p:
        import_documents(p, [IncomingDocument(t, f"{k}.txt") for k, t in enumerate(TEXTS)])
    for who in ("alice", "bob"):
        shutil.copy(team, tmp_path / f"{who}.annotator")
    return team


def _set(path, doc: int, categories: list[str]) -> None:  # type: ignore[no-untyped-def]
    with Project(path, annotator=path.stem) as p:
        edits.set_categories(p, p.document_ids()[doc], categories)


def _categories(path) -> list[list[str]]:  # type: ignore[no-untyped-def]
    with Project(path, create=False) as p:
        return [document_categories(p.document(i).meta) for i in p.document_ids()]


def _records(path, doc: int) -> dict:  # type: ignore[no-untyped-def]
    with Project(path, create=False) as p:
        return p.document(p.document_ids()[doc]).meta[META_KEY]


def test_a_document_takes_categories_where_it_has_none_and_a_difference_is_said(tmp_path):
    team = _team(tmp_path)
    _set(tmp_path / "alice.annotator", 0, ["ECONOMY"])
    _set(tmp_path / "bob.annotator", 0, ["POLITICS"])
    _set(tmp_path / "bob.annotator", 1, ["WEATHER", "Floods"])
    with Project(team, annotator="rita") as p:
        (alice,) = merge_projects(p, [tmp_path / "alice.annotator"]).sources
        assert alice.categories_taken == ["0.txt"] and alice.categories_added == ["ECONOMY"]
        assert "categories taken onto 1 document" in alice.summary()
        assert "1 category added to the project's list (ECONOMY)" in alice.summary()
        (bob,) = merge_projects(p, [tmp_path / "bob.annotator"]).sources
        assert bob.categories_added == ["POLITICS", "WEATHER", "Floods"]
        assert bob.categories_taken == ["1.txt"]
        assert (
            "note: document '0.txt': bob's categories (POLITICS) differ from the project's (ECONOMY); the project's "
            "kept, bob's kept with the set: Review > Adjudicate settles them" in bob.summary()
        )
        assert project_categories(p) == ["ECONOMY", "POLITICS", "WEATHER", "Floods"]
    assert _categories(team) == [["ECONOMY"], ["WEATHER", "Floods"], []]
    kept = _records(team, 0)  # each annotator's choice kept with her set, whatever the document took
    assert (kept["alice"]["categories"], kept["bob"]["categories"]) == (["ECONOMY"], ["POLITICS"])


def test_her_file_merged_again_replaces_the_categories_it_gave(tmp_path):
    team = _team(tmp_path)
    alice = tmp_path / "alice.annotator"
    _set(alice, 0, ["ECONOMY"])
    assert main(["merge", str(team), str(alice)]) == 0
    _set(alice, 0, ["ECONOMY", "TRADE"])  # she goes on working, and her file is merged again
    with Project(team, annotator="rita") as p:
        (again,) = merge_projects(p, [alice]).sources
        assert again.categories_taken == ["0.txt"] and not again.category_differences
    assert _categories(team)[0] == ["ECONOMY", "TRADE"]
    with Project(team, annotator="rita") as p:  # the reviewer chose otherwise: her next merge says so, keeps it
        edits.set_categories(p, p.document_ids()[0], ["TRADE"])
        (third,) = merge_projects(p, [alice]).sources
        assert [d.document for d in third.category_differences] == ["0.txt"]
    assert _categories(team)[0] == ["TRADE"]


CONF = """[entities]
Protein
Organism

[relations]
Member-of\tArg1:Protein, Arg2:Organism

[events]
Binding\tTheme+:Protein

[attributes]
Mutated\tArg:Protein
"""


def _brat_project(tmp_path, name: str):  # type: ignore[no-untyped-def]
    corpus = tmp_path / f"{name}-corpus"
    corpus.mkdir()
    (corpus / "annotation.conf").write_text(CONF, encoding="utf-8")
    (corpus / "d1.txt").write_text("Abc binds Def.\n", encoding="utf-8")
    (corpus / "d1.ann").write_text("T1\tProtein 0 3\tAbc\nT2\tProtein 10 13\tDef\n", encoding="utf-8")
    path = tmp_path / f"{name}.annotator"
    assert main(["import", str(path), str(corpus), "--annotator", name]) == 0
    return path


def test_the_brat_configuration_kept_with_the_schema_goes_with_it(tmp_path, capsys):
    alice = _brat_project(tmp_path, "alice")
    with Project(alice, create=False) as p:
        kept = schema_kept(p)
        assert kept["brat"]["relations"] == ["Member-of\tArg1:Protein, Arg2:Organism"]
    team = tmp_path / "team.annotator"  # a new file: it takes her schema, with what brat declared beyond it
    assert main(["merge", str(team), str(alice)]) == 0
    assert "now uses this file's schema" in capsys.readouterr().out
    assert main(["export", str(team), "-f", "brat", "-o", str(tmp_path / "out")]) == 0
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8")
    assert "Member-of\tArg1:Protein, Arg2:Organism" in conf and "Mutated\tArg:Protein" in conf
    # a target on the same schema without the configuration takes it; one keeping another keeps its own, said
    with Project(team, annotator="rita") as p:
        with p.transaction():
            p.db.set_project_value("schema_kept", "{}")
        (rep,) = merge_projects(p, [alice]).sources
        assert rep.schema_kept == "taken" and schema_kept(p) == kept
        other = {"brat": {"relations": ["Part-of\tArg1:Protein, Arg2:Protein"], "attributes": []}}
        with p.transaction():
            p.db.set_project_value("schema_kept", orjson.dumps(other).decode())
        (rep,) = merge_projects(p, [alice]).sources
        assert rep.schema_kept == "differs" and schema_kept(p) == other
        assert "differs from the project's: the project's kept" in rep.summary()
