"""The items of a JSON array (a Label Studio export, a list of documents) are numbered by the line they start on: the
lines were counted from the start of the file for every item, so reading an export of n tasks took time in n squared
(2,000 tasks of 1.6 MB: 0.86 s of CPU, 0.26 s counted as the reading goes; bench/label_studio_meta.py). The lines
scanned are counted here, not the time."""

from __future__ import annotations

import json

from annotator.formats import reading


class Spy(str):
    """The file's text, counting the characters its ``count`` calls scan."""

    scanned = 0

    def count(self, sub, start=0, end=None):  # type: ignore[no-untyped-def,override]
        end = len(self) if end is None else end
        Spy.scanned += max(0, end - start)
        return super().count(sub, start, end)


def test_the_lines_are_counted_once_as_the_reading_goes(tmp_path, monkeypatch):
    items = [{"id": k, "data": {"text": f"Task {k} text."}} for k in range(400)]
    text = "[\n" + ",\n".join(json.dumps(x, indent=2) for x in items) + "\n]\n"
    path = tmp_path / "tasks.json"
    path.write_text(text)
    monkeypatch.setattr(reading, "read_text_file", lambda p: Spy(text))
    got = list(reading.iter_json_array(path))
    assert [obj["id"] for _, obj in got] == list(range(400))
    assert [line for line, _ in got][:3] == [2, 8, 14]  # where each item starts, as before
    assert [line for line, _ in got] == [text.count("\n", 0, text.index(f'"id": {k},')) for k in range(400)]
    assert Spy.scanned <= len(text)  # each character once (it was 400 times the half of the file)
