"""Issue 9, point 8: names that are not UTF-8 and lone surrogates in JSON: the file is reported (or kept with a
readable name) and the import goes on; an --annotator that is not UTF-8 is a one-line error."""

from __future__ import annotations

import json
import os

import pytest

from annotator.cli import main
from annotator.formats.loading import import_paths
from annotator.store import Project


def fs_name(raw: bytes) -> str:
    return os.fsdecode(raw)


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    for i in range(200):
        (d / f"t{i:03}.txt").write_text(f"Text number {i} about Paris.", encoding="utf-8")
    (d / fs_name(b"caf\xe9.txt")).write_bytes(b"Un caf\xe9 au lait.")  # Latin-1 name and Latin-1 text
    (d / fs_name(b"na\xefve.txt")).write_text("A naïve text in UTF-8.", encoding="utf-8")  # Latin-1 name only
    sub = d / fs_name(b"dossier\xe9")
    sub.mkdir()
    (sub / "inside.txt").write_text("Inside a folder named in Latin-1.", encoding="utf-8")
    (d / "meta.jsonl").write_text(
        '{"text": "Good line."}\n{"text": "Bad meta.", "meta": {"k": "\\ud800"}}\n', encoding="utf-8"
    )
    return d


def test_names_that_are_not_utf8_are_kept_readable_and_the_rest_goes_on(tmp_path, folder):
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        report = import_paths(p, [folder])
        names = {p.document(i).name for i in p.document_ids()}
        paths = {r[0] for r in p.db.conn.execute("SELECT source_path FROM documents")}
    assert len(report.imported) == 202  # 200 + naïve + inside; the Latin-1 text and the bad JSONL are skipped
    # the subfolder's file named with its path in the folder (session 28), the folder's name kept readable too
    assert "na\\xefve.txt" in names and "dossier\\xe9/inside.txt" in names
    assert any("dossier\\xe9" in x for x in paths)
    skipped = dict(report.skipped)
    assert len(skipped) == 2
    assert any("caf\\xe9.txt" in reason and "not valid UTF-8" in reason for reason in skipped.values())
    assert any("meta.jsonl:2" in reason and "surrogate" in reason for reason in skipped.values())


def test_label_studio_with_a_lone_surrogate_is_reported_and_others_go_on(tmp_path, capsys):
    bad = tmp_path / "ls.json"
    bad.write_text(
        json.dumps(
            [
                {"data": {"text": "Bad \ud800 surrogate"}, "annotations": []},
                {"data": {"text": "Good text"}, "annotations": []},
            ]
        ),
        encoding="utf-8",
    )
    good = tmp_path / "good.txt"
    good.write_text("A good file.", encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(bad), str(good)]) == 0
    captured = capsys.readouterr()
    assert "lone surrogate" in captured.err and "ls.json" in captured.err and "Traceback" not in captured.err
    assert main(["import", str(tmp_path / "q.annotator"), str(bad), "--format", "label_studio"]) == 1
    err = capsys.readouterr().err
    assert err.count("annotator: error:") == 1 and "lone surrogate" in err and "Traceback" not in err
    with Project(tmp_path / "p.annotator", create=False) as p:
        assert [p.document(i).text for i in p.document_ids()] == ["A good file."]


def test_an_annotator_name_that_is_not_utf8_is_one_line(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("A good file.", encoding="utf-8")
    code = main(["import", str(tmp_path / "p.annotator"), str(good), "--annotator", fs_name(b"Jos\xe9")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Jos\\xe9" in err and "UTF-8" in err and "Traceback" not in err
