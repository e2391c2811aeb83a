"""Session 33 (s33-real): the parse's noun heads (migration 11, ``tokens.noun_heads``: what a role key offers after
the sentence's entity spans) were stored by pre-annotation with events alone: the project's JSON and JSONL exports
wrote the tokens without them and a merged copy's documents came without them, so a colleague's project or a project
brought back from its export offered a role key no head. They are carried: written in the tokens, read back, merged."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.nlp import NOUN_HEADS_VERSION
from annotator.role_heads import older_heads_said
from annotator.store import Project
from project_support import store_word_tokens

TEXT = "Officers from the bureau arrested a man near the station."


def _find(word: str) -> list[int]:
    at = TEXT.index(word)
    return [at, at + len(word)]


HEADS = [_find("Officers"), _find("bureau"), _find("man"), _find("station")]


def _project_with_heads(path) -> None:
    source = path.parent / "in.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["import", str(path), str(source)]) == 0
    store_word_tokens(path, TEXT, HEADS)


def _heads(path) -> list[list[int]]:
    with Project(path, create=False) as p:
        return [list(h) for h in p.noun_heads(p.document_ids()[0])]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_project_s_own_export_writes_the_noun_heads_and_reads_them_back(tmp_path, capsys, fmt):
    first, back, out = tmp_path / "p.annotator", tmp_path / "back.annotator", tmp_path / f"out.{fmt}"
    _project_with_heads(first)
    assert main(["export", str(first), "-f", fmt, "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    doc = json.loads(written)["documents"][0] if fmt == "json" else json.loads(written.splitlines()[0])
    assert doc["tokens"]["noun_heads"] == HEADS, doc["tokens"]
    assert main(["import", str(back), str(out)]) == 0, capsys.readouterr().err
    assert _heads(back) == HEADS


def test_a_document_without_heads_is_written_as_before(tmp_path, capsys):
    first, out = tmp_path / "p.annotator", tmp_path / "out.json"
    _project_with_heads(first)
    with Project(first, create=False) as p, p.transaction():
        p.db.conn.execute("UPDATE tokens SET noun_heads = NULL")
    assert main(["export", str(first), "-f", "json", "-o", str(out)]) == 0
    assert "noun_heads" not in json.loads(out.read_text(encoding="utf-8"))["documents"][0]["tokens"]


def test_heads_outside_the_text_are_refused_with_the_document(tmp_path, capsys):
    first, back, out = tmp_path / "p.annotator", tmp_path / "back.annotator", tmp_path / "out.json"
    _project_with_heads(first)
    assert main(["export", str(first), "-f", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    data["documents"][0]["tokens"]["noun_heads"] = [["a", 3]]
    out.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    main(["import", str(back), str(out)])
    assert "'noun_heads' must be a list of [start, end] pairs" in capsys.readouterr().err


@pytest.mark.parametrize("target_tokens", [False, True])
def test_merge_carries_the_noun_heads_of_a_colleague_s_copy(tmp_path, capsys, target_tokens):
    team, alice = tmp_path / "team.annotator", tmp_path / "alice.annotator"
    _project_with_heads(alice)
    if target_tokens:  # the team's copy holds the same tokens, not parsed for events
        _project_with_heads(team)
        with Project(team, create=False) as p, p.transaction():
            p.db.conn.execute("UPDATE tokens SET noun_heads = NULL")
    else:
        assert main(["init", str(team)]) == 0
    assert main(["merge", str(team), str(alice)]) == 0, capsys.readouterr().err
    assert _heads(team) == HEADS


def _heads_version(path) -> int | None:  # type: ignore[no-untyped-def]
    with Project(path, create=False) as p:
        return p.db.conn.execute("SELECT heads_version FROM tokens").fetchone()[0]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("version", [NOUN_HEADS_VERSION, 1])
def test_the_version_of_the_rules_that_found_the_heads_comes_back_with_them(tmp_path, capsys, fmt, version):
    # session 42: the export wrote the heads without their rules' version (migration 13), so a project read back
    # from it said its heads were of older rules ("1 document keeps the nouns older rules stored ...") where they
    # were the current ones, and a project whose heads were older said nothing different
    first, back, out = tmp_path / "p.annotator", tmp_path / "back.annotator", tmp_path / f"out.{fmt}"
    _project_with_heads(first)
    with Project(first, create=False) as p, p.transaction():
        p.db.conn.execute("UPDATE tokens SET heads_version = ?", (version,))
    assert main(["export", str(first), "-f", fmt, "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    doc = json.loads(written)["documents"][0] if fmt == "json" else json.loads(written.splitlines()[0])
    assert doc["tokens"]["heads_version"] == version
    assert main(["import", str(back), str(out)]) == 0, capsys.readouterr().err
    assert (_heads(back), _heads_version(back)) == (HEADS, version)
    with Project(back, create=False) as p:
        assert bool(older_heads_said(p)) == (version < NOUN_HEADS_VERSION)


def test_heads_without_a_version_stay_without_one_and_a_bad_version_is_refused(tmp_path, capsys):
    first, back, out = tmp_path / "p.annotator", tmp_path / "back.annotator", tmp_path / "out.json"
    _project_with_heads(first)  # stored as before session 41: no version
    assert main(["export", str(first), "-f", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "heads_version" not in data["documents"][0]["tokens"]
    data["documents"][0]["tokens"]["heads_version"] = "2"
    out.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(back), str(out)]) == 1
    assert "the tokens' 'heads_version' must be a whole number from 1" in capsys.readouterr().err
    del data["documents"][0]["tokens"]["heads_version"]
    out.write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", str(back), str(out)]) == 0
    assert _heads_version(back) is None
