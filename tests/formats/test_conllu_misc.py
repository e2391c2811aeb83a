"""CoNLL-U's entities in MISC: ``NER=B-per`` (SSJ, classla), ``ner=S-PERSON`` (Stanza's BIOES output), ``name=B-PER``
(NorNE) and CorefUD's ``Entity=`` brackets (GUM, CorpiPe); the sentences' texts from ``# text`` or ``SpaceAfter=No``.
Our own sentences, in the shapes of the public files (session 13); such files were refused ("no column of IOB tags")."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.formats.conll_read import read_conll
from annotator.formats.detect import detect_format
from annotator.schema import parse_schema
from annotator.store import Project

SCHEMA = """[schema]
name = "u"
version = 1
[[entity]]
name = "per"
[[entity]]
name = "loc"
[[entity]]
name = "org"
"""

COREF_SCHEMA = SCHEMA.replace('"per"', '"person"').replace('"loc"', '"place"')


def _schema_file(tmp_path):
    path = tmp_path / "coref.toml"
    path.write_text(COREF_SCHEMA, encoding="utf-8")
    return path


def row(n: int, word: str, misc: str) -> str:
    return f"{n}\t{word}\t{word.lower()}\tX\t_\t_\t0\tdep\t_\t{misc}\n"


# SSJ's shape: NER= before SpaceAfter=No; the second sentence has no "# text", so SpaceAfter=No makes its text
SSJ = (
    "# newpar id = 1\n# sent_id = 1.1\n# text = Ana Novak je v Ljubljani.\n"
    + row(1, "Ana", "NER=B-per")
    + row(2, "Novak", "NER=I-per")
    + row(3, "je", "NER=O")
    + row(4, "v", "NER=O")
    + row(5, "Ljubljani", "NER=B-loc|SpaceAfter=No")
    + row(6, ".", "NER=O")
    + "\n# sent_id = 1.2\n"
    + row(1, "(", "NER=O|SpaceAfter=No")
    + row(2, "NSK", "NER=B-org|SpaceAfter=No")
    + row(3, ")", "_")  # no NER= at all: O
    + row(4, "molči", "SpaceAfter=No")
    + row(5, "!", "_")
    + "\n"
)


def found(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(doc.text[e.start : e.end], e.label) for e in doc.entities]


def test_ner_tags_in_misc_are_entities_and_space_after_no_makes_the_text(tmp_path):
    path = tmp_path / "sl_ssj-ud.conllu"
    path.write_text(SSJ, encoding="utf-8")
    result = read_conll(path, parse_schema(SCHEMA))
    (doc,) = result.documents
    assert doc.text == "Ana Novak je v Ljubljani.\n(NSK) molči!"  # it was refused: "no column of IOB tags"
    assert found(doc) == [("Ana Novak", "per"), ("Ljubljani", "loc"), ("NSK", "org")]
    assert any("MISC column's NER= tags" in n for n in result.notes)
    assert any("each sentence's own text kept" in n for n in result.notes)


def test_stanza_bioes_lowercase_key_and_a_txt_name(tmp_path):
    """Stanza's CoNLL-U (``start_char=..|end_char=..|ner=S-PERSON``), BIOES, under a ``.txt`` name: told by content."""
    path = tmp_path / "stanza_out.txt"
    path.write_text(
        "# text = Barack Obama met Merkel.\n# sent_id = 0\n"
        + row(1, "Barack", "start_char=0|end_char=6|ner=B-per")
        + row(2, "Obama", "start_char=7|end_char=12|ner=E-per")
        + row(3, "met", "start_char=13|end_char=16|ner=O")
        + row(4, "Merkel", "start_char=17|end_char=23|ner=S-per|SpaceAfter=No")
        + row(5, ".", "start_char=23|end_char=24|ner=O")
        + "\n",
        encoding="utf-8",
    )
    assert detect_format(path) == "conll"  # it was None: a plain text of tab columns
    result = read_conll(path, parse_schema(SCHEMA))
    (doc,) = result.documents
    assert doc.text == "Barack Obama met Merkel."
    assert found(doc) == [("Barack Obama", "per"), ("Merkel", "per")]


COREFUD = (
    "# newdoc\n# global.Entity = eid-etype-head-other\n# sent_id = 1\n# text = The mayor of Oslo, she said it.\n"
    + row(1, "The", "Entity=(e1-person-2-new")
    + row(2, "mayor", "_")
    + row(3, "of", "_")
    + row(4, "Oslo", "Entity=(e2-place-1-new)e1)|SpaceAfter=No")
    + row(5, ",", "_")
    + row(6, "she", "Entity=(e1-person-1-giv)")
    + row(7, "said", "_")
    + row(8, "it", "Entity=(c9--1)|SpaceAfter=No")  # no type: a coreference model's output
    + row(9, ".", "_")
    + "\n"
)


def test_corefud_entity_brackets_nest_into_tag_columns(tmp_path):
    path = tmp_path / "gum.conllu"
    path.write_text(COREFUD, encoding="utf-8")
    result = read_conll(path, parse_schema(COREF_SCHEMA))
    (doc,) = result.documents
    assert doc.text == "The mayor of Oslo, she said it."
    assert sorted(found(doc)) == [("Oslo", "place"), ("The mayor of Oslo", "person"), ("she", "person")]
    assert any("3 mentions of CorefUD's Entity= read as entities" in n for n in result.notes)
    assert any("which mentions corefer (CorefUD's entity ids) kept as 1 coreference link" in n for n in result.notes)
    assert not any("corefer" in w for w in result.warnings)  # it was "which mentions corefer (2 entity ids ...)"
    (link,) = doc.meta["webanno"]["relations"]  # she -> The mayor of Oslo, as a WebAnno TSV chain is kept
    assert (link["from"], link["to"], link["chain"]) == ([19, 22, "person"], [0, 17, "person"], 1)
    assert any("1 Entity= mention without an entity type" in w for w in result.warnings)
    assert not any("columns 11 and 12" in n for n in result.notes)  # no such columns in the file


def test_corefud_chains_go_out_as_webanno_chains_and_dygiepp_clusters(tmp_path):
    """Session 13 said which mentions corefer and kept none of it: each mention an entity of its own."""
    path = tmp_path / "gum.conllu"
    second = (
        "# sent_id = 2\n# text = Her city grew.\n"
        + row(1, "Her", "Entity=(e1-person-1-giv)")
        + row(2, "city", "Entity=(e2-place-1-giv)")
        + row(3, "grew", "SpaceAfter=No")
        + row(4, ".", "_")
        + "\n"
    )
    path.write_text(COREFUD + second, encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["init", str(project), "--schema", str(_schema_file(tmp_path))]) == 0
    assert main(["import", str(project), str(path)]) == 0
    assert main(["export", str(project), "-f", "dygiepp", "-o", str(tmp_path / "d.jsonl")]) == 0
    line = json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8"))
    words = [w for s in line["sentences"] for w in s]
    clusters = [[" ".join(words[a : b + 1]) for a, b in c] for c in line["clusters"]]
    assert sorted(clusters) == [["Oslo", "city"], ["The mayor of Oslo", "she", "Her"]]
    assert main(["export", str(project), "-f", "webanno", "-o", str(tmp_path / "w")]) == 0
    (tsv,) = (tmp_path / "w").glob("*.tsv")
    assert "#T_CH=de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink|referenceRelation|referenceType" in (
        tsv.read_text(encoding="utf-8")
    )


def test_gums_older_type_id_brackets_and_a_bracket_never_closed(tmp_path):
    path = tmp_path / "gum_old.conllu"
    path.write_text(
        "# text = Protector of Mexico spoke\n"
        + row(1, "Protector", "Entity=(person-1")
        + row(2, "of", "_")
        + row(3, "Mexico", "Entity=(place-10)person-1)")
        + row(4, "spoke", "Entity=(event-3")
        + "\n",
        encoding="utf-8",
    )
    result = read_conll(path, parse_schema(COREF_SCHEMA))
    (doc,) = result.documents
    assert sorted(found(doc)) == [("Mexico", "place"), ("Protector of Mexico", "person")]
    assert any("1 Entity= bracket never closed in its sentence (line 5)" in w for w in result.warnings)


def test_norne_name_key_through_the_command_line(tmp_path, capsys):
    """NorNE's ``name=B-PER`` (as spaCy's conllu converter reads it): a new project takes the labels."""
    path = tmp_path / "no_bokmaal-ud-dev.conllu"
    path.write_text(
        row(1, "Dommer", "name=O")
        + row(2, "Finn", "name=B-PER")
        + row(3, "Eilertsen", "name=I-PER")
        + row(4, "avstår", "SpaceAfter=No|name=O")
        + row(5, ".", "name=O")
        + "\n",
        encoding="utf-8",
    )
    project = tmp_path / "p.annotator"
    assert main(["init", str(project)]) == 0
    assert main(["import", str(project), str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 entity" in out
    with Project(project, create=False) as p:
        (doc_id,) = p.document_ids()
        text = p.document(doc_id).text
        assert text == "Dommer Finn Eilertsen avstår."
        assert [(text[e.start : e.end], e.label) for e in p.entities(doc_id)] == [("Finn Eilertsen", "PERSON")]


def test_a_conllu_file_without_entities_brings_its_sentences(tmp_path):
    """A UD treebank's file (no entity column, nothing in MISC but SpaceAfter=No) was refused as "not a CoNLL file: no
    column of IOB tags"; its sentences are texts to annotate."""
    path = tmp_path / "en_ewt-ud-dev.conllu"
    path.write_text(
        "# text = Ana left.\n" + row(1, "Ana", "_") + row(2, "left", "SpaceAfter=No") + row(3, ".", "_"), "utf-8"
    )
    result = read_conll(path, parse_schema(SCHEMA))
    (doc,) = result.documents
    assert (doc.text, doc.entities) == ("Ana left.", [])
    assert any("no entities in the file" in n for n in result.notes)
