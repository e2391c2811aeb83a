"""Very large input: a 50 MB text is refused with the limit named; a 5-million-character line imports,
pre-annotates in pieces and exports."""

from __future__ import annotations

import random
import re

import orjson
import pytest

from annotator.errors import ImportFileError
from annotator.formats.project_json import write_json, write_jsonl
from annotator.formats.project_json_read import read_json
from annotator.importing import MAX_TEXT_CHARS
from annotator.formats.input_paths import read_any
from annotator.formats.loading import import_paths
from annotator.formats.plain import read_jsonl
from annotator.nlp import blank_pipeline_with_patterns
from annotator.preannotate import CHUNK_CHARS, preannotate
from annotator.store import Project
from reliability_support import table_counts

WORDS = "Anna Berg met Reuters editors in Paris on Monday and the talks went on until late".split()


_BLOCKS: dict[tuple[int, int | None], str] = {}


def _words_text(n_chars: int, seed: int, line_every: int | None = None) -> str:
    """Exactly ``n_chars`` of random words (a 64 KB random block repeated), ending in a full stop."""
    key = (seed % 7, line_every)
    if key not in _BLOCKS:
        rng = random.Random(seed)
        parts = [rng.choice(WORDS) + ("\n" if line_every and k % line_every == 0 else " ") for k in range(1, 12_000)]
        _BLOCKS[key] = "".join(parts)
    block = _BLOCKS[key]
    body = (block * (n_chars // len(block) + 1))[: n_chars - 1]
    if body[-1] in " \n":
        body = body[:-1] + "x"
    return body + "."


@pytest.fixture
def project(tmp_path):
    p = Project(tmp_path / "large.annotator", annotator="tester")
    yield p
    p.close()


def test_50_mb_text_file_is_refused_with_the_limit(project, tmp_path, figures):
    path = tmp_path / "huge.txt"
    path.write_text(_words_text(50_000_000, 1, line_every=15))
    before = table_counts(project.path)
    with pytest.raises(ImportFileError, match=r"too large: 50,000,000 characters \(the limit is 20,000,000\)"):
        read_any(path)
    report = import_paths(project, [path])
    assert report.imported == [] and "too large" in report.skipped[0][1]
    assert table_counts(project.path) == before
    figures.update(
        bytes=path.stat().st_size, limit_chars=MAX_TEXT_CHARS, message=report.skipped[0][1].split(": ", 1)[1]
    )


@pytest.mark.slow  # 50 MB imported (~8 s)
def test_50_mb_jsonl_of_small_documents_is_all_or_nothing(project, tmp_path, figures):
    """A JSONL file that large either imports completely or is refused whole with a clear limit."""
    path = tmp_path / "many.jsonl"
    line = 0
    with path.open("wb") as fh:
        while fh.tell() < 50_000_000:
            fh.write(orjson.dumps({"text": f"{_words_text(2000, line)} #{line}", "id": line}) + b"\n")
            line += 1
    before = table_counts(project.path)
    report = import_paths(project, [path])
    after = table_counts(project.path)
    if report.skipped:
        assert "too large" in report.skipped[0][1] and after == before
        outcome = "refused: " + report.skipped[0][1].split(": ", 1)[1]
    else:
        assert len(report.imported) == line and after["documents"] - before["documents"] == line
        outcome = "imported"
    figures.update(documents=line, outcome=outcome)


@pytest.mark.slow  # a 5 M-character document through the pipeline (~40 s)
def test_five_million_characters_on_one_line(project, tmp_path, figures):
    text = _words_text(5_000_000, 2)
    assert "\n" not in text and len(text) == 5_000_000
    path = tmp_path / "one_line.txt"
    path.write_text(text)
    report = import_paths(project, [path])
    ((name, doc_id),) = report.imported
    assert project.document(doc_id).text == text

    pipe = blank_pipeline_with_patterns([{"label": "GPE", "pattern": "Paris"}, {"label": "ORG", "pattern": "Reuters"}])
    pre = preannotate(project, pipe)  # spaCy refuses over 1 M characters: parsed in pieces of CHUNK_CHARS
    assert pre.documents == 1
    got = {(e.start, e.end, e.label) for e in project.entities(doc_id)}
    want = {(m.start(), m.end(), "GPE") for m in re.finditer(r"\bParis\b", text)}
    want |= {(m.start(), m.end(), "ORG") for m in re.finditer(r"\bReuters\b", text)}
    assert got == want  # pieces are cut at spaces: no name is split
    starts, ends, sents = project.tokens(doc_id)
    assert len(starts) == len(text.split(" ")) + 1  # every word, and the final full stop
    assert all(a < b for a, b in zip(starts, starts[1:])) and all(text[s:e].strip() for s, e in zip(starts, ends))
    assert sents[0] == 0

    write_jsonl(project, tmp_path / "out.jsonl")
    write_json(project, tmp_path / "out.json")
    assert read_jsonl(tmp_path / "out.jsonl").documents[0].text == text
    back = read_json(tmp_path / "out.json")[0]
    assert back.text == text and len(back.entities) == len(want)
    figures.update(characters=len(text), pieces=-(-len(text) // CHUNK_CHARS), tokens=len(starts), suggestions=len(got))


def test_one_document_over_the_limit_in_a_jsonl_file_is_refused(project, tmp_path):
    path = tmp_path / "big_doc.jsonl"
    small = orjson.dumps({"text": "a small document"}) + b"\n"
    path.write_bytes(small + orjson.dumps({"text": _words_text(MAX_TEXT_CHARS + 10, 3), "name": "huge"}) + b"\n")
    before = table_counts(project.path)
    report = import_paths(project, [path])
    assert report.imported == [] and "document 'huge' is too large: 20,000,010 characters" in report.skipped[0][1]
    assert table_counts(project.path) == before  # the small document in the same file is not imported either
