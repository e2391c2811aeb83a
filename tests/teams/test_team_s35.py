"""Session 35 (helper s35-qa): a reviewer's pass over two annotators' sets, then a third file merged. Each test failed
on main.

- A document marked reviewed (its last difference settled), then reopened by a merge (``teams.merge_decisions``: the
  items the merged set's version does not agree with are open again) kept its status ``reviewed``: the Adj. column's
  dot and the "to adjudicate" filter leave a reviewed document out, an ``export --status reviewed`` wrote it with an
  item open, and settling the reopened items did not mark it reviewed again (already so). It is ``in_progress`` now
  (its review begun, not done), one change-log row by whoever merged, and the merge's line says so."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project
from annotator.teams import adjudication
from annotator.teams.differences import differences
from teams_data import DOC1, at
from test_team_s34 import _round


def _settle_doc1(team) -> None:  # type: ignore[no-untyped-def]
    """rita takes alice's John Smith and bob's nothing at Paris: every item settled, doc1 marked reviewed."""
    with Project(team, create=False, annotator="rita") as p:
        doc1 = p.document_ids()[0]
        items = {d.start: d for d in differences(p, doc1)}
        adjudication.take(p, items[0], "alice", "rita")
        adjudication.take(p, items[at(DOC1, "Paris")[0]], "bob", "rita")
        assert p.document(doc1).status == "reviewed"


def test_a_reviewed_document_a_merge_reopens_is_no_longer_reviewed_and_the_merge_says_so(tmp_path, capsys):
    team, doc1 = _round(tmp_path)
    _settle_doc1(team)
    capsys.readouterr()
    assert main(["merge", str(team), str(tmp_path / "carol.annotator"), "--annotator", "lead", "--json"]) == 0
    said = capsys.readouterr()
    line = (
        "adjudication decisions: 1 kept (carol's version the one taken), 1 open again where carol's version differs "
        "(doc1.txt: 1): Review > Adjudicate settles them; no longer reviewed, in progress again: doc1.txt"
    )
    assert line in said.err, said.err
    assert json.loads(said.out)["sources"][0]["adjudication_decisions"] == line
    with Project(team, create=False, annotator="rita") as p:
        assert p.document(doc1).status == "in_progress"  # on main: reviewed
        last = p.db.conn.execute(
            "SELECT action, annotator FROM change_log WHERE document_id = ? ORDER BY id DESC LIMIT 1", (doc1,)
        ).fetchone()
        assert tuple(last) == ("set_status", "lead")
        open_item = next(d for d in differences(p, doc1) if d.decision is None)
        adjudication.take(p, open_item, "bob", "rita")  # the reopened item settled: reviewed again
        assert p.document(doc1).status == "reviewed"


def test_a_merge_that_keeps_every_decision_leaves_a_reviewed_document_reviewed(tmp_path, capsys):
    """alice's file merged again unchanged: every decision holds, the document stays reviewed (a guard: so on main)."""
    team, doc1 = _round(tmp_path)
    _settle_doc1(team)
    assert main(["merge", str(team), str(tmp_path / "alice.annotator")]) == 0
    with Project(team, create=False, annotator="rita") as p:
        assert p.document(doc1).status == "reviewed"


def test_taking_nothing_over_the_model_s_event_rejects_it_and_taking_it_back_accepts_the_same_one(tmp_path):
    """Seed 001 (session 35): alice kept the model's Contact:Meet "held talks", bob rejected it; the reviewer's B (bob's
    nothing) deleted the model's suggestion from main (``delete_event``), as the merge of carol's file (she kept it)
    then made the reviewer take alice's version: a new event, 'added' by her, the suggester's source and score gone.
    An entity taken as nothing is rejected, never deleted (model quality reads it); so is an event now, and taking a
    version back accepts that same event."""
    from annotator import edits
    from annotator.recorder import undo
    from test_adjudication_events import TEXT, _suggested_event

    p = Project(tmp_path / "team.annotator", annotator="setup")
    try:
        from annotator.importing import IncomingDocument, import_documents

        doc = import_documents(p, [IncomingDocument(text=TEXT, name="t")]).imported[0][1]
        model = _suggested_event(p, doc, "attacked", "Conflict:Attack")
        p.annotation_set, p.annotator = "alice", "alice"
        edits.add_event(p, doc, "Conflict:Attack", *at(TEXT, "attacked"))
        p.annotation_set, p.annotator = "bob", "bob"
        edits.add_entity(p, doc, *at(TEXT, "Kabul"), "GPE")  # bob worked on it, without the event
        p.annotation_set, p.annotator = "main", "rita"
        item = next(d for d in differences(p, doc) if d.kind == "event")
        ch = adjudication.take(p, item, "bob", "rita")
        gone = p.event(model)  # on main: deleted (no such event)
        assert (gone.state, gone.source) == ("rejected", "spacy:events")
        undo(p, ch)
        assert p.event(model).state == "suggested"
        adjudication.take(p, item, "bob", "rita")
        again = next(d for d in differences(p, doc) if d.kind == "event")
        adjudication.take(p, again, "alice", "rita")
        kept = p.event(model)  # the model's own event, accepted: its source stays
        assert (kept.state, kept.source) == ("accepted", "spacy:events")
        assert [e.id for e in p.events(doc, "main") if e.state != "rejected"] == [model]
    finally:
        p.close()
