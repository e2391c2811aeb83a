"""Our DocBin of a project whose ``Contact:Meet`` event came from a Prodigy file as ``Meet`` writes the event as the
file spelt it (``Meet``); imported into a new news project it was refused ("event types the schema 'news' lacks:
Meet (a DocBin brings no roles for them ...)"), though the Prodigy file itself comes in as ``Contact:Meet``. Since
session 21 (s21-realb) the DocBin's event type is matched by the rule a file's declared type is
(``SchemaNames.declared_type``: the one type whose last part it is)."""

from __future__ import annotations

import orjson

from annotator import api
from tests.formats.test_prodigy_event_types import TASK


def test_a_docbin_event_spelt_as_a_leaf_comes_back_as_the_schemas_type(tmp_path):
    task = {**TASK, "events": [{k: v for k, v in TASK["events"][0].items() if k != "attributes"}]}
    src = tmp_path / "meet.jsonl"
    src.write_bytes(orjson.dumps(task) + b"\n")
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [src], format="prodigy")
    out = tmp_path / "o.spacy"
    api.export(first, out, "spacy")
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [out], format="spacy")
    (doc,) = second.document_ids()
    text = second.document(doc).text
    ents = {e.id: text[e.start : e.end] for e in second.entities(doc)}
    got = [(v.type, sorted((a.role, ents[a.entity_id]) for a in v.arguments)) for v in second.events(doc)]
    assert got == [("Contact:Meet", [("Entity", "Maria Lopez"), ("Place", "Lyon")])]
