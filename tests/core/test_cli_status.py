"""``annotator status PROJECT STATUS --docs NAME... | --all``: statuses set from the command line, one transaction,
each change in the change log as the app's status edits are."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project


def _project(tmp_path, capsys):
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"name": n, "text": f"Text of {n}."}) + "\n" for n in ("a", "b", "c")))
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(src)]) == 0
    capsys.readouterr()
    return path


def _statuses(path) -> dict[str, str]:
    with Project(path, create=False) as p:
        return {p.document(d).name: p.document(d).status for d in p.document_ids()}


def test_status_marks_named_documents_and_logs_each_change(tmp_path, capsys):
    path = _project(tmp_path, capsys)
    assert main(["status", str(path), "annotated", "--docs", "a", "c", "--annotator", "rita"]) == 0
    assert capsys.readouterr().out.strip() == "2 documents marked annotated"
    assert _statuses(path) == {"a": "annotated", "b": "new", "c": "annotated"}
    with Project(path, create=False) as p:
        log = [r for r in p.change_log() if r["action"] == "set_status"]
        assert [(r["annotator"], r["rows"][0]["after"]["status"]) for r in log] == [("rita", "annotated")] * 2
        assert p.document_ids(["annotated"]) == sorted(r["document_id"] for r in log)
    assert main(["status", str(path), "annotated", "--all"]) == 0
    assert capsys.readouterr().out.strip() == "1 document marked annotated (2 already were)"
    assert set(_statuses(path).values()) == {"annotated"}


def test_status_errors_are_one_line_and_change_nothing(tmp_path, capsys):
    path = _project(tmp_path, capsys)
    assert main(["status", str(path), "reviewed", "--docs", "a", "nope", "zz"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "'nope', 'zz'" in err and "nothing was changed" in err
    assert set(_statuses(path).values()) == {"new"}  # 'a' was not marked either
    assert main(["status", str(path), "done", "--all"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "invalid choice: 'done'" in err and "annotated" in err
    assert main(["status", str(path), "annotated"]) == 2  # neither --docs nor --all
    assert "one of the arguments --docs --all is required" in capsys.readouterr().err
    assert main(["status", str(tmp_path / "missing.annotator"), "annotated", "--all"]) == 1
    assert not (tmp_path / "missing.annotator").exists()
    assert set(_statuses(path).values()) == {"new"}


def test_status_is_in_the_help(capsys):
    assert main(["--help"]) == 0
    assert "status" in capsys.readouterr().out
    assert main(["status", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--docs" in out and "--all" in out and "train" in out


def test_marking_documents_done_says_when_nobody_decided_their_suggestions(tmp_path, capsys):
    # marked annotated from the command line, pre-annotated documents keep their suggestions undecided: train then
    # found nothing to learn from them, and nothing had said so
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents

    path = tmp_path / "p.annotator"
    with Project(path, annotator="tester") as p:  # a suggestion, as pre-annotation makes them
        suggested = IncomingEntity(0, 0, 13, "PERSON", state="suggested")
        import_documents(
            p,
            [
                IncomingDocument(text="Angela Merkel met Macron.", name="a.txt", entities=[suggested]),
                IncomingDocument(text="Nothing here.", name="b.txt"),
            ],
        )
    capsys.readouterr()
    assert main(["status", str(path), "annotated", "--all"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "2 documents marked annotated"
    assert err.startswith("note: the documents marked annotated hold 1 entity and 0 event suggestions nobody decided")
    assert main(["status", str(path), "in_progress", "--all"]) == 0
    assert capsys.readouterr().err == ""  # not done: nothing to say


def test_an_unknown_document_name_is_told_with_the_names_the_project_has(tmp_path, capsys):
    """Session 30 (a new user): `status P annotated --docs a.txt` in a project without it said to give names "as
    `annotator validate` and the app list them", but validate lists no document when nothing is wrong: the
    newcomer had no command that showed a name to give. The refusal names the project's first documents."""
    path = _project(tmp_path, capsys)
    assert main(["status", str(path), "annotated", "--docs", "a.txt"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "'a.txt'" in err and "validate" not in err
    assert "its documents: a, b, c;" in err and "nothing was changed" in err
    assert main(["accept", str(path), "--docs", "d"]) == 1  # accept's --docs is refused with the same words
    assert "its documents: a, b, c;" in capsys.readouterr().err
    assert set(_statuses(path).values()) == {"new"}
