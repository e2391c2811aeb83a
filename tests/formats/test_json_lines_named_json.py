"""JSON lines under a ``.json`` name (doccano's older exports, many datasets' ``train.json``): the doccano and Label
Studio readers read a ``.json`` as one array or one object, so such a file gave its first line's document and lost the
others without a word (session 29). Every line is read now, and a line that is not JSON refuses the file with its
line, as a ``.jsonl``'s does. Our own lines."""

from __future__ import annotations

import json

import pytest

from annotator.errors import ImportFileError
from annotator.formats.doccano import read_doccano
from annotator.formats.loading import import_paths

DOCCANO = [
    {"id": 1, "text": "Boris Johnson met Zoë Ball.", "label": [[0, 13, "PERSON"]]},
    {"id": 2, "text": "Paris is big.", "label": [[0, 5, "GPE"]]},
    {"id": 3, "text": "Acme hired Ann.", "label": [[0, 4, "ORG"]]},
]
LABEL_STUDIO = [
    {
        "data": {"text": text},
        "annotations": [
            {
                "result": [
                    {
                        "id": f"r{k}",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]},
                    }
                ]
            }
        ],
    }
    for k, (text, s, e, label) in enumerate(
        [("Boris Johnson met Zoë.", 0, 13, "PERSON"), ("Paris is big.", 0, 5, "GPE")]
    )
]


def _words(project) -> list[str]:
    out = []
    for doc_id in project.document_ids():
        text = project.document(doc_id).text
        out += [text[e.start : e.end] for e in project.entities(doc_id)]
    return sorted(out)


@pytest.mark.parametrize(
    "lines, fmt, words",
    [
        (DOCCANO, "doccano", ["Acme", "Boris Johnson", "Paris"]),
        (LABEL_STUDIO, "label_studio", ["Boris Johnson", "Paris"]),
    ],
)
def test_every_line_of_a_json_named_file_is_read(project, tmp_path, lines, fmt, words):
    path = tmp_path / "export.json"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    report = import_paths(project, [path])
    assert report.formats == [(str(path), fmt)] and report.skipped == [], report.skipped
    assert len(report.imported) == len(lines)  # main: 1, the other lines lost without a word
    assert _words(project) == words


def test_a_bad_line_after_the_first_refuses_the_file_with_its_line(project, tmp_path):
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(DOCCANO[0]) + "\n" + '{"text": "cut sho', encoding="utf-8")
    report = import_paths(project, [path])
    assert report.imported == []  # main: the first line imported, the cut one passed over
    ((_, reason),) = report.skipped
    assert reason.startswith(f"{path}:2: not valid JSON"), reason
    with pytest.raises(ImportFileError, match="not valid JSON"):
        read_doccano(path)


def test_the_projects_own_lines_named_json_are_read_as_its_jsonl(project, tmp_path):
    """The project's own JSONL shape under a .json name was refused: "not valid JSON: unexpected content after
    document"."""
    path = tmp_path / "texts.json"
    lines = [
        {"text": "Boris Johnson met Zoë.", "spans": [{"start": 0, "end": 13, "label": "PERSON"}]},
        {"text": "Paris is big.", "spans": [{"start": 0, "end": 5, "label": "GPE"}]},
    ]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    report = import_paths(project, [path])
    assert report.skipped == [] and len(report.imported) == 2, report.skipped
    assert _words(project) == ["Boris Johnson", "Paris"]


PRODIGY = [
    {"text": t, "spans": [{"start": 0, "end": e, "label": lab}], "_input_hash": k, "_task_hash": k, "answer": "accept"}
    for k, (t, e, lab) in enumerate([("Boris Johnson met Zoë.", 13, "PERSON"), ("Paris is big.", 5, "GPE")])
]


@pytest.mark.parametrize(
    "items, name, words",
    [
        (DOCCANO, "export.jsonl", ["Acme", "Boris Johnson", "Paris"]),
        (LABEL_STUDIO, "tasks.jsonl", ["Boris Johnson", "Paris"]),
        (PRODIGY, "dataset.json", ["Boris Johnson", "Paris"]),
        (PRODIGY, "dataset.jsonl", ["Boris Johnson", "Paris"]),
    ],
)
@pytest.mark.parametrize("indent", [2, None])
def test_one_json_array_under_a_jsonl_name_or_prodigys_is_read_as_its_items(
    project, tmp_path, items, name, words, indent
):
    """A pretty-printed (or one-line) array where JSON lines were looked for was refused at line 1: "not valid JSON
    (unexpected end of data ...); is the line cut short?" (doccano, Label Studio, Prodigy: its JSON input files are
    arrays)."""
    path = tmp_path / name
    path.write_text(json.dumps(items, ensure_ascii=False, indent=indent), encoding="utf-8")
    report = import_paths(project, [path])
    assert report.skipped == [] and len(report.imported) == len(items), report.skipped
    assert _words(project) == words


def test_lines_of_arrays_are_not_taken_for_one_array(tmp_path):
    from annotator.formats.reading import iter_jsonl

    path = tmp_path / "rows.jsonl"
    path.write_text("[1, 2]\n[3, 4]\n", encoding="utf-8")
    assert [v for _, v in iter_jsonl(path)] == [[1, 2], [3, 4]]


@pytest.mark.parametrize("fmt", ["doccano", "label_studio"])
@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
def test_json_nested_past_the_decoder_is_refused_in_one_line(project, tmp_path, fmt, name):
    """-f doccano (or label_studio) on arrays nested 100,000 deep ended in a RecursionError's traceback."""
    from annotator.formats.loading import import_format

    path = tmp_path / name
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000 + b"\n")
    with pytest.raises(ImportFileError, match="nested too deeply"):
        import_format(project, fmt, [path])
