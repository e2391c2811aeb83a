"""The DyGIE++ export in the schema's aliases (``--option names=aliases``: ACE's PER, Conflict.Attack, Time-Within for
the news schema, as DyGIE++'s ACE05-Event models and data name them), and its import back to the project's names."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.errors import SchemaError
from annotator.formats.schema_names import AliasNames
from annotator.schema import Schema, default_schema, parse_schema
from annotator.store import Project

# "Rebels attacked the convoy near Mosul on Friday ." in ACE's names, as dygiepp's collate/ace-event data writes them
LINE = {
    "doc_key": "ATTACK.1",
    "sentences": [["Rebels", "attacked", "the", "convoy", "near", "Mosul", "on", "Friday", "."]],
    "ner": [[[0, 0, "PER"], [3, 3, "VEH"], [5, 5, "GPE"], [7, 7, "DATE"]]],
    "events": [
        [[[1, "Conflict.Attack"], [0, 0, "Attacker"], [3, 3, "Target"], [5, 5, "Place"], [7, 7, "Time-Within"]]]
    ],
    "relations": [[]],
}


def names_of(project: Project) -> tuple[list[tuple[str, str]], list[tuple[str, list[str]]]]:
    (doc,) = project.document_ids()
    text = project.document(doc).text
    entities = sorted((text[e.start : e.end], e.label) for e in project.entities(doc))
    events = [(v.type, sorted(a.role for a in v.arguments)) for v in project.events(doc)]
    return entities, events


def test_the_export_writes_the_aliases_and_their_import_comes_back_to_the_projects_names(tmp_path, capsys):
    src = tmp_path / "ace.json"
    src.write_bytes(orjson.dumps(LINE) + b"\n")
    first = tmp_path / "first.annotator"
    assert main(["import", str(first), str(src)]) == 0
    out = tmp_path / "out.jsonl"
    assert main(["export", str(first), "-f", "dygiepp", "-o", str(out), "--option", "names=aliases"]) == 0
    said = capsys.readouterr()
    err = said.out + said.err
    (line,) = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert line["ner"] == [[[0, 0, "PER"], [3, 3, "VEH"], [5, 5, "GPE"], [7, 7, "DATE"]]]
    assert line["events"] == LINE["events"]  # Conflict:Attack as Conflict.Attack, Time as Time-Within
    # a name with several aliases is written as its first, and said (PRODUCT holds VEH and WEA; Time eight roles)
    assert "names written as the first of their aliases: PRODUCT written as VEH (1; its aliases: VEH, WEA)" in err
    second = tmp_path / "second.annotator"
    assert main(["import", str(second), str(out)]) == 0
    with Project(first, create=False) as a, Project(second, create=False) as b:
        assert names_of(b) == names_of(a)
        assert names_of(b) == (
            [("Friday", "DATE"), ("Mosul", "GPE"), ("Rebels", "PERSON"), ("convoy", "PRODUCT")],
            [("Conflict:Attack", ["Attacker", "Place", "Target", "Time"])],
        )
        assert b.schema.name == "news"  # nothing told from the file: every alias is the news schema's
    mine = tmp_path / "mine.jsonl"  # names=schema writes the project's own names (the default: the file's, session 17)
    assert main(["export", str(first), "-f", "dygiepp", "-o", str(mine), "--option", "names=schema"]) == 0
    (line,) = [orjson.loads(x) for x in mine.read_bytes().splitlines()]
    assert line["events"][0][0][0] == [1, "Conflict:Attack"] and line["ner"][0][0] == [0, 0, "PERSON"]


def test_a_bad_names_value_is_refused_in_one_line(tmp_path, capsys):
    p = tmp_path / "p.annotator"
    src = tmp_path / "ace.json"
    src.write_bytes(orjson.dumps(LINE) + b"\n")
    assert main(["import", str(p), str(src)]) == 0
    capsys.readouterr()
    assert main(["export", str(p), "-f", "dygiepp", "-o", str(tmp_path / "o.jsonl"), "--option", "names=ace"]) != 0
    assert "option names must be one of file, schema, aliases, not 'ace'" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_alias_names_take_the_first_alias_and_leave_a_name_without_one():
    names = AliasNames(default_schema())
    assert names.label("PERSON") == "PER" and names.label("ORG") == "ORG"
    assert names.event_type("Life:Die") == "Life.Die" and names.role("Victim") == "Victim"
    assert names.role("Time") == "Time-Within"
    assert names.notes() == [
        "Time written as Time-Within (1; its aliases: " + ", ".join(dict(default_schema().role_aliases)["Time"]) + ")"
    ]


def test_an_event_types_aliases_are_parsed_kept_and_one_type_each():
    src = (
        "[schema]\nname = 't'\n[[entity]]\nname = 'PER'\n"
        "[[event]]\nname = 'Life:Die'\naliases = ['Life.Die', 'die']\n"
        "[[event]]\nname = 'Life:Be-Born'\naliases = ['Life.Be-Born']\n"
    )
    schema = parse_schema(src, "t.toml")
    assert schema.event_type("Life:Die").aliases == ("Life.Die", "die")
    assert Schema.from_data(schema.to_data(), src).event_type("Life:Die").aliases == ("Life.Die", "die")
    with pytest.raises(SchemaError, match="t.toml:10: alias 'die' of 'Life:Be-Born' already names 'Life:Die'"):
        parse_schema(src.replace("['Life.Be-Born']", "['die']"), "t.toml")
