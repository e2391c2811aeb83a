"""Build tests/data/heldout_articles.jsonl (the blind held-out articles) from its marked source, and check it.

The source, tests/data/heldout_articles.marked.txt, holds one article after each ``=== name`` line, its sentences one
a line, with the annotations written in the text:

- a trigger: ``[words|e1 Type]`` (``e1`` names the event inside its article);
- an argument: ``{words|e1 Role; e2 Role}`` (one span may fill roles of several events).

The JSONL written has events-dev's format (``name``, ``text``, ``events``: ``type``, ``trigger``, ``trigger_text``,
``arguments``: ``role``, ``span``, ``text``), code-point offsets, end exclusive. See tests/data/heldout_articles.md:
this set is for measuring only, never for tuning rules.

    python bench/heldout_articles.py            # rebuild the JSONL from the marked source and check it
    python bench/heldout_articles.py --check    # only check the JSONL (offsets, types, roles), write nothing
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKED = ROOT / "tests" / "data" / "heldout_articles.marked.txt"
JSONL = ROOT / "tests" / "data" / "heldout_articles.jsonl"

# The roles the set uses for each of events-dev's 8 types: ACE 2005's, less Time (not annotated in events-dev) and
# the value roles events-dev never fills (Crime, Money, Price).
ROLES: dict[str, frozenset[str]] = {
    "Conflict:Attack": frozenset({"Attacker", "Target", "Instrument", "Place"}),
    "Conflict:Demonstrate": frozenset({"Entity", "Place"}),
    "Contact:Meet": frozenset({"Entity", "Place"}),
    "Contact:Phone-Write": frozenset({"Entity"}),
    "Justice:Arrest-Jail": frozenset({"Person", "Agent", "Place"}),
    "Life:Die": frozenset({"Agent", "Victim", "Instrument", "Place"}),
    "Movement:Transport": frozenset({"Agent", "Artifact", "Vehicle", "Origin", "Destination"}),
    "Transaction:Transfer-Money": frozenset({"Giver", "Recipient", "Beneficiary", "Place"}),
}

_MARK = re.compile(r"\[([^\[\]{}|]+)\|([^\]]+)\]|\{([^\[\]{}|]+)\|([^}]+)\}")


class MarkupError(ValueError):
    """The marked source or the JSONL breaks the set's rules (the message says where)."""


def parse_article(name: str, marked: str) -> dict:
    """One article's plain text and events from its marked text (see the module's docstring)."""
    text_parts: list[str] = []
    length = 0
    triggers: dict[str, tuple[str, int, int]] = {}
    arguments: list[tuple[str, str, int, int]] = []
    last = 0
    for m in _MARK.finditer(marked):
        plain = marked[last : m.start()]
        text_parts.append(plain)
        length += len(plain)
        words = m.group(1) if m.group(1) is not None else m.group(3)
        start, end = length, length + len(words)
        text_parts.append(words)
        length = end
        last = m.end()
        if m.group(1) is not None:
            event_id, _, event_type = m.group(2).strip().partition(" ")
            if event_id in triggers:
                raise MarkupError(f"{name}: event {event_id} has two triggers")
            triggers[event_id] = (event_type.strip(), start, end)
        else:
            for filler in m.group(4).split(";"):
                event_id, _, role = filler.strip().partition(" ")
                arguments.append((event_id, role.strip(), start, end))
    text_parts.append(marked[last:])
    text = "".join(text_parts)
    if any(c in text for c in "[]{}|"):
        raise MarkupError(f"{name}: a bracket or bar left in the text (a mark not closed?)")
    events = []
    for event_id, (event_type, start, end) in triggers.items():
        args = [{"role": role, "span": [s, e], "text": text[s:e]} for eid, role, s, e in arguments if eid == event_id]
        events.append({"type": event_type, "trigger": [start, end], "trigger_text": text[start:end], "arguments": args})
    unknown = {eid for eid, *_ in arguments} - set(triggers)
    if unknown:
        raise MarkupError(f"{name}: arguments of events with no trigger: {sorted(unknown)}")
    article = {"name": name, "text": text, "events": sorted(events, key=lambda e: e["trigger"])}
    check_article(article)
    return article


def parse_marked(source: str) -> list[dict]:
    """Every article of the marked source, in order."""
    articles = []
    for block in re.split(r"^=== ", source, flags=re.MULTILINE)[1:]:
        name, _, body = block.partition("\n")
        articles.append(parse_article(name.strip(), body.strip("\n")))
    return articles


def check_article(article: dict) -> None:
    """Raise MarkupError unless every trigger and argument's offsets match their text inside the article, every
    type is one of the 8 and every role one its type takes."""
    name, text = article["name"], article["text"]
    for event in article["events"]:
        event_type = event["type"]
        if event_type not in ROLES:
            raise MarkupError(f"{name}: unknown event type {event_type!r}")
        start, end = event["trigger"]
        if not (0 <= start < end <= len(text)) or text[start:end] != event["trigger_text"]:
            raise MarkupError(f"{name}: trigger {event['trigger_text']!r} does not match its offsets")
        for arg in event["arguments"]:
            if arg["role"] not in ROLES[event_type]:
                raise MarkupError(f"{name}: role {arg['role']!r} is not one of {event_type}'s")
            s, e = arg["span"]
            if not (0 <= s < e <= len(text)) or text[s:e] != arg["text"] or arg["text"] != arg["text"].strip():
                raise MarkupError(f"{name}: argument {arg['text']!r} does not match its offsets")


def main() -> int:
    from events import read_articles  # events-dev's JSONL reader (here: the tests import this module)

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check the JSONL")
    args = ap.parse_args()
    if not args.check:
        articles = parse_marked(MARKED.read_text(encoding="utf-8"))
        JSONL.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    articles = read_articles(JSONL)
    for article in articles:
        check_article(article)
    events = [e for a in articles for e in a["events"]]
    words = [len(a["text"].split()) for a in articles]
    print(
        f"{JSONL.name}: {len(articles)} articles, {sum(words)} words ({min(words)}-{max(words)} each), "
        f"{len(events)} events, {sum(len(e['arguments']) for e in events)} arguments"
    )
    for event_type in ROLES:
        print(f"  {event_type:28} {sum(1 for e in events if e['type'] == event_type)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
