"""``teams.merge_seen``: the merges logged after a change-log row, as the open app says them (session 35, s35-team)."""

from __future__ import annotations

import shutil

from annotator import edits
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.teams.merge import merge_projects
from annotator.teams.merge_seen import last_change, merge_line, merges_after


def test_merges_after_names_the_set_and_the_documents_the_file_brought_something_to(tmp_path):
    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument("Mary met Bob.", "a.txt"), IncomingDocument("Rain fell.", "b.txt")])
    for name in ("carol", "dave"):
        shutil.copy(team, tmp_path / f"{name}.annotator")
    with Project(tmp_path / "carol.annotator", create=False, annotator="carol") as p:
        edits.add_entity(p, p.document_ids()[0], 0, 4, "PERSON")
    with Project(tmp_path / "dave.annotator", create=False, annotator="dave") as p:
        edits.set_status(p, p.document_ids()[1], "annotated")  # b.txt read and marked, nothing in it
    with Project(team, create=False, annotator="lead") as p:
        start = last_change(p)
        assert not merges_after(p, start)
        merge_projects(p, [tmp_path / "carol.annotator", tmp_path / "dave.annotator"])
        seen = merges_after(p, start)
        a, b = p.document_ids()
        assert (seen.sets, seen.documents, seen.by, seen.names) == (
            ("carol", "dave"),
            (a, b),
            ("lead",),
            ("a.txt", "b.txt"),
        )
        assert not merges_after(p, seen.last_id)  # read once
        assert merge_line(seen, b) == (
            "A merge came in by lead (annotator merge): sets 'carol', 'dave' on 2 documents: a.txt, b.txt (open: read "
            "again); Review > Adjudicate settles the differences"
        )
