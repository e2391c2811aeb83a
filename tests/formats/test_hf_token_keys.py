"""Token classification lines under the key names real public JSONL files use (session 31): Polyglot-NER's
``words`` and ``ner`` (bare labels, the IO scheme), Create ML's word tagger's ``tokens`` and ``labels``, Few-NERD's
``fine_ner_tags`` beside its coarse ``ner_tags`` (``--option tag_key=``), MultiCoNER's string ``ner_tags`` beside their
numbers ``ner_tags_index``; tags under any other key refused in one line naming the keys found and the keys read.
Our own lines in those shapes. On main the first two were refused as the project's own JSONL ("'text' must be a
non-empty string")."""

from __future__ import annotations

import json

import pytest

from annotator.errors import ImportFileError
from annotator.formats.detect import detect_format
from annotator.formats.hf_tokens_read import read_hf
from annotator.schema import parse_schema

SCHEMA = parse_schema(
    '[schema]\nname = "s"\nversion = 1\n'
    + "".join(f'[[entity]]\nname = "{n}"\n' for n in ("PER", "LOC", "ORG", "person-actor"))
)


def lines(tmp_path, *objs) -> object:  # type: ignore[no-untyped-def]
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


def found(path, **options) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    (doc,) = read_hf(path, SCHEMA, options=options or None).documents
    return [(doc.text[e.start : e.end], e.label) for e in doc.entities]


def test_polyglot_ner_words_and_bare_labels(tmp_path):
    path = lines(
        tmp_path,
        {
            "id": "7",
            "lang": "en",
            "words": ["Ada", "Lovelace", "left", "Paris", "."],
            "ner": ["PER", "PER", "O", "LOC", "O"],
        },
    )
    assert detect_format(path) == "hf"
    assert found(path) == [("Ada Lovelace", "PER"), ("Paris", "LOC")]


def test_create_ml_tokens_and_labels(tmp_path):
    path = lines(tmp_path, {"tokens": ["Acme", "Corp", "hired", "Bo"], "labels": ["B-ORG", "I-ORG", "O", "B-PER"]})
    assert detect_format(path) == "hf"
    assert found(path) == [("Acme Corp", "ORG"), ("Bo", "PER")]


def test_few_nerd_fine_tags_by_option_and_bare_tag_names(tmp_path):
    path = lines(
        tmp_path,
        {"id": "0", "tokens": ["Bo", "Diddley", "sang"], "ner_tags": [1, 1, 0], "fine_ner_tags": [2, 2, 0]},
    )
    assert found(path, tag_names="O,PER") == [("Bo Diddley", "PER")]  # the coarse ner_tags by default
    fine = found(path, tag_key="fine_ner_tags", tag_names="O,PER,person-actor")
    assert fine == [("Bo Diddley", "person-actor")]


def test_multiconer_string_tags_beside_their_numbers(tmp_path):
    path = lines(
        tmp_path,
        {"id": "1", "tokens": ["Ada", "in", "Oslo"], "ner_tags": ["B-PER", "O", "B-LOC"], "ner_tags_index": [1, 0, 3]},
    )
    assert found(path) == [("Ada", "PER"), ("Oslo", "LOC")]


def test_tags_under_another_key_are_refused_naming_the_keys(tmp_path):
    path = lines(tmp_path, {"tokens": ["Ada", "sang"], "entity_tags": ["B-PER", "O"]})
    assert detect_format(path) == "hf"  # was None: the project's own JSONL refused it for its missing 'text'
    with pytest.raises(ImportFileError) as exc:
        read_hf(path, SCHEMA)
    said = str(exc.value)
    assert exc.value.line == 1 and "\n" not in said
    assert "'entity_tags'" in said and "'ner_tags', 'tags', 'ner', 'labels'" in said and "tag_key=KEY" in said
    assert found(path, tag_key="entity_tags") == [("Ada", "PER")]


def test_bare_labels_beside_prefixed_tags_are_refused_with_the_line(tmp_path):
    path = lines(tmp_path, {"tokens": ["Ada"], "ner_tags": ["B-PER"]}, {"tokens": ["Oslo"], "ner_tags": ["LOC"]})
    with pytest.raises(ImportFileError) as exc:
        read_hf(path, SCHEMA)
    assert exc.value.line == 2 and "'LOC' is a bare label but line 1 has B-/I- tags" in str(exc.value)
