"""A brat event whose trigger's T line has another type than the event (``E1 PPI:T3`` on ``T3 Trigger``: the shape
of bioc's brat tests, ``bioc/brat`` in bionlplab/bioc, and of corpora whose triggers share one generic type) refused
the folder naming the line ("type 'Trigger' is not in the schema"). The T line is read as the event's trigger, the
event's type its E line's, said in one line; the brat export writes the trigger back with its own type (session 24). Our own text
and lines, in that shape."""

from __future__ import annotations

import orjson

from annotator import api
from annotator.formats.brat_read import read_brat

TEXT = "There is no PPI relation between protein 1 and protein 2. Kinase X binds Y."
ANN = (
    "T1\tProtein 33 42\tprotein 1\n"
    "T2\tProtein 47 56\tprotein 2\n"
    "T3\tTrigger 12 15\tPPI\n"
    "E1\tPPI:T3 Arg1:T1 Arg2:T2\n"
    "A1\tNegation E1\n"
    "T4\tProtein 58 66\tKinase X\n"
    "T5\tProtein 73 74\tY\n"
    "T6\tTrigger 67 72\tbinds\n"
    "E2\tBinding:T6 Theme:T4 Theme2:T5\n"
)


def _folder(tmp_path):  # type: ignore[no-untyped-def]
    src = tmp_path / "bioc"
    src.mkdir()
    (src / "doc.txt").write_text(TEXT)
    (src / "doc.ann").write_text(ANN)
    return src


def test_a_trigger_of_a_generic_type_is_its_events_trigger(tmp_path):
    result = read_brat(_folder(tmp_path))
    (doc,) = result.documents
    assert [(e.type, TEXT[e.trigger_start : e.trigger_end]) for e in doc.events] == [
        ("PPI", "PPI"),
        ("Binding", "binds"),
    ]
    assert doc.events[0].attributes["Negation"] == "true"
    assert sorted(TEXT[e.start : e.end] for e in doc.entities) == ["Kinase X", "Y", "protein 1", "protein 2"]
    assert result.schema is not None and "Trigger" not in result.schema.label_names
    assert any("2 trigger(s) of type 'Trigger' read as the triggers of their events" in n for n in result.notes)


def test_a_generic_trigger_goes_out_with_its_own_type(tmp_path):
    """The brat export wrote such a trigger with its event's type (``T3  PPI 12 15``), brat's usual form, not the
    file's: it writes the type the T line had (``T3  Trigger 12 15``), kept in brat's meta for the event's type and
    span; the export and the JSON export read back with the same events."""
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [_folder(tmp_path)])
    api.export(project, tmp_path / "out", "brat")
    written = (tmp_path / "out" / "doc.ann").read_text()
    lines = dict(x.split("\t", 1) for x in written.splitlines())
    ppi, binds = [k for k, v in lines.items() if v in ("Trigger 12 15\tPPI", "Trigger 67 72\tbinds")]
    assert lines["E1"].startswith(f"PPI:{ppi} ") and lines["E2"].startswith(f"Binding:{binds} "), written
    assert "Trigger" not in (tmp_path / "out" / "annotation.conf").read_text()  # no entity type of its own
    api.export(project, tmp_path / "p.json", "json")
    back = api.new_project(tmp_path / "b.annotator")
    api.import_files(back, [tmp_path / "out"])
    again = api.new_project(tmp_path / "c.annotator")
    api.import_files(again, [tmp_path / "p.json"])
    for p in (project, back, again):
        (doc,) = p.document_ids()
        got = sorted((v.type, v.trigger_start, v.trigger_end, len(v.arguments)) for v in p.events(doc))
        assert got == [("Binding", 67, 72, 2), ("PPI", 12, 15, 2)], p
    assert orjson.loads((tmp_path / "p.json").read_bytes())
    for p in (project, back, again):
        p.close()


def test_numbered_roles_of_their_own_go_back_as_written(tmp_path):
    """bioc's ``E1  PPI:T3 Arg1:T1 Arg2:T2`` without an annotation.conf: the told schema took ``Arg1`` for a first
    ``Arg`` (brat's ``Theme2`` is a second ``Theme``), so the brat export wrote ``Arg:T1 Arg2:T2``. A numbered role is a
    repeat only where the files write its bare role for that type (``Theme2`` beside ``Theme``); ``Arg1`` and ``Arg2``
    are roles of their own and go back as written; ``Theme2`` beside ``Theme`` still a second ``Theme``."""
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [_folder(tmp_path)])
    (doc,) = project.document_ids()
    roles = sorted((v.type, sorted(a.role for a in v.arguments)) for v in project.events(doc))
    assert roles == [("Binding", ["Theme", "Theme"]), ("PPI", ["Arg1", "Arg2"])]
    api.export(project, tmp_path / "out", "brat")
    lines = dict(x.split("\t", 1) for x in (tmp_path / "out" / "doc.ann").read_text().splitlines())
    assert lines["E1"].split()[1:] == [f"Arg1:{lines['E1'].split()[1][5:]}", f"Arg2:{lines['E1'].split()[2][5:]}"]
    assert [p.split(":")[0] for p in lines["E2"].split()[1:]] == ["Theme", "Theme2"]
