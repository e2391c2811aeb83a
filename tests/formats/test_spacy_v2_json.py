"""spaCy v2's JSON training format (the shape of spaCy's ``extra/example_data/ner_example_data/ner-sent-per-line.json``:
documents of paragraphs of sentences of tokens with ``orth``, ``tag`` and a BILUO ``ner``, no ``raw``; and what v3's
``docs_to_json`` writes: ``raw``, each token's ``space``, ``cats``) was refused naming ``spacy convert``: now read,
without ``--format`` and with ``--format spacy``, a document a paragraph as ``spacy convert`` makes a Doc of each. The
files are our own, in its shape."""

from __future__ import annotations

import json

import pytest

from annotator import api
from annotator.errors import ImportFileError
from annotator.formats.spacy_v2 import read_spacy_v2


def tok(orth: str, ner: str = "O", tag: str = "NN", **more) -> dict:  # type: ignore[no-untyped-def]
    return {"orth": orth, "tag": tag, "ner": ner, **more}


SENT_PER_LINE = [
    {
        "id": 0,
        "paragraphs": [
            {
                "sentences": [
                    {"tokens": [tok("When", tag="WRB"), tok("Ada", "B-PERSON"), tok("Lovelace", "L-PERSON"),
                                tok("joined"), tok("Acme", "U-ORG"), tok("in"), tok("1843", "U-DATE"), tok(",")]},
                    {"tokens": [tok("“"), tok("Babbage", "U-PERSON"), tok("was"), tok("n’t"), tok("there"),
                                tok("this", "B-DATE"), tok("week", "L-DATE"), tok(".")]},
                ]
            }
        ],
    }
]  # fmt: skip

WANT_TEXT = "When Ada Lovelace joined Acme in 1843 ,\n“ Babbage was n’t there this week ."
WANT_SPANS = [
    ("Ada Lovelace", "PERSON"),
    ("Acme", "ORG"),
    ("1843", "DATE"),
    ("Babbage", "PERSON"),
    ("this week", "DATE"),
]


def spans(project, doc: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    text = project.document(doc).text
    return [(text[e.start : e.end], e.label) for e in sorted(project.entities(doc), key=lambda e: e.start)]


def write(tmp_path, data, name="train.json"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", [None, "spacy"])
def test_the_sentence_per_line_shape_is_read_not_refused(tmp_path, fmt):
    src = write(tmp_path, SENT_PER_LINE)
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src], **({"format": fmt} if fmt else {}))
    assert not report.skipped, report.skipped
    (doc,) = project.document_ids()
    assert project.document(doc).text == WANT_TEXT
    assert project.document(doc).name == "train.json:0"
    assert spans(project, doc) == WANT_SPANS
    assert any("the tokens' tag" in w for w in report.warnings), report.warnings  # said as not kept
    assert any("spaCy v2's JSON training format" in n for n in report.notes), report.notes


def test_its_tokens_and_sentences_are_the_documents(tmp_path):
    got = read_spacy_v2(write(tmp_path, SENT_PER_LINE))
    (doc,) = got.documents
    starts, ends, sentences = doc.tokens
    assert [WANT_TEXT[s:e] for s, e in zip(starts, ends)][:4] == ["When", "Ada", "Lovelace", "joined"]
    assert len(starts) == 16 and sentences == [0, 8]


V3 = [
    {
        "id": 7,
        "paragraphs": [
            {
                "raw": "Paris hosted the talks.  Then Rome.",
                "sentences": [{"tokens": [tok("Paris", "U-GPE"), tok("hosted"), tok("the"), tok("talks"), tok(".")]},
                              {"tokens": [tok("Then"), tok("Rome", "U-GPE"), tok(".")]}],
                "cats": [{"label": "POLITICS", "value": 1.0}, {"label": "SPORT", "value": 0.0}],
                "brackets": [],
            },
            {
                "sentences": [{"tokens": [tok("Oslo", "U-GPE", space=""), tok(",", space=" "), tok("Norway", "U-GPE", space="")]}],
            },
            {"raw": "A raw that lost its words.", "sentences": [{"tokens": [tok("Kyiv", "U-GPE"), tok("wins", "-")]}]},
        ],
    }
]  # fmt: skip


def test_raw_spaces_and_cats(tmp_path):
    src = write(tmp_path, V3)
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src], format="spacy")
    one, two, three = project.document_ids()
    assert project.document(one).text == "Paris hosted the talks.  Then Rome."  # the raw, as it is
    assert spans(project, one) == [("Paris", "GPE"), ("Rome", "GPE")]
    assert project.document(one).meta["cats"] == {"POLITICS": 1.0, "SPORT": 0.0}
    assert [project.document(d).name for d in (one, two, three)] == [
        "train.json:7.1",
        "train.json:7.2",
        "train.json:7.3",
    ]
    assert project.document(two).text == "Oslo, Norway"  # the tokens and their space, as spaCy's Doc.text
    assert spans(project, two) == [("Oslo", "GPE"), ("Norway", "GPE")]
    assert project.document(three).text == "Kyiv wins"  # its raw does not hold its tokens: said
    notes = " ".join(report.notes)
    assert "1 paragraph whose 'raw' does not hold its tokens" in notes and "1 token with ner '-'" in notes, notes


@pytest.mark.parametrize(
    "bad, said",
    [
        (tok("Acme", "X-ORG"), "document 0, paragraph 1, token 2: ner 'X-ORG' is not a BILUO tag"),
        ({"tag": "NN"}, "document 0, paragraph 1, sentence 1, token 2: 'orth' must be a non-empty string"),
    ],
)
def test_bad_input_refuses_the_file_in_one_line_and_keeps_nothing(tmp_path, bad, said):
    data = [{"id": 0, "paragraphs": [{"sentences": [{"tokens": [tok("At"), bad]}]}]}]
    src = write(tmp_path, data)
    project = api.new_project(tmp_path / "p.annotator")
    with pytest.raises(ImportFileError) as got:
        api.import_files(project, [src], format="spacy")
    assert said in str(got.value) and "\n" not in str(got.value)
    assert not project.document_ids()


def test_one_document_a_line_too(tmp_path):
    src = tmp_path / "train.jsonl"
    src.write_text("\n".join(json.dumps(d) for d in SENT_PER_LINE + V3) + "\n", encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src])
    assert len(project.document_ids()) == 4


def test_labels_as_the_schema_names_them_and_back_through_the_docbin(tmp_path, busy):
    data = [
        {"id": 1, "paragraphs": [{"sentences": [{"tokens": [tok("Ada", "U-PER"), tok("met"), tok("Acme", "U-ORG")]}]}]}
    ]
    src = write(tmp_path, data)
    api.import_files(busy, [src])
    doc = busy.document_ids()[-1]
    assert spans(busy, doc) == [("Ada", "PERSON"), ("Acme", "ORG")]  # ACE's PER: the news schema's alias
    out = tmp_path / "out.spacy"
    api.export(busy, out, "spacy")
    again = api.new_project(tmp_path / "again.annotator")
    api.import_files(again, [out])
    back = [d for d in again.document_ids() if again.document(d).name == "train.json:1"]
    assert [spans(again, d) for d in back] == [[("Ada", "PERSON"), ("Acme", "ORG")]]


@pytest.mark.slow
def test_the_same_tokens_and_entities_as_spacy_converts(tmp_path):
    """spaCy's own converter (``spacy convert``'s ``json_to_docs``) over the same file: each Doc's words and
    entities (label, first and last word) are our document's, paragraph by paragraph; where the file gives the text
    (``raw``, or ``space``) the text too."""
    from spacy.training.converters import json_to_docs

    data = [SENT_PER_LINE[0], {"id": 7, "paragraphs": V3[0]["paragraphs"][:2]}]
    for p in data:
        for para in p["paragraphs"]:
            for s in para["sentences"]:
                for t in s["tokens"]:
                    t["ner"] = "O" if t["ner"] == "-" else t["ner"]
    src = write(tmp_path, data)
    theirs = list(json_to_docs(src.read_bytes()))
    ours = read_spacy_v2(src).documents
    assert len(theirs) == len(ours) == 3
    for doc, mine in zip(theirs, ours):
        starts, ends, _ = mine.tokens
        assert [mine.text[s:e] for s, e in zip(starts, ends)] == [t.text for t in doc]
        index = {s: k for k, s in enumerate(starts)}
        got = sorted((index[e.start], index[max(s for s in starts if s < e.end)] + 1, e.label) for e in mine.entities)
        assert got == sorted((e.start, e.end, e.label_) for e in doc.ents)
    no_text, raw, spaced = zip(theirs, ours)
    assert no_text[1].text.replace("\n", " ") + " " == no_text[0].text  # spaCy's spaces; ours a line a sentence
    assert raw[1].text == V3[0]["paragraphs"][0]["raw"]  # the raw as it is (spaCy's Doc drops a space of two)
    assert spaced[1].text == spaced[0].text


def test_the_command_line_says_what_it_read_it_as(tmp_path, capsys):
    """It said "read as spaCy DocBin" (the format's title) for a v2 JSON file."""
    from annotator.cli import main

    src = write(tmp_path, SENT_PER_LINE)
    assert main(["import", str(tmp_path / "p.annotator"), str(src)]) == 0
    err = capsys.readouterr().err
    assert "read as spaCy v2 JSON" in err and "DocBin" not in err, err


def untagged(orth: str, space: str = " ") -> dict:
    return {"orth": orth, "space": space, "ner": "-"}


ENTITIES = [
    {
        "id": 3,
        "paragraphs": [
            {
                "raw": "Ada Lovelace met Babbage in London.",
                "sentences": [{"tokens": [untagged("Ada"), untagged("Lovelace"), untagged("met"), untagged("Babbage"),
                                          untagged("in"), untagged("London", ""), untagged(".", "")]}],
                "entities": [[0, 12, "PERSON"], [17, 24, "PERSON"], [28, 34, "GPE"]],
                "links": [{"[28, 34]": {"Q84": 1.0}}],
            },
            {
                "raw": None,
                "sentences": [{"tokens": [{"orth": "Acme", "space": ""}, {"orth": ",", "space": " "},
                                          {"orth": "Oslo", "space": ""}]}],
                "entities": [[0, 4, "ORG"], [6, 10, "GPE"]],
            },
        ],
    }
]  # fmt: skip


def test_paragraph_entities_where_the_tokens_ner_says_nothing(tmp_path):
    """v3's ``docs_to_json`` writes each paragraph's ``entities`` in characters of its ``raw`` beside the tokens'
    ``ner``: a file whose tokens' ``ner`` is ``-`` or missing lost them all."""
    src = write(tmp_path, ENTITIES)
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src])
    one, two = project.document_ids()
    assert spans(project, one) == [("Ada Lovelace", "PERSON"), ("Babbage", "PERSON"), ("London", "GPE")]
    assert project.document(two).text == "Acme, Oslo"
    assert spans(project, two) == [("Acme", "ORG"), ("Oslo", "GPE")]
    notes = " ".join(report.notes)
    assert "5 entities from the paragraphs' 'entities'" in notes and "ner '-'" not in notes, notes
    assert any("1 entity link ('links'" in w for w in report.warnings), report.warnings  # not kept, said


def test_entities_and_ner_that_disagree_are_both_kept_and_said(tmp_path):
    data = json.loads(json.dumps(ENTITIES))
    first = data[0]["paragraphs"][0]
    first["sentences"][0]["tokens"][5]["ner"] = "U-LOC"  # London a LOC by its tag, a GPE by 'entities'
    first["entities"].append([4, 10, "PERSON"])  # "Lovela": no token's end
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [write(tmp_path, data)])
    one = project.document_ids()[0]
    got = sorted(spans(project, one))
    want = [
        ("Ada Lovelace", "PERSON"),
        ("Babbage", "PERSON"),
        ("London", "GPE"),
        ("London", "LOC"),
        ("Lovela", "PERSON"),
    ]
    assert got == sorted(want)
    notes = " ".join(report.notes)
    assert "1 paragraph whose 'entities' and tokens' ner give different entities: both kept" in notes, notes
    assert "1 entity of 'entities' not at its tokens' edges: kept as characters" in notes, notes


@pytest.mark.parametrize(
    "bad, said",
    [
        ([0, 99, "ORG"], "document 3, paragraph 1: entity [0, 99, 'ORG'] lies outside its 35 characters"),
        (
            [0, "4", "ORG"],
            "document 3, paragraph 1: each of 'entities' must be [start, end, label], not [0, '4', 'ORG']",
        ),
    ],
)
def test_a_bad_entity_refuses_the_file_in_one_line(tmp_path, bad, said):
    data = json.loads(json.dumps(ENTITIES))
    data[0]["paragraphs"][0]["entities"].append(bad)
    project = api.new_project(tmp_path / "p.annotator")
    with pytest.raises(ImportFileError) as got:
        api.import_files(project, [write(tmp_path, data)], format="spacy")
    assert said in str(got.value) and "\n" not in str(got.value)
    assert not project.document_ids()


@pytest.mark.slow
def test_entities_alone_give_what_spacy_reads_from_the_tags(tmp_path):
    """spaCy's own ``docs_to_json`` writes the file (``raw``, ``entities`` and BILUO ``ner``); spaCy's ``json_to_docs``
    reads the tags of it. The same file with every token's ``ner`` dropped gives us the same entities from
    ``entities`` alone, on the same words."""
    import spacy
    from spacy.tokens import Span
    from spacy.training import docs_to_json
    from spacy.training.converters import json_to_docs

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    one = nlp("Ada Lovelace met Babbage in London.")
    one.ents = [Span(one, 0, 2, "PERSON"), Span(one, 3, 4, "PERSON"), Span(one, 5, 6, "GPE")]
    two = nlp("Acme hired 40 people in Oslo, Norway.")
    two.ents = [Span(two, 0, 1, "ORG"), Span(two, 2, 3, "CARDINAL"), Span(two, 5, 6, "GPE"), Span(two, 7, 8, "GPE")]
    data = docs_to_json([one, two], doc_id=5)
    full = write(tmp_path, [data], "full.json")
    theirs = list(json_to_docs(full.read_bytes()))
    for para in data["paragraphs"]:
        assert para["entities"]
        for s in para["sentences"]:
            for t in s["tokens"]:
                del t["ner"]
    ours = read_spacy_v2(write(tmp_path, [data], "bare.json")).documents
    assert len(theirs) == len(ours) == 2
    for doc, mine in zip(theirs, ours):
        assert mine.text == doc.text
        starts, ends, _ = mine.tokens
        assert [mine.text[s:e] for s, e in zip(starts, ends)] == [t.text for t in doc]
        got = sorted((e.start, e.end, e.label) for e in mine.entities)
        assert got == sorted((e.start_char, e.end_char, e.label_) for e in doc.ents)


def test_entities_in_a_raw_the_tokens_do_not_lie_in_are_said_as_not_kept(tmp_path):
    """The text is then the tokens (the raw cannot be it): the offsets count in another text, and are said."""
    data = [
        {
            "id": 4,
            "paragraphs": [
                {
                    "raw": "``Kyiv'' wins.",
                    "sentences": [{"tokens": [untagged('"'), untagged("Kyiv"), untagged('"'), untagged("wins")]}],
                    "entities": [[2, 6, "GPE"]],
                }
            ],
        }
    ]
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [write(tmp_path, data)])
    (doc,) = project.document_ids()
    assert project.document(doc).text == '" Kyiv " wins ' and spans(project, doc) == []
    said = " ".join(report.warnings)
    assert "1 entity of 'entities' in a 'raw' that does not hold its tokens" in said, report.warnings


@pytest.mark.slow
def test_a_raw_with_tokens_of_whitespace_is_the_text(tmp_path):
    """spaCy's tokens of a text with a line break or two spaces include tokens of whitespace (``\\n\\n``, the second
    space); spaCy v2's ``docs_to_json`` wrote them without ``space``. The raw holds its tokens with whitespace and case
    aside (spaCy's rule): the text is the raw, the tokens spaCy's, the entities on them (it was the tokens joined,
    the raw said as lost: 'Babbage .\\n\\n\\n In London   they')."""
    import spacy
    from spacy.tokens import Span
    from spacy.training import docs_to_json

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Ada Lovelace met Babbage.\n\nIn London  they talked.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 7, 8, "GPE")]
    data = docs_to_json([doc])
    for para in data["paragraphs"]:
        del para["entities"]  # v2 wrote the tags alone, and no token's space
        for s in para["sentences"]:
            for t in s["tokens"]:
                del t["space"]
    data["paragraphs"][0]["sentences"][0]["tokens"][2]["orth"] = "MET"  # a token in another case than its raw
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [write(tmp_path, [data])])
    (one,) = project.document_ids()
    assert project.document(one).text == doc.text
    assert spans(project, one) == [("Ada Lovelace", "PERSON"), ("London", "GPE")]
    starts, ends, _ = project.tokens(one)
    assert [doc.text[s:e] for s, e in zip(starts, ends)] == [t.text for t in doc]
    assert any("1 paragraph whose tokens differ from its 'raw' in whitespace or case" in n for n in report.notes)


def test_paragraph_entities_in_a_raw_with_tokens_of_whitespace_are_kept(tmp_path):
    """The paragraph's ``entities`` count in its raw; where the raw holds the tokens with whitespace aside they are
    placed (they were said as not kept: the text was the tokens)."""
    data = [
        {
            "id": 2,
            "paragraphs": [
                {
                    "raw": "Kyiv  wins.\nOslo loses.",
                    "sentences": [
                        {"tokens": [{"orth": o, "ner": "-"} for o in ("Kyiv", " ", "wins", ".", "\n")]},
                        {"tokens": [{"orth": o, "ner": "-"} for o in ("Oslo", "loses", ".")]},
                    ],
                    "entities": [[0, 4, "GPE"], [12, 16, "GPE"]],
                }
            ],
        }
    ]
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [write(tmp_path, data)])
    (one,) = project.document_ids()
    assert project.document(one).text == "Kyiv  wins.\nOslo loses."
    assert spans(project, one) == [("Kyiv", "GPE"), ("Oslo", "GPE")]
    assert not any("'entities'" in w for w in report.warnings), report.warnings


def test_a_raw_whose_tokens_are_in_ptb_escapes_is_the_text(tmp_path):
    """Tokens from a treebank write a quote as two backquotes and two apostrophes and a bracket as ``-LRB-``/``-RRB-``
    beside a raw that has the characters: the raw is the text, each such token on the character it stands for, the
    tags' and the paragraph's ``entities`` placed (the text was the tokens joined, the entities said as not kept)."""
    raw = 'Kyiv said "Acme (the bank) wins".'
    words = ["Kyiv", "said", "``", "Acme", "-LRB-", "the", "bank", "-RRB-", "wins", "''", "."]
    ner = ["U-GPE", "O", "O", "U-ORG", "O", "O", "O", "O", "O", "O", "O"]
    data = [
        {
            "id": 5,
            "paragraphs": [
                {
                    "raw": raw,
                    "sentences": [{"tokens": [{"orth": w, "ner": t} for w, t in zip(words, ner)]}],
                    "entities": [[0, 4, "GPE"], [11, 15, "ORG"], [21, 25, "ORG"]],
                }
            ],
        }
    ]
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [write(tmp_path, data)])
    (one,) = project.document_ids()
    assert project.document(one).text == raw
    assert spans(project, one) == [("Kyiv", "GPE"), ("Acme", "ORG"), ("bank", "ORG")]
    starts, ends, _ = project.tokens(one)
    assert [raw[s:e] for s, e in zip(starts, ends)] == [
        "Kyiv",
        "said",
        '"',
        "Acme",
        "(",
        "the",
        "bank",
        ")",
        "wins",
        '"',
        ".",
    ]
    assert any("1 paragraph whose tokens write its 'raw' in Penn Treebank's escapes" in n for n in report.notes)
    assert not any("'entities'" in w for w in report.warnings), report.warnings


def test_a_raw_whose_tokens_write_its_curly_quotes_straight_and_its_dash_as_ptb_is_the_text(tmp_path):
    """A treebank's tokens write a curly apostrophe straight (``n't`` for the raw's ``n\u2019t``, ``'s`` for
    ``\u2019s``), a dash as ``--`` and an ellipsis as ``...``; a tokenizer of curly text the other way round (a token
    ``\u2019`` on a raw's ``'``): the raw is the text, the tags' and the paragraph's ``entities`` placed (the text was
    the tokens joined, the 3 ``entities`` said as not kept)."""
    raw = "Kyiv\u2019s mayor wasn\u2019t there \u2014 Acme\u2019s chief\u2026 said 'Oslo'."
    words = ["Kyiv", "'s", "mayor", "was", "n't", "there", "--", "Acme", "'s", "chief", "...", "said", "\u2018",
             "Oslo", "\u2019", "."]  # fmt: skip
    ner = ["U-GPE"] + ["O"] * 6 + ["U-ORG"] + ["O"] * 5 + ["U-GPE", "O", "O"]
    data = [
        {
            "id": 6,
            "paragraphs": [
                {
                    "raw": raw,
                    "sentences": [{"tokens": [{"orth": w, "ner": t} for w, t in zip(words, ner)]}],
                    "entities": [[0, 4, "GPE"], [28, 32, "ORG"], [48, 52, "GPE"]],
                }
            ],
        }
    ]
    assert raw[28:32] == "Acme" and raw[48:52] == "Oslo"
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [write(tmp_path, data)])
    (one,) = project.document_ids()
    assert project.document(one).text == raw
    assert spans(project, one) == [("Kyiv", "GPE"), ("Acme", "ORG"), ("Oslo", "GPE")]
    starts, ends, _ = project.tokens(one)
    assert [raw[s:e] for s, e in zip(starts, ends)][:8] == ["Kyiv", "\u2019s", "mayor", "was", "n\u2019t", "there",
                                                             "\u2014", "Acme"]  # fmt: skip
    assert any("1 paragraph whose tokens write its 'raw' in Penn Treebank's escapes" in n for n in report.notes)
    assert not any("'entities'" in w for w in report.warnings), report.warnings

    # a quote stands for a quote, not for a letter: a raw whose tokens differ from it in other characters is still
    # not the text, its entities said as not kept
    data[0]["paragraphs"][0] = {
        "raw": "Kyiv\u2019s mayor.",
        "sentences": [{"tokens": [{"orth": w, "ner": "O"} for w in ("Kyiv", "xs", "mayor", ".")]}],
        "entities": [[0, 4, "GPE"]],
    }
    other = api.new_project(tmp_path / "q.annotator")
    report = api.import_files(other, [write(tmp_path, data, "other.json")])
    (one,) = other.document_ids()
    assert other.document(one).text == "Kyiv xs mayor ."
    assert any("1 entity of 'entities' in a 'raw' that does not hold its tokens" in w for w in report.warnings)
