"""WebAnno TSV: a span whose labelling feature is unset (``*``: marked in INCEpTION, its label not chosen yet, or an
entity link without a type) comes in as an entity labelled with its layer's name and goes back unset, as INCEpTION's
``tsv3-suite`` has them (``testAnnotationWithTrailingWhitespace``: ``NamedEntity|identifier|value`` with ``* *``;
``testSentenceWithLineBreak``, ``testSubMultiTokenSpanWithoutFeatureValue2``: ``Span|value`` with ``*`` and ``*[1]``
over two sub-token rows). They were left out ("spans without a value"), the annotations lost. Our own files, in those
shapes."""

from __future__ import annotations

from pathlib import Path

from annotator.cli import main
from annotator.store import Project

NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"


def _round_trip(tmp_path: Path, lines: list[str]) -> tuple[list[tuple[str, str]], dict[str, list[str]], str, str]:
    source = tmp_path / "doc.tsv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    p, p2 = tmp_path / "p.annotator", tmp_path / "p2.annotator"
    assert main(["import", str(p), str(source)]) == 0
    with Project(p, create=False) as project:
        (d,) = project.document_ids()
        text = project.document(d).text
        spans = sorted((text[e.start : e.end], e.label) for e in project.entities(d))
    assert main(["export", str(p), "-f", "webanno", "-o", str(tmp_path / "out")]) == 0
    first = (tmp_path / "out" / "doc.tsv").read_text(encoding="utf-8")
    assert main(["import", str(p2), str(tmp_path / "out")]) == 0
    assert main(["export", str(p2), "-f", "webanno", "-o", str(tmp_path / "again")]) == 0
    second = (tmp_path / "again" / "doc.tsv").read_text(encoding="utf-8")
    rows = {
        f"{line.split(chr(9))[0]} {line.split(chr(9))[2]}": line.split("\t")[3:-1]
        for line in first.splitlines()
        if line[:1].isdigit()
    }
    return spans, rows, first, second


def test_a_named_entity_without_a_value_is_kept_and_goes_back_unset(tmp_path, capsys):
    spans, rows, first, second = _round_trip(
        tmp_path,
        [
            "#FORMAT=WebAnno TSV 3.3",
            f"#T_SP={NE}|identifier|value",
            "",
            "",
            "#Text=Obama  met Merkel",
            "1-1\t0-5\tObama\t*\t*\t",
            "1-2\t7-10\tmet\t_\t_\t",
            "1-3\t11-17\tMerkel\thttp://www.wikidata.org/entity/Q567\t*\t",
        ],
    )
    assert spans == [("Merkel", "NamedEntity"), ("Obama", "NamedEntity")]
    # NamedEntity|identifier|value: Merkel's link kept (session 38), the values unset again
    assert rows["1-1 Obama"][:2] == ["*", "*"] and rows["1-3 Merkel"][:2] == [
        "http://www.wikidata.org/entity/Q567",
        "*",
    ]
    assert second == first
    said = capsys.readouterr().err
    assert "spans without a value read as entities labelled with their layer's name (NamedEntity)" in said, said


def test_a_custom_layers_span_without_a_value_over_sub_token_rows(tmp_path):
    spans, rows, first, second = _round_trip(
        tmp_path,
        [
            "#FORMAT=WebAnno TSV 3.3",
            "#T_SP=webanno.custom.Span|value",
            "",
            "",
            "#Text=This is a test .",
            "1-1\t0-4\tThis\t_\t",
            "1-1.1\t1-4\this\t*[1]\t",
            "1-2\t5-7\tis\tClaim\t",
            "1-2.1\t5-6\ti\t*[1]\t",
            "1-3\t8-9\ta\t_\t",
            "1-4\t10-14\ttest\t_\t",
            "1-5\t15-16\t.\t_\t",
        ],
    )
    assert spans == [("his i", "Span"), ("is", "Claim")]
    assert "#T_SP=webanno.custom.Span|value" in first.splitlines()
    assert [c for c in rows["1-1.1 his"] if c != "_"] == ["*[1]"]
    assert [c for c in rows["1-2 is"] if c != "_"] == ["Claim"]
    assert second == first
