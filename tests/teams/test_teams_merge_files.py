"""The same annotator's files from several machines: a set remembers the file it came from (issue 16, point 1)."""

from __future__ import annotations

import shutil

import pytest

from annotator import edits
from annotator.errors import AnnotatorError
from annotator.store import Project
from annotator.teams.merge import merge_projects
from teams_data import DOC1, DOC2, DOC3, at, new_project


def _counts(p: Project) -> dict:
    conn = p.db.conn
    return {
        "entities": conn.execute("SELECT annotation_set, count(*) FROM entities GROUP BY 1 ORDER BY 1").fetchall(),
        "events": conn.execute("SELECT count(*) FROM events").fetchone()[0],
        "documents": conn.execute("SELECT count(*) FROM documents").fetchone()[0],
        "meta": conn.execute("SELECT meta FROM documents ORDER BY id").fetchall(),
    }


@pytest.fixture
def machines(tmp_path):
    """team.annotator handed out; alice works on doc1 (laptop) and on doc2 (desktop), in two copies."""
    team, ids = new_project(
        tmp_path / "team.annotator", "rita", [("doc1.txt", DOC1), ("doc2.txt", DOC2), ("doc3.txt", DOC3)]
    )
    team.close()
    laptop, desktop = tmp_path / "alice-laptop.annotator", tmp_path / "alice-desktop.annotator"
    shutil.copy(tmp_path / "team.annotator", laptop)
    shutil.copy(tmp_path / "team.annotator", desktop)
    with Project(laptop, create=False, annotator="alice") as p:
        john = edits.add_entity(p, ids["doc1.txt"], *at(DOC1, "John Smith"), "PERSON").result_id
        paris = edits.add_entity(p, ids["doc1.txt"], *at(DOC1, "Paris"), "GPE").result_id
        ev = edits.add_event(p, ids["doc1.txt"], "Movement:Transport", *at(DOC1, "visited")).result_id
        edits.add_argument(p, ev, "Artifact", john)
        edits.add_argument(p, ev, "Destination", paris)
    with Project(desktop, create=False, annotator="alice") as p:
        edits.add_entity(p, ids["doc2.txt"], *at(DOC2, "Acme Corp"), "ORG")
        edits.add_entity(p, ids["doc2.txt"], *at(DOC2, "Mary"), "PERSON")
    return tmp_path / "team.annotator", laptop, desktop, ids


def _alice(p: Project, doc: int) -> list[tuple[str, str]]:
    text = p.document(doc).text
    return sorted((text[e.start : e.end], e.label) for e in p.entities(doc, "alice"))


def test_a_second_file_for_a_set_is_refused_and_changes_nothing(machines):
    team, laptop, desktop, ids = machines
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [laptop])
        before = _counts(p)
        with pytest.raises(AnnotatorError) as err:
            merge_projects(p, [desktop])
        msg = str(err.value)
        assert "alice-laptop.annotator" in msg and "alice-desktop.annotator" in msg
        assert "--combine" in msg and "--replace" in msg and "--as" in msg
        assert _counts(p) == before  # her laptop's work is still there
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]
        assert len(p.events(ids["doc1.txt"], "alice")) == 1


def test_combine_takes_each_document_from_the_file_it_was_worked_on_in(machines):
    team, laptop, desktop, ids = machines
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [laptop])
        report = merge_projects(p, [desktop], combine=True)
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]
        assert len(p.events(ids["doc1.txt"], "alice")) == 1
        assert _alice(p, ids["doc2.txt"]) == [("Acme Corp", "ORG"), ("Mary", "PERSON")]
        src = report.sources[0]
        assert src.replaced_documents == ["doc2.txt"] and sorted(src.kept_documents) == ["doc1.txt", "doc3.txt"]
        assert "kept" in report.summary()


def test_combine_in_one_command_and_replace(machines):
    team, laptop, desktop, ids = machines
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [laptop, desktop], combine=True)
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]
        assert _alice(p, ids["doc2.txt"]) == [("Acme Corp", "ORG"), ("Mary", "PERSON")]
        merge_projects(p, [laptop], replace=True)  # the laptop's copy of doc2 is untouched: it wins when asked
        assert _alice(p, ids["doc2.txt"]) == []
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]


def test_combine_refuses_a_document_worked_on_in_both(machines):
    team, laptop, desktop, ids = machines
    with Project(desktop, create=False, annotator="alice") as d:
        edits.add_entity(d, ids["doc1.txt"], *at(DOC1, "Berlin"), "GPE")
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [laptop])
        before = _counts(p)
        with pytest.raises(AnnotatorError, match="doc1.txt") as err:
            merge_projects(p, [desktop], combine=True)
        assert "both" in str(err.value)
        assert _counts(p) == before
        merge_projects(p, [desktop], names=["alice-desktop"])  # kept apart, to adjudicate
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]
        assert len(p.entities(ids["doc1.txt"], "alice-desktop")) == 1


def test_the_same_file_later_replaces_its_earlier_merge(machines):
    team, laptop, desktop, ids = machines
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [laptop])
    with Project(laptop, create=False, annotator="alice") as a:
        edits.add_entity(a, ids["doc3.txt"], *at(DOC3, "Alice"), "PERSON")
    moved = laptop.with_name("alice-laptop-friday.annotator")
    laptop.rename(moved)  # renamed on the way: still the same file, further on
    with Project(team, create=False, annotator="rita") as p:
        report = merge_projects(p, [moved])
        assert sorted(report.sources[0].replaced_documents) == ["doc1.txt", "doc2.txt", "doc3.txt"]
        assert _alice(p, ids["doc3.txt"]) == [("Alice", "PERSON")]
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]


def test_another_file_under_the_same_path_is_refused(machines):
    team, laptop, desktop, ids = machines
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [laptop])
    shutil.copy(desktop, laptop)  # the desktop's file saved over the laptop's
    with Project(team, create=False, annotator="rita") as p:
        with pytest.raises(AnnotatorError, match="--combine"):
            merge_projects(p, [laptop])
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]


def test_merge_command_options(machines, capsys):
    from annotator.cli import main

    team, laptop, desktop, ids = machines
    assert main(["merge", str(team), str(laptop), "--annotator", "rita"]) == 0
    capsys.readouterr()
    assert main(["merge", str(team), str(desktop), "--annotator", "rita"]) == 1
    assert "--combine" in capsys.readouterr().err
    assert main(["merge", str(team), str(desktop), "--combine", "--replace"]) == 2  # one or the other
    capsys.readouterr()
    assert main(["merge", str(team), str(desktop), "--annotator", "rita", "--combine"]) == 0
    assert "1 replaced" in capsys.readouterr().out
    with Project(team, create=False) as p:
        assert _alice(p, ids["doc2.txt"]) == [("Acme Corp", "ORG"), ("Mary", "PERSON")]
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]


def test_a_source_of_the_older_file_format_is_read_from_an_upgraded_copy(tmp_path, machines):
    import hashlib
    import sqlite3

    team, laptop, desktop, ids = machines
    from annotator import migrations

    before = migrations.MIGRATIONS.index(migrations._m4_merge_provenance)
    conn = sqlite3.connect(laptop)  # as the version before merges remembered their files wrote it
    conn.execute("DROP TABLE merged_suggestions")
    conn.execute("DROP TABLE merge_sources")
    conn.execute(f"PRAGMA user_version = {before}")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(laptop.read_bytes()).hexdigest()
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [laptop])
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]
    assert hashlib.sha256(laptop.read_bytes()).hexdigest() == digest  # the annotator's file is not touched
    assert not list(tmp_path.glob("*.bak*"))


def test_a_source_whose_name_has_uri_characters_is_merged(tmp_path, machines):
    team, laptop, desktop, ids = machines
    odd = laptop.with_name("alice #2 ?.annotator")
    laptop.rename(odd)
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [odd])
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]


def test_the_same_file_under_another_name_is_refused_naming_the_set_it_went_in_as(machines, tmp_path):
    """s30-eng's lead 1: bob's copy went in as set 'root', then `--as bob` doubled its rows without a word."""
    team, laptop, desktop, ids = machines
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [laptop], names=["root"])
        before = _counts(p)
    with Project(laptop, create=False, annotator="alice") as a:  # worked on further: still the same file
        edits.add_entity(a, ids["doc3.txt"], *at(DOC3, "Alice"), "PERSON")
    with Project(team, create=False, annotator="rita") as p:
        for names in (["alice"], None):  # named by --as, or after its annotator
            with pytest.raises(AnnotatorError) as err:
                merge_projects(p, [laptop], names=names)
            msg = str(err.value)
            assert "went in as set 'root'" in msg and "--as root" in msg and "nothing was merged" in msg
            assert "3 documents" in msg
            assert _counts(p) == before
        report = merge_projects(p, [laptop], names=["root"])  # under its name: brought up to date
        assert sorted(report.sources[0].replaced_documents) == ["doc1.txt", "doc2.txt", "doc3.txt"]
        assert [s for s, _ in _counts(p)["entities"]] == ["root"]


def test_an_untouched_copy_merged_under_one_name_does_not_hold_back_the_copies_worked_on(machines, tmp_path):
    team, laptop, desktop, ids = machines
    carol = tmp_path / "carol.annotator"
    shutil.copy(team, carol)  # handed out, not yet worked on: every copy's history goes on from it
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [carol], names=["carol"])
        merge_projects(p, [laptop])
        assert _alice(p, ids["doc1.txt"]) == [("John Smith", "PERSON"), ("Paris", "GPE")]
