"""``import --json``: what an import did, for a script (the names and ids of the documents it made, what it
skipped and why); it had only the summary line, and a script read ``stats --json`` after it."""

from __future__ import annotations

import io
import json

from annotator.cli import main
from annotator.store import Project


def _strict(text: str) -> dict:
    def refuse(value: str) -> None:
        raise ValueError(value)

    return json.loads(text, parse_constant=refuse)


def test_import_json_names_each_document_with_its_id_and_each_file_skipped(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Maria Lopez met officials in Paris.", encoding="utf-8")
    (corpus / "b.txt").write_text("Maria Lopez met officials in Paris.", encoding="utf-8")  # a.txt again
    (corpus / "c.txt").write_bytes(b"\xff\xfe\x00\x00")
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(corpus), "--json"]) == 0
    out, err = capsys.readouterr()
    got = _strict(out)
    with Project(path, create=False) as p:
        ids = {p.document(d).name: d for d in p.document_ids()}
    assert got["imported"] == [{"name": "a.txt", "id": ids["a.txt"]}]
    assert got["duplicates"] == [{"name": "b.txt", "duplicate_of": ids["a.txt"]}]
    assert [s["path"] for s in got["skipped"]] == [str(corpus / "c.txt")] and "binary" in got["skipped"][0]["reason"]
    assert got["summary"] == "1 imported, 1 duplicate skipped, 1 file skipped"
    assert "skipped" in err  # the people's lines stay on stderr


def test_import_json_of_nothing_imported_is_json_with_exit_1(tmp_path, capsys):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    assert main(["import", str(tmp_path / "p.annotator"), str(tmp_path / "bad.txt"), "--json"]) == 1
    got = _strict(capsys.readouterr().out)
    assert got["imported"] == [] and len(got["skipped"]) == 1


def test_import_json_with_a_format_says_what_was_not_kept(tmp_path, capsys):
    f = tmp_path / "t.jsonl"
    f.write_text(
        '{"text": "Paris is big.", "label": [[0, 5, "GPE"]]}\n{"text": "x", "label": [[0, 50, "GPE"]]}\n',
        encoding="utf-8",
    )
    code = main(["import", str(tmp_path / "p.annotator"), str(f), "-f", "doccano", "--skip-bad", "--json"])
    got = _strict(capsys.readouterr().out)
    assert code == 0 and [d["name"] for d in got["imported"]] and got["entities"] == 1
    assert len(got["not_kept"]) == 1 and got["not_kept"][0].startswith(f"{f}:2: ") and "summary" in got


def test_import_json_from_standard_input_calls_it_so(tmp_path, capsys, monkeypatch):
    class Stdin:
        buffer = io.BytesIO(b"\xff\xfe\x00\x00")

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr("sys.stdin", Stdin())
    assert main(["import", str(tmp_path / "p.annotator"), "-", "--json"]) == 1
    got = _strict(capsys.readouterr().out)
    assert got["skipped"][0]["path"] == "standard input", got
