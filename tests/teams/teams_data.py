"""Small annotator projects with known differences, built in code (hand-computed scores are in the tests)."""

from __future__ import annotations

from pathlib import Path

from annotator import edits
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from project_support import new_project as empty_project
from text_support import word_span as at  # noqa: F401 (the teams tests take it from here)

DOC1 = "John Smith visited Paris and Berlin with Acme Corp yesterday"  # 10 whitespace tokens
DOC2 = "Acme Corp hired Mary"  # 4 whitespace tokens
DOC3 = "Only Alice read this"


def new_project(path: Path, annotator: str, texts: list[tuple[str, str]]) -> tuple[Project, dict[str, int]]:
    """A project with documents (name, text) imported in the given order; returns it and ids by name."""
    p = empty_project(path, annotator=annotator)
    report = import_documents(p, [IncomingDocument(text=t, name=n) for n, t in texts])
    return p, dict(report.imported)


def span(p: Project, doc: int, text: str, words: str, label: str, **kw) -> int:
    s, e = at(text, words)
    return edits.add_entity(p, doc, s, e, label, **kw).result_id


def event(p: Project, doc: int, text: str, trigger: str, type_: str, args: list[tuple[str, int]] = ()) -> int:
    s, e = at(text, trigger)
    ev = edits.add_event(p, doc, type_, s, e).result_id
    for role, ent in args:
        edits.add_argument(p, ev, role, ent)
    return ev


def make_alice(path: Path) -> Path:
    """alice: doc1 4 spans + 1 undecided suggestion, 1 event with 2 arguments; doc2 2 spans, 1 event; doc3 1 span."""
    p, ids = new_project(path, "alice", [("doc1.txt", DOC1), ("doc2.txt", DOC2), ("doc3.txt", DOC3)])
    d1, d2, d3 = ids["doc1.txt"], ids["doc2.txt"], ids["doc3.txt"]
    john = span(p, d1, DOC1, "John Smith", "PERSON")
    paris = span(p, d1, DOC1, "Paris", "GPE")
    span(p, d1, DOC1, "Berlin", "GPE")
    span(p, d1, DOC1, "Acme Corp", "ORG")
    span(p, d1, DOC1, "yesterday", "TIME", state="suggested", source="spacy:en_core_web_sm")  # not a human label
    event(p, d1, DOC1, "visited", "Movement:Transport", [("Artifact", john), ("Destination", paris)])
    acme = span(p, d2, DOC2, "Acme Corp", "ORG")
    mary = span(p, d2, DOC2, "Mary", "PERSON")
    event(p, d2, DOC2, "hired", "Personnel:Start-Position", [("Person", mary), ("Entity", acme)])
    span(p, d3, DOC3, "Alice", "PERSON")
    edits.add_comment(p, d1, "is Acme Corp one name?")
    p.close()
    return path


def make_bob(path: Path) -> Path:
    """bob (documents imported in another order): doc1 5 spans + 1 rejected, 2 events; doc2 like alice."""
    p, ids = new_project(path, "bob", [("second.txt", DOC2), ("first.txt", DOC1)])
    d1, d2 = ids["first.txt"], ids["second.txt"]
    john = span(p, d1, DOC1, "John Smith", "PERSON")
    span(p, d1, DOC1, "Paris", "GPE")
    berlin = span(p, d1, DOC1, "Berlin", "GPE")
    span(p, d1, DOC1, "Acme", "ORG")
    span(p, d1, DOC1, "yesterday", "DATE")
    span(p, d1, DOC1, "Corp", "PERSON", state="rejected", source="spacy:en_core_web_sm")  # not a human label
    event(p, d1, DOC1, "visited", "Movement:Transport", [("Artifact", john), ("Destination", berlin)])
    event(p, d1, DOC1, "with", "Contact:Meet")
    acme = span(p, d2, DOC2, "Acme Corp", "ORG")
    mary = span(p, d2, DOC2, "Mary", "PERSON")
    event(p, d2, DOC2, "hired", "Personnel:Start-Position", [("Person", mary), ("Entity", acme)])
    p.close()
    return path
