"""The project's list of categories (``CATEGORY_LIST``: kept when no document has a category any more) goes where
its documents go: the JSON export's header writes it and its import reads it back, ``annotator merge`` carries a
source's list into the target. Until then a list made in one project was lost on the way: a category unticked on
its last document was offered no more in the project that received its documents."""

from __future__ import annotations

import orjson
import pytest

from annotator import edits
from annotator.api import export
from annotator.categories import CATEGORIES, project_categories
from annotator.formats.loading import import_paths
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project


def _made(path, schema=None):  # type: ignore[no-untyped-def]
    """A project whose list holds 'Floods', set and taken off again: no document has it any more."""
    p = Project(path, schema=schema, annotator="vera")
    import_documents(
        p,
        [
            IncomingDocument("Rates rose again.", "a.txt", meta={CATEGORIES: ["ECONOMY"]}),
            IncomingDocument("Rain all week.", "b.txt"),
        ],
    )
    b = p.document_ids()[1]
    edits.set_categories(p, b, ["Floods"])
    edits.set_categories(p, b, [])
    assert project_categories(p) == ["ECONOMY", "Floods"]
    return p


@pytest.mark.parametrize("own_schema", [False, True], ids=["the-project-s-schema", "a-schema-adopted"])
def test_the_json_export_writes_the_list_and_its_import_reads_it_back(tmp_path, own_schema):
    # a schema the importing project lacks is adopted (formats.loading.store_results): the other way in
    import jsonschema

    from annotator.resources_path import resource_path
    from annotator.schema import parse_schema

    schema = parse_schema('[schema]\nname = "desk"\n\n[[entity]]\nname = "DESKLABEL"\n') if own_schema else None
    with _made(tmp_path / "a.annotator", schema) as p:
        export(p, tmp_path / "a.json", "json")
    written = orjson.loads((tmp_path / "a.json").read_bytes())
    assert written["categories"] == ["ECONOMY", "Floods"]
    jsonschema.validate(written, orjson.loads(resource_path("export.schema.json").read_bytes()))
    with Project(tmp_path / "b.annotator", annotator="ida") as q:  # annotator import a.json
        report = import_paths(q, [tmp_path / "a.json"])
        assert not report.skipped
        assert (report.schema_adopted == "desk") is own_schema
        assert len(q.document_ids()) == 2
        assert project_categories(q) == ["ECONOMY", "Floods"]


def test_an_export_without_a_list_reads_as_before_and_a_bad_list_is_refused_in_one_line(tmp_path):
    with Project(tmp_path / "none.annotator", annotator="vera") as p:
        import_documents(p, [IncomingDocument("Rates rose again.", "a.txt")])
        export(p, tmp_path / "none.json", "json")
    written = orjson.loads((tmp_path / "none.json").read_bytes())
    assert "categories" not in written  # absent when the project has none (as older files)
    written["categories"] = ["sport", "two\nlines"]
    (tmp_path / "bad.json").write_bytes(orjson.dumps(written))
    with Project(tmp_path / "b.annotator", annotator="ida") as q:
        ((where, why),) = import_paths(q, [tmp_path / "bad.json"]).skipped
        assert (
            why
            == f"{tmp_path / 'bad.json'}: its 'categories' cannot be used: 'two\\nlines' is not a category: a category is a label of one line"
        )
        assert q.document_ids() == [] and project_categories(q) == []  # nothing stored
        import_paths(q, [tmp_path / "none.json"])  # no list: the documents alone, as before
        assert len(q.document_ids()) == 1 and project_categories(q) == []


def test_merge_carries_a_source_s_list_into_the_target(tmp_path):
    from annotator.teams.merge import merge_projects

    _made(tmp_path / "vera.annotator").close()
    with Project(tmp_path / "team.annotator", annotator="lead") as target:
        import_documents(target, [IncomingDocument("Rates rose again.", "a.txt", meta={CATEGORIES: ["markets"]})])
        merge_projects(target, [tmp_path / "vera.annotator"], ["vera"])
        assert project_categories(target) == ["markets", "ECONOMY", "Floods"]


def test_the_whole_way_by_the_commands_annotator_file_team_json_another_project(tmp_path, capsys):
    from annotator.cli import main

    _made(tmp_path / "vera.annotator").close()
    team, out = tmp_path / "team.annotator", tmp_path / "team.json"
    assert main(["merge", str(team), str(tmp_path / "vera.annotator"), "--annotator", "lead"]) == 0
    assert main(["export", str(team), "-o", str(out)]) == 0
    assert main(["import", str(tmp_path / "next.annotator"), str(out), "--annotator", "ida"]) == 0
    capsys.readouterr()
    for path in (team, tmp_path / "next.annotator"):
        with Project(path, create=False) as p:
            assert project_categories(p) == ["ECONOMY", "Floods"], path.name
