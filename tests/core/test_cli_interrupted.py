"""Ctrl+C in a long import or pre-annotation: what the project holds is said with numbers (it said 'every
finished step is saved' whether a thousand documents were saved or none), and how to finish."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.store import Project
from cli_support import ctrl_c_at


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
    monkeypatch.setattr(loading, "store_documents", ctrl_c_at(3, loading.store_documents))
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
    monkeypatch.setattr(preannotate, "store_parsed", ctrl_c_at(3, preannotate.store_parsed))
    code = main(["preannotate", str(path), "--model", str(ruler), "--batch-size", "2"])
    err = capsys.readouterr().err
    with Project(path, create=False) as p:
        assert sum(p.tokens(d) is not None for d in p.document_ids()) == 2  # the first batch, whole
    lines = [x for x in err.splitlines() if x.startswith("annotator:")]
    assert code == 130 and len(lines) == 1 and lines[0].startswith("annotator: interrupted; "), err
    assert "2 of 5 documents" in lines[0] and "--only-new" in lines[0], err


def _annotated(folder: Path, who: str) -> Path:
    """``who``'s project file: one document with one entity of hers."""
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents

    path = folder / f"{who}.annotator"
    with Project(path, annotator=who) as p:
        doc = IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")
        doc.entities.append(IncomingEntity("m", 0, 11, "PERSON", annotator=who))
        import_documents(p, [doc])
    return path


def test_ctrl_c_in_a_merge_says_which_source_files_it_kept(tmp_path, capsys, monkeypatch):
    """'annotator: interrupted; every finished step is saved': which files were merged was not said, so a script
    could not tell what to run again."""
    import annotator.teams.merge as merge

    alice, bob = _annotated(tmp_path, "alice"), _annotated(tmp_path, "bob")
    team = tmp_path / "team.annotator"
    monkeypatch.setattr(merge, "_write", ctrl_c_at(2, merge._write))
    code = main(["merge", str(team), str(alice), str(bob)])
    err = capsys.readouterr().err
    assert code == 130 and err.startswith("annotator: interrupted; ") and len(err.splitlines()) == 1, err
    assert f"1 source file of 2 merged and saved, each whole ({alice})" in err and f"{bob} not" in err, err
    with Project(team, create=False) as p:
        sets = {s for (s,) in p.db.conn.execute("SELECT DISTINCT annotation_set FROM entities")}
    assert sets == {"alice"}


def test_ctrl_c_in_a_merge_before_any_source_says_nothing_was_merged(tmp_path, capsys, monkeypatch):
    import annotator.teams.merge as merge

    alice = _annotated(tmp_path, "alice")
    team = tmp_path / "team.annotator"
    monkeypatch.setattr(merge, "_write", ctrl_c_at(1, merge._write))
    code = main(["merge", str(team), str(alice)])
    err = capsys.readouterr().err
    assert code == 130 and "interrupted; nothing was merged" in err, err
    assert not team.exists()  # a merge that created it and wrote nothing leaves no file


def test_ctrl_c_in_accept_says_how_many_documents_it_did(tmp_path, capsys, monkeypatch):
    """Each document's acceptance is one edit; Ctrl+C said 'every finished step is saved' without numbers."""
    import annotator.edits_flow as edits_flow
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents

    path = tmp_path / "p.annotator"
    text = "Maria Lopez met officials in Paris."
    with Project(path, annotator="t") as p:
        import_documents(
            p,
            [
                IncomingDocument(
                    f"{text} Day {k}.", f"d{k}.txt", entities=[IncomingEntity("m", 0, 11, "PERSON", state="suggested")]
                )
                for k in range(3)
            ],
        )
    monkeypatch.setattr(edits_flow, "accept_rest", ctrl_c_at(3, edits_flow.accept_rest))
    code = main(["accept", str(path), "--all"])
    err = capsys.readouterr().err
    assert code == 130 and err.startswith("annotator: interrupted; ") and len(err.splitlines()) == 1, err
    assert "2 of 3 documents done and saved" in err and "2 entity suggestions accepted" in err, err
    with Project(path, create=False) as p:
        states = [e.state for d in p.document_ids() for e in p.entities(d)]
    assert states == ["accepted", "accepted", "suggested"]


@pytest.mark.parametrize(
    "argv, where, said",
    [
        (["stats"], "annotator.stats.project_stats", "nothing was changed (it only reads the project)"),
        (["validate"], "annotator.validation.validate", "nothing was changed (it only reads the project)"),
        (["status", "annotated", "--all"], "annotator.edits.set_statuses", "they are set in one transaction"),
    ],
)
def test_ctrl_c_in_a_one_step_command_says_nothing_was_half_done(tmp_path, capsys, monkeypatch, argv, where, said):
    """'every finished step is saved', said of commands that only read or change in one step."""
    import importlib

    corpus = _texts(tmp_path, 1)
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(corpus)]) == 0
    capsys.readouterr()
    module, name = where.rsplit(".", 1)
    monkeypatch.setattr(importlib.import_module(module), name, ctrl_c_at(1, lambda *a, **k: None))
    code = main([argv[0], str(path), *argv[1:]])
    err = capsys.readouterr().err
    assert code == 130 and err.startswith("annotator: interrupted; ") and len(err.splitlines()) == 1, err
    assert said in err and "every finished step" not in err, err
    with Project(path, create=False) as p:
        assert [p.document(d).status for d in p.document_ids()] == ["new"]


JSONL = "".join(f'{{"text": "Ivan Petrov met officials in Rome on day {k}.", "name": "d{k}"}}\n' for k in range(5))


class _Stdin:
    """Standard input as a pipe: not a terminal, its bytes in ``buffer`` (a Ctrl+C while reading them when ``cut``)."""

    def __init__(self, data: bytes, cut: bool = False) -> None:
        import io

        self.cut = cut
        self.buffer = self if cut else io.BytesIO(data)
        self.data = data

    def isatty(self) -> bool:
        return False

    def read(self, size: int = -1) -> bytes:
        raise KeyboardInterrupt


@pytest.mark.parametrize("argv", [[], ["--format", "doccano"]], ids=["told", "format"])
def test_ctrl_c_in_an_import_of_standard_input_keeps_it_and_says_where(tmp_path, capsys, monkeypatch, argv):
    """'run the same import again to finish': standard input cannot be given again (the pipe is spent, the
    documents it held were read into a temporary file that was removed). What it gave is kept, and the line says
    where and how to go on."""
    import sys

    import annotator.formats.loading as loading

    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(_texts(tmp_path, 2))]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", _Stdin(JSONL.encode()))
    monkeypatch.setattr(loading, "store_documents", ctrl_c_at(1, loading.store_documents))
    monkeypatch.setattr(loading, "store_results", ctrl_c_at(1, loading.store_results))
    code = main(["import", str(path), "-", *argv])
    err = capsys.readouterr().err
    assert code == 130 and err.startswith("annotator: interrupted; ") and len(err.splitlines()) == 1, err
    assert "standard input" in err and "same import again" not in err, err
    kept = Path(err.split(" is kept in ")[1].split(":")[0])
    try:
        assert kept.read_bytes() == JSONL.encode()
        monkeypatch.undo()
        assert main(["import", str(path), str(kept)]) == 0  # how to go on, as the line says
        with Project(path, create=False) as p:
            assert len(p.document_ids()) == 7
    finally:
        import shutil

        shutil.rmtree(kept.parent, ignore_errors=True)


def test_ctrl_c_while_standard_input_is_read_says_nothing_was_imported(tmp_path, capsys, monkeypatch):
    import sys

    path = tmp_path / "p.annotator"
    monkeypatch.setattr(sys, "stdin", _Stdin(b"", cut=True))
    code = main(["import", str(path), "-"])
    err = capsys.readouterr().err
    assert code == 130 and len(err.splitlines()) == 1, err
    assert "nothing was imported" in err and "standard input" in err, err
    assert not path.exists()
