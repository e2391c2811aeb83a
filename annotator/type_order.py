"""The order in which event types are offered for a trigger: the type picker's list (the types its words name, their
kinds, the document's types nearby, then the schema's), and Shift+E's next type."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from annotator.keyflow import trigger_types
from annotator.model import Event
from annotator.schema import Schema


def ranked_types(
    schema: Schema, trigger: str, likely: list[str] | None = None, nearby: Sequence[str] = ()
) -> list[str]:
    """Event type names: ``likely`` first (a selected suggestion's alternatives and its type), then those whose trigger words
    match ``trigger`` by lemma, then the other types of their kinds, then the types of the document's events
    ``nearby`` (nearest first: ``types_nearby``), then the rest."""
    top = [t for t in (likely or []) if schema.event_type(t) is not None]
    top += [t for t in trigger_types(schema, trigger) if t not in top]
    families = dict.fromkeys(t.split(":")[0] for t in top)  # each kind once: two of its types bring it once
    # then the other types of the same kind (Contact:Meet by Contact:Phone-Write)
    top += [t.name for f in families for t in schema.events if t.name.split(":")[0] == f and t.name not in top]
    top += [t for t in nearby if t not in top and schema.event_type(t) is not None]
    return top + [n for n in schema.event_type_names if n not in top]


_NAME_WORD = re.compile(r"[^\W_]+")  # the words of a type's name: Transaction, Transfer, Money


def typed_order(names: Sequence[str], shown: Sequence[str], typed: str) -> list[int]:
    """The picker's rows (``names``, each shown as ``shown``: its name and description) that the words ``typed`` keep
    and in what order, as indices: a row is kept when its text holds every typed word; first the rows where each word
    starts a word of the type's name ("mon": Transaction:Transfer-Money), then those whose name holds them ("mon":
    Conflict:Demonstrate), then those whose description does ("m": Justice:Fine, "a financial punishment"), each in
    the picker's order. Enter takes the first: on events-dev the picker's keys, the cheaper of Down and typing, 157 ->
    133 (half A) and 182 -> 151 (half B) against the rows kept in the picker's order (session 25:
    bench/picker_keys.py)."""
    words = typed.lower().split()

    def tier(name: str) -> int:
        own = [w.lower() for w in _NAME_WORD.findall(name)]
        if all(any(o.startswith(w) for o in own) for w in words):
            return 0
        return 1 if all(w in name.lower() for w in words) else 2

    kept = [i for i, text in enumerate(shown) if all(w in text.lower() for w in words)]
    return sorted(kept, key=lambda i: tier(names[i]))


def letters_to_pick(names: Sequence[str], shown: Sequence[str], type_: str) -> str:
    """The fewest letters of a word of ``type_``'s name that put it first among the picker's rows (``typed_order``):
    what a person types for a type far down the list ("mon" for Transaction:Transfer-Money). The whole name when no
    start of a word of it does."""
    at = names.index(type_)
    for n in range(1, max(len(w) for w in _NAME_WORD.findall(type_)) + 1):
        for word in _NAME_WORD.findall(type_.lower()):
            kept = typed_order(names, shown, word[:n])
            if len(word) >= n and kept and kept[0] == at:
                return word[:n]
    return type_.lower()


def types_nearby(events: Iterable[Event], at: int) -> list[str]:
    """The types of the document's events (a rejected one's left out), the nearest trigger to ``at`` first: the
    picker's order for a word no type's trigger words name, before the schema's ("accepting" bribes beside the
    Transfer-Money of "bribes"; on events-dev the picker's keys for such words and for a wrong first type 268 -> 194
    (half A) and 268 -> 203 (half B) with the events before the word, nearest first: bench/picker_keys.py)."""
    near = sorted((abs(v.trigger_start - at), v.type) for v in events if v.state != "rejected")
    return list(dict.fromkeys(t for _, t in near))


def retype_first(current: str, alternatives: Sequence[str], named: Sequence[str], nearby: Sequence[str]) -> list[str]:
    """The types the picker puts first for E on an event of type ``current`` (its type to change; ``ranked_types``'
    ``likely``): a suggestion's ``alternatives``, the other types its words name (``named``), the types of the
    document's events ``nearby`` (nearest first: ``types_nearby``), then ``current`` (Enter on the event keeps it
    already). The other types of their kinds and the schema's order come after them. On events-dev a word that names
    a type whose gold is another ("launched" Business:Start-Org for an Attack, "execution" Justice:Execute for a
    Life:Die) took the kinds' types first (Business:Merge-Org, ...): bench/picker_keys.py 194 -> 165 (half A) and
    203 -> 184 (half B) with the document's types before them (session 24)."""
    order = [t for t in (*alternatives, *named, *nearby) if t != current]
    return list(dict.fromkeys([*order, current]))


def next_event_type(
    current: str,
    alternatives: Sequence[str],
    likely: Sequence[str],
    tried: Sequence[str] = (),
    nearby: Sequence[str] = (),
) -> str | None:
    """Shift+E's type for an event of type ``current``: a suggestion's ``alternatives`` first, then the other types
    its trigger words name (``likely``, ``trigger_types``' order), past those ``tried`` already by Shift+E on this
    event (the first again when every one was). When none is named but the event's own first type (``tried``' first,
    else ``current``): the types of the document's other events ``nearby`` (nearest first: ``types_nearby``), the
    picker's first rows (``retype_first``), then that first type again ("execution" of Justice:Execute beside a
    Life:Die: Shift+E gives Life:Die, where E and Enter took two keys). None when no other type is named or near."""
    first = tried[0] if tried else current
    named = list(dict.fromkeys([*alternatives, *likely]))
    near = all(t == first for t in named)
    order = [t for t in dict.fromkeys([*nearby, first] if near else named) if t != current]
    again = first if near and first != current else order[0] if order else None  # round: the event's own first
    return next((t for t in order if t not in tried), again)


def tried_after(tried: Sequence[str], current: str, given: str) -> list[str]:
    """The types Shift+E has gone through on an event of type ``current`` once it gave ``given`` (``tried`` before):
    ``given`` added; round to the first type the event had, from the start again."""
    if given not in tried:
        return [*tried, given]
    return [given] if given == tried[0] else [current, given]


def named_other(current: str, alternatives: Sequence[str], likely: Sequence[str]) -> bool:
    """Whether Shift+E on an event of type ``current`` takes a type its suggestion or words name (``next_event_type``),
    not one of the document's other events."""
    return any(t != current for t in (*alternatives, *likely))
