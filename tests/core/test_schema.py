"""Schemas: the shipped news schema, and bad schema files rejected with the line and the reason."""

from __future__ import annotations

import re

import pytest

from annotator.cli import main
from annotator.errors import SchemaError
from annotator.schema import MULTIPLICITIES, default_schema, load_schema, parse_schema
from annotator.resources_path import resource_path
from annotator.store import Project

ROOT_SCHEMA = resource_path("schemas/news.toml")

ONTONOTES = {
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "DATE",
    "TIME",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
}
ACE = {
    "Life": ["Be-Born", "Marry", "Divorce", "Injure", "Die"],
    "Movement": ["Transport"],
    "Transaction": ["Transfer-Ownership", "Transfer-Money"],
    "Business": ["Start-Org", "Merge-Org", "Declare-Bankruptcy", "End-Org"],
    "Conflict": ["Attack", "Demonstrate"],
    "Contact": ["Meet", "Phone-Write"],
    "Personnel": ["Start-Position", "End-Position", "Nominate", "Elect"],
    "Justice": [
        "Arrest-Jail",
        "Release-Parole",
        "Trial-Hearing",
        "Charge-Indict",
        "Sue",
        "Convict",
        "Sentence",
        "Fine",
        "Execute",
        "Extradite",
        "Acquit",
        "Appeal",
        "Pardon",
    ],
}


# -- the shipped schema ---------------------------------------------------------------------------
def test_news_labels():
    s = default_schema()
    assert s.name == "news"
    assert set(s.label_names) == ONTONOTES and len(s.entities) == 18
    colours = [e.color for e in s.entities]
    assert len(set(colours)) == 18
    keys = [e.key for e in s.entities]
    assert None not in keys and len(set(keys)) == 18
    assert all(e.description for e in s.entities)


def test_news_colours_are_readable_with_black_text():
    def luminance(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for e in default_schema().entities:
        contrast = (luminance(e.color) + 0.05) / 0.05  # against black text
        assert contrast >= 7, (e.name, e.color, contrast)


def test_news_event_types_are_ace_2005():
    s = default_schema()
    expected = {f"{k}:{v}" for k, vs in ACE.items() for v in vs}
    assert len(expected) == 33
    assert set(s.event_type_names) == expected
    for t in s.events:
        roles = {r.name for r in t.roles}
        assert "Time" in roles, t.name
        assert all(r.multiplicity in MULTIPLICITIES for r in t.roles)
        assert all(set(r.labels) <= ONTONOTES for r in t.roles)
        assert t.description and t.triggers
    without_place = {t.name for t in s.events if t.role("Place") is None}
    assert without_place == {"Movement:Transport", "Contact:Phone-Write", "Justice:Extradite"}


def test_news_meetings_and_visits_are_expressible():
    s = default_schema()
    meet = s.event_type("Contact:Meet")
    assert {r.name for r in meet.roles} == {"Entity", "Time", "Place"}
    assert {"PERSON", "ORG", "GPE"} <= set(meet.role("Entity").labels) and meet.role("Entity").repeatable
    assert "GPE" in meet.role("Place").labels and "DATE" in meet.role("Time").labels
    transport = s.event_type("Movement:Transport")
    assert {"Agent", "Artifact", "Vehicle", "Origin", "Destination", "Time"} <= {r.name for r in transport.roles}
    assert "PERSON" in transport.role("Artifact").labels
    assert "GPE" in transport.role("Destination").labels
    attack = s.event_type("Conflict:Attack")
    assert {"Attacker", "Target", "Instrument", "Place"} <= {r.name for r in attack.roles}


def test_news_attributes():
    s = default_schema()
    assert {a.name: a.values for a in s.attributes} == {
        "polarity": ("Positive", "Negative"),
        "modality": ("Asserted", "Other"),
        "tense": ("Past", "Present", "Future", "Unspecified"),
        "genericity": ("Specific", "Generic"),
    }
    assert s.default_attributes() == {
        "polarity": "Positive",
        "modality": "Asserted",
        "tense": "Past",
        "genericity": "Specific",
    }


def test_to_dict_is_plain_data():
    d = default_schema().to_dict()
    assert d["name"] == "news" and len(d["entities"]) == 18 and len(d["events"]) == 33
    meet = next(e for e in d["events"] if e["name"] == "Contact:Meet")
    assert meet["roles"][0] == {
        "name": "Entity",
        "labels": ["PERSON", "ORG", "GPE", "NORP"],
        "multiplicity": "one_or_more",
    }


# -- bad schema files -----------------------------------------------------------------------------
GOOD = """\
[schema]
name = "mini"

[[entity]]
name = "PERSON"
color = "#aabbcc"
key = "p"

[[entity]]
name = "GPE"
color = "#ccbbaa"

[[attribute]]
name = "polarity"
values = ["Positive", "Negative"]

[[event]]
name = "Meet"
triggers = ["met"]
  [[event.role]]
  name = "Entity"
  labels = ["PERSON"]
  multiplicity = "one_or_more"

[[event]]
name = "Visit"
  [[event.role]]
  name = "Entity"
  labels = ["PERSON"]
  [[event.role]]
  name = "Place"
  labels = ["GPE"]
  multiplicity = "optional"
"""


def line_of(text: str, needle: str, nth: int = 0) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[nth]


def test_good_minimal_schema():
    s = parse_schema(GOOD, "mini.toml")
    assert s.name == "mini" and s.label_names == ["PERSON", "GPE"]
    assert s.event_type("Visit").role("Place").labels == ("GPE",)
    assert s.event_type("Visit").role("Entity").multiplicity == "optional"
    assert s.source == GOOD


def test_suggestion_data_is_optional_and_read():
    plain = parse_schema(GOOD, "mini.toml")
    assert plain.event_type("Meet").cues == () and plain.event_type("Meet").weak_triggers == ()
    assert plain.event_type("Visit").role("Place").slots == ()
    source = GOOD.replace(
        'triggers = ["met"]',
        'triggers = ["met"]\nweak_triggers = ["see"]\ncues = ["summit", "talks"]\nblockers = ["press"]',
        1,
    )
    source = source.replace('labels = ["GPE"]', 'labels = ["GPE"]\n  slots = ["prep:in", "compound"]', 1)
    s = parse_schema(source, "mini.toml")
    assert s.event_type("Meet").weak_triggers == ("see",) and s.event_type("Meet").cues == ("summit", "talks")
    assert s.event_type("Meet").blockers == ("press",)
    assert s.event_type("Visit").role("Place").slots == ("prep:in", "compound")


def test_object_triggers_are_read_checked_and_kept_in_the_parsed_copy():
    # a word that names the type only with an object of a kind ("throw" an attack: what is thrown is a weapon)
    from annotator.schema import Schema

    source = GOOD.replace(
        'triggers = ["met"]', 'triggers = ["met"]\nobject_triggers = { see = "PERSON", host = ["cue", "GPE"] }', 1
    )
    schema = parse_schema(source, "mini.toml")
    assert schema.event_type("Meet").object_triggers == (("see", ("PERSON",)), ("host", ("cue", "GPE")))
    assert parse_schema(GOOD, "mini.toml").event_type("Meet").object_triggers == ()
    assert Schema.from_data(schema.to_data(), schema.source) == schema
    old = schema.to_data()  # a parsed copy stored before object triggers existed reads as having none
    old["events"] = [e[:9] for e in old["events"]]
    assert Schema.from_data(old, schema.source).event_type("Meet").object_triggers == ()
    for bad, reason in [
        ('object_triggers = ["see"]', "object_triggers of 'Meet' must be a table"),
        (
            'object_triggers = { see = "car" }',
            "'car' for 'see' is not one of cue, weapon, thing, named_person or an entity label",
        ),
        ("object_triggers = { see = [] }", "'see' needs a kind of object"),
        ('object_triggers = { met = "PERSON" }', "'met' is a trigger of 'Meet' already"),
    ]:
        with pytest.raises(SchemaError, match=re.escape(reason)):
            parse_schema(GOOD.replace('triggers = ["met"]', f'triggers = ["met"]\n{bad}', 1), "mini.toml")


def test_figurative_triggers_are_read_checked_and_kept_in_the_parsed_copy():
    # triggers that also name the act done in words between people ("attacked Rubio"): one of the type's own words
    from annotator.schema import Schema

    source = GOOD.replace('triggers = ["met"]', 'triggers = ["met"]\nfigurative_triggers = ["met"]', 1)
    schema = parse_schema(source, "mini.toml")
    assert schema.event_type("Meet").figurative_triggers == ("met",)
    assert parse_schema(GOOD, "mini.toml").event_type("Meet").figurative_triggers == ()
    assert Schema.from_data(schema.to_data(), schema.source) == schema
    old = schema.to_data()  # a parsed copy stored before figurative triggers existed reads as having none
    old["events"] = [e[:10] for e in old["events"]]
    assert Schema.from_data(old, schema.source).event_type("Meet").figurative_triggers == ()
    with pytest.raises(SchemaError, match=re.escape("'see' is none of its triggers or weak_triggers")):
        parse_schema(
            GOOD.replace('triggers = ["met"]', 'triggers = ["met"]\nfigurative_triggers = ["see"]', 1), "x.toml"
        )


def test_implied_types_are_read():
    source = GOOD.replace(
        'triggers = ["met"]', 'triggers = ["met"]\nimplies = [{type = "Visit", roles = {Entity = "Entity"}}]', 1
    )
    assert parse_schema(source, "mini.toml").event_type("Meet").implies == (("Visit", (("Entity", "Entity"),)),)
    plain = GOOD.replace('triggers = ["met"]', 'triggers = ["met"]\nimplies = ["Visit"]', 1)
    assert parse_schema(plain, "mini.toml").event_type("Meet").implies == (("Visit", ()),)
    assert parse_schema(GOOD, "mini.toml").event_type("Meet").implies == ()


def test_news_suggestion_data_for_every_event_type():
    s = load_schema(ROOT_SCHEMA)
    for t in s.events:
        assert len(t.triggers) + len(t.weak_triggers) >= 3, t.name
        assert t.cues, t.name
        assert not set(t.triggers) & set(t.weak_triggers), t.name


@pytest.mark.parametrize(
    "old,new,nth_line_needle,reason",
    [
        # bad TOML: the parser's own line
        ('name = "GPE"', 'name = "GPE', ('name = "GPE', 0), "not valid TOML"),
        # duplicate key in one table
        (
            'key = "p"',
            'key = "p"\ncolor = "#000000"',
            ('color = "#000000"', 0),
            "not valid TOML: Cannot overwrite a value",
        ),
        # an unknown label in the second event's second role: that role's labels line
        (
            'labels = ["GPE"]',
            'labels = ["GPE", "CITY"]',
            ('labels = ["GPE", "CITY"]', 0),
            "role 'Place' of 'Visit' names unknown label 'CITY'",
        ),
        # bad colour
        ('color = "#ccbbaa"', 'color = "orange"', ('color = "orange"', 0), "colour of 'GPE' must look like #a1b2c3"),
        ('color = "#ccbbaa"', 'color = "#ccbbaag"', ('color = "#ccbbaag"', 0), "must look like #a1b2c3"),
        # bad multiplicity: the second event's, not the first
        (
            'multiplicity = "optional"',
            'multiplicity = "many"',
            ('multiplicity = "many"', 0),
            "multiplicity 'many' of role 'Place'",
        ),
        # a label declared twice: the second declaration
        ('name = "GPE"', 'name = "PERSON"', ('name = "PERSON"', 1), "entity label 'PERSON' is declared twice"),
        # an event type declared twice
        ('name = "Visit"', 'name = "Meet"', ('name = "Meet"', 1), "event type 'Meet' is declared twice"),
        # a role twice
        ('name = "Place"', 'name = "Entity"', ('name = "Entity"', 2), "role 'Entity' appears twice in 'Visit'"),
        # a typo in a key
        ('color = "#ccbbaa"', 'colour = "#ccbbaa"', ("colour = ", 0), "unknown key 'colour' in [[entity]]"),
        # a shortcut key used twice
        (
            'color = "#ccbbaa"',
            'color = "#ccbbaa"\nkey = "p"',
            ('key = "p"', 1),
            "key 'p' of 'GPE' is already used by 'PERSON'",
        ),
        # attribute default outside its values
        (
            'values = ["Positive", "Negative"]',
            'values = ["Positive", "Negative"]\ndefault = "Maybe"',
            ('default = "Maybe"', 0),
            "default 'Maybe'",
        ),
        # an unknown section
        ("[schema]", "[labels]\nx = 1\n\n[schema]", ("[labels]", 0), "unknown section 'labels'"),
        # roles that are not tables
        (
            'triggers = ["met"]\n  [[event.role]]\n  name = "Entity"\n  labels = ["PERSON"]\n  multiplicity = "one_or_more"\n',
            'triggers = ["met"]\nrole = ["Entity"]\n',
            ('role = ["Entity"]', 0),
            "must be written as [[event.role]] tables",
        ),
        # triggers not a list of strings
        (
            'triggers = ["met"]',
            'triggers = "met"',
            ('triggers = "met"', 0),
            "triggers of 'Meet' must be a list of strings",
        ),
        # an empty label list
        ('labels = ["GPE"]', "labels = []", ("labels = []", 0), "must accept at least one label"),
        # a label with a space
        ('name = "GPE"', 'name = "G P E"', ('name = "G P E"', 0), "may hold only letters"),
        # suggestion data: cues and weak triggers are lists of strings, slots are known slot names
        (
            'triggers = ["met"]',
            'triggers = ["met"]\ncues = "summit"',
            ('cues = "summit"', 0),
            "cues of 'Meet' must be a list of strings",
        ),
        (
            'triggers = ["met"]',
            'triggers = ["met"]\nweak_triggers = [1]',
            ("weak_triggers = [1]", 0),
            "weak_triggers of 'Meet'",
        ),
        (
            'triggers = ["met"]',
            'triggers = ["met"]\nblockers = ""',
            ('blockers = ""', 0),
            "blockers of 'Meet' must be a list",
        ),
        (
            'triggers = ["met"]',
            'triggers = ["met"]\nimplies = ["Greet"]',
            ('implies = ["Greet"]', 0),
            "'Meet' implies 'Greet', which is not another event type",
        ),
        (
            'triggers = ["met"]',
            'triggers = ["met"]\nimplies = [{type = "Visit", roles = {Entity = "Host"}}]',
            ("implies = [", 0),
            "no role 'Host' in 'Visit'",
        ),
        (
            'labels = ["GPE"]',
            'labels = ["GPE"]\n  slots = ["prep:in", "beside"]',
            ('slots = ["prep:in", "beside"]', 0),
            "slot 'beside' of role 'Place' in 'Visit' is not one of",
        ),
    ],
)
def test_bad_schema_names_line_and_reason(old, new, nth_line_needle, reason):
    assert GOOD.count(old) >= 1
    source = GOOD.replace(old, new, 1)
    with pytest.raises(SchemaError) as info:
        parse_schema(source, "custom.toml")
    message = str(info.value)
    expected_line = line_of(source, *nth_line_needle)
    assert message.startswith(f"custom.toml:{expected_line}: "), message
    assert reason in message


def test_schema_without_entities():
    with pytest.raises(SchemaError, match="at least one \\[\\[entity\\]\\]"):
        parse_schema('[schema]\nname = "x"\n', "x.toml")


def test_load_schema_missing_file(tmp_path):
    with pytest.raises(SchemaError, match="cannot read schema file"):
        load_schema(tmp_path / "none.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'[schema]\nname = "caf\xe9"\n')
    with pytest.raises(SchemaError, match="cannot read schema file"):
        load_schema(bad)


# -- a project with its own schema ----------------------------------------------------------------
def test_init_with_custom_schema_stores_it(tmp_path, capsys):
    schema_file = tmp_path / "custom.toml"
    schema_file.write_text(GOOD, encoding="utf-8")
    project_file = tmp_path / "p.annotator"
    assert main(["init", str(project_file), "--schema", str(schema_file)]) == 0
    assert "schema 'mini'" in capsys.readouterr().out
    schema_file.unlink()  # the project does not need the file any more
    with Project(project_file, create=False) as p:
        assert p.schema.name == "mini"
        assert p.schema.source == GOOD
        assert p.schema.event_type("Visit") is not None


def test_init_with_bad_schema_is_one_clear_line(tmp_path, capsys):
    schema_file = tmp_path / "bad.toml"
    schema_file.write_text(GOOD.replace('multiplicity = "optional"', 'multiplicity = "lots"'), encoding="utf-8")
    project_file = tmp_path / "p.annotator"
    assert main(["init", str(project_file), "--schema", str(schema_file)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"annotator: error: {schema_file}:") and "multiplicity 'lots'" in err
    assert "\n" not in err
    assert not project_file.exists()


def test_entity_labels_in_any_script(tmp_path):
    # doccano and Label Studio projects are often labelled in Chinese, Russian, Hindi...: only ASCII was taken, so
    # such a project could not be brought in at all ("may hold only letters, digits, _ - : .")
    source = '[schema]\nname = "zh"\nversion = 1\n' + "".join(
        f'[[entity]]\nname = "{n}"\n' for n in ("关键数据", "ПЕРСОНА", "व्यक्ति", "Ort_2", "Life:Die")
    )
    schema = parse_schema(source)
    assert schema.label_names == ["关键数据", "ПЕРСОНА", "व्यक्ति", "Ort_2", "Life:Die"]
    with pytest.raises(SchemaError, match="may hold only letters"):
        parse_schema(source.replace("ПЕРСОНА", "ПЕР СОНА"))
    (tmp_path / "zh.toml").write_text(source, encoding="utf-8")
    text = "开展垃圾分类示范片区创建的街道占比达到100%"
    line = f'{{"id": 1, "text": "{text}", "label": [[19, 23, "关键数据"]]}}\n'
    (tmp_path / "zh.jsonl").write_text(line, encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(tmp_path / "zh.jsonl"), "--schema", str(tmp_path / "zh.toml")]) == 0
    with Project(project, create=False) as p:
        (doc,) = p.document_ids()
        assert [(text[e.start : e.end], e.label) for e in p.entities(doc)] == [("100%", "关键数据")]


def test_aliases_are_checked_and_kept_in_the_parsed_copy():
    from annotator.schema import Schema

    base = "[schema]\nname = 't'\n{head}[[entity]]\nname = 'PERSON'\naliases = ['PER']\n[[entity]]\nname = 'ORG'\n{org}"
    event = "[[event]]\nname = 'Meet'\n  [[event.role]]\n  name = 'Time'\n  labels = ['ORG']\n"
    with pytest.raises(SchemaError, match=r"t.toml:8: alias 'PER' of 'ORG' already names 'PERSON'"):
        parse_schema(base.format(head="", org="aliases = ['PER']\n"), "t.toml")
    own = parse_schema(base.format(head="", org="") + "[[entity]]\nname = 'PER'\n", "t.toml")
    assert own.label("PER") is not None  # a label of an alias's name (an import added it): its name is its own
    with pytest.raises(SchemaError, match="role_aliases names 'When', which no event type has as a role"):
        parse_schema(base.format(head="role_aliases = { When = ['Time-Within'] }\n", org="") + event, "t.toml")
    schema = parse_schema(base.format(head="role_aliases = { Time = ['Time-Within'] }\n", org="") + event, "t.toml")
    assert schema.role_aliases == (("Time", ("Time-Within",)),)
    assert Schema.from_data(schema.to_data(), schema.source) == schema
    old = schema.to_data()  # a parsed copy stored before aliases existed reads as having none
    old["entities"] = [e[:4] for e in old["entities"]]
    del old["role_aliases"]
    assert Schema.from_data(old, schema.source).label("PERSON").aliases == ()


def test_the_same_source_is_parsed_once_per_process(monkeypatch):
    """A Schema is immutable: the news schema was parsed again (27 ms CPU, tomllib is pure Python) at every project
    made; the same source, place and key rule now give the same object, parsed once."""
    import tomllib

    from annotator.schema import default_schema, parse_schema

    source = "[schema]\nname = 'once'\n[[entity]]\nname = 'PERSON'\n"
    calls: list[str] = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: calls.append(text) or real(text))
    first = parse_schema(source, "once.toml")
    assert parse_schema(source, "once.toml") is first
    assert len(calls) == 1
    assert default_schema() is default_schema()
    assert parse_schema(source, "other.toml") is not first  # errors name the place: another place parses again
