"""An event attribute the annotation.conf offers on some event types (``Negative  Arg:Correlate|Feedback``, as
OC-NTNU's ocwp1 pilot annotations' conf has it) is offered on those again by the exported annotation.conf, and on the
types of the events the documents have it on beyond them: the export wrote ``Arg:<EVENT>`` for every event attribute,
so brat offered ``Negative`` on every event type. Our own conf and document, in that conf's shape."""

from __future__ import annotations

from annotator.cli import main

CONF = """[entities]
Variable

[relations]

[events]
Change\tTheme:Variable
\tIncrease\tTheme:Variable
Correlate\tTheme:Variable|Change|Increase, Co-theme:Variable|Change|Increase
Feedback\tTheme:Variable, Co-theme:Variable

[attributes]
Negated\tArg:<EVENT>
Negative\tArg:Correlate|Feedback
Degree\tArg:Change|Increase, Value:Low|High
"""
TEXT = "Rising CO2 levels related to growth."
ANN = """T1\tIncrease 0 6\tRising
T2\tVariable 7 17\tCO2 levels
T3\tCorrelate 18 25\trelated
T4\tVariable 29 35\tgrowth
E1\tIncrease:T1 Theme:T2
E2\tCorrelate:T3 Theme:T4 Co-theme:E1
A1\tNegative E2
A2\tNegative E1
A3\tNegated E2
"""


def _conf_line(conf: str, name: str) -> str:
    return next(line for line in conf.split("\n") if line.split("\t")[0] == name)


def test_event_attributes_keep_the_types_their_conf_offered_them_on(tmp_path):
    src = tmp_path / "brat"
    src.mkdir()
    (src / "annotation.conf").write_text(CONF, encoding="utf-8")
    (src / "doc.txt").write_text(TEXT, encoding="utf-8")
    (src / "doc.ann").write_text(ANN, encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(src)]) == 0
    assert main(["export", str(tmp_path / "p.annotator"), "-f", "brat", "-o", str(tmp_path / "out")]) == 0
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8")
    # the conf's types, then Increase: a document has Negative on an Increase event (A2), which brat would refuse
    assert _conf_line(conf, "Negative") == "Negative\tArg:Correlate|Feedback|Increase"
    assert _conf_line(conf, "Negated") == "Negated\tArg:<EVENT>"
    assert _conf_line(conf, "Degree").startswith("Degree\tArg:Change|Increase, Value:")
    ann = (tmp_path / "out" / "doc.ann").read_text(encoding="utf-8")
    assert sorted(line.split("\t")[1] for line in ann.split("\n") if line.startswith("A")) == [
        "Negated E2",
        "Negative E1",
        "Negative E2",
    ]
