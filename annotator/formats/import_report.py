"""What an import through the readers did (``FormatImportReport``): the documents stored and skipped
(``importing.ImportReport``), with what could not be kept, how something was read, and what the project's schema took
from the files; written by ``loading`` and ``input_paths``, shown by the command line and the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.importing import ImportReport
from annotator.wording import counted


@dataclass
class FormatImportReport(ImportReport):
    warnings: list[str] = field(default_factory=list)  # what could not be kept
    notes: list[str] = field(default_factory=list)  # how something was read (not a loss)
    schema_adopted: str | None = None
    labels_added: list[str] = field(default_factory=list)  # entity labels the input's files added to the schema
    types_added: list[str] = field(default_factory=list)  # what --add-types added ("label Report", "event type X")
    types_told: list[str] = field(default_factory=list)  # what a new project took of a schema told from the file
    # (path, what it lacks) of each input skipped because the project's schema lacks names it uses (SchemaLacksError):
    # the app offers to add them
    schema_lacks: list[tuple[str, list[str]]] = field(default_factory=list)
    # (path, encoding, word) of each input skipped as not UTF-8 that reads as Windows-1252 (LegacyEncodingError): the
    # app offers to import them so, as the command line's --encoding (session 29)
    legacy_encoded: list[tuple[str, str, str]] = field(default_factory=list)
    formats: list[tuple[str, str]] = field(default_factory=list)  # (path, reader) told from the content
    # the line of each file whose documents matched stored ones (formats.onto_stored), also among the notes: the
    # app shows it beside the summary, which counts them as "annotated (already in the project)"
    matched: list[str] = field(default_factory=list)
    # (attribute, its default, how many events) of each event attribute the import added to the schema: the events
    # already in the project given its default in the import's transaction (they had no value: a binary one read false)
    defaults_given: list[tuple[str, str, int]] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        return {
            **super().to_data(),
            "read_as": [{"path": p, "format": f} for p, f in self.formats],
            "not_kept": list(self.warnings),
            "notes": list(self.notes),
            "labels_added": list(self.labels_added),
            "types_added": list(self.types_added),
            "types_told": list(self.types_told),
            "schema_adopted": self.schema_adopted,
        }

    def summary(self) -> str:
        s = super().summary()
        if self.types_added:
            s += f"; added to the project's schema (--add-types): {', '.join(self.types_added)}"
        elif self.types_told:
            s += f"; added to the project's schema (told from the file's annotations): {', '.join(self.types_told)}"
        elif self.labels_added:
            s += f"; labels added to the project's schema: {', '.join(self.labels_added)}"
        elif self.schema_adopted:
            s += f"; the project now uses the schema {self.schema_adopted!r} from the input"
        for name, value, n in self.defaults_given:
            s += f"; {counted(n, 'event')} already in the project given {name} {value!r} (its default)"
        if self.warnings:
            s += f"; {counted(len(self.warnings), 'thing')} not kept (see warnings)"
        return s
