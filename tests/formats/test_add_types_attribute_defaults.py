"""An event attribute ``--add-types`` adds (a Prodigy file's ``Negation``, told from its events) gave the events
already in the project no value (a binary one read as false) while every event made after it has the default: since
session 21 (s21-realb) the events already there are given the attribute's default in the import's transaction, as a
migration of the data gives a new column's, and the summary says how many; the file's own events keep the values it
gives them."""

from __future__ import annotations

import orjson

from annotator import api

TEXT = "Maria Lopez met the mayor of Lyon on Monday."


def task(name: str, attributes: dict[str, str] | None) -> dict:
    event = {
        "type": "Contact:Meet",
        "start": 12,
        "end": 15,
        "arguments": [{"role": "Entity", "start": 0, "end": 11, "label": "PERSON"}],
    }
    if attributes is not None:
        event["attributes"] = attributes
    return {
        "text": TEXT.replace("Maria", name),
        "spans": [{"start": 0, "end": 11, "label": "PERSON"}, {"start": 12, "end": 15, "label": "Contact:Meet"}],
        "events": [event],
        "meta": {"name": f"{name}.txt"},
        "answer": "accept",
    }


def write(path, *tasks):  # type: ignore[no-untyped-def]
    path.write_bytes(b"".join(orjson.dumps(t) + b"\n" for t in tasks))
    return path


def test_the_events_already_there_get_the_added_attributes_default(busy, tmp_path):
    api.import_files(busy, [write(tmp_path / "first.jsonl", task("Maria", None), task("Ana", None))], format="prodigy")
    assert busy.schema.attribute("Negation") is None
    src = write(tmp_path / "second.jsonl", task("Eva", {"Negation": "true"}))
    report = api.import_files(busy, [src], format="prodigy", add_types=True)
    assert report.types_added == ["attribute Negation"]
    assert busy.schema.attribute("Negation").default == "false"
    got = {busy.document(d).name: [v.attributes.get("Negation") for v in busy.events(d)] for d in busy.document_ids()}
    assert got == {"seed.txt": [], "Maria.txt": ["false"], "Ana.txt": ["false"], "Eva.txt": ["true"]}
    assert report.defaults_given == [("Negation", "false", 2)]
    assert "2 events already in the project given Negation 'false' (its default)" in report.summary()
    (maria,) = busy.events(busy.document_ids()[1])
    assert maria.attributes == {  # its own attributes as they were, the added one after them
        "polarity": "Positive",
        "modality": "Asserted",
        "tense": "Past",
        "genericity": "Specific",
        "Negation": "false",
    }
