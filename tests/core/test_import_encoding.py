"""``annotator import --encoding NAME`` (session 28, the engineer's corpus): older news archives are Windows-1252 /
Latin-1, and each such file was refused ("not valid UTF-8"), the user sent to iconv. Named, the encoding reads the
text files (plain texts, JSONL, CSV, another tool's files) as it says; offsets are code points of the text as read."""

from __future__ import annotations

import json

import pytest

from annotator import api
from annotator.errors import ImportFileError, OptionError
from annotator.formats.loading import import_format, import_paths


def boms(project) -> dict[str, int]:
    return dict(project.db.conn.execute("SELECT name, bom FROM documents").fetchall())


TEXT = "Café owner José said “no comment” – he paid €500."


def test_a_cp1252_file_named_so_is_read_as_its_text_and_its_spans_export_back(project, tmp_path):
    """A .txt and a JSONL of spans in Windows-1252 (curly quotes, é, the dash and the euro): read as cp1252 the texts
    are the words, the spans over "José" and "“no comment”" are those words, and they export back so."""
    (tmp_path / "old.txt").write_bytes((TEXT + "\r\n").encode("cp1252"))
    line = {"id": "wire-1", "text": TEXT, "spans": [{"start": 11, "end": 15, "label": "PERSON"}]}
    (tmp_path / "wire.jsonl").write_bytes(json.dumps(line, ensure_ascii=False).encode("cp1252") + b"\n")
    report = api.import_files(project, [tmp_path / "old.txt", tmp_path / "wire.jsonl"], encoding="cp1252")
    assert report.skipped == [] and len(report.imported) == 2, report.summary()
    docs = {n: project.document(i) for n, i in report.imported}
    assert docs["old.txt"].text == TEXT + "\r\n" and docs["wire-1"].text == TEXT
    assert boms(project)["old.txt"] == 0
    (span,) = project.entities(docs["wire-1"].id)
    assert TEXT[span.start : span.end] == "José" and (span.start, span.end) == (11, 15)
    api.export(project, tmp_path / "out", "brat", states=("suggested", "accepted", "added"))
    ann = (tmp_path / "out" / "wire-1.ann").read_text(encoding="utf-8")
    assert "PERSON 11 15\tJosé" in ann, ann
    assert (tmp_path / "out" / "wire-1.txt").read_text(encoding="utf-8") == TEXT


def test_another_tools_file_is_read_in_the_encoding_named(project, tmp_path):
    """A CoNLL file (told from its content, and with --format) in Latin-1: its tokens are the words."""
    conll = tmp_path / "ner.conll"
    conll.write_bytes("José\tB-PERSON\nMuñoz\tI-PERSON\nspoke\tO\n".encode("latin-1"))
    report = import_paths(project, [conll], encoding="latin-1")
    assert report.skipped == [], report.skipped
    ((_, doc_id),) = report.imported
    text = project.document(doc_id).text
    (span,) = project.entities(doc_id)
    assert text[span.start : span.end] == "José Muñoz", text
    with pytest.raises(ImportFileError, match="not valid UTF-8"):  # without it: refused as before
        import_format(project, "conll", [conll])


def test_a_file_that_does_not_decode_so_is_refused_in_one_line_and_nothing_else_is_lost(project, tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes("Fiancée".encode("cp1252"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"line one\nabc \x81 def")  # 0x81: a byte Windows-1252 leaves undefined
    report = import_paths(project, [good, bad], encoding="cp1252")
    assert [n for n, _ in report.imported] == ["good.txt"]
    (reason,) = [r for _, r in report.skipped]
    assert reason == f"{bad}:2: not valid cp1252 (byte 13: character maps to <undefined>)", reason


def test_utf_16_is_read_though_its_bytes_hold_nuls(project, tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(TEXT.encode("utf-16"))  # with its byte order mark
    report = import_paths(project, [path], encoding="utf-16")
    ((_, doc_id),) = report.imported
    assert project.document(doc_id).text == TEXT
    # without --encoding its byte order mark names it (session 29: "binary file (contains NUL bytes)" until then)
    again = import_paths(project, [path])
    assert again.skipped == [] and len(again.duplicates) == 1, again.summary()


def test_an_unknown_encoding_is_refused_before_anything_is_read(project, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Police arrested John Smith.", encoding="utf-8")
    for name, said in (("latin-9000", "unknown encoding 'latin-9000'"), ("base64", "not a text encoding")):
        with pytest.raises(OptionError, match=said):
            api.import_files(project, [path], encoding=name)
        with pytest.raises(OptionError, match=said):
            api.check_import(None, None, False, name)
    assert project.document_ids() == []


def test_utf_8_named_reads_as_the_default_does(project, tmp_path):
    """--encoding utf-8 is the default's strict UTF-8: a byte order mark stripped and recorded."""
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    ((_, doc_id),) = import_paths(project, [path], encoding="UTF8").imported
    assert project.document(doc_id).text == TEXT and boms(project) == {"bom.txt": 1}


def test_the_command_line_takes_encoding_and_says_its_refusals_with_their_exit_codes(tmp_path, capsys):
    """0 read as named; 1 every file refused (not that encoding); 2 an unknown name, one usage line, nothing made."""
    from annotator.cli import main

    old = tmp_path / "old.txt"
    old.write_bytes(TEXT.encode("cp1252"))
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(old), "--encoding", "nope"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("annotator: error: argument --encoding: unknown encoding 'nope'"), line
    assert not project.exists()  # refused before anything was read or made
    assert main(["import", str(project), str(old)]) == 1
    assert "import it with --encoding cp1252" in capsys.readouterr().err
    assert main(["import", str(project), str(old), "--encoding", "windows-1252", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"].startswith("1 imported")
    with api.open_project(project) as p:
        (doc_id,) = p.document_ids()
        assert p.document(doc_id).text == TEXT
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81")
    assert main(["import", str(project), str(bad), "--encoding", "cp1252", "-f", "txt"]) == 1
    assert f"{bad}:1: not valid cp1252 (byte 0: character maps to <undefined>)" in capsys.readouterr().err
