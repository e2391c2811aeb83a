"""Issue 9, point 16: a label key the app already uses (X rejects, E makes an event) is refused with its line."""

from __future__ import annotations

import pytest
from test_schema import GOOD, line_of

from annotator.errors import SchemaError
from annotator.schema import parse_schema
from annotator.store import Project


@pytest.mark.parametrize("key,what", [("x", "rejecting"), ("X", "rejecting"), ("e", "new event"), ("E", "new event")])
def test_app_keys_are_refused_with_the_line(key, what):
    source = GOOD.replace('key = "p"', f'key = "{key}"', 1)
    with pytest.raises(SchemaError) as info:
        parse_schema(source, "custom.toml")
    message = str(info.value)
    line = line_of(source, 'key = "' + key + '"')
    assert message.startswith(f"custom.toml:{line}: "), message
    assert f"key {key!r} of 'PERSON'" in message and what in message


def test_a_project_that_already_stored_such_a_schema_still_opens(tmp_path):
    path = tmp_path / "old.annotator"
    with Project(path, schema=parse_schema(GOOD, "good.toml")) as p:
        p.db.conn.execute("UPDATE schemas SET source = ?", (GOOD.replace('key = "p"', 'key = "x"', 1),))
    with Project(path, create=False) as p:
        assert p.schema.label("PERSON").key == "x"
