"""The command line: import --format NAME and export --format for every writer, with --option."""

from __future__ import annotations

from pathlib import Path


from annotator.cli import main
from annotator.formats import OPTIONS, writers
from annotator.store import Project
from tests.formats.conftest import fill

DATA = Path(__file__).parent / "data" / "bionlp"


def test_import_brat_and_export_each_format(tmp_path, capsys):
    proj = tmp_path / "bio.annotator"
    assert main(["import", str(proj), str(DATA), "--format", "brat", "--annotator", "t"]) == 0
    out = capsys.readouterr().out
    assert "2 imported" in out and "schema 'bionlp'" in out
    for fmt in ("spacy", "prodigy", "dygiepp", "conll", "brat", "jsonl"):
        target = tmp_path / (f"out-{fmt}" if fmt == "brat" else f"out.{fmt}")
        assert main(["export", str(proj), "--format", fmt, "-o", str(target)]) == 0, capsys.readouterr().err
        assert target.exists()
    assert "wrote" in capsys.readouterr().out


def test_export_with_split_option(tmp_path, capsys):
    proj = tmp_path / "p.annotator"
    p = Project(proj, annotator="t")
    fill(p)
    p.close()
    assert (
        main(
            [
                "export",
                str(proj),
                "-f",
                "spacy",
                "-o",
                str(tmp_path / "c.spacy"),
                "--option",
                "split=train=0.5,dev=0.5",
                "--option",
                "seed=1",
            ]
        )
        == 0
    )
    assert (tmp_path / "c.train.spacy").exists() and (tmp_path / "c.dev.spacy").exists()
    assert not (tmp_path / "c.spacy").exists()
    said = capsys.readouterr().out  # the files written, not the --output name no file has
    assert said.startswith(f"wrote {tmp_path / 'c.train.spacy'}, {tmp_path / 'c.dev.spacy'}: "), said
    assert f"{tmp_path / 'c.spacy'}:" not in said and said.count("c.train.spacy") == 1
    assert main(["export", str(proj), "-f", "spacy", "-o", str(tmp_path / "whole.spacy")]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {tmp_path / 'whole.spacy'}: ")
    assert (
        main(["export", str(proj), "-f", "conll", "-o", str(tmp_path / "c.conll"), "--option", "nope=1"]) == 2
    )  # usage, as import's
    assert "unknown option 'nope'" in capsys.readouterr().err


def test_broken_import_is_one_line_naming_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "abc", "label": [[0, 2, "ORG"]]}\n{"text": "abc", "label": [[0, 9, "ORG"]]}\n')
    proj = tmp_path / "p.annotator"
    assert main(["import", str(proj), str(bad), "--format", "doccano"]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:" in err and "Traceback" not in err
    assert Project(proj).document_ids() == []
    assert main(["import", str(proj), str(bad), "--format", "nosuch"]) == 2  # the command line is wrong: usage
    assert "invalid choice: 'nosuch'" in capsys.readouterr().err


def test_every_writer_lists_its_options():
    assert set(OPTIONS) <= set(writers())


def test_export_without_format_is_told_from_the_output_name(tmp_path, capsys):
    """'export p -o corpus.conll' (no --format) wrote the project's JSON under that name: spaCy, seqeval and our
    own import by suffix could not read it back."""
    import orjson
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    proj = tmp_path / "p.annotator"
    p = Project(proj, annotator="t")
    fill(p)
    n = len(p.document_ids())
    p.close()
    for name in ("out.conll", "out.jsonl", "out.spacy", "out.data"):
        assert main(["export", str(proj), "-o", str(tmp_path / name)]) == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    assert "out.conll as CoNLL (told from its name)" in said and "out.data as JSON, the default (the ending" in said
    assert (tmp_path / "out.conll").read_text(encoding="utf-8").startswith("-DOCSTART- -X- O O\n")
    lines = (tmp_path / "out.jsonl").read_bytes().splitlines()
    assert len(lines) == n and all("text" in orjson.loads(x) for x in lines)
    assert len(list(DocBin().from_disk(tmp_path / "out.spacy").get_docs(Vocab()))) == n
    assert orjson.loads((tmp_path / "out.data").read_bytes())["format"] == "annotator-json"


def test_a_misspelt_import_format_lists_every_name_import_takes(tmp_path, capsys):
    """Session 30 (a new user): `import -f jsn` listed the other formats' names but not json, jsonl and txt, which
    -f takes (the project's own files) and the help names: the one a newcomer misspelt was missing from the list."""
    src = tmp_path / "a.txt"
    src.write_text("Acme hired Ann.")
    assert main(["import", str(tmp_path / "p.annotator"), str(src), "-f", "jsn"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "invalid choice: 'jsn'" in err
    assert all(f"'{name}'" in err for name in ("json", "jsonl", "txt", "brat", "wikievents")), err
    assert not (tmp_path / "p.annotator").exists()
