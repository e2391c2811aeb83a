"""``export --json``'s problems name where each lies for a script to read: the document's id and name, the label and
the span's offsets (start, end exclusive, code points), beside the sentence; None where a problem has no place
(session 34: the sentence alone, ``d.txt: entity ORG [2, 9) -> [0, 13)``, to be parsed)."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project

TEXT = "Gunmen killed three soldiers near Kabul."


def _project(tmp_path):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        doc = IncomingDocument(TEXT, "kabul.txt")
        doc.entities += [
            IncomingEntity("kab", 34, 39, "GPE"),
            IncomingEntity("in", 35, 38, "LOC"),  # inside Kabul: not on token edges, then overlapping
            IncomingEntity("gun", 2, 9, "ORG"),  # 'nmen ki': widened to 'Gunmen killed'
        ]
        doc.events.append(IncomingEvent("Conflict:Attack", 7, 13, {}, []))
        import_documents(p, [doc])
        doc_id = p.document_ids()[0]
    return path, doc_id


def _problems(capsys, project, fmt, out):
    assert main(["export", str(project), "-f", fmt, "-o", str(out), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["problems"]


def test_conll_problems_carry_document_label_and_offsets(tmp_path, capsys):
    project, doc_id = _project(tmp_path)
    problems = _problems(capsys, project, "conll", tmp_path / "o.conll")
    got = {(p["kind"], p["document"], p["name"], p["label"], p["start"], p["end"]) for p in problems}
    assert ("spans widened to token edges", doc_id, "kabul.txt", "ORG", 2, 9) in got
    assert ("spans widened to token edges", doc_id, "kabul.txt", "LOC", 35, 38) in got
    assert ("overlapping entities left out", doc_id, "kabul.txt", "LOC", 35, 38) in got
    assert ("events left out (the format holds entities alone)", doc_id, "kabul.txt", "Conflict:Attack", 7, 13) in got
    keys = {"kind", "message", "document", "name", "label", "start", "end"}
    assert all(set(p) == keys and p["message"] for p in problems)


def test_a_span_left_out_by_a_sentence_format_is_placed(tmp_path, capsys):
    project, doc_id = _project(tmp_path)
    out = tmp_path / "o.jsonl"
    assert main(["export", str(project), "-f", "dygiepp", "-o", str(out), "--option", "misaligned=skip", "--json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    left = [p for p in problems if p["kind"] == "spans left out (not on token edges)"]
    assert {(p["document"], p["label"], p["start"], p["end"]) for p in left} == {
        (doc_id, "LOC", 35, 38),
        (doc_id, "ORG", 2, 9),
    }
