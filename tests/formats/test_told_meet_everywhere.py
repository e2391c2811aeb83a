"""A project whose ``Contact:Meet`` came from a Prodigy file as ``Meet`` (the file's spelling, written back by every
export) exported to the formats whose schema is told from the file alone (DyGIE++, OneIE, OmniEvent) and read into a new
project: each kept ``Meet`` as a type of its own beside the news schema's ``Contact:Meet`` (the told schema
adopted) while a project holding documents matched it; the round trip made two types of one. Now the readers go through ``schema_match``'s rule in a new project too (``ReadResult.told``),
and the summary says what was matched."""

from __future__ import annotations

import pytest

from annotator import api
from annotator.errors import SchemaLacksError
from tests.formats.test_prodigy_event_types import write

FORMATS = ["dygiepp", "oneie", "wikievents", "omnievent"]


def kinds(project) -> list[tuple[str, list[tuple[str, str]]]]:  # type: ignore[no-untyped-def]
    out = []
    for doc in project.document_ids():
        text = project.document(doc).text
        ents = {e.id: (text[e.start : e.end], e.label) for e in project.entities(doc)}
        for v in project.events(doc):
            out.append((v.type, sorted((a.role, ents[a.entity_id][1]) for a in v.arguments)))
    return out


WANT = [("Contact:Meet", [("Entity", "PERSON"), ("Place", "GPE")])]


@pytest.fixture
def exported(tmp_path):  # type: ignore[no-untyped-def]
    project = api.new_project(tmp_path / "from_prodigy.annotator")
    api.import_files(project, [write(tmp_path)], format="prodigy")
    assert kinds(project) == WANT

    def out(fmt: str):  # type: ignore[no-untyped-def]
        path = tmp_path / f"out_{fmt}"
        path = path if fmt in ("brat", "webanno") else path.with_suffix(".jsonl")
        api.export(project, path, fmt)
        return path

    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_its_export_read_into_a_new_project_keeps_one_type_as_a_project_holding_documents(
    exported, busy, tmp_path, fmt
):
    src = exported(fmt)
    project = api.new_project(tmp_path / "again.annotator")
    report = api.import_files(project, [src], format=fmt)
    assert kinds(project) == WANT
    assert project.schema.event_type("Meet") is None
    assert any("Meet -> Contact:Meet" in n for n in report.notes)
    assert not any("no match" in n and "Meet" in n for n in report.notes)  # said before it was matched
    api.import_files(busy, [src], format=fmt)
    assert kinds(busy) == WANT


def test_a_brat_folder_without_its_conf_tells_meet_and_a_new_project_matches_it(exported, busy, tmp_path):
    """Without ``annotation.conf`` the types are told from the ``.ann`` files, as DyGIE++'s from its lines: the same
    rule in a new project as in one holding documents."""
    src = exported("brat")
    (src / "annotation.conf").unlink()
    (src / "visual.conf").unlink(missing_ok=True)
    project = api.new_project(tmp_path / "again.annotator")
    report = api.import_files(project, [src], format="brat")
    assert kinds(project) == WANT
    assert project.schema.event_type("Meet") is None
    assert any("Meet -> Contact:Meet" in n for n in report.notes)
    with pytest.raises(SchemaLacksError, match=r"told from the \.ann files.*no attribute Negation.*--add-types"):
        api.import_files(busy, [src], format="brat")  # said as what it is, not as a conf's types
    api.import_files(busy, [src], format="brat", add_types=True)
    assert kinds(busy) == WANT
