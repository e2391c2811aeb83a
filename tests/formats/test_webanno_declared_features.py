"""Session 43: INCEpTION writes every feature of a layer that has annotations in the document, set or not (its test
suite's ``testMultiTokenSpanWithoutFeatureValue`` reference declares ``webanno.custom.Span|value`` over spans whose
value is ``*``; its exports declare ``NamedEntity|identifier|value`` where no entity is linked). The WebAnno TSV export
declared a layer's features from the values its spans held alone, so ``MedicalEntity|DCT|label`` with no ``DCT`` set
went back out as ``MedicalEntity|label`` and ``NamedEntity|identifier|value`` as ``NamedEntity|value``: a round trip
changed the file's header. The features a layer that gave entities declared are kept with the document
(``meta["webanno"]["layer_features"]``) and declared back, ``*`` on its spans. Our own sentences in those shapes."""

from __future__ import annotations

from pathlib import Path

from project_support import new_project
from annotator import api
from annotator.formats.loading import import_format

NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
MEDICAL = "#T_SP=webanno.custom.MedicalEntity|DCT|label"


def _row(*cells: str) -> str:
    return "\t".join([*cells, ""])


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _round_trip(tmp_path: Path, path: Path) -> list[str]:
    project = new_project(tmp_path / f"{path.stem}.annotator")
    import_format(project, "webanno", [path])
    out = tmp_path / f"{path.stem}-out"
    api.export(project, out, "webanno")
    return next(out.glob("*.tsv")).read_text(encoding="utf-8").split("\n")


def test_an_own_layer_s_feature_no_span_sets_is_declared_back(tmp_path):
    given = _write(
        tmp_path,
        "med.tsv",
        [
            "#FORMAT=WebAnno TSV 3.3",
            MEDICAL,
            "",
            "",
            "#Text=Patient has type 2 diabetes .",
            _row("1-1", "0-7", "Patient", "_", "_"),
            _row("1-2", "8-11", "has", "_", "_"),
            _row("1-3", "12-16", "type", "*[1]", "DISEASE[1]"),
            _row("1-4", "17-18", "2", "*[1]", "DISEASE[1]"),
            _row("1-5", "19-27", "diabetes", "*[1]", "DISEASE[1]"),
            _row("1-6", "28-29", ".", "_", "_"),
        ],
    )
    written = _round_trip(tmp_path, given)
    assert MEDICAL in written, written[:5]
    (row,) = [x for x in written if x.startswith("1-3\t")]
    assert "\t*[1]\tDISEASE[1]\t" in row, row
    again = _write(tmp_path, "med2.tsv", written[:-1])
    assert _round_trip(tmp_path, again) == written


def test_named_entity_s_identifier_is_declared_back_without_a_link(tmp_path):
    given = _write(
        tmp_path,
        "ne.tsv",
        [
            "#FORMAT=WebAnno TSV 3.3",
            f"#T_SP={NE}|identifier|value",
            "",
            "",
            "#Text=Ana lives in Novi Sad .",
            _row("1-1", "0-3", "Ana", "*", "PER"),
            _row("1-2", "4-9", "lives", "_", "_"),
            _row("1-3", "10-12", "in", "_", "_"),
            _row("1-4", "13-17", "Novi", "*[1]", "LOC[1]"),
            _row("1-5", "18-21", "Sad", "*[1]", "LOC[1]"),
            _row("1-6", "22-23", ".", "_", "_"),
        ],
    )
    written = _round_trip(tmp_path, given)
    assert f"#T_SP={NE}|identifier|value" in written, written[:5]
    assert [x.split("\t")[3:5] for x in written if x[:2] == "1-"] == [
        ["*", "PER"],
        ["_", "_"],
        ["_", "_"],
        ["*[1]", "LOC[1]"],
        ["*[1]", "LOC[1]"],
        ["_", "_"],
    ]


def test_the_decision_features_are_declared_back_only_with_decisions(tmp_path):
    """Our own export with ``decisions=yes`` of a document from INCEpTION: read back, its decision features are
    decisions, not features of the layer to declare again."""
    given = _write(
        tmp_path,
        "d.tsv",
        [
            "#FORMAT=WebAnno TSV 3.3",
            f"#T_SP={NE}|identifier|score|source|state|value",
            "",
            "",
            "#Text=Ana left .",
            _row("1-1", "0-3", "Ana", "*", "0.9", "model", "accepted", "PER"),
            _row("1-2", "4-8", "left", "_", "_", "_", "_", "_"),
            _row("1-3", "9-10", ".", "_", "_", "_", "_", "_"),
        ],
    )
    written = _round_trip(tmp_path, given)
    assert f"#T_SP={NE}|identifier|value" in written, written[:5]
