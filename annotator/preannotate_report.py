"""What a pre-annotation run did and how it is said (``PreannotateReport``): the documents and tokens, the entity and
event suggestions new, replaced and matching a human decision, what was skipped or left alone (finished documents,
an import's predictions, documents done before, event types nobody kept), said in a line for the app's status line
(``short``), whole (``summary``) and as ``preannotate --json`` prints it (``to_data``). The run itself is
``annotator.preannotate``'s."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from annotator.learn.decision_prior import LEAST_REJECTED
from annotator.suggest.writer import WriteCounts
from annotator.wording import counted, were


@dataclass
class PreannotateReport:
    pipeline: str = ""
    documents: int = 0
    words: int = 0
    counts: WriteCounts = field(default_factory=WriteCounts)
    event_source: str = ""  # the event suggester's source, when the schema has event types
    events_not_suggested: str = ""  # why not, when the schema has event types but no events were suggested
    cancelled: bool = False
    # with only_new: documents never pre-annotated left alone because they came with suggestions (an import's
    # predictions, which a run would replace)
    kept_imported: int = 0
    only_new: bool = False  # the run took only documents never pre-annotated
    kept_old: int = 0  # with only_new: documents pre-annotated before, left alone
    types_left_out: tuple[str, ...] = ()  # event types nobody kept, not suggested (learn.decision_prior)
    # without finished=True: documents annotated or reviewed left as the people who finished them decided
    kept_finished: int = 0
    tokens_only: bool = False  # the run stored tokens for documents without them and suggested nothing
    model_version: int | None = None  # the trained version that suggested (None: a spaCy pipeline)
    seconds: float = 0.0  # wall time of the run, the model's loading with it (``api.preannotate``)

    @property
    def suggestions(self) -> int:
        """New entity suggestions (the pipeline's entities and new argument spans of suggested events)."""
        return self.counts.entities

    @property
    def replaced(self) -> int:
        return self.counts.replaced

    @property
    def kept_human(self) -> int:
        return self.counts.kept_human

    @property
    def skipped_labels(self) -> Counter:
        return self.counts.skipped_labels

    @property
    def event_suggestions(self) -> int:
        return self.counts.events

    def short(self) -> str:
        """The run in a line the app's status line shows whole at 1366x768 (``summary`` is the whole account):
        documents, new suggestions, the finished documents left, a cancel."""
        c = self.counts
        if self.tokens_only:
            if not self.documents and not self.cancelled:
                return "every document has stored tokens already; nothing suggested"
            s = f"{counted(self.documents, 'document')} tokenised ({counted(self.words, 'token')}), nothing suggested"
            return s + ("; cancelled (finished batches are kept)" if self.cancelled else "")
        s = f"{counted(self.documents, 'document')}, {counted(c.entities, 'suggestion')}"
        if self.event_source:
            s += f", {counted(c.events, 'event suggestion')}"
        if self.events_not_suggested:
            s += "; no events suggested"
        if self.types_left_out:
            s += f"; {counted(len(self.types_left_out), 'event type')} nobody kept left out"
        if self.kept_finished:
            n = self.kept_finished
            s += f"; {counted(n, 'finished document')} left as {'it was' if n == 1 else 'they were'}"
        if self.cancelled:
            s += "; cancelled (finished batches are kept)"
        return s

    def to_data(self) -> dict[str, Any]:
        """The run as ``preannotate --json`` prints it (docs/command-line.md): the counts a script reads."""
        c = self.counts
        return {
            "pipeline": self.pipeline,
            "model_version": self.model_version,
            "event_source": self.event_source or None,
            "documents": self.documents,
            "tokens": self.words,
            "suggestions": c.entities,
            "replaced": c.replaced,
            "kept_human": c.kept_human,
            "events": c.events,
            "arguments": c.arguments,
            "events_replaced": c.events_replaced,
            "events_kept": c.events_kept,
            "labels_skipped": dict(c.skipped_labels),
            "types_skipped": dict(c.skipped_types),
            "events_not_suggested": self.events_not_suggested or None,
            "types_left_out": list(self.types_left_out),
            "kept_finished": self.kept_finished,
            "kept_imported": self.kept_imported,
            "kept_old": self.kept_old,
            "only_new": self.only_new,
            "tokens_only": self.tokens_only,
            "seconds": round(self.seconds, 2),
            "summary": f"{self.pipeline}: {self.summary()}",
        }

    def nothing_new(self) -> str:
        """With ``only_new``, when no document was new: that in one line, and what was left alone; else ""."""
        if not self.only_new or self.documents or self.cancelled:
            return ""
        left = []
        if self.kept_old:
            # their tokens are stored: a run of the model or --tokens-only's (a gold corpus), which look alike here
            left.append(f"{counted(self.kept_old, 'document')} pre-annotated or tokenised (--tokens-only) before")
        if self.kept_imported:
            left.append(f"{counted(self.kept_imported, 'new document')} with the suggestions of an import")
        if self.kept_finished:
            left.append(f"{counted(self.kept_finished, 'finished document')} (annotated or reviewed)")
        one = self.kept_old + self.kept_imported + self.kept_finished == 1
        alone = f" ({', '.join(left)} left as {'it was' if one else 'they were'})" if left else ""
        return f"no document was new (never pre-annotated or tokenised), nothing pre-annotated{alone}"

    def summary(self) -> str:
        c = self.counts
        if self.nothing_new():
            return self.nothing_new()
        if self.tokens_only:
            s = (
                f"{counted(self.documents, 'document')} without stored tokens tokenised ({counted(self.words, 'token')}"
                "), nothing suggested; the token exports (CoNLL, Hugging Face, spaCy, Prodigy, DyGIE++) cut them so"
            )
            return s + ("; cancelled (finished batches are kept)" if self.cancelled else "")
        s = (
            f"{counted(self.documents, 'document')}, {counted(self.words, 'token')}, {counted(c.entities, 'suggestion')} "
            f"({counted(c.replaced, 'old suggestion')} replaced, {c.kept_human} matched a human decision and {were(c.kept_human)} not suggested "
            "again)"
        )
        if self.event_source:
            s += (
                f"; {counted(c.events, 'event suggestion')} with {counted(c.arguments, 'argument')} "
                f"({counted(c.events_replaced, 'old one')} replaced, "
                f"{c.events_kept} matched a human decision and {were(c.events_kept)} not suggested again)"
            )
        if self.events_not_suggested:
            s += f"; no events suggested: {self.events_not_suggested}"
        if self.types_left_out:
            s += (
                f"; event types nobody kept (rejected {LEAST_REJECTED} times or more, none accepted or added) not "
                "suggested: " + ", ".join(self.types_left_out)
            )
        if c.skipped_labels:
            s += "; labels not in the schema skipped: " + ", ".join(
                f"{k} x{v}" for k, v in c.skipped_labels.most_common()
            )
        if c.skipped_types:
            s += "; event types not in the schema skipped: " + ", ".join(
                f"{k} x{v}" for k, v in c.skipped_types.most_common()
            )
        if self.kept_imported:
            many = self.kept_imported != 1
            s += (
                f"; {self.kept_imported} new document{'s' if many else ''} kept the suggestions "
                f"{'they' if many else 'it'} came with (an import's predictions; pre-annotating all documents "
                "replaces them)"
            )
        if self.kept_finished:
            n = self.kept_finished
            s += f"; {counted(n, 'finished document')} (annotated or reviewed) left as {'it was' if n == 1 else 'they were'}"
        if self.cancelled:
            s += "; cancelled (finished batches are kept)"
        return s
