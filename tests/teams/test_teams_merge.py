"""Merging annotators' files: sets named by annotator, documents matched by text hash, idempotent, nothing lost."""

from __future__ import annotations

import pytest

from annotator.errors import AnnotatorError
from annotator.store import Project
from annotator.teams.merge import merge_projects, source_annotator
from annotator.teams.sets import annotator_sets, covered_documents
from teams_data import DOC1, DOC2, DOC3, at, make_alice, make_bob, new_project


def _doc_id(p: Project, text: str) -> int:
    from annotator.import_rows import sha256_text

    return p.db.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256_text(text),)).fetchone()[0]


@pytest.fixture
def files(tmp_path):
    return make_alice(tmp_path / "alice.annotator"), make_bob(tmp_path / "bob.annotator")


def test_source_annotator_is_most_common_name(files):
    with Project(files[0], create=False) as p:
        assert source_annotator(p) == "alice"


def test_merge_into_empty_target(tmp_path, files):
    target = Project(tmp_path / "team.annotator", annotator="rita")
    report = merge_projects(target, files)
    assert [s.annotation_set for s in report.sources] == ["alice", "bob"]
    assert len(report.sources[0].added_documents) == 3
    assert len(report.sources[1].added_documents) == 0 and len(report.sources[1].matched_documents) == 2
    assert target.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    assert annotator_sets(target) == ["alice", "bob"]
    d1 = _doc_id(target, DOC1)
    # everything alice had, every state, with her name, in her set; "main" untouched
    alice = target.entities(d1, "alice")
    assert sorted((e.label, e.state, e.annotator) for e in alice) == sorted(
        [
            ("PERSON", "added", "alice"),
            ("GPE", "added", "alice"),
            ("GPE", "added", "alice"),
            ("ORG", "added", "alice"),
            ("TIME", "suggested", "alice"),
        ]
    )
    assert target.entities(d1, "main") == []
    bob = target.entities(d1, "bob")
    assert len(bob) == 6 and {e.state for e in bob} == {"added", "rejected"}
    # arguments follow their entities (ids remapped into the same set)
    (ev,) = [e for e in target.events(d1, "alice")]
    assert ev.type == "Movement:Transport"
    args = {a.role: target.entity(a.entity_id) for a in ev.arguments}
    assert (args["Artifact"].start, args["Artifact"].end) == at(DOC1, "John Smith")
    assert args["Destination"].annotation_set == "alice" and args["Destination"].label == "GPE"
    assert len(target.events(d1, "bob")) == 2
    # comments kept; the merge is in the change log, one row per document and source
    assert [c.text for c in target.comments(d1)] == ["is Acme Corp one name?"]
    merges = [r for r in target.change_log() if r["action"] == "merge"]
    assert len(merges) == 5 and {r["annotator"] for r in merges} == {"rita"}
    assert {r["rows"]["annotation_set"] for r in merges} == {"alice", "bob"}
    # coverage: bob never had doc3
    assert covered_documents(target, "bob") == {d1, _doc_id(target, DOC2)}
    assert _doc_id(target, DOC3) in covered_documents(target, "alice")
    target.close()


def test_merge_matches_existing_documents_by_hash(tmp_path, files):
    target, ids = new_project(tmp_path / "team.annotator", "rita", [("x.txt", DOC2), ("y.txt", DOC1)])
    report = merge_projects(target, files)
    assert len(report.sources[0].matched_documents) == 2 and report.sources[0].added_documents == ["doc3.txt"]
    assert target.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    assert len(target.entities(ids["y.txt"], "alice")) == 5
    assert len(target.entities(ids["x.txt"], "bob")) == 2
    assert target.document(ids["y.txt"]).name == "y.txt"  # the target's own document is kept as it was
    target.close()


def test_merge_twice_replaces_without_duplicating(tmp_path, files):
    target = Project(tmp_path / "team.annotator", annotator="rita")
    merge_projects(target, files)
    counts = target.db.conn.execute(
        "SELECT annotation_set, count(*) FROM entities GROUP BY annotation_set ORDER BY 1"
    ).fetchall()
    events = target.db.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    args = target.db.conn.execute("SELECT count(*) FROM arguments").fetchone()[0]
    again = merge_projects(target, [files[0]])
    assert sorted(again.sources[0].replaced_documents) == ["doc1.txt", "doc2.txt", "doc3.txt"]
    assert "replaced, not duplicated" in again.summary()
    assert (
        target.db.conn.execute(
            "SELECT annotation_set, count(*) FROM entities GROUP BY annotation_set ORDER BY 1"
        ).fetchall()
        == counts
    )
    assert target.db.conn.execute("SELECT count(*) FROM events").fetchone()[0] == events
    assert target.db.conn.execute("SELECT count(*) FROM arguments").fetchone()[0] == args
    assert len(target.comments(_doc_id(target, DOC1))) == 1
    target.close()


def test_two_sources_one_name_refused_unless_disjoint(tmp_path, files):
    target = Project(tmp_path / "team.annotator", annotator="rita")
    with pytest.raises(AnnotatorError, match="would both become annotation set 'alice'"):
        merge_projects(target, files, names=["alice", "alice"])
    assert target.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0  # nothing merged
    # the same annotator's second file with other documents is fine
    other, ids = new_project(tmp_path / "alice2.annotator", "alice", [("doc4.txt", "Mary went to Rome")])
    from annotator import edits

    edits.add_entity(other, ids["doc4.txt"], *at("Mary went to Rome", "Rome"), "GPE")
    other.close()
    report = merge_projects(target, [files[0], tmp_path / "alice2.annotator"])
    assert [s.annotation_set for s in report.sources] == ["alice", "alice"]
    assert target.db.conn.execute("SELECT count(*) FROM entities WHERE annotation_set = 'alice'").fetchone()[0] == 9
    target.close()


def test_bad_sources_refused_clearly(tmp_path, files):
    target = Project(tmp_path / "team.annotator", annotator="rita")
    with pytest.raises(AnnotatorError, match="no such project file"):
        merge_projects(target, [tmp_path / "nobody.annotator"])
    with pytest.raises(AnnotatorError, match="final set"):
        merge_projects(target, [files[0]], names=["main"])
    with pytest.raises(AnnotatorError, match="into itself"):
        merge_projects(target, [tmp_path / "team.annotator"], names=["x"])
    target.close()


def test_source_without_annotator_named_by_file_stem(tmp_path):
    src, _ = new_project(tmp_path / "carol.annotator", None, [("d.txt", DOC1)])
    src.close()
    target = Project(tmp_path / "team.annotator", annotator="rita")
    report = merge_projects(target, [tmp_path / "carol.annotator"])
    assert report.sources[0].annotation_set == "carol"
    assert annotator_sets(target) == ["carol"]  # known from the merge record, though it has no rows
    target.close()


def test_label_outside_target_schema_refused(tmp_path, files):
    with Project(files[1], create=False) as bob:
        with bob.transaction():
            bob.db.conn.execute("UPDATE entities SET label = 'ALIEN' WHERE label = 'DATE'")
    target = Project(tmp_path / "team.annotator", annotator="rita")
    merge_projects(target, [files[0]])
    before = target.db.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    with pytest.raises(AnnotatorError, match="labels not in the target's schema: ALIEN"):
        merge_projects(target, [files[1]])
    assert target.db.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == before
    target.close()


def test_roles_and_role_labels_outside_target_schema_refused(tmp_path, files):
    # alice's Movement:Transport has Artifact=John Smith and Destination=Paris; bob's the same with Berlin
    with Project(files[0], create=False) as alice:
        with alice.transaction():
            alice.db.conn.execute("UPDATE arguments SET role = 'Weapon' WHERE role = 'Artifact'")
    with Project(files[1], create=False) as bob:
        with bob.transaction():  # an ORG cannot be a Destination in the target's schema
            bob.db.conn.execute(
                "UPDATE entities SET label = 'PERSON' WHERE id IN (SELECT entity_id FROM arguments WHERE role = 'Destination')"
            )
    target = Project(tmp_path / "team.annotator", annotator="rita")
    with pytest.raises(
        AnnotatorError, match="roles not in the target's schema: Movement:Transport has no role 'Weapon'"
    ):
        merge_projects(target, [files[0]])
    with pytest.raises(
        AnnotatorError,
        match="role fillers not in the target's schema: role Destination of Movement:Transport takes .*not PERSON",
    ):
        merge_projects(target, [files[1]])
    assert target.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    target.close()


def test_every_source_is_checked_before_any_is_written(tmp_path, files):
    with Project(files[1], create=False) as bob:
        with bob.transaction():
            bob.db.conn.execute("UPDATE entities SET label = 'ALIEN' WHERE label = 'DATE'")
    target = Project(tmp_path / "team.annotator", annotator="rita")
    with pytest.raises(AnnotatorError, match="ALIEN") as err:
        merge_projects(target, files)
    assert "nothing was merged" in str(err.value)
    assert target.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0  # alice's file neither
    assert target.db.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 0
    target.close()


def test_a_document_one_character_apart_is_reported_with_both_names(tmp_path, files):
    target, ids = new_project(tmp_path / "team.annotator", "rita", [("story.txt", DOC1.replace("Paris", "Paris,"))])
    report = merge_projects(target, [files[0]])
    text = report.summary()
    assert "'doc1.txt'" in text and "'story.txt'" in text and "1 character" in text
    assert report.sources[0].near_duplicates  # the structured form, for the app
    target.close()


def test_event_suggestions_keep_their_state_and_source(tmp_path, files):
    with Project(files[1], create=False) as bob:
        with bob.transaction():
            bob.db.conn.execute(
                "UPDATE events SET state = 'rejected', source = 'spacy:events', score = 0.25 "
                "WHERE type = 'Contact:Meet'"
            )
    target = Project(tmp_path / "team.annotator", annotator="rita")
    merge_projects(target, [files[1]])
    rows = target.db.conn.execute(
        "SELECT type, state, source, score FROM events WHERE annotation_set = 'bob' ORDER BY type"
    )
    assert [tuple(r) for r in rows] == [
        ("Contact:Meet", "rejected", "spacy:events", 0.25),
        ("Movement:Transport", "added", "human", None),
        ("Personnel:Start-Position", "added", "human", None),
    ]
    target.close()
