"""The role keys: Alt+1..9 fill role 1..9 of the selected event (Alt+Shift+N one more filler, Ctrl+Alt+N none):
the keys the editing reads, and the name the event keys' messages and the event panel show."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
