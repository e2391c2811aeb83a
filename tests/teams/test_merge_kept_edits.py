"""``annotator merge`` and the edits an app kept for a source and never saved (its journal, ``annotator.kept_journal``).

A merge reads a source read-only, as its file holds it: edits a killed app had kept for that source (another program
was writing to it) were not merged, silently, until the source was opened once. Now the command writes them into the
source first, as its open of any project does, or refuses in one line that says what to do."""

from __future__ import annotations

import os
from pathlib import Path


from annotator import edits, kept_journal
from annotator.cli import main
from annotator.kept_journal import KeptJournal
from annotator.store import Project
from teams_data import DOC1, at, make_alice


def keep_for(source: Path, words: str, label: str) -> KeptJournal:
    """What an app keeping one new span on doc1 of ``source`` leaves when it is killed (its journal, unlocked by the
    caller's ``close``)."""
    with Project(source, create=False, annotator="alice") as p:
        journal = KeptJournal.start(p)
        journal.append(kept_journal.record(p, edits.add_entity, (1, *at(DOC1, words), label), {}))
    return journal


def alice_spans(target: Project) -> list[tuple[str, str]]:
    docs = {name: i for i, name, *_ in target.db.document_list()}
    return sorted((DOC1[e.start : e.end], e.label) for e in target.entities(docs["doc1.txt"], "alice"))


def test_merge_writes_a_source_s_kept_edits_into_it_first_and_merges_them(tmp_path: Path, capsys) -> None:
    source = make_alice(tmp_path / "alice.annotator")
    keep_for(source, "with", "ORG").close()  # the app killed with the key kept
    team = tmp_path / "team.annotator"
    assert main(["merge", str(team), str(source), "--annotator", "rita"]) == 0
    err = capsys.readouterr().err
    assert "annotator: note: alice.annotator: Saved now: 1 edit kept by a program that stopped before saving it" in err
    with Project(team, create=False, read_only=True) as target:
        assert ("with", "ORG") in alice_spans(target)
    assert not any(p.exists() for p in kept_journal.journal_paths(source))
    with Project(source, create=False, read_only=True) as again:  # in the source itself now, once
        assert sum(e.label == "ORG" and DOC1[e.start : e.end] == "with" for e in again.entities(1)) == 1


def test_merge_refuses_a_source_whose_kept_edits_a_running_program_still_holds(tmp_path: Path, capsys) -> None:
    source = make_alice(tmp_path / "alice.annotator")
    journal = keep_for(source, "with", "ORG")  # the app still running, its edit still waiting
    team = tmp_path / "team.annotator"
    try:
        assert main(["merge", str(team), str(source)]) == 1
    finally:
        journal.close()
    assert capsys.readouterr().err.strip() == (
        f"annotator: error: {source}: a program still has it open with 1 edit not saved yet (alice.annotator-kept): "
        "merge it once that program has saved it or is closed; nothing was merged"
    )
    assert not team.exists()  # nothing merged, no target made


def test_merge_refuses_a_source_it_cannot_write_its_kept_edits_into_saying_what_to_do(tmp_path: Path, capsys) -> None:
    source = make_alice(tmp_path / "alice.annotator")
    keep_for(source, "with", "ORG").close()
    os.chmod(source, 0o444)  # a colleague's file, read-only here (even root opens a 0444 project read-only)
    team = tmp_path / "team.annotator"
    try:
        assert main(["merge", str(team), str(source)]) == 1
    finally:
        os.chmod(source, 0o644)
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"annotator: error: {source}: holds 1 edit an app kept and never saved (alice.annotator-kept); it cannot be "
        "written into it here"
    )
    assert "open it once as someone who can write it" in lines[0] and lines[0].endswith("nothing was merged")
    assert (tmp_path / "alice.annotator-kept").exists() and not team.exists()  # kept for that open
