"""What the event keys (``ui.event_actions``) need of the span keys they go with (``ui.editing.EditActions``), a
Protocol of its own module."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from annotator.model import Entity

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller
    from ui.document_view import DocumentView


class SpanKeys(Protocol):
    """What the event keys need of the span keys they go with (``ui.editing.EditActions`` is one): the controller,
    the view, and the span the person has selected."""

    c: "Controller"
    view: "DocumentView"

    def current(self) -> Entity | None: ...

    def selected_span(self) -> tuple[int, int] | None: ...

    def clear_selection(self) -> None: ...

    def anchor(self) -> tuple[int, int, int]: ...

    def across_sentences(self, span: tuple[int, int], nothing: str) -> bool: ...

    def take_span_around_match(self) -> None: ...
