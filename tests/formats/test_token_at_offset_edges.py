"""The token (or run, paragraph) at an offset, at the text's edges, beside whitespace and on astral characters,
through each format that looks it up (``offsets.token_index_at`` since session 37; each bisected by hand before):
WebAnno TSV's zero-width spans written back on their token, DyGIE++'s bare tokens mapped onto the stored text by
their non-whitespace characters, Label Studio's paragraphs placed by index and UTF-16 offset."""

from __future__ import annotations

import json

import orjson

from project_support import new_project
from annotator.cli import main
from annotator.formats import writers
from annotator.formats.label_studio import read_label_studio
from annotator.formats.loading import import_format
from annotator.formats.regions_out import write_label_studio
from annotator.importing import import_documents
from annotator.store import Project
from format_helpers import paragraph_result


def test_zero_width_spans_at_the_text_s_start_its_end_and_after_an_astral_letter_are_written_back_in_place(tmp_path):
    """WebAnno TSV counts UTF-16 units: "𝐀li" is 0-4; zero-width spans at the text's start (0), after the astral
    word (4) and at the text's end (14) come back on the rows they came on."""
    zero_rows = ["1-1.1\t0-0\t\tDATE\t", "1-1.2\t4-4\t\tTIME\t", "1-3.1\t14-14\t\tDATE\t"]
    body = [
        "#Text=𝐀li met  Omar",
        "1-1\t0-4\t𝐀li\t_\t",
        zero_rows[0],
        zero_rows[1],
        "1-2\t5-8\tmet\t_\t",
        "1-3\t10-14\tOmar\t_\t",
        zero_rows[2],
    ]
    path = tmp_path / "edges.tsv"
    path.write_text(
        "\n".join(["#FORMAT=WebAnno TSV 3.3", "#T_SP=webanno.custom.Span|value", "", "", *body, ""]), encoding="utf-8"
    )
    project = new_project(tmp_path / "p.annotator", annotator="t")
    import_format(project, "webanno", [path])
    writers()["webanno"](project, tmp_path / "out")
    (written,) = (tmp_path / "out").iterdir()
    rows = [line.split("\t") for line in written.read_text(encoding="utf-8").splitlines() if line[:1].isdigit()]
    zero = [(r[1], [x for x in r[3:] if x not in ("_", "")]) for r in rows if r[2] == ""]
    assert zero == [("0-0", ["DATE"]), ("4-4", ["TIME"]), ("14-14", ["DATE"])], rows
    project.close()


EDGE = "𝐀li met Omar  in\tBasra.\n\nRebels shot at 𝐙ed 🙂"


def test_bare_tokens_come_back_onto_the_stored_text_at_its_start_its_end_beside_whitespace_and_astral_letters(
    tmp_path,
):
    """DyGIE++ keeps tokens, no text: predictions on the text's first word (astral), on words after two spaces and a
    tab, and on its last characters (an astral word, an emoji) land on the stored text's characters."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "edge.txt").write_text(EDGE, encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / "in")]) == 0
    out = tmp_path / "export.jsonl"
    assert main(["export", str(p), "-f", "dygiepp", "-o", str(out)]) == 0
    (line,) = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    words = [w for s in line["sentences"] for w in s]
    wanted = {"𝐀li": "PERSON", "in": "ORG", "Basra": "GPE", "𝐙ed": "PERSON", "🙂": "NORP"}
    by_sentence: list[list] = [[] for _ in line["sentences"]]
    first = 0
    for n, sentence in enumerate(line["sentences"]):
        for i, w in enumerate(sentence):
            if w in wanted:
                by_sentence[n].append([first + i, first + i, wanted[w], 5.0, 0.9])
        first += len(sentence)
    assert sum(map(len, by_sentence)) == len(wanted), words
    line["predicted_ner"] = by_sentence
    back = tmp_path / "predicted.jsonl"
    back.write_bytes(orjson.dumps(line) + b"\n")
    assert main(["import", str(p), str(back)]) == 0
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        assert project.document(doc).text == EDGE
        got = sorted((e.start, EDGE[e.start : e.end], e.label) for e in project.entities(doc) if e.score == 0.9)
    assert got == sorted((EDGE.index(w), w, label) for w, label in wanted.items())


def test_paragraph_spans_at_the_text_s_start_its_end_and_a_paragraph_s_edges_go_back_as_they_came(tmp_path):
    """Spans on the first paragraph's first word (astral), on a paragraph's last word and first word, and on the
    last paragraph's last characters (an emoji, two UTF-16 units), placed by paragraph and UTF-16 offset. The emoji
    at the text's end refused the task on main: its offsets read as code points first, 14-16 past the text's end,
    and the cut-short slice still said the emoji."""
    dialogue = [{"author": "A:", "text": "𝐀li left."}, {"author": "B:", "text": "Omar  met Ali 🙂"}]
    results = [
        paragraph_result("r1", 0, 0, 4, "𝐀li", "PER"),
        paragraph_result("r2", 0, 5, 10, "left.", "NEG"),
        paragraph_result("r3", 1, 0, 4, "Omar", "PER"),
        paragraph_result("r4", 1, 14, 16, "🙂", "NEG"),
    ]
    source = tmp_path / "dialogue.json"
    source.write_text(
        json.dumps([{"id": 3, "data": {"dialogue": dialogue}, "annotations": [{"id": 9, "result": results}]}])
    )
    p, out = tmp_path / "p.annotator", tmp_path / "out.json"
    assert main(["import", str(p), str(source)]) == 0
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    (annotation,) = task["annotations"]
    got = sorted(
        (r["value"]["start"], r["value"]["end"], r["value"]["startOffset"], r["value"]["endOffset"], r["value"]["text"])
        for r in annotation["result"]
    )
    assert got == [
        ("0", "0", 0, 4, "𝐀li"),
        ("0", "0", 5, 10, "left."),
        ("1", "1", 0, 4, "Omar"),
        ("1", "1", 14, 16, "🙂"),
    ]


def _hypertext_region(rid: str, start: str, so: int, end: str, eo: int, text: str, label: str) -> dict:
    value = {"start": start, "end": end, "startOffset": so, "endOffset": eo, "text": text, "hypertextlabels": [label]}
    return {"id": rid, "from_name": "ner", "to_name": "html", "type": "hypertextlabels", "value": value}


def test_hypertext_spans_at_the_text_s_start_its_end_and_a_text_node_s_edges_go_back_to_their_nodes(tmp_path):
    """HTML text nodes placed by XPath and UTF-16 offset: a span at the text's start (astral), one ending where the
    next node starts (its end written in its own node, not at the next one's start), one starting a node, and an
    emoji ending the text in a node of its own."""
    html = "<div><p>𝐀li met</p><p>Omar <b>🙂</b></p></div>"
    first, second, bold = "/div[1]/p[1]/text()[1]", "/div[1]/p[2]/text()[1]", "/div[1]/p[2]/b[1]/text()[1]"
    regions = [
        _hypertext_region("a", first, 0, first, 4, "𝐀li", "PERSON"),
        _hypertext_region("b", first, 5, first, 8, "met", "EVENT"),
        _hypertext_region("c", second, 0, second, 4, "Omar", "PERSON"),
        _hypertext_region("d", bold, 0, bold, 2, "🙂", "NORP"),
    ]
    (tmp_path / "tasks.json").write_bytes(
        orjson.dumps([{"id": 7, "data": {"html": html}, "annotations": [{"id": 1, "result": regions}]}])
    )
    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, read_label_studio(tmp_path / "tasks.json").documents)
        write_label_studio(project, tmp_path / "out.json")
    (out,) = orjson.loads((tmp_path / "out.json").read_bytes())
    got = sorted(
        (r["value"]["text"], r["value"]["start"], r["value"]["startOffset"], r["value"]["end"], r["value"]["endOffset"])
        for r in out["annotations"][0]["result"]
    )
    assert got == sorted(
        (r["value"]["text"], r["value"]["start"], r["value"]["startOffset"], r["value"]["end"], r["value"]["endOffset"])
        for r in regions
    )
