"""The project's JSON and JSONL carry each document's stored tokens (session 18), which made the file about 45 %
larger; a user who reads the file in a script of their own, or sends it to someone who does, had no way to leave
them out. ``--option tokens=no`` leaves them out (``yes``, the default, keeps the round trip whole); any other value
is a usage error naming the choices. Also through the export's second process (``json_split``), which reads the
documents of a large export on a connection of its own."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main

CONLL = "-DOCSTART- -X- -X- O\n\nHe -X- _ O\nsaid -X- _ O\nMary's -X- _ B-PER\ndog -X- _ O\n. -X- _ O\n"


@pytest.fixture
def project_with_tokens(tmp_path):
    src, p = tmp_path / "in.conll", tmp_path / "p.annotator"
    src.write_text(CONLL, encoding="utf-8")
    assert main(["import", str(p), str(src)]) == 0
    return p


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_tokens_no_leaves_them_out_and_yes_keeps_them(project_with_tokens, tmp_path, fmt):
    kept, left = tmp_path / f"kept.{fmt}", tmp_path / f"left.{fmt}"
    assert main(["export", str(project_with_tokens), "-f", fmt, "-o", str(kept), "--option", "tokens=yes"]) == 0
    assert main(["export", str(project_with_tokens), "-f", fmt, "-o", str(left), "--option", "tokens=no"]) == 0

    def docs(path):  # type: ignore[no-untyped-def]
        data = orjson.loads(path.read_bytes()) if fmt == "json" else orjson.loads(path.read_bytes().splitlines()[0])
        return data["documents"] if fmt == "json" else [data]

    assert all("tokens" in d for d in docs(kept))
    (doc,) = docs(left)
    assert "tokens" not in doc and [e["text"] for e in doc["entities"]] == ["Mary's"]
    assert left.stat().st_size < kept.stat().st_size


def test_a_bad_value_is_a_usage_error(project_with_tokens, tmp_path, capsys):
    out = tmp_path / "x.json"
    assert main(["export", str(project_with_tokens), "-f", "json", "-o", str(out), "--option", "tokens=maybe"]) == 2
    assert "tokens" in capsys.readouterr().err and not out.exists()


@pytest.mark.slow  # a second Python process
def test_the_second_process_leaves_them_out_too(project_with_tokens, tmp_path, monkeypatch):
    from annotator.formats import json_split

    monkeypatch.setattr(json_split, "MIN_DOCUMENTS", 0)  # the split export, forced on one document
    started = []
    real = json_split.subprocess.Popen
    monkeypatch.setattr(json_split.subprocess, "Popen", lambda *a, **k: started.append(1) or real(*a, **k))
    out = tmp_path / "x.jsonl"
    assert main(["export", str(project_with_tokens), "-f", "jsonl", "-o", str(out), "--option", "tokens=no"]) == 0
    (line,) = out.read_bytes().splitlines()
    assert "tokens" not in orjson.loads(line) and started
