"""brat's ``kb_shortcuts.conf``: the key a brat project's annotators press to pick a type, ``KEY<TAB>TYPE`` a line
(``M	DRUG``; ``#`` comments), beside annotation.conf. Read into the entity labels' keys of the schema the conf
brings (a new project's label keys, ``EntityLabel.key``: the key that labels a selection), and written by the brat
export from the schema's keys, so a brat server offers the keys the app's annotators use. brat takes a key by the
key pressed (``M`` is the m key, as a ``keyCode``); the app by the character typed: a letter is read lower case and
written upper case. A key the schema cannot give a label (the app's own: ``schema.APP_KEYS`` and
``schema.COMMAND_KEYS``, whose commands a label key would hide; one already taken; more
than one character) or a type that is no entity label (an event type has no key in the app) is said, not taken."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping

from annotator.fileid import BRAT_WRITTEN
from annotator.schema import APP_KEYS, COMMAND_KEYS, Schema

SHORTCUTS = "kb_shortcuts.conf"
# its first line in our export: what tells a former export's (which another export replaces) from a brat server's
HEADER = BRAT_WRITTEN[SHORTCUTS].decode("utf-8") + ": the entity labels' keys"


def read_shortcuts(path: Path, name_of: Callable[[str], str], labels: list[str]) -> tuple[dict[str, str], list[str]]:
    """The keys of ``path`` (a kb_shortcuts.conf; none when it is not there or cannot be read) by the label they pick
    (``name_of``: a brat type -> the schema's name of it; ``labels``: the entity labels), and a warning for each line
    not taken."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}, []
    keys: dict[str, str] = {}
    taken: dict[str, str] = {}  # key -> the label that has it
    said: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        key, brat_type = (parts[0], parts[1].strip()) if len(parts) == 2 else (parts[0], "")
        label = name_of(brat_type)
        why = (
            "not a key and a type" if not brat_type
            else "a key is one character" if len(key) != 1
            else f"{label} is no entity label (only they have keys in the app)" if label not in labels
            else f"the app's key for {APP_KEYS[key.lower()]}" if key.lower() in APP_KEYS
            else f"the app's key for {COMMAND_KEYS[key.lower()]}" if key.lower() in COMMAND_KEYS
            else f"{taken[key.lower()]} has it already" if key.lower() in taken
            else f"{label} has a key already" if label in keys
            else None
        )  # fmt: skip
        if why is not None:
            said.append(f"{path}:{number}: key {key!r} for {brat_type or '?'} not taken ({why})")
            continue
        keys[label] = key.lower()
        taken[key.lower()] = label
    return keys, said


def write_shortcuts(schema: Schema, brat_type: Callable[[str], str]) -> str | None:
    """kb_shortcuts.conf of ``schema``'s label keys (``brat_type``: a label's name as the .ann files write it), a
    letter upper case as brat takes it; None when no label has a key."""
    lines = [f"{e.key.upper()}\t{brat_type(e.name)}" for e in schema.entities if e.key]
    return "\n".join([HEADER, "", *lines]) + "\n" if lines else None


def keys_said(keys: Mapping[str, str]) -> str:
    """The keys taken, for the import's note: ``m DRUG, c CHANGE_TRIGGER``."""
    return ", ".join(f"{k} {label}" for label, k in keys.items())
