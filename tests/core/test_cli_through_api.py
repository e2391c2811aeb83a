"""``annotator import``, ``export`` and ``preannotate`` are ``annotator.api``'s calls (docs/api.md): each command
goes through the function a pipeline calls, so the two cannot drift apart (the command line had its own copy of
the option checks, the default states, the model choice). A command that stops calling its function fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import api
from annotator.cli import main
from annotator.errors import OptionError
from core_helpers import two_documents


def _spy(monkeypatch, name: str) -> list[tuple[tuple, dict]]:  # type: ignore[no-untyped-def]
    """Record each call of ``api.NAME`` (and still make it)."""
    calls: list[tuple[tuple, dict]] = []
    real = getattr(api, name)

    def spied(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((args, kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(api, name, spied)
    return calls


@pytest.fixture
def ruler(tmp_path: Path) -> Path:
    from annotator.nlp import blank_pipeline_with_patterns

    where = tmp_path / "ruler"
    blank_pipeline_with_patterns([{"label": "PERSON", "pattern": "Maria Lopez"}], name="ruler").nlp.to_disk(where)
    return where


def test_import_is_api_import_files(tmp_path, monkeypatch, capsys):
    calls = _spy(monkeypatch, "import_files")
    corpus = two_documents(tmp_path)
    assert main(["import", str(tmp_path / "p.annotator"), str(corpus), "--batch", "7"]) == 0
    (_, paths), kwargs = calls[0]
    assert [str(p) for p in paths] == [str(corpus)] and kwargs["batch"] == 7
    (tmp_path / "t.jsonl").write_text('{"text": "Paris", "label": [[0, 5, "GPE"]]}\n', encoding="utf-8")
    assert main(["import", str(tmp_path / "q.annotator"), str(tmp_path / "t.jsonl"), "-f", "doccano"]) == 0
    assert calls[1][1]["format"] == "doccano" and len(calls) == 2


def test_export_is_api_export_and_writes_the_same_bytes(tmp_path, monkeypatch, capsys):
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(two_documents(tmp_path))]) == 0
    calls = _spy(monkeypatch, "export")
    for fmt in ("json", "jsonl", "prodigy"):
        by_cli = tmp_path / f"cli.{fmt}"
        assert main(["export", str(path), "-f", fmt, "-o", str(by_cli)]) == 0
        by_api = tmp_path / f"api.{fmt}"
        with api.open_project(path) as project:
            api.export(project, by_api, fmt)
        assert by_cli.read_bytes() == by_api.read_bytes(), fmt
    assert [c[0][2] for c in calls if str(c[0][1]).startswith(str(tmp_path / "cli."))] == ["json", "jsonl", "prodigy"]
    assert all(c[1]["states"] == api.EXPORTED_STATES for c in calls if "states" in c[1])


@pytest.mark.parametrize(
    "argv, call",
    [
        (
            ["export", "-f", "json", "--option", "split=train=1"],
            lambda p, t: api.export(p, t / "x.json", "json", options={"split": "train=1"}),
        ),
        (
            ["import", "CORPUS", "--option", "scheme=iob"],
            lambda p, t: api.import_files(p, [t], options={"scheme": "iob"}),
        ),
        (["import", "CORPUS", "--skip-bad"], lambda p, t: api.import_files(p, [t], skip_bad=True)),
        (
            ["import", "CORPUS", "-f", "conll", "--option", "tags=4"],
            lambda p, t: api.import_files(p, [t], format="conll", options={"tags": "4"}),
        ),
    ],
)
def test_a_refusal_is_the_same_words_from_both(tmp_path, capsys, argv, call):
    """One check, one message: the command line's line is the library's OptionError, a usage error (exit 2)."""
    path = tmp_path / "p.annotator"
    corpus = two_documents(tmp_path)
    assert main(["import", str(path), str(corpus)]) == 0
    capsys.readouterr()
    argv = [str(corpus) if a == "CORPUS" else a for a in argv]
    out = ["-o", str(tmp_path / "x.json")] if argv[0] == "export" else []
    assert main([argv[0], str(path), *argv[1:], *out]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    with api.open_project(path, write=True) as project, pytest.raises(OptionError) as raised:
        call(project, tmp_path)
    assert err == f"annotator: error: {raised.value} (see: annotator {argv[0]} --help)"


@pytest.mark.slow  # a spaCy pipeline is loaded
def test_preannotate_is_api_preannotate(tmp_path, monkeypatch, capsys, ruler):
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(two_documents(tmp_path))]) == 0
    calls = _spy(monkeypatch, "preannotate")
    assert main(["preannotate", str(path), "--model", str(ruler), "--batch-size", "1", "--only-new"]) == 0
    assert len(calls) == 1
    kwargs = calls[0][1]
    assert (kwargs["model"], kwargs["batch_size"], kwargs["only_new"]) == (str(ruler), 1, True)
    assert f"loading {ruler} ..." in capsys.readouterr().err
