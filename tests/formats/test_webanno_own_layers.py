"""A project's own span layers go back on themselves (``meta["webanno"]["span_layers"]``): session 13 read a legal NER
converter's ``webanno.custom.Entidade|Rotulo`` spans as entities and its ``webanno.custom.Relacao`` relations as kept
relations, but the export wrote the entities on ``NamedEntity|value`` and the relations with ``BT_...NamedEntity``, so
an INCEpTION project with the custom layer did not take them back on it (INCEpTION reads a span as the layer the
header names). Our own file, in that header's shape (with a feature-less layer too, as the Finnish news export's
``Quote|``)."""

from __future__ import annotations


from format_helpers import webanno_round

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


def test_the_entities_and_relations_of_a_project_s_own_layers_go_back_on_them(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "doc.tsv").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    first = webanno_round(tmp_path, source / "doc.tsv", "out")
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
    assert webanno_round(tmp_path, tmp_path / "out", "again") == first  # out and in again: the same file


INFOLINK = [  # InfoLink's test input shape (WebAnno TSV 3): a layer of three features, none named as a label
    "#FORMAT=WebAnno TSV 3",
    "#T_SP=webanno.custom.Dataset|Information|LeftContext|RightContext",
    "#T_RL=webanno.custom.Metadata|MetadataforDataset|Relation|sameas|BT_webanno.custom.Dataset",
    "",
    "",
    "#Text=The Survey of Adult Skills (PIAAC) data",
    "1-1\t0-3\tThe\t_\t_\t_\t_\t_\t_\t_\t",
    "1-2\t4-10\tSurvey\tTitle[1]\t*[1]\t*[1]\t*\tsame-as\tfalse\t1-6[0_1]\t",
    "1-3\t11-13\tof\tTitle[1]\t*[1]\t*[1]\t_\t_\t_\t_\t",
    "1-4\t14-19\tAdult\tTitle[1]\t*[1]\t*[1]\t_\t_\t_\t_\t",
    "1-5\t20-26\tSkills\tTitle[1]\t*[1]\t*[1]\t_\t_\t_\t_\t",
    "1-6\t27-34\t(PIAAC)\tTitle\t*\t*\t_\t_\t_\t_\t",
    "1-7\t35-39\tdata\t_\t_\t_\t_\t_\t_\t_\t",
]


def test_a_layer_whose_features_name_no_label_is_labelled_by_the_feature_its_spans_fill(tmp_path):
    """Its spans were left out ("spans of layer webanno.custom.Dataset, which has no single feature to label them
    with"), and its relation with them ("whose ends are not entities")."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "paper.tsv").write_text("\n".join(INFOLINK) + "\n", encoding="utf-8")
    first = webanno_round(tmp_path, source / "paper.tsv", "out")
    # its other features declared back as the file declared them, unset as they came (session 43: left out)
    assert "#T_SP=webanno.custom.Dataset|Information|LeftContext|RightContext\n" in first
    assert "#T_RL=webanno.custom.Metadata|MetadataforDataset|Relation|sameas|BT_webanno.custom.Dataset\n" in first
    rows = {r.split("\t")[2]: r.split("\t") for r in first.split("\n") if r[:1].isdigit()}
    assert rows["Survey"][4:7] == ["Title[1]", "*[1]", "*[1]"] and rows["(PIAAC)"][4:7] == ["Title", "*", "*"]
    assert rows["Survey"][-5:-1] == ["*", "same-as", "false", "1-6[0_1]"]  # the relation, from (PIAAC)
    assert webanno_round(tmp_path, tmp_path / "out", "again") == first


TERMFRAME = [  # the TermFrame project's curated definitions (WebAnno TSV 3.2): category values with spaces
    "#FORMAT=WebAnno TSV 3.2",
    "#T_SP=webanno.custom.Category|Category",
    "#T_SP=webanno.custom.Definitionelement|Def_element",
    "",
    "",
    "#Text=A  dune is a hill  of sand.",
    "1-1\t0-1\tA\t_\t_\t",
    "1-2\t3-7\tdune\tA.2 Landform\tDEFINIENDUM\t",
    "1-3\t8-10\tis\t_\tDEFINITOR\t",
    "1-4\t11-12\ta\t_\tGENUS[5]\t",
    "1-5\t13-17\thill\t_\tGENUS[5]\t",
    "1-6\t19-21\tof\t_\t_\t",
    "1-7\t22-26\tsand\tD.1 Abiotic\t_\t",
    "1-8\t26-27\t.\t_\t_\t",
]


def test_values_that_are_no_label_names_come_in_and_go_back_out_as_they_were(tmp_path, capsys):
    """The whole file was refused: "labels it uses cannot be added to the schema 'news': 'A.2 Landform', 'D.1
    Abiotic' (a label may hold only letters, digits, _ - : .)"."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "def.tsv").write_text("\n".join(TERMFRAME) + "\n", encoding="utf-8")
    first = webanno_round(tmp_path, source / "def.tsv", "out")
    assert "'A.2 Landform' -> A.2_Landform, 'D.1 Abiotic' -> D.1_Abiotic" in capsys.readouterr().err
    rows = {r.split("\t")[2]: r.split("\t")[4] for r in first.split("\n") if r[:1].isdigit()}
    assert (rows["dune"], rows["sand"]) == ("A.2 Landform", "D.1 Abiotic")  # back as they were
    assert webanno_round(tmp_path, tmp_path / "out", "again") == first
