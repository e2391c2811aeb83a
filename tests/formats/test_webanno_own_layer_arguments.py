"""An entity of a project's own span layer that fills an event argument goes back on its layer: the event layer's slot
then points at any span (``uima.tcas.Annotation``, INCEpTION's "Link: <Any>" slot target), each link naming its target
by its ``[n]`` id, which INCEpTION's reader (``Tsv3XDeserializer``: ``resolveReference``) looks up across layers. It
went out on ``NamedEntity`` (session 14's leftover), so an INCEpTION project whose event slot points at its own layer
took the argument's entity back on another layer. Our own file, in the shape of such a project's export."""

from __future__ import annotations


from annotator.store import Project
from format_helpers import webanno_round

LINES = [
    "#FORMAT=WebAnno TSV 3.3",
    "#T_SP=webanno.custom.Entidade|Rotulo",
    "#T_SP=webanno.custom.Event|ROLE_webanno.custom.Event:arguments_webanno.custom.EventArgumentsLink|"
    "webanno.custom.Entidade|type",
    "",
    "",
    "#Text=Ana atacou Bruno em Lisboa .",
    "1-1\t0-3\tAna\tPessoa\t_\t_\t_\t",
    "1-2\t4-10\tatacou\t_\tAtacante;Alvo\t1-1;1-3\tAtaque\t",
    "1-3\t11-16\tBruno\tPessoa\t_\t_\t_\t",
    "1-4\t17-19\tem\t_\t_\t_\t_\t",
    "1-5\t20-26\tLisboa\tLugar\t_\t_\t_\t",
    "1-6\t27-28\t.\t_\t_\t_\t_\t",
]


def test_an_argument_on_a_projects_own_layer_stays_there_linked_by_its_id(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    source = tmp_path / "in" / "doc.tsv"
    source.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    first = webanno_round(tmp_path, source, "out")
    assert "written on NamedEntity" not in capsys.readouterr().out  # it was said so
    head = [line for line in first.split("\n") if line.startswith("#T_")]
    assert head[1] == "#T_SP=webanno.custom.Entidade|Rotulo"
    assert head[2].startswith(
        "#T_SP=webanno.custom.Event|ROLE_webanno.custom.Event:arguments_webanno.custom.EventArgumentsLink|"
        "uima.tcas.Annotation|"
    )
    rows = [line.split("\t") for line in first.split("\n") if line[:1].isdigit()]
    assert [r[3:7] for r in rows] == [
        ["_", "Pessoa[1]", "_", "_"],  # NamedEntity empty: Ana was written there
        ["_", "_", "Atacante;Alvo", "1-1[1];1-3[2]"],  # each target by its id
        ["_", "Pessoa[2]", "_", "_"],
        ["_", "_", "_", "_"],
        ["_", "Lugar", "_", "_"],  # no argument: no id needed
        ["_", "_", "_", "_"],
    ]
    assert webanno_round(tmp_path, tmp_path / "out", "again") == first  # out and in again: the same file
    with Project(tmp_path / "again.annotator", create=False) as p:
        (d,) = p.document_ids()
        text = p.document(d).text
        ents = {e.id: text[e.start : e.end] for e in p.entities(d)}
        (event,) = p.events(d)
        assert sorted((a.role, ents[a.entity_id]) for a in event.arguments) == [("Alvo", "Bruno"), ("Atacante", "Ana")]
