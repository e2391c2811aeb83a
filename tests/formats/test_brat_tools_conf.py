"""A brat corpus's ``tools.conf`` (sociocom/KEEPHA-Ja's: ``[options]`` with its tokenizer and sentence splitter,
``[search]`` links, a ``[normalization]`` database its ``N`` lines name) is the corpus's brat settings: kept with the
schema and written back by the brat export, so the corpus served by brat again tokenises, searches and normalises as
it did. Session 36: passed over without a word, the export wrote none. Our own file in that shape."""

from __future__ import annotations

from annotator import api

TOOLS = """[options]
Validation\tvalidate:all
Tokens\t   tokenizer:whitespace
Sentences\tsplitter:newline

[search]
Wikipedia    <URL>:https://en.wikipedia.org/wiki/Special:Search?search=%s

[normalization]
Wikipedia DB:<NONE>, <URL>:http://en.wikipedia.org, <URLBASE>:http://en.wikipedia.org/?curid=%s
"""


def test_tools_conf_goes_back_out_with_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "annotation.conf").write_text("[entities]\nDRUG\n[relations]\n[events]\n[attributes]\n", encoding="utf-8")
    (corpus / "tools.conf").write_text(TOOLS, encoding="utf-8")
    (corpus / "a.txt").write_text("Lexapro helped.\n", encoding="utf-8")
    (corpus / "a.ann").write_text("T1\tDRUG 0 7\tLexapro\nN1\tReference T1 Wikipedia:534366\tEscitalopram\n")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [corpus])
    api.export(project, tmp_path / "out", format="brat")
    lines = (tmp_path / "out" / "tools.conf").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# tools.conf written by annotator") and lines[1:] == TOOLS.splitlines()
    again = api.new_project(tmp_path / "q.annotator")
    api.import_files(again, [tmp_path / "out"])
    api.export(again, tmp_path / "again", format="brat")
    assert (tmp_path / "again" / "tools.conf").read_text(encoding="utf-8").splitlines() == lines
    api.export(again, tmp_path / "again", format="brat")  # a former export's tools.conf: replaced
