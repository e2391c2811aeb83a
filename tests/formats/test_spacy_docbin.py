"""spaCy DocBin export: contents survive the DocBin, splits are reproducible, misalignment is reported,
and `spacy train` runs on it without misalignment warnings."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from spacy_support import english_vocab
from annotator import edits
from annotator.formats import writers
from annotator.formats.spacy_docbin import write_spacy
from tests.formats.conftest import TEXTS, at


def load(path):
    from spacy.tokens import DocBin

    return {d.user_data["annotator_name"]: d for d in DocBin().from_disk(path).get_docs(english_vocab())}


def test_registry_has_spacy():
    assert writers()["spacy"] is write_spacy


def test_docbin_keeps_entities_spans_triggers_and_event_attrs(sample, tmp_path):
    project, ids = sample
    out = tmp_path / "corpus.spacy"
    report = write_spacy(project, out)
    assert report.documents == 4 and out.exists()
    assert len(report.tokenized) == 4  # nothing was pre-annotated: said so in the report
    assert "tokenised into words and punctuation" in report.summary()
    docs = load(out)
    k = docs["kabul.txt"]
    assert k.text == TEXTS["kabul.txt"]
    sc = {(s.text, s.label_) for s in k.spans["sc"]}
    assert {
        ("three soldiers", "PERSON"),
        ("three", "CARDINAL"),
        ("two Afghan civilians", "PERSON"),
        ("Afghan", "NORP"),
        ("officials", "PERSON"),
        ("two", "CARDINAL"),
    } <= sc
    assert len(k.spans["sc"]) == 9 == len(k.spans["sc"].attrs["entities"])
    states = {s.text: info["state"] for s, info in zip(k.spans["sc"], k.spans["sc"].attrs["entities"])}
    assert states["two"] == "suggested" and states["officials"] == "added"
    ents = [(e.text, e.label_) for e in k.ents]
    assert ("three soldiers", "PERSON") in ents and ("three", "CARDINAL") not in ents  # the longer one wins
    assert k[0].ent_iob_ == "B" and k[1].ent_iob_ == "O"  # reviewed: O outside entities
    triggers = k.spans["triggers"]
    assert sorted((s.text, s.label_) for s in triggers) == sorted(  # "killed" is a shared trigger
        [
            ("killed", "Life:Die"),
            ("killed", "Conflict:Attack"),
            ("injured", "Life:Injure"),
            ("attack", "Conflict:Attack"),
        ]
    )
    events = triggers.attrs["events"]
    assert len(events) == len(triggers)
    for span, ev in zip(triggers, events):
        assert span.label_ == ev["type"] and [span.start_char, span.end_char] == list(ev["trigger"])
        for a in ev["arguments"]:
            arg = k.spans["sc"][a["span"]]
            assert (arg.start_char, arg.end_char, arg.label_) == (a["start"], a["end"], a["label"])
    die = next(e for e in events if e["type"] == "Life:Die")
    assert {(a["role"], k.text[a["start"] : a["end"]]) for a in die["arguments"]} == {
        ("Agent", "Gunmen"),
        ("Victim", "three soldiers"),
        ("Place", "Kabul"),
        ("Time", "Friday"),
    }
    injure = next(e for e in events if e["type"] == "Life:Injure")
    assert injure["attributes"]["modality"] == "Other" and injure["attributes"]["polarity"] == "Positive"
    assert k.user_data["annotator_comments"][0]["text"].startswith("Check the casualty count \U0001f914")
    m = docs["meeting.txt"]
    meet = next(e for e in m.spans["triggers"].attrs["events"] if e["type"] == "Contact:Meet")
    assert [a["role"] for a in meet["arguments"]].count("Entity") == 2  # repeated role kept
    r = docs["rocket.txt"]
    assert "\U0001f680" in [t.text for t in r]  # the non-BMP character is a token of its own
    assert r[0].ent_iob_ == ""  # not reviewed: missing, not O
    assert ("rocket", "PRODUCT") not in {(s.text, s.label_) for s in r.spans["sc"]}  # rejected left out


@pytest.mark.slow
def test_split_is_reproducible_and_complete(sample, tmp_path):
    project, _ = sample
    a = write_spacy(project, tmp_path / "a.spacy", options={"split": "train=0.5,dev=0.5", "seed": "7"})
    write_spacy(project, tmp_path / "b.spacy", options={"split": "train=0.5,dev=0.5", "seed": "7"})
    assert a.files == [str(tmp_path / "a.train.spacy"), str(tmp_path / "a.dev.spacy")]
    train_a, dev_a = set(load(tmp_path / "a.train.spacy")), set(load(tmp_path / "a.dev.spacy"))
    assert train_a == set(load(tmp_path / "b.train.spacy")) and dev_a == set(load(tmp_path / "b.dev.spacy"))
    assert len(train_a) == 2 and len(dev_a) == 2 and train_a | dev_a == set(TEXTS)
    assert not (tmp_path / "a.spacy").exists()


@pytest.mark.parametrize("bad", ["train=0.8,dev=0.3", "train", "=0.5,dev=0.5", "train=x"])
def test_bad_split_is_a_clear_error(sample, tmp_path, bad):
    from annotator.errors import AnnotatorError

    project, _ = sample
    with pytest.raises(AnnotatorError, match="split"):
        write_spacy(project, tmp_path / "x.spacy", options={"split": bad})
    assert not list(tmp_path.glob("x*"))


def test_misaligned_span_is_reported_never_dropped_silently(sample, tmp_path):
    project, ids = sample
    s, e = at(TEXTS["kabul.txt"], "Gunmen")
    edits.add_entity(project, ids["kabul.txt"], s, e - 2, "ORG")  # "Gunm": not on token edges
    report = write_spacy(project, tmp_path / "w.spacy")
    assert f"kabul.txt: entity ORG [{s}, {e - 2}) -> [{s}, {e})" in report.summary()
    doc = load(tmp_path / "w.spacy")["kabul.txt"]
    assert ("Gunmen", "ORG") in {(x.text, x.label_) for x in doc.spans["sc"]}
    report = write_spacy(project, tmp_path / "s.spacy", options={"misaligned": "skip"})
    assert f"1 span left out (not on token edges): kabul.txt: entity ORG [{s}, {e - 2})" in report.summary()
    doc = load(tmp_path / "s.spacy")["kabul.txt"]
    assert ("Gunmen", "ORG") not in {(x.text, x.label_) for x in doc.spans["sc"]}


def test_stored_tokens_are_used(sample, tmp_path):
    from spacy_support import ruler_pipeline
    from annotator.preannotate import preannotate

    project, _ = sample
    preannotate(project, ruler_pipeline([]), finished=True)  # annotated ones too
    report = write_spacy(project, tmp_path / "t.spacy")
    assert report.tokenized == []
    docs = load(tmp_path / "t.spacy")
    assert docs["meeting.txt"].text == TEXTS["meeting.txt"]
    assert len(list(docs["meeting.txt"].sents)) >= 2  # the stored sentence starts are kept


def test_unknown_option_is_refused(sample, tmp_path):
    from annotator.errors import AnnotatorError

    with pytest.raises(AnnotatorError, match="unknown option 'splits'"):
        write_spacy(sample[0], tmp_path / "x.spacy", options={"splits": "train=1"})


@pytest.mark.slow  # runs spacy train
def test_spacy_train_runs_one_short_epoch_without_misalignment_warnings(sample, tmp_path):
    project, _ = sample
    write_spacy(project, tmp_path / "corpus.spacy", options={"split": "train=0.5,dev=0.5"})
    cfg = tmp_path / "config.cfg"
    py = sys.executable
    subprocess.run(
        [
            py,
            "-m",
            "spacy",
            "init",
            "config",
            str(cfg),
            "--lang",
            "en",
            "--pipeline",
            "ner",
            "--optimize",
            "efficiency",
            "--force",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    run = subprocess.run(
        [
            py,
            "-m",
            "spacy",
            "train",
            str(cfg),
            "--output",
            str(tmp_path / "model"),
            "--paths.train",
            str(tmp_path / "corpus.train.spacy"),
            "--paths.dev",
            str(tmp_path / "corpus.dev.spacy"),
            "--training.max_epochs",
            "1",
            "--training.max_steps",
            "20",
            "--training.eval_frequency",
            "10",
            "--nlp.batch_size",
            "8",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert not re.search(r"W030|W033|misalign|could not be aligned", log), log
    assert (tmp_path / "model" / "model-last" / "meta.json").exists()


@pytest.mark.slow  # 20 exports, ~10 s
def test_two_spacy_exports_at_once_do_not_break_each_other(sample, tmp_path):
    """The encoder look-up speed-up is the export's own: two threads exporting at once both finish, each with the
    bytes a lone export writes, and srsly looks encoders up as before once they are done."""
    import threading

    from srsly.msgpack import msgpack_encoders

    from annotator.store import Project

    project, _ = sample
    alone = tmp_path / "alone.spacy"
    write_spacy(project, alone)
    errors: list[BaseException] = []
    for trial in range(5):
        start = threading.Barrier(2)

        def export(k: int) -> None:
            try:
                with Project(project.path) as mine:  # one connection per thread
                    start.wait()
                    for n in range(2):
                        write_spacy(mine, tmp_path / f"t{trial}-{k}-{n}.spacy")
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=export, args=(k,)) for k in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    outputs = sorted(tmp_path.glob("t*-*-*.spacy"))
    assert len(outputs) == 20
    assert all(load(p).keys() == load(alone).keys() for p in outputs)
    assert msgpack_encoders.get_all() is not msgpack_encoders.get_all()  # outside an export: looked up afresh
