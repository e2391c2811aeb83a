"""Session 43: a file that gives two documents one id (two Label Studio projects' exports joined into one list, two
doccano files' lines concatenated) was read whole, the second document renamed and said, but each kept its id and the
Label Studio and doccano exports wrote both with it: two tasks of one id in one file, which label-studio-sdk's
converter, naming its output files by task id, writes one over the other. The first document keeps the id; the
others go out with new ones, unique in the project and the same in every export (``records.KeptIds``), said. Our own
files."""

from __future__ import annotations

import orjson

from annotator.cli import main

TEXTS = ("Rebels attacked Aleppo.", "Troops left Kabul.")


def _span(text: str, word: str, label: str) -> dict:
    s = text.index(word)
    return {"id": f"r{s}", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": s, "end": s + len(word), "text": word, "labels": [label]}}  # fmt: skip


def test_two_label_studio_tasks_of_one_id_go_out_with_ids_of_their_own(tmp_path, capsys):
    tasks = [
        {"id": 7, "data": {"text": TEXTS[0]}, "annotations": [{"id": 1, "result": [_span(TEXTS[0], "Aleppo", "GPE")]}]},
        {"id": 7, "data": {"text": TEXTS[1]}, "annotations": [{"id": 1, "result": [_span(TEXTS[1], "Kabul", "GPE")]}]},
        {"id": 8, "data": {"text": "Nothing here."}, "annotations": [{"id": 2, "result": []}]},
    ]
    path, p = tmp_path / "joined.json", tmp_path / "p.annotator"
    path.write_bytes(orjson.dumps(tasks))
    assert main(["import", str(p), str(path)]) == 0
    for k in (1, 2):  # the same ids in every export
        out = tmp_path / f"out{k}.json"
        assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
        written = orjson.loads(out.read_bytes())
        ids = [t["id"] for t in written]
        assert ids[0] == 7 and ids[2] == 8 and ids[1] not in (7, 8), ids
        assert [t["data"]["text"] for t in written][:2] == list(TEXTS)
    said = capsys.readouterr()
    assert f"task 7 (2): 7 -> {ids[1]}" in said.out + said.err


def test_two_doccano_lines_of_one_id_go_out_with_ids_of_their_own(tmp_path):
    lines = [
        {"id": 5, "text": TEXTS[0], "entities": [{"id": 1, "label": "GPE", "start_offset": 16, "end_offset": 22}],
         "relations": []},
        {"id": 5, "text": TEXTS[1], "entities": [{"id": 1, "label": "GPE", "start_offset": 12, "end_offset": 17}],
         "relations": []},
    ]  # fmt: skip
    path, p, out = tmp_path / "joined.jsonl", tmp_path / "p.annotator", tmp_path / "out.jsonl"
    path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    assert main(["import", str(p), str(path)]) == 0
    assert main(["export", str(p), "-f", "doccano", "-o", str(out)]) == 0
    written = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert written[0]["id"] == 5 and written[1]["id"] != 5, written
    assert [x["text"] for x in written] == list(TEXTS)
