"""WebAnno TSV: a file's own event layers go back on themselves, and two identical stacked spans of one layer stay two.

- INCEpTION's ``tsv3-suite/testSimpleSlotFeature`` shape: a slot host without features (``SimpleLinkHost``) whose
  links point at a feature-less layer (``SimpleSpan``); its events went out on ``webanno.custom.Event`` with the type
  ``SimpleLinkHost``, a layer the INCEpTION project the file came from does not have.
- A layer with a slot per role (``ROLE_...Attack:Attacker_...``) whose links have no role (``*``, the slot's name is
  the role) and a ``type`` feature: its events, each argument in its own slot, the roles unset as they came.
- INCEpTION's ``tsv3-suite/testTokenBoundedStackedSpanWithFeatureValue`` shape: ``NE[1]|NE[2]`` on one token, two
  annotations of one layer with the same span and label; they became one entity, the other lost without a word.

The files are our own, with our own text, in those shapes.
"""

from __future__ import annotations

from pathlib import Path

from annotator.cli import main
from annotator.store import Project
from text_support import argument_words

NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _out_in_out(tmp_path: Path, source: Path) -> tuple[str, str, Path]:
    """``source`` into a new project, out as WebAnno TSV, that into another project and out again: (first file,
    second file, second project)."""
    p, p2 = tmp_path / "p.annotator", tmp_path / "p2.annotator"
    assert main(["import", str(p), str(source)]) == 0
    assert main(["export", str(p), "-f", "webanno", "-o", str(tmp_path / "out")]) == 0
    (first,) = (tmp_path / "out").glob("*.tsv")
    assert main(["import", str(p2), str(first)]) == 0
    assert main(["export", str(p2), "-f", "webanno", "-o", str(tmp_path / "again")]) == 0
    (second,) = (tmp_path / "again").glob("*.tsv")
    return first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8"), p2


def _events(project: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    with Project(project, create=False) as p:
        (d,) = p.document_ids()
        text = p.document(d).text
        ents = {e.id: e for e in p.entities(d)}
        return sorted(
            (v.type, text[v.trigger_start : v.trigger_end], sorted(argument_words(text, v.arguments, ents)))
            for v in p.events(d)
        )


def test_a_feature_less_slot_host_goes_back_on_its_own_layer(tmp_path):
    source = _write(
        tmp_path / "host.tsv",
        [
            "#FORMAT=WebAnno TSV 3.3",
            "#T_SP=webanno.custom.SimpleSpan|",
            "#T_SP=webanno.custom.SimpleLinkHost|ROLE_webanno.custom.SimpleLinkHost:links_webanno.custom.LinkType|"
            "webanno.custom.SimpleSpan",
            "",
            "",
            "#Text=Rebels shelled a town .",
            "1-1\t0-6\tRebels\t_\tp1;p2\t1-2;1-3\t",
            "1-2\t7-14\tshelled\t*\t_\t_\t",
            "1-3\t15-16\ta\t*\t_\t_\t",
            "1-4\t17-21\ttown\t_\t_\t_\t",
            "1-5\t22-23\t.\t_\t_\t_\t",
        ],
    )
    first, second, p2 = _out_in_out(tmp_path, source)
    header = [line for line in first.splitlines() if line.startswith("#T_SP=")]
    assert (
        "#T_SP=webanno.custom.SimpleLinkHost|ROLE_webanno.custom.SimpleLinkHost:links_webanno.custom.LinkType|"
        "webanno.custom.SimpleSpan"
    ) in header
    rows = {line.split("\t")[2]: line.split("\t")[3:-1] for line in first.splitlines() if line[:1].isdigit()}
    assert rows["Rebels"][-2:] == ["p1;p2", "1-2;1-3"]  # on the host layer's columns, the last declared
    assert "SimpleLinkHost" not in "".join(rows["Rebels"][:-2])  # not as a type on webanno.custom.Event
    assert second == first
    assert _events(p2) == [("SimpleLinkHost", "Rebels", [("p1", "shelled"), ("p2", "a")])]


def test_a_layer_with_a_slot_per_role_keeps_its_slots_and_unset_roles(tmp_path):
    host = "webanno.custom.Attack"
    source = _write(
        tmp_path / "attack.tsv",
        [
            "#FORMAT=WebAnno TSV 3.3",
            f"#T_SP={NE}|value",
            f"#T_SP={host}|ROLE_{host}:Attacker_{host}AttackerLink|{NE}|ROLE_{host}:Target_{host}TargetLink|{NE}|type",
            "",
            "",
            "#Text=Rebels shelled Homs and raided Hama .",
            "1-1\t0-6\tRebels\tORG\t_\t_\t_\t_\t_\t",
            "1-2\t7-14\tshelled\t_\t*\t1-1\t*\t1-3\tshelling\t",
            "1-3\t15-19\tHoms\tGPE\t_\t_\t_\t_\t_\t",
            "1-4\t20-23\tand\t_\t_\t_\t_\t_\t_\t",
            "1-5\t24-30\traided\t_\t*\t1-1\t*\t1-6\traid\t",
            "1-6\t31-35\tHama\tGPE\t_\t_\t_\t_\t_\t",
            "1-7\t36-37\t.\t_\t_\t_\t_\t_\t_\t",
        ],
    )
    first, second, p2 = _out_in_out(tmp_path, source)
    assert (
        f"#T_SP={host}|ROLE_{host}:Attacker_{host}AttackerLink|{NE}|ROLE_{host}:Target_{host}TargetLink|{NE}|type"
        in (first.splitlines())
    )
    rows = {line.split("\t")[2]: line.split("\t")[3:-1] for line in first.splitlines() if line[:1].isdigit()}
    assert rows["shelled"][-5:] == ["*", "1-1", "*", "1-3", "shelling"]
    assert second == first
    assert _events(p2) == [
        ("raid", "raided", [("Attacker", "Rebels"), ("Target", "Hama")]),
        ("shelling", "shelled", [("Attacker", "Rebels"), ("Target", "Homs")]),
    ]


def test_two_identical_stacked_spans_of_one_layer_are_two_entities(tmp_path):
    source = _write(
        tmp_path / "stacked.tsv",
        [
            "#FORMAT=WebAnno TSV 3.3",
            f"#T_SP={NE}|value",
            "#T_SP=webanno.custom.Span|value",
            "",
            "",
            "#Text=Obama met Merkel .",
            "1-1\t0-5\tObama\tPER[1]|PER[2]\tPER\t",
            "1-2\t6-9\tmet\t_\t_\t",
            "1-3\t10-16\tMerkel\tPER\t_\t",
            "1-4\t17-18\t.\t_\t_\t",
        ],
    )
    first, second, p2 = _out_in_out(tmp_path, source)
    with Project(p2, create=False) as p:
        (d,) = p.document_ids()
        text = p.document(d).text
        # two on NamedEntity, the custom layer's one the same entity as the first of them (one span, two layers)
        assert sorted((text[e.start : e.end], e.label) for e in p.entities(d)) == [
            ("Merkel", "PERSON"),
            ("Obama", "PERSON"),
            ("Obama", "PERSON"),
        ]
    rows = {line.split("\t")[2]: line.split("\t")[3:-1] for line in first.splitlines() if line[:1].isdigit()}
    assert rows["Obama"][0] == "PER[1]|PER[2]"
    assert second == first
