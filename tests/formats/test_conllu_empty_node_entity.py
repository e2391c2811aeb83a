"""Session 40 (s40-real's Left): a CoNLL-U empty node (``5.1``, a word of the enhanced graph that is not in the text)
carrying an entity in MISC (``NER=B-GPE``; CorefUD's ``Entity=(e2-person-1)`` on a dropped subject) was left out
without a word: its line goes before the words are read, so its tag never reached the tag column. It has no
characters to lie on, so it stays out, said once in a warning with its line, word and tag; the words' entities and
the text as before. Our own sentences, in UD English EWT's and CorefUD's shapes."""

from __future__ import annotations

from pathlib import Path

from annotator import api

EWT = [
    "# sent_id = 1",
    "# text = Police said the minister resigned.",
    "1\tPolice\tpolice\tNOUN\tNN\t_\t2\tnsubj\t2:nsubj\tNER=B-ORG",
    "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t0:root\t_",
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t4:det\t_",
    "4\tminister\tminister\tNOUN\tNN\t_\t5\tnsubj\t5:nsubj\tNER=B-PER",
    "5\tresigned\tresign\tVERB\tVBD\t_\t2\tccomp\t2:ccomp\tSpaceAfter=No",
    "5.1\tKabul\tKabul\tPROPN\tNNP\t_\t_\t_\t5:obl\tCopyOf=_|NER=B-GPE",
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_",
    "",
]
COREF = [
    "# global.Entity = eid-etype-head-other",
    "# sent_id = 1",
    "# text = Ana llegó y saludó.",
    "1\tAna\tAna\tPROPN\t_\t_\t2\tnsubj\t_\tEntity=(e1-person-1)",
    "2\tllegó\tllegar\tVERB\t_\t_\t0\troot\t_\t_",
    "3\ty\ty\tCCONJ\t_\t_\t4\tcc\t_\t_",
    "3.1\t_\t_\tPRON\t_\t_\t_\t_\t4:nsubj\tEntity=(e1-person-1)",
    "4\tsaludó\tsaludar\tVERB\t_\t_\t2\tconj\t_\tSpaceAfter=No",
    "5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_",
    "",
]


def _import(tmp_path: Path, lines: list[str]):  # type: ignore[no-untyped-def]
    src = tmp_path / "in.conllu"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src], format="conll")
    (doc,) = project.document_ids()
    text = project.document(doc).text
    return report, text, [(text[e.start : e.end], e.label) for e in project.entities(doc)]


def test_an_empty_nodes_ner_tag_is_said_left_out(tmp_path):
    report, text, entities = _import(tmp_path, EWT)
    said = [w for w in report.warnings if "empty node" in w]
    assert said == [
        f"{tmp_path / 'in.conllu'}: 1 empty node (CoNLL-U's 8.1: a word of the enhanced graph, not in the text) "
        "carrying an entity, left out (no characters to lie on): line 8: 5.1 Kabul NER=B-GPE"
    ], report.warnings
    assert text == "Police said the minister resigned."
    assert entities == [("Police", "ORG"), ("minister", "PERSON")]


def test_an_empty_nodes_corefud_mention_is_said_left_out(tmp_path):
    report, text, entities = _import(tmp_path, COREF)
    said = [w for w in report.warnings if "empty node" in w]
    assert len(said) == 1 and said[0].endswith("line 7: 3.1 _ Entity=(e1-person-1)"), report.warnings
    assert text == "Ana llegó y saludó."
    assert entities == [("Ana", "PERSON")]  # the news schema's, as the file's person matches it
