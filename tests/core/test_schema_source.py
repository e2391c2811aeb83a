"""schema_source: the one writer of schema files (JSON export headers and brat's annotation.conf are turned into
schemas through it)."""

from __future__ import annotations

from annotator.schema import default_schema, parse_schema
from annotator.schema_write import schema_source


def test_written_source_parses_back_to_the_same_tables():
    odd = 'Quote " back\\slash\nnew line, Ünïcode ✓'
    source = schema_source(
        {"name": "odd", "description": odd},
        [{"name": "PER", "description": odd, "color": "#aabbcc", "key": None}, {"name": "LOC"}],
        [{"name": "Polarity", "values": ["Positive", "Negative"], "default": "Positive"}],
        [
            {
                "name": "Meet",
                "description": None,
                "triggers": ["meet", "talks"],
                "roles": [{"name": "Entity", "labels": ["PER"], "multiplicity": "one_or_more"}],
            }
        ],
    )
    schema = parse_schema(source, app_keys=False)
    assert schema.label("PER").description == odd
    assert schema.label("PER").color == "#aabbcc"
    assert [a.name for a in schema.attributes] == ["Polarity"]
    meet = schema.event_type("Meet")
    assert tuple(meet.role("Entity").labels) == ("PER",) and meet.role("Entity").multiplicity == "one_or_more"
    assert "key" not in source  # None values are left out


def test_default_schema_through_its_dict_and_back():
    schema = default_schema()
    d = schema.to_dict()
    events = [
        {**{k: e.get(k) for k in ("name", "description", "triggers")}, "roles": e.get("roles") or []}
        for e in d["events"]
    ]
    ents = [{k: e.get(k) for k in ("name", "description", "color", "key")} for e in d["entities"]]
    back = parse_schema(schema_source({"name": d["name"]}, ents, d.get("attributes") or [], events), app_keys=False)
    assert back.label_names == schema.label_names
    assert list(back.event_type_names) == list(schema.event_type_names)
    assert [[r.name for r in e.roles] for e in back.events] == [[r.name for r in e.roles] for e in schema.events]
