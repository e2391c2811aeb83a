"""Exit codes a script can rely on (session 10 QA): a wrong command line is 2 wherever it is found, as the README
says; an option a format does not take was 2 on import and 1 on export."""

from __future__ import annotations


import pytest

from annotator.cli import main
from annotator.store import Project
from core_helpers import one_document_project


def _usage_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotator: error: ") and "--help)" in lines[0], err
    return lines[0]


@pytest.mark.parametrize(
    "argv, said",
    [
        (["export", "{p}", "-o", "{t}/x.conll", "--option", "foo=bar"], "unknown option 'foo'"),
        (["export", "{p}", "-o", "{t}/x.spacy", "--option", "split=train=0.8,dev=0.3"], "add up to 1.1"),
        (["export", "{p}", "-o", "{t}/x.spacy", "--option", "misaligned=maybe"], "option misaligned must be one of"),
        (["export", "{p}", "-o", "{t}/x.conll", "--option", "seed=x"], "option seed must be a whole number"),
        (["import", "{p}", "{t}/in.conll", "-f", "conll", "--option", "column=abc"], "option column must be"),
        (["agree", "{p}", "--sets", "alice"], "--sets names one annotation set (alice)"),
    ],
)
def test_a_wrong_option_value_is_a_usage_error_wherever_it_is_found(tmp_path, capsys, argv, said):
    path = one_document_project(tmp_path)
    (tmp_path / "in.conll").write_text("Maria B-PER\nLopez I-PER\n", encoding="utf-8")
    code = main([a.format(p=path, t=tmp_path) for a in argv])
    line = _usage_line(capsys.readouterr().err)
    assert code == 2 and said in line, line
    assert sorted(f.name for f in tmp_path.iterdir()) == ["in.conll", "p.annotator"]  # nothing written


def test_import_takes_f_for_format_as_export_does(tmp_path, capsys):
    """'import P train.conll -f conll' was 'unrecognized arguments: -f conll', where export takes -f."""
    path = one_document_project(tmp_path)
    (tmp_path / "in.conll").write_text("Ivan B-PER\nPetrov I-PER\nleft O\n", encoding="utf-8")
    assert main(["import", str(path), str(tmp_path / "in.conll"), "-f", "conll"]) == 0
    with Project(path, create=False) as p:
        assert len(p.document_ids()) == 2


@pytest.mark.parametrize("fmt", ["json", "jsonl", "txt"])
def test_import_of_the_projects_own_format_by_name_reads_it(tmp_path, capsys, fmt):
    """'import P out.json -f json' (export takes -f json) was a usage error ("leave it out"; before session 16
    "invalid choice: 'json'", as for a typo): the files are read as without -f, each of them of that kind."""
    path = one_document_project(tmp_path)
    body = {"jsonl": '{"text": "Ivan Petrov flew to Zurich."}\n', "txt": "Ivan Petrov flew to Zurich.\n"}
    if fmt == "json":
        assert main(["export", str(path), "-f", "json", "-o", str(tmp_path / "out.json")]) == 0
        new = tmp_path / "new.annotator"
    else:
        (tmp_path / f"in.{fmt}").write_text(body[fmt], encoding="utf-8")
        new = path
    given = tmp_path / ("out.json" if fmt == "json" else f"in.{fmt}")
    assert main(["import", str(new), str(given), "-f", fmt]) == 0
    with Project(new, create=False) as p:
        assert len(p.document_ids()) == (1 if fmt == "json" else 2)


def test_import_of_the_projects_own_format_by_name_refuses_a_file_of_another_kind(tmp_path, capsys):
    path = one_document_project(tmp_path)
    (tmp_path / "in.jsonl").write_text('{"text": "Ivan Petrov flew to Zurich."}\n', encoding="utf-8")
    code = main(["import", str(path), str(tmp_path / "in.jsonl"), "-f", "json"])
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and "--format json reads .json files" in line and "ends in .jsonl" in line, line
    with Project(path, create=False) as p:
        assert len(p.document_ids()) == 1
