"""Every command run with ``--json`` that is refused prints one JSON object saying why on standard output, and
exits 1 with the line on stderr as without ``--json`` (session 35: only ``train`` did; ``stats``, ``export``,
``validate``, ``import`` ... printed nothing a script could read)."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from core_helpers import one_document_project


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["validate"],
        ["models"],
        ["preannotate"],
        ["accept", "--all"],
        ["reject", "--all"],
    ],
)
def test_a_missing_project_is_said_in_json_by_every_command(tmp_path, capsys, command):
    path = tmp_path / "none.annotator"
    argv = [command[0], str(path), *command[1:], "--json"]
    assert main(argv) == 1
    got = capsys.readouterr()
    said = json.loads(got.out)
    assert said["refused"] is True and said["kind"] == "no_project_file"
    assert said["reason"] and said["reason"] in got.err
    assert "version" not in said  # train's own key
    assert not path.exists()  # a refused command leaves no file behind


def test_an_export_refused_is_said_in_json(tmp_path, capsys):
    path = one_document_project(tmp_path)
    (tmp_path / "out").mkdir()
    assert main(["export", str(path), "-f", "jsonl", "-o", str(tmp_path / "out"), "--json"]) == 1
    got = capsys.readouterr()
    said = json.loads(got.out)
    assert said == {"refused": True, "kind": "error", "reason": said["reason"]}
    assert "is a folder" in said["reason"] and said["reason"] in got.err


def test_a_file_that_cannot_be_read_or_written_is_said_in_json_with_its_os_kind(tmp_path, capsys, monkeypatch):
    from annotator import cli

    path = one_document_project(tmp_path)

    def denied(args):
        raise PermissionError(13, "Permission denied", str(tmp_path / "x.jsonl"))

    monkeypatch.setitem(cli.COMMANDS, "stats", denied)
    assert main(["stats", str(path), "--json"]) == 1
    got = capsys.readouterr()
    said = json.loads(got.out)
    assert said["kind"] == "permission" and said["reason"] == f"{tmp_path / 'x.jsonl'}: Permission denied"
    assert said["reason"] in got.err


def test_without_json_a_refusal_prints_nothing_on_standard_output(tmp_path, capsys):
    assert main(["stats", str(tmp_path / "none.annotator")]) == 1
    got = capsys.readouterr()
    assert got.out == "" and "annotator: error:" in got.err
