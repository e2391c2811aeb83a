"""The brat export's annotation.conf declares every type of the conf the project's schema came from: relation types
and entity attributes that no document uses too (``brat_conf.conf_declarations``, kept with the schema). Session 13
found the exported conf held only the relation types the documents use, so brat opened the exported collection
without the others in its menus (brat's bio tutorial: ``Member-of`` and two of its three ``Equiv`` lines gone; the news
tutorial: all seven relation types and both entity attributes gone from a folder whose documents use none). Our own
conf, in those shapes."""

from __future__ import annotations

from annotator.cli import main

CONF = """# our own, in the shape of brat's tutorials
[entities]
Protein
Organism
Entity

[relations]
Member-of\tArg1:Protein, Arg2:Organism
Part-of\tArg1:Protein, Arg2:Protein
Equiv\tArg1:Protein, Arg2:Protein, <REL-TYPE>:symmetric-transitive
Equiv\tArg1:Organism, Arg2:Organism, <REL-TYPE>:symmetric-transitive
<OVERLAP>\tArg1:Protein, Arg2:Entity, <OVL-TYPE>:contain

[events]
Binding\tTheme+:Protein

[attributes]
Negation\tArg:<EVENT>
Mutated\tArg:Protein
Species\tArg:Organism, Value:Human|Mouse
"""
ANN = "T1\tProtein 0 3\tAbc\nT2\tProtein 10 13\tDef\nT3\tBinding 4 9\tbinds\nE1\tBinding:T3 Theme:T2\nR1\tPart-of Arg1:T1 Arg2:T2\n"


def _section(conf: str, name: str) -> list[str]:
    lines = conf.split(f"[{name}]\n", 1)[1].split("\n\n", 1)[0]
    return [x for x in lines.split("\n") if x]


def _export(tmp_path, source, name):
    project = tmp_path / f"{name}.annotator"
    assert main(["import", str(project), str(source)]) == 0
    assert main(["export", str(project), "-f", "brat", "-o", str(tmp_path / name)]) == 0
    return (tmp_path / name / "annotation.conf").read_text(encoding="utf-8")


def test_every_relation_type_and_entity_attribute_of_the_conf_goes_out(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "annotation.conf").write_text(CONF, encoding="utf-8")
    (corpus / "d1.txt").write_text("Abc binds Def in human cells.\n", encoding="utf-8")
    (corpus / "d1.ann").write_text(ANN, encoding="utf-8")
    conf = _export(tmp_path, corpus, "out")
    assert _section(conf, "relations") == [
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",  # the export's own: every overlap allowed
        "Member-of\tArg1:Protein, Arg2:Organism",  # used by no document: it was left out
        "Part-of\tArg1:Protein, Arg2:Protein",
        "Equiv\tArg1:Protein, Arg2:Protein, <REL-TYPE>:symmetric-transitive",
        "Equiv\tArg1:Organism, Arg2:Organism, <REL-TYPE>:symmetric-transitive",
    ]
    assert _section(conf, "attributes") == [
        "Negation\tArg:<EVENT>",
        "Mutated\tArg:Protein",  # entity attributes no document uses: they were left out
        "Species\tArg:Organism, Value:Human|Mouse",
    ]
    again = _export(tmp_path, tmp_path / "out", "again")  # out and in again: the same conf, but for the schema's name
    assert again.split("\n", 1)[1] == conf.split("\n", 1)[1]
