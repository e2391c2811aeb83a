"""Migration 10: a project on the news schema stored before the schema declared the words its ORG, GPE, LOC and FAC
abbreviate as their aliases (``organization``, ``Location``; session 21) gets them, as migration 8 gave ACE's names:
such a project holding documents refused a Label Studio file labelled ``organization`` ("labels it lacks"), where a
new news project takes it as ``ORG``."""

from __future__ import annotations

import json
import re
import sqlite3

from annotator import migrations
from annotator.cli import main
from annotator.schema import default_schema, parse_schema
from annotator.store import Project

BEFORE = migrations.MIGRATIONS.index(migrations._m10_news_words)  # the format before migration 10
WORDS = re.compile(r'^aliases = \["(ORG|GPE|LOC|FAC)", .*\]\n', re.MULTILINE)


def test_an_older_news_project_takes_organization_as_org_after_the_upgrade(tmp_path, capsys):
    source = WORDS.sub("", default_schema().source)  # news.toml as session 20 left it
    old = parse_schema(source, "session 20")
    assert old.label("ORG").aliases == () and old.label("PERSON").aliases == ("PER",)
    (tmp_path / "a.txt").write_text("A text already here.", encoding="utf-8")
    p = tmp_path / "old.annotator"
    Project(p, schema=old).close()
    assert main(["import", str(p), str(tmp_path / "a.txt")]) == 0
    conn = sqlite3.connect(p)
    conn.execute(f"PRAGMA user_version = {BEFORE}")
    conn.commit()
    conn.close()
    text = "Reuters reported from the Tigris."
    result = [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 7, "text": "Reuters", "labels": ["organization"]}},
        {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 26, "end": 32, "text": "Tigris", "labels": ["location"]}},
    ]  # fmt: skip
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([{"data": {"text": text}, "annotations": [{"result": result}]}]), encoding="utf-8")
    assert main(["import", str(p), str(src)]) == 0, capsys.readouterr().err
    with Project(p, create=False) as project:
        assert project.schema.label("ORG").aliases == ("ORG", "Organization", "Organisation")
        assert project.schema.to_data() == default_schema().to_data()
        assert set(source.splitlines()) <= set(project.schema.source.splitlines())  # its lines kept
        doc = project.document_ids()[-1]
        assert sorted((e.start, e.label) for e in project.entities(doc)) == [(0, "ORG"), (26, "LOC")]
        assert migrations.user_version(project.db.conn) == migrations.LATEST
