"""Data shown in places that guess rich text (tooltips): escaped and marked as rich, so it shows literally."""

from __future__ import annotations

import html


def no_mnemonic(text: str) -> str:
    """Text from data for a button, tab, action or menu: Qt takes "&" as a shortcut marker ("R&D" showed as
    "RD" with Alt+D); doubled, it shows as itself."""
    return text.replace("&", "&&")


def tooltip_text(text: str) -> str:
    """A tooltip that shows ``text`` exactly: Qt would take plain escaped text as plain when its first line
    has no tag, and then show "&lt;" to the person."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>" if text else ""
