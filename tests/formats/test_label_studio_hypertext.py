"""Label Studio's HyperText tag (HTML to label, its "NER in HTML" use): a ``hypertextlabels`` result places its span
by XPath into the HTML and offsets in that text node (UTF-16 units), newer versions also by ``globalOffsets``. Such
tasks' regions were said as "result 0 of type 'hypertextlabels'" and not kept, the HTML stored as its markup
(session 16's leftover). The text is the HTML's ``textContent``; the spans come in on it, and the export writes the
HTML and the spans back by XPath. The tasks are our own, in the shape Label Studio's docs give for the tag."""

from __future__ import annotations

import orjson
import pytest

from annotator.errors import ImportFileError
from annotator.formats.label_studio import read_label_studio
from annotator.formats.regions_out import write_label_studio
from annotator.importing import import_documents
from annotator.store import Project

HTML = (
    "<div><h1>Rebels &amp; the city</h1><p>Rebels attacked <b>Kabul</b> on Monday.</p>"
    "<p>Officials in Herat said \U0001f642 Abdul Rahim was hurt.</p><script>var x = 1;</script></div>"
)
TEXT = "Rebels & the cityRebels attacked Kabul on Monday.Officials in Herat said \U0001f642 Abdul Rahim was hurt."


def region(rid: str, start: str, so: int, end: str, eo: int, text: str, label: str, **extra) -> dict:
    value = {"start": start, "end": end, "startOffset": so, "endOffset": eo, "text": text, "hypertextlabels": [label]}
    return {"id": rid, "from_name": "ner", "to_name": "html", "type": "hypertextlabels", "value": {**value, **extra}}


def task() -> dict:
    results = [
        region("a", "/div[1]/p[1]/b[1]/text()[1]", 0, "/div[1]/p[1]/b[1]/text()[1]", 5, "Kabul", "GPE"),
        region("b", "/div[1]/p[1]/text()[1]", 0, "/div[1]/p[1]/text()[1]", 6, "Rebels", "PERSON"),
        # after the emoji: two UTF-16 units for it, as the browser counts
        region("c", "/div[1]/p[2]/text()[1]", 27, "/div[1]/p[2]/text()[1]", 38, "Abdul Rahim", "PERSON"),
        # an XPath of another version of the page; its globalOffsets (UTF-16 units into the whole text) place it
        region(
            "d",
            "/html[1]/body[1]/p[9]/text()[1]",
            13,
            "/html[1]/body[1]/p[9]/text()[1]",
            18,
            "Herat",
            "GPE",
            globalOffsets={"start": 62, "end": 67},
        ),  # fmt: skip
    ]
    return {"id": 7, "data": {"html": HTML}, "annotations": [{"id": 1, "result": results}]}


def test_a_hypertext_tasks_spans_come_in_on_the_htmls_text(tmp_path):
    (tmp_path / "tasks.json").write_bytes(orjson.dumps([task()]))
    got = read_label_studio(tmp_path / "tasks.json")
    (doc,) = got.documents
    assert doc.text == TEXT  # the text nodes, &amp; decoded, nothing of the script
    assert sorted((doc.text[e.start : e.end], e.label) for e in doc.entities) == [
        ("Abdul Rahim", "PERSON"),
        ("Herat", "GPE"),
        ("Kabul", "GPE"),
        ("Rebels", "PERSON"),
    ]
    assert not any("hypertextlabels" in w for w in got.warnings), got.warnings


def test_the_export_writes_the_html_and_the_spans_back_by_xpath(tmp_path):
    (tmp_path / "tasks.json").write_bytes(orjson.dumps([task()]))
    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, read_label_studio(tmp_path / "tasks.json").documents)
        write_label_studio(project, tmp_path / "out.json")
    (out,) = orjson.loads((tmp_path / "out.json").read_bytes())
    assert out["data"]["html"] == HTML
    kabul = next(x for x in out["annotations"][0]["result"] if x["value"].get("text") == "Kabul")
    assert kabul["type"] == "hypertextlabels" and kabul["to_name"] == "html" and kabul["from_name"] == "ner"
    assert (kabul["value"]["start"], kabul["value"]["startOffset"], kabul["value"]["endOffset"]) == (
        "/div[1]/p[1]/b[1]/text()[1]",
        0,
        5,
    )
    with Project(tmp_path / "b.annotator") as project:  # in again, and out: the same file
        import_documents(project, read_label_studio(tmp_path / "out.json").documents)
        write_label_studio(project, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "out.json").read_bytes()


def test_a_span_neither_place_gives_refuses_the_file_naming_it(tmp_path):
    bad = task()
    bad["annotations"][0]["result"] = [
        region("z", "/div[1]/p[7]/text()[1]", 0, "/div[1]/p[7]/text()[1]", 5, "Kabul", "GPE")
    ]
    (tmp_path / "tasks.json").write_bytes(orjson.dumps([bad]))
    with pytest.raises(ImportFileError, match=r"result 'z' \(hypertextlabels\) at '/div\[1\]/p\[7\]/text\(\)\[1\]'"):
        read_label_studio(tmp_path / "tasks.json")


def test_label_studio_0x_htmllabels_are_read_too(tmp_path):
    """Label Studio 0.x wrote the same result as ``htmllabels`` (its front end's HyperTextRegion), labels under that
    key."""
    old = task()
    for r in old["annotations"][0]["result"]:
        r["type"] = "htmllabels"
        r["value"]["htmllabels"] = r["value"].pop("hypertextlabels")
    (tmp_path / "tasks.json").write_bytes(orjson.dumps([old]))
    (doc,) = read_label_studio(tmp_path / "tasks.json").documents
    assert doc.text == TEXT and len(doc.entities) == 4
