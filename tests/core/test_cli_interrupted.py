"""Ctrl+C in a long import or pre-annotation: what the project holds is said with numbers (it said 'every
finished step is saved' whether a thousand documents were saved or none), and how to finish."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.store import Project


def _ctrl_c_at(call: int, real):  # type: ignore[no-untyped-def]
    """``real`` that raises KeyboardInterrupt at its ``call``-th call, as a Ctrl+C arriving then."""
    calls = {"n": 0}

    def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == call:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    return wrapped


def _texts(folder: Path, n: int) -> Path:
    corpus = folder / "corpus"
    corpus.mkdir()
    for k in range(n):
        (corpus / f"d{k}.txt").write_text(f"Maria Lopez met officials in Paris on day {k}.", encoding="utf-8")
    return corpus


def test_ctrl_c_in_an_import_says_how_many_documents_it_saved(tmp_path, capsys, monkeypatch):
    import annotator.formats.loading as loading

    corpus = _texts(tmp_path, 5)
    path = tmp_path / "p.annotator"
    monkeypatch.setattr(loading, "store_documents", _ctrl_c_at(3, loading.store_documents))
    code = main(["import", str(path), str(corpus), "--batch", "2"])
    err = capsys.readouterr().err
    with Project(path, create=False) as p:
        assert len(p.document_ids()) == 4  # two whole batches of two
    assert code == 130 and err.startswith("annotator: interrupted; ") and len(err.splitlines()) == 1, err
    assert "4 documents imported" in err and "again" in err, err


@pytest.fixture
def ruler(tmp_path):
    from annotator.nlp import blank_pipeline_with_patterns

    where = tmp_path / "ruler"
    blank_pipeline_with_patterns([{"label": "PERSON", "pattern": "Maria Lopez"}], name="ruler").nlp.to_disk(where)
    return where


def test_ctrl_c_in_a_preannotation_says_how_many_documents_it_saved(tmp_path, capsys, monkeypatch, ruler):
    import annotator.preannotate as preannotate

    corpus = _texts(tmp_path, 5)
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(corpus)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(preannotate, "store_parsed", _ctrl_c_at(3, preannotate.store_parsed))
    code = main(["preannotate", str(path), "--model", str(ruler), "--batch-size", "2"])
    err = capsys.readouterr().err
    with Project(path, create=False) as p:
        assert sum(p.tokens(d) is not None for d in p.document_ids()) == 2  # the first batch, whole
    lines = [x for x in err.splitlines() if x.startswith("annotator:")]
    assert code == 130 and len(lines) == 1 and lines[0].startswith("annotator: interrupted; "), err
    assert "2 of 5 documents" in lines[0] and "--only-new" in lines[0], err
