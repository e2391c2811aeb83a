"""brat's ``*`` equivalences go back out with their type declared in the exported annotation.conf, as brat declares one
(its news tutorial's ``Alias Arg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive``, used by
``060-relation_annotation.ann``'s ``*	Alias T3 T4 T5``): the exported conf did not declare the type at all, so brat
had no equivalence type of that name. The folder here is our own."""

from __future__ import annotations

from annotator.cli import main

CONF = """[entities]
Person
GPE
[relations]
Located	Arg1:Person, Arg2:GPE
Alias	Arg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive
[events]
[attributes]
"""
TEXT = "Ada King lives in London. Ada King, also Ada Lovelace.\n"
ANN = (
    "T1\tPerson 0 8\tAda King\nT2\tGPE 18 24\tLondon\nT3\tPerson 26 34\tAda King\nT4\tPerson 41 53\tAda Lovelace\n"
    "*\tAlias T3 T4\nR1\tLocated Arg1:T1 Arg2:T2\n"
)


def test_an_equivalence_type_is_declared_symmetric_transitive_in_the_exported_conf(tmp_path):
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "annotation.conf").write_text(CONF)
    (src / "ada.txt").write_text(TEXT)
    (src / "ada.ann").write_text(ANN)
    p, out = tmp_path / "p.annotator", tmp_path / "out"
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "brat", "-o", str(out)]) == 0
    conf = (out / "annotation.conf").read_text()
    relations = conf.split("[relations]")[1].split("[events]")[0].splitlines()
    # each argument with the types that filled it, as the conf the folder came with has them: brat's own checks
    # pass on the export (they were <ANY>)
    assert "Alias\tArg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive" in relations
    assert "Located\tArg1:Person, Arg2:GPE" in relations
    assert "*\tAlias T3 T4" in (out / "ada.ann").read_text()
    # the export reads back to the same equivalence
    q, again = tmp_path / "q.annotator", tmp_path / "again"
    assert main(["import", str(q), str(out)]) == 0
    assert main(["export", str(q), "-f", "brat", "-o", str(again)]) == 0
    assert (again / "ada.ann").read_text() == (out / "ada.ann").read_text()
    # the same conf but for its first line, which names the schema (the folder it came from)
    assert (again / "annotation.conf").read_text().split("\n")[1:] == conf.split("\n")[1:]
