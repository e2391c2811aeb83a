"""Session 34, the engineer's corpus (helper s34-eng): a corpus pre-annotated, finished by a script as annotators
would (accept, reject, status), trained on, and its models kept through copies and cancelled runs."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project


def _suggested_project(project) -> str:  # type: ignore[no-untyped-def]
    """Two documents, each with a NORP, a GPE and a DATE suggestion and a Conflict:Attack event suggestion whose
    Attacker is the NORP (the entities spaCy's, the events the rules', as pre-annotation makes them)."""
    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents

    path, docs = str(project.path), []
    with project as p:
        for k in range(2):
            doc = IncomingDocument(f"Rebels attacked Homs {k} on Monday.", f"d{k}.txt")
            doc.entities += [
                IncomingEntity("e1", 0, 6, "NORP", state="suggested", source="spacy:ner"),
                IncomingEntity("e2", 16, 20, "GPE", state="suggested", source="spacy:ner", score=0.9),
                IncomingEntity("e3", 26, 32, "DATE", state="suggested", source="spacy:ner"),
            ]
            doc.events.append(
                IncomingEvent(
                    "Conflict:Attack", 7, 15, arguments=[("Attacker", "e1")], state="suggested", source="rules"
                )
            )
            docs.append(doc)
        import_documents(p, docs)
    return path


def test_reject_rejects_the_undecided_suggestions_of_documents_as_accept_accepts_them(project, capsys):
    """The engineer scripting annotators' work had `accept` and `status` and no `reject` ("invalid choice:
    'reject'", exit 2): a script finishing documents as an annotator does (the DATE suggestions and the
    Conflict:Attack events wrong, the rest right) could only accept everything, so training learnt the wrong ones as
    annotations. `reject` takes the undecided suggestions of some labels (`--labels`) or event types (`--types`), or
    all of them, each document one edit; `accept` then takes the rest; a second run says it did nothing."""
    path = _suggested_project(project)
    assert main(["reject", path, "--all", "--labels", "DATE", "--types", "Conflict:Attack", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["documents"], first["entities"], first["events"]) == (2, 2, 2), first
    assert first["left_undecided"] == {"entities": 4, "events": 0}, first
    assert first["summary"] == (
        "2 entity suggestions and 2 event suggestions rejected in 2 documents; 4 entity suggestions left undecided"
    )
    assert main(["accept", path, "--all", "--json"]) == 0
    accepted = json.loads(capsys.readouterr().out)
    assert (accepted["entities"], accepted["events"]) == (4, 0), accepted
    with Project(path) as p:
        for doc_id in p.document_ids():
            states = {(e.label, e.state) for e in p.entities(doc_id)}
            assert states == {("NORP", "accepted"), ("GPE", "accepted"), ("DATE", "rejected")}, states
            events = p.events(doc_id)
            assert [(e.type, e.state, e.arguments) for e in events] == [("Conflict:Attack", "rejected", ())]
    assert main(["reject", path, "--all"]) == 0
    assert capsys.readouterr().out == "nothing to reject in 2 documents\n"


def test_reject_without_labels_or_types_rejects_every_undecided_suggestion_in_one_edit_a_document(project, capsys):
    """`reject --docs NAME` alone rejects every undecided entity and event suggestion of the document (as X on each
    in the app), one entry of the change log; the other document is left as it was."""
    path = _suggested_project(project)
    assert main(["reject", path, "--docs", "d0.txt"]) == 0
    assert capsys.readouterr().out == ("3 entity suggestions and 1 event suggestion rejected in 1 document\n")
    with Project(path) as p:
        d0, d1 = p.document_ids()
        assert {e.state for e in p.entities(d0)} == {"rejected"}
        assert [e.state for e in p.events(d0)] == ["rejected"]
        assert {e.state for e in p.entities(d1)} == {"suggested"}
        actions = [key[4] for key in p.db.change_log_keys()]
    assert actions.count("reject_rest") == 1, actions


def test_reject_of_a_label_or_type_the_schema_lacks_is_refused_before_anything_changes(project, capsys):
    """A misspelt label (`--labels DAT`) would otherwise reject nothing and say so as if there were none: refused in
    one line naming it, exit 1, nothing changed."""
    path = _suggested_project(project)
    assert main(["reject", path, "--all", "--labels", "DATE", "DAT", "--types", "Attack"]) == 1
    err = capsys.readouterr().err
    assert "labels not in the schema 'news': DAT; event types not in it: Attack" in err, err
    assert "nothing was changed" in err
    with Project(path) as p:
        assert {e.state for d in p.document_ids() for e in p.entities(d)} == {"suggested"}
