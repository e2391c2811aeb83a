"""What several format tests build the same way (imported by name): a WebAnno TSV file's round through the command
line, a Label Studio paragraph span's result, a Label Studio ``labels`` result, a brat document imported into a new
project. Each was written in two test files or more until session 40."""

from __future__ import annotations

from pathlib import Path

from annotator import api
from annotator.cli import main


def webanno_round(tmp_path: Path, source: Path, name: str) -> str:
    """``source`` imported into a new project ``NAME.annotator`` and exported as WebAnno TSV into the folder ``name``:
    the one file written, as text."""
    project = tmp_path / f"{name}.annotator"
    assert main(["import", str(project), str(source)]) == 0
    assert main(["export", str(project), "-f", "webanno", "-o", str(tmp_path / name)]) == 0
    (out,) = (tmp_path / name).glob("*.tsv")
    return out.read_text(encoding="utf-8")


def paragraph_result(rid: str, paragraph: int, start: int, end: int, text: str, label: str) -> dict:
    """A Label Studio ``paragraphlabels`` result (a person's, id ``rid``): ``label`` on [start, end) of the
    ``paragraph``-th paragraph of the task's ``dialogue``."""
    value = {"start": str(paragraph), "end": str(paragraph), "startOffset": start, "endOffset": end, "text": text}
    return {
        "value": {**value, "paragraphlabels": [label]},
        "id": rid,
        "from_name": "label",
        "to_name": "dialogue",
        "type": "paragraphlabels",
        "origin": "manual",
    }


def labels_region(
    rid: str, start: int, end: int, label: str, text: str | None = None, tag: str = "label", **extra
) -> dict:
    """A Label Studio ``labels`` result (region ``rid``): ``label`` on [start, end) of the task's ``text``, with the
    span's text where given (``text``), from the control named ``tag``; ``extra``: the result's other keys
    (``origin``, ``meta``, ``source``)."""
    value = {"start": start, "end": end, **({} if text is None else {"text": text}), "labels": [label]}
    return {"id": rid, "from_name": tag, "to_name": "text", "type": "labels", "value": value, **extra}


def brat_project(tmp_path: Path, text: str, ann: str, conf: str | None = None) -> Path:
    """A new project at ``tmp_path/p.annotator`` holding one brat document ``d`` (its text, its ``.ann`` and, when
    given, the folder's ``annotation.conf``) imported as brat."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "d.txt").write_text(text)
    (folder / "d.ann").write_text(ann)
    if conf is not None:
        (folder / "annotation.conf").write_text(conf)
    made = api.new_project(tmp_path / "p.annotator")
    api.import_files(made, [folder], format="brat")
    return made
