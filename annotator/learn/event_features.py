"""Features of candidate trigger tokens and of (trigger, argument candidate) pairs, read from a parsed spaCy Doc."""

from __future__ import annotations

from typing import Any, Sequence

TRIGGER_POS = {"VERB", "NOUN", "ADJ", "PROPN"}
ARGUMENT_POS = {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}
MAX_PATH = 4


def entity_tokens(doc: Any, entities: Sequence[tuple[int, int, str]]) -> dict[int, tuple[int, int, str]]:
    """Token index -> (first token, end token, label) of the entity span covering it (code-point spans in)."""
    out: dict[int, tuple[int, int, str]] = {}
    for s, e, label in entities:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for i in range(span.start, span.end):
            if i not in out or (span.end - span.start) > (out[i][1] - out[i][0]):
                out[i] = (span.start, span.end, label)
    return out


def trigger_features(tok: Any, ents: dict[int, tuple[int, int, str]], prior: Sequence[str]) -> list[str]:
    lemma = tok.lemma_.lower()
    f = ["bias", f"w={tok.lower_}", f"l={lemma}", f"p={tok.pos_}", f"t={tok.tag_}", f"lp={lemma}|{tok.pos_}",
         f"d={tok.dep_}", f"hl={tok.head.lemma_.lower()}", f"dhl={tok.dep_}|{tok.head.lemma_.lower()}",
         f"hp={tok.head.pos_}", f"s3={tok.lower_[-3:]}", f"e={ents[tok.i][2] if tok.i in ents else '-'}"]
    doc = tok.doc
    if tok.i > 0:
        f.append(f"l-1={doc[tok.i - 1].lemma_.lower()}")
    if tok.i + 1 < len(doc):
        f.append(f"l+1={doc[tok.i + 1].lemma_.lower()}")
    for c in tok.children:
        f.append(f"c={c.dep_}")
        f.append(f"cl={c.dep_}|{c.lemma_.lower()}")
        if c.i in ents:
            f.append(f"ce={c.dep_}|{ents[c.i][2]}")
        if c.dep_ == "prep":
            for g in c.children:
                if g.i in ents:
                    f.append(f"cpe={c.lemma_.lower()}|{ents[g.i][2]}")
    for t in prior:
        f.append(f"r={t}")
        f.append(f"rl={t}|{lemma}")
    if not prior:
        f.append("r=-")
    return f


def candidate_spans(sent: Any, ents: dict[int, tuple[int, int, str]]) -> list[tuple[Any, int, int, str | None]]:
    """(head token, first token, end token, entity label or None): one candidate per entity or nominal head."""
    out: list[tuple[Any, int, int, str | None]] = []
    seen: set[tuple[int, int]] = set()
    chunks = {}
    try:
        for ch in sent.noun_chunks:
            chunks[ch.root.i] = (ch.start, ch.end)
    except ValueError:  # no parse
        pass
    for tok in sent:
        if tok.i in ents:
            s, e, label = ents[tok.i]
            if (s, e) in seen:
                continue
            seen.add((s, e))
            span = tok.doc[s:e]
            out.append((span.root, s, e, label))
        elif tok.pos_ in ARGUMENT_POS and tok.i in chunks:
            s, e = chunks[tok.i]
            if (s, e) not in seen:
                seen.add((s, e))
                out.append((tok, s, e, None))
    return out


def _path(a: Any, b: Any) -> tuple[str, int]:
    """Dependency path from token a to token b: up steps then down steps, preposition words kept."""
    up = [a]
    while up[-1].head.i != up[-1].i and len(up) <= 12:
        up.append(up[-1].head)
    where = {t.i: k for k, t in enumerate(up)}
    down = [b]
    while down[-1].i not in where and down[-1].head.i != down[-1].i and len(down) <= 12:
        down.append(down[-1].head)
    if down[-1].i not in where:
        return "far", 99
    k = where[down[-1].i]
    steps = [f"^{t.dep_}" for t in up[:k]]
    for t in reversed(down[:-1]):
        steps.append(f"v{t.dep_}:{t.lemma_.lower()}" if t.dep_ in ("prep", "agent") else f"v{t.dep_}")
    n = len(steps)
    return ("/".join(steps) if n <= MAX_PATH else "long"), n


def argument_features(trigger: Any, type_: str, head: Any, label: str | None) -> list[str]:
    path, n = _path(trigger, head)
    lab = label or f"np:{head.pos_}"
    d = head.i - trigger.i
    side = "L" if d < 0 else "R"
    dist = min(abs(d), 10) // 3
    tl = trigger.lemma_.lower()
    base = [f"path={path}", f"lab={lab}", f"pl={path}|{lab}", f"n={min(n, 6)}", f"side={side}{dist}",
            f"cdep={head.dep_}", f"cl={head.lemma_.lower()}", f"cpos={head.pos_}", f"tp={trigger.pos_}|{path}"]
    typed = [f"{type_}|{x}" for x in base] + [f"{type_}|tl={tl}|{path}", f"{type_}|tl={tl}|{lab}", f"{type_}|bias"]
    return base + typed
