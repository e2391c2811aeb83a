"""Session 7's qa pass, importing what a first user has at hand: a DyGIE++ export read back, and events-dev's own
file as it is. Each refused in words that did not say what the file was or what to do (events-dev's file now comes
in: its texts, its events kept in meta)."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project
from tests.formats.conftest import fill

TEXT = "Police arrested the man in Paris on Monday."
EVENTS_DEV_LINE = {
    "name": "VOA_EN_NW_2009.12.09.416313.txt",
    "text": TEXT,
    "events": [
        {
            "type": "Justice:Arrest-Jail",
            "trigger": [7, 15],
            "trigger_text": "arrested",
            "arguments": [{"role": "Person", "span": [16, 23], "text": "the man"}],
        }
    ],
}


def test_events_dev_file_as_it_is_brings_its_texts_in_and_keeps_its_events_in_meta(tmp_path, capsys):
    """Its events give the trigger as [start, end] and arguments as spans without an entity label. Session 7 refused
    the whole file (saying why); a first-hour user (s19-qab) took events-dev's own dev.jsonl for a file to annotate and
    got nothing, the reason cut in the app's status line. Now its texts come in, each line's events kept as they were
    in the document's meta, and the import says once what was not made events."""
    src = tmp_path / "dev.jsonl"
    src.write_text(json.dumps(EVENTS_DEV_LINE) + "\n", encoding="utf-8")
    proj = tmp_path / "p.annotator"
    assert main(["import", str(proj), str(src)]) == 0
    said = capsys.readouterr()
    err = said.out + said.err
    assert "1 imported" in err and "1 event with the trigger as a [start, end] list" in err and "meta 'events'" in err
    with Project(proj, annotator="t") as p:
        (doc_id,) = p.document_ids()
        doc = p.document(doc_id)
        assert doc.text == TEXT and doc.name == EVENTS_DEV_LINE["name"]
        assert doc.meta["events"] == EVENTS_DEV_LINE["events"]
        assert p.events(doc_id) == [] and p.entities(doc_id) == []


def test_an_event_without_a_trigger_is_named_by_its_place(tmp_path, capsys):
    line = {"name": "a", "text": TEXT, "events": [{"type": "Justice:Arrest-Jail"}]}
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(src)]) == 1
    assert "document 'a': event 1 has no trigger" in capsys.readouterr().err


def test_a_dygiepp_export_read_back_is_read_as_dygiepp(tmp_path, capsys):
    """The DyGIE++ export imported by name (.jsonl) was refused as "document 'text' must be a non-empty string", then
    as a format annotator did not read; it is read as DyGIE++ now (formats/dygiepp.py: read_dygiepp)."""
    proj = tmp_path / "p.annotator"
    p = Project(proj, annotator="t")
    fill(p)
    p.close()
    out = tmp_path / "events.jsonl"
    assert main(["export", str(proj), "--format", "dygiepp", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "back.annotator"), str(out)]) == 0
    err = capsys.readouterr().err
    assert "'text' must be a non-empty string" not in err
    assert f"{out}: read as DyGIE++" in err


def test_a_docbin_found_by_its_content_says_read_as_once(tmp_path, capsys):
    """'ex/c.spacy: read as spaCy DocBin' then 'note: ex/c.spacy: read as a spaCy DocBin (20 Docs)': said twice."""
    proj = tmp_path / "p.annotator"
    p = Project(proj, annotator="t")
    fill(p)
    p.close()
    out = tmp_path / "c.spacy"
    assert main(["export", str(proj), "--format", "spacy", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "back.annotator"), str(out)]) == 0
    text = capsys.readouterr()
    said = (text.out + text.err).lower()
    assert said.count("read as") == 1 and " in the docbin" in said
