"""doccano's sequence-to-sequence export (``{"id", "text", "label": ["target text", ...], "Comments"}``: a
translation's or a summary's target texts) writes its targets under ``label`` as its text classification writes its
labels. Session 35: read as document categories, a sentence each. They are read as what they are now: target texts,
kept in the document's meta (``doccano_targets``), said in one note, and written back under ``label`` by the doccano
export; a text classification's labels are categories as before."""

from __future__ import annotations

import json

from annotator.categories import CATEGORIES
from annotator.cli import main
from annotator.formats.doccano_names import TARGETS
from annotator.formats.doccano_seq2seq import looks_like_targets
from annotator.store import Project

SEQ2SEQ = [
    {"id": 1, "text": "The cat sat on the mat.", "label": ["Die Katze saß auf der Matte."], "Comments": []},
    {"id": 2, "text": "Rebels attacked a convoy.", "label": ["Rebellen griffen einen Konvoi an.", "Ein Angriff."]},
    {"id": 3, "text": "Nothing happened.", "label": [], "Comments": []},
]
CLASSES = [
    {"id": 1, "text": "Great film.", "label": ["positive"]},
    {"id": 2, "text": "Dull film.", "label": ["negative"]},
    {"id": 3, "text": "A fine film.", "label": ["positive", "very good"]},
]


def _write(path, lines):
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")


def _metas(project):
    with Project(project, annotator="t") as p:
        return {p.document(d).name: p.document(d).meta for d in p.document_ids()}


def test_target_texts_are_kept_as_targets_and_written_back(tmp_path, capsys):
    given = tmp_path / "translation.jsonl"
    _write(given, SEQ2SEQ)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given)]) == 0
    said = capsys.readouterr()
    metas = _metas(project)
    assert metas["1"][TARGETS] == ["Die Katze saß auf der Matte."]
    assert metas["2"][TARGETS] == ["Rebellen griffen einen Konvoi an.", "Ein Angriff."]
    assert TARGETS not in metas["3"]
    assert all(CATEGORIES not in m for m in metas.values())  # no category a sentence
    assert "sequence-to-sequence" in said.out + said.err and "3 target texts" in said.out + said.err
    assert "document categor" not in said.out + said.err
    out = tmp_path / "out.jsonl"
    assert main(["export", str(project), "-f", "doccano", "-o", str(out)]) == 0
    lines = {x["id"]: x for x in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert lines[1]["label"] == SEQ2SEQ[0]["label"] and lines[2]["label"] == SEQ2SEQ[1]["label"]
    assert TARGETS not in lines[1]  # under doccano's own key, not beside it
    again = tmp_path / "again.annotator"
    assert main(["import", str(again), str(out)]) == 0
    assert {k: m.get(TARGETS) for k, m in _metas(again).items()} == {k: m.get(TARGETS) for k, m in metas.items()}


def test_a_text_classification_s_labels_stay_categories(tmp_path, capsys):
    given = tmp_path / "classes.jsonl"
    _write(given, CLASSES)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given)]) == 0
    metas = _metas(project)
    assert metas["3"][CATEGORIES] == ["positive", "very good"]
    assert all(TARGETS not in m for m in metas.values())


def test_what_looks_like_target_texts():
    assert looks_like_targets([["Die Katze saß."]])
    assert looks_like_targets([["a summary of the whole report in one line"], ["another one entirely"]])
    assert not looks_like_targets([["positive"], ["negative"], ["positive"]])
    assert not looks_like_targets([["very good"], ["not good"]])  # two words: labels
    assert not looks_like_targets([])
    # one label a sentence and the others labels: a text classification whose label ends with a full stop
    assert not looks_like_targets([["Sports."], ["Politics"], ["Sports."], ["Sports."]])


def test_a_sequence_to_sequence_csv_goes_back_with_its_targets(tmp_path, capsys):
    """doccano's CSV upload of a sequence-to-sequence project (``text,label``) in and out as CSV: the targets were
    said as "meta values left out" and the label column written empty; fastText says it leaves them out."""
    given = tmp_path / "t.csv"
    given.write_text('text,label\n"The cat sat on the mat.","Die Katze saß auf der Matte."\n', encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given)]) == 0
    out = tmp_path / "out.csv"
    assert main(["export", str(project), "-f", "doccano", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[1].endswith(",Die Katze saß auf der Matte.")
    assert "left out" not in capsys.readouterr().out
    assert main(["export", str(project), "-f", "doccano", "-o", str(tmp_path / "out.txt")]) == 0
    assert "left out (a fastText line holds labels, a word each)" in capsys.readouterr().out
