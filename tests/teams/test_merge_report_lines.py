"""``annotator merge``'s report of a source (session 16): a category her file took off a document (she removed the one
she had given, merged again, with ``--combine`` from her other machine too) changed the document and was counted
nowhere; and the report was one line of every fact joined by '; ' (200-400 characters), too long for a terminal. One
fact a line now, the first naming the file and its set."""

from __future__ import annotations

import shutil

from annotator import edits
from annotator.categories import document_categories
from annotator.cli import main
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.teams.merge import merge_projects

TEXTS = ("Rates rose again.", "Rain all week.", "Acme hired Lee.")


def _team(tmp_path):  # type: ignore[no-untyped-def]
    team = tmp_path / "team.annotator"
    with Project(team, annotator="rita") as p:
        import_documents(p, [IncomingDocument(t, f"{k}.txt") for k, t in enumerate(TEXTS)])
    shutil.copy(team, tmp_path / "alice.annotator")
    return team


def _set(path, doc: int, categories: list[str]) -> None:  # type: ignore[no-untyped-def]
    with Project(path, annotator="alice") as p:
        edits.set_categories(p, p.document_ids()[doc], categories)


def _categories(path) -> list[list[str]]:  # type: ignore[no-untyped-def]
    with Project(path, create=False) as p:
        return [document_categories(p.document(i).meta) for i in p.document_ids()]


def test_her_file_merged_again_after_she_removed_a_category_counts_the_removal(tmp_path):
    team = _team(tmp_path)
    alice = tmp_path / "alice.annotator"
    _set(alice, 0, ["ECONOMY", "TRADE"])
    _set(alice, 1, ["WEATHER"])
    with Project(team, annotator="rita") as p:
        assert merge_projects(p, [alice]).sources[0].categories_taken == ["0.txt", "1.txt"]
    _set(alice, 0, ["ECONOMY"])  # one of two taken off
    _set(alice, 1, [])  # her only one taken off
    with Project(team, annotator="rita") as p:
        (again,) = merge_projects(p, [alice]).sources
    assert _categories(team)[:2] == [["ECONOMY"], []]
    assert again.categories_removed == ["0.txt", "1.txt"] and again.categories_taken == []
    assert (
        "\n  categories taken off 2 documents (0.txt, 1.txt: this file's of an earlier merge, which it no longer gives)"
        in again.summary()
    )


def test_combine_from_her_other_machine_counts_a_removal_and_reports_one_fact_a_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _team(tmp_path)
    _set(tmp_path / "alice.annotator", 0, ["ECONOMY"])
    assert main(["merge", "team.annotator", "alice.annotator", "--as", "alice"]) == 0
    shutil.copy(tmp_path / "alice.annotator", tmp_path / "alice-laptop.annotator")
    _set(tmp_path / "alice-laptop.annotator", 0, [])  # on her laptop she took it off
    with Project(tmp_path / "alice.annotator", annotator="alice") as p:  # on her desktop she went on with another
        edits.add_comment(p, p.document_ids()[2], "check the name")
    assert main(["merge", "team.annotator", "alice.annotator", "--as", "alice"]) == 0
    capsys.readouterr()
    assert main(["merge", "team.annotator", "alice-laptop.annotator", "--as", "alice", "--combine"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert _categories(tmp_path / "team.annotator")[0] == []
    assert out[:3] == [
        "alice-laptop.annotator -> set 'alice': 1 document (0 new to the project, 1 matched by text)",
        "  0 entities, 0 events, 0 arguments, 0 comments",
        "  1 replaced the set's earlier version of the same document (replaced, not duplicated)",
    ]
    assert out[3].startswith("  2 kept as merged from ") and out[3].endswith(
        "(not worked on in this file: 1.txt, 2.txt)"
    )
    assert out[4:] == [
        "  categories taken off 1 document (0.txt: this file's of an earlier merge, which it no longer gives)"
    ]
