"""Importing documents: exact text, strict UTF-8, bad files skipped by name, duplicates, folders, JSONL, batches."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from annotator.errors import ImportFileError
from annotator.importing import IncomingDocument, IncomingEntity, check_document, decode_text, import_documents
from annotator.formats.loading import import_paths
from annotator.formats.plain import read_jsonl

TRICKY = (
    "Line one\r\n\tTabbed line with trailing spaces   \r\n"
    "Emoji 😀 and 👩‍👩‍👧 family, combining e\u0301 and a\u0308, CJK 漢字, RTL שלום\n"
    "old Mac line\rend with spaces and no newline   "
)


def rows(project, sql, *params):
    return project.db.conn.execute(sql, params).fetchall()


def test_txt_text_stored_exactly(project, tmp_path):
    f = tmp_path / "tricky.txt"
    f.write_bytes(TRICKY.encode("utf-8"))
    report = import_paths(project, [f])
    assert report.skipped == [] and len(report.imported) == 1
    doc = project.document(report.imported[0][1])
    assert doc.text == TRICKY
    assert doc.text.encode("utf-8") == f.read_bytes()
    assert doc.name == "tricky.txt"
    assert doc.sha256 == hashlib.sha256(f.read_bytes()).hexdigest()
    assert doc.status == "new"
    assert rows(project, "SELECT bom, source_path FROM documents") == [(0, str(f))]


def test_bom_stripped_and_recorded(project, tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfHello\r\n")
    report = import_paths(project, [f])
    doc = project.document(report.imported[0][1])
    assert doc.text == "Hello\r\n"
    assert rows(project, "SELECT bom FROM documents") == [(1,)]
    # a BOM in the middle of a text is a character like any other
    assert decode_text("a\ufeffb".encode(), "x")[0] == "a\ufeffb"


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"", "empty file"),
        (b"\xef\xbb\xbf", "empty file"),
        (b"caf\xe9 au lait\n", "not valid UTF-8"),
        (b"ok line\nbad \xff\xfe here\n", "not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("surrogate \ud800".encode("utf-8", "surrogatepass"), "not valid UTF-8"),
    ],
)
def test_bad_files_skipped_by_name_rest_imported(project, tmp_path, content, reason):
    good1 = tmp_path / "a_good.txt"
    good1.write_text("First good document.", encoding="utf-8")
    bad = tmp_path / "b_bad.txt"
    bad.write_bytes(content)
    good2 = tmp_path / "c_good.txt"
    good2.write_text("Second good document.", encoding="utf-8")
    report = import_paths(project, [tmp_path])
    assert [n for n, _ in report.imported] == ["a_good.txt", "c_good.txt"]
    assert len(report.skipped) == 1
    path, message = report.skipped[0]
    assert path == str(bad)
    assert str(bad) in message and reason in message
    assert "skipped" in report.summary() and "2 imported" in report.summary()


def test_invalid_utf8_names_the_line(tmp_path):
    with pytest.raises(ImportFileError) as info:
        decode_text(b"one\ntwo\nth\xffree\n", "f.txt")
    assert info.value.line == 3 and str(info.value).startswith("f.txt:3: not valid UTF-8")


def test_missing_and_unknown_files_reported(project, tmp_path):
    odd = tmp_path / "table.csv"
    odd.write_text("a,b\n")
    report = import_paths(project, [tmp_path / "nope.txt", odd])
    reasons = dict(report.skipped)
    assert "no such file or folder" in reasons[str(tmp_path / "nope.txt")]
    assert "unknown kind of file '.csv'" in reasons[str(odd)]
    assert report.imported == []


def test_a_project_file_given_to_import_says_how_to_bring_it_in(project, tmp_path):
    """It said "unknown kind of file '.annotator'", as for a spreadsheet."""
    from annotator.store import Project

    other = tmp_path / "colleague.annotator"
    Project(other, annotator="c").close()
    report = import_paths(project, [other])
    reason = dict(report.skipped)[str(other)]
    assert "a project file" in reason and "annotator merge" in reason and "unknown kind" not in reason, reason
    assert len(reason.splitlines()) == 1


def test_duplicates_detected_by_sha256(project, tmp_path):
    (tmp_path / "a.txt").write_text("Same text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same text.", encoding="utf-8")  # same batch
    first = import_paths(project, [tmp_path])
    assert [n for n, _ in first.imported] == ["a.txt"]
    assert first.duplicates == [("b.txt", first.imported[0][1])]
    again = import_paths(project, [tmp_path / "a.txt"])  # a later import
    assert again.imported == [] and again.duplicates == [("a.txt", first.imported[0][1])]
    # a BOM does not make a different document, a different line ending does
    (tmp_path / "c.txt").write_bytes(b"\xef\xbb\xbfSame text.")
    (tmp_path / "d.txt").write_bytes(b"Same text.\r\n")
    third = import_paths(project, [tmp_path / "c.txt", tmp_path / "d.txt"])
    assert [n for n, _ in third.duplicates] == ["c.txt"] and [n for n, _ in third.imported] == ["d.txt"]
    assert len(project.document_ids()) == 2


def test_folders_recursive_sorted_known_kinds_only(project, tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "b.txt").write_text("B text")
    (tmp_path / "sub" / "a.txt").write_text("A text")
    (tmp_path / "sub" / "deeper" / "c.TXT").write_text("C text")
    (tmp_path / "sub" / "notes.md").write_text("not a document")
    (tmp_path / "sub" / ".hidden.txt").write_text("hidden files are left alone")
    (tmp_path / "docs.jsonl").write_text(json.dumps({"text": "D text", "name": "d"}) + "\n")
    report = import_paths(project, [tmp_path])
    # a subfolder's file named with its path in the folder given (session 28), a file at its top by its own name
    assert sorted(n for n, _ in report.imported) == ["b.txt", "d", "sub/a.txt", "sub/deeper/c.TXT"]
    # a file no reader recognises is reported, not passed over in silence (the project's own files are not input)
    assert [(Path(p).name, "unknown kind of file '.md'" in why) for p, why in report.skipped] == [("notes.md", True)]


def test_jsonl_with_spans_and_meta(project, tmp_path):
    f = tmp_path / "in.jsonl"
    text = "Angela Merkel visited Paris 🇫🇷 in May."
    lines = [
        {
            "id": "n1",
            "text": text,
            "meta": {"source": "wire"},
            "spans": [
                {"start": 0, "end": 13, "label": "PERSON"},
                {"start": 22, "end": 27, "label": "GPE"},
                {"start": 34, "end": 37, "label": "DATE"},
            ],
        },
        {"text": "No name here.\u2028A line separator inside the text."},
    ]
    f.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    report = import_paths(project, [f])
    assert report.skipped == [] and len(report.imported) == 2 and report.entities == 3
    d1 = project.document(report.imported[0][1])
    assert d1.name == "n1" and d1.meta == {"source": "wire", "id": "n1"}
    ents = project.entities(d1.id)
    assert [(text[e.start : e.end], e.label, e.state, e.source) for e in ents] == [
        ("Angela Merkel", "PERSON", "accepted", "import"),
        ("Paris", "GPE", "accepted", "import"),
        ("May", "DATE", "accepted", "import"),
    ]
    d2 = project.document(report.imported[1][1])
    assert d2.name == "in.jsonl:2" and "\u2028" in d2.text


def test_jsonl_with_entities_as_triples(project, tmp_path):
    """spaCy's training JSONL (and many NER datasets) give ``entities`` as ``[start, end, label]`` lists: read as
    spans (it was taken for the project's export and refused with "document 'name' must be a string")."""
    f = tmp_path / "train.jsonl"
    text = "Uber blew through $1 million a week in 🇫🇷 Paris."
    paris = text.index("Paris")
    lines = [{"text": text, "entities": [[0, 4, "ORG"], [18, 28, "MONEY"], [paris, paris + 5, "GPE"]]}]
    f.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    report = import_paths(project, [f])
    assert report.skipped == [] and len(report.imported) == 1 and report.entities == 3
    ents = project.entities(report.imported[0][1])
    assert [(text[e.start : e.end], e.label) for e in ents] == [
        ("Uber", "ORG"),
        ("$1 million", "MONEY"),
        ("Paris", "GPE"),
    ]


def test_jsonl_training_lines_without_entities_and_with_categories(project, tmp_path):
    """A sentence with no entity ("entities": [], common in NER training data) refused the whole file as "document
    'name' must be a string" (taken for the project's export); keys the input has and the project has no field for
    (doccano's intent export and spaCy's training JSONL give "cats") were dropped without a word: kept in meta."""
    f = tmp_path / "train.jsonl"
    lines = [
        {"text": "Paris is nice.", "entities": [[0, 5, "GPE"]], "cats": ["positive"]},
        {"text": "Nothing here.", "entities": []},
        {"text": "Rome too.", "cats": {"POS": 1.0, "NEG": 0.0}, "meta": {"source": "web"}},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    report = import_paths(project, [f])
    assert report.skipped == [] and len(report.imported) == 3 and report.entities == 1
    docs = [project.document(i) for _, i in report.imported]
    assert [d.meta for d in docs] == [
        {"cats": ["positive"], "doccano_form": {"entity_lists": True}},  # doccano's intent shape (session 38)
        {},
        {"source": "web", "cats": {"POS": 1.0, "NEG": 0.0}},
    ]


def test_jsonl_crlf_and_blank_lines(project, tmp_path):
    f = tmp_path / "crlf.jsonl"
    f.write_bytes(b'{"text": "one\\r\\n"}\r\n\r\n{"text": "two"}\r\n')
    report = import_paths(project, [f])
    assert [project.document(i).text for _, i in report.imported] == ["one\r\n", "two"]


@pytest.mark.parametrize(
    "bad_line,reason",
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "must be a JSON object"),
        ('{"name": "x"}', "'text' must be a non-empty string"),
        ('{"text": "abc", "spans": [{"start": 2, "end": 9, "label": "PERSON"}]}', "span 0 has bad offsets"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 2}]}', "span 0 needs a label"),
        ('{"text": "abc", "meta": 3}', "'meta' must be an object"),
        ('{"text": "abc", "entities": [[0, 9, "ORG"]]}', "entity 0 has bad offsets"),
    ],
)
def test_bad_jsonl_line_names_file_and_line_and_imports_nothing_from_it(project, tmp_path, bad_line, reason):
    f = tmp_path / "b.jsonl"
    f.write_text('{"text": "fine one"}\n{"text": "fine two"}\n' + bad_line + "\n", encoding="utf-8")
    other = tmp_path / "c.txt"
    other.write_text("Another file goes on.")
    report = import_paths(project, [f, other])
    assert [n for n, _ in report.imported] == ["c.txt"]
    ((path, message),) = report.skipped
    assert path == str(f)
    assert message.startswith(f"{f}:3: ") and reason in message


def test_jsonl_label_outside_schema_skips_the_file(project, tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text('{"text": "Bob", "spans": [{"start": 0, "end": 3, "label": "HUMAN"}]}\n')
    report = import_paths(project, [f])
    assert report.imported == []
    assert "label 'HUMAN' is not in the schema" in report.skipped[0][1]


def test_read_jsonl_empty_of_documents(tmp_path):
    f = tmp_path / "blank.jsonl"
    f.write_text("\n\n  \n")
    with pytest.raises(ImportFileError, match="no documents"):
        read_jsonl(f)


def test_batches_and_progress(project, tmp_path):
    for i in range(23):
        (tmp_path / f"{i:03}.txt").write_text(f"Document number {i}.")
    seen = []
    commits = []
    project.db.conn.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    report = import_paths(project, [tmp_path], batch=5, progress=lambda n, total, path: seen.append((n, total)))
    project.db.conn.set_trace_callback(None)
    assert len(report.imported) == 23
    assert seen[-1] == (23, 23) and len(seen) == 23
    assert len(commits) == 5  # 5 + 5 + 5 + 5 + 3


def test_import_documents_batches_and_change_log(project):
    docs = [IncomingDocument(text=f"Text {i}", name=f"d{i}") for i in range(7)]
    done = []
    report = import_documents(project, docs, batch=3, progress=done.append)
    assert done == [3, 3, 1]
    assert len(report.imported) == 7
    log = project.change_log()
    assert [r["action"] for r in log] == ["import_document"] * 7
    assert log[0]["rows"]["name"] == "d0" and log[0]["document_id"] == report.imported[0][1]


def test_import_documents_cancel_keeps_finished_batches(project):
    docs = [IncomingDocument(text=f"Text {i}", name=f"d{i}") for i in range(10)]
    report = import_documents(project, docs, batch=4, cancelled=lambda: True)
    assert len(report.imported) == 4 and len(project.document_ids()) == 4


def test_check_document_rules(project):
    ok = IncomingDocument(text="Bob met Ann", name="x", entities=[IncomingEntity(1, 0, 3, "PERSON")])
    check_document(project, ok, "w")
    bad = [
        (IncomingDocument(text="abc", name="x", status="done"), "unknown status"),
        (IncomingDocument(text="abc", name="x", entities=[IncomingEntity(1, 0, 9, "PERSON")]), "outside the text"),
        (
            IncomingDocument(text="abc", name="x", entities=[IncomingEntity(1, 0, 2, "PERSON", state="odd")]),
            "unknown entity state",
        ),
    ]
    for doc, reason in bad:
        with pytest.raises(ImportFileError, match=reason):
            check_document(project, doc, "w")


def test_org_in_a_person_only_role_is_refused_with_file_and_line(project, tmp_path):
    """The schema's rules are the same for an import as for an edit: Life:Be-Born's Person takes PERSON only."""
    good = {
        "name": "a",
        "text": "Acme was born.",
        "entities": [{"id": 1, "start": 0, "end": 4, "label": "PERSON"}],
        "events": [
            {
                "type": "Life:Be-Born",
                "trigger": {"start": 9, "end": 13},
                "arguments": [{"role": "Person", "entity_id": 1}],
            }
        ],
    }
    bad = {**good, "name": "b", "text": "Acme was born!", "entities": [{**good["entities"][0], "label": "ORG"}]}
    f = tmp_path / "roles.jsonl"
    f.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    report = import_paths(project, [f])
    assert report.imported == [] and len(report.skipped) == 1
    assert report.skipped[0][1] == f"{f}:2: document 'b': role Person of Life:Be-Born takes PERSON, not ORG"
