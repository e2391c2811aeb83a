"""The project's own error types: every user-facing failure is one of these, with a clear message."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any


class AnnotatorError(Exception):
    """A problem the user can act on; its message is shown as it is."""


class ProjectFileError(AnnotatorError):
    """The project file cannot be opened as an annotator project."""


class NoProjectFileError(ProjectFileError):
    """No file where the project was named (a typo, another folder): the command line adds how one is made."""


class UpgradeFailedError(ProjectFileError):
    """A migration of the file's format failed and the file was left as it was: "PATH: WHY" (``path`` None: a file
    of no name, an upgraded copy's, said "project"). ``why`` alone is what a caller that names the file itself says."""

    def __init__(self, path: object, why: str) -> None:
        self.path, self.why = path, why
        super().__init__(f"{path or 'project'}: {why}")


RESTORE_FROM_BACKUP = "restore it from a backup copy"


class DamagedProjectError(ProjectFileError):
    """The project file is damaged (bytes over its pages, its header or a stored text), said in one wording by the
    command line and the app alike: "PATH: the project file is damaged (WHY); CHANGED; ADVICE". ``why``: what SQLite
    or the open's checks found; ``changed``: what became of the file ("it was not changed"), left out where nothing
    is known of it; ``advice``: what to do (a backup copy by default); ``what``: the damaged thing, the project file
    unless it is the file with its write-ahead log."""

    def __init__(
        self,
        path: object,
        why: str,
        changed: str = "",
        advice: str = RESTORE_FROM_BACKUP,
        what: str = "the project file",
    ) -> None:
        self.path, self.why, self.changed = path, why, changed
        super().__init__("; ".join(part for part in (f"{path}: {what} is damaged ({why})", changed, advice) if part))


class DamagedTextError(DamagedProjectError):
    """A text stored in the project whose bytes are not UTF-8: bytes written over it on disk. The file's structure is
    whole, so the open's quick_check does not see it; reading the text does (SQLite: 'Could not decode to UTF-8
    column ...', or the export's own decoding)."""

    EXIT_STATUS = 3  # how an export's second process that met such a text ends (``second_process_failed``)

    def __init__(self, path: object) -> None:
        super().__init__(path, "a stored text is not valid UTF-8")

    @staticmethod
    def is_one(exc: BaseException) -> bool:
        """``exc`` is SQLite's report of such a text (an ``sqlite3.OperationalError``)."""
        return type(exc).__name__ == "OperationalError" and str(exc).startswith("Could not decode to UTF-8")

    @staticmethod
    @contextmanager
    def raised_for(path: object) -> Iterator[None]:
        """Around a read of stored texts: SQLite's report of a damaged one (``is_one``, the one place its words are
        read) comes out as a DamagedTextError naming the project file ``path``."""
        try:
            yield
        except Exception as exc:
            if DamagedTextError.is_one(exc):
                raise DamagedTextError(path) from None
            raise


def second_process_failed(why: str, status: int | None, project_path: object) -> AnnotatorError:
    """The error of an export whose second process ended with exit ``status`` and ``why`` (the last line it wrote to
    stderr): a text it found damaged (``DamagedTextError.EXIT_STATUS``) is said as this process says it."""
    if status == DamagedTextError.EXIT_STATUS:
        return DamagedTextError(project_path)
    return AnnotatorError(f"the export's second process failed: {why}")


class OptionError(AnnotatorError):
    """A format's option (``--option KEY=VALUE``) it does not take, or a value of the wrong form: on the command line
    a usage error (exit 2, as an unknown ``--format`` is), nothing read or written."""


class SchemaError(AnnotatorError):
    """A schema file is malformed or inconsistent."""


class ValidationError(AnnotatorError):
    """An edit breaks a rule (offsets, labels, roles); ``breaches``: the schema rules it breaks
    (``rules.Breach``, each with its kind), when those are why (``edit_checks.refuse_breach``)."""

    def __init__(self, *args: object, breaches: Sequence[Any] = ()) -> None:
        super().__init__(*args)
        self.breaches = tuple(breaches)


class CategoryInUse(ValidationError):
    """A category to take off the project's list that documents carry (``edits.remove_category``): nothing removed."""

    def __init__(self, name: str, documents: list[str]) -> None:
        self.name, self.documents = name, documents
        n = len(documents)
        named = ", ".join(documents[:5]) + (", ..." if n > 5 else "")
        super().__init__(
            f"category {name!r} is on {n} document{'' if n == 1 else 's'} ({named}): nothing was removed; "
            "it can be taken off them too in the same step"
        )


class ImportFileError(AnnotatorError):
    """An input file cannot be imported; names the file and, where known, the line."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        from annotator.textcheck import printable

        self.path = path = printable(path)  # a file name that is not UTF-8, printable
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class LegacyEncodingError(ImportFileError):
    """A text file that is not UTF-8 but reads as ``encoding`` (``cp1252``: an older corpus's Windows-1252 / Latin-1),
    ``word`` its first word that is not UTF-8 as it reads so: the app offers to import it so, as the command line's
    ``--encoding`` (session 29: File > Import files… and a file dropped refused it with no way to read it)."""

    def __init__(self, path: str, reason: str, line: int | None, encoding: str, word: str) -> None:
        super().__init__(path, reason, line)
        self.encoding, self.word = encoding, word


class UnknownTypeError(ImportFileError):
    """A brat annotation whose type the schema lacks (``type_name``, as the .ann file writes it), so that the reader
    can say what the folder's annotation.conf lacks."""

    def __init__(self, path: str, reason: str, line: int | None, type_name: str) -> None:
        super().__init__(path, reason, line)
        self.type_name = type_name


class SchemaLacksError(ImportFileError):
    """A file whose own schema (brat's annotation.conf) has names its documents use that the project's schema, in a
    project that holds documents, neither has nor matches (``lacks``: "label Report", "event type Report", "role
    Attack:Weapon", "attribute Negation"), so that the app can offer to add them (``formats.schema_choices``)."""

    def __init__(self, path: str, reason: str, lacks: list[str]) -> None:
        super().__init__(path, reason)
        self.lacks = list(lacks)


class UnknownLabelsError(ImportFileError):
    """Labels an input gives that the project's schema lacks, counted (``labels``: label -> spans), so that one
    refusal can name every such label of a file (``formats.reading.LabelTally``)."""

    def __init__(self, path: str, labels: dict[str, int], schema_name: str, line: int | None = None) -> None:
        self.labels = dict(labels)
        self.schema_name = schema_name
        named = ", ".join(f"{label} ({n})" for label, n in self.labels.items())
        super().__init__(
            path,
            f"labels not in the project's schema {schema_name!r}: {named}; give the project a schema that has them "
            "(a new project: annotator import PROJECT FILE --schema SCHEMA.toml), or import it again with --add-types "
            f"(the project's schema takes them) or --map {next(iter(self.labels), 'NAME')}=LABEL (LABEL one the "
            "project has)",
            line,
        )


class PipelineError(AnnotatorError):
    """A spaCy pipeline cannot be loaded or run."""


class ExportTargetError(AnnotatorError):
    """An export was aimed at a project file (or its -wal/-shm): refused, nothing written."""


class ProjectMovedError(ProjectFileError):
    """The file at the project's path is no longer the file that was opened (renamed, moved, replaced or
    hard-linked while open): editing stops; ``new_path`` is where the file was found, if it was (what to reopen);
    ``file_now`` where the very file opened is now, under any name (renamed, moved to another folder, or given a
    second name): edits kept for it still belong to it. None when it was replaced, overwritten or deleted.
    ``deleted``: the file has no name left anywhere; what is open is the only copy (nothing to reopen); ``replaced``:
    so because another file was put at its name (renamed over it: session 39, said "everything saved before is in the
    file" of a file nobody could open any more)."""

    def __init__(
        self,
        message: str,
        new_path: str | None = None,
        file_now: str | None = None,
        deleted: bool = False,
        replaced: bool = False,
    ) -> None:
        super().__init__(message)
        self.new_path = new_path
        self.file_now = file_now
        self.deleted = deleted
        self.replaced = replaced


class SaveError(AnnotatorError):
    """A change did not reach the file (disk full, file locked by another program, read-only, damaged file);
    nothing was changed. The app shows these in a dialog: the person's work is not saved."""


class DamagedOnSaveError(DamagedProjectError, SaveError):
    """A change met a damaged project file (SQLite's plain DatabaseError at the write): nothing was changed; a
    SaveError (the app's dialog, the write queue's keeping) worded as every damaged file is."""

    def __init__(self, path: object, why: str) -> None:
        super().__init__(path, why, changed="nothing was changed")


class ModelKeptAsideError(SaveError):
    """A trained model whose project file went away under its run (deleted, or moved where it could not be saved) was
    kept in a folder of its own, ``kept``; ``project_now`` is where the project was found, if it was. The app offers to
    attach it (``learn.kept_models.attach``), as ``annotator models P --attach FOLDER`` does."""

    def __init__(self, message: str, kept: str, project_now: str | None = None) -> None:
        super().__init__(message)
        self.kept = kept
        self.project_now = project_now


class BusyError(SaveError):
    """Another program held the project's write lock for longer than this write would wait; nothing was changed,
    and the same write can be made once it is done (``annotator.write_queue`` keeps the app's edits until then)."""


class StaleChangeError(AnnotatorError):
    """An edit was aimed at a row that was changed or deleted elsewhere since the view showed it."""


class DeletedElsewhereError(StaleChangeError):
    """The row an edit was aimed at (``what``: "the PERSON span [0, 11)", "the event 12") was deleted by another
    window or process since the view showed it: nothing was changed. One wording for the edits that check it."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(f"{what} was deleted elsewhere (another window or process); nothing was changed")


class TrainingCancelled(AnnotatorError):
    """The user cancelled a training run; no model was put in use."""

    def __init__(self, message: str = "training cancelled; the project and its models are as they were") -> None:
        super().__init__(message)


class TrainingRunning(AnnotatorError):
    """Another training of the same project is running (its model folder there, its process alive): a second one
    would train the same documents again beside it at half speed, for a version of the same."""


class ModelVersionError(AnnotatorError):
    """A trained model version that does not exist, was left behind when the project was copied, or is unreadable."""


class NotEnoughData(AnnotatorError):
    """Too few finished documents to train on and hold some out."""


class SetHeldElsewhere(AnnotatorError):
    """A merge refused before writing anything: set ``set_name`` already holds documents of ``source`` merged from
    ``other`` (another file, or an earlier source of the same merge), and neither "combine" nor "replace" was chosen
    (or "combine" could not tell which file worked on them). The command line's message names its options; the app
    words the same choice as its Merge dialog offers it."""

    def __init__(self, message: str, source: str, set_name: str, other: str, documents: Sequence[str]) -> None:
        super().__init__(message)
        self.source, self.set_name, self.other, self.documents = source, set_name, other, list(documents)


class WentInAsAnotherSet(AnnotatorError):
    """A merge refused before writing anything: ``source`` (the same file by its history) went in as set ``earlier_set``
    at an earlier merge, from ``earlier_path``, and would now be merged as ``set_name`` too (its work counted twice).
    The command line's message names --as and ``annotator sets --rename``; the app words the same as its Merge
    dialog's set names and Project > Annotation sets… (session 37)."""

    def __init__(
        self, message: str, source: str, set_name: str, earlier_set: str, earlier_path: str, documents: Sequence[str]
    ) -> None:
        super().__init__(message)
        self.source, self.set_name, self.earlier_set = source, set_name, earlier_set
        self.earlier_path, self.documents = earlier_path, list(documents)
