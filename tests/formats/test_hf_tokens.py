"""Hugging Face token classification JSONL (``hf``): ``tokens`` and ``ner_tags`` a line, out and in (``datasets``'
``Dataset.to_json`` lines, conll2003's numbered tags, TNER's ``label.json``)."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.errors import ImportFileError, OptionError
from annotator.formats.detect import detect_format
from annotator.formats.hf_tokens_read import read_hf
from annotator.schema import parse_schema
from annotator.store import Project

from tests.formats.conftest import TEXTS, cli_export, places_exported, places_imported_back

# conll2003 on the Hub, as ``Dataset.to_json`` writes it: numbered tags, other columns beside them
CONLL2003_NAMES = "O,B-PER,I-PER,B-ORG,I-ORG,B-LOC,I-LOC,B-MISC,I-MISC"
NUMBERED = [
    {
        "id": "0",
        "tokens": ["EU", "rejects", "German", "call", "to", "boycott", "British", "lamb", "."],
        "pos_tags": [22, 42, 16, 21, 35, 37, 16, 21, 7],
        "ner_tags": [3, 0, 7, 0, 0, 0, 7, 0, 0],
    },
    {"id": "1", "tokens": ["Peter", "Blackburn"], "pos_tags": [22, 22], "ner_tags": [1, 2]},
]

C3 = parse_schema(
    '[schema]\nname = "c3"\nversion = 1\n'
    + "".join(f'[[entity]]\nname = "{n}"\n' for n in ("PER", "LOC", "ORG", "MISC"))
)


def export_closed(project, out, *extra: str) -> str:  # type: ignore[no-untyped-def]
    project.close()
    return cli_export(project.path, "hf", out, *extra)


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_lines(path, objs) -> None:
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")


def test_export_writes_a_sentence_a_line_with_iob2_tags(sample, tmp_path):
    project, ids = sample
    out = tmp_path / "train.jsonl"
    report = export_closed(project, out)
    got = lines(out)
    kabul = [line for line in got if line["document"] == "kabul.txt"]
    assert [line["id"] for line in kabul] == ["kabul.txt:0", "kabul.txt:1"]  # spaCy-like sentences, numbered from 0
    first = kabul[0]
    assert len(first["tokens"]) == len(first["ner_tags"])
    pairs = list(zip(first["tokens"], first["ner_tags"]))
    # "three soldiers" is longer than the "three" inside it: the longest wins, the other is reported
    assert pairs[:4] == [("Gunmen", "B-PERSON"), ("killed", "O"), ("three", "B-PERSON"), ("soldiers", "I-PERSON")]
    assert ("Kabul", "B-GPE") in pairs and ("Friday", "B-DATE") in pairs
    assert "overlapping entities left out" in report
    assert all(" " not in t and t for line in got for t in line["tokens"])  # no whitespace tokens
    assert TEXTS["kabul.txt"].startswith(" ".join(first["tokens"][:5]))


def test_export_unit_document_writes_a_line_per_document(sample, tmp_path):
    project, _ = sample
    out = tmp_path / "docs.jsonl"
    export_closed(project, out, "--option", "unit=document")
    got = {line["id"]: line for line in lines(out)}
    assert set(got) == set(TEXTS)
    assert got["meeting.txt"]["tokens"][:3] == ["Angela", "Merkel", "met"]  # both sentences in one line
    assert "Germany" in got["meeting.txt"]["tokens"]


@pytest.mark.slow
def test_export_then_import_into_a_new_project_round_trips(sample, tmp_path, capsys):
    project, _ = sample
    out = tmp_path / "a.jsonl"
    export_closed(project, out)
    p2 = tmp_path / "p2.annotator"
    assert main(["import", str(p2), str(out)]) == 0  # told from the content: not taken for Prodigy
    again = tmp_path / "b.jsonl"
    assert main(["export", str(p2), "-f", "hf", "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()
    with Project(p2, create=False) as p:
        names = sorted(p.document(d).name for d in p.document_ids())
    assert names == sorted(TEXTS)  # each document's name is the ``document`` its lines carry


def test_our_export_comes_back_onto_its_documents(tmp_path, capsys):
    p, doc, out = places_exported(tmp_path, "hf")
    assert places_imported_back(p, doc, out) == [("Mosul", "added"), ("Safwan", "suggested")]


def test_numbered_tags_need_their_names(tmp_path):
    path = tmp_path / "train.jsonl"
    write_lines(path, NUMBERED)
    with pytest.raises(ImportFileError) as exc:
        read_hf(path, C3)
    assert "tag_names=" in str(exc.value) and exc.value.line == 1
    result = read_hf(path, C3, options={"tag_names": CONLL2003_NAMES})
    first, second = result.documents
    assert first.text == "EU rejects German call to boycott British lamb ."
    assert [(first.text[e.start : e.end], e.label) for e in first.entities] == [
        ("EU", "ORG"),
        ("German", "MISC"),
        ("British", "MISC"),
    ]
    assert [(second.text[e.start : e.end], e.label) for e in second.entities] == [("Peter Blackburn", "PER")]


@pytest.mark.parametrize("shape", ["list", "map"])
def test_tag_names_from_a_json_file(tmp_path, shape):
    path = tmp_path / "train.jsonl"
    write_lines(path, NUMBERED[1:])
    names = CONLL2003_NAMES.split(",")
    label = tmp_path / "label.json"
    label.write_text(json.dumps(names if shape == "list" else {n: i for i, n in enumerate(names)}), encoding="utf-8")
    (doc,) = read_hf(path, C3, options={"tag_names": str(label)}).documents
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [("Peter Blackburn", "PER")]


def test_bad_names_and_numbers_are_one_line_errors(tmp_path):
    path = tmp_path / "train.jsonl"
    write_lines(path, NUMBERED)
    with pytest.raises(ImportFileError) as exc:
        read_hf(path, C3, options={"tag_names": "O,B-PER,I-PER"})  # too few names for tag 7
    assert "tag 3 has no name (3 names given)" in str(exc.value)
    with pytest.raises(OptionError):
        read_hf(path, C3, options={"tag_names": "O,B-PER,3rd"})  # bare labels are IO's (session 31), a number none
    write_lines(path, [{"tokens": ["a", "b"], "ner_tags": ["O", "X Y"]}])
    with pytest.raises(ImportFileError) as exc:
        read_hf(path, C3)
    assert "'X Y' is not a tag" in str(exc.value)


def test_bioes_tags_and_documents_of_n_lines(tmp_path):
    path = tmp_path / "train.jsonl"
    write_lines(
        path,
        [
            {"tokens": ["New", "York", "City", "sleeps"], "tags": ["B-LOC", "I-LOC", "E-LOC", "O"]},
            {"tokens": ["Ada", "smiled"], "tags": ["S-PER", "O"]},
            {"tokens": ["Rain", "fell"], "tags": ["O", "O"]},
        ],
    )
    docs = read_hf(path, C3, options={"documents": "2"}).documents
    assert [d.text for d in docs] == ["New York City sleeps\nAda smiled", "Rain fell"]
    assert [(docs[0].text[e.start : e.end], e.label) for e in docs[0].entities] == [
        ("New York City", "LOC"),
        ("Ada", "PER"),
    ]


def test_detected_before_prodigy(tmp_path):
    path = tmp_path / "train.jsonl"
    write_lines(path, [{"tokens": ["Ada", "smiled"], "ner_tags": ["B-PER", "O"]}])
    assert detect_format(path) == "hf"
    listed = tmp_path / "train.json"
    listed.write_text(json.dumps([{"tokens": ["Ada"], "ner_tags": ["B-PER"]}]), encoding="utf-8")
    assert detect_format(listed) == "hf"
    (doc,) = read_hf(listed, C3).documents
    assert doc.text == "Ada"
    prodigy = tmp_path / "prodigy.jsonl"
    write_lines(prodigy, [{"text": "Ada", "tokens": [{"text": "Ada", "start": 0, "end": 3, "id": 0}]}])
    assert detect_format(prodigy) == "prodigy"


def test_a_lines_own_text_is_kept_when_it_holds_its_tokens(tmp_path):
    """``text`` / ``sentence`` / ``sequence`` beside the tokens (what a dataset keeps of the original): the real text,
    the tokens' offsets into it; characters of Chinese without spaces, a character outside the BMP, two spaces."""
    path = tmp_path / "train.jsonl"
    rows = [
        {
            "tokens": ["Ada", "met", "Bo", "🙂", "in", "Kabul", "."],
            "ner_tags": ["B-PER", "O", "B-PER", "O", "O", "B-LOC", "O"],
            "text": "Ada met Bo🙂  in Kabul.",
        },
        {
            "tokens": ["李", "𠀋", "在", "北", "京"],
            "ner_tags": ["B-PER", "I-PER", "O", "B-LOC", "I-LOC"],
            "sentence": "李𠀋在北京",
        },
        {"tokens": ["Rain", "fell"], "ner_tags": ["O", "O"], "sequence": " Rain fell\t"},
    ]
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in rows), encoding="utf-8")
    result = read_hf(path, C3, options={"documents": "3"})
    (doc,) = result.documents
    assert doc.text == "Ada met Bo🙂  in Kabul.\n李𠀋在北京\n Rain fell\t"
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [
        ("Ada", "PER"),
        ("Bo", "PER"),
        ("Kabul", "LOC"),
        ("李𠀋", "PER"),
        ("北京", "LOC"),
    ]
    starts, ends, sent_starts = doc.tokens
    assert [doc.text[s:e] for s, e in zip(starts, ends)] == [t for r in rows for t in r["tokens"]]
    assert sent_starts == [0, 7, 12]
    assert not result.warnings
    assert any("each line's own text kept" in n for n in result.notes)


def test_an_own_text_that_does_not_hold_the_tokens_is_said_in_one_line(tmp_path):
    path = tmp_path / "train.jsonl"
    rows = [
        {"tokens": ["``", "Hi", "''", "Ada"], "ner_tags": ["O", "O", "O", "B-PER"], "text": '"Hi" Ada'},
        {"tokens": ["Bo", "left"], "ner_tags": ["B-PER", "O"], "text": "Bo left"},
    ]
    write_lines(path, rows)
    result = read_hf(path, C3, options={"documents": "2"})
    (doc,) = result.documents
    assert doc.text == "`` Hi '' Ada\nBo left"  # the first line's tokens joined, the second's own text
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [("Ada", "PER"), ("Bo", "PER")]
    (said,) = result.warnings
    assert "the own text of 1 line (line 1 ('text'))" in said and "does not hold the line's tokens" in said
    assert any("1 of 2 lines kept their own text" in n for n in result.notes)


@pytest.mark.slow
def test_a_lines_own_text_goes_back_out(tmp_path, capsys):
    """Lines with their own text, imported and exported: each line's ``text`` is written back as it came (the export
    wrote the tokens and tags alone, so the real text was lost on the way out)."""
    rows = [
        {
            "id": "s:0",
            "document": "s",
            "text": "Ada met Bo🙂  in Kabul.",
            "tokens": ["Ada", "met", "Bo", "🙂", "in", "Kabul", "."],
            "ner_tags": ["B-PER", "O", "B-PER", "O", "O", "B-LOC", "O"],
        },
        {
            "id": "s:1",
            "document": "s",
            "text": "李𠀋在北京",
            "tokens": ["李", "𠀋", "在", "北", "京"],
            "ner_tags": ["B-PER", "I-PER", "O", "B-LOC", "I-LOC"],
        },
    ]
    src = tmp_path / "train.jsonl"
    src.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in rows), encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    out = tmp_path / "out.jsonl"
    cli_export(p, "hf", out)
    got = lines(out)
    assert [(g["text"], g["tokens"]) for g in got] == [(r["text"], r["tokens"]) for r in rows]
    p2 = tmp_path / "p2.annotator"
    assert main(["import", str(p2), str(out)]) == 0
    again = tmp_path / "again.jsonl"
    cli_export(p2, "hf", again)
    assert again.read_bytes() == out.read_bytes()
