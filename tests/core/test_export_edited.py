"""The project's JSON says which annotations a person edited (format version 4): a suggestion relabelled or resized,
an event retyped or given another argument, each ``edited``; one accepted as it came, not. Read back, the flag is
kept; a file of version 3 (which does not say) reads as edited by nobody; a flag that is not true or false refuses
the file."""

from __future__ import annotations

import orjson
import pytest
from core_helpers import add_document
from test_project_json import validate_json_export, validate_jsonl_export

from annotator import edits
from annotator.errors import ImportFileError
from annotator.formats.project_json import write_json, write_jsonl
from annotator.formats.project_json_read import read_json
from annotator.importing import import_documents
from annotator.store import Project
from annotator.suggest.types import EventSuggestion
from annotator.suggest.writer import WriteCounts, write_events

TEXT = "Rebels attacked Kabul on Monday. Police arrested Ahmad Shah in Herat."
SOURCE = "spacy:test@1"
ALL = ("suggested", "accepted", "rejected", "added")


def at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


@pytest.fixture
def edited_world(project):
    """Suggestions, some of them changed by a person: Kabul relabelled, 'Ahmad' widened to 'Ahmad Shah', Herat
    accepted as it came, Monday left undecided; the Attack suggestion retyped, the Arrest one accepted as it came."""
    doc = add_document(project, TEXT)

    def suggest(word: str, label: str) -> int:
        return edits.add_entity(project, doc, *at(word), label, state="suggested", source=SOURCE).result_id

    kabul, ahmad, herat = suggest("Kabul", "PERSON"), suggest("Ahmad", "PERSON"), suggest("Herat", "GPE")
    suggest("Monday", "DATE")
    edits.relabel_entity(project, kabul, "GPE")
    edits.resize_entity(project, ahmad, *at("Ahmad Shah"))
    edits.accept_entity(project, herat)
    with project.transaction():
        write_events(
            project,
            doc,
            [
                EventSuggestion("Conflict:Attack", *at("attacked"), 0.7),
                EventSuggestion("Justice:Arrest-Jail", *at("arrested"), 0.8),
            ],
            SOURCE,
            WriteCounts(),
        )
    ids = {v.type: v.id for v in project.events(doc)}
    edits.set_event_type(project, ids["Conflict:Attack"], "Conflict:Demonstrate")
    edits.accept_event(project, ids["Justice:Arrest-Jail"])
    return doc


def _flags(doc: dict) -> dict[str, bool]:
    out = {e["text"]: e["edited"] for e in doc["entities"]}
    out.update({v["trigger"]["text"]: v["edited"] for v in doc["events"]})
    return out


EXPECTED = {"Kabul": True, "Ahmad Shah": True, "Herat": False, "Monday": False, "attacked": True, "arrested": False}


def test_json_and_jsonl_say_what_a_person_edited(project, edited_world, tmp_path):
    write_json(project, tmp_path / "out.json")
    data = validate_json_export(tmp_path / "out.json")  # the JSON Schema requires the flag
    assert data["version"] == 7
    assert _flags(data["documents"][0]) == EXPECTED
    write_jsonl(project, tmp_path / "out.jsonl")
    (line,) = validate_jsonl_export(tmp_path / "out.jsonl")
    assert _flags(line) == EXPECTED


def test_the_flag_comes_back_on_import(project, edited_world, tmp_path):
    write_json(project, tmp_path / "out.json", states=ALL)
    with Project(tmp_path / "back.annotator") as back:
        import_documents(back, read_json(tmp_path / "out.json"))
        edited = {r[0] for r in back.db.conn.execute("SELECT label FROM entities WHERE edited = 1")}
        assert edited == {"GPE", "PERSON"}  # Kabul relabelled GPE, Ahmad Shah resized (Herat, GPE, not edited)
        assert back.db.conn.execute("SELECT count(*) FROM entities WHERE edited = 1").fetchone()[0] == 2
        (retyped,) = back.db.conn.execute("SELECT type FROM events WHERE edited = 1").fetchall()
        assert retyped[0] == "Conflict:Demonstrate"
        write_json(back, tmp_path / "again.json", states=ALL)
    assert _flags(orjson.loads((tmp_path / "again.json").read_bytes())["documents"][0]) == EXPECTED


def test_older_files_read_as_edited_by_nobody_and_a_bad_flag_is_refused(project, edited_world, tmp_path):
    write_json(project, tmp_path / "out.json")
    data = orjson.loads((tmp_path / "out.json").read_bytes())
    old = orjson.loads(orjson.dumps(data))
    old["version"] = 3
    for doc in old["documents"]:
        for item in doc["entities"] + doc["events"]:
            del item["edited"]
    (tmp_path / "old.json").write_bytes(orjson.dumps(old))
    with Project(tmp_path / "old.annotator") as back:
        import_documents(back, read_json(tmp_path / "old.json"))
        assert back.db.conn.execute("SELECT count(*) FROM entities WHERE edited = 1").fetchone()[0] == 0
        assert back.db.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    data["documents"][0]["entities"][0]["edited"] = "yes"
    (tmp_path / "bad.json").write_bytes(orjson.dumps(data))
    with pytest.raises(ImportFileError, match="'edited' must be true or false"):
        read_json(tmp_path / "bad.json")


def test_an_export_target_s_folder_is_checked_in_the_export_s_own_words(tmp_path, monkeypatch) -> None:
    """What the app's export dialog asks before it closes (``check_target_folder``): a folder this user cannot write
    is named as the export names it. Root writes anything, so the refusal of ``os.access`` stands in for a folder
    of another user's (the whole export as ``nobody``: docs/reliability.md, round 12 of session 20)."""
    import os

    from annotator import exporting
    from annotator.errors import AnnotatorError

    exporting.check_target_folder(tmp_path / "out.json")  # writable: nothing said
    with pytest.raises(AnnotatorError, match=r"nowhere: no such folder$"):
        exporting.check_target_folder(tmp_path / "nowhere" / "out.json")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(AnnotatorError) as exc:
        exporting.check_target_folder(tmp_path / "out.json")
    assert (
        str(exc.value) == f"{tmp_path / 'out.json'}: cannot write in {tmp_path}: Permission denied; nothing was written"
    )
