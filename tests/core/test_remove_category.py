"""Taking a category off the project's list (``edits.remove_category``): until session 15 the list only grew, so a
category typed by mistake ("Politcs") was offered in Document > Categories… for good. One edit of the project (one
transaction, one change-log row, undone whole); a category documents carry is refused naming them, or taken off them
too in the same step when asked; one the schema declares is refused."""

from __future__ import annotations

import pytest

from project_support import new_project
from annotator import edits, recorder
from annotator.categories import CATEGORIES, document_categories, project_categories
from annotator.errors import CategoryInUse, ValidationError
from annotator.importing import IncomingDocument, import_documents
from annotator.model import PROJECT_WIDE
from annotator.schema import parse_schema
from annotator.store import Project


@pytest.fixture
def project(tmp_path):  # type: ignore[no-untyped-def]
    p = new_project(tmp_path / "p.annotator", annotator="vera")
    import_documents(
        p,
        [
            IncomingDocument("Rates rose again.", "a.txt", meta={CATEGORIES: ["ECONOMY", "Politcs"]}),
            IncomingDocument(
                "Paris won the cup.",
                "b.txt",
                meta={"cats": {"SPORT": 1.0, "Politcs": 0.0}, "prodigy": {"options": [{"id": "Politcs", "text": "P"}]}},
            ),
            IncomingDocument("Rain all week.", "c.txt"),
        ],
    )
    yield p
    p.close()


def _log_rows(p: Project) -> int:
    return p.db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]


def test_a_category_no_document_has_goes_and_undo_brings_it_back(project):
    c = project.document_ids()[2]
    edits.set_categories(project, c, ["Floods"])
    edits.set_categories(project, c, [])
    assert "Floods" in project_categories(project)  # kept when no document has it: offered still
    rows = _log_rows(project)
    change = edits.remove_category(project, "Floods")
    assert change.document_id == PROJECT_WIDE and not change.ids("documents")
    assert "Floods" not in project_categories(project)
    assert _log_rows(project) == rows + 1
    assert project.db.conn.execute("SELECT action, document_id FROM change_log ORDER BY id DESC").fetchone() == (
        "remove_category",
        PROJECT_WIDE,
    )
    inverse = recorder.undo(project, change)
    assert "Floods" in project_categories(project)
    recorder.undo(project, inverse)  # redo
    assert "Floods" not in project_categories(project)


def test_one_on_documents_is_refused_naming_them_or_taken_off_them_in_the_same_step(project):
    a, b, c = project.document_ids()
    before = [project.document(i).meta for i in (a, b)]
    with pytest.raises(CategoryInUse) as refused:
        edits.remove_category(project, "Politcs")
    assert str(refused.value) == (
        "category 'Politcs' is on 2 documents (a.txt, b.txt): nothing was removed; it can be taken off them too in "
        "the same step"
    )
    assert [project.document(i).meta for i in (a, b)] == before and "Politcs" in project_categories(project)
    change = edits.remove_category(project, "Politcs", from_documents=True)
    assert change.ids("documents") == {a, b}
    assert document_categories(project.document(a).meta) == ["ECONOMY"]
    meta_b = project.document(b).meta
    assert meta_b["cats"] == {"SPORT": 1.0}  # the textcat's label gone, not left at 0.0
    assert meta_b["prodigy"]["options"] == []
    assert "Politcs" not in project_categories(project)
    assert [project.document(i).status for i in (a, b)] == ["new", "new"]  # no one worked on them
    recorder.undo(project, change)
    assert [project.document(i).meta for i in (a, b)] == before
    assert "Politcs" in project_categories(project)


def test_a_declared_or_unknown_category_is_refused_in_one_line(tmp_path):
    schema = parse_schema('[schema]\nname = "desk"\n\n[[entity]]\nname = "ORG"\n\n[[category]]\nname = "SPORT"\n')
    with Project(tmp_path / "d.annotator", schema=schema, annotator="vera") as p:
        with pytest.raises(ValidationError, match="declared by the project's schema 'desk'"):
            edits.remove_category(p, "SPORT")
        with pytest.raises(ValidationError) as unknown:
            edits.remove_category(p, "Sprot")
        assert str(unknown.value) == "no category 'Sprot' in the project (its categories: SPORT)"


def test_undo_of_a_tick_that_added_a_category_takes_it_off_the_list_so_earlier_undos_still_apply(project):
    c = project.document_ids()[2]
    edits.set_categories(project, c, ["Floods"])
    edits.set_categories(project, c, [])
    removed = edits.remove_category(project, "Floods")
    added = edits.set_categories(project, c, ["Storm"])  # a new category: the list grows, recorded
    assert "Storm" in project_categories(project)
    recorder.undo(project, added)
    assert "Storm" not in project_categories(project)
    recorder.undo(project, removed)  # the list is as the removal left it: its undo applies
    assert "Floods" in project_categories(project)
    # a list changed since by something else (an import meanwhile): session 16 makes the step over it
    # (tests/core/test_category_undo_elsewhere.py); until then it was refused as changed elsewhere


def test_the_command_lists_them_and_removes_one(project, capsys):
    from annotator.cli import main

    path = str(project.path)
    project.close()
    assert main(["categories", path]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "ECONOMY  1 document",
        "Politcs  1 document",  # b.txt's spaCy score of 0.0 is no category of it
        "SPORT    1 document",
    ]
    assert main(["categories", path, "--remove", "Politcs"]) == 1
    assert capsys.readouterr().err.strip() == (
        "annotator: error: category 'Politcs' is on 2 documents (a.txt, b.txt): nothing was removed; it can be taken "
        "off them too in the same step: add --from-documents"
    )
    assert main(["categories", path, "--remove", "Politcs", "--from-documents"]) == 0
    assert capsys.readouterr().out.strip() == "category 'Politcs' removed, and taken off 2 documents"
    assert main(["categories", path]) == 0
    assert "Politcs" not in capsys.readouterr().out


def test_a_category_with_a_quote_is_found_on_its_documents(project):
    c = project.document_ids()[2]
    edits.set_categories(project, c, ['say "hi"'])
    with pytest.raises(CategoryInUse, match="is on 1 document"):
        edits.remove_category(project, 'say "hi"')
    edits.remove_category(project, 'say "hi"', from_documents=True)
    assert document_categories(project.document(c).meta) == []
