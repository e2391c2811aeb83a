"""Session 39 (helper s39-app): what a merge keeps of each annotator's categories goes out with her set's export.
Fails on main."""

from __future__ import annotations

import json
import shutil

from annotator import api, edits
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.teams.merge import merge_projects


def test_a_merged_set_s_export_writes_her_own_categories_not_the_document_s(tmp_path):
    """alice chose politics, bob trade; merged, the document took alice's (the first): `export --set bob` wrote
    politics for bob too, though his merge record keeps trade (the exports read an import's own record only)."""
    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Kabul.", "one.txt")])
    for name, cats in (("alice", ["politics"]), ("bob", ["trade"])):
        shutil.copy(team, tmp_path / f"{name}.annotator")
        with Project(tmp_path / f"{name}.annotator", create=False, annotator=name) as p:
            edits.add_entity(p, p.document_ids()[0], 0, 11, "PERSON")
            edits.set_categories(p, p.document_ids()[0], cats)
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [tmp_path / "alice.annotator", tmp_path / "bob.annotator"])
        got = {}
        for name in ("alice", "bob", None):
            out = tmp_path / f"{name}.jsonl"
            api.export(p, out, format="doccano", annotation_set=name)
            (line,) = out.read_text(encoding="utf-8").splitlines()
            got[name] = json.loads(line)["cats"]
    assert got == {"alice": ["politics"], "bob": ["trade"], None: ["politics"]}  # the final set's: the document's


def test_save_a_copy_into_a_folder_it_cannot_write_says_why(tmp_path):
    """Save a copy… of a project replaced while open, into a folder that is not there (or, seen as `nobody`, one not
    writable): "cannot save a copy of the project there (unable to open database file)", SQLite's words."""
    import pytest

    from annotator.errors import SaveError

    with Project(tmp_path / "p.annotator", annotator="a") as p:
        with pytest.raises(SaveError) as got:
            p.save_copy(tmp_path / "gone" / "copy.annotator")
    assert str(got.value) == (
        f"{tmp_path / 'gone' / 'copy.annotator'}: cannot save a copy of the project there: no folder "
        f"{tmp_path / 'gone'}; nothing was written"
    )


def test_a_prodigy_text_two_annotators_answered_leaves_the_final_set_s_categories_undecided(tmp_path):
    """Two annotators' textcat answers to one text (no reviewer): the import said "the import's set has no decision
    yet", but the document (the final set) took the first annotator's choice, shown ticked in Document > Categories…
    as the final set's and written by its exports. Each one's stays in her set."""
    from annotator.categories import document_categories
    from annotator.teams.merge_categories import annotators_categories

    options = [{"id": "BUSINESS", "text": "BUSINESS"}, {"id": "POLITICS", "text": "POLITICS"}]
    answers = [
        {"text": "Stocks fell sharply today.", "options": options, "accept": [chosen], "_view_id": "choice",
         "answer": "accept", "_input_hash": 33, "_task_hash": 44, "_annotator_id": f"news-{who}",
         "_session_id": f"news-{who}"}
        for who, chosen in (("alice", "BUSINESS"), ("bob", "POLITICS"))
    ]  # fmt: skip
    src = tmp_path / "answers.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in answers), encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src])
    meta = json.loads(project.db.document_meta(project.document_ids()[0]))
    project.close()
    assert document_categories(meta) == []  # on main: ['BUSINESS'], alice's
    assert annotators_categories(meta) == {"news-alice": ["BUSINESS"], "news-bob": ["POLITICS"]}


def test_a_file_whose_set_would_be_named_main_is_said_before_merge(tmp_path):
    """A file made under the login "main" (its set named after its annotator, nothing typed): the merge refuses it
    (the final set's name), and the preview said nothing of it. It says so (s39-app2), and that a name typed beside it
    is the remedy; a name typed takes the line away, "main" typed says it as typed."""
    import pytest

    from annotator.errors import AnnotatorError
    from annotator.teams.merge_preview import MergePreview, read_source

    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Kabul.", "one.txt")])
    made = tmp_path / "laptop.annotator"
    shutil.copy(team, made)
    with Project(made, create=False, annotator="main") as p:
        edits.add_entity(p, p.document_ids()[0], 0, 11, "PERSON")
    with Project(team, create=False, annotator="lead") as p:
        preview = MergePreview(p, [read_source(made)])
        said = {typed: preview.said([typed], False, False) for typed in (None, "alice", " main ")}
        with pytest.raises(AnnotatorError, match="would be named 'main'"):
            merge_projects(p, [made])
    assert said[None] == [
        "laptop.annotator: its set would be named 'main' (its annotator's or its file's name), the project's final "
        "set (Review > Adjudicate settles into it): type another name beside it; nothing will be merged"
    ], said
    assert said["alice"] == []
    assert said[" main "] == [
        "laptop.annotator: a set cannot be named 'main', the project's final set (Review > Adjudicate settles into "
        "it): type another name beside it or leave it blank; nothing will be merged"
    ], said
