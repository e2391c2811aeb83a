"""CoNLL-U Plus names its columns on its first line (``# global.columns = ID FORM UPOS HEAD DEPREL MISC NE``, as UD's
tools and public readers' tests write files with columns of their own choice and order; our own sentence). The
entity column was read right, but the columns left out were said as "CoNLL-2003's part-of-speech and chunk tags,
say"; now by the names the file gives them. A file without the line is said as before."""

from __future__ import annotations

from annotator.formats.conll_read import read_conll

ROWS = [
    ("1", "Gunmen", "NOUN", "2", "nsubj", "_", "O"),
    ("2", "killed", "VERB", "0", "root", "_", "O"),
    ("3", "three", "NUM", "4", "nummod", "_", "B-CARDINAL"),
    ("4", "soldiers", "NOUN", "2", "obj", "_", "O"),
    ("5", "near", "ADP", "6", "case", "_", "O"),
    ("6", "Kabul", "PROPN", "2", "obl", "SpaceAfter=No", "B-GPE"),
    ("7", ".", "PUNCT", "2", "punct", "_", "O"),
]
BODY = "# text = Gunmen killed three soldiers near Kabul.\n" + "".join("\t".join(r) + "\n" for r in ROWS) + "\n"


def test_the_columns_left_out_are_said_by_their_names(tmp_path):
    given = tmp_path / "plus.conllup"
    given.write_text("# global.columns = ID FORM UPOS HEAD DEPREL MISC NE\n" + BODY, encoding="utf-8")
    got = read_conll(given)
    (doc,) = got.documents
    assert sorted((doc.text[e.start : e.end], e.label) for e in doc.entities) == [
        ("Kabul", "GPE"),
        ("three", "CARDINAL"),
    ]
    (said,) = [w for w in got.warnings if "besides the token" in w]
    assert said.endswith("4 columns besides the token and the entity tag (UPOS, HEAD, DEPREL, MISC, as its "
                         "'# global.columns' names them)")  # fmt: skip


def test_without_the_line_they_are_said_as_before(tmp_path):
    given = tmp_path / "plain.conllu"
    given.write_text(BODY, encoding="utf-8")
    (said,) = [w for w in read_conll(given).warnings if "besides the token" in w]
    assert said.endswith("(CoNLL-2003's part-of-speech and chunk tags, say)")
