"""brat's ``kb_shortcuts.conf``: the key a brat project's annotators press to pick a type, ``KEY<TAB>TYPE`` a line
(``M	DRUG``; ``#`` comments), beside annotation.conf. Read into the entity labels' keys of the schema the conf
brings (a new project's label keys, ``EntityLabel.key``: the key that labels a selection), and written by the brat
export from the schema's keys, so a brat server offers the keys the app's annotators use. brat takes a key by the
key pressed (``M`` is the m key, as a ``keyCode``); the app by the character typed: a letter is read lower case and
written upper case. A key the schema cannot give a label (the app's own: ``schema.APP_KEYS`` and
``schema.COMMAND_KEYS``, whose commands a label key would hide; one already taken; more
than one character) or a type that is no entity label (an event type has no key in the app) is said, not taken.
Imported into a project holding documents (whose schema the conf's is matched to, not adopted), each key goes to the
project's label of that name (or alias) that has none, where no other label has it (``keys_given``; session 38: none
was taken, though the import's note said the keys were the labels')."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping

from annotator.errors import SchemaError
from annotator.fileid import BRAT_WRITTEN
from annotator.schema import APP_KEYS, COMMAND_KEYS, Schema, parse_schema
from annotator.schema_write import with_keys

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


def keys_given(schema: Schema, keys: Mapping[str, str], where: str) -> tuple[Schema | None, list[str]]:
    """``schema`` (a project's that the file's was matched to) with ``keys`` (a conf's label -> its key, as the conf's
    schema gave them) on the labels of those names (or aliases) that have none and whose key no other label has;
    None when none was given (or the schema's file cannot take them: ``with_keys``); the notes, ``where`` (the file)
    first: the keys taken and those not, each with why."""
    taken = {e.key.lower(): e.name for e in schema.entities if e.key}
    given: dict[str, str] = {}
    not_taken: list[str] = []
    for name, key in keys.items():
        ours = schema.label(name) or next((e for e in schema.entities if name in e.aliases), None)
        why = (
            f"the project's schema has no label {name}" if ours is None
            else f"{ours.name} has key {ours.key!r}" if ours.key
            else f"{taken[key]} has it" if key in taken
            else None
        )  # fmt: skip
        if why is not None or ours is None:  # (ours is None has its why: for the type checker)
            not_taken.append(f"{key} {name} ({why})")
            continue
        given[ours.name] = key
        taken[key] = ours.name
    source = with_keys(schema, given) if given else None
    try:
        keyed = parse_schema(source, "the project's schema", app_keys=False) if source is not None else None
    except SchemaError:  # not expected: each key was checked against the schema's own
        keyed = None
    notes = [f"{where}: the project's labels without a key took the file's keys: {keys_said(given)}"] if keyed else []
    if given and keyed is None:
        not_taken.append(f"{keys_said(given)} (the schema's file gives its labels as inline tables)")
    if not_taken:
        left = not_taken
        notes.append(f"{where}: keys not given to the project's labels: {'; '.join(left)}")
    return keyed, notes
