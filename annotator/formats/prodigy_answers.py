"""Which of Prodigy's answers to one text come in, and into which annotation set: several annotators' answers
(``feed_overlap``) each into a set named after its ``_annotator_id``, a ``review`` answer's ``versions`` each into its
sessions' sets, the reviewer's into the import's set; and which answers are binary (``ner.teach``: about one span)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.formats.reading import need
from annotator.wording import counted


BINARY_VIEWS = ("ner", "spans")  # ner.teach and spans.teach: each answer decides the one span it shows


def binary(task: dict[str, Any]) -> bool:
    """A binary answer (``_view_id`` ``ner``: ner.teach's), about the span it shows, not about the whole text."""
    return task.get("_view_id") in BINARY_VIEWS


def annotator_of(task: dict[str, Any]) -> str | None:
    return task["_annotator_id"] if isinstance(task.get("_annotator_id"), str) else None


def by_annotator(
    g: dict[str, Any], path: Path, notes: list[str]
) -> list[tuple[str | None, dict[str, Any], dict[str, Any] | None]]:
    """An input's answers as documents to store: all of them into the import's set (None) when one annotator (or
    none named) gave them; when several did (Prodigy's ``feed_overlap``), each annotator's into an annotation set
    named after their ``_annotator_id`` (answers without one into the import's set), said in a note, as a Label Studio
    task of several annotators comes in. Each: (set, the group of those answers, the sets that cover the document)."""
    reviewed = review_versions(g, path, notes)
    if reviewed:
        return reviewed
    whose = list(dict.fromkeys(a for _, t in g["tasks"] if isinstance(a := t.get("_annotator_id"), str)))
    if len(whose) < 2:
        return [(None, g, None)]
    covers = {a: {"source": f"prodigy:{path.name}"} for a in whose}
    notes.append(
        f"{path}:{g['line']}: the answers of {len(whose)} annotators ({', '.join(whose)}) to one text are kept each in "
        "an annotation set of its own; the import's set has no decision yet: compare them with annotator agree and "
        "settle them with Review > Adjudicate differences"
    )

    def of(who: str | None, key: str) -> list[tuple[int, dict[str, Any]]]:
        return [(line, t) for line, t in g.get(key, []) if annotator_of(t) == who]

    rest = {**g, "tasks": of(None, "tasks"), "rejected": of(None, "rejected")}
    parts: list[tuple[str | None, dict[str, Any], dict[str, Any] | None]] = []
    if rest["tasks"] or rest["rejected"]:
        parts.append((None, rest, covers))
    for a in whose:
        parts.append((a, {**g, "tasks": of(a, "tasks"), "rejected": of(a, "rejected")}, covers))
    return parts


def review_versions(
    g: dict[str, Any], path: Path, notes: list[str]
) -> list[tuple[str | None, dict[str, Any], dict[str, Any] | None]]:
    """Prodigy's ``review`` answers: the task is the reviewer's final version (the import's set) and its ``versions``
    are what the annotators gave, each with the ``sessions`` that gave it: each session's version goes into a set named
    after it. [] when no task of the input has versions."""
    parts: list[tuple[str | None, dict[str, Any], dict[str, Any] | None]] = []
    for line, task in g["tasks"]:
        versions = task.get("versions")
        if not isinstance(versions, list):
            continue
        for k, v in enumerate(versions):
            need(isinstance(v, dict), path, line, f"versions {k} must be an object (a task)")
            need(v.get("text", g["text"]) == g["text"], path, line, f"versions {k} has another text than its task")
            for session in dict.fromkeys(x for x in v.get("sessions") or [] if isinstance(x, str)):
                answer = {**v, "answer": "accept", "_annotator_id": session}
                parts.append((session, {**g, "tasks": [(line, answer)], "rejected": []}, None))
    if not parts:
        return []
    covers = {session: {"source": f"prodigy:{path.name}"} for session, _, _ in parts}
    notes.append(
        f"{path}:{g['line']}: a review (Prodigy's review recipe): the reviewer's version is the import's set's, "
        f"the versions of {counted(len(covers), 'session')} ({', '.join(map(str, covers))}) are kept each in an "
        "annotation set of its own"
    )
    final = {**g, "tasks": [(line, {k: v for k, v in t.items() if k != "versions"}) for line, t in g["tasks"]]}
    return [(None, final, covers)] + [(session, part, covers) for session, part, _ in parts]
