"""Session 28: the values of a span layer's features other than its label's were said as not kept and lost: E3C's
``webanno.custom.TIMEX3`` is labelled by ``timex3Class`` (``DATE``), its ``value`` (TimeML's normalised date,
``2020-01-01``) gone through any export; GUM's ``Referent`` lost ``infstat`` and ``identity``. They are kept with the
span (``meta["webanno"]["span_features"]``): the WebAnno TSV export writes them back on the layer, in the order
INCEpTION writes a layer's features (by name), and the brat export as attributes of the entity (``A1  value T1
2020-01-01``; a value with spaces, which a brat attribute cannot hold, left out and said). Our own sentence in E3C's
shape."""

from __future__ import annotations

from pathlib import Path

from project_support import new_project
from annotator import api
from annotator.formats.loading import import_format

TIMEX = "#T_SP=webanno.custom.TIMEX3|timex3Class|value"


def _lines(value: str = "2020-01-01") -> list[str]:
    def row(*cells: str) -> str:
        return "\t".join([*cells, ""])

    return [
        "#FORMAT=WebAnno TSV 3.3",
        TIMEX,
        "",
        "",
        "#Text=She came home yesterday and left on Monday .",
        row("1-1", "0-3", "She", "_", "_"),
        row("1-2", "4-8", "came", "_", "_"),
        row("1-3", "9-13", "home", "_", "_"),
        row("1-4", "14-23", "yesterday", "DATE", value),
        row("1-5", "24-27", "and", "_", "_"),
        row("1-6", "28-32", "left", "_", "_"),
        row("1-7", "33-35", "on", "_", "_"),
        row("1-8", "36-42", "Monday", "DATE", "*"),
        row("1-9", "43-44", ".", "_", "_"),
    ]


def _imported(tmp_path: Path, lines: list[str]):  # type: ignore[no-untyped-def]
    path = tmp_path / "e3c.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = new_project(tmp_path / "p.annotator")
    report = import_format(project, "webanno", [path])
    return project, report


def test_e3c_s_timex3_value_is_kept_and_written_back(tmp_path):
    project, report = _imported(tmp_path, _lines())
    assert not any("value=2020-01-01" in w for w in report.warnings), report.warnings
    out = tmp_path / "out"
    api.export(project, out, "webanno")
    written = next(out.glob("*.tsv")).read_text(encoding="utf-8").split("\n")
    assert TIMEX in written
    assert any(x.startswith("1-4\t14-23\tyesterday\t_\tDATE\t2020-01-01\t") for x in written), written
    assert any(x.startswith("1-8\t36-42\tMonday\t_\tDATE\t*\t") for x in written), written  # unset, as it came
    again = new_project(tmp_path / "again.annotator")
    import_format(again, "webanno", sorted(out.glob("*.tsv")))
    api.export(again, tmp_path / "out2", "webanno")
    assert next((tmp_path / "out2").glob("*.tsv")).read_text(encoding="utf-8").split("\n") == written


def test_the_value_goes_to_brat_as_the_entity_s_attribute(tmp_path):
    project, _ = _imported(tmp_path, _lines())
    report = api.export(project, tmp_path / "brat", "brat")
    assert not report.problems, report.problems
    ann = (tmp_path / "brat" / "e3c.ann").read_text(encoding="utf-8").splitlines()
    (yesterday,) = [x.split("\t")[0] for x in ann if x.endswith("\tyesterday")]
    assert f"value {yesterday} 2020-01-01" in [x.split("\t")[1] for x in ann if x.startswith("A")], ann


def test_a_value_with_spaces_is_said_left_out_of_brat(tmp_path):
    project, _ = _imported(tmp_path, _lines("the day before"))
    report = api.export(project, tmp_path / "brat", "brat")
    assert any("WebAnno TSV span features left out" in p[0] for p in report.problems), report.problems
    ann = (tmp_path / "brat" / "e3c.ann").read_text(encoding="utf-8")
    assert "\nA" not in ann, ann
