"""A plain text file is not a CoNLL file because a word of it looks like a tag (session 19's first hour: 3,163
sentences of events-dev as .txt files, imported as a folder)."""

from __future__ import annotations

import pytest

from project_support import new_project
from annotator.formats.detect import detect_format
from annotator.formats.loading import import_paths

SENTENCES = [
    "Vietnam: Lack of Credit Cards Not Stopping Pursuit of E-commerce HO CHI MINH CITY — When it comes to "
    "e-commerce, Vietnam is somewhat perplexing to observers.",
    "Russia announced Wednesday it is sending S-400 missile system to Syria's Latakia province, which borders Turkey.",
    "AP reports that a middle man working for the Colonel was recorded arranging the sale of the bomb grade uranium, "
    "U-235, and blueprints for a dirty bomb to a man from Sudan.",
    "Two B-52 bombers flew over the peninsula.\nThe F-16 jets followed them.",  # two lines of one width
]


@pytest.mark.parametrize("text", SENTENCES)
def test_a_sentence_with_a_word_like_a_tag_is_plain_text(tmp_path, text):
    """A one-line .txt file whose words held "E-commerce", "S-400", "U-235" was read as a CoNLL file of one token row
    (the word "Vietnam:" its token, "E-commerce" its tag): the document's text became "Vietnam:" with a span labelled
    "commerce", accepted; "U-235," was refused as a label not in the schema and the file skipped. A file not named
    as CoNLL is one when its token lines are such lines: more than one of them, the tags at their right end."""
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")
    assert detect_format(path) is None
    with new_project(tmp_path / "p.annotator", annotator="t") as p:
        report = import_paths(p, [str(path)])
        docs = [p.document(i) for i in p.document_ids()]
    assert not report.skipped and [d.text for d in docs] == [text]


def test_a_conll_file_under_another_name_is_still_told(tmp_path):
    """CoNLL-2003's own lines (token, POS, chunk, tag), LexiconNER's (token, tag, a column after) and a file of one
    sentence are told from their content as before."""
    conll = "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n"
    lexicon = "Paris B-LOC 0\nis O 0\nbig O 0\n"
    for name, text in (("eng.train", conll), ("train.txt", conll), ("lexicon.txt", lexicon)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert detect_format(path) == "conll", name
