"""An import holds the project's write lock only for its inserts: every row (the text's digest, the JSON of its
metadata, events, tokens and change log) is made before ``BEGIN IMMEDIATE`` (``annotator.import_rows``). A file is
still stored whole or not at all, in one transaction; the app's edits wait only for the inserts
(bench/import_lock.py measures it: docs/reliability.md)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pytest

from annotator.formats.loading import import_paths
from annotator.store import Project


def write_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = f"Maria Lopez met John Smith in Paris. (report {i})"
            doc = {
                "name": f"r{i}",
                "text": text,
                "meta": {"n": i},
                "entities": [{"id": 1, "start": 0, "end": 11, "label": "PERSON"}],
                "events": [
                    {
                        "type": "Contact:Meet",
                        "trigger": {"start": 12, "end": 15},
                        "arguments": [{"role": "Entity", "entity_id": 1}],
                    }
                ]
                if i % 2
                else [],
            }
            fh.write(orjson.dumps(doc).decode() + "\n")


def test_an_import_makes_no_row_while_it_holds_the_write_lock(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, 40)
    with Project(tmp_path / "p.annotator", annotator="ann") as p:
        under_lock: list[str] = []
        real_dumps, real_sha = orjson.dumps, hashlib.sha256

        def dumps(*a, **k):  # type: ignore[no-untyped-def]
            if p.db.conn.in_transaction:
                under_lock.append("json")
            return real_dumps(*a, **k)

        def sha256(*a, **k):  # type: ignore[no-untyped-def]
            if p.db.conn.in_transaction:
                under_lock.append("sha256")
            return real_sha(*a, **k)

        monkeypatch.setattr(orjson, "dumps", dumps)
        monkeypatch.setattr(hashlib, "sha256", sha256)
        report = import_paths(p, [corpus])
        monkeypatch.undo()
        assert not report.skipped, report.skipped
        assert len(report.imported) == 40 and report.events == 20
        assert under_lock == []
        # stored as before: each document, its entity, its event with its argument, its change-log row
        assert p.db.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 40
        assert p.db.conn.execute("SELECT count(*) FROM arguments").fetchone()[0] == 20
        log = p.change_log()
        assert [r["rows"]["name"] for r in log] == [f"r{i}" for i in range(40)]
        assert {r["action"] for r in log} == {"import_document"}
        meta = p.db.conn.execute("SELECT meta FROM documents WHERE name = 'r7'").fetchone()[0]
        assert orjson.loads(meta) == {"n": 7}


def test_names_taken_and_texts_repeated_inside_one_import_are_still_told(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    lines = [
        {"name": "a", "text": "one"},
        {"name": "a", "text": "two"},  # the same name: stored as "a (2)"
        {"name": "b", "text": "one"},  # the same text: a duplicate
        {"name": "a (2)", "text": "three"},  # the name given to the second: "a (2) (2)"
    ]
    corpus.write_text("".join(orjson.dumps(x).decode() + "\n" for x in lines), encoding="utf-8")
    with Project(tmp_path / "p.annotator", annotator="ann") as p:
        p_first = import_paths(p, [corpus])
        assert [n for n, _ in p_first.imported] == ["a", "a (2)", "a (2) (2)"]
        assert [n for n, _ in p_first.duplicates] == ["b"]
        assert [r["rows"]["name"] for r in p.change_log()] == ["a", "a (2)", "a (2) (2)"]
        again = import_paths(p, [corpus])
        assert again.imported == [] and len(again.duplicates) == 4


@pytest.mark.parametrize("n", [3])
def test_a_file_refused_half_way_through_its_inserts_leaves_nothing(tmp_path: Path, n: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Whole or not at all still: a failure among the inserts (here the change log's) rolls back the file."""
    corpus = tmp_path / "in.jsonl"
    write_corpus(corpus, n)
    with Project(tmp_path / "p.annotator", annotator="ann") as p:
        import annotator.importing as importing

        real = importing.PreparedDocument.log_row
        calls = {"n": 0}

        def failing(self, *a, **k):  # type: ignore[no-untyped-def]
            calls["n"] += 1
            if calls["n"] == n:
                raise KeyboardInterrupt
            return real(self, *a, **k)

        monkeypatch.setattr(importing.PreparedDocument, "log_row", failing)
        with pytest.raises(KeyboardInterrupt):
            import_paths(p, [corpus])
        assert p.document_ids() == []
        assert p.db.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
