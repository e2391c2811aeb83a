"""A document's labels, event types and roles go out as the file it came from spelt them in every format that names
them span by span (Label Studio, doccano, Prodigy, spaCy DocBin, CoNLL, Hugging Face tokens), whichever of them it came
from (``schema_names.GivenSpellings.of_meta``): a Label Studio task's or a Prodigy answer's ``PER`` went to the
Hugging Face tokens and CoNLL as ``B-PERSON``, a CoNLL file's ``PER`` to the Hugging Face tokens as ``B-PERSON``, labels
the user's tagger or the other tool's project lacks. The fixtures are our own, in each tool's shape."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from tests.formats.test_reader_schema_names import label_studio_task, prodigy_task
from spacy_support import english_vocab


def _source(tmp_path, kind: str):  # type: ignore[no-untyped-def]
    if kind == "label_studio":
        f = tmp_path / "tasks.json"
        f.write_text(json.dumps(label_studio_task("Conflict.Attack", "attacker")), encoding="utf-8")
    elif kind == "prodigy":
        f = tmp_path / "answers.jsonl"
        f.write_text(json.dumps(prodigy_task("Conflict.Attack", "attacker")) + "\n", encoding="utf-8")
    else:  # CoNLL-2003's tags
        f = tmp_path / "train.conll"
        rows = [("Rebels", "B-PER"), ("attacked", "O"), ("Obama", "B-PER"), ("in", "O"), ("Kabul", "B-GPE"), (".", "O")]
        f.write_text("\n".join(f"{w} -X- _ {t}" for w, t in rows) + "\n\n", encoding="utf-8")
    return f


def _exported(tmp_path, kind: str, fmt: str, suffix: str):  # type: ignore[no-untyped-def]
    p, out = tmp_path / "p.annotator", tmp_path / f"out{suffix}"
    assert main(["import", str(p), str(_source(tmp_path, kind))]) == 0
    assert main(["export", str(p), "-f", fmt, "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("kind", ["label_studio", "prodigy", "conll"])
def test_the_hugging_face_export_writes_the_tags_as_the_file_spelt_them(tmp_path, kind):
    out = _exported(tmp_path, kind, "hf", ".jsonl")
    tags = {t for line in out.read_text(encoding="utf-8").splitlines() for t in json.loads(line)["ner_tags"]}
    assert {"B-PER", "B-GPE"} <= tags and "B-PERSON" not in tags


@pytest.mark.parametrize("kind", ["label_studio", "prodigy"])
def test_the_conll_export_writes_another_tools_spellings(tmp_path, kind):
    out = _exported(tmp_path, kind, "conll", ".conll")
    tags = [
        line.split()[-1] for line in out.read_text(encoding="utf-8").splitlines() if line and "DOCSTART" not in line
    ]
    assert tags == ["B-PER", "O", "B-PER", "O", "B-GPE", "O"]


def test_the_doccano_export_writes_a_label_studio_tasks_spellings(tmp_path):
    out = _exported(tmp_path, "label_studio", "doccano", ".jsonl")
    (line,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    by_id = {e["id"]: e for e in line["entities"]}
    assert sorted(e["label"] for e in line["entities"]) == ["Conflict.Attack", "GPE", "PER", "PER"]
    assert [(by_id[r["from_id"]]["label"], r["type"]) for r in line["relations"]] == [("Conflict.Attack", "attacker")]


def test_the_label_studio_export_writes_a_prodigy_answers_spellings(tmp_path):
    out = _exported(tmp_path, "prodigy", "label_studio", ".json")
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    (annotation,) = task["annotations"]
    labels = sorted(r["value"]["labels"][0] for r in annotation["result"] if r["type"] == "labels")
    roles = [r["labels"] for r in annotation["result"] if r["type"] == "relation"]
    assert labels == ["Conflict.Attack", "GPE", "PER", "PER"] and roles == [["attacker"]]


def test_the_prodigy_export_writes_a_conll_files_spellings(tmp_path):
    out = _exported(tmp_path, "conll", "prodigy", ".jsonl")
    spans = [s for line in out.read_text(encoding="utf-8").splitlines() for s in json.loads(line)["spans"]]
    assert sorted(s["label"] for s in spans) == ["GPE", "PER", "PER"]


def test_the_docbin_export_writes_a_label_studio_tasks_spellings(tmp_path):
    pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = _exported(tmp_path, "label_studio", "spacy", ".spacy")
    (doc,) = DocBin().from_disk(out).get_docs(english_vocab())
    assert sorted((e.text, e.label_) for e in doc.ents) == [("Kabul", "GPE"), ("Obama", "PER"), ("Rebels", "PER")]
