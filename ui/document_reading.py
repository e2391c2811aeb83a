"""What the app reads of the open project and its current document, for the keys, the panels and the window: the
undecided suggestions shown, the entities and events at a place, a span's words, the tokens and the sentence, a
selection snapped to words, a name around it, the next document not done, the project's progress. The controller's
reading side (``Controller`` is one); the logic is ``annotator.navigation``'s and ``annotator.name_span``'s."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from annotator import name_span, navigation
from annotator.model import UNFINISHED, Document, Entity, Event
from annotator.navigation import Tokens
from annotator.wording import isolated

if TYPE_CHECKING:  # the controller's, which holds them
    from annotator.held import HeldDocument
    from annotator.store import Project


class DocumentReading:
    """Read-only questions about the open project and its current document, asked of what the controller holds
    (``project``, ``held``, ``doc``, ``entities``, ``events``): none writes, none emits a signal."""

    project: Project | None
    held: HeldDocument
    doc: Document | None
    entities: dict[int, Entity]
    events: dict[int, Event]

    def shown_undecided(self) -> dict[str, list[Entity] | list[Event]]:
        """The undecided suggestions the view shows, as the rows it shows them (``shown`` and ``shown_events`` of
        ``edits_flow.accept_rest``; ``shown`` of ``edits.accept_all``): accepting them all accepts these only, or the
        same ones a re-run put in their places, and refuses when another came in elsewhere since."""
        return {
            "shown": [e for e in self.entities.values() if e.state == "suggested"],
            "shown_events": [v for v in self.events.values() if v.state == "suggested"],
        }

    def visible_entities(self, show_rejected: bool = False) -> list[Entity]:
        return navigation.visible_entities(self.entities.values(), show_rejected)

    def entities_at(self, cp: int, show_rejected: bool = False) -> list[Entity]:
        """Entities covering code point ``cp``, innermost (shortest) first."""
        return navigation.entities_at(self.entities.values(), cp, show_rejected)

    def events_at(self, cp: int) -> list[Event]:
        return navigation.events_at(self.events.values(), cp)

    def span_text(self, start: int, end: int) -> str:
        return self.doc.text[start:end] if self.doc else ""

    def span_said(self, start: int, end: int, most: int | None = None) -> str:
        """The words of ``[start, end)`` as a message quotes them (the first ``most`` code points): right-to-left
        words isolated (``wording.isolated``), so the message around them keeps its order."""
        return isolated(self.span_text(start, end)[:most])

    def tokens(self) -> Tokens:
        """The current document's tokens: the stored tokens of pre-annotation, else words and punctuation."""
        return self.held.tokens(self.project)  # type: ignore[return-value]

    def sentence(self, cp: int) -> tuple[int, int]:
        """The code-point range of the sentence holding ``cp`` (``HeldDocument.sentence``)."""
        return self.held.sentence(self.project, cp)

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """A selection snapped to tokens (``navigation.snapped``: inside "--Algerians", to the word)."""
        text = self.doc.text if self.doc is not None else ""
        return navigation.snapped(self.tokens(), text, start, end)

    def word_at(self, cp: int) -> tuple[int, int] | None:
        """The word the caret at ``cp`` is on (the one ending there rather than a full stop after it)."""
        return navigation.word_at(self.tokens(), self.doc.text if self.doc else "", cp)

    def name_around(self, start: int, end: int) -> tuple[int, int] | None:
        """The name around ``[start, end)`` in its sentence (``name_span.name_around``, on the document's tokens);
        None when the words there start no name."""
        if self.doc is None:
            return None
        return name_span.name_around(self.doc.text, self.tokens().within(*self.sentence(start)), start, end)

    def with_article(self, start: int, end: int) -> tuple[int, int] | None:
        """``[start, end)`` with the "the" before it (``name_span.with_article``), or None."""
        return name_span.with_article(self.doc.text, (start, end)) if self.doc is not None else None

    def edge_moved(self, start: int, end: int, edge: str, direction: int) -> tuple[int, int]:
        """[start, end) with its ``edge`` ('start' or 'end') moved by a token in ``direction`` (-1 or +1)
        (``navigation.edge_moved``: inside one of the pipeline's tokens, by the fallback's pieces)."""
        text = self.doc.text if self.doc is not None else ""
        return navigation.edge_moved(self.tokens(), text, start, end, edge, direction)

    def next_open_document(self, shown: Sequence[int] | None = None) -> int | None:
        """The next document (after the current one, wrapping) that is neither annotated nor reviewed; with
        ``shown`` (the document list's rows as sorted and filtered), the next of those."""
        if self.project is None:
            return None
        current = self.doc.id if self.doc else None
        open_ids = self.project.document_ids(list(UNFINISHED))
        if shown is None:
            return navigation.next_open(open_ids, current)
        return navigation.next_open_in(shown, set(open_ids), current)

    def open_documents_hidden(self, shown: Sequence[int]) -> int:
        """How many documents not done (neither annotated nor reviewed) are not among ``shown``, the current one
        left out."""
        if self.project is None:
            return 0
        current = self.doc.id if self.doc else None
        return len(set(self.project.document_ids(list(UNFINISHED))) - set(shown) - {current})

    def progress(self) -> tuple[int, int]:
        """(reviewed, total) documents of the project."""
        if self.project is None:
            return 0, 0
        return self.project.db.progress()
