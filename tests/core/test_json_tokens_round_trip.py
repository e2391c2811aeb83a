"""The project's JSON and JSONL exports left the stored tokens out: a document that came with its own tokens (a CoNLL
file's words, Prodigy's tokens) or was pre-annotated, exported and imported again, was cut with the fallback by the
token exports (``'s`` as ``'``, ``s``). The exports write them (``tokens``) and the import stores them again."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.project_json_read import parse_document
from annotator.store import Project

CONLL = "-DOCSTART- -X- -X- O\n\nHe -X- _ O\nsaid -X- _ O\nMary's -X- _ B-PER\ndog -X- _ O\n. -X- _ O\n\nIt -X- _ O\nran -X- _ O\n. -X- _ O\n"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_stored_tokens_go_out_and_come_back(tmp_path, fmt):
    src, p, q = tmp_path / "in.conll", tmp_path / "p.annotator", tmp_path / "q.annotator"
    src.write_text(CONLL, encoding="utf-8")
    assert main(["import", str(p), str(src)]) == 0
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(p), "-f", fmt, "-o", str(out)]) == 0
    assert main(["import", str(q), str(out)]) == 0
    with Project(p, create=False) as a, Project(q, create=False) as b:
        (x,), (y,) = a.document_ids(), b.document_ids()
        assert a.tokens(x) is not None and b.tokens(y) == a.tokens(x)
        source = b.db.conn.execute("SELECT pipeline FROM tokens WHERE document_id = ?", (y,)).fetchone()[0]
        assert source == a.db.conn.execute("SELECT pipeline FROM tokens WHERE document_id = ?", (x,)).fetchone()[0]
    again = tmp_path / f"again.{fmt}"
    assert main(["export", str(q), "-f", fmt, "-o", str(again)]) == 0
    if fmt == "jsonl":
        first, second = orjson.loads(out.read_bytes()), orjson.loads(again.read_bytes())
        assert first["tokens"] == second["tokens"]


def test_tokens_that_are_not_lists_of_numbers_refuse_the_file_in_one_line():
    doc = {
        "text": "A b.",
        "name": "a",
        "tokens": {"source": "x", "starts": [0, "2"], "ends": [1, 3], "sentence_starts": [0]},
    }
    with pytest.raises(ImportFileError, match="'tokens' must give"):
        parse_document(doc, "a.json")
