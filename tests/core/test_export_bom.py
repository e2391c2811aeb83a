"""A file's byte order mark survives the project's JSON (format version 5): a document whose .txt began with a UTF-8
BOM says so (``"bom": true``, only then), and imported into a second project it is recorded again
(``documents.bom``). A file of version 4 (which does not say) reads as without one; a flag that is not true or false
refuses the file. docs/reliability.md, round 12 of session 20, found the second project's documents with bom 0.
The one export that writes a document's text as a file of its own, brat's ``.txt``, writes the mark back (brat reads
it as a character: the ``.ann`` offsets count it), so the file comes out as it went in."""

from __future__ import annotations

import orjson
import pytest
from test_json_stream import force, reference
from test_project_json import validate_json_export, validate_jsonl_export

from annotator import edits
from annotator.errors import ImportFileError
from annotator.formats import json_stream
from annotator.formats.brat import write_brat
from annotator.formats.loading import import_paths
from annotator.formats.project_json import write_json, write_jsonl
from annotator.formats.project_json_read import read_json
from annotator.model import STATES
from annotator.store import Project

WITH_BOM = "\ufeffRebels attacked Kabul on Monday.\r\nPolice arrested Ahmad Shah in Herat.\r\n".encode()
WITHOUT = b"Protesters gathered outside parliament in Tunis."


def corpus(project: Project, tmp_path) -> None:
    """Two .txt files imported as a user does: one began with a BOM (and has CRLF lines), one did not."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bom.txt").write_bytes(WITH_BOM)
    (folder / "plain.txt").write_bytes(WITHOUT)
    report = import_paths(project, [folder])
    assert len(report.imported) == 2


def boms(project: Project) -> dict[str, int]:
    return dict(project.db.conn.execute("SELECT name, bom FROM documents").fetchall())


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_bom_survives_the_json_into_a_second_project(project, tmp_path, fmt):
    corpus(project, tmp_path)
    assert boms(project) == {"bom.txt": 1, "plain.txt": 0}
    out = tmp_path / f"out.{fmt}"
    if fmt == "json":
        write_json(project, out)
        data = validate_json_export(out)  # the JSON Schema takes the key
        assert data["version"] == 7
        docs = data["documents"]
    else:
        write_jsonl(project, out)
        docs = validate_jsonl_export(out)
    said = {d["name"]: d.get("bom") for d in docs}
    assert said == {"bom.txt": True, "plain.txt": None}  # said only where true: the other document has no key
    assert {d["name"]: d["text"] for d in docs}["bom.txt"] == WITH_BOM.decode()[1:]  # the text has no BOM
    with Project(tmp_path / "second.annotator") as second:
        report = import_paths(second, [out])
        assert len(report.imported) == 2
        assert boms(second) == {"bom.txt": 1, "plain.txt": 0}
        texts = dict(second.db.conn.execute("SELECT name, text FROM documents").fetchall())
        assert texts["bom.txt"].encode() == WITH_BOM[3:]  # the text as it was, CRLF kept


@pytest.mark.parametrize("mode", ["one process", "two processes"])
def test_the_streamed_export_writes_the_flag_as_the_records_say(project, tmp_path, monkeypatch, mode):
    """Both ways of writing the export (reader threads, a second process) give the bytes of orjson's dump of
    ``iter_document_records``, which says ``bom`` right after ``meta``."""
    force(monkeypatch, mode)
    monkeypatch.setattr(json_stream, "CHUNK", 1)
    corpus(project, tmp_path)
    for fmt, write in (("json", write_json), ("jsonl", write_jsonl)):
        write(project, tmp_path / f"out.{fmt}", states=STATES)
        assert (tmp_path / f"out.{fmt}").read_bytes() == reference(project, fmt, STATES)
    assert b'"meta":{},"bom":true,' in (tmp_path / "out.json").read_bytes()


def test_older_files_read_as_without_a_bom_and_a_bad_flag_is_refused(project, tmp_path):
    corpus(project, tmp_path)
    write_json(project, tmp_path / "out.json")
    data = orjson.loads((tmp_path / "out.json").read_bytes())
    old = orjson.loads(orjson.dumps(data))
    old["version"] = 4
    for doc in old["documents"]:
        doc.pop("bom", None)
    (tmp_path / "old.json").write_bytes(orjson.dumps(old))
    with Project(tmp_path / "old.annotator") as back:
        assert len(import_paths(back, [tmp_path / "old.json"]).imported) == 2
        assert boms(back) == {"bom.txt": 0, "plain.txt": 0}
    for bad in ("yes", 1, None):
        data["documents"][0]["bom"] = bad
        (tmp_path / "bad.json").write_bytes(orjson.dumps(data))
        with pytest.raises(ImportFileError, match="'bom' must be true or false"):
            read_json(tmp_path / "bad.json")


def test_a_txt_with_a_bom_comes_out_of_brat_as_it_went_in_after_a_json_round_trip(project, tmp_path):
    """A .txt with a BOM imported, exported to JSON, imported into a second project, exported as text (brat's
    folder): the same bytes; its .ann offsets count the BOM as brat does, and the folder reads back to the same
    offsets."""
    corpus(project, tmp_path)
    doc = dict(project.db.conn.execute("SELECT name, id FROM documents").fetchall())["bom.txt"]
    text = WITH_BOM.decode()[1:]
    kabul = text.index("Herat")  # after a CRLF: brat counts it as one character, the BOM as one more
    edits.add_entity(project, doc, kabul, kabul + 5, "GPE")
    write_json(project, tmp_path / "out.json")
    with Project(tmp_path / "second.annotator") as second:
        import_paths(second, [tmp_path / "out.json"])
        write_brat(second, tmp_path / "brat")
    assert (tmp_path / "brat" / "bom.txt").read_bytes() == WITH_BOM
    assert (tmp_path / "brat" / "plain.txt").read_bytes() == WITHOUT
    brat_text = WITH_BOM.decode().replace("\r\n", "\n")  # as brat reads the file: the BOM a character
    start = brat_text.index("Herat")
    assert (tmp_path / "brat" / "bom.ann").read_text(encoding="utf-8") == f"T1\tGPE {start} {start + 5}\tHerat\n"
    with Project(tmp_path / "third.annotator") as third:
        import_paths(third, [tmp_path / "brat"])
        assert boms(third) == {"bom.txt": 1, "plain.txt": 0}
        assert third.db.conn.execute("SELECT start, end, label FROM entities").fetchall() == [(kabul, kabul + 5, "GPE")]
