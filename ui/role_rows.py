"""The empty roles' rows of the event editor's Roles box in one form: each row says what its key puts with the key
("— Alt+2: Police (noun)") or, where the key cannot be shown whole, without it ("— Police (noun)", the key in the
row's first column). Each row chose its own form by its own length, so one box read "— → found: Defendant" above
"— Alt+3: → found: Crime" (session 39, s39-look's Left): the rows of a box agree, keyed only when every row's keyed
text fits."""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtGui import QResizeEvent

from ui.elided import ElidedLabel


class RoleRowLabel(ElidedLabel):
    """An empty role's row: ``set_full_text``'s last shorter text is its keyless form, the others carry the key.
    ``keyless`` (set by ``agree_forms``) shows the keyless form alone (elided where even it does not fit);
    ``refitted`` is called after each resize and text change, so the box can make its rows agree again."""

    keyless = False

    def __init__(self, text: str, refitted: Callable[[], None] | None = None) -> None:
        super().__init__(text, cut_shortest=True)  # "— selected: the Warsaw…", not "— Alt+1: selected: the…"
        self.refitted = refitted

    def keyed_fits(self) -> bool:
        """Whether a text of this row with its key fits the room the row has (a row with no keyless form: yes)."""
        if not self.shorter:
            return True
        room, fm = self._room(), self.fontMetrics()
        return any(fm.horizontalAdvance(t) <= room for t in (self.full_text, *self.shorter[:-1]))

    def set_keyless(self, keyless: bool) -> None:
        """Show the keyless form (True) or the first of the row's texts that fits (False)."""
        if keyless == self.keyless:
            return
        self.keyless = keyless
        room = self._room()
        if room > 0:
            super().setText(self._fitted(room))

    def set_full_text(self, text: str, shorter: tuple[str, ...] = ()) -> None:
        super().set_full_text(text, shorter)
        if self.refitted is not None:
            self.refitted()

    def _fitted(self, room: int) -> str:
        if not (self.keyless and self.shorter):
            return super()._fitted(room)
        keyless, fm = self.shorter[-1], self.fontMetrics()
        return keyless if fm.horizontalAdvance(keyless) <= room else fm.elidedText(keyless, self.mode, room)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self.refitted is not None:
            self.refitted()


def agree_forms(rows: Iterable[RoleRowLabel]) -> None:
    """The rows of one box in one form: with their keys when every row shown fits its keyed text, else each
    without its key. A row not yet shown counts (not hidden): a new box's last row got its size before the box was
    shown, and left out it kept its key beside keyless rows (session 40, the lead: seed 000's Meet at 1366)."""
    shown = [r for r in rows if not r.isHidden() and r.shorter]
    keyless = not all(r.keyed_fits() for r in shown)
    for r in shown:
        r.set_keyless(keyless)
