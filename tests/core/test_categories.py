"""A document's categories (a text classification's labels: doccano's ``label``, Prodigy's textcat answers, Label
Studio's choices, spaCy's ``cats``) set by one edit, ``edits.set_categories``: the imports kept them and the exports
wrote them back, but nothing could change them (the app did not show them)."""

from __future__ import annotations

import orjson
import pytest

from project_support import new_project
from annotator import edits, recorder
from annotator.api import export
from annotator.categories import CATEGORIES, document_cats, project_categories
from annotator.errors import ValidationError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project


@pytest.fixture
def project(tmp_path):  # type: ignore[no-untyped-def]
    p = new_project(tmp_path / "p.annotator", annotator="vera")
    import_documents(
        p,
        [
            IncomingDocument("Rates rose again.", "a.txt", meta={CATEGORIES: ["ECONOMY"]}),
            IncomingDocument("Paris won the cup.", "b.txt", meta={"cats": {"SPORT": 1.0, "CITY": 0.0}}),
            IncomingDocument("Nothing here.", "c.txt"),
        ],
    )
    yield p
    p.close()


def _doccano_cats(project: Project, tmp_path) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.jsonl"
    export(project, out, "doccano")
    lines = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    return {line["text"]: line.get("cats", []) for line in lines}  # beside its entities, as doccano's intent lines


def test_the_categories_set_are_what_the_exports_write_and_undo_puts_them_back(project, tmp_path):
    a, b, c = project.document_ids()
    change = edits.set_categories(project, a, ["POLITICS", "ECONOMY"])
    assert project.document(a).meta[CATEGORIES] == ["ECONOMY", "POLITICS"]  # kept in their order, the new after
    assert _doccano_cats(project, tmp_path)["Rates rose again."] == ["ECONOMY", "POLITICS"]
    assert project.db.conn.execute("SELECT action FROM change_log ORDER BY id DESC LIMIT 1").fetchone() == (
        "set_categories",
    )
    recorder.undo(project, change)
    assert project.document(a).meta[CATEGORIES] == ["ECONOMY"]
    edits.set_categories(project, a, [])
    assert CATEGORIES not in project.document(a).meta
    assert "label" not in orjson.dumps(_doccano_cats(project, tmp_path)["Rates rose again."]).decode()


def test_spacy_cats_follow_the_choice_and_keep_every_label(project):
    """A label of spaCy's cats that no longer applies stays, at 0.0 (a textcat needs every label); one that applies
    again is 1.0: the DocBin export writes what was chosen."""
    b = project.document_ids()[1]
    edits.set_categories(project, b, ["CITY"])
    meta = project.document(b).meta
    assert meta["cats"] == {"SPORT": 0.0, "CITY": 1.0}
    assert document_cats(meta) == {"SPORT": 0.0, "CITY": 1.0}


def test_a_new_document_is_in_progress_after_it_and_the_same_categories_change_nothing(project):
    a, _, c = project.document_ids()
    assert edits.set_categories(project, a, ["ECONOMY"]).is_empty
    edits.set_categories(project, c, ["WEATHER"])
    assert project.document(c).status == "in_progress"
    assert project_categories(project) == ["ECONOMY", "SPORT", "CITY", "WEATHER"]


@pytest.mark.parametrize("bad", ["", "   ", "two\nlines"])
def test_a_bad_category_is_refused_and_nothing_changes(project, bad):
    a = project.document_ids()[0]
    before = project.db.conn.execute("SELECT count(*) FROM change_log").fetchone()
    with pytest.raises(ValidationError, match="is not a category"):
        edits.set_categories(project, a, ["SPORT", bad])
    assert project.document(a).meta[CATEGORIES] == ["ECONOMY"]
    assert project.db.conn.execute("SELECT count(*) FROM change_log").fetchone() == before


def test_the_project_keeps_the_categories_a_prodigy_choice_offered_and_those_no_document_has_any_more(tmp_path):
    # textcat.manual's answer: options offered, one chosen; the project offered the chosen one alone, and once it
    # was taken off its only document, none
    from annotator.formats.loading import import_format

    answer = {
        "text": "Rain all week.",
        "options": [{"id": "WEATHER", "text": "Weather"}, {"id": "SPORT", "text": "Sport"}],
        "accept": ["WEATHER"],
        "_view_id": "choice",
        "answer": "accept",
    }
    (tmp_path / "a.jsonl").write_bytes(orjson.dumps(answer) + b"\n")
    with new_project(tmp_path / "q.annotator", annotator="vera") as p:
        import_format(p, "prodigy", [tmp_path / "a.jsonl"])
        assert project_categories(p) == ["WEATHER", "SPORT"]
        (doc,) = p.document_ids()
        edits.set_categories(p, doc, ["Floods"])
        edits.set_categories(p, doc, [])
        assert project_categories(p) == ["WEATHER", "SPORT", "Floods"]


SCHEMA = """
[schema]
name = "desk"

[[entity]]
name = "ORG"

[[category]]
name = "economy"
description = "money, trade, jobs"

[[category]]
name = "weather"
"""


def test_a_schema_declares_the_categories_offered_before_any_document_has_one(tmp_path):
    from annotator.formats.project_json_read import header_schema
    from annotator.schema import parse_schema

    schema = parse_schema(SCHEMA, "desk.toml")
    assert schema.categories == ("economy", "weather")
    with Project(tmp_path / "d.annotator", schema=schema, annotator="vera") as p:
        import_documents(p, [IncomingDocument("Rates rose.", "a.txt", meta={CATEGORIES: ["markets"]})])
        assert project_categories(p) == ["economy", "weather", "markets"]
        export(p, tmp_path / "d.json", "json")
    import jsonschema

    from annotator.resources_path import resource_path

    written = orjson.loads((tmp_path / "d.json").read_bytes())
    jsonschema.validate(written, orjson.loads(resource_path("export.schema.json").read_bytes()))  # the JSON Schema too
    header = written["schema"]
    assert header_schema(header, "d.json").categories == ("economy", "weather")  # the JSON export's schema keeps them
    with Project(tmp_path / "d.annotator", create=False) as again:  # the stored schema's parsed copy too
        assert again.schema.categories == ("economy", "weather")


@pytest.mark.parametrize(
    "table, message",
    [
        ('name = " sport"', "desk.toml:13: category ' sport' must be one line without spaces around it"),
        ('name = "economy"', "desk.toml:13: category 'economy' is declared twice"),
        ('label = "x"', "desk.toml:13: unknown key 'label' in [[category]] (allowed: description, name)"),
    ],
)
def test_a_bad_category_in_a_schema_is_a_one_line_refusal(table, message):
    from annotator.schema import SchemaError, parse_schema

    with pytest.raises(SchemaError) as exc:
        parse_schema(SCHEMA.replace('name = "weather"', table), "desk.toml")
    assert str(exc.value) == message
