"""OmniEvent's Chinese data (DuEE, LEVEN, ACE2005-ZH as its conversions write them: the text without spaces, jieba
words as negatives, code-point positions) and MAVEN-ARG's test files (sentences, typed candidate mentions, TIMEX):
read, shown as given, written back. The lines are our own, in their shapes."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.formats.detect import detect_format
from annotator.formats.omnievent import read_omnievent
from annotator.schema import default_schema
from annotator.store import Project

from tests.formats.conftest import cli_export

# a DuEE-shaped line: jieba's words (a character outside the BMP among them), no spaces, no entities
ZH_WORDS = ["6月", "7日", "，", "𠀋", "华为", "公司", "在", "深圳", "裁员", "200", "人", "。"]
ZH_TEXT = "".join(ZH_WORDS)


def word_spans(words: list[str]) -> list[list[int]]:
    out, at = [], 0
    for w in words:
        out.append([at, at + len(w)])
        at += len(w)
    return out


def duee_line(doc_id: str, words: list[str], trigger: str | None) -> dict:
    text, spans = "".join(words), word_spans(words)
    negatives = [
        {"id": f"{doc_id}-{k}", "trigger_word": w, "position": p}
        for k, (w, p) in enumerate(zip(words, spans))
        if w != trigger
    ]
    events = []
    if trigger:
        k = words.index(trigger)
        events = [
            {
                "type": "组织关系-裁员",
                "triggers": [{"id": f"{doc_id}-t", "trigger_word": trigger, "position": spans[k]}],
            }
        ]
    return {"id": doc_id, "text": text, "events": events, "negative_triggers": negatives}


def write_lines(path, objs) -> None:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs), encoding="utf-8")


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_chinese_lines_come_in_as_given_and_go_out_without_spaces(tmp_path, capsys):
    src = tmp_path / "train.unified.jsonl"
    second = ["他", "说", "：", "“", "我们", "不会", "放弃", "。", "”"]
    write_lines(src, [duee_line("a1", ZH_WORDS, "裁员"), duee_line("b2", second, None)])
    p1 = tmp_path / "p1.annotator"
    assert main(["import", str(p1), str(src)]) == 0
    with Project(p1, create=False) as p:
        docs = [p.document(d) for d in p.document_ids()]
        assert [d.text for d in docs] == [ZH_TEXT, "".join(second)]  # what the app shows: the text as given
        (event,) = p.events(docs[0].id)
        assert ZH_TEXT[event.trigger_start : event.trigger_end] == "裁员"
    out = tmp_path / "out.jsonl"
    cli_export(p1, "omnievent", out)
    got, given = lines(out), lines(src)
    assert [g["text"] for g in got] == [g["text"] for g in given]  # no space put between the characters
    for g, o in zip(got, given):
        assert [n["position"] for n in g["negative_triggers"]] == [n["position"] for n in o["negative_triggers"]]
        assert [t["position"] for v in g["events"] for t in v["triggers"]] == [
            t["position"] for v in o["events"] for t in v["triggers"]
        ]
    p2 = tmp_path / "p2.annotator"
    assert main(["import", str(p2), str(out)]) == 0
    again = tmp_path / "again.jsonl"
    cli_export(p2, "omnievent", again)
    assert again.read_bytes() == out.read_bytes()


def test_a_leven_document_in_mavens_shape_keeps_its_sentences(tmp_path):
    """LEVEN's own files are MAVEN's shape: ``content`` sentences with jieba ``tokens`` (OmniEvent's conversion keeps
    each ``sentence`` as it is)."""
    words = ["被告人", "张某", "𠀋", "盗窃", "财物", "。"]
    leven = {
        "id": "lv1",
        "content": [
            {"sentence": "".join(words), "tokens": words},
            {"sentence": "He left .", "tokens": ["He", "left", "."]},
        ],
        "events": [
            {
                "id": "e",
                "type": "盗窃财物",
                "mention": [{"id": "m", "trigger_word": "盗窃", "sent_id": 0, "offset": [3, 4]}],
            }
        ],
        "negative_triggers": [{"id": "n", "trigger_word": "财物", "sent_id": 0, "offset": [4, 5]}],
    }
    path = tmp_path / "train.jsonl"
    write_lines(path, [leven])
    (doc,) = read_omnievent(path, default_schema()).documents
    assert doc.text == "被告人张某𠀋盗窃财物。\nHe left ."
    (event,) = doc.events
    assert doc.text[event.trigger_start : event.trigger_end] == "盗窃"


def test_candidates_of_a_test_file_keep_their_edges(tmp_path):
    """DuEE's and LEVEN's test files (as OmniEvent converts them) give ``candidates``, words without types: not
    events, but their edges are the words' edges, so our export writes the same words."""
    spans = word_spans(ZH_WORDS)
    test = {
        "id": "t1",
        "text": ZH_TEXT,
        "candidates": [{"id": k, "trigger_word": w, "position": p} for k, (w, p) in enumerate(zip(ZH_WORDS, spans))],
    }
    src = tmp_path / "test.unified.jsonl"
    write_lines(src, [test])
    result = read_omnievent(src, default_schema())
    (doc,) = result.documents
    starts, ends, _ = doc.tokens
    assert [doc.text[s:e] for s, e in zip(starts, ends)] == ZH_WORDS
    assert any("candidates" in w and "(12)" in w for w in result.warnings)


def test_a_maven_arg_test_document_comes_in_with_its_candidates_as_suggestions(tmp_path):
    """MAVEN-ARG's (and MAVEN-ERE's) test files: ``tokens`` a list a sentence, ``sentences`` their texts,
    ``event_mentions`` typed candidates by sentence and token offset, ``TIMEX`` temporal expressions."""
    test = {
        "id": "f28b",
        "title": "An occupation",
        "tokens": [["The", "army", "occupied", "Kabul", "in", "1912", "."], ["Troops", "left", "🙂", "."]],
        "sentences": ["The army occupied Kabul in 1912.", "Troops left🙂."],
        "event_mentions": [
            {
                "id": "a75b",
                "trigger_word": "occupied",
                "sent_id": 0,
                "offset": [2, 3],
                "type": "Conquering",
                "type_id": 3,
            },
            {"id": "b2", "trigger_word": "left", "sent_id": 1, "offset": [1, 2], "type": "Departing", "type_id": 9},
        ],
        "TIMEX": [{"id": "TIME_1", "mention": "1912", "type": "DATE", "sent_id": 0, "offset": [5, 6]}],
    }
    path = tmp_path / "test.jsonl"
    write_lines(path, [test])
    assert detect_format(path) == "omnievent"
    result = read_omnievent(path, None)
    (doc,) = result.documents
    assert doc.name == "f28b" and doc.meta.get("title") == "An occupation"
    assert doc.text == "The army occupied Kabul in 1912 .\nTroops left 🙂 ."
    assert [(doc.text[v.trigger_start : v.trigger_end], v.type, v.state) for v in doc.events] == [
        ("occupied", "Conquering", "suggested"),
        ("left", "Departing", "suggested"),
    ]
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [("1912", "DATE")]
    assert any("candidates" in n and "suggested events" in n for n in result.notes)


def test_duees_arguments_without_entities_come_in_as_entities_of_their_role(tmp_path):
    """DuEE's conversion writes arguments (``mentions`` with ``mention_id``) and no ``entities``: in the schema told
    from the file each such role takes a label of its name, so the arguments come in (they were all left out: "the
    role takes no entity label") and go back out at their positions."""
    line = duee_line("a1", ZH_WORDS, "裁员")
    args = [("裁员方", "华为公司"), ("时间", "6月7日")]
    line["events"][0]["triggers"][0]["arguments"] = [
        {"id": f"x{k}", "role": role, "mentions": [{"mention_id": f"m{k}", "mention": w, "position": pos(w)}]}
        for k, (role, w) in enumerate(args)
    ]
    src = tmp_path / "train.unified.jsonl"
    write_lines(src, [line])
    result = read_omnievent(src, default_schema())
    (doc,) = result.documents
    (event,) = doc.events
    keys = {e.key: (ZH_TEXT[e.start : e.end], e.label) for e in doc.entities}
    assert sorted((role, keys[key]) for role, key in event.arguments) == sorted((role, (w, role)) for role, w in args)
    assert not result.warnings


def pos(word: str) -> list[int]:
    at = ZH_TEXT.index(word)
    return [at, at + len(word)]


def test_the_labels_of_a_schema_told_from_the_file_have_colours_of_their_own(tmp_path):
    """The app tells labels apart by colour: a told schema's labels were all the default grey (DuEE's roles'
    labels, a MAVEN-ARG test file's TIMEX types), as the legend showed."""
    line = duee_line("a1", ZH_WORDS, "裁员")
    line["events"][0]["triggers"][0]["arguments"] = [
        {"id": "x", "role": role, "mentions": [{"mention_id": "m", "mention": w, "position": pos(w)}]}
        for role, w in (("裁员方", "华为公司"), ("时间", "6月7日"))
    ]
    src = tmp_path / "train.unified.jsonl"
    write_lines(src, [line])
    told = read_omnievent(src, default_schema()).schema
    colours = [e.color for e in told.entities]
    assert len(colours) == 2 and len(set(colours)) == 2 and "#dddddd" not in colours
