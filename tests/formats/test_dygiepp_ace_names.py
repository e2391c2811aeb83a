"""DyGIE++'s ACE05-Event names mapped to the news schema's on import: event types and roles by separator and case
(``conflict_attack``, ``Conflict.Attack``, ``attacker``), ACE's entity types by the aliases the schema declares (PER,
VEH, WEA; ACE's Time-* roles); what has no match is kept as it is and said.

The lines are our own, in the shapes of dwadden/dygiepp's fixtures: ``dygie/tests/fixtures/ace_event_article.json``
(lower-case types with underscores, lower-case roles, ``time`` entities) and ``collate/ace-event/dev.json`` (dotted
types, capitalised roles)."""

from __future__ import annotations

import orjson

from annotator.formats.dygiepp import read_dygiepp
from annotator.formats.schema_names import SchemaNames, name_key
from annotator.schema import default_schema, parse_schema

# "Protesters marched in Boston on Saturday ." / "Police arrested two men with rifles ." / "Bush pardoned him ."
LOWER = {
    "doc_key": "CNN_LOWER.1",
    "sentences": [
        ["Protesters", "marched", "in", "Boston", "on", "Saturday", "."],
        ["Police", "arrested", "two", "men", "with", "rifles", "."],
    ],
    "ner": [
        [[0, 0, "PER"], [3, 3, "GPE"], [5, 5, "time"]],
        [[7, 7, "ORG"], [9, 10, "PER"], [12, 12, "WEA"]],
    ],
    "events": [
        [[[1, "conflict_demonstrate"], [0, 0, "entity"], [3, 3, "place"], [5, 5, "time"]]],
        [[[8, "justice_arrest-jail"], [7, 7, "agent"], [9, 10, "person"]]],
    ],
    "dataset": "ace-event",
}
DOTTED = {
    "doc_key": "AFP_DOTTED.2",
    "sentences": [["Rebels", "attacked", "the", "convoy", "on", "Friday", "."]],
    "ner": [[[0, 0, "PER"], [3, 3, "VEH"], [5, 5, "TIME"]]],
    "events": [[[[1, "Conflict.Attack"], [0, 0, "Attacker"], [3, 3, "Target"], [5, 5, "Time-Within"]]]],
}


def write_lines(path, *lines):  # type: ignore[no-untyped-def]
    path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    return path


def test_ace_names_map_to_the_news_schema_and_nothing_is_told(tmp_path):
    result = read_dygiepp(write_lines(tmp_path / "ace.json", LOWER, DOTTED))
    assert result.schema is None  # every name had its match: the project's schema takes the file
    lower, dotted = result.documents
    assert sorted((lower.text[e.start : e.end], e.label) for e in lower.entities) == [
        ("Boston", "GPE"),
        ("Police", "ORG"),
        ("Protesters", "PERSON"),
        ("Saturday", "TIME"),  # ACE's "time" is the schema's TIME by case alone
        ("rifles", "PRODUCT"),  # WEA: the schema says PRODUCT holds ACE's weapons
        ("two men", "PERSON"),
    ]
    assert [(v.type, [r for r, _ in v.arguments]) for v in lower.events] == [
        ("Conflict:Demonstrate", ["Entity", "Place", "Time"]),
        ("Justice:Arrest-Jail", ["Agent", "Person"]),
    ]
    (attack,) = dotted.events
    assert (attack.type, [r for r, _ in attack.arguments]) == ("Conflict:Attack", ["Attacker", "Target", "Time"])
    (said,) = [n for n in result.notes if "names matched" in n]
    assert "Time-Within -> Time (1)" in said and "WEA -> PRODUCT (1)" in said and "PER -> PERSON (3)" in said
    assert "conflict_demonstrate -> Conflict:Demonstrate (1)" in said and "entity -> Entity (1)" in said
    assert not [n for n in result.notes if "no match" in n]


def test_names_without_a_match_are_kept_as_they_are_and_said(tmp_path):
    pardon = {
        "doc_key": "PARDON.3",
        "sentences": [["Bush", "broadcast", "it", ".", "It", "cost", "$", "5", "."]],
        "ner": [[[0, 0, "PER"], [2, 2, "PER"], [6, 7, "VALUE"]]],
        "events": [[[[1, "Contact.Broadcast"], [0, 0, "Entity"], [2, 2, "Audience"]]]],
    }
    result = read_dygiepp(write_lines(tmp_path / "p.json", DOTTED, pardon))
    told = (
        result.schema
    )  # the news schema lacks Contact.Broadcast (an ERE type) and VALUE: a schema is told from the file
    assert told is not None and told.label("VALUE") is not None and told.event_type("Contact.Broadcast") is not None
    assert told.event_type("Conflict:Attack") is not None  # what matched comes in by the schema's names
    (doc,) = [d for d in result.documents if d.name == "PARDON.3"]
    assert sorted(e.label for e in doc.entities) == ["PERSON", "PERSON", "VALUE"]
    assert [(v.type, [r for r, _ in v.arguments]) for v in doc.events] == [
        ("Contact.Broadcast", ["Entity", "Audience"])  # its roles keep their names with it
    ]
    (said,) = [n for n in result.notes if "no match" in n]
    assert said == (
        f"{tmp_path / 'p.json'}: no match in the schema (news), kept as they are: entity label VALUE (1); "
        "event type Contact.Broadcast (1)"
    )


def test_the_rule_is_separator_and_case_and_an_ambiguous_name_matches_nothing():
    assert name_key("Conflict.Attack") == name_key("conflict_attack") == name_key("Conflict:Attack")
    assert name_key("Start-Position") == name_key("start_position")
    schema = parse_schema(
        "[schema]\nname = 't'\n"
        "[[entity]]\nname = 'PER-SON'\naliases = ['P']\n"
        "[[entity]]\nname = 'PERSON'\n"
        "[[entity]]\nname = 'ORG'\n",
        "t.toml",
    )
    names = SchemaNames(schema)
    assert names.label("person") == "person"  # PER-SON and PERSON both: neither
    assert names.label("P") == "PER-SON" and names.label("org") == "ORG" and names.label("ORG") == "ORG"
    assert names.unmatched == {("entity label", "person"): 1}
    assert dict(names.mapped) == {("entity label", "P", "PER-SON"): 1, ("entity label", "org", "ORG"): 1}


def test_the_news_schema_declares_aces_names_as_data():
    news = default_schema()
    assert news.label("PERSON").aliases == ("PER",) and news.label("PRODUCT").aliases == ("VEH", "WEA")
    assert "Time-Within" in dict(news.role_aliases)["Time"]


def test_a_label_named_like_an_alias_keeps_its_own_name():
    schema = parse_schema(
        "[schema]\nname = 't'\n[[entity]]\nname = 'PERSON'\naliases = ['PER']\n[[entity]]\nname = 'PER'\n", "t.toml"
    )
    names = SchemaNames(schema)
    assert names.label("PER") == "PER" and not names.mapped  # the name first, then the aliases
