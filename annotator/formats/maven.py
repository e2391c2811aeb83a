"""MAVEN's own files as OmniEvent's unified lines, for ``formats.omnievent`` to read: MAVEN (``content`` sentences
with ``tokens``; ``events`` with ``mention`` lists of ``trigger_word``, ``sent_id``, ``offset`` token spans;
``negative_triggers``) made into a line a sentence the way OmniEvent's MAVEN conversion makes them (each sentence's
tokens, a space between them); MAVEN-ARG (the whole ``document`` text; ``events`` with ``mention`` lists of character
``offset`` spans and an ``argument`` map of role to ``{content, offset}`` or ``{entity_id}``; ``entities`` with
``mention`` lists) into one line.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from annotator.formats.reading import listed, need, whole_number
from annotator.formats.tokens import JoinedTokens, join_own_texts, join_tokens
from annotator.tokens import CJK

CJK_CHAR = re.compile(f"[{CJK}]")


def is_maven_line(obj: Any) -> bool:
    """A MAVEN document: ``content`` as sentences with ``tokens``, beside ``events`` or ``candidates``."""
    content = obj.get("content") if isinstance(obj, dict) else None
    return (
        isinstance(content, list)
        and bool(content)
        and all(isinstance(s, dict) and isinstance(s.get("tokens"), list) for s in content)
        and any(k in obj for k in ("events", "candidates", "negative_triggers"))
    )


def _tokens_by_sentence(obj: Any) -> bool:
    """MAVEN-ERE's and MAVEN-ARG's shape of text: ``tokens`` a list a sentence beside ``sentences``, their texts."""
    return (
        isinstance(obj, dict)
        and isinstance(obj.get("tokens"), list)
        and all(isinstance(s, list) for s in obj["tokens"])
        and isinstance(obj.get("sentences"), list)
    )


def is_maven_ere_line(obj: Any) -> bool:
    """A MAVEN-ERE training document: ``tokens`` a list a sentence, ``sentences`` their texts, beside ``events`` whose
    items have ``mention`` lists (coreference chains), with ``TIMEX`` and the relations between events."""
    return (
        _tokens_by_sentence(obj)
        and isinstance(obj.get("events"), list)
        and all(isinstance(v, dict) and "mention" in v for v in obj["events"])
    )


def maven_ere_as_maven(obj: dict[str, Any]) -> dict[str, Any]:
    """A MAVEN-ERE training document in MAVEN's shape (``content`` of ``tokens`` and ``sentence``), for
    ``maven_lines``; its ``TIMEX``, relations and title go along. Session 31: such a line was refused as the project's
    own JSONL ("'text' must be a non-empty string"), though MAVEN-ERE's test lines were read."""
    own = obj["sentences"]
    content = [{"tokens": t, "sentence": own[k] if k < len(own) else None} for k, t in enumerate(obj["tokens"])]
    return {**{k: v for k, v in obj.items() if k not in ("tokens", "sentences")}, "content": content}


def is_maven_arg_line(obj: Any) -> bool:
    """A MAVEN-ARG document: the ``document`` text beside ``events`` whose items have ``mention`` lists."""
    if not isinstance(obj, dict) or not isinstance(obj.get("document"), str):
        return False
    events = obj.get("events")
    return isinstance(events, list) and all(isinstance(v, dict) and "mention" in v for v in events)


def is_maven_test_line(obj: Any) -> bool:
    """A MAVEN-ARG or MAVEN-ERE test document: ``tokens`` a list a sentence, ``sentences`` their texts, beside the
    ``event_mentions`` to classify (typed candidates, more than the gold, without arguments)."""
    return _tokens_by_sentence(obj) and isinstance(obj.get("event_mentions"), list)


def _sentence(tokens: Any, own: Any, k: int, path: Path, line: int, what: str) -> JoinedTokens:
    """A sentence's text: its own (``sentence``) when it holds a Chinese or Japanese character and the tokens (as
    OmniEvent's LEVEN conversion keeps it, and our export writes such a line), else its tokens with a space between
    them (as OmniEvent's MAVEN conversion writes an English one)."""
    need(
        isinstance(tokens, list) and bool(tokens) and all(isinstance(t, str) and t.strip() for t in tokens),
        path,
        line,
        f"{what} {k}: 'tokens' must be a non-empty list of tokens (strings)",
    )
    if isinstance(own, str) and CJK_CHAR.search(own):
        joined, kept = join_own_texts([tokens], [own])
        if kept[0]:
            return joined
    return join_tokens([tokens])


def _token_span(m: Any, joined: list[JoinedTokens], path: Path, line: int, what: str) -> tuple[int, list[int]]:
    """(sentence, [start, end]) of a mention given by ``sent_id`` and a token ``offset``: the characters of those
    tokens in the sentence's text."""
    need(isinstance(m, dict), path, line, f"{what} must be an object")
    k, off = m.get("sent_id"), m.get("offset")
    if not (whole_number(k) and 0 <= k < len(joined)):
        need(False, path, line, f"{what}: 'sent_id' {k!r} is not one of the {len(joined)} sentences")
    j = joined[k]
    n = len(j.starts)
    if not (
        isinstance(off, list)
        and len(off) == 2
        and whole_number(off[0])
        and whole_number(off[1])
        and 0 <= off[0] < off[1] <= n
    ):
        need(False, path, line, f"{what}: 'offset' {off!r} is not a token span of sentence {k} ({n} tokens)")
    return k, [j.starts[off[0]], j.ends[off[1] - 1]]


def maven_test_lines(obj: dict[str, Any], path: Path, line: int) -> list[dict[str, Any]]:
    """A MAVEN-ARG (or MAVEN-ERE) test document as unified lines, a sentence each (its text as ``_sentence`` tells
    it): each of its ``event_mentions`` a trigger of its type (the reader takes them as suggestions: they are
    candidates, more than the gold), each ``TIMEX`` an entity of its type."""
    own = obj["sentences"]
    joined = [
        _sentence(tokens, own[k] if k < len(own) else None, k, path, line, "tokens")
        for k, tokens in enumerate(obj["tokens"])
    ]
    need(bool(joined), path, line, "'tokens' holds no sentence")
    lines: list[dict[str, Any]] = [
        {"id": obj.get("id"), "text": j.text, "events": [], "negative_triggers": [], "entities": []} for j in joined
    ]
    keys = ("id", "tokens", "sentences", "event_mentions", "TIMEX")
    lines[0].update({k: v for k, v in obj.items() if k not in keys})
    for m_k, m in enumerate(obj["event_mentions"]):
        k, pos = _token_span(m, joined, path, line, f"event_mentions {m_k}")
        trigger = {"id": m.get("id"), "trigger_word": m.get("trigger_word"), "position": pos, "arguments": []}
        lines[k]["events"].append({"type": m.get("type"), "triggers": [trigger]})
    _timex(obj, joined, lines, path, line)
    return lines


def _timex(obj: dict[str, Any], joined: list[JoinedTokens], lines: list[dict[str, Any]], path: Path, line: int) -> None:
    """Each of a MAVEN-ERE document's ``TIMEX`` an entity of its type (``DATE``) on the line of its sentence."""
    for t_k, t in enumerate(listed(obj.get("TIMEX"), "'TIMEX'", path, line)):
        k, pos = _token_span(t, joined, path, line, f"TIMEX {t_k}")
        mention = {"id": t.get("id"), "mention": t.get("mention"), "position": pos}
        lines[k]["entities"].append({"type": t.get("type"), "mentions": [mention]})


def maven_lines(obj: dict[str, Any], path: Path, line: int) -> list[dict[str, Any]]:
    """A MAVEN document as unified lines, a sentence each: the text its tokens with a space between them (a Chinese
    sentence, LEVEN's, its own text: ``_sentence``), each token span ``offset`` (of sentence ``sent_id``) at the
    characters of those tokens; a test file's ``candidates`` (words without types) as the line's."""
    joined = [_sentence(s["tokens"], s.get("sentence"), k, path, line, "content") for k, s in enumerate(obj["content"])]
    doc_id = obj.get("id")
    lines: list[dict[str, Any]] = [
        {"id": doc_id, "text": j.text, "events": [], "negative_triggers": [], "entities": []} for j in joined
    ]
    keys = ("id", "content", "events", "negative_triggers", "candidates", "TIMEX")
    lines[0].update({k: v for k, v in obj.items() if k not in keys})
    _timex(obj, joined, lines, path, line)  # MAVEN-ERE's

    def place(m: Any, what: str) -> tuple[int, list[int]]:
        return _token_span(m, joined, path, line, what)

    for v_k, event in enumerate(listed(obj.get("events"), "'events'", path, line)):
        need(isinstance(event, dict), path, line, f"events {v_k} must be an object")
        by_sentence_: dict[int, list[dict[str, Any]]] = {}
        for m_k, m in enumerate(listed(event.get("mention"), f"events {v_k}: 'mention'", path, line)):
            k, pos = place(m, f"events {v_k} mention {m_k}")
            trigger = {"id": m.get("id"), "trigger_word": m.get("trigger_word"), "position": pos, "arguments": []}
            by_sentence_.setdefault(k, []).append(trigger)
        for k, triggers in by_sentence_.items():
            lines[k]["events"].append({"type": event.get("type"), "triggers": triggers})
    for n_k, neg in enumerate(listed(obj.get("negative_triggers"), "'negative_triggers'", path, line)):
        k, pos = place(neg, f"negative_triggers {n_k}")
        lines[k]["negative_triggers"].append(
            {"id": neg.get("id"), "trigger_word": neg.get("trigger_word"), "position": pos}
        )
    for c_k, c in enumerate(listed(obj.get("candidates"), "'candidates'", path, line)):
        k, pos = place(c, f"candidates {c_k}")
        lines[k].setdefault("candidates", []).append(
            {"id": c.get("id"), "trigger_word": c.get("trigger_word"), "position": pos}
        )
    return lines


def _key(value: Any) -> bool:
    """Whether ``value`` can be an entity's id (absent, a string or a number; a list or an object cannot)."""
    return value is None or isinstance(value, (str, int, float))


def _distance(position: Any, at: int) -> int:
    """How far a mention's start is from ``at`` (a malformed position is left for the reader to refuse)."""
    ok = isinstance(position, list) and bool(position) and whole_number(position[0])
    return abs(position[0] - at) if ok else 0


def maven_arg_line(obj: dict[str, Any], path: Path, line: int, lost: Counter[str]) -> dict[str, Any]:
    """A MAVEN-ARG document as one unified line. An event's arguments go with each of its triggers; an argument given
    by ``entity_id`` is that entity's mention nearest the trigger (counted in ``lost``: the others are not its
    argument), one given by its ``content`` and ``offset`` is that span."""
    text = obj["document"]
    entities = []
    mentions_of: dict[Any, list[dict[str, Any]]] = {}
    for e_k, entity in enumerate(listed(obj.get("entities"), "'entities'", path, line)):
        need(isinstance(entity, dict), path, line, f"entities {e_k} must be an object")
        mentions = [
            {"id": m.get("id"), "mention": m.get("mention"), "position": m.get("offset")} if isinstance(m, dict) else m
            for m in listed(entity.get("mention"), f"entities {e_k}: 'mention'", path, line)
        ]
        need(_key(entity.get("id")), path, line, f"entities {e_k}: 'id' must be a string or a number")
        mentions_of[entity.get("id")] = [m for m in mentions if isinstance(m, dict)]
        entities.append({"type": entity.get("type"), "mentions": mentions})

    def nearest(entity_id: Any, at: Any, what: str) -> dict[str, Any]:
        ms = mentions_of.get(entity_id) if _key(entity_id) else None
        need(bool(ms), path, line, f"{what}: no entity {entity_id!r} with a mention in the document")
        assert ms is not None
        if len(ms) > 1:
            lost["arguments given by an entity of several mentions (its mention nearest the trigger taken)"] += 1
        t = at[0] if isinstance(at, list) and at and whole_number(at[0]) else 0
        return min(ms, key=lambda m: _distance(m.get("position"), t))

    events = []
    for v_k, event in enumerate(listed(obj.get("events"), "'events'", path, line)):
        need(isinstance(event, dict), path, line, f"events {v_k} must be an object")
        argument = event.get("argument") or {}
        need(isinstance(argument, dict), path, line, f"events {v_k}: 'argument' must map roles to lists")
        triggers = []
        for m_k, m in enumerate(listed(event.get("mention"), f"events {v_k}: 'mention'", path, line)):
            need(isinstance(m, dict), path, line, f"events {v_k} mention {m_k} must be an object")
            args = []
            for role, fillers in argument.items():
                what = f"events {v_k} argument {role}"
                need(isinstance(fillers, list), path, line, f"{what} must be a list")
                got = []
                for f in fillers:
                    need(isinstance(f, dict), path, line, f"{what}: {f!r} must be an object")
                    if "entity_id" in f:
                        got.append(nearest(f["entity_id"], m.get("offset"), what))
                    else:
                        got.append({"mention": f.get("content"), "position": f.get("offset")})
                if got:
                    args.append({"role": role, "mentions": got})
            triggers.append(
                {
                    "id": m.get("id"),
                    "trigger_word": m.get("trigger_word"),
                    "position": m.get("offset"),
                    "arguments": args,
                }
            )
        events.append({"type": event.get("type"), "triggers": triggers})
    rest = {k: v for k, v in obj.items() if k not in ("id", "document", "events", "entities", "negative_triggers")}
    return {"id": obj.get("id"), "text": text, "events": events, "entities": entities, **rest}
