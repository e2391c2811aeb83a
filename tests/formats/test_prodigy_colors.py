"""A Prodigy dataset's colours: each relation's ``color`` (rel.manual saves the colour its label was drawn in) is kept
with the document by label and written back on the relations of that label, a trigger's role as a relation between
entities; the span labels' colours of Prodigy's config beside the file (``prodigy.json``'s ``custom_theme.labels``)
are given to the labels a new project's schema takes from it. Session 35: the relations went back without a colour,
the labels came in with the palette's. Our own tasks."""

from __future__ import annotations

import json
import re

from annotator.cli import main
from annotator.store import Project

TEXT = "Rebels attacked the town because the army left it."


def _tokens(text: str) -> list[dict]:
    found = list(re.finditer(r"\w+|[^\w\s]", text))
    return [
        {"text": m.group(), "start": m.start(), "end": m.end(), "id": k, "ws": text[m.end() : m.end() + 1] == " "}
        for k, m in enumerate(found)
    ]


def _span(tokens: list[dict], words: str, label: str) -> dict:
    start = TEXT.index(words)
    end = start + len(words)
    first = next(t["id"] for t in tokens if t["start"] == start)
    last = next(t["id"] for t in tokens if t["end"] == end)
    return {"start": start, "end": end, "token_start": first, "token_end": last, "label": label}


def _task() -> dict:
    tokens = _tokens(TEXT)
    claim = _span(tokens, "Rebels attacked the town", "CLAIM")
    premise = _span(tokens, "the army left it", "PREMISE")
    trigger = _span(tokens, "attacked", "Conflict:Attack")
    rebels = _span(tokens, "Rebels", "NORP")
    relations = [
        {"head": claim["token_end"], "child": premise["token_end"], "head_span": claim, "child_span": premise,
         "label": "REASON", "color": "#d9fbad"},
        {"head": trigger["token_end"], "child": rebels["token_end"], "head_span": trigger, "child_span": rebels,
         "label": "Attacker", "color": "#ffd882"},
    ]  # fmt: skip
    return {"text": TEXT, "tokens": tokens, "spans": [claim, premise, trigger, rebels], "relations": relations,
            "answer": "accept", "_input_hash": 5, "_task_hash": 6}  # fmt: skip


def _write(tmp_path, config: dict | None) -> str:
    given = tmp_path / "argue.jsonl"
    given.write_text(json.dumps(_task()) + "\n", encoding="utf-8")
    if config is not None:
        (tmp_path / "prodigy.json").write_text(json.dumps(config), encoding="utf-8")
    return str(given)


def test_relation_colours_go_back_with_their_labels(tmp_path, capsys):
    given = _write(tmp_path, None)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), given]) == 0
    out = tmp_path / "out.jsonl"
    assert main(["export", str(project), "-f", "prodigy", "-o", str(out)]) == 0
    (task,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    colors = {r["label"]: r.get("color") for r in task["relations"]}
    assert colors == {"REASON": "#d9fbad", "Attacker": "#ffd882"}


def test_the_config_beside_colours_the_labels_a_new_project_takes(tmp_path, capsys):
    config = {"custom_theme": {"labels": {"CLAIM": "#AA0000", "PREMISE": "red", "REASON": "#00aa00"}}, "port": 8080}
    given = _write(tmp_path, config)
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), given, "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert set(said["labels_added"]) == {"CLAIM", "PREMISE"}
    (note,) = [n for n in said["notes"] if "prodigy.json" in n]
    assert "the colours of 2 labels" in note and "not as #rrggbb, so the palette's: PREMISE" in note
    with Project(project, annotator="t") as p:
        assert p.schema.label("CLAIM").color == "#aa0000"
        assert p.schema.label("PREMISE").color.startswith("#") and p.schema.label("PREMISE").color != "#aa0000"
        assert p.schema.label("NORP").color == "#f4c4f4"  # the project's own label keeps its colour


def test_a_damaged_config_is_said_and_the_file_read_without_it(tmp_path, capsys):
    given = _write(tmp_path, None)
    (tmp_path / "prodigy.json").write_text("{not json", encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), given, "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert any("prodigy.json: not read (" in n for n in said["notes"]) and said["entities"] == 3


def test_in_a_folder_the_config_is_read_beside_and_alone_it_says_what_it_is(tmp_path, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    _write(folder, {"custom_theme": {"labels": {"CLAIM": "#aa0000"}}})
    for k, extra in enumerate(([], ["-f", "prodigy"])):
        project = tmp_path / f"p{k}.annotator"
        assert main(["import", str(project), str(folder), "--json", *extra]) == 0
        said = json.loads(capsys.readouterr().out)
        assert said["skipped"] == [] and said["entities"] == 3
        with Project(project, annotator="t") as p:
            assert p.schema.label("CLAIM").color == "#aa0000"
    for extra in ([], ["-f", "prodigy"]):
        assert main(["import", str(tmp_path / "x.annotator"), str(folder / "prodigy.json"), *extra]) == 1
        assert "Prodigy's settings file (prodigy.json), not a dataset" in capsys.readouterr().err
