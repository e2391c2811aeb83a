"""The role keys: Alt+1..9 fill role 1..9 of the selected event (Alt+Shift+N one more filler, Ctrl+Alt+N none):
the keys the editing reads, and the name the event keys' messages and the event panel show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from annotator.rules import takes

if TYPE_CHECKING:  # pragma: no cover
    from annotator.model import Event
    from annotator.schema import Role
    from ui.controller import Controller

ROLE_KEYS = {getattr(Qt.Key, f"Key_{i}"): i for i in range(1, 10)}
# Shift+1..9 on a US keyboard: Alt+Shift+N adds another filler to role N
ROLE_KEYS.update(
    {
        k: i + 1
        for i, k in enumerate(
            (
                Qt.Key.Key_Exclam,
                Qt.Key.Key_At,
                Qt.Key.Key_NumberSign,
                Qt.Key.Key_Dollar,
                Qt.Key.Key_Percent,
                Qt.Key.Key_AsciiCircum,
                Qt.Key.Key_Ampersand,
                Qt.Key.Key_Asterisk,
                Qt.Key.Key_ParenLeft,
            )
        )
    }
)


def role_shortcut(index: int) -> str:
    """The key that fills the role at ``index`` (0-based) of the selected event ("" past the ninth: none)."""
    return f"Alt+{index + 1}" if index < 9 else ""


NAMED_MOST = 2  # fillers of other roles a role key's message names: three long ones filled the line at 1366 pixels


def elsewhere_said(c: "Controller", ev: "Event", role: "Role", index: int, lead: str) -> str:
    """The fillers of ``ev``'s other roles that ``role`` (role ``index``) takes, which its key's cycle leaves out,
    named with the key that moves one: "; “two years” is in Time (select it, then Alt+4 moves it)" (the first
    ``NAMED_MOST``, then how many more); "" when none."""
    mine = {a.entity_id for a in ev.arguments if a.role == role.name}
    seen: dict[int, str] = {}
    for a in ev.arguments:
        e = c.entities.get(a.entity_id)
        if a.role != role.name and e is not None and e.id not in mine and takes(role, e.label):
            seen.setdefault(e.id, f"“{c.span_text(e.start, e.end)}” is in {a.role}")
    if not seen:
        return ""
    named = list(seen.values())
    more = f" and {len(named) - NAMED_MOST} more" if len(named) > NAMED_MOST else ""  # the line stays whole at 1366
    one = "it" if len(seen) == 1 else "one"
    return f"{lead}{', '.join(named[:NAMED_MOST])}{more} (select {one}, then {role_shortcut(index)} moves it)"


def already_in(c: "Controller", entity_id: int, role: str, index: int) -> str:
    """What Alt+Shift+N says on a selected span that fills its role already (it did nothing and said nothing)."""
    e = c.entities[entity_id]
    key = f"Alt+Shift+{index + 1}"
    return f"“{c.span_text(e.start, e.end)}” is already in {role} ({key} with nothing selected adds the next candidate)"
