"""``merge`` and the edits an app kept for a source and never saved (its journal, ``annotator.kept_journal``).

A merge reads a source read-only, as its file holds it: edits a killed app had kept for that source (another program
was writing to it) were not merged, silently, until the source was opened once. Now the merge writes them into the
source first, as any open of it would, or refuses that source in one line that says what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator import edits, kept_journal
from annotator.errors import AnnotatorError
from annotator.kept_journal import KeptJournal
from annotator.store import Project
from annotator.teams.merge import merge_projects
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


def test_merge_writes_a_source_s_kept_edits_into_it_first_and_merges_them(tmp_path: Path) -> None:
    source = make_alice(tmp_path / "alice.annotator")
    keep_for(source, "with", "ORG").close()  # the app killed with the key kept
    with Project(tmp_path / "team.annotator", annotator="rita") as target:
        report = merge_projects(target, [source])
        assert ("with", "ORG") in alice_spans(target)
    assert report.sources[0].kept_written == "Saved now: 1 edit kept by a program that stopped before saving it"
    assert "note: alice.annotator: Saved now: 1 edit kept" in report.summary()
    assert not any(p.exists() for p in kept_journal.journal_paths(source))
    with Project(source, create=False, read_only=True) as again:  # in the source itself now, once
        assert sum(e.label == "ORG" and DOC1[e.start : e.end] == "with" for e in again.entities(1)) == 1


def test_merge_refuses_a_source_whose_kept_edits_a_running_program_still_holds(tmp_path: Path) -> None:
    source = make_alice(tmp_path / "alice.annotator")
    journal = keep_for(source, "with", "ORG")  # the app still running, its edit still waiting
    try:
        with Project(tmp_path / "team.annotator", annotator="rita") as target:
            with pytest.raises(AnnotatorError) as err:
                merge_projects(target, [source])
            assert target.document_ids() == []  # nothing merged
        assert str(err.value) == (
            f"{source}: a program still has it open with 1 edit not saved yet (alice.annotator-kept): merge it "
            "once that program has saved it or is closed; nothing was merged"
        )
    finally:
        journal.close()


def test_merge_refuses_a_source_it_cannot_write_its_kept_edits_into_saying_what_to_do(tmp_path: Path) -> None:
    source = make_alice(tmp_path / "alice.annotator")
    keep_for(source, "with", "ORG").close()
    os.chmod(source, 0o444)  # a colleague's file, read-only here (even root opens a 0444 project read-only)
    try:
        with Project(tmp_path / "team.annotator", annotator="rita") as target:
            with pytest.raises(AnnotatorError) as err:
                merge_projects(target, [source])
            assert target.document_ids() == []
    finally:
        os.chmod(source, 0o644)
    message = str(err.value)
    assert message.startswith(f"{source}: holds 1 edit an app kept and never saved (alice.annotator-kept)")
    assert "open it once as someone who can write it" in message and message.endswith("nothing was merged")
    assert "\n" not in message
    assert (tmp_path / "alice.annotator-kept").exists()  # kept for that open
