"""Session 29, the engineer's corpus (helper s29-qab): a corpus of ~1,500 documents handed out and taken back, with
its schema changed on the way and ids repeated in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator import api
from annotator.edits import add_entity
from annotator.formats.loading import import_paths
from annotator.resources_path import resource_path
from tests.cli_support import bob_merged, two_documents

TEXT = "Hamlet opened at the Globe in London."


def _schema_with_title(tmp_path: Path) -> Path:
    """The news schema with WORK_OF_ART renamed TITLE: the engineer's next version of it."""
    src = resource_path("schemas/news.toml").read_text(encoding="utf-8")
    out = tmp_path / "news_title.toml"
    out.write_text(
        src.replace('name = "WORK_OF_ART"', 'name = "TITLE"').replace('name = "news"', 'name = "news_title"', 1),
        encoding="utf-8",
    )
    return out


def test_a_json_export_mapped_into_a_new_project_of_a_renamed_label_takes_the_map_and_keeps_its_schema(
    project, tmp_path
):
    """The schema changed (WORK_OF_ART renamed TITLE): `annotator init new --schema new.toml`, then `import new
    old.json --map WORK_OF_ART=TITLE`. The JSON export's own schema was adopted whole, the map unread: the spans came
    in as WORK_OF_ART and the new project's schema was the old one ("the project now uses the schema 'news' from the
    input"), the schema the engineer made gone."""
    [(_, doc)] = import_paths(project, [_text(tmp_path)]).imported
    add_entity(project, doc, 0, 6, "WORK_OF_ART")
    add_entity(project, doc, 30, 36, "GPE")
    out = tmp_path / "old.json"
    api.export(project, out, "json")
    new = api.new_project(tmp_path / "new.annotator", schema=_schema_with_title(tmp_path))
    try:
        report = api.import_files(new, [out], mapped={"WORK_OF_ART": "TITLE"})
        assert not report.skipped, report.skipped
        assert new.schema.name == "news_title" and "TITLE" in new.schema.label_names
        assert "WORK_OF_ART" not in new.schema.label_names
        [got] = new.document_ids()
        assert sorted((e.start, e.label) for e in new.entities(got)) == [(0, "TITLE"), (30, "GPE")]
        assert any("WORK_OF_ART -> TITLE (1)" in n for n in report.notes), report.notes
        assert report.schema_adopted is None
    finally:
        new.close()


def _text(tmp_path: Path) -> Path:
    p = tmp_path / "play.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_an_id_given_twice_in_one_input_is_said_as_one_the_project_held_is(project, tmp_path):
    """A JSONL whose ids repeat (two lines `art-0009`, their texts different): the second was stored as
    "art-0009 (2)" unsaid ("1463 imported, 3 duplicates skipped"), while the same clash with a document of an earlier
    batch or import is said (`renamed`): whether it was said hung on the batch the lines fell in."""
    src = tmp_path / "news.jsonl"
    lines = [{"id": "art-0008", "text": "Police arrested him."}, {"id": "art-0009", "text": "Troops attacked."}]
    lines.append({"id": "art-0009", "text": "Protesters marched in Kyiv."})
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    report = import_paths(project, [src])
    second = dict(report.imported)["art-0009 (2)"]
    assert report.renamed == [] and report.named_twice == [("art-0009 (2)", second, "art-0009")]
    summary = report.summary()
    assert "art-0009 stored as art-0009 (2)" in summary, summary
    assert "1 named as another document of the input before it, its text different" in summary, summary
    assert report.to_data()["named_twice"] == [{"name": "art-0009 (2)", "id": second, "name_in_input": "art-0009"}]
    # the same in batches of one line: the first b-1 is the input's own, not a document the project held
    src.write_text(
        "".join(json.dumps({"id": "b-1", "text": t}) + "\n" for t in ("Rebels shelled Homs.", "A court fined him.")),
        encoding="utf-8",
    )
    apart = import_paths(project, [src], batch=1)
    assert apart.renamed == [] and [was for _, _, was in apart.named_twice] == ["b-1"]


def test_export_json_says_what_it_wrote_as_json_on_stdout(tmp_path, capsys):
    """A script that exports for training reads what was written (documents, entities, the notes of what went in
    unsaid) from the summary's words: `stats`, `models`, `import`, `validate` and `agree` take --json, `export` did
    not ("unrecognized arguments: --json", exit 2)."""
    from annotator.cli import main

    path = two_documents(tmp_path)
    out = tmp_path / "train.conll"
    assert main(["export", str(path), "-o", str(out), "--json", "--states", "accepted", "added"]) == 0
    got = capsys.readouterr()
    data = json.loads(got.out)
    assert {k: data[k] for k in ("output", "format", "documents", "entities", "events")} == {
        "output": str(out),
        "format": "conll",
        "documents": 2,
        "entities": 1,
        "events": 0,
    }
    assert data["files"] == [str(out)] and data["bytes"] == out.stat().st_size
    assert data["summary"].startswith("2 documents, 1 entity, 0 events")
    [note] = data["notes"]
    assert note.startswith("1 of the 2 documents written holds suggestions nobody decided") and note in got.err
    # onto standard output the export is the data: --json there is a usage error, nothing written
    assert main(["export", str(path), "-o", "-", "-f", "jsonl", "--json"]) == 2
    assert "--json" in capsys.readouterr().err


def test_an_export_of_a_status_no_document_has_writes_the_counts_it_names_with_thousands(project, tmp_path):
    """`export --status reviewed` on the corpus: "(the project has 1461 new, 2 in_progress; ...)", where every other
    count the command line prints is written 1,461."""
    import pytest

    from annotator.errors import AnnotatorError
    from annotator.importing import IncomingDocument, import_documents

    import_documents(project, [IncomingDocument(f"Text number {k}.", f"d{k}.txt") for k in range(1_001)])
    with pytest.raises(AnnotatorError) as got:
        api.export(project, tmp_path / "x.json", "json", statuses=["reviewed"])
    assert "(the project has 1,001 new; annotator status marks them)" in str(got.value), got.value


def test_an_option_a_command_does_not_take_names_that_command_s_help(tmp_path, capsys):
    """`annotator export P --json -o x` (before export took --json) said "unrecognized arguments: --json (see:
    annotator --help)", the top help, which lists the commands and none of export's options; docs/command-line.md says
    a usage error's line ends with the command's help."""
    from annotator.cli import main

    path = two_documents(tmp_path)
    assert main(["stats", str(path), "--bogus"]) == 2
    assert (
        capsys.readouterr().err == "annotator: error: unrecognized arguments: --bogus (see: annotator stats --help)\n"
    )


def test_an_export_of_a_merged_set_by_status_selects_by_the_statuses_of_her_file(tmp_path, capsys):
    """bob's copy came back (`merge team bob.annotator --as bob`) with 5 more documents marked annotated in his file;
    `export team --set bob --status annotated` wrote the 8 the project had marked (the engineer's, before he had the
    copy) and none of bob's 5, though `stats --set bob` counts 13 annotated: the training data lacked his finished
    work (a note said so, from session 29). `--status` of a merged set now selects by the set's own statuses, in every
    format and its notes; the project's statuses select the final set's documents as before."""

    from annotator.cli import main

    team = bob_merged(tmp_path, capsys)
    out = tmp_path / "bob.jsonl"
    # the project has no annotated document; bob's file has d1
    assert main(["export", str(team), "--set", "bob", "-o", str(out), "--status", "annotated", "--json"]) == 0
    got = capsys.readouterr()
    assert [json.loads(line)["name"] for line in out.read_text().splitlines()] == ["d1.txt"]
    assert json.loads(got.out)["notes"] == [
        "--status selects set 'bob''s documents by the statuses of the file it was merged from: 1 document annotated "
        "there and not in the project is in this export (d1.txt) (stats --set counts the set's statuses)"
    ], got.out
    # new there: d0 alone, though the project has both new
    assert main(["export", str(team), "--set", "bob", "-o", str(out), "--status", "new"]) == 0
    assert "1 document new in the project and not there is not" in capsys.readouterr().err
    assert [json.loads(line)["name"] for line in out.read_text().splitlines()] == ["d0.txt"]
    # reviewed in none of bob's: refused with his file's counts, nothing written
    out.unlink()
    assert main(["export", str(team), "--set", "bob", "-o", str(out), "--status", "reviewed"]) == 1
    assert "no document with status reviewed in set 'bob' to export (its file had 1 new, 1 annotated;" in (
        capsys.readouterr().err
    )
    assert not out.exists()
    # the final set (the project's statuses): nothing annotated, refused as before
    assert main(["export", str(team), "-o", str(out), "--status", "annotated"]) == 1
    assert "(the project has 2 new;" in capsys.readouterr().err


def test_the_import_summary_writes_the_documents_imported_with_thousands(project):
    """The 1,463-document corpus: "1463 imported, 190,908 entities, 21,148 events, 0 duplicates skipped": the one
    count of the line without its thousands."""
    from annotator.importing import IncomingDocument, import_documents

    report = import_documents(project, [IncomingDocument(f"Text number {k}.", f"d{k}.txt") for k in range(1_002)])
    assert report.summary().startswith("1,002 imported, 0 duplicates skipped"), report.summary()


@pytest.mark.slow
def test_the_token_exports_of_a_merged_set_by_status_take_the_documents_her_file_finished(tmp_path, capsys):
    """The DocBin (its own reader of rows, and its parts of `--option split`) and CoNLL (the token writers' parts)
    take bob's annotated document as the JSONL does, where they took the project's statuses (refused: none)."""

    from annotator.cli import main

    team = bob_merged(tmp_path, capsys)
    spacy_out = tmp_path / "bob.spacy"
    assert main(["export", str(team), "--set", "bob", "-o", str(spacy_out), "--status", "annotated"]) == 0
    assert ": 1 document," in capsys.readouterr().out
    conll = tmp_path / "bob.conll"
    split = ["--option", "split=a=0.5,b=0.5"]
    assert main(["export", str(team), "--set", "bob", "-o", str(conll), "--status", "annotated", *split]) == 0
    capsys.readouterr()
    words = [
        line.split()[0] for p in tmp_path.glob("bob.*.conll") for line in p.read_text().splitlines() if line.strip()
    ]
    assert "1" in words and "0" not in words, words


@pytest.mark.slow
def test_a_copy_named_after_its_most_frequent_annotator_says_so_where_it_has_others(tmp_path, capsys):
    """bob's copy, in which the engineer (working as root) had decided spans before handing it over, merged as set
    'root' without a word: the most frequent annotator of its rows names it. The merge's line now says whose rows
    named it and whose else it holds, and that --as names it otherwise; a copy of one annotator's rows as before."""
    import shutil

    from annotator.cli import main
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    handed = tmp_path / "handed.annotator"
    with Project(handed, annotator="root") as p:
        [(_, doc)] = import_documents(p, [IncomingDocument(TEXT, "play.txt")]).imported
        add_entity(p, doc, 0, 6, "WORK_OF_ART")
        add_entity(p, doc, 21, 26, "FAC")
    alone = tmp_path / "alone.annotator"
    shutil.copyfile(handed, alone)
    bob = tmp_path / "bob.annotator"
    shutil.copyfile(handed, bob)
    with Project(bob, annotator="bob") as p:
        add_entity(p, p.document_ids()[0], 30, 36, "GPE")
    assert main(["merge", str(tmp_path / "team.annotator"), str(bob)]) == 0
    out = capsys.readouterr().out
    assert (
        "  named after the annotator of most of its rows, root (2 of 3; bob 1): --as NAME names the set otherwise"
    ) in out, out
    assert main(["merge", str(tmp_path / "other.annotator"), str(alone)]) == 0
    assert "named after" not in capsys.readouterr().out


@pytest.mark.slow
def test_a_partly_decided_unfinished_document_exported_without_suggestions_is_said(tmp_path, capsys):
    """`export --status in_progress --states accepted added`: a document in progress, one name accepted and one still
    suggested, went out with the accepted one alone and without a word (the note named the documents with nothing
    decided only): a training tool takes the two names for text without any. A finished document's leftovers, and a
    document of suggestions only (the other note's), are not named by it."""
    from annotator.cli import main
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        docs = []
        for name, states in [("part.txt", ["accepted", "suggested"]), ("done.txt", ["accepted", "suggested"]),
                             ("none.txt", ["suggested", "suggested"])]:  # fmt: skip
            doc = IncomingDocument(f"Paris and Rome are big ({name}).", name)
            doc.entities += [IncomingEntity(f"e{k}", s, s + n, "GPE", state=st) for k, ((s, n), st) in
                             enumerate(zip([(0, 5), (10, 4)], states))]  # fmt: skip
            docs.append(doc)
        import_documents(p, docs)
    assert main(["status", str(path), "in_progress", "--docs", "part.txt", "none.txt"]) == 0
    assert main(["status", str(path), "annotated", "--docs", "done.txt"]) == 0
    capsys.readouterr()
    out = tmp_path / "x.jsonl"
    assert main(["export", str(path), "-o", str(out), "--states", "accepted", "added", "--json"]) == 0
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert (
        "1 of the 3 documents written is not finished and holds suggestions nobody decided beside the ones in the "
        "states asked for (part.txt): written with their decided ones only, the rest of each text as text without any "
        "entity or event (--status annotated reviewed writes the finished documents only)"
    ) in notes, notes
    assert any("(none.txt)" in n for n in notes), notes  # the other note's
    assert not any("done.txt" in n for n in notes), notes
    assert main(["export", str(path), "-o", str(out), "--states", "accepted", "added", "--status", "annotated"]) == 0
    assert "nobody decided" not in capsys.readouterr().err
