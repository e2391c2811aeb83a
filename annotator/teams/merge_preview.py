"""What a merge would do with each file's annotation set, said before it runs (File > Merge's dialog, session 38: it
said nothing until Merge was pressed): two files going into one set, a file whose set holds documents merged from
another file (refused, replaced or combined as chosen), a file that brings a set its newer work (merged before), a
file that went in as another set at an earlier merge, a set that would be named as the final set (session 39: said only
once Merge was pressed). Read only: each file is read once (its annotator, its history,
its texts' hashes) and closed; the project's sets are read as the merge reads them (``merge.target_owners``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from annotator.errors import AnnotatorError
from annotator.model import DEFAULT_SET
from annotator.store import Project
from annotator.teams.merge import SetOwner, source_annotator, target_owners
from annotator.teams.provenance import file_history, went_in_as_another_set
from annotator.wording import counted, first_named

# what the dialog's choice does to documents a set holds from another file: (combine, replace) -> words
CHOICE_SAID = {
    (False, False): "as chosen, nothing is merged",
    (False, True): "as chosen, this file's version replaces them",
    (True, False): "as chosen, each is taken from the file it was worked on in (refused where both were)",
}


@dataclass(frozen=True)
class SourceSeen:
    """One file to merge as read before the merge: its set's name when none is typed, its history, its documents."""

    path: Path
    annotator: str  # the set's name when none is typed: its most common annotator, else the file's stem
    history: bytes = b""
    documents: dict[str, str] = field(default_factory=dict)  # its texts' sha256 -> the document's name
    unreadable: str = ""  # why it could not be read ("" when it was)


def read_source(path: str | Path) -> SourceSeen:
    """``path`` read-only: what the preview needs of it; a file that cannot be read says why (the merge says it too)."""
    path = Path(path)
    try:
        with Project(path, create=False, read_only=True) as src:
            docs = {sha: name for _id, name, sha, _status in src.db.document_list()}
            return SourceSeen(path, (source_annotator(src) or path.stem).strip(), file_history(src), docs)
    except (AnnotatorError, OSError) as exc:
        return SourceSeen(path, path.stem, unreadable=str(exc))


class MergePreview:
    """The files of one merge into ``target`` (read once); ``said`` for the set names typed and the choice made."""

    def __init__(self, target: Project, sources: Sequence[SourceSeen]) -> None:
        self.target, self.sources = target, list(sources)
        self._owners: dict[str, dict[str, SetOwner]] = {}  # set name -> its documents' owners, read once each

    def set_names(self, typed: Sequence[str | None]) -> list[str]:
        """Each file's set: the name typed beside it, else its annotator's."""
        typed = list(typed) + [None] * (len(self.sources) - len(typed))
        return [(t or "").strip() or s.annotator for s, t in zip(self.sources, typed)]

    def said(self, typed: Sequence[str | None], combine: bool, replace: bool) -> list[str]:
        """One line for each thing the user should know before Merge (none when every file goes into a set of its own,
        new or its own earlier version)."""
        names = self.set_names(typed)
        here = self.target.path.resolve()
        out = [
            f"{s.path.name} is this project's own file: it cannot be merged into itself; nothing will be merged"
            for s in self.sources
            if s.path.resolve() == here
        ]
        out += [
            f"{s.path.name}: cannot be read ({s.unreadable}); nothing will be merged"
            for s in self.sources
            if s.unreadable
        ]
        readable = [(s, n) for s, n in zip(self.sources, names) if not s.unreadable and s.path.resolve() != here]
        typed_by_file = {s.path: bool((t or "").strip()) for s, t in zip(self.sources, typed)}
        out += [self._named_final(s, typed_by_file.get(s.path, False)) for s, n in readable if n == DEFAULT_SET]
        readable = [(s, n) for s, n in readable if n != DEFAULT_SET]  # refused whole: nothing else to say of it
        by_set: dict[str, list[SourceSeen]] = {}
        for s, n in readable:
            by_set.setdefault(n, []).append(s)
        for name, files in by_set.items():
            if len(files) > 1:
                out.append(self._together(name, files, combine, replace))
        for s, n in readable:
            out += self._against_the_project(s, n, combine, replace)
        return out

    @staticmethod
    def _named_final(s: SourceSeen, typed: bool) -> str:
        """The merge refuses a set named as the project's final set (``merge._set_name``): typed, or its annotator's."""
        if typed:
            return (
                f"{s.path.name}: a set cannot be named '{DEFAULT_SET}', the project's final set (Review > Adjudicate "
                "settles into it): type another name beside it or leave it blank; nothing will be merged"
            )
        return (
            f"{s.path.name}: its set would be named '{DEFAULT_SET}' (its annotator's or its file's name), the project's "
            "final set (Review > Adjudicate settles into it): type another name beside it; nothing will be merged"
        )

    def _together(self, name: str, files: list[SourceSeen], combine: bool, replace: bool) -> str:
        shared = set(files[0].documents).intersection(*(f.documents for f in files[1:]))
        shown = [f.path.name for f in files]
        both = " and ".join(shown) if len(shown) == 2 else first_named(shown, 3)
        head = f"{both} all go into set '{name}'" if len(files) > 2 else f"{both} both go into set '{name}'"
        keep_apart = "type a set name beside one to keep them apart"
        if not shared:
            return f"{head} (no document in common): {keep_apart}, or merge them as one set"
        docs = sorted(files[0].documents[sha] for sha in shared)
        said = CHOICE_SAID[(combine, replace)].replace("this file's version", "the later file's version")
        return f"{head} and share {counted(len(docs), 'document')} ({first_named(docs, 3)}): {keep_apart}; {said}"

    def _against_the_project(self, s: SourceSeen, name: str, combine: bool, replace: bool) -> list[str]:
        earlier = went_in_as_another_set(self.target, name, s.history)
        if earlier is not None:
            record = earlier[0]
            return [
                f"{s.path.name} went in as set '{record.annotation_set}' at an earlier merge: as '{name}' nothing will "
                f"be merged (leave its set name blank or type '{record.annotation_set}')"
            ]
        if name not in self._owners:
            self._owners[name] = target_owners(self.target, name)
        owners = self._owners[name]
        own: list[str] = []
        others: dict[str, list[str]] = {}
        for sha, doc in s.documents.items():
            owner = owners.get(sha)
            if owner is None:
                continue
            if owner.same_source(s.history, s.path):
                own.append(doc)
            else:
                made_here = owner.history is None and owner.source_document_id is None  # the project's own rows
                where = "this project's own work" if made_here else f"another file, {Path(owner.path).name}"
                others.setdefault(where, []).append(doc)
        out = []
        for where, docs in others.items():
            docs.sort()
            out.append(
                f"set '{name}' already holds {counted(len(docs), 'document')} of {s.path.name} "
                f"({first_named(docs, 3)}) from {where}: {CHOICE_SAID[(combine, replace)]}"
            )
        if own:
            out.append(
                f"{s.path.name} was merged before as set '{name}' ({counted(len(own), 'document')}): its newer work "
                "replaces that version"
            )
        return out
