"""A project whose ``Contact:Meet`` came from a Prodigy file as ``Meet`` exported to brat WITH its annotation.conf (which
declares ``Meet``, the file's spelling, under a first line naming the project's schema, ``news``) and to WebAnno TSV,
each read into a new project: brat's conf was adopted as it was (``Meet`` alone, no ``Contact:Meet``: the news schema
with one type renamed) and WebAnno's layers grew the news schema by ``Meet`` beside ``Contact:Meet``, while a project
holding documents matched both. Now both go through ``schema_match``'s rule in a new project too (``ReadResult.told``):
a conf our export wrote from the schema the project has (its first line names it), and the schema WebAnno's layers
tell. Another tool's conf is still adopted as it is (its own world), and so is our conf of another schema. The
files are our own."""

from __future__ import annotations

import pytest

from annotator import api
from tests.formats.test_told_meet_everywhere import WANT, exported, kinds  # noqa: F401 (exported: the fixture)


@pytest.mark.parametrize("fmt", ["brat", "webanno"])
def test_the_export_with_its_schema_read_into_a_new_project_keeps_one_type(exported, busy, tmp_path, fmt):  # noqa: F811
    src = exported(fmt)
    project = api.new_project(tmp_path / "again.annotator")
    report = api.import_files(project, [src], format=fmt)
    assert kinds(project) == WANT
    assert project.schema.event_type("Meet") is None
    assert project.schema.event_type("Contact:Meet") is not None
    assert any("Meet -> Contact:Meet" in n for n in report.notes), report.notes
    assert not any("lacks event type Meet" in n for n in report.notes), report.notes  # WebAnno's grown schema said it
    api.import_files(busy, [src], format=fmt, add_types=True)  # its Negation: the project's schema lacks it
    assert kinds(busy) == WANT
    again = tmp_path / f"again_{fmt}"
    api.export(project, again, fmt)  # the file's spelling written back
    written = "".join(p.read_text(encoding="utf-8") for p in sorted(again.rglob("*")) if p.suffix in (".ann", ".tsv"))
    assert "Meet" in written and "Contact" not in written, written


def test_another_schemas_conf_is_adopted_as_it_is(exported, tmp_path):  # noqa: F811
    """Our conf written from a schema of another name (a project that adopted a brat corpus's conf) is that corpus's
    world: a new project adopts it, ``Meet`` and all, as before."""
    src = exported("brat")
    conf = src / "annotation.conf"
    conf.write_text(conf.read_text(encoding="utf-8").replace("schema 'news'", "schema 'meetings'", 1), "utf-8")
    project = api.new_project(tmp_path / "again.annotator")
    api.import_files(project, [src], format="brat")
    assert project.schema.name == "meetings"
    assert [t for t, _ in kinds(project)] == ["Meet"]


def test_an_import_told_from_the_content_says_what_the_told_schema_added(tmp_path, capsys):
    """Without --format (the reader told from the file) the summary said "the project now uses the schema 'news' from
    the input" where --format prodigy said what was added: the report of each file's import left out ``types_told``."""
    from annotator.cli import main
    from tests.formats.test_prodigy_event_types import write

    src = write(tmp_path)
    assert main(["import", str(tmp_path / "p.annotator"), str(src)]) == 0
    got = capsys.readouterr()
    err = got.out + got.err
    assert "added to the project's schema (told from the file's annotations): attribute Negation" in err, err
    assert "now uses the schema" not in err
