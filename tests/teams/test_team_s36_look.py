"""Session 36 (helper s36-look): a decision a merge carries stays on its own item.

Seen in the app (seeds, alice and bob merged, rita took alice's "November 17" and bob's nothing at "Indian External
Affairs"; alice's file merged again without her dates): "S Jaishankar", never decided, read "open again: was bob by
rita". The items bob lacks were matched to their earlier selves by their order alone (all alike as bob has them), so
one item gone moved each decision after it onto the next item."""

from __future__ import annotations

from annotator import edits
from annotator.cli import main
from annotator.store import Project
from annotator.teams import adjudication
from annotator.teams.differences import differences
from teams_data import DOC1, at, new_project


def _alice_and_bob_merged(tmp_path, alice_marks: tuple[str, ...]) -> tuple[str, int]:
    """rita's project of DOC1, alice's copy marking ``alice_marks`` (John Smith a PERSON, the rest GPEs), bob's Acme
    Corp, both merged: the team file's path and the document's id."""
    import shutil

    team, ids = new_project(tmp_path / "team.annotator", "rita", [("doc1.txt", DOC1)])
    team.close()
    doc1 = ids["doc1.txt"]
    for who in ("alice", "bob"):
        shutil.copy(tmp_path / "team.annotator", tmp_path / f"{who}.annotator")
    with Project(tmp_path / "alice.annotator", create=False, annotator="alice") as p:
        for words in alice_marks:
            edits.add_entity(p, doc1, *at(DOC1, words), "PERSON" if words == "John Smith" else "GPE")
    with Project(tmp_path / "bob.annotator", create=False, annotator="bob") as p:
        edits.add_entity(p, doc1, *at(DOC1, "Acme Corp"), "ORG")
    path = str(tmp_path / "team.annotator")
    assert main(["merge", path, str(tmp_path / "alice.annotator"), str(tmp_path / "bob.annotator")]) == 0
    return path, doc1


def test_an_item_gone_from_a_file_merged_again_moves_no_decision_onto_the_next_item(tmp_path):
    path, doc1 = _alice_and_bob_merged(tmp_path, ("John Smith", "Paris", "Berlin"))
    with Project(path, create=False, annotator="rita") as p:
        items = {d.start: d for d in differences(p, doc1)}
        adjudication.take(p, items[0], "alice", "rita")  # John Smith
        adjudication.take(p, items[at(DOC1, "Paris")[0]], "bob", "rita")  # no Paris
    with Project(tmp_path / "alice.annotator", create=False, annotator="alice") as p:  # alice drops John Smith
        entity_id = next(e.id for e in p.entities(doc1) if e.start == 0)
        edits.delete_entity(p, entity_id)
    assert main(["merge", path, str(tmp_path / "alice.annotator")]) == 0
    with Project(path, create=False, annotator="rita") as p:
        now = {d.start: d for d in differences(p, doc1)}
        paris, berlin = now[at(DOC1, "Paris")[0]], now[at(DOC1, "Berlin")[0]]
        assert paris.decision is not None and paris.decision["take"] == "bob"  # alice's Paris as it was: kept
        assert berlin.decision is None
        assert berlin.earlier is None  # on main: "was bob by rita", Paris's decision moved onto Berlin


def test_an_item_whose_only_version_moved_keeps_the_trace_of_its_decision(tmp_path):
    """Matched by place, an item only alice has whose bounds she changed is still the item decided (it overlaps)."""
    path, doc1 = _alice_and_bob_merged(tmp_path, ("Paris", "Berlin"))
    with Project(path, create=False, annotator="rita") as p:
        items = {d.start: d for d in differences(p, doc1)}
        adjudication.take(p, items[at(DOC1, "Paris")[0]], "bob", "rita")  # no Paris
    wider = (at(DOC1, "visited")[0], at(DOC1, "Paris")[1])
    with Project(tmp_path / "alice.annotator", create=False, annotator="alice") as p:
        entity_id = next(e.id for e in p.entities(doc1) if e.start == at(DOC1, "Paris")[0])
        edits.resize_entity(p, entity_id, *wider)
    assert main(["merge", path, str(tmp_path / "alice.annotator")]) == 0
    with Project(path, create=False, annotator="rita") as p:
        now = {d.start: d for d in differences(p, doc1)}
        moved, berlin = now[wider[0]], now[at(DOC1, "Berlin")[0]]
        assert moved.decision is None and moved.earlier is not None and moved.earlier["take"] == "bob"
        assert berlin.decision is None and berlin.earlier is None
