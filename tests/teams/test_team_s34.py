"""Session 34 (helper s34-team): the team's round as a lead meets it. Each test failed on main.

- ``main``'s "Worked on" (``annotator sets``, Project > Annotation sets…) counted the project's documents not new: a
  team's file keeps the statuses its copies were handed out with (here: marked annotated by the lead's pass), so
  ``main`` read "3 worked on" before the reviewer had settled anything. In a team's project it counts the reviewer's
  work now: a decision in ``main``, an adjudication decision, or marked reviewed."""

from __future__ import annotations

import json

from annotator import edits
from annotator.cli import main
from annotator.store import Project
from annotator.teams import adjudication
from annotator.teams.differences import differences
from annotator.teams.set_names import set_list
from teams_data import DOC1, at, new_project
from test_team_counts_s33 import _team


def _worked_on(team) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with Project(team, create=False, annotator="check") as p:
        return {s.name: s.worked_on for s in set_list(p)}


def test_main_s_worked_on_in_a_team_s_project_counts_the_reviewer_s_work_not_the_statuses(tmp_path, capsys):
    team = _team(tmp_path)
    with Project(team, create=False, annotator="lead") as p:  # the statuses the copies went out with, say
        edits.set_statuses(p, p.document_ids(), "annotated")
    assert _worked_on(team) == {"main": 0, "alice": 2, "bob": 1}  # on main: main 3
    with Project(team, create=False, annotator="rita") as p:
        _doc1, doc2, doc3 = p.document_ids()
        item = differences(p, doc2)[0]  # alice alone worked on doc2
        adjudication.take(p, item, "alice", "rita")  # alice's Acme Corp, in main now
        edits.set_status(p, doc3, "reviewed")  # the reviewer marked it reviewed
    assert _worked_on(team) == {"main": 2, "alice": 2, "bob": 1}
    capsys.readouterr()
    assert main(["sets", str(team), "--json"]) == 0
    sets = {s["name"]: s for s in json.loads(capsys.readouterr().out)["sets"]}
    assert sets["main"]["worked_on"] == 2


def test_main_s_worked_on_without_annotators_sets_counts_its_documents_not_new(tmp_path):
    path = tmp_path / "one.annotator"
    p, ids = new_project(path, "alice", [("doc1.txt", DOC1), ("doc2.txt", DOC1 + " Again.")])
    try:
        edits.set_status(p, ids["doc2.txt"], "annotated")  # marked annotated with nothing on it: her work
        edits.add_entity(p, ids["doc1.txt"], *at(DOC1, "John Smith"), "PERSON")
    finally:
        p.close()
    assert _worked_on(path) == {"main": 2}


def _round(tmp_path):  # type: ignore[no-untyped-def]
    """team.annotator (doc1, doc2) handed out to alice, bob and carol; alice and bob merged: both PERSON "John Smith"
    on doc1, alice alone GPE "Paris" there."""
    import shutil

    team, ids = new_project(tmp_path / "team.annotator", "rita", [("doc1.txt", DOC1), ("doc2.txt", DOC1 + " Again.")])
    team.close()
    for who in ("alice", "bob", "carol"):
        shutil.copy(tmp_path / "team.annotator", tmp_path / f"{who}.annotator")
        with Project(tmp_path / f"{who}.annotator", create=False, annotator=who) as p:
            edits.add_entity(p, ids["doc1.txt"], *at(DOC1, "John Smith"), "PERSON")
            if who != "bob":
                edits.add_entity(p, ids["doc1.txt"], *at(DOC1, "Paris"), "GPE")
    path = tmp_path / "team.annotator"
    assert main(["merge", str(path), str(tmp_path / "alice.annotator"), str(tmp_path / "bob.annotator")]) == 0
    return path, ids["doc1.txt"]


def test_a_set_merged_after_adjudication_keeps_the_decisions_its_version_agrees_with(tmp_path, capsys):
    """carol's file merged after the reviewer settled doc1: on main every decision read unsettled (the items' ids are
    made from every set's version) and the merge said nothing. Her John Smith is the version taken: kept; her Paris is
    not (the reviewer took bob's nothing there): open again, and said."""
    team, doc1 = _round(tmp_path)
    with Project(team, create=False, annotator="rita") as p:
        items = {d.start: d for d in differences(p, doc1)}
        adjudication.take(p, items[0], "alice", "rita")  # John Smith
        adjudication.take(p, items[at(DOC1, "Paris")[0]], "bob", "rita")  # no Paris
        assert p.document(doc1).status == "reviewed"
    capsys.readouterr()
    assert main(["merge", str(team), str(tmp_path / "carol.annotator"), "--json"]) == 0
    said = capsys.readouterr()
    assert (
        "adjudication decisions: 1 kept (carol's version the one taken), 1 open again where carol's version differs "
        "(doc1.txt: 1): Review > Adjudicate settles them" in said.err
    ), said.err
    assert json.loads(said.out)["sources"][0]["adjudication_decisions"].startswith("adjudication decisions: 1 kept")
    with Project(team, create=False, annotator="rita") as p:
        now = {d.start: d for d in differences(p, doc1)}
        assert [n for n, _ in now[0].options] == ["alice", "bob", "carol"]
        assert now[0].decision is not None and now[0].decision["take"] == "alice"
        assert now[at(DOC1, "Paris")[0]].decision is None


EVENTS_TEXT = "Rebels bombed the depot and killed a guard."


def test_event_agreement_on_a_hand_checked_case_says_the_trigger_words_apart_from_their_type(tmp_path, capsys):
    """alice: Conflict:Attack "bombed" (Attacker Rebels, Target depot), Life:Die "killed" (Victim guard). bob:
    Conflict:Attack "bombed" (Attacker Rebels, Target guard), Life:Injure "killed" (Victim guard), and a rejected
    Life:Die on "bombed", which counts for nobody. By hand: triggers (words and type) 1 of 2 and 2: F1 0.5; arguments
    only the Attacker matches (an argument needs its event matched, type included): 1 of 3 and 3, F1 1/3. The same
    trigger words whatever the type: 2 of 2 and 2, F1 1.0, one of them typed otherwise (Life:Die / Life:Injure):
    on main no figure said that alice and bob had marked the same words, only "Life:Die 1 0" and "Life:Injure 0 1"."""
    import shutil

    team, ids = new_project(tmp_path / "team.annotator", "rita", [("doc1.txt", EVENTS_TEXT)])
    team.close()
    doc = ids["doc1.txt"]
    plan = {
        "alice": [("Conflict:Attack", "bombed", [("Attacker", "Rebels"), ("Target", "depot")]),
                  ("Life:Die", "killed", [("Victim", "guard")])],
        "bob": [("Conflict:Attack", "bombed", [("Attacker", "Rebels"), ("Target", "guard")]),
                ("Life:Injure", "killed", [("Victim", "guard")])],
    }  # fmt: skip
    labels = {"Rebels": "ORG", "depot": "FAC", "guard": "PERSON"}
    for who, events in plan.items():
        shutil.copy(tmp_path / "team.annotator", tmp_path / f"{who}.annotator")
        with Project(tmp_path / f"{who}.annotator", create=False, annotator=who) as p:
            spans = {w: edits.add_entity(p, doc, *at(EVENTS_TEXT, w), label).result_id for w, label in labels.items()}
            for type_, trigger, roles in events:
                event = edits.add_event(p, doc, type_, *at(EVENTS_TEXT, trigger)).result_id
                for role, word in roles:
                    edits.add_argument(p, event, role, spans[word])
            if who == "bob":
                edits.reject_event(p, edits.add_event(p, doc, "Life:Die", *at(EVENTS_TEXT, "bombed")).result_id)
    path = tmp_path / "team.annotator"
    assert main(["merge", str(path), str(tmp_path / "alice.annotator"), str(tmp_path / "bob.annotator")]) == 0
    capsys.readouterr()
    assert main(["agree", str(path), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)["pairs"][0]["project"]
    triggers = scores["triggers"]
    assert (triggers["overall"]["tp"], triggers["overall"]["a"], triggers["overall"]["b"]) == (1, 2, 2)
    assert triggers["overall"]["f1"] == 0.5
    assert triggers["by_label"]["Conflict:Attack"]["f1"] == 1.0
    assert (triggers["by_label"]["Life:Die"]["a"], triggers["by_label"]["Life:Die"]["b"]) == (1, 0)
    assert (triggers["by_label"]["Life:Injure"]["a"], triggers["by_label"]["Life:Injure"]["b"]) == (0, 1)
    args = scores["arguments"]
    assert (args["overall"]["tp"], args["overall"]["a"], args["overall"]["b"]) == (1, 3, 3)
    assert args["by_label"]["Attacker"]["f1"] == 1.0 and args["by_label"]["Victim"]["tp"] == 0
    words = scores["trigger_words"]["overall"]
    assert (words["tp"], words["a"], words["b"], words["f1"]) == (2, 2, 2, 1.0)
    assert scores["other_types"] == [{"a": "Life:Die", "b": "Life:Injure", "count": 1}]
    assert main(["agree", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        "  trigger words whatever the type: alice 2, bob 2, both 2 (F1 1.000); of those, 1 typed otherwise "
        "(alice / bob: Life:Die / Life:Injure 1)"
    ) in lines, lines


def test_an_annotator_s_file_merged_again_after_adjudication_opens_only_the_items_she_changed(tmp_path, capsys):
    """bob's file merged again after doc1 was settled, with Paris added since: the item taken as bob's nothing is open
    again and said; John Smith, which he did not change, stays settled."""
    team, doc1 = _round(tmp_path)
    with Project(team, create=False, annotator="rita") as p:
        items = {d.start: d for d in differences(p, doc1)}
        adjudication.take(p, items[0], "alice", "rita")
        adjudication.take(p, items[at(DOC1, "Paris")[0]], "bob", "rita")
    with Project(tmp_path / "bob.annotator", create=False, annotator="bob") as p:
        edits.add_entity(p, doc1, *at(DOC1, "Paris"), "LOC")
    capsys.readouterr()
    assert main(["merge", str(team), str(tmp_path / "bob.annotator")]) == 0
    said = capsys.readouterr()
    assert (
        "adjudication decisions: 0 kept (bob's version the one taken), 1 open again where bob's version differs "
        in (said.out + said.err)
    ), said
    with Project(team, create=False, annotator="rita") as p:
        now = {d.start: d for d in differences(p, doc1)}
        assert now[0].decision is not None and now[at(DOC1, "Paris")[0]].decision is None
