"""The stored schema is read from its parsed copy: an open parses the TOML only when the source has no valid copy."""

from __future__ import annotations

import sqlite3

import pytest

from annotator import migrations, schema_cache
from annotator.schema import Schema, default_schema, parse_schema
from annotator.store import Project

WITH_SUGGESTION_DATA = """
[schema]
name = "tiny"
description = "one of each"

[[entity]]
name = "PER"
color = "#ff0000"
key = "p"

[[entity]]
name = "LOC"

[[attribute]]
name = "polarity"
values = ["positive", "negative"]
default = "positive"

[[event]]
name = "Life:Marry"
description = "a wedding"
triggers = ["marry", "wed"]
weak_triggers = ["engage"]
cues = ["bride", "groom"]
blockers = ["press"]
[[event.role]]
name = "Person"
labels = ["PER"]
multiplicity = "one_or_more"
slots = ["subj", "obj"]
[[event.role]]
name = "Place"
labels = ["LOC"]
"""


@pytest.fixture
def counted(monkeypatch):
    calls: list[str] = []

    def parse(source: str, where: str = "<schema>", **kw) -> Schema:
        calls.append(where)
        return parse_schema(source, where, **kw)

    monkeypatch.setattr(schema_cache, "parse_schema", parse)
    return calls


@pytest.mark.parametrize("source", [WITH_SUGGESTION_DATA, None])
def test_the_parsed_data_gives_back_the_same_schema(source):
    schema = parse_schema(source) if source else default_schema()
    back = Schema.from_data(schema.to_data(), schema.source)
    assert back == schema
    assert [(t.weak_triggers, t.cues, t.blockers, [r.slots for r in t.roles]) for t in back.events] == [
        (t.weak_triggers, t.cues, t.blockers, [r.slots for r in t.roles]) for t in schema.events
    ]
    assert (back.source, back.description) == (schema.source, schema.description)


def test_a_second_open_does_not_parse_the_schema_again(tmp_path, counted):
    path = tmp_path / "p.annotator"
    with Project(path, schema=parse_schema(WITH_SUGGESTION_DATA)):
        pass
    for _ in range(2):
        with Project(path, create=False) as p:
            assert p.schema == parse_schema(WITH_SUGGESTION_DATA)
            assert p.schema.event_type("Life:Marry").weak_triggers == ("engage",)
    assert counted == []


def test_a_file_without_a_copy_is_parsed_once_then_read_from_the_copy(tmp_path, counted):
    path = tmp_path / "p.annotator"
    with Project(path, schema=parse_schema(WITH_SUGGESTION_DATA)) as p:
        p.db.conn.execute("UPDATE schemas SET parsed = NULL")  # as after the upgrade to format 5
    for _ in range(3):
        with Project(path, create=False) as p:
            assert p.schema.label("PER").key == "p"
    assert len(counted) == 1


def test_a_source_changed_outside_the_app_is_parsed_again(tmp_path, counted):
    path = tmp_path / "p.annotator"
    with Project(path, schema=parse_schema(WITH_SUGGESTION_DATA)):
        pass
    conn = sqlite3.connect(path)
    with conn:
        conn.execute('UPDATE schemas SET source = replace(source, \'"wed"\', \'"wed", "elope"\')')
    conn.close()
    with Project(path, create=False) as p:
        assert p.schema.event_type("Life:Marry").triggers == ("marry", "wed", "elope")
    assert len(counted) == 1


def test_a_damaged_copy_is_ignored_and_a_read_only_open_still_reads(tmp_path, counted):
    path = tmp_path / "p.annotator"
    with Project(path, schema=parse_schema(WITH_SUGGESTION_DATA)) as p:
        p.db.conn.execute('UPDATE schemas SET parsed = \'{"format": 1, "sha256": 3\'')
    with Project(path, create=False, read_only=True) as p:
        assert p.schema.label_names == ["PER", "LOC"]
    assert len(counted) == 1


def test_a_file_at_format_4_gets_the_column_and_keeps_its_schema(tmp_path, at_format):
    path = tmp_path / "old.annotator"
    with at_format(4), Project(path, schema=parse_schema(WITH_SUGGESTION_DATA)):
        pass
    with Project(path, create=False) as p:
        assert migrations.user_version(p.db.conn) == migrations.LATEST
        assert p.schema == parse_schema(WITH_SUGGESTION_DATA)
        (copy,) = p.db.conn.execute("SELECT parsed FROM schemas").fetchone()
    assert schema_cache.from_copy(copy, parse_schema(WITH_SUGGESTION_DATA).source) == p.schema
