"""The `annotator` command: each command through main([...]), one through `python -m annotator`, and its errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from annotator.cli import main
from annotator.resources_path import resource_path
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SCHEMA = json.loads(resource_path("export.schema.json").read_text(encoding="utf-8"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *needles: str) -> None:
    lines = [x for x in err.splitlines() if x.strip() and not x.startswith(("import", "export", "preannotate"))]
    # progress bars may draw on stderr; the error is one line of its own
    errors = [x for x in lines if x.startswith("annotator: error:")]
    assert len(errors) == 1, err
    assert "Traceback" not in err
    for n in needles:
        assert n in errors[0], errors[0]


@pytest.fixture(scope="module")
def ruler_pipeline(tmp_path_factory):
    """A blank English pipeline with an entity ruler, saved to disk so `--model PATH` can load it."""
    from annotator.nlp import blank_pipeline_with_patterns

    path = tmp_path_factory.mktemp("pipe") / "ruler"
    pipe = blank_pipeline_with_patterns(
        [
            {"label": "PERSON", "pattern": "Sergey Lavrov"},
            {"label": "GPE", "pattern": "Moscow"},
            {"label": "GPE", "pattern": "Zurich"},
        ],
        name="ruler",
    )
    pipe.nlp.to_disk(path)
    return path


def test_init(tmp_path, capsys):
    p = tmp_path / "new.annotator"
    code, out, err = run(capsys, "init", p)
    assert code == 0 and "created" in out and "18 labels, 33 event types" in out
    code, out, err = run(capsys, "init", p)
    assert code == 1
    assert_one_line_error(err, "already exists")


@pytest.mark.slow
def test_full_workflow(tmp_path, capsys, ruler_pipeline):
    p = tmp_path / "work.annotator"
    # import creates the project file
    code, out, err = run(capsys, "import", p, SEEDS, "--annotator", "ann")
    assert code == 0 and p.exists()
    assert "8 imported" in out
    code, out, err = run(capsys, "import", p, SEEDS / "000_c5086996ec44ef81.txt")
    assert code == 0 and "duplicate: 000_c5086996ec44ef81.txt" in err and "0 imported" in out

    code, out, err = run(capsys, "preannotate", p, "--model", ruler_pipeline, "--batch-size", "3")
    assert code == 0 and "spacy:en_ruler@0.0.0" in out and "8 documents" in out

    code, out, err = run(capsys, "stats", p)
    assert code == 0 and "documents: 8" in out and "GPE" in out
    code, out, err = run(capsys, "stats", p, "--json")
    stats = json.loads(out)
    assert stats["documents"] == 8 and stats["entities_by_label"]["PERSON"]["suggested"] >= 1

    code, out, err = run(capsys, "validate", p)
    assert code == 0 and "no problems" in out

    with Project(p, annotator="ann") as project:
        from annotator import edits

        doc = project.document_ids()[0]
        edits.add_event(project, doc, "Contact:Meet", 0, 2)
        edits.set_status(project, doc, "reviewed")
    code, out, err = run(capsys, "validate", p)
    assert code == 1 and "needs Entity" in out and out.rstrip().endswith("\n1 problem")

    out_json = tmp_path / "out.json"
    code, out, err = run(capsys, "export", p, "--format", "json", "-o", out_json)
    assert code == 0 and f"wrote {out_json}" in out
    data = json.loads(out_json.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert len(data["documents"]) == 8

    out_jsonl = tmp_path / "reviewed.jsonl"
    code, out, err = run(
        capsys, "export", p, "-f", "jsonl", "-o", out_jsonl, "--status", "reviewed", "--states", "accepted", "added"
    )
    assert code == 0
    lines = out_jsonl.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    doc_schema = {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/document"}
    jsonschema.validate(json.loads(lines[0]), doc_schema)
    assert json.loads(lines[0])["status"] == "reviewed" and json.loads(lines[0])["entities"] == []


@pytest.mark.parametrize(
    "command",
    [
        ["export", "{p}", "-o", "{t}/out.json"],
        ["stats", "{p}"],
        ["validate", "{p}"],
        ["agree", "{p}"],
        ["train", "{p}"],
        ["preannotate", "{p}"],
        ["models", "{p}"],
    ],
)
def test_commands_refuse_a_missing_project(tmp_path, capsys, command):
    """Only init, import (and merge, for its target) create a project: a typo never becomes an empty project."""
    p = tmp_path / "typo.annotator"
    code, out, err = run(capsys, *[a.format(p=p, t=tmp_path) for a in command])
    assert code == 1 and not p.exists() and not (tmp_path / "out.json").exists()
    assert_one_line_error(err, f"{p}: no such project file")
    # session 30 (a new user): the line said no more, where a newcomer's first `stats` on a project not made yet
    # needed the command that makes one
    assert_one_line_error(err, "`annotator init` or `annotator import` makes one")


@pytest.mark.parametrize("first", ["folder", "text"])
def test_import_with_its_arguments_swapped_says_the_project_comes_first(tmp_path, capsys, first):
    """Session 31, a new user: ``annotator import corpus/ news.annotator`` said only "corpus: is a folder, not a
    project file" (a .txt first: "not an annotator project"), not what to type."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Maria Lopez met officials in Paris.", encoding="utf-8")
    given = corpus if first == "folder" else corpus / "a.txt"
    code, out, err = run(capsys, "import", given, tmp_path / "news.annotator")
    assert code == 1 and not (tmp_path / "news.annotator").exists()
    assert_one_line_error(err, "the project file comes first", f"annotator import PROJECT.annotator {given}")
    assert (corpus / "a.txt").read_text(encoding="utf-8") == "Maria Lopez met officials in Paris."


def test_progress_bars_stay_out_of_pipes(tmp_path, capsys):
    """stderr is not a terminal here (as in a pipe or a CI log): no bar is drawn, only the messages."""
    p = tmp_path / "p.annotator"
    code, out, err = run(capsys, "import", p, SEEDS / "007_phone_call_zurich.txt")
    assert code == 0 and err == ""
    code, out, err = run(capsys, "export", p, "-o", tmp_path / "e.json")
    assert code == 0 and err == "" and out.startswith("wrote ")


@pytest.mark.parametrize("command", ["init", "train", "models", "merge"])  # agree: --set abbreviates its --sets
def test_set_is_refused_where_no_set_is_read_or_written(tmp_path, capsys, command):
    code, out, err = run(
        capsys, command, tmp_path / "p.annotator", *(["x.annotator"] if command == "merge" else []), "--set", "bob"
    )
    assert code == 2 and "unrecognized arguments: --set bob" in err


def test_import_with_custom_schema_for_a_new_project(tmp_path, capsys):
    schema = tmp_path / "s.toml"
    schema.write_text('[schema]\nname = "mine"\n[[entity]]\nname = "PERSON"\n', encoding="utf-8")
    p = tmp_path / "p.annotator"
    code, _, _ = run(capsys, "import", p, SEEDS / "007_phone_call_zurich.txt", "--schema", schema)
    assert code == 0
    with Project(p, create=False) as project:
        assert project.schema.name == "mine"


def test_schema_given_again_after_an_import_that_lacked_it(tmp_path, capsys):
    """The import the label message advises: the first try, refused for its labels, had already made the project
    file (on the default schema), and '--schema' on an existing project was ignored without a word, so the second
    try was refused the same way. A project without documents now takes it; one with documents refuses it."""
    schema = tmp_path / "drugs.toml"
    schema.write_text('[schema]\nname = "drugs"\n[[entity]]\nname = "DRUG"\n', encoding="utf-8")
    data = tmp_path / "drugs.jsonl"
    data.write_text('{"text": "Aspirin helps.", "spans": [{"start": 0, "end": 7, "label": "DRUG"}]}\n')
    p = tmp_path / "p.annotator"
    code, _, err = run(capsys, "import", p, data)
    assert code == 1 and "'DRUG'" in err and not p.exists()  # a refused import leaves no new file (session 6)
    assert run(capsys, "init", p)[0] == 0  # a project made without documents (on the default schema) ...
    code, out, err = run(capsys, "import", p, data, "--schema", schema)
    assert code == 0 and "1 imported" in out and "the project now uses the schema 'drugs'" in err
    with Project(p, create=False) as project:
        assert project.schema.name == "drugs" and len(project.document_ids()) == 1
    other = tmp_path / "other.toml"
    other.write_text('[schema]\nname = "other"\n[[entity]]\nname = "DRUG"\n[[entity]]\nname = "DOSE"\n')
    code, _, err = run(capsys, "import", p, data, "--schema", other)
    assert code != 0
    assert_one_line_error(err, "--schema", "already has documents", "'drugs'", "nothing was imported")


@pytest.mark.parametrize(
    "argv_builder,needles",
    [
        (lambda t: ["stats", t / "missing.annotator"], ["no such project file"]),
        (lambda t: ["validate", t / "missing.annotator"], ["no such project file"]),
        (lambda t: ["stats", t / "notes.txt"], ["not an annotator project"]),
        (lambda t: ["import", t / "notes.txt", t], ["not an annotator project"]),
        (lambda t: ["export", t / "p.annotator", "-f", "yaml", "-o", t / "x"], ["unknown format 'yaml'"]),
        (lambda t: ["export", t / "p.annotator", "-o", t / "no" / "dir" / "x.json"], ["no such folder"]),
        (lambda t: ["export", t / "p.annotator", "-o", t], ["is a folder"]),
        (
            lambda t: ["preannotate", t / "p.annotator", "--model", "en_no_such_model_xyz"],
            ["not installed", "pip install"],
        ),
        (
            lambda t: ["export", t / "p.annotator", "-f", "label_studio", "-o", t / "x.json", "--option", "a=b"],
            ["takes no options"],
        ),
        (lambda t: ["init", t / "q.annotator", "--schema", t / "none.toml"], ["cannot read schema file"]),
        (lambda t: ["stats", t], ["is a folder"]),
        (lambda t: ["init", t / "no" / "such" / "p.annotator"], ["no folder"]),
    ],
)
def test_user_errors_are_one_line(tmp_path, capsys, argv_builder, needles):
    (tmp_path / "notes.txt").write_text("just notes")
    # a document in it: an export of an empty project is refused before its output is looked at
    assert main(["import", str(tmp_path / "p.annotator"), str(tmp_path / "notes.txt")]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, *argv_builder(tmp_path))
    assert code != 0
    assert_one_line_error(err, *needles)


def test_import_of_only_bad_files_fails_with_reasons(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00")
    code, out, err = run(capsys, "import", tmp_path / "p.annotator", bad)
    assert code == 1 and f"skipped {bad}: binary file" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv,needle",
    [
        ([], "the following arguments are required: COMMAND"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["import"], "the following arguments are required: project, paths"),
        (["export", "p.annotator", "--states", "maybe", "-o", "x"], "invalid choice: 'maybe'"),
        (["preannotate", "p.annotator", "--batch-size", "many"], "invalid int value: 'many'"),
    ],
)
def test_usage_errors_are_one_line(capsys, argv, needle):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("annotator: error:") and needle in err


def test_help_exits_zero(capsys):
    code, out, err = run(capsys, "--help")
    assert code == 0 and "preannotate" in out


@pytest.mark.slow
def test_python_dash_m_annotator(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = tmp_path / "m.annotator"
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(p), str(SEEDS / "002_airstrike_market.txt")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "1 imported" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "stats", str(tmp_path / "nope.annotator")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("annotator: error:") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_ctrl_c_in_an_export_says_nothing_was_written(tmp_path, capsys, monkeypatch):
    # it said "every finished step is saved", true of an import, not of an export (written whole or not at all)
    import annotator.formats as formats
    from annotator.formats.registry import export_formats

    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(SEEDS / "000_c5086996ec44ef81.txt")]) == 0
    real = {f.name: f.write for f in export_formats()}

    def interrupted(project, out, request):  # type: ignore[no-untyped-def]
        import dataclasses

        def ctrl_c(done: int) -> None:  # at the first document written
            raise KeyboardInterrupt

        return real["json"](project, out, dataclasses.replace(request, progress=ctrl_c))

    monkeypatch.setattr(formats, "writers", lambda: {**real, "json": interrupted})
    capsys.readouterr()
    code, out, err = run(capsys, "export", p, "-o", tmp_path / "out.json")
    assert code == 130 and not (tmp_path / "out.json").exists()
    assert (
        err
        == "annotator: interrupted; nothing was written (an export is written whole or not at all; one there before is as it was)\n"
    )
    assert not [x for x in tmp_path.iterdir() if x.name.startswith("out")]


def test_an_export_for_training_tools_says_when_undecided_suggestions_are_in_it(tmp_path, capsys):
    # the default states take suggestions nobody decided: spacy train, a CoNLL reader, DyGIE++ took them for gold
    # without a word on the command line
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents

    p = tmp_path / "p.annotator"
    with Project(p, annotator="tester") as project:
        text = "Angela Merkel visited Paris."
        import_documents(
            project,
            [
                IncomingDocument(
                    text=text,
                    name="a.txt",
                    entities=[
                        IncomingEntity(0, 0, 13, "PERSON", state="suggested"),
                        IncomingEntity(1, 22, 27, "GPE", state="accepted"),
                    ],
                )
            ],
        )
    for fmt in ("conll", "spacy", "dygiepp", "brat", "prodigy"):
        code, out, err = run(capsys, "export", p, "-f", fmt, "-o", tmp_path / f"out.{fmt}")
        said = "1 entity suggestion nobody decided is" if fmt == "conll" else "1 entity and 0 event suggestions"
        assert code == 0 and f"note: {said}" in err, fmt
        code, out, err = run(
            capsys, "export", p, "-f", fmt, "-o", tmp_path / f"d.{fmt}", "--states", "accepted", "added"
        )
        # none in it; a.txt, new and partly decided, is named as written with its decided span only (session 29)
        assert code == 0 and "are in it" not in err, fmt
        assert err.count("note:") == 1 and "not finished and holds suggestions nobody decided" in err, err
    code, out, err = run(capsys, "export", p, "-o", tmp_path / "out.json")  # the project's JSON keeps each state
    assert code == 0 and "note:" not in err


def test_a_file_of_unknown_kind_is_told_every_format_import_reads(tmp_path, capsys):
    """Session 31, a new user: the refusal of a README.md listed the formats by hand and left out PubTator, MAVEN's
    OmniEvent, WikiEvents, Hugging Face: a newcomer with such a file was told it is not read."""
    from annotator.formats.registry import import_formats

    md = tmp_path / "README.md"
    md.write_text("# notes\n", encoding="utf-8")
    code, out, err = run(capsys, "import", tmp_path / "p.annotator", md)
    assert code == 1 and "unknown kind of file '.md'" in err, err
    for f in import_formats():
        assert f.shown in err, f"{f.shown} not named: {err}"
    assert "--format" in err
