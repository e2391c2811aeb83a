"""Which documents hold annotators' work waiting for adjudication, for the document list: by the coverage rule of
``teams.sets`` (a set covers a document its annotator worked on), for every document at once."""

from __future__ import annotations

from pathlib import Path

from annotator import edits
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.teams.merge import merge_projects
from annotator.teams.sets import annotators_by_document, covering_sets, waits_for_adjudication
from team_copies import merged_copies
from teams_data import new_project, span


def _ids(p: Project) -> dict[str, int]:
    return {r["name"]: r["id"] for r in p.document_summaries()}


def test_each_document_names_the_annotators_who_worked_on_it(team):
    ids = _ids(team)
    found = annotators_by_document(team)
    # doc3 only alice's file has; "main" (the project's own set) is never named
    assert found == {ids["doc1.txt"]: ["alice", "bob"], ids["doc2.txt"]: ["alice", "bob"], ids["doc3.txt"]: ["alice"]}
    for doc_id, names in found.items():  # the same rule as the Adjudication window's
        assert set(names) == covering_sets(team, doc_id) - {"main"}


def test_a_document_an_annotator_never_opened_is_not_hers(tmp_path):
    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(
            p, [IncomingDocument("Maria Lopez met officials.", "one.txt"), IncomingDocument("Rain.", "two.txt")]
        )
    merged_copies(
        team, {"alice": lambda p: edits.add_entity(p, p.document_ids()[0], 0, 11, "PERSON"), "bob": None}
    )  # bob opens nothing; nobody opens two.txt
    with Project(team, create=False, annotator="rita") as p:
        assert annotators_by_document(p) == {_ids(p)["one.txt"]: ["alice"]}


def test_waiting_ends_when_the_document_is_reviewed():
    assert waits_for_adjudication(["alice"], "in_progress")
    assert waits_for_adjudication(["alice", "bob"], "new")
    assert not waits_for_adjudication(["alice", "bob"], "reviewed")
    assert not waits_for_adjudication([], "annotated")


def _merged(tmp_path: Path, n: int) -> Project:
    texts = [(f"d{k:04}.txt", f"Story {k} from Paris.") for k in range(n)]
    src, ids = new_project(tmp_path / f"alice{n}.annotator", "alice", texts)
    for name, text in texts[::2]:
        span(src, ids[name], text, "Paris", "GPE")
    src.close()
    p = Project(tmp_path / f"team{n}.annotator", annotator="rita")
    merge_projects(p, [tmp_path / f"alice{n}.annotator"])
    return p


def test_it_reads_the_project_in_a_few_queries_whatever_its_size(tmp_path):
    """The document list asks at each open and outside commit: a query a document would be 1,500 on a team's
    project (the Adjudication window's ``covering_sets`` reads one document)."""
    statements: dict[int, list[str]] = {}
    for n in (4, 60):
        p = _merged(tmp_path, n)
        seen: list[str] = []
        p.db.conn.set_trace_callback(seen.append)
        try:
            found = annotators_by_document(p)
        finally:
            p.db.conn.set_trace_callback(None)
            p.close()
        assert len(found) == n // 2  # the documents alice labelled (merge records her status: in progress)
        statements[n] = seen
    assert len(statements[4]) == len(statements[60]) <= 3, statements[60]
