"""Why a project is open read-only, as a typed value: what the open found (``Kind``), its words, and the one line of
advice that reason calls for. The app's banner, the command line's refusal and the kept edits' notes ask the kind,
never the words: the banner of a folder that could not be written said "make the file writable", the file being
writable already."""

from __future__ import annotations

import dataclasses
import enum


class Kind(enum.Enum):
    """What keeps a project from being written where it is."""

    ASKED = "asked"  # opened read-only on purpose (a merge's source, an export, ``api.open_project(write=False)``)
    READ_ONLY_FILE_SYSTEM = "read-only file system"
    FILE_NOT_WRITABLE = "file not writable"  # no write permission on the file
    HARD_LINKS = "hard links"  # the file has more than one name
    FOLDER_NOT_WRITABLE = "folder not writable"  # no -wal and -shm can be made beside it
    SIDE_FILE_OF_ANOTHER_USER = "side file of another user"  # their -wal or -shm: they have it open to read
    DISK_FULL = "disk full"
    BACKUP_PATH_TOO_LONG = "backup path too long"  # an older file's copy before its upgrade: too long a name for SQLite
    OTHER = "other"  # SQLite's own words


@dataclasses.dataclass(frozen=True)
class ReadOnlyReason:
    """Why a project is open read-only: ``kind``, ``text`` (one clause: "the folder /x is not writable (...)") and
    ``where`` (the folder to make writable, the user whose open holds the file)."""

    kind: Kind
    text: str
    where: str = ""

    def __str__(self) -> str:
        return self.text

    @property
    def asked(self) -> bool:
        """Opened read-only on purpose: nothing to fix."""
        return self.kind is Kind.ASKED

    def advice(self) -> str:
        """One sentence: what the person does to annotate the project, for this reason."""
        copy = "or copy the project to a folder you can write and open the copy"
        folder = f"the folder {self.where}" if self.where else "its folder"
        return {
            Kind.ASKED: "To annotate, open it again, not read-only.",
            Kind.READ_ONLY_FILE_SYSTEM: (
                "To annotate, copy the project to a disk that can be written and open the copy (or mount this one "
                "read-write and open it again)."
            ),
            Kind.FILE_NOT_WRITABLE: (
                f"To annotate, close it and make the file writable (chmod u+w, or ask its owner), {copy}."
            ),
            Kind.HARD_LINKS: (
                "To annotate, close it and remove its other names so one is left (ls -i shows them), or copy the "
                "project and open the copy."
            ),
            Kind.FOLDER_NOT_WRITABLE: f"To annotate, close it and make {folder} writable (or ask its owner), {copy}.",
            Kind.SIDE_FILE_OF_ANOTHER_USER: (
                f"To annotate, open it again once {self.where or 'the other user'} has closed it; nothing is lost "
                "meanwhile."
            ),
            Kind.DISK_FULL: "To annotate, free some space on the disk and open it again.",
            Kind.BACKUP_PATH_TOO_LONG: "To annotate, close it, move the project to a shorter path and open it there.",
            Kind.OTHER: f"To annotate, close it and make it writable where it is, {copy}.",
        }[self.kind]

    def with_text(self, text: str) -> ReadOnlyReason:
        """The same reason said with more words (an older file shown from an upgraded copy)."""
        return dataclasses.replace(self, text=text)


ASKED = ReadOnlyReason(Kind.ASKED, "opened read-only")
