"""Agreement between annotators, checked against scores computed by hand (the sums are in the comments)."""

from __future__ import annotations

import orjson
import pytest

from annotator import edits
from annotator.errors import AnnotatorError
from annotator.store import Project
from annotator.teams.agreement import agreement, format_agreement, match_overlap, token_labels
from annotator.teams.merge import merge_projects
from annotator.teams.sets import Span
from teams_data import DOC1, DOC2, at, make_alice, make_bob, new_project


def _doc(result, name):
    (pair,) = result["pairs"]
    return next(d for d in pair["by_document"] if d["name"] == name)


def test_entity_span_f1_document(team):
    d1 = _doc(agreement(team), "doc1.txt")
    ex = d1["entities_exact"]["overall"]
    # alice 4 spans, bob 5 (his rejected "Corp" and alice's undecided suggestion do not count); 3 exact matches
    assert (ex["tp"], ex["a"], ex["b"]) == (3, 4, 5)
    assert ex["precision"] == pytest.approx(3 / 5)
    assert ex["recall"] == pytest.approx(3 / 4)
    assert ex["f1"] == pytest.approx(2 * 3 / (4 + 5))  # 0.667
    by = d1["entities_exact"]["by_label"]
    assert (by["GPE"]["tp"], by["ORG"]["tp"], by["ORG"]["f1"]) == (2, 0, 0.0)
    assert (by["DATE"]["a"], by["DATE"]["b"], by["DATE"]["recall"]) == (0, 1, None)
    # overlapping: "Acme Corp" (alice) and "Acme" (bob), both ORG, share 4 characters -> 4 matches
    ov = d1["entities_overlap"]["overall"]
    assert ov["tp"] == 4 and ov["f1"] == pytest.approx(8 / 9)
    assert d1["entities_overlap"]["by_label"]["ORG"]["f1"] == 1.0


def test_token_kappa_document(team):
    k = _doc(agreement(team), "doc1.txt")["kappa"]
    # 10 whitespace tokens (no stored tokens):
    # alice PERSON PERSON O GPE O GPE O ORG ORG O
    # bob   PERSON PERSON O GPE O GPE O ORG O   DATE
    # observed 8/10; expected (2·2 + 2·2 + 2·1 + 4·4 + 0·1) / 100 = 0.26
    assert k["tokens"] == 10
    assert k["observed"] == pytest.approx(0.8)
    assert k["expected"] == pytest.approx(0.26)
    assert k["overall"] == pytest.approx((0.8 - 0.26) / (1 - 0.26))  # 0.730


def test_events_and_arguments_document(team):
    d1 = _doc(agreement(team), "doc1.txt")
    tr = d1["triggers"]
    # alice: Transport "visited"; bob: Transport "visited" + Meet "with" -> 1 match, F1 2·1/(1+2)
    assert (tr["overall"]["tp"], tr["overall"]["a"], tr["overall"]["b"]) == (1, 1, 2)
    assert tr["overall"]["f1"] == pytest.approx(2 / 3)
    assert tr["by_label"]["Contact:Meet"]["f1"] == 0.0 and tr["by_label"]["Movement:Transport"]["f1"] == 1.0
    ar = d1["arguments"]
    # Artifact=John Smith in both; Destination Paris (alice) vs Berlin (bob) -> 1 of 2 and 2
    assert (ar["overall"]["tp"], ar["overall"]["a"], ar["overall"]["b"]) == (1, 2, 2)
    assert ar["overall"]["f1"] == pytest.approx(0.5)
    assert ar["by_label"]["Artifact"]["f1"] == 1.0 and ar["by_label"]["Destination"]["f1"] == 0.0


def test_project_pools_the_shared_documents(team):
    result = agreement(team)
    (pair,) = result["pairs"]
    assert (pair["a"], pair["b"], pair["documents"]) == ("alice", "bob", 2)  # doc3 is alice's only
    p = pair["project"]
    # doc2 agrees fully: 2 spans, 1 event with 2 arguments, 4 tokens
    ex = p["entities_exact"]["overall"]
    assert (ex["tp"], ex["a"], ex["b"]) == (5, 6, 7) and ex["f1"] == pytest.approx(10 / 13)
    assert p["triggers"]["overall"]["f1"] == pytest.approx(2 * 2 / (2 + 3))
    assert p["arguments"]["overall"]["f1"] == pytest.approx(2 * 3 / (4 + 4))
    # 14 tokens, 12 agree; marginals alice PERSON 3 GPE 2 ORG 4 O 5, bob PERSON 3 GPE 2 ORG 3 O 5 DATE 1
    # expected (9 + 4 + 12 + 25) / 196 = 50/196; kappa = (168 - 50) / (196 - 50)
    assert p["kappa"]["overall"] == pytest.approx(118 / 146)
    # ORG against the rest: both 3, alice only 1, neither 10 -> (13/14 - 122/196) / (1 - 122/196) = 60/74
    assert p["kappa"]["by_label"]["ORG"] == pytest.approx(60 / 74)
    assert p["kappa"]["by_label"]["DATE"] == pytest.approx(0.0)


def test_text_table(team):
    text = format_agreement(agreement(team))
    assert "alice vs bob: 2 documents" in text
    assert "0.769" in text  # project entity F1 10/13
    assert "doc1.txt" in text and "0.667" in text


def test_sets_choice_and_errors(team, tmp_path):
    with pytest.raises(AnnotatorError, match="no annotation set 'carol'"):
        agreement(team, ["alice", "carol"])
    with pytest.raises(AnnotatorError, match="two annotation sets"):
        agreement(team, ["alice"])
    # main can be compared when asked: it is empty, so alice's recall against it is undefined
    result = agreement(team, ["main", "alice"])
    assert result["pairs"][0]["documents"] == 0
    single = Project(tmp_path / "one.annotator")
    with pytest.raises(AnnotatorError, match="annotator merge"):
        agreement(single)
    single.close()


def test_three_annotators_make_three_pairs(team, tmp_path):
    carol, ids = new_project(tmp_path / "c.annotator", "carol", [("d.txt", "Acme Corp hired Mary")])
    edits.add_entity(carol, ids["d.txt"], 0, 9, "ORG")
    carol.close()
    merge_projects(team, [tmp_path / "c.annotator"])
    pairs = agreement(team)["pairs"]
    assert [(p["a"], p["b"]) for p in pairs] == [("alice", "bob"), ("alice", "carol"), ("bob", "carol")]
    ac = pairs[1]["project"]["entities_exact"]["overall"]
    assert (ac["tp"], ac["a"], ac["b"]) == (1, 2, 1)  # doc2 only: carol missed Mary


def test_stored_tokens_are_used(project):
    text = "Acme Corp. hired Mary"
    from annotator.importing import IncomingDocument, import_documents

    doc = import_documents(project, [IncomingDocument(text=text, name="t")]).imported[0][1]
    with project.transaction():
        project.db.conn.execute(
            "INSERT INTO tokens (document_id, pipeline, starts, ends, sentence_starts) VALUES (?, 'x', ?, ?, '[0]')",
            (doc, orjson.dumps([0, 5, 9, 11, 17]).decode(), orjson.dumps([4, 9, 10, 16, 21]).decode()),
        )
    for name, end in (("a", 10), ("b", 9)):
        project.annotation_set = name
        edits.add_entity(project, doc, 0, end, "ORG")
    k = agreement(project, ["a", "b"])["pairs"][0]["project"]["kappa"]
    # tokens Acme Corp . hired Mary; "." is ORG for a only: observed 4/5, expected (3·2 + 2·3)/25
    assert k["tokens"] == 5
    assert k["overall"] == pytest.approx((4 / 5 - 12 / 25) / (1 - 12 / 25))  # 8/13


def test_kappa_undefined_when_both_label_nothing(project):
    from annotator.importing import IncomingDocument, import_documents

    doc = import_documents(project, [IncomingDocument(text="nothing to see here", name="t")]).imported[0][1]
    for name in ("a", "b"):
        project.annotation_set = name
        edits.add_event(project, doc, "Contact:Meet", 0, 7)  # covered, but no entity
    k = agreement(project, ["a", "b"])["pairs"][0]["project"]["kappa"]
    assert k["overall"] is None and k["observed"] == 1.0


def test_overlap_matching_is_greedy_by_shared_characters():
    a = [Span(0, 6, "X"), Span(5, 10, "X")]
    b = [Span(4, 10, "X")]
    # (5,10)-(4,10) share 5 characters, (0,6)-(4,10) share 2: the larger overlap wins, one-to-one
    assert match_overlap(a, b) == [(a[1], b[0])]
    assert match_overlap([Span(0, 5, "X")], [Span(0, 5, "Y")]) == []  # labels must agree
    # a tie on shared characters goes to the tighter pair
    assert match_overlap([Span(0, 4, "X")], [Span(0, 10, "X"), Span(0, 4, "X")]) == [(Span(0, 4, "X"), Span(0, 4, "X"))]


def test_token_labels_take_the_largest_overlap():
    tokens = [(0, 4), (5, 10), (11, 12)]
    spans = [Span(0, 6, "A"), Span(6, 12, "B")]
    assert token_labels(tokens, spans) == ["A", "B", "B"]  # (5,10): 1 char of A, 4 of B
    assert token_labels(tokens, []) == ["O", "O", "O"]


def test_sets_naming_one_set_says_so(team):
    with pytest.raises(AnnotatorError, match="--sets named only one annotation set"):
        agreement(team, ["alice"])
    with pytest.raises(AnnotatorError, match="--sets named only one annotation set"):
        agreement(team, ["alice", "alice"])


def test_text_tables_do_not_cut_names(tmp_path):
    p, ids = new_project(
        tmp_path / "t.annotator",
        "x",
        [("report-2024-03-01-morning.txt", DOC2), ("report-2024-03-01-evening.txt", DOC1)],
    )
    for name in ("alice-laptop", "alice-desktop"):
        p.annotation_set = name
        for doc in ids.values():
            edits.add_entity(p, doc, 0, 4, "ORG")
        edits.add_event(p, ids["report-2024-03-01-morning.txt"], "Transaction:Transfer-Ownership", 10, 15)
        edits.add_event(p, ids["report-2024-03-01-morning.txt"], "Transaction:Transfer-Money", 10, 15)
    text = format_agreement(agreement(p))
    for name in (
        "alice-laptop",
        "alice-desktop",
        "report-2024-03-01-morning.txt",
        "report-2024-03-01-evening.txt",
        "Transaction:Transfer-Ownership",
        "Transaction:Transfer-Money",
    ):
        assert name in text
    p.close()


def test_undecided_and_rejected_event_suggestions_are_not_a_persons_events(tmp_path):
    """Events can be suggestions now: only accepted and added events count as an annotator's events."""
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    alice = make_alice(tmp_path / "a.annotator")
    p = Project(alice, annotator="alice")
    d1 = p.db.conn.execute("SELECT id FROM documents WHERE name = 'doc1.txt'").fetchone()[0]
    s, e = at(DOC1, "with")
    s2, e2 = at(DOC1, "yesterday")
    with p.transaction():
        write_events(p, d1, [EventSuggestion("Contact:Meet", s, e, 0.9)], "rules:test@1", WriteCounts())
        write_events(p, d1, [EventSuggestion("Conflict:Attack", s2, e2, 0.5)], "rules:test@1", WriteCounts())
    rejected = p.db.conn.execute("SELECT id FROM events WHERE type = 'Conflict:Attack'").fetchone()[0]
    edits.reject_event(p, rejected)
    p.close()
    team = Project(tmp_path / "team.annotator", annotator="rita")
    merge_projects(team, [alice, make_bob(tmp_path / "b.annotator")])
    tr = _doc(agreement(team), "doc1.txt")["triggers"]
    # alice still has one event of her own ("visited"): the undecided Meet and the rejected Attack do not count
    assert (tr["overall"]["tp"], tr["overall"]["a"], tr["overall"]["b"]) == (1, 1, 2)
    team.close()
