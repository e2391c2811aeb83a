"""Small helpers shared by the core tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator import edits, kept_journal
from annotator.kept_journal import KeptJournal
from annotator.store import Project
from annotator.fileid import sqlite_uri
from text_support import argument_words

TABLES = ("documents", "entities", "events", "arguments", "comments", "tokens")


def dump(project: Project, tables: tuple[str, ...] = TABLES) -> dict[str, list[tuple]]:
    """Every row of the annotation tables, in id order: a full picture to compare before and after."""
    conn = project.db.conn
    out = {}
    for t in tables:
        key = "document_id" if t == "tokens" else "id"
        out[t] = conn.execute(f"SELECT * FROM [{t}] ORDER BY {key}").fetchall()
    return out


def add_document(project: Project, text: str, name: str = "doc.txt", status: str = "new") -> int:
    """Insert one document directly (no import machinery) and return its id."""
    from annotator.importing import IncomingDocument, import_documents

    report = import_documents(project, [IncomingDocument(text=text, name=name, status=status)])
    assert report.imported, report.duplicates
    return report.imported[0][1]


def two_documents(folder: Path) -> Path:
    """A folder ``corpus`` in ``folder`` with two short news texts, a.txt and b.txt."""
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Police arrested two men in Paris.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Merkel met Macron.\n", encoding="utf-8")
    return corpus


def one_document_project(folder: Path) -> Path:
    """``folder``/p.annotator with one document, a.txt ("Maria Lopez met officials in Paris.")."""
    from annotator.importing import IncomingDocument, import_documents

    path = folder / "p.annotator"
    with Project(path, annotator="t") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
    return path


def hold_lock(path: Path, comment: str | None = None) -> sqlite3.Connection:
    """Another program in the middle of a write (as an import's transaction is): a connection of its own holding the
    write lock, having written a comment ``comment`` (by 'other') when one is given; the caller ends it."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    if comment is not None:
        other.execute(
            "INSERT INTO comments (document_id, author, text, created_at) VALUES (1, 'other', ?, 't')", (comment,)
        )
    return other


def stored_comments(path: Path) -> list[tuple[str, str]]:
    """(author, text) of every comment in the file, in order, read by a connection of its own (read-only)."""
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return conn.execute("SELECT author, text FROM comments ORDER BY id").fetchall()
    finally:
        conn.close()


def event_with_roles(project: Project, doc: int, text: str, trigger: str, roles: dict[str, tuple[str, str]]) -> int:
    """A Contact:Meet on the words ``trigger`` of ``text`` with each role filled by a new entity ((words, label))."""
    from annotator import edits
    from text_support import word_span

    ev = edits.add_event(project, doc, "Contact:Meet", *word_span(text, trigger)).result_id
    for role, (words, label) in roles.items():
        ent = edits.add_entity(project, doc, *word_span(text, words), label).result_id
        edits.add_argument(project, ev, role, ent)
    return ev


def role_words(project: Project, text: str, ev: int) -> list[tuple[str, str]]:
    """(role, words) of every argument of event ``ev``, sorted."""
    return sorted(argument_words(text, project.event(ev).arguments, project.entity))


def two_suggested_documents(project: Project) -> str:
    """The project file's path, after importing two documents, each with two entity suggestions (one scored) and an event suggestion."""
    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents

    path, docs = str(project.path), []
    with project as p:
        for k in range(2):
            doc = IncomingDocument(f"Rebels attacked Homs {k}.", f"d{k}.txt")
            doc.entities += [
                IncomingEntity("e1", 0, 6, "NORP", state="suggested"),
                IncomingEntity("e2", 16, 20, "GPE", state="suggested", score=0.9),
            ]
            doc.events.append(
                IncomingEvent("Conflict:Attack", 7, 15, arguments=[("Attacker", "e1")], state="suggested")
            )
            docs.append(doc)
        import_documents(p, docs)
    return path


def journal_left_by_a_killed_program(project: Project, texts: list[str]) -> KeptJournal:
    """What a program killed with these comments kept leaves: its journal (one comment on document 1 a text), still
    open (``close()``: the kill's end, the journal no longer locked)."""
    journal = KeptJournal.start(project)
    for text in texts:
        journal.append(kept_journal.record(project, edits.add_comment, (1, text), {}))
    return journal
