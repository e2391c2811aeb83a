"""Session 34, the engineer's corpus (helper s34-eng): a corpus pre-annotated, finished by a script as annotators
would (accept, reject, status), trained on, and its models kept through copies and cancelled runs."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.store import Project


def _suggested_project(project) -> str:  # type: ignore[no-untyped-def]
    """Two documents, each with a NORP, a GPE and a DATE suggestion and a Conflict:Attack event suggestion whose
    Attacker is the NORP (the entities spaCy's, the events the rules', as pre-annotation makes them)."""
    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents

    path, docs = str(project.path), []
    with project as p:
        for k in range(2):
            doc = IncomingDocument(f"Rebels attacked Homs {k} on Monday.", f"d{k}.txt")
            doc.entities += [
                IncomingEntity("e1", 0, 6, "NORP", state="suggested", source="spacy:ner"),
                IncomingEntity("e2", 16, 20, "GPE", state="suggested", source="spacy:ner", score=0.9),
                IncomingEntity("e3", 26, 32, "DATE", state="suggested", source="spacy:ner"),
            ]
            doc.events.append(
                IncomingEvent(
                    "Conflict:Attack", 7, 15, arguments=[("Attacker", "e1")], state="suggested", source="rules"
                )
            )
            docs.append(doc)
        import_documents(p, docs)
    return path


def test_reject_rejects_the_undecided_suggestions_of_documents_as_accept_accepts_them(project, capsys):
    """The engineer scripting annotators' work had `accept` and `status` and no `reject` ("invalid choice:
    'reject'", exit 2): a script finishing documents as an annotator does (the DATE suggestions and the
    Conflict:Attack events wrong, the rest right) could only accept everything, so training learnt the wrong ones as
    annotations. `reject` takes the undecided suggestions of some labels (`--labels`) or event types (`--types`), or
    all of them, each document one edit; `accept` then takes the rest; a second run says it did nothing."""
    path = _suggested_project(project)
    assert main(["reject", path, "--all", "--labels", "DATE", "--types", "Conflict:Attack", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["documents"], first["entities"], first["events"]) == (2, 2, 2), first
    assert first["left_undecided"] == {"entities": 4, "events": 0}, first
    assert first["summary"] == (
        "2 entity suggestions and 2 event suggestions rejected in 2 documents; 4 entity suggestions left undecided"
    )
    assert main(["accept", path, "--all", "--json"]) == 0
    accepted = json.loads(capsys.readouterr().out)
    assert (accepted["entities"], accepted["events"]) == (4, 0), accepted
    with Project(path) as p:
        for doc_id in p.document_ids():
            states = {(e.label, e.state) for e in p.entities(doc_id)}
            assert states == {("NORP", "accepted"), ("GPE", "accepted"), ("DATE", "rejected")}, states
            events = p.events(doc_id)
            assert [(e.type, e.state, e.arguments) for e in events] == [("Conflict:Attack", "rejected", ())]
    assert main(["reject", path, "--all"]) == 0
    assert capsys.readouterr().out == "nothing to reject in 2 documents\n"


def test_reject_without_labels_or_types_rejects_every_undecided_suggestion_in_one_edit_a_document(project, capsys):
    """`reject --docs NAME` alone rejects every undecided entity and event suggestion of the document (as X on each
    in the app), one entry of the change log; the other document is left as it was."""
    path = _suggested_project(project)
    assert main(["reject", path, "--docs", "d0.txt"]) == 0
    assert capsys.readouterr().out == ("3 entity suggestions and 1 event suggestion rejected in 1 document\n")
    with Project(path) as p:
        d0, d1 = p.document_ids()
        assert {e.state for e in p.entities(d0)} == {"rejected"}
        assert [e.state for e in p.events(d0)] == ["rejected"]
        assert {e.state for e in p.entities(d1)} == {"suggested"}
        actions = [key[4] for key in p.db.change_log_keys()]
    assert actions.count("reject_rest") == 1, actions


def test_reject_of_a_label_or_type_the_schema_lacks_is_refused_before_anything_changes(project, capsys):
    """A misspelt label (`--labels DAT`) would otherwise reject nothing and say so as if there were none: refused in
    one line naming it, exit 1, nothing changed."""
    path = _suggested_project(project)
    assert main(["reject", path, "--all", "--labels", "DATE", "DAT", "--types", "Attack"]) == 1
    err = capsys.readouterr().err
    assert "labels not in the schema 'news': DAT; event types not in it: Attack" in err, err
    assert "nothing was changed" in err
    with Project(path) as p:
        assert {e.state for d in p.document_ids() for e in p.entities(d)} == {"suggested"}


def test_a_second_training_of_a_project_while_one_runs_is_refused_naming_it(project, tmp_path, capsys):
    """Two `annotator train` of one project at once (a Makefile run twice, a cron job over the app's training) both
    ran to the end at half speed each and made two versions of the same documents (177 s each for a 77 s quick try
    on 8 events-dev articles, versions 2 and 3), where a second `preannotate` is refused naming the run it meets. A
    training now holds its model folder from its start; a second one finding a live one is refused in one line
    naming its process, before any parsing, and leaves nothing behind; `models` says one is running."""
    import subprocess
    import sys
    import time

    from annotator.errors import TrainingRunning
    from annotator.learn import versions
    from annotator.learn.train import train_project

    holds = "import sys, time; f = open(sys.argv[1], 'rb'); print(flush=True); time.sleep(60)"  # a run's open file
    other = subprocess.Popen([sys.executable, "-c", holds, str(project.path)], stdout=subprocess.PIPE)
    other.stdout.readline()
    try:
        with project as p:
            root = versions.models_dir(p)
            root.mkdir()
            theirs = root / f".tmp-{other.pid}-t{time.time_ns() - 5 * 10**9}-abcdef12"  # started 5 s ago
            theirs.mkdir()
            try:
                train_project(p)
            except TrainingRunning as exc:
                said = str(exc)
            else:
                raise AssertionError("a second training ran beside the first")
            assert f"pid {other.pid}" in said and "nothing was trained" in said, said
            assert sorted(f.name for f in root.iterdir()) == [theirs.name]  # its folder alone: nothing of ours left
        capsys.readouterr()
        assert main(["models", str(project.path)]) == 0  # a script polling for the version is told it is coming
        note = capsys.readouterr().err
        assert f"note: a training of this project is running (pid {other.pid} since " in note, note
    finally:
        other.kill()
        other.wait()


def test_a_training_s_folder_copied_with_the_models_does_not_hold_the_copy(project, tmp_path):
    """`cp -r p.annotator p.annotator.models other/` while a training of p ran copies its folder too: its process
    lives, but trains the original (it has not the copy open), so a training of the copy is not refused by it."""
    import subprocess
    import sys
    import time

    from annotator.errors import NotEnoughData, TrainingRunning
    from annotator.learn import versions
    from annotator.learn.train import train_project

    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # the original's run
    try:
        with project as p:
            root = versions.models_dir(p)
            root.mkdir()
            (root / f".tmp-{other.pid}-t{time.time_ns() - 5 * 10**9}-abcdef12").mkdir()
            try:
                train_project(p)
            except TrainingRunning as exc:
                raise AssertionError(f"held by the original's training: {exc}") from None
            except NotEnoughData:
                pass  # it ran: an empty project has nothing to learn from
    finally:
        other.kill()
        other.wait()


def test_a_training_s_folder_whose_process_is_gone_does_not_refuse_the_next(project):
    """A training killed (SIGKILL) leaves its folder: the next training is not refused by it (its process is gone),
    and the folder is tidied; with too few finished documents the run says so and leaves no models folder."""
    import pytest

    from annotator.errors import NotEnoughData
    from annotator.learn import versions
    from annotator.learn.train import train_project

    with project as p:
        root = versions.models_dir(p)
        root.mkdir()
        (root / ".tmp-999999999-t1-abcdef12").mkdir()  # no such process
        with pytest.raises(NotEnoughData):
            train_project(p)
        assert not root.exists()


def _finished_project(project) -> str:  # type: ignore[no-untyped-def]
    """Two documents with decided suggestions, marked annotated: enough for `annotator train`."""
    path = _suggested_project(project)
    assert main(["accept", path, "--all"]) == 0
    assert main(["status", path, "annotated", "--all"]) == 0
    return path


@pytest.mark.slow
def test_sigterm_stops_a_training_as_ctrl_c_does_saying_so_and_leaving_no_model_folder(project, tmp_path, capsys):
    """`timeout 600 annotator train`, a CI job cancelled or `docker stop` send SIGTERM: Python's default ended the
    process on the spot (exit -15, no line), the training's half-made model folder left beside the project until its
    next open. It stops as Ctrl+C does now: one line saying no version was made, exit 143, nothing left."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    path = _finished_project(project)
    capsys.readouterr()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    run = subprocess.Popen(
        [sys.executable, "-m", "annotator", "train", path, "--ner-epochs", "1", "--event-epochs", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    models = Path(path + ".models")
    deadline = time.monotonic() + 60
    while not models.exists() and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)  # into the run: the pipeline loading
    run.send_signal(signal.SIGTERM)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 143, (run.returncode, err[-2000:])
    assert "annotator: terminated (SIGTERM); no model version was made" in err, err[-2000:]
    assert not models.exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    "signum, code, said",
    [("SIGTERM", 143, "terminated (SIGTERM)"), ("SIGINT", 130, "interrupted")],
)
def test_a_stop_signal_landing_inside_a_callback_still_stops_the_training(
    project, monkeypatch, capsys, signum, code, said
):
    """CI, session 41: the SIGTERM above landed while an import's module-lock weakref callback ran; the handler's
    KeyboardInterrupt was raised inside that callback, where Python prints "Exception ignored" and goes on, and the
    training finished, made a version and exited 0 (elsewhere in an import it became a RuntimeError, exit 1). A stop
    signal during a training now only asks it to stop, which it does at its next step; Ctrl+C the same."""
    import signal
    import sys
    import weakref
    from pathlib import Path

    from annotator.learn import train

    path = _finished_project(project)
    capsys.readouterr()
    swallowed: list[type] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: swallowed.append(unraisable.exc_type))
    load = train._load_parser

    def load_then_signal_in_a_callback(*args, **kwargs):  # type: ignore[no-untyped-def]
        nlp = load(*args, **kwargs)

        class Held:
            pass

        held = Held()
        ref = weakref.ref(held, lambda _gone: signal.raise_signal(getattr(signal, signum)))
        del held  # the callback runs here, the signal's handler inside it
        assert ref() is None
        return nlp

    monkeypatch.setattr(train, "_load_parser", load_then_signal_in_a_callback)
    assert main(["train", path, "--ner-epochs", "1", "--event-epochs", "1"]) == code
    assert swallowed == []  # nothing raised inside the callback to be lost
    assert f"annotator: {said}; no model version was made" in capsys.readouterr().err
    assert not Path(path + ".models").exists()


def test_a_copy_trained_since_is_told_to_copy_the_version_folders_into_its_models_folder(tmp_path):
    """A project copied without its models and trained since (two.annotator: version 1 in p.annotator.models, 2
    and 3 in its own) was told "rename or copy that folder to two.annotator.models to use it": `cp -r
    p.annotator.models two.annotator.models` puts the folder inside the one that exists (two.annotator.models/
    p.annotator.models), and version 1 stays missing without a word. It names the version folders to copy into it."""
    import shutil

    from annotator.learn import versions
    from annotator.store import Project, now

    def with_version(path):  # type: ignore[no-untyped-def]
        with Project(path, annotator="t") as project:
            made = {"created": now(), "documents": 8}
            versions.publish(project, versions.new_temp_folder(project), made, False)

    with_version(tmp_path / "p.annotator")
    shutil.copy(tmp_path / "p.annotator", tmp_path / "two.annotator")
    with_version(tmp_path / "two.annotator")  # version 2, in two.annotator.models
    with Project(tmp_path / "two.annotator", create=False) as project:
        note = versions.left_behind_message(project)
    assert note == (
        "two.annotator: trained model version 1 was not found in two.annotator.models; p.annotator.models beside it "
        "holds it (the project was renamed or copied, and trained since): copy folder 1 of p.annotator.models into "
        "two.annotator.models (cp -r p.annotator.models/1 two.annotator.models/) to use it"
    ), note
    shutil.copytree(tmp_path / "p.annotator.models" / "1", tmp_path / "two.annotator.models" / "1")  # as it says
    with Project(tmp_path / "two.annotator", create=False) as project:
        assert versions.left_behind_message(project) == ""
        assert [v.present for v in versions.list_versions(project)] == [True, True]
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(tmp_path / "two.annotator", tmp_path / "elsewhere" / "two.annotator")
    with_version(tmp_path / "elsewhere" / "two.annotator")  # version 3 there, 1 and 2 left behind
    with Project(tmp_path / "elsewhere" / "two.annotator", create=False) as project:
        note = versions.left_behind_message(project)
    assert note.startswith("two.annotator: trained model versions 1, 2 were left behind (expected in "), note
    assert note.endswith(
        "which holds the versions trained since; copy folders 1, 2 of the models folder where the project was into it to use them)"
    ), note
