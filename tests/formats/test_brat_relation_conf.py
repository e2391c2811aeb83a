"""The exported annotation.conf declares each relation argument with the types that filled it in the documents (as
``brat_infer`` tells a conf from .ann files): it wrote ``Arg1:<ANY>, Arg2:<ANY>``, so brat's own checks passed any end
and a relation drawn in brat between the wrong types went unremarked."""

from __future__ import annotations

from annotator.cli import main

CONF = """[entities]
Person
GPE
Organization
[relations]
Located	Arg1:Person, Arg2:GPE|Organization
Member	Arg1:Person, Arg2:Organization
[events]
[attributes]
"""


def test_relation_arguments_take_the_types_that_filled_them(tmp_path):
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "annotation.conf").write_text(CONF)
    (src / "a.txt").write_text("Ada lives in London.\n")
    (src / "a.ann").write_text("T1\tPerson 0 3\tAda\nT2\tGPE 13 19\tLondon\nR1\tLocated Arg1:T1 Arg2:T2\n")
    (src / "b.txt").write_text("Bob works at Acme.\n")
    (src / "b.ann").write_text(
        "T1\tPerson 0 3\tBob\nT2\tOrganization 13 17\tAcme\nR1\tLocated Arg1:T1 Arg2:T2\nR2\tMember Arg1:T1 Arg2:T2\n"
    )
    p, out = tmp_path / "p.annotator", tmp_path / "out"
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "brat", "-o", str(out)]) == 0
    conf = (out / "annotation.conf").read_text()
    relations = conf.split("[relations]")[1].split("[events]")[0].splitlines()
    assert "Located\tArg1:Person, Arg2:GPE|Organization" in relations  # the types of both documents' ends
    assert "Member\tArg1:Person, Arg2:Organization" in relations
    assert not any("<ANY>" in line for line in relations if not line.startswith("<OVERLAP>"))
