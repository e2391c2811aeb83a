"""A project's own span layers go back on themselves (``meta["webanno"]["span_layers"]``): session 13 read a legal NER
converter's ``webanno.custom.Entidade|Rotulo`` spans as entities and its ``webanno.custom.Relacao`` relations as kept
relations, but the export wrote the entities on ``NamedEntity|value`` and the relations with ``BT_...NamedEntity``, so
an INCEpTION project with the custom layer did not take them back on it (INCEpTION reads a span as the layer the
header names). Our own file, in that header's shape (with a feature-less layer too, as the Finnish news export's
``Quote|``)."""

from __future__ import annotations

from pathlib import Path

from annotator.cli import main

LINES = [
    "#FORMAT=WebAnno TSV 3.3",
    "#T_SP=webanno.custom.Entidade|Rotulo",
    "#T_SP=webanno.custom.Quote|",
    "#T_RL=webanno.custom.Relacao|Rotulo|BT_webanno.custom.Entidade",
    "",
    "",
    "#Text=Ana Souza trabalha na Petrobras .",
    "1-1\t0-3\tAna\tPessoa[1]\t*[2]\t_\t_\t",
    "1-2\t4-9\tSouza\tPessoa[1]\t*[2]\t_\t_\t",
    "1-3\t10-18\ttrabalha\t_\t*[2]\t_\t_\t",
    "1-4\t19-21\tna\t_\t*[2]\t_\t_\t",
    "1-5\t22-31\tPetrobras\tOrganizacao\t*[2]\temprega\t1-1[1_0]\t",
    "1-6\t32-33\t.\t_\t*[2]\t_\t_\t",
]


def _round(tmp_path: Path, source: Path, name: str) -> str:
    project = tmp_path / f"{name}.annotator"
    assert main(["import", str(project), str(source)]) == 0
    assert main(["export", str(project), "-f", "webanno", "-o", str(tmp_path / name)]) == 0
    (out,) = (tmp_path / name).glob("*.tsv")
    return out.read_text(encoding="utf-8")


def test_the_entities_and_relations_of_a_project_s_own_layers_go_back_on_them(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "doc.tsv").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    first = _round(tmp_path, source / "doc.tsv", "out")
    head = [line for line in first.split("\n") if line.startswith("#T_")]
    assert head[:3] == [
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value",
        "#T_SP=webanno.custom.Entidade|Rotulo",  # it wrote Pessoa and Organizacao on NamedEntity
        "#T_SP=webanno.custom.Quote|",
    ]  # then the news schema's event layer
    assert head[-1] == "#T_RL=webanno.custom.Relacao|Rotulo|BT_webanno.custom.Entidade"  # it was BT_...NamedEntity
    rows = [line.split("\t") for line in first.split("\n") if line[:1].isdigit()]
    assert [r[3:6] + r[-3:-1] for r in rows] == [
        ["_", "Pessoa[1]", "*[2]", "_", "_"],
        ["_", "Pessoa[1]", "*[2]", "_", "_"],
        ["_", "_", "*[2]", "_", "_"],
        ["_", "_", "*[2]", "_", "_"],
        ["_", "Organizacao", "*[2]", "emprega", "1-1[1_0]"],
        ["_", "_", "*[2]", "_", "_"],
    ]
    assert _round(tmp_path, tmp_path / "out", "again") == first  # out and in again: the same file
