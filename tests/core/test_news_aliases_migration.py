"""Migration 8: a project on the news schema stored before the schema declared ACE's names (aliases) gets the bundled
news.toml's, so ACE's PER is the news schema's PERSON there too (an older news project refused a DyGIE++ file with
PER: "label 'PER' is not in the schema"), and its DyGIE++ export can write ACE's names."""

from __future__ import annotations

import re
import sqlite3

import orjson

from annotator import migrations
from annotator.cli import main
from annotator.schema import default_schema, parse_schema
from annotator.store import Project

BEFORE = migrations.MIGRATIONS.index(migrations._m8_news_aliases)  # the format before migration 8


def old_news_source() -> str:
    """news.toml as it was before session 8: no aliases, no role_aliases (its comments and the rest as they are)."""
    source = default_schema().source
    source = re.sub(r"^aliases = .*\n", "", source, flags=re.MULTILINE)
    return re.sub(r"^role_aliases = \{.*?\}\s*\}?\n", "", source, flags=re.MULTILINE | re.DOTALL)


def old_project(tmp_path, source: str):  # type: ignore[no-untyped-def]
    """A project made before migration 8 on ``source``, with a document in it."""
    (tmp_path / "a.txt").write_text("Rebels attacked the convoy.", encoding="utf-8")
    p = tmp_path / "old.annotator"
    Project(p, schema=parse_schema(source, "old news.toml")).close()
    assert main(["import", str(p), str(tmp_path / "a.txt")]) == 0
    conn = sqlite3.connect(p)
    conn.execute(f"PRAGMA user_version = {BEFORE}")
    conn.commit()
    conn.close()
    return p


def test_an_older_news_project_takes_aces_per_after_the_upgrade(tmp_path, capsys):
    source = old_news_source()
    old = parse_schema(source, "old")
    assert not any(e.aliases for e in old.entities) and not old.role_aliases
    p = old_project(tmp_path, source)
    line = {
        "doc_key": "ace-1",
        "sentences": [["Rebels", "attacked", "the", "convoy", "on", "Friday", "."]],
        "ner": [[[0, 0, "PER"], [3, 3, "VEH"], [5, 5, "DATE"]]],
        "events": [[[[1, "Conflict.Attack"], [0, 0, "Attacker"], [3, 3, "Target"], [5, 5, "Time-Within"]]]],
    }
    path = tmp_path / "ace.json"
    path.write_bytes(orjson.dumps(line) + b"\n")
    assert main(["import", str(p), str(path)]) == 0, capsys.readouterr().err
    with Project(p, create=False) as project:
        news = default_schema()
        assert project.schema.label("PERSON").aliases == ("PER",)
        assert project.schema.role_aliases == news.role_aliases
        assert old.event_type("Conflict:Attack").aliases == ()
        assert project.schema.event_type("Conflict:Attack").aliases == ("Conflict.Attack",)
        # the rest as it was: the same labels, types, roles and rules; the old source's lines kept
        assert project.schema.to_dict() == old.to_dict()
        assert set(source.splitlines()) <= set(project.schema.source.splitlines())
        (_, ace) = project.document_ids()
        text = project.document(ace).text
        assert sorted((text[e.start : e.end], e.label) for e in project.entities(ace)) == [
            ("Friday", "DATE"),
            ("Rebels", "PERSON"),
            ("convoy", "PRODUCT"),
        ]
        (attack,) = project.events(ace)
        assert (attack.type, sorted(a.role for a in attack.arguments)) == (
            "Conflict:Attack",
            ["Attacker", "Target", "Time"],
        )
        versions = project.db.conn.execute("SELECT count(*) FROM schemas").fetchone()[0]
    assert versions == 2  # a new version of the schema; the old one kept below it
    assert list(tmp_path.glob(f"old.annotator.v{BEFORE}.bak*"))  # the copy any upgrade makes first


def test_a_schema_of_its_own_or_one_that_has_them_is_left_as_it_is(tmp_path):
    own = (
        "[schema]\nname = 'news'\n[[entity]]\nname = 'PERSON'\n[[event]]\nname = 'Life:Die'\n"
        "[[event.role]]\nname = 'Victim'\nlabels = ['PERSON']\n"
    )
    for k, source in enumerate((own, default_schema().source)):
        (tmp_path / str(k)).mkdir()
        p = old_project(tmp_path / str(k), source)
        with Project(p, create=False) as project:
            assert project.schema.source == source  # not the news schema (a label or type lacking), or has them
            assert project.db.conn.execute("SELECT count(*) FROM schemas").fetchone()[0] == 1
            assert migrations.user_version(project.db.conn) == migrations.LATEST


def test_a_session_8_news_project_gets_the_event_types_aliases_alone(tmp_path):
    # session 8's news.toml: entities' aliases and role_aliases, no event type's
    source = re.sub(r'^aliases = \["\w+\.[\w-]+"\]\n', "", default_schema().source, flags=re.MULTILINE)
    old = parse_schema(source, "session 8")
    assert old.label("PERSON").aliases == ("PER",) and not any(t.aliases for t in old.events)
    p = old_project(tmp_path, source)
    with Project(p, create=False) as project:
        assert project.schema.to_data() == default_schema().to_data()  # the bundled one's aliases, each once
        assert project.schema.source.count("role_aliases") == source.count("role_aliases")
