"""A news project whose events came from a file that spelt the schema's types its own way (brat's ``Attack`` for
``Conflict:Attack``, matched by ``schema_match`` and kept under ``schema_matched``) goes to Label Studio and doccano
with the file's spellings, and the export writes that record in the task's data and the doccano line. Read back into
a new project, the bare ``Attack`` (a word the rule keeps a label: ``Transport`` is more likely an entity's) came in
as an entity label of its own, the event gone and its arguments relations between entities. The reader takes the
document's own record (``SchemaNames.tell``): the event, its type and arguments are back, and the next export writes
``Attack`` again (session 24, s24-realb). Our own text and lines."""

from __future__ import annotations

import orjson
import pytest

from annotator import api

TEXT = "Rebels attacked the army base in Kabul on Monday.\n"
ANN = (
    "T1\tNORP 0 6\tRebels\n"
    "T2\tAttack 7 15\tattacked\n"
    "T3\tFAC 20 29\tarmy base\n"
    "T4\tGPE 33 38\tKabul\n"
    "T5\tDATE 42 48\tMonday\n"
    "E1\tAttack:T2 Attacker:T1 Target:T3 Place:T4\n"
)


def _events(project):  # type: ignore[no-untyped-def]
    return [
        (e["type"], TEXT[e["trigger"]["start"] : e["trigger"]["end"]], sorted(a["role"] for a in e["arguments"]))
        for r in api.records(project)
        for e in r["events"]
    ]


@pytest.mark.parametrize("fmt, name", [("label_studio", "out.json"), ("doccano", "out.jsonl")])
def test_an_event_type_spelt_as_its_file_did_comes_back_an_event(tmp_path, fmt, name):
    src = tmp_path / "b"
    src.mkdir()
    (src / "a.txt").write_text(TEXT)
    (src / "a.ann").write_text(ANN)
    project = api.new_project(tmp_path / "n.annotator")
    api.import_files(project, [src], format="brat")
    want = [("Conflict:Attack", "attacked", ["Attacker", "Place", "Target"])]
    assert _events(project) == want
    api.export(project, tmp_path / name, fmt)
    assert '"Attack"' in (tmp_path / name).read_text()  # written as the brat file spelt it

    back = api.new_project(tmp_path / "r.annotator")
    report = api.import_files(back, [tmp_path / name], format=fmt)
    assert _events(back) == want
    (rec,) = api.records(back)
    assert sorted(e["label"] for e in rec["entities"]) == ["DATE", "FAC", "GPE", "NORP"]
    assert "Attack" not in back.schema.label_names
    assert any("Attack -> Conflict:Attack (1)" in n for n in report.notes), report.notes

    api.export(back, tmp_path / f"again_{name}", fmt)  # and out again as the file spelt it
    again = (tmp_path / f"again_{name}").read_text()
    line = orjson.loads(again.strip().strip("[]").strip())
    if fmt == "doccano":
        labels = [e["label"] for e in line["entities"]]
    else:
        labels = [x for r in line["annotations"][0]["result"] for x in r.get("value", {}).get("labels", [])]
    assert "Attack" in labels and "Conflict:Attack" not in labels
    assert line.get("data", line)["schema_matched"] == {"labels": {"Conflict:Attack": "Attack"}}
