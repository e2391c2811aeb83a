"""CoNLL in, with the shapes real files have: WNUT's tab files, BIOES conversions of CoNLL-2003 (a broken one too),
conlleval's gold-and-predicted columns; the reader's options (scheme, column, documents) and its refusals."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.errors import AnnotatorError, ImportFileError
from annotator.formats.conll_read import read_conll
from annotator.formats.detect import detect_format
from annotator.formats.iob import entities
from annotator.formats.loading import import_format
from annotator.schema import parse_schema
from annotator.store import Project

from test_conll_read import SCHEMA as C3  # the CoNLL-2003 labels, one schema for both files

WNUT_SCHEMA = """[schema]
name = "wnut"
version = 1
[[entity]]
name = "person"
[[entity]]
name = "location"
[[entity]]
name = "creative-work"
[[entity]]
name = "corporation"
"""

# WNUT 2017's layout (wnut17train.conll): token TAB tag, lower-case labels with a dash, sentences (tweets) ended by a
# line holding one tab, '#' and '@' tokens
WNUT = (
    "@paulwalk\tO\nIt\tO\n's\tO\nthe\tO\nview\tO\nfrom\tO\nEmpire\tB-location\nState\tI-location\n"
    "Building\tI-location\n.\tO\n\t\n"
    "watching\tO\nthe\tO\nRick\tB-creative-work\nand\tI-creative-work\nMorty\tI-creative-work\npre-show\tO\n\t\n"
    "#\tO\nbots\tO\non\tO\nfacebook\tB-corporation\n\t\n"
)

# CoNLL-2003 converted to BIOES (the layout of ConLL2003-bioes-*.txt copies): four columns, S- and E- tags
BIOES = """-DOCSTART- -X- -X- O

LEICESTERSHIRE NNP B-NP S-ORG
TAKE NNP I-NP O
OVER IN B-PP O
AT NNP B-NP O
Grace NNP B-NP B-LOC
Road NNP I-NP E-LOC
. . O O

Nasser NNP B-NP B-PER
Hussain NNP I-NP E-PER
and CC I-NP O
Peter NNP I-NP B-PER
Such JJ I-NP O
"""


def texts(doc) -> list[tuple[str, str]]:
    return [(doc.text[e.start : e.end], e.label) for e in doc.entities]


def test_wnut_tab_file_sentence_lines_of_a_tab_and_documents_a_sentence(tmp_path):
    path = tmp_path / "wnut17train.conll"
    path.write_text(WNUT)
    schema = parse_schema(WNUT_SCHEMA)
    (doc,) = read_conll(path, schema).documents
    assert doc.text.split("\n") == [
        "@paulwalk It 's the view from Empire State Building .",
        "watching the Rick and Morty pre-show",
        "# bots on facebook",
    ]
    assert texts(doc) == [
        ("Empire State Building", "location"),
        ("Rick and Morty", "creative-work"),
        ("facebook", "corporation"),
    ]
    starts, ends, sent_starts = doc.tokens
    assert [doc.text[s:e] for s, e in zip(starts, ends)][:3] == ["@paulwalk", "It", "'s"]
    assert sent_starts == [0, 10, 16]
    # a tweet a document, as such files are used
    result = read_conll(path, schema, {"documents": "sentence"})
    assert [d.text for d in result.documents] == doc.text.split("\n")
    assert [d.name for d in result.documents] == ["wnut17train.conll:1", "wnut17train.conll:12", "wnut17train.conll:19"]
    assert [texts(d) for d in result.documents][2] == [("facebook", "corporation")]
    assert [d.tokens[2] for d in result.documents] == [[0], [0], [0]]
    # two sentences a document
    assert [len(d.text.split("\n")) for d in read_conll(path, schema, {"documents": "2"}).documents] == [2, 1]


def test_bioes_is_told_from_its_tags_and_a_broken_sequence_is_read_as_seqeval_does(tmp_path):
    path = tmp_path / "ConLL2003-bioes-valid.txt"
    path.write_text(BIOES)
    assert detect_format(path) == "conll"
    result = read_conll(path, parse_schema(C3))
    (doc,) = result.documents
    assert texts(doc) == [
        ("LEICESTERSHIRE", "ORG"),
        ("Grace Road", "LOC"),
        ("Nasser Hussain", "PER"),
        ("Peter", "PER"),
    ]
    assert any("read as BIOES" in n for n in result.notes)
    # B-PER then O is not BIOES (an entity ends with E- or S-): kept as the entity seqeval counts, and said with its line
    (odd,) = [n for n in result.notes if "out of BIOES sequence" in n]
    assert "1 tag out of BIOES sequence" in odd and "line 14: B-PER not closed before O" in odd


def test_scheme_option_names_the_scheme_and_refuses_other_tags(tmp_path):
    path = tmp_path / "bioes.conll"
    path.write_text(BIOES)
    with pytest.raises(ImportFileError) as err:
        read_conll(path, parse_schema(C3), {"scheme": "iob2"})
    assert err.value.line == 3 and "'S-ORG' is not a tag of IOB" in str(err.value)
    with pytest.raises(AnnotatorError, match="option scheme must be one of auto, iob, iob1, iob2, bio, bioes, bilou"):
        read_conll(path, parse_schema(C3), {"scheme": "bmewo"})
    # an IOB1 file named as such: I- starts an entity after O and after another label, as spaCy's iob_to_biluo has it
    iob1 = tmp_path / "iob1.conll"
    iob1.write_text("Peter I-PER\nParis I-LOC\nPaul B-LOC\nsaid O\nAda I-PER\nLovelace I-PER\n")
    (doc,) = read_conll(iob1, parse_schema(C3), {"scheme": "iob1"}).documents
    assert texts(doc) == [("Peter", "PER"), ("Paris", "LOC"), ("Paul", "LOC"), ("Ada Lovelace", "PER")]
    # the same tags as BIOES: I- continues nothing there; read as seqeval does and said
    result = read_conll(iob1, parse_schema(C3), {"scheme": "bilou"})
    assert texts(result.documents[0]) == [("Peter", "PER"), ("Paris", "LOC"), ("Paul", "LOC"), ("Ada Lovelace", "PER")]
    assert any("I-PER after the start of the sentence starts an entity" in n for n in result.notes)


def test_iob_entities_match_spacys_reading():
    tags = ["B-PER", "I-PER", "I-LOC", "O", "I-ORG", "B-ORG", "I-ORG", "B-MISC"]
    assert entities(tags, "iob") == ([("PER", 0, 1), ("LOC", 2, 2), ("ORG", 4, 4), ("ORG", 5, 6), ("MISC", 7, 7)], [])
    got, odd = entities(["S-PER", "B-ORG", "I-ORG", "E-ORG", "E-LOC", "B-LOC", "E-PER"], "bioes")
    assert got == [("PER", 0, 0), ("ORG", 1, 3), ("LOC", 4, 4), ("LOC", 5, 5), ("PER", 6, 6)]
    assert odd == [
        (4, "E-LOC after E-ORG starts an entity"),
        (5, "B-LOC not closed before E-PER"),
        (6, "E-PER after B-LOC starts an entity"),
    ]


def test_column_option_picks_the_gold_column_of_conlleval_input(tmp_path):
    # conlleval's input: token, POS, gold tag, predicted tag. Two tag columns at the right are both read unless one is
    # named (GermEval's are outer and nested entities), and a note says which and how to pick one
    path = tmp_path / "output.txt"
    path.write_text("Ada NNP B-PER B-PER\nLovelace NNP I-PER O\nwrote VBD O O\nin IN O O\nLondon NNP B-LOC B-ORG\n")
    schema = parse_schema(C3)
    both = read_conll(path, schema)
    assert sorted(texts(both.documents[0])) == [
        ("Ada", "PER"),
        ("Ada Lovelace", "PER"),
        ("London", "LOC"),
        ("London", "ORG"),
    ]
    assert any("columns 3 and 4 are both read as entity tags" in n and "--option column=N" in n for n in both.notes)
    gold = read_conll(path, schema, {"column": "3"})
    assert texts(gold.documents[0]) == [("Ada Lovelace", "PER"), ("London", "LOC")]
    assert texts(read_conll(path, schema, {"column": "last"}).documents[0]) == [("Ada", "PER"), ("London", "ORG")]
    with pytest.raises(
        ImportFileError, match="column 5 asked for as the tag column, but the file's token lines have 4"
    ):
        read_conll(path, schema, {"column": "5"})
    with pytest.raises(ImportFileError, match="'NNP' is not a tag") as err:
        read_conll(path, schema, {"column": "2"})
    assert err.value.line == 1
    with pytest.raises(AnnotatorError, match="option column must be a column number"):
        read_conll(path, schema, {"column": "gold"})


def test_a_broken_conversion_names_its_first_bad_tag(tmp_path):
    # a BIO-to-BIOES script that lost the labels (tags 'B', 'I', 'E' alone, as a public copy of CoNLL-2003 has them):
    # it was "not a CoNLL file: no column of IOB tags", without a line
    path = tmp_path / "eng-train-bioes.txt"
    path.write_text(
        "-DOCSTART- -X- -X- O\n\nCRICKET NNP B-NP B\n- : O O\nLEICESTERSHIRE NNP B-NP B-ORG\nTAKE NNP I-NP I\n"
    )
    with pytest.raises(ImportFileError) as err:
        read_conll(path, parse_schema(C3))
    assert err.value.line == 3
    assert "'B' in the last column is not a tag (O, B-LABEL, I-LABEL, E-, S-)" in str(err.value)


def test_mixed_tabs_and_spaces_are_refused_with_the_line(tmp_path):
    path = tmp_path / "mixed.conll"
    path.write_text("Ada\tB-PER\nLovelace\tI-PER\nwrote O\nin\tO\n")
    with pytest.raises(ImportFileError) as err:
        read_conll(path, parse_schema(C3))
    assert err.value.line == 3 and "columns split by spaces where the file's token lines use tabs" in str(err.value)
    path.write_text("Ada B-PER\nLovelace I-PER\nwrote\tO\nin O\n")
    with pytest.raises(ImportFileError) as err:
        read_conll(path, parse_schema(C3))
    assert err.value.line == 3 and "a tab between columns where the file's token lines use spaces" in str(err.value)
    # a token of a tab file may hold a space: its words are its stored tokens, its entity whole
    path.write_text("New York\tB-LOC\nis\tO\n")
    (doc,) = read_conll(path, parse_schema(C3)).documents
    assert texts(doc) == [("New York", "LOC")] and doc.tokens == ([0, 4, 9], [3, 8, 11], [0])


def test_command_line_options_and_nothing_imported_on_a_bad_line(tmp_path, capsys):
    (tmp_path / "c3.toml").write_text(C3)
    path = tmp_path / "train.txt"
    path.write_text(BIOES + "\n-DOCSTART- -X- -X- O\n\nAda NNP B-NP B-PER\nwrote VBD B-VP\n")
    project = tmp_path / "p.annotator"
    schema = ["--schema", str(tmp_path / "c3.toml")]
    assert main(["import", str(project), str(path), "--format", "conll", *schema]) == 1
    assert "train.txt:20: 3 columns where the file's token lines have 4" in capsys.readouterr().err
    assert not project.exists()  # the first document was good: nothing of it was kept
    path.write_text(BIOES)
    args = ["import", str(project), str(path), "--format", "conll", "--option", "documents=sentence", *schema]
    assert main(args) == 0
    with Project(project, create=False) as p:
        assert [p.document(d).text for d in p.document_ids()] == [
            "LEICESTERSHIRE TAKE OVER AT Grace Road .",
            "Nasser Hussain and Peter Such",
        ]
        assert {e.state for d in p.document_ids() for e in p.entities(d)} == {"accepted"}
    capsys.readouterr()
    # without --format the option goes to the reader the file is told to be: a BIOES file read as IOB is refused
    assert main(["import", str(project), str(path), "--option", "scheme=iob"]) == 1
    assert "is not a tag of IOB (scheme=iob)" in capsys.readouterr().err
    assert main(["import", str(project), str(path), "--format", "conll", "--option", "tags=4"]) == 2
    assert "CoNLL import takes the options scheme, column, documents" in capsys.readouterr().err
    assert main(["import", str(project), str(path), "--format", "brat", "--option", "scheme=iob"]) == 2
    with Project(project, create=False) as p, pytest.raises(AnnotatorError, match="brat import takes no options"):
        import_format(p, "brat", [tmp_path], options={"scheme": "iob"})


STANFORD_SCHEMA = """[schema]
name = "stanford"
version = 1
[[entity]]
name = "PERSON"
[[entity]]
name = "LOCATION"
"""


def test_stanford_ner_io_files_are_read_when_named_or_told_by_their_os_and_said_otherwise(tmp_path):
    # Stanford NER's training files: token TAB a bare class (the IO scheme); a run of one class is one entity. Told
    # by its O's (at least a third of the column: no part-of-speech column has one; session 31, for Few-NERD's
    # train.txt, which came in as one plain document); it was "not a CoNLL file" without a line
    path = tmp_path / "train.tsv"
    path.write_text("Ada\tPERSON\nLovelace\tPERSON\nwrote\tO\nin\tO\nLondon\tLOCATION\n.\tO\n\nBabbage\tPERSON\n")
    schema = parse_schema(STANFORD_SCHEMA)
    for options in (None, {"scheme": "io"}):
        result = read_conll(path, schema, options)
        (doc,) = result.documents
        assert texts(doc) == [("Ada Lovelace", "PERSON"), ("London", "LOCATION"), ("Babbage", "PERSON")]
        told = [n for n in result.notes if "read as the IO scheme" in n]
        assert len(told) == (options is None), result.notes
    path.write_text("Ada\tPERSON\nLovelace\tPERSON\nLondon\tLOCATION\nwrote\tO\n")  # O's too few to tell
    with pytest.raises(ImportFileError) as err:
        read_conll(path, schema)
    assert err.value.line == 1
    assert "'PERSON' in the last column is not a tag" in str(err.value)
    assert "a column of O and bare labels is the IO scheme: --option scheme=io reads it" in str(err.value)
    path.write_text("Ada\tPERSON\nLovelace\tB-PERSON\n")
    with pytest.raises(ImportFileError) as err:
        read_conll(path, schema, {"scheme": "io"})
    assert err.value.line == 2 and "'B-PERSON' is not a tag (O or a label without B-/I- (scheme=io))" in str(err.value)


def test_a_few_nerd_file_under_any_name_is_read_as_io(tmp_path, capsys):
    # Few-NERD's supervised files (train.txt: a word TAB its coarse-fine type, O outside) came in as one plain
    # document, every label a word of its text, without a word; a .conll copy was refused until scheme=io was named
    from annotator.cli import main
    from annotator.store import Project

    rows = "Paul\tperson-actor\nNewman\tperson-actor\nstarred\tO\nin\tO\nCool\tart-film\nHand\tart-film\nLuke\tart-film\n.\tO\n"
    for name in ("train.txt", "dev.conll"):
        path = tmp_path / name
        path.write_text(rows + "\nHe\tO\nlived\tO\nin\tO\nConnecticut\tlocation-GPE\n.\tO\n", encoding="utf-8")
        p = tmp_path / f"{name}.annotator"
        assert main(["import", str(p), str(path)]) == 0
        assert f"{path}: read as CoNLL" in capsys.readouterr().err
        with Project(p, create=False) as project:
            (doc_id,) = project.document_ids()
            text = project.document(doc_id).text
            got = [(text[e.start : e.end], e.label) for e in project.entities(doc_id)]
        assert got == [("Paul Newman", "person-actor"), ("Cool Hand Luke", "art-film"), ("Connecticut", "location-GPE")]


def test_iob_read_run_by_run_gives_what_spacy_gives_for_the_whole_sentence():
    # entities() hands spaCy each run of entity tags alone (iob_to_biluo pops the head of a list: a whole long sentence
    # is quadratic); an entity never spans an O, so the runs must give what the whole sentence gives
    import random

    from spacy.training import iob_to_biluo, tags_to_entities

    rng = random.Random(8)
    for _ in range(2000):
        tags = [rng.choice(["O", "O", "B-PER", "I-PER", "B-LOC", "I-LOC"]) for _ in range(rng.randint(0, 25))]
        assert entities(tags, "iob") == (tags_to_entities(iob_to_biluo(tags)), []), tags


def test_a_uner_file_under_another_name_is_told_by_its_tags_before_placeholder_columns(tmp_path):
    # Universal NER's files (en_ewt-ud-train.iob2: id, token, tag and two "-" columns, "# sent_id"/"# text" lines) were
    # read under their own ending; copied to a .txt they came in as one plain document (two columns after the tags
    # made no column file), every tag a word of its text
    from annotator.formats.detect import detect_format

    rows = ["1\tGoogle\tB-ORG\t-\t-", "2\tbought\tO\t-\t-", "3\tDeepMind\tB-ORG\t-\t-", "4\t.\tO\t-\t-"]
    path = tmp_path / "uner_train.txt"
    path.write_text("# sent_id = s1\n# text = Google bought DeepMind.\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert detect_format(path) == "conll"
    (doc,) = read_conll(path).documents
    assert texts(doc) == [("Google", "ORG"), ("DeepMind", "ORG")]
    path.write_text("He said - and - she said - yes - no\nWe left - then - came - back - now\n", encoding="utf-8")
    assert detect_format(path) is None  # prose with dashes stays a plain text
