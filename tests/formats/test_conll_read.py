"""CoNLL column files in: CoNLL-2003 and the files made like it (``-DOCSTART-``, a tag column, IOB1/IOB2/BIOES)."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.conll_read import read_conll
from annotator.formats.detect import detect_format
from annotator.schema import parse_schema
from annotator.store import Project

SCHEMA = """[schema]
name = "c3"
version = 1
[[entity]]
name = "PER"
[[entity]]
name = "LOC"
[[entity]]
name = "ORG"
[[entity]]
name = "MISC"
"""

# the CoNLL-2003 layout (token, POS, chunk, NER), two documents, under the name its copies go by
TRAIN = """-DOCSTART- -X- -X- O

Ada NNP B-NP B-PER
Lovelace NNP I-NP I-PER
wrote VBD B-VP O
in IN B-PP O
London NNP B-NP B-LOC
. . O O

Babbage NNP B-NP B-PER
agreed VBD B-VP O
. . O O

-DOCSTART- -X- -X- O

The DT B-NP O
Royal NNP I-NP B-ORG
Society NNP I-NP I-ORG
met VBD B-VP O
"""


def spans(project: Project, doc: int) -> list[tuple[str, str]]:
    text = project.document(doc).text
    return [(text[e.start : e.end], e.label) for e in project.entities(doc)]


def test_a_conll_2003_train_txt_is_read_as_conll(tmp_path, capsys):
    # it was a .txt like any other: one plain document "-DOCSTART- -X- -X- O\n\nAda NNP B-NP B-PER ...", no entities
    (tmp_path / "c3.toml").write_text(SCHEMA)
    path = tmp_path / "train.txt"
    path.write_text(TRAIN)
    assert detect_format(path) == "conll"
    assert main(["import", str(tmp_path / "p.annotator"), str(path), "--schema", str(tmp_path / "c3.toml")]) == 0
    err = capsys.readouterr().err
    assert f"{path}: read as CoNLL" in err
    # the POS and chunk columns are said once, in one line ("... (POS, chunks) not kept" after "not kept: ")
    (line,) = [line for line in err.splitlines() if "column" in line]
    assert line.startswith(f"not kept: {path}: 2 columns besides the token and the entity tag")
    assert line.count("not kept") == 1
    with Project(tmp_path / "p.annotator", create=False) as project:
        first, second = project.document_ids()
        assert project.document(first).text == "Ada Lovelace wrote in London .\nBabbage agreed ."
        assert spans(project, first) == [("Ada Lovelace", "PER"), ("London", "LOC"), ("Babbage", "PER")]
        assert spans(project, second) == [("Royal Society", "ORG")]
        assert {e.source for e in project.entities(first)} == {"conll"}


def test_tag_schemes_tabs_comments_and_another_tag_column(tmp_path):
    path = tmp_path / "mixed.tsv"
    path.write_text(
        "# sent_id = 1\n"
        "New York\tB-LOC\t0\n"  # a tab-separated token may hold a space
        "is\tO\t0\n"
        "#\tO\t0\n"  # a token line whose token is '#', not a comment
        "\n"
        "NATO\tS-ORG\t0\n"  # BIOES
        "and\tO\t0\n"
        "United\tB-ORG\t0\n"
        "Nations\tE-ORG\t0\n"
        "Peter\tI-PER\t0\n"  # IOB1: an I- after another label starts an entity
        "Paul\tB-PER\t0\n"  # IOB1: B- only between two of one label
    )
    result = read_conll(path, parse_schema(SCHEMA))
    (doc,) = result.documents
    assert doc.text == "New York is #\nNATO and United Nations Peter Paul"
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [
        ("New York", "LOC"),
        ("NATO", "ORG"),
        ("United Nations", "ORG"),
        ("Peter", "PER"),
        ("Paul", "PER"),
    ]
    assert any("1 comment line (starting with #)" in w for w in result.warnings)


def test_our_export_reads_back_the_same(tmp_path):
    (tmp_path / "c3.toml").write_text(SCHEMA)
    (tmp_path / "train.txt").write_text(TRAIN)
    first, second = tmp_path / "p.annotator", tmp_path / "q.annotator"
    assert main(["import", str(first), str(tmp_path / "train.txt"), "--schema", str(tmp_path / "c3.toml")]) == 0
    assert main(["export", str(first), "-o", str(tmp_path / "a.conll")]) == 0
    assert main(["import", str(second), str(tmp_path / "a.conll"), "--schema", str(tmp_path / "c3.toml")]) == 0
    assert main(["export", str(second), "-o", str(tmp_path / "b.conll")]) == 0
    exported = (tmp_path / "a.conll").read_text()
    assert "Royal -X- _ B-ORG\nSociety -X- _ I-ORG\n" in exported
    assert (tmp_path / "b.conll").read_text() == exported


def test_our_own_export_imports_without_a_warning(tmp_path, capsys):
    # its "-X- _" columns hold nothing: they were reported as "2 columns besides the token and the tag (POS, chunks)
    # not kept", and the summary said "1 things not kept"
    (tmp_path / "c3.toml").write_text(SCHEMA)
    (tmp_path / "train.txt").write_text(TRAIN)
    assert (
        main(
            [
                "import",
                str(tmp_path / "p.annotator"),
                str(tmp_path / "train.txt"),
                "--schema",
                str(tmp_path / "c3.toml"),
            ]
        )
        == 0
    )
    assert main(["export", str(tmp_path / "p.annotator"), "--format", "conll", "-o", str(tmp_path / "a.conll")]) == 0
    capsys.readouterr()
    for args in ([], ["--format", "conll"]):
        q = tmp_path / f"q{len(args)}.annotator"
        assert main(["import", str(q), str(tmp_path / "a.conll"), "--schema", str(tmp_path / "c3.toml"), *args]) == 0
        out = capsys.readouterr()
        assert "not kept" not in out.err and "not kept" not in out.out
        assert out.out.startswith("2 imported, 4 entities, 0 events")
    result = read_conll(tmp_path / "a.conll", parse_schema(SCHEMA))
    assert result.warnings == [] and len(result.documents) == 2
    # a placeholder column with a value in it somewhere is data: reported
    (tmp_path / "b.conll").write_text("Ada -X- _ B-PER\nwrote -X- VBD O\n")
    (warning,) = read_conll(tmp_path / "b.conll", parse_schema(SCHEMA)).warnings
    assert "1 column besides the token and the entity tag" in warning


def test_bad_lines_are_refused_with_their_line(tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("Ada B-PER\nLovelace I-PER\nwrote\n")
    with pytest.raises(ImportFileError) as err:
        read_conll(path, parse_schema(SCHEMA))
    assert err.value.line == 3 and "1 columns where the file's token lines have 2" in str(err.value)
    path.write_text("just a text file\nwith two lines\n")
    assert detect_format(path) == "conll"  # by its name; the reader says what it lacks
    with pytest.raises(ImportFileError, match="no column of IOB tags"):
        read_conll(path)
    plain = tmp_path / "notes.txt"
    plain.write_text("Ada met Babbage in London.\nThey wrote.\n")
    assert detect_format(plain) is None


def test_spacy_iob_input_a_sentence_a_line(tmp_path):
    # spaCy's `iob` converter input (WikiNER's layout): word|TAG or word|POS|TAG, a sentence a line, IOB1 or IOB2
    path = tmp_path / "wiki.iob"
    path.write_text(
        "The|DT|I-MISC Oxford|NNP|I-MISC Companion|NNP|I-MISC says|VBZ|O so|RB|O .|.|O\nAda|NNP|I-PER wrote|VBD|O\n"
    )
    assert detect_format(path) == "conll"
    result = read_conll(path, parse_schema(SCHEMA))
    (doc,) = result.documents
    assert doc.text == "The Oxford Companion says so .\nAda wrote"
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [
        ("The Oxford Companion", "MISC"),
        ("Ada", "PER"),
    ]
    assert any("1 column besides the token and the entity tag" in w for w in result.warnings)
    other = tmp_path / "sentences.txt"
    other.write_text("Ada|B-PER met|O Babbage|B-PER\n")
    assert detect_format(other) == "conll"
    other.write_text("Ada|B-PER met|O Babbage|X\n")
    assert detect_format(other) is None


def test_germeval_numbered_tokens_and_nested_entities(tmp_path):
    # GermEval 2014's layout: "#" source lines, a column of token numbers, then the outer and the nested entity tags;
    # the numbers were read as the tokens ("1 2 3 4") and only the nested column as entities
    path = tmp_path / "NER-de-train.tsv"
    path.write_text(
        "#\thttp://example.org/wiki/Kickers [2009-10-17]\n"
        "1\tDer\tO\tO\n2\tFC\tB-ORG\tO\n3\tKickers\tI-ORG\tO\n4\tDarmstadt\tI-ORG\tB-LOC\n5\tspielt\tO\tO\n\n"
        "#\thttp://example.org/news/2 [2009-10-18]\n"
        "1\tAda\tB-PER\tO\n2\tlacht\tO\tO\n"
    )
    assert detect_format(path) == "conll"
    result = read_conll(path, parse_schema(SCHEMA))
    (doc,) = result.documents
    assert doc.text == "Der FC Kickers Darmstadt spielt\nAda lacht"
    assert sorted((doc.text[e.start : e.end], e.label) for e in doc.entities) == [
        ("Ada", "PER"),
        ("Darmstadt", "LOC"),
        ("FC Kickers Darmstadt", "ORG"),
    ]
    assert any("2 comment lines" in w for w in result.warnings)
    assert not any("besides the token" in w for w in result.warnings)


def test_the_files_tokens_and_sentences_go_back_out(tmp_path):
    # the text is rebuilt from the tokens: cut again with the fallback on export, "U.S." went out as U . S ., a date
    # as five tokens, and a sentence without a full stop ran into the next
    (tmp_path / "c3.toml").write_text(SCHEMA)
    src = tmp_path / "train.txt"
    src.write_text(
        "-DOCSTART- -X- -X- O\n\nThe DT B-NP O\nU.S. NNP I-NP B-LOC\nsaid VBD B-VP O\non IN B-PP O\n"
        "1996-08-22 CD B-NP O\n\nIt PRP B-NP O\nis VBZ B-VP O\nn't RB O O\n"
    )
    first = tmp_path / "p.annotator"
    assert main(["import", str(first), str(src), "--schema", str(tmp_path / "c3.toml")]) == 0
    assert main(["export", str(first), "-o", str(tmp_path / "a.conll")]) == 0
    lines = (tmp_path / "a.conll").read_text().splitlines()[2:]
    assert [line.split(" ")[0] for line in lines] == [
        "The",
        "U.S.",
        "said",
        "on",
        "1996-08-22",
        "",
        "It",
        "is",
        "n't",
        "",
    ]
    assert "U.S. -X- _ B-LOC" in lines


def test_a_file_without_entities_imports(tmp_path, capsys):
    # our export of documents nobody annotated has a tag column of O alone: it was refused as "not a CoNLL file: no
    # column of IOB tags", and so was a CoNLL-2003 file with no entity in it
    (tmp_path / "a.txt").write_text("Ada wrote in London. Babbage agreed.\n")
    assert main(["import", str(tmp_path / "p.annotator"), str(tmp_path / "a.txt")]) == 0
    assert main(["export", str(tmp_path / "p.annotator"), "--format", "conll", "-o", str(tmp_path / "a.conll")]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "q.annotator"), str(tmp_path / "a.conll")]) == 0
    out = capsys.readouterr()
    assert "not kept" not in out.err and out.out.startswith("1 imported, 0 duplicates skipped")
    with Project(tmp_path / "q.annotator", create=False) as project:
        (doc,) = project.document_ids()
        assert project.document(doc).text == "Ada wrote in London .\nBabbage agreed ."
        assert project.entities(doc) == []
    (tmp_path / "eng.train").write_text("-DOCSTART- -X- -X- O\n\nThe DT B-NP O\nsociety NN I-NP O\nmet VBD B-VP O\n")
    result = read_conll(tmp_path / "eng.train", parse_schema(SCHEMA))
    (doc,) = result.documents
    assert doc.text == "The society met" and doc.entities == []
    assert any("2 columns besides the token and the entity tag" in w for w in result.warnings)


# CoNLL-U with an entity column after MISC (as NER corpora in CoNLL-U add one), our own sentences: "# text =" gives
# each sentence as written (SpaceAfter=No), a multiword token line (2-3) gives the text its words (de, el) lie on
CONLLU = (
    "# sent_id = 1\n# text = Ada visited Oslo🙂.\n"
    "1\tAda\tAda\tPROPN\t_\t_\t2\tnsubj\t_\t_\tB-PER\n"
    "2\tvisited\tvisit\tVERB\t_\t_\t0\troot\t_\t_\tO\n"
    "3\tOslo\tOslo\tPROPN\t_\t_\t2\tobj\t_\tSpaceAfter=No\tB-LOC\n"
    "4\t🙂\t🙂\tSYM\t_\t_\t2\tdiscourse\t_\tSpaceAfter=No\tO\n"
    "5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\tO\n"
    "\n# text = Vino del mar.\n"
    "1\tVino\tvino\tNOUN\t_\t_\t0\troot\t_\t_\tO\n"
    "2-3\tdel\t_\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tde\tde\tADP\t_\t_\t4\tcase\t_\t_\tO\n"
    "3\tel\tel\tDET\t_\t_\t4\tdet\t_\t_\tO\n"
    "4\tmar\tmar\tNOUN\t_\t_\t1\tnmod\t_\tSpaceAfter=No\tB-LOC\n"
    "5\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\tO\n\n"
)


def test_a_conllu_file_keeps_each_sentences_own_text(tmp_path):
    path = tmp_path / "ner.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    assert detect_format(path) == "conll"  # it was "unknown kind of file '.conllu'"
    result = read_conll(path, parse_schema(SCHEMA))
    (doc,) = result.documents
    # each sentence as written, the multiword token "del" too (session 16: its words "de el" were not the text, and
    # the sentence was its tokens joined, "Vino de el mar .")
    assert doc.text == "Ada visited Oslo🙂.\nVino del mar."
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [
        ("Ada", "PER"),
        ("Oslo", "LOC"),
        ("mar", "LOC"),
    ]
    starts, ends, _ = doc.tokens
    assert [doc.text[s:e] for s, e in zip(starts, ends)][-4:] == ["Vino", "del", "mar", "."]  # the words on one token
    assert any("each sentence's own text kept ('# text ='" in n for n in result.notes)
    assert any("1 multiword token (CoNLL-U's 'del' for the words 'de el')" in n for n in result.notes)
    assert any("1 comment line (starting with #)" in w for w in result.warnings)  # the sent_id, not the texts


def test_a_universal_ner_file_is_read_with_its_sentences_texts(tmp_path):
    """Universal NER's files (``en_ewt-ud-train.iob2``, as a public UNER preprocessing script reads them: five tab
    columns, ID, token, tag and two of ``-``; CoNLL-U's comments): "# text = Bo left." has five words, as many as the
    token lines' columns, so it was sampled as a token line and the file refused ("no column of IOB tags")."""
    path = tmp_path / "en_ewt-ud-train.iob2"
    path.write_text(
        "# sent_id = en_ewt-ud-train-0001\n# text = Ada visited Oslo.\n"
        "1\tAda\tB-PER\t-\t-\n2\tvisited\tO\t-\t-\n3\tOslo\tB-LOC\t-\t-\n4\t.\tO\t-\t-\n\n"
        "# sent_id = en_ewt-ud-train-0002\n# text = Bo left.\n"
        "1\tBo\tB-PER\t-\t-\n2\tleft\tO\t-\t-\n3\t.\tO\t-\t-\n\n",
        encoding="utf-8",
    )
    assert detect_format(path) == "conll"
    result = read_conll(path, parse_schema(SCHEMA))
    (doc,) = result.documents
    assert doc.text == "Ada visited Oslo.\nBo left."
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [
        ("Ada", "PER"),
        ("Oslo", "LOC"),
        ("Bo", "PER"),
    ]
    assert not any("columns besides the token" in w for w in result.warnings)  # the "-" columns hold nothing


def test_an_entity_over_a_multiword_token_keeps_the_sentences_text(tmp_path):
    """UD's Romance treebanks: "Universidad del País" (B-ORG I-ORG on 'de' and 'el' I-ORG) covers the token's text as
    written; an entity starting at the second word of a multiword token ('el' of 'del' B-LOC) starts where that word
    is in the token, 'el Norte' (session 17: it covered the whole token, 'del Norte')."""
    rows = [
        ("1", "Estudia", "O"),
        ("2", "en", "O"),
        ("3", "la", "O"),
        ("4", "Universidad", "B-ORG"),
        ("5-6", "del", None),
        ("5", "de", "I-ORG"),
        ("6", "el", "I-ORG"),
        ("7", "País", "I-ORG"),
        ("8-9", "del", None),
        ("8", "de", "O"),
        ("9", "el", "B-LOC"),
        ("10", "Norte", "I-LOC"),
    ]
    lines = ["# text = Estudia en la Universidad del País del Norte"]
    for n, word, tag in rows:
        misc = "_" if tag is None else f"NER={tag}"
        lines.append(
            "\t".join([n, word, word.lower(), "X", "_", "_", "0" if tag else "_", "dep" if tag else "_", "_", misc])
        )
    path = tmp_path / "es.conllu"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    result = read_conll(path, parse_schema(SCHEMA))
    (doc,) = result.documents
    assert doc.text == "Estudia en la Universidad del País del Norte"
    assert sorted((doc.text[e.start : e.end], e.label) for e in doc.entities) == [
        ("Universidad del País", "ORG"),
        ("el Norte", "LOC"),
    ]
    assert any("'el' of 'del'" in n for n in result.notes)


@pytest.mark.parametrize(
    ("text", "surface", "words", "tags", "entity"),
    [
        ("Vive nella Repubblica", "nella", ("in", "la"), ("O", "B-LOC"), "la Repubblica"),  # the last word's letters
        ("Vient du Nord", "du", ("de", "le"), ("O", "B-LOC"), "du Nord"),  # 'le' is not in 'du': the whole token
        ("Geht zum Rathaus", "zum", ("zu", "dem"), ("B-LOC", "O"), "zu"),  # the first word's letters
    ],
)
def test_an_entity_edge_inside_a_multiword_token_takes_its_words_part(tmp_path, text, surface, words, tags, entity):
    before, after = text.split(f" {surface} ")
    lines = [f"# text = {text}", f"1\t{before}\t_\t_\t_\t_\t_\t_\t_\tNER=O", f"2-3\t{surface}\t_\t_\t_\t_\t_\t_\t_\t_"]
    lines += [f"{2 + k}\t{w}\t_\t_\t_\t_\t_\t_\t_\tNER={t}" for k, (w, t) in enumerate(zip(words, tags))]
    follow = "I-" + tags[1][2:] if tags[1] != "O" else "O"
    lines.append(f"4\t{after}\t_\t_\t_\t_\t_\t_\t_\tNER={follow}")
    path = tmp_path / "mwt.conllu"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (doc,) = read_conll(path, parse_schema(SCHEMA)).documents
    assert doc.text == text
    assert [doc.text[e.start : e.end] for e in doc.entities] == [entity]


def test_conllu_documents_start_at_newdoc_and_take_its_id(tmp_path):
    """UD's treebanks mark their documents with ``# newdoc id = ...``: a file of several came in as one document (the
    lines counted as comments not kept), or one per sentence with --option documents=sentence."""

    def sentence(words: list[tuple[str, str]], text: str) -> list[str]:
        return [f"# text = {text}"] + [
            f"{k}\t{w}\t{w}\tX\t_\t_\t0\tdep\t_\tNER={tag}" for k, (w, tag) in enumerate(words, start=1)
        ]

    lines = ["# newdoc id = weblog-001", *sentence([("Obama", "B-PER"), ("left", "O")], "Obama left"), ""]
    lines += [*sentence([("He", "O"), ("won", "O")], "He won"), ""]
    lines += ["# newdoc", *sentence([("Kabul", "B-LOC"), ("calls", "O")], "Kabul calls"), ""]
    lines += ["# newdoc id = email-003", *sentence([("Hi", "O")], "Hi"), ""]
    path = tmp_path / "ewt.conllu"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_conll(path, parse_schema(SCHEMA))
    assert [(d.name, d.text) for d in result.documents] == [
        ("weblog-001", "Obama left\nHe won"),
        ("ewt.conllu:12", "Kabul calls"),  # no id: named by its first word's line, as before
        ("email-003", "Hi"),
    ]
    assert not any("comment line" in w for w in result.warnings)
