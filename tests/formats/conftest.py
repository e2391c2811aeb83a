"""A small annotated project for the format tests: entities (some overlapping), events with repeated
roles and a shared trigger, attributes, comments, statuses, a non-BMP character."""

from __future__ import annotations

import pytest

from project_support import new_project
from annotator import edits
from annotator.errors import ImportFileError
from annotator.formats.loading import import_format
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project
from text_support import word_span as at  # the format tests take it from here

TEXTS = {
    "kabul.txt": "Gunmen killed three soldiers near Kabul on Friday \U0001f642, officials said. "
    "The attack also injured two Afghan civilians.",
    "meeting.txt": "Angela Merkel met Emmanuel Macron in Paris on 3 May 2021.\nMerkel said Germany would pay $2 billion.",
    "rocket.txt": "The \U0001f680 rocket from Acme Corp. landed in Texas yesterday.",
    "arrest.txt": "Officials in London arrested John Smith on Tuesday. Smith was released on Friday.",
}


def ent(key: str, text: str, needle: str, label: str, nth: int = 0, state: str = "accepted") -> IncomingEntity:
    s, e = at(text, needle, nth)
    return IncomingEntity(key, s, e, label, state)


def ev(type_: str, text: str, needle: str, args: list[tuple[str, str]], nth: int = 0, **attrs: str) -> IncomingEvent:
    s, e = at(text, needle, nth)
    return IncomingEvent(type_, s, e, dict(attrs), list(args))


def sample_documents() -> list[IncomingDocument]:
    k, m, r, a = TEXTS["kabul.txt"], TEXTS["meeting.txt"], TEXTS["rocket.txt"], TEXTS["arrest.txt"]
    kabul = IncomingDocument(
        k,
        "kabul.txt",
        status="reviewed",
        meta={"source": "wire"},
        entities=[
            ent("gun", k, "Gunmen", "PERSON"),
            ent("sol", k, "three soldiers", "PERSON"),
            ent("three", k, "three", "CARDINAL"),
            ent("kab", k, "Kabul", "GPE"),
            ent("fri", k, "Friday", "DATE"),
            ent("civ", k, "two Afghan civilians", "PERSON"),
            ent("afg", k, "Afghan", "NORP"),
            ent("two", k, "two", "CARDINAL", state="suggested"),
        ],
        events=[
            ev("Life:Die", k, "killed", [("Agent", "gun"), ("Victim", "sol"), ("Place", "kab"), ("Time", "fri")]),
            ev("Conflict:Attack", k, "killed", [("Attacker", "gun"), ("Target", "sol")]),
            ev("Conflict:Attack", k, "attack", [("Target", "civ")]),
            ev("Life:Injure", k, "injured", [("Victim", "civ")], modality="Other"),
        ],
    )
    meeting = IncomingDocument(
        m,
        "meeting.txt",
        status="annotated",
        entities=[
            ent("am", m, "Angela Merkel", "PERSON"),
            ent("em", m, "Emmanuel Macron", "PERSON"),
            ent("par", m, "Paris", "GPE"),
            ent("date", m, "3 May 2021", "DATE"),
            ent("m2", m, "Merkel", "PERSON", 1),
            ent("ger", m, "Germany", "GPE"),
            ent("money", m, "$2 billion", "MONEY"),
        ],
        events=[
            ev("Contact:Meet", m, "met", [("Entity", "am"), ("Entity", "em"), ("Place", "par"), ("Time", "date")]),
            ev(
                "Transaction:Transfer-Money",
                m,
                "pay",
                [("Giver", "ger"), ("Money", "money")],
                modality="Other",
                tense="Future",
            ),
        ],
    )
    rocket = IncomingDocument(
        r,
        "rocket.txt",
        status="in_progress",
        entities=[
            ent("acme", r, "Acme Corp.", "ORG"),
            ent("tx", r, "Texas", "GPE"),
            ent("y", r, "yesterday", "DATE", state="suggested"),
        ],
    )
    arrest = IncomingDocument(
        a,
        "arrest.txt",
        status="reviewed",
        entities=[
            ent("off", a, "Officials", "PERSON"),
            ent("lon", a, "London", "GPE"),
            ent("js", a, "John Smith", "PERSON"),
            ent("tue", a, "Tuesday", "DATE"),
            ent("sm", a, "Smith", "PERSON", 1),
            ent("fr", a, "Friday", "DATE"),
        ],
        events=[
            ev(
                "Justice:Arrest-Jail",
                a,
                "arrested",
                [("Person", "js"), ("Agent", "off"), ("Place", "lon"), ("Time", "tue")],
            ),
            ev("Justice:Release-Parole", a, "released", [("Person", "sm"), ("Time", "fr")], polarity="Positive"),
        ],
    )
    return [kabul, meeting, rocket, arrest]


def fill(project) -> dict[str, int]:
    """Import the sample and make a few edits through the annotation API; returns name -> document id."""
    report = import_documents(project, sample_documents())
    ids = dict(report.imported)
    k = TEXTS["kabul.txt"]
    edits.add_comment(project, ids["kabul.txt"], "Check the casualty count \U0001f914 against the AP wire.")
    die = next(e for e in project.events(ids["kabul.txt"]) if e.type == "Life:Die")
    edits.set_event_attribute(project, die.id, "genericity", "Specific")
    edits.set_event_attribute(project, die.id, "polarity", "Positive")
    s, e = at(k, "officials")
    new = edits.add_entity(project, ids["kabul.txt"], s, e, "PERSON").result_id
    assert new
    rocket = ids["rocket.txt"]
    s, e = at(TEXTS["rocket.txt"], "rocket")
    bad = edits.add_entity(project, rocket, s, e, "PRODUCT", state="suggested").result_id
    edits.reject_entity(project, bad)
    return ids


@pytest.fixture
def busy(project):  # type: ignore[no-untyped-def]
    """The project holding one document already: a file with types it lacks is refused or grows its schema."""
    import_documents(project, [IncomingDocument(text="A text already here.", name="seed.txt")])
    return project


@pytest.fixture
def sample(project):
    """(project, {name: id}) with the sample documents and edits."""
    return project, fill(project)


def event_contents(p, doc_id: int) -> list[tuple]:  # type: ignore[no-untyped-def]
    """A document's events as what an export carries, ids left out: type, trigger, attributes and each argument's
    role with its entity's span and label (to compare a project with what its export brought back)."""
    ents = {e.id: (e.start, e.end, e.label) for e in p.entities(doc_id)}
    return sorted(
        (
            v.type,
            v.trigger_start,
            v.trigger_end,
            tuple(sorted(v.attributes.items())),
            tuple(sorted((a.role, ents[a.entity_id]) for a in v.arguments)),
        )
        for v in p.events(doc_id)
    )


def cli_export(project_path, fmt: str, out, *extra: str) -> str:  # type: ignore[no-untyped-def]
    """``annotator export PROJECT -f FMT -o OUT`` through the command line, which must succeed; what it printed."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from annotator.cli import main

    buf = io.StringIO()
    with redirect_stdout(buf), redirect_stderr(buf):
        assert main(["export", str(project_path), "-f", fmt, "-o", str(out), *extra]) == 0
    return buf.getvalue()


def cli_round_trip(tmp_path, source, fmt: str):  # type: ignore[no-untyped-def]
    """``source`` imported into a new project and exported as ``fmt``, that export imported into a second project
    and exported again, each step through the command line: (first export, second project, second export)."""
    from annotator.cli import main

    p, p2 = tmp_path / "p.annotator", tmp_path / "p2.annotator"
    suffix = source.suffix  # the export named as the source is, so the import tells its kind as it told the source's
    out, again = tmp_path / f"out{suffix}", tmp_path / f"again{suffix}"
    assert main(["import", str(p), str(source)]) == 0
    assert main(["export", str(p), "-f", fmt, "-o", str(out)]) == 0
    assert main(["import", str(p2), str(out)]) == 0
    assert main(["export", str(p2), "-f", fmt, "-o", str(again)]) == 0
    return out, p2, again


# two spaces and punctuation against a word: a text rebuilt from the tokens differs from the stored one
PLACES_TEXT = "Rebels  attacked the convoy near Mosul.\n\nTroops moved to Safwan."


def places_exported(tmp_path, fmt: str):  # type: ignore[no-untyped-def]
    """A project of one text with Mosul and Safwan marked, exported as ``fmt``, then Safwan deleted from the project
    (the file still has it): (project path, document id, export path)."""
    from annotator.cli import main

    (tmp_path / "a.txt").write_text(PLACES_TEXT, encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / "a.txt")]) == 0
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        for word in ("Mosul", "Safwan"):
            start = PLACES_TEXT.index(word)
            edits.add_entity(project, doc, start, start + len(word), "GPE")
    out = tmp_path / "out.jsonl"
    cli_export(p, fmt, out)
    with Project(p, create=False) as project:
        (safwan,) = [e for e in project.entities(doc) if PLACES_TEXT[e.start : e.end] == "Safwan"]
        edits.delete_entity(project, safwan.id)
    return p, doc, out


def places_imported_back(p, doc: int, out) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Import ``out`` into the project ``p`` of ``places_exported``: its one document's (entity text, state), sorted,
    after checking that no document was added."""
    from annotator.cli import main

    assert main(["import", str(p), str(out)]) == 0
    with Project(p, create=False) as project:
        assert project.document_ids() == [doc]
        return sorted((PLACES_TEXT[e.start : e.end], e.state) for e in project.entities(doc))


def assert_refused_whole(tmp_path, fmt: str, content: bytes, line: int, message: str) -> None:  # type: ignore[no-untyped-def]
    """``content`` imported as ``fmt`` (a file bad.jsonl) is refused naming the file, its ``line`` and ``message``,
    and nothing of it is stored."""
    (tmp_path / "bad.jsonl").write_bytes(content)
    project = new_project(tmp_path / "p.annotator", annotator="t")
    try:
        with pytest.raises(ImportFileError) as info:
            import_format(project, fmt, [tmp_path / "bad.jsonl"], grow=False)
        err = info.value
        assert err.path.endswith("bad.jsonl") and err.line == line and message in err.reason, str(err)
        assert project.document_ids() == []
    finally:
        project.close()


def negative_attack_through(tmp_path, fmt: str, name: str):  # type: ignore[no-untyped-def]
    """A news project's own event with ``polarity Negative`` set, exported as ``fmt`` to ``name`` and imported into a
    new project: (the event made, the event back)."""
    from annotator import api

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "doc.txt").write_text("Rebels attacked nobody.\n")
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [tmp_path / "in"])
    (doc,) = first.document_ids()
    event = edits.add_event(first, doc, "Conflict:Attack", 7, 15).result_id
    edits.set_event_attribute(first, event, "polarity", "Negative")
    (made,) = first.events(doc)
    api.export(first, tmp_path / name, fmt)
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [tmp_path / name], format=fmt)
    (doc,) = second.document_ids()
    (got,) = second.events(doc)
    return made, got
