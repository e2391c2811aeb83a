"""Session 32, the engineer's corpus (helper s32-eng): a corpus handed out and taken back by a script, which reads
every command's result as JSON and runs each command a second time."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main


def _strict(text: str) -> dict:
    """One JSON document, as a strict reader takes it (no NaN, no Infinity)."""

    def refuse(word: str) -> None:
        raise ValueError(f"not JSON: {word}")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module")
def ruler(tmp_path_factory):
    """A blank English pipeline with an entity ruler, on disk for `--model PATH`."""
    from annotator.nlp import blank_pipeline_with_patterns

    path = tmp_path_factory.mktemp("pipe") / "ruler"
    pipe = blank_pipeline_with_patterns([{"label": "GPE", "pattern": "Moscow"}], name="ruler")
    pipe.nlp.to_disk(path)
    return path


@pytest.mark.slow  # loads a pipeline
def test_preannotate_json_says_what_the_run_did_as_json_on_stdout(project, tmp_path, capsys, ruler):
    """Session 31's lead 2: `preannotate` had no `--json` ("unrecognized arguments", exit 2) while `status`, `stats`,
    `sets` and `models` have one: a script driving a corpus read its counts (documents, suggestions, events, the
    model and its version) from the summary's words. `--json`: one JSON document on stdout, the loading line on
    stderr as before; a second run's `replaced` counts what the first had suggested."""
    path = project.path
    project.close()
    text = tmp_path / "a.txt"
    text.write_text("Talks were held in Moscow on Monday.", encoding="utf-8")
    assert main(["import", str(path), str(text)]) == 0
    capsys.readouterr()
    assert main(["preannotate", str(path), "--model", str(ruler), "--json"]) == 0
    out, err = capsys.readouterr()
    data = _strict(out)
    assert (data["documents"], data["suggestions"], data["replaced"]) == (1, 1, 0), data
    assert data["pipeline"] == "spacy:en_ruler@0.0.0" and data["model_version"] is None
    assert (
        data["tokens"] == 8 and data["seconds"] >= 0 and data["summary"].startswith("spacy:en_ruler@0.0.0: 1 document")
    )
    assert "loading" in err and out.count("\n") == 1
    assert main(["preannotate", str(path), "--model", str(ruler), "--json"]) == 0
    again = _strict(capsys.readouterr().out)
    assert (again["documents"], again["suggestions"], again["replaced"]) == (1, 1, 1), again
    assert main(["preannotate", str(path), "--only-new", "--json"]) == 0  # nothing new: said at once, as JSON
    nothing = _strict(capsys.readouterr().out)
    assert nothing["documents"] == 0 and nothing["kept_old"] == 1 and nothing["only_new"] is True


def test_preannotate_json_of_a_trained_version_names_it(project, capsys, monkeypatch):
    """The same, fast (the run a stand-in): the trained version that suggested is `model_version`."""
    from annotator import api
    from annotator.preannotate_report import PreannotateReport
    from annotator.suggest.writer import WriteCounts

    path = project.path
    project.close()
    ran = PreannotateReport(pipeline="trained:news@2", documents=3, words=40, model_version=2, seconds=1.5)
    ran.counts = WriteCounts(entities=7, replaced=5, events=2, arguments=3)
    ran.event_source, ran.kept_finished = "trained:news@2", 1
    monkeypatch.setattr(api, "preannotate", lambda project, **kwargs: ran)
    assert main(["preannotate", str(path), "--model-version", "2", "--json"]) == 0
    data = _strict(capsys.readouterr().out)
    assert (data["model_version"], data["documents"], data["suggestions"], data["events"]) == (2, 3, 7, 2)
    assert data["kept_finished"] == 1 and data["summary"].endswith("(--finished pre-annotates them too)")


def test_train_json_says_what_it_made_as_json_on_stdout(project, capsys, monkeypatch):
    """The same lead for `train`: the version made, whether it became the default and its scores were the summary's
    words and a table. `--json` prints the report (the training itself here a stand-in: its runs are slow tests)."""
    from annotator.learn import train
    from annotator.learn.train import TrainReport

    path = project.path
    project.close()
    scores = {
        "current": {"entities": {"all": {"p": 0.9, "r": 0.8, "f1": 0.85}}},
        "new": {"entities": {"all": {"p": 0.95, "r": 0.8, "f1": 0.87}}},
    }
    made = TrainReport(version=2, documents=12, held_out=3, folds=3, current="1", scores=scores, better=True)
    made.made_default, made.seconds, made.undecided = True, 81.234, (0, 4)
    monkeypatch.setattr(train, "train_project", lambda project, options, progress=None, cancelled=None: made)
    assert main(["train", str(path), "--ner-epochs", "1", "--event-epochs", "1", "--json"]) == 0
    data = _strict(capsys.readouterr().out)
    assert (data["version"], data["made_default"], data["documents"], data["held_out"]) == (2, True, 12, 3)
    assert data["seconds"] == 81.23 and data["undecided"] == {"entities": 0, "events": 4}
    assert data["scores"]["new"]["entities"]["all"]["f1"] == 0.87
    assert data["summary"].startswith("version 2 trained on 12 finished documents")


def test_a_cp1252_file_imported_with_encoding_is_a_duplicate_when_its_folder_is_imported_again(tmp_path, capsys):
    """Session 31's lead 3: `import P corpus/ --encoding cp1252` of the legacy file, then the folder imported again as
    the script does (no --encoding: the rest is UTF-8): the legacy file was refused anew, "import it with --encoding
    cp1252", as if never read, and the run exited 1. Read as cp1252 it is a document the project holds: a duplicate,
    said in a note; a cp1252 file the project does not hold is refused as before."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks were held in Moscow.", encoding="utf-8")
    (corpus / "old.txt").write_bytes("Café “news” – 5 €.".encode("cp1252"))
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(corpus / "a.txt")]) == 0
    assert main(["import", str(path), str(corpus / "old.txt"), "--encoding", "cp1252"]) == 0
    capsys.readouterr()
    assert main(["import", str(path), str(corpus), "--json"]) == 0
    out, err = capsys.readouterr()
    data = _strict(out)
    assert data["skipped"] == [] and data["imported"] == [], data
    assert sorted(d["name"] for d in data["duplicates"]) == ["a.txt", "old.txt"]
    assert any("read as cp1252" in n and "old.txt" in n for n in data["notes"]), data["notes"]
    assert "--encoding cp1252" not in err
    (corpus / "other.txt").write_bytes("Déjà vu “again”.".encode("cp1252"))  # not in the project: refused as before
    assert main(["import", str(path), str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert "0 imported, 2 duplicates skipped, 1 file skipped" in out
    assert "other.txt" in err and "import it with --encoding cp1252" in err


def test_a_second_run_of_an_import_whose_folder_holds_a_file_it_skips_exits_as_the_first(tmp_path, capsys):
    """A folder with an empty file: the first `import` imported the rest and exited 0, the same line again found
    every text in the project ("0 imported, 1 duplicate skipped, 1 file skipped") and exited 1, which stops a `set -e`
    script at its second run. Exit 1 is for an import that skipped every file; a duplicate is read, not skipped."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks were held in Moscow.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(corpus)]) == 0
    assert main(["import", str(path), str(corpus)]) == 0
    assert "0 imported, 1 duplicate skipped, 1 file skipped" in capsys.readouterr().out
    assert main(["import", str(path), str(corpus / "empty.txt")]) == 1  # every file skipped: as before


@pytest.mark.parametrize(
    "argv, offered, command",
    [
        (["exprot", "p.annotator"], "(did you mean 'export'?)", ""),
        (["export", "p.annotator", "-o", "x.json", "--formt", "json"], "(did you mean '--format'?)", "export"),
        (["stats", "p.annotator", "--jsn"], "(did you mean '--json'?)", "stats"),
        (["export", "p.annotator", "-o", "x.json", "--states", "acepted"], "(did you mean 'accepted'?)", "export"),
        (["import", "p.annotator", "x", "-f", "bratt"], "(did you mean 'brat'?)", "import"),
        (["export", "p.annotator", "-o", "x.json", "-f", "jsn"], "(did you mean 'json'?)", "export"),
    ],
)
def test_a_misspelt_command_option_or_choice_offers_the_one_meant(
    tmp_path, capsys, monkeypatch, argv, offered, command
):
    """Session 31's lead 4: `exprot`, `--formt json`: argparse's line named the typo and listed every choice (or
    nothing), never the one meant. The nearest name is offered, in the same one line, exit 2 as before."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "p.annotator"]) == 0
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("annotator: error:") and "\n" not in err, err
    assert offered in err, err
    assert err.endswith(f"(see: annotator {command} --help)".replace("  ", " ")), err


def test_nothing_near_is_offered_nothing():
    from annotator.closest import did_you_mean

    assert did_you_mean("zzz", ["export", "import"]) == ""
    assert did_you_mean("export", ["export", "import"]) == ""
    assert did_you_mean("imprt", ["export", "import"]) == " (did you mean 'import'?)"


def test_our_oneie_export_read_back_keeps_the_entity_an_argument_names_of_two_on_the_same_words(tmp_path, capsys):
    """The team's project held "Russian forces" twice, an ORG and a PERSON (both accepted), the PERSON an Artifact of
    a Movement:Transport. Our OneIE export names it by its `entity_id`; read back, the argument took the first entity
    on those tokens, the ORG, and the new project's schema grew an ORG Artifact ("added to the project's schema (told
    from the events): role Movement:Transport:Artifact"): wrong data from our own file. The id's entity is taken."""
    text = "Russian forces entered Ukraine."
    line = {
        "text": text,
        "name": "a.txt",
        "entities": [
            {"id": 1, "start": 0, "end": 14, "label": "ORG", "state": "accepted"},
            {"id": 2, "start": 0, "end": 14, "label": "PERSON", "state": "accepted"},
            {"id": 3, "start": 23, "end": 30, "label": "GPE", "state": "accepted"},
        ],
        "events": [
            {
                "type": "Movement:Transport",
                "trigger": {"start": 15, "end": 22},
                "state": "accepted",
                "arguments": [{"role": "Artifact", "entity_id": 2}, {"role": "Destination", "entity_id": 3}],
            }
        ],
    }
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="utf-8")
    first, back, out = tmp_path / "p.annotator", tmp_path / "back.annotator", tmp_path / "out.oneie.json"
    assert main(["import", str(first), str(source)]) == 0
    assert main(["export", str(first), "-f", "oneie", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["import", str(back), str(out), "-f", "oneie", "--json"]) == 0
    data = _strict(capsys.readouterr().out)
    assert data["types_told"] == [], data["summary"]
    from annotator.store import Project

    with Project(back, create=False) as p:
        [doc] = p.document_ids()
        ents = {e.id: e for e in p.entities(doc)}
        [event] = p.events(doc)
        roles = {a.role: ents[a.entity_id].label for a in event.arguments}
    assert roles == {"Artifact": "PERSON", "Destination": "GPE"}, roles


def test_a_text_with_a_few_nul_bytes_is_said_to_be_one_with_how_to_take_them_out(tmp_path, capsys):
    """The corpus's nul.txt, a news text with two NUL bytes at byte 200, was "binary file (contains NUL bytes)": the
    engineer looks for a binary file and finds a text. Refused still (no text holds one), said for what it is, where
    and how to clean it; a real binary file, or UTF-16 without its mark, stays "binary file"."""
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Talks were held in Moscow.\n" * 10 + b"\x00\x00" + b"They ended on Monday.\n")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"PK\x03\x04\x00\x00\x00\x00" + bytes(range(256)))
    assert main(["import", str(tmp_path / "p.annotator"), str(nul), str(binary)]) == 1
    err = capsys.readouterr().err
    assert f"skipped {nul}:11: a UTF-8 text with 2 NUL bytes in it (the first at byte 270), which no text holds" in err
    assert f"tr -d '\\000' < {nul} > NEW.txt" in err, err
    assert f"skipped {binary}: binary file (contains NUL bytes)" in err


def test_an_export_of_a_document_name_the_project_lacks_says_nothing_was_written(tmp_path, capsys):
    """`export --docs nosuch` ended "…; nothing was changed", the words of `status` and `accept` (an export changes
    nothing anyway): "nothing was written", as its other refusals say."""
    text = tmp_path / "a.txt"
    text.write_text("Talks were held in Moscow.", encoding="utf-8")
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), str(text)]) == 0
    capsys.readouterr()
    assert main(["export", str(path), "-o", str(tmp_path / "out.jsonl"), "--docs", "nosuch"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("annotator: error: no document named 'nosuch'") and err.endswith("; nothing was written"), err
    assert main(["status", str(path), "annotated", "--docs", "nosuch"]) == 1
    assert capsys.readouterr().err.strip().endswith("; nothing was changed")


def test_stats_writes_its_counts_with_thousands_as_the_other_commands_do():
    """`stats` wrote "entities: 5585", "GPE suggested 1363", "(arguments: 1190)" beside the import's and the
    export's "5,585"."""
    from annotator.stats import format_stats

    stats = {
        "documents": 1200,
        "documents_by_status": {"new": 1200},
        "entities": 5585,
        "entities_by_label": {"GPE": {"suggested": 1363}},
        "events": 1692,
        "events_by_state": {"suggested": 1692},
        "arguments": 1190,
        "events_by_type_and_state": {"Life:Die": {"suggested": 1692}},
        "pipeline_runs": [],
    }
    text = format_stats(stats)
    for line in ("documents: 1,200", "new          1,200", "entities: 5,585", "GPE          suggested 1,363"):
        assert line in text, text
    assert "events: 1,692 (suggested 1,692) (arguments: 1,190)" in text
