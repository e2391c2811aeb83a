"""What the command line says, as a script and a person read it (session 10 QA): counts in good English, notes on
stderr (data alone on stdout), and refusals that name the real reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project
from annotator.wording import counted, counted_kind, were


def _one_document(folder: Path) -> Path:
    path = folder / "p.annotator"
    with Project(path, annotator="t") as p:
        doc = IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")
        doc.entities.append(IncomingEntity("m", 0, 11, "PERSON", state="suggested", score=0.9))
        import_documents(p, [doc])
    return path


def test_counted_words_one_and_many():
    assert [counted(1, "document"), counted(0, "document"), counted(2, "entity", "entities")] == [
        "1 document",
        "0 documents",
        "2 entities",
    ]
    assert counted(12000, "byte") == "12,000 bytes" and (were(1), were(3)) == ("was", "were")


def test_a_problem_counted_once_is_said_in_the_singular():
    """An export's problems were '1 relations between entities left out (an end is gone): 17: knows'."""
    assert counted_kind(1, "relations between entities left out") == "1 relation between entities left out"
    assert (
        counted_kind(1, "overlapping entities kept only in doc.spans") == "1 overlapping entity kept only in doc.spans"
    )
    assert counted_kind(1, "Prodigy relations left out") == "1 Prodigy relation left out"
    assert counted_kind(3, "spans widened to token edges") == "3 spans widened to token edges"


def test_one_document_is_not_said_as_documents(tmp_path, capsys):
    """'wrote out.json: 1 documents, 1 entities, 0 events' and '1 documents had no stored tokens and were ...'."""
    path = _one_document(tmp_path)
    assert main(["export", str(path), "-o", str(tmp_path / "out.json")]) == 0
    out = capsys.readouterr().out
    assert "1 document, 1 entity, 0 events" in out and "1 documents" not in out, out
    assert main(["export", str(path), "-o", str(tmp_path / "out.spacy")]) == 0
    out = capsys.readouterr().out
    assert "1 document had no stored tokens and was tokenised" in out, out
    assert main(["accept", str(path), "--all"]) == 0
    assert capsys.readouterr().out.strip() == "1 entity suggestion accepted in 1 document"


def test_a_schema_of_one_label_is_said_as_one_label(tmp_path, capsys):
    schema = tmp_path / "one.toml"
    schema.write_text('[schema]\nname = "one"\n[[entity]]\nname = "DRUG"\n', encoding="utf-8")
    assert main(["init", str(tmp_path / "p.annotator"), "--schema", str(schema)]) == 0
    assert "(1 label, 0 event types)" in capsys.readouterr().out


def test_init_on_a_folder_says_it_is_a_folder(tmp_path, capsys):
    """'annotator init /tmp' said '/tmp: already exists', as for a project made before."""
    assert main(["init", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"annotator: error: {tmp_path}: is a folder") and "already exists" not in err, err
    assert "name the project file" in err and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["stats", "preannotate", "validate"])
def test_a_folder_given_as_the_project_says_what_a_project_is(tmp_path, capsys, command):
    """Session 32, a new user: `annotator gui seeds/` (the app's dialog) and `annotator stats corpus/` said only
    "corpus: is a folder, not a project file", not what a project is nor how a folder's documents get into one."""
    from annotator.errors import ProjectFileError

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks were held in Moscow.", encoding="utf-8")
    assert main([command, str(corpus)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"annotator: error: {corpus}: is a folder, not a project file") and "\n" not in err, err
    assert "a project is one file, NAME.annotator: import the folder's documents into one" in err, err
    with pytest.raises(ProjectFileError, match="import the folder's documents into one"):  # the app's words too
        Project(corpus)
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("bad", ["2", "-0.1", "1.5", "nan", "inf"])
def test_a_minimum_score_out_of_0_to_1_is_a_usage_error(tmp_path, capsys, bad):
    """'accept --min-score 2' ran and accepted nothing, with success: a typo for 0.2 went unnoticed."""
    path = _one_document(tmp_path)
    assert main(["accept", str(path), "--all", "--min-score", bad]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and f"invalid score: {bad!r}" in err and "from 0 to 1" in err, err
    with Project(path, create=False) as p:
        assert [e.state for e in p.entities(p.document_ids()[0])] == ["suggested"]


@pytest.mark.parametrize("edge", ["0", "1"])
def test_the_ends_of_0_to_1_are_scores(tmp_path, capsys, edge):
    path = _one_document(tmp_path)
    assert main(["accept", str(path), "--all", "--min-score", edge]) == 0


def test_accept_with_a_minimum_score_says_how_many_suggestions_have_no_score(tmp_path, capsys):
    """Session 26 (from the README): 'accept --all --min-score 0.8' on the README's project (spaCy's suggestions, which
    have no score) said '0 entity suggestions scored at least 0.8 accepted in 8 documents; 357 left undecided', not
    why."""
    path = tmp_path / "p.annotator"
    with Project(path, annotator="t") as p:
        doc = IncomingDocument("Maria Lopez met officials in Paris and Rome.", "a.txt")
        doc.entities.append(IncomingEntity("m", 0, 11, "PERSON", state="suggested", score=0.9))
        doc.entities.append(IncomingEntity("p", 29, 34, "GPE", state="suggested"))
        doc.entities.append(IncomingEntity("r", 39, 43, "GPE", state="suggested"))
        import_documents(p, [doc])
    assert main(["accept", str(path), "--all", "--min-score", "0.95"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == (
        "0 entity suggestions scored at least 0.95 accepted in 1 document; 3 left undecided, 2 of them with no "
        "score (their suggester gives no score: accept without --min-score takes them)"
    ), out
    assert main(["accept", str(path), "--all", "--min-score", "0.8"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == (
        "1 entity suggestion scored at least 0.8 accepted in 1 document; 2 left undecided, none of them scored "
        "(their suggester gives no score: accept without --min-score takes them)"
    ), out
    assert main(["accept", str(path), "--all"]) == 0
    assert capsys.readouterr().out.strip() == "2 entity suggestions accepted in 1 document"


def test_the_note_that_the_project_took_a_schema_goes_to_stderr(tmp_path, capsys):
    """'the project now uses the schema ...' went to stdout, into the data a script reads."""
    schema = tmp_path / "drugs.toml"
    schema.write_text('[schema]\nname = "drugs"\n[[entity]]\nname = "DRUG"\n', encoding="utf-8")
    data = tmp_path / "drugs.jsonl"
    data.write_text('{"text": "Aspirin helps.", "spans": [{"start": 0, "end": 7, "label": "DRUG"}]}\n')
    p = tmp_path / "p.annotator"
    assert main(["init", str(p)]) == 0
    capsys.readouterr()
    assert main(["import", str(p), str(data), "--schema", str(schema)]) == 0
    captured = capsys.readouterr()
    assert "now uses the schema" not in captured.out, captured.out
    assert "annotator: note: the project now uses the schema 'drugs'" in captured.err, captured.err


def test_more_set_names_than_source_files_is_said_in_good_english(tmp_path, capsys):
    """'2 set names given (--as) for 1 source files'."""
    source = _one_document(tmp_path)
    code = main(["merge", str(tmp_path / "team.annotator"), str(source), "--as", "alice", "--as", "bob"])
    err = capsys.readouterr().err
    assert code == 1 and "2 set names given (--as) for 1 source file" in err and "files" not in err, err


def test_a_json_list_of_documents_is_imported_as_the_jsonl_input_is(tmp_path, capsys):
    """'[{"text": ...}, ...]' (json.dump of a list, pandas' to_json(orient="records")) was 'not an annotator JSON
    export', where the same objects one a line in a .jsonl came in."""
    import json

    docs = [
        {"text": "Maria Lopez met officials.", "spans": [{"start": 0, "end": 11, "label": "PERSON"}]},
        {"text": "Ivan Petrov flew to Zurich.", "name": "ivan"},
    ]
    (tmp_path / "list.json").write_text(json.dumps(docs), encoding="utf-8")
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(tmp_path / "list.json")]) == 0
    assert capsys.readouterr().out.startswith("2 imported, 1 entity, 0 events")
    with Project(path, create=False) as p:
        assert [p.document(d).name for d in p.document_ids()] == ["list.json:1", "ivan"]
    (tmp_path / "bad.json").write_text(json.dumps([{"text": "ok"}, {"txt": "x"}]), encoding="utf-8")
    assert main(["import", str(path), str(tmp_path / "bad.json")]) == 1
    assert "bad.json:2: 'text' must be a non-empty string" in capsys.readouterr().err


def test_train_on_one_finished_document_says_one_document(tmp_path, capsys):
    """'1 finished document(s) with status annotated or reviewed': the '(s)' of a message that did not count."""
    path = _one_document(tmp_path)
    assert main(["accept", str(path), "--all"]) == 0
    assert main(["status", str(path), "annotated", "--all"]) == 0
    capsys.readouterr()
    assert main(["train", str(path)]) == 1
    err = capsys.readouterr().err
    assert ": 1 finished document with status annotated or reviewed; training needs at least 2" in err, err


def test_an_export_whose_name_tells_no_format_says_it_wrote_json(tmp_path, capsys):
    """'-o train.oneie' wrote the project's JSON under that name and said 'wrote train.oneie: ...' (OneIE is a
    format: --format oneie writes it)."""
    path = _one_document(tmp_path)
    assert main(["export", str(path), "-o", str(tmp_path / "train.oneie")]) == 0
    out = capsys.readouterr().out
    assert "train.oneie as JSON, the default (the ending '.oneie' tells no format; --format names one)" in out, out
    assert main(["export", str(path), "-o", str(tmp_path / "x.json")]) == 0
    assert "x.json as JSON (told from its name): " in capsys.readouterr().out


def test_first_named_says_the_first_few_and_how_many_more():
    from annotator.wording import first_named

    assert first_named(["a", "b", "c", "d", "e"], 3) == "a, b, c and 2 more"
    assert first_named(["a", "b", "c"], 3) == "a, b, c"
    assert first_named([], 3) == ""
    assert first_named([str(i) for i in range(1_206)], 6) == "0, 1, 2, 3, 4, 5 and 1,200 more"


def test_only_new_with_nothing_new_says_so_and_what_it_left_alone(tmp_path):
    """Session 26 (from the README): ``preannotate --only-new`` with nothing new said "0 documents, 0 tokens, 0
    suggestions (0 old suggestions replaced, …)"."""
    from spacy_support import ruler_pipeline
    from annotator.preannotate import preannotate

    pipe = ruler_pipeline([{"label": "GPE", "pattern": "Paris"}])
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
        import_documents(p, [IncomingDocument("Rebels near Paris.", "b.txt")])
        assert preannotate(p, pipe, only_new=True).documents == 2
        again = preannotate(p, pipe, only_new=True)
    assert again.summary() == (
        "no document was new (never pre-annotated or tokenised), nothing pre-annotated (2 documents pre-annotated or "
        "tokenised (--tokens-only) before left as they were)"
    )


def test_take_over_with_no_run_to_take_over_says_so(tmp_path, capsys, monkeypatch):
    """Session 26 (from the README): ``preannotate --take-over`` with no run to take over ran as without it,
    unsaid."""
    from annotator import api
    from annotator.preannotate_report import PreannotateReport

    path = _one_document(tmp_path)
    monkeypatch.setattr(api, "preannotate", lambda project, **kw: PreannotateReport(pipeline="m", documents=1))
    assert main(["preannotate", str(path), "--take-over"]) == 0
    out, err = capsys.readouterr()
    assert (
        err.strip()
        == "no pre-annotation run to take over (none holds this project): pre-annotating as without --take-over"
    )
    assert out.startswith("m: 1 document")


def test_only_new_with_nothing_new_says_so_before_loading_a_model(tmp_path, monkeypatch):
    """Session 26's lead, seen again in session 27: ``preannotate --only-new`` with nothing new printed "loading the
    default model ..." and loaded it (about 2 s) before its line "no document was new". It says so at once."""
    from annotator import api
    from annotator.learn import versions
    from spacy_support import ruler_pipeline
    from annotator.preannotate import preannotate

    pipe = ruler_pipeline([{"label": "GPE", "pattern": "Paris"}])
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
        preannotate(p, pipe)

        def no_loading(*args: object) -> None:
            raise AssertionError("a model was chosen and loaded")

        monkeypatch.setattr(versions, "select_for_preannotation", no_loading)
        loaded: list[str] = []
        report = api.preannotate(p, only_new=True, loading=loaded.append)
    assert loaded == []
    assert report.summary() == (
        "no document was new (never pre-annotated or tokenised), nothing pre-annotated (1 document pre-annotated or "
        "tokenised (--tokens-only) before left as it was)"
    ), report.summary()


def test_a_duplicate_with_a_colleague_s_decisions_says_they_were_not_imported(tmp_path, capsys):
    """Session 27 as a user: bob's JSON export of the seeds (004 annotated by him) imported into alice's project said
    "0 imported, 8 duplicates skipped": his decisions were not imported, unsaid (``--set NAME`` brings them in as his
    set). Said of each such document and counted; the project's own export says no more than before."""
    from annotator import edits

    text = "Maria Lopez met officials in Paris."
    for who, words, label in (("alice", "Paris", "GPE"), ("bob", "Maria Lopez", "PERSON")):
        with Project(tmp_path / f"{who}.annotator", annotator=who) as p:
            doc = import_documents(p, [IncomingDocument(text, "a.txt")]).imported[0][1]
            start = text.index(words)
            edits.add_entity(p, doc, start, start + len(words), label)
    alice, bob = str(tmp_path / "alice.annotator"), str(tmp_path / "bob.annotator")
    for who in (alice, bob):
        assert main(["export", who, "--format", "json", "-o", f"{who}.json"]) == 0
    capsys.readouterr()
    assert main(["import", alice, f"{bob}.json"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == (
        "0 imported, 1 duplicate skipped (1 with decisions the project's set lacks, not imported: `annotator import "
        "--set NAME` keeps them as a set of their own, to compare and adjudicate), 0 files skipped"
    ), out
    assert "a.txt has the same text as document 1; not imported again, nor its decisions the project's set lacks" in err
    assert main(["import", alice, f"{alice}.json"]) == 0  # her own: nothing more to say
    out, err = capsys.readouterr()
    assert out.strip() == "0 imported, 1 duplicate skipped, 0 files skipped", out
    assert err.strip() == "duplicate: a.txt has the same text as document 1; not imported again", err
    assert main(["import", alice, f"{bob}.json", "--set", "bob"]) == 0  # the way the line names
    assert "1 annotated (already in the project)" in capsys.readouterr().out
    assert main(["import", alice, f"{bob}.json", "--json"]) == 0  # bob's set has them now: said for main still
    assert json.loads(capsys.readouterr().out)["not_brought"] == [{"name": "a.txt", "duplicate_of": 1}]


@pytest.mark.slow
def test_the_export_note_of_undecided_suggestions_writes_thousands_as_the_summary_does(tmp_path, capsys):
    """Session 27 (s27-qab, a corpus of 1,498 documents): the export's summary said "49,393 entities" and its note
    below "note: 49393 entity and 6407 event suggestions nobody decided are in it"."""
    path = tmp_path / "p.annotator"
    text = "Paris. " * 1_200
    with Project(path, annotator="t") as p:
        doc = IncomingDocument(text, "a.txt")
        doc.entities.extend(IncomingEntity(f"e{k}", 7 * k, 7 * k + 5, "GPE", state="suggested") for k in range(1_200))
        import_documents(p, [doc])
    assert main(["export", str(path), "--format", "brat", "-o", str(tmp_path / "brat")]) == 0
    err = capsys.readouterr().err
    assert "note: 1,200 entity and 0 event suggestions nobody decided are in it" in err, err


def test_a_damaged_project_file_is_said_in_one_wording_by_the_command_line_and_the_core(tmp_path, capsys):
    """ "The project file is damaged" was worded five ways (the open's check ending ". Restore it from a backup copy",
    the header's "; restore it from a backup copy. The file was not changed.", a damaged save with no advice): one
    typed error, ``DamagedProjectError``, words it "PATH: the project file is damaged (WHY); CHANGED; ADVICE", and the
    command line says the very words the core raised (the app shows ``str`` of the same error)."""
    from annotator.errors import DamagedProjectError

    path = _one_document(tmp_path)
    data = bytearray(path.read_bytes())
    data[60:64] = b"BARG"  # bytes over the header's file format
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedProjectError) as info:
        Project(path, create=False)
    damage = info.value
    assert (
        str(damage)
        == f"{path}: the project file is damaged ({damage.why}); {damage.changed}; restore it from a backup copy"
    )
    assert main(["stats", str(path)]) == 1
    assert capsys.readouterr().err.strip() == f"annotator: error: {damage}"
    assert path.read_bytes() == bytes(data)  # the file was not changed, as both said
