"""Session 41: a project whose documents keep the noun heads older rules stored (the role keys offer them after the
sentence's spans) kept them until pre-annotated again, and nothing said so. The heads carry the version of the rules
that found them (``tokens.heads_version``); the project's open in the app and ``annotator stats`` say, in one line,
how many unfinished documents keep older ones and what stores them afresh (the app's menu, the command)."""

from __future__ import annotations

from core_helpers import add_document

from annotator import edits
from annotator.nlp import Parsed
from annotator.preannotate import store_tokens
from annotator.preannotate_report import PreannotateReport
from annotator.role_heads import older_heads_said

TEXT = "Police arrested two men in Paris."


def _stored_by_older_rules(project, doc: int) -> None:  # type: ignore[no-untyped-def]
    """The document's tokens and heads as a pre-annotation before session 41 stored them (no version)."""
    with project.transaction():
        project.db.insert_tokens(doc, "spacy:x@1", "[0, 7]", "[6, 15]", "[0]", replace=True, noun_heads="[[20, 23]]")


def test_documents_keeping_heads_of_older_rules_are_said_with_the_command_that_refreshes_them(project):
    first, second = add_document(project, TEXT, "a.txt"), add_document(project, TEXT + " ", "b.txt")
    done = add_document(project, TEXT + "  ", "c.txt")
    for doc in (first, second, done):
        _stored_by_older_rules(project, doc)
    edits.set_status(project, done, "annotated")  # a finished document is left as its annotators decided: not said
    assert older_heads_said(project) == (
        "2 documents keep the nouns older rules stored for the role keys: Project > Pre-annotate all documents "
        "refreshes them"
    )
    with project.transaction():  # a pre-annotation now stores them with its rules' version
        store_tokens(
            project, first, Parsed([], [0, 7], [6, 15], [0], noun_heads=[(20, 23)]), "spacy:x@1", PreannotateReport()
        )
    assert older_heads_said(project).startswith("1 document keeps the nouns older rules stored")
    with project.transaction():
        store_tokens(
            project, second, Parsed([], [0], [6], [0], noun_heads=[(20, 23)]), "spacy:x@1", PreannotateReport()
        )
    assert older_heads_said(project) == ""


def test_annotator_stats_says_the_documents_keeping_heads_of_older_rules(tmp_path, capsys):
    from annotator.cli import main
    from project_support import new_project

    path = tmp_path / "p.annotator"
    with new_project(path, annotator="t") as project:
        _stored_by_older_rules(project, add_document(project, TEXT))
    assert main(["stats", str(path)]) == 0
    err = capsys.readouterr().err
    assert err == (
        f"annotator: note: 1 document keeps the nouns older rules stored for the role keys: annotator preannotate {path} "
        "refreshes them\n"
    )
