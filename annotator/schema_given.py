"""Whether a project's schema is open to its inputs: the one rule every reader's import asks (``formats.loading``).

A project that has no documents yet takes the schema an input brings (a JSON export's header, a brat folder's
annotation.conf) and the labels and event types a file uses that its schema lacks, unless its schema was given
(``annotator init --schema``, ``import --schema`` on a new project, ``api.new_project(schema=...)``): the engineer's
schema, a label removed from it on purpose, is then kept as a project with documents keeps its own, a file using
what it lacks refused naming them, with ``--map`` and ``--add-types`` to take them (session 29, s29-schema)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from annotator.db import ProjectDb

SCHEMA_GIVEN = "schema_given"  # the project value set when the user gave the project its schema: the schema's name


class Opened(Protocol):
    """What ``schema_open`` reads of an open project (``store.Project``, which imports this module)."""

    db: "ProjectDb"

    def document_ids(self) -> list[int]: ...


def mark_given(db: "ProjectDb", name: str) -> None:
    """Record, in the open transaction, that the user gave the project its schema ``name``."""
    db.set_project_value(SCHEMA_GIVEN, name)


def schema_open(project: Opened) -> bool:
    """True when an input may bring the project's schema or grow it unasked: no documents yet and no schema given."""
    return not project.document_ids() and project.db.project_value(SCHEMA_GIVEN) is None
