"""Which of Find's matches Alt+E in the bar goes to: a word that could be a new event's trigger.

Alt+E typed in Find's bar selects the words' next match and presses E there (session 27). A person typing the first
letters of a trigger word the suggester missed ("s t r" of seed 002's "strike") passes, on the way, matches that no
event is made on, "state", "Sudan's", "said". Alt+E goes to the next match whose word is a trigger word of the
schema (it names an event type: ``keyflow.trigger_types``, weak words too) and lies in no span; when none does, to
the next match in no span that is no closed-class word of English (articles, pronouns, prepositions, conjunctions,
auxiliaries: a word of a type the schema does not name, "accepting"); when none is, the caller takes the next match
as Enter does. As Alt+X passes over matches in no suggestion (session 30). The word list is English's grammar, not
any document's triggers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from annotator.find_words import next_match

FUNCTION_WORDS = frozenset(
    """
    a an the this that these those some any each every either neither no all both such what which whose
    i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its itself
    we us our ours ourselves they them their theirs themselves who whom whoever whatever one ones
    about above across after against along amid among around as at before behind below beneath beside besides
    between beyond by despite down during except for from in inside into like near of off on onto out outside over
    past per since than through throughout till to toward towards under underneath until unlike up upon via with
    within without
    and but or nor so yet because although though while whereas if unless whether when whenever where wherever
    how why once
    am is are was were be been being have has had having do does did doing will would shall should can could may
    might must ought
    not also just only very too still even ever never always often then there here thus hence however therefore
    now again already almost quite rather soon yes
    """.split()
)


def word_around(text: str, start: int, end: int) -> str:
    """The whole word the match ``[start, end)`` lies in (its letters and digits either side), lowercased."""
    s, e = start, end
    while s > 0 and text[s - 1].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum():
        e += 1
    return text[s:e].lower()


def next_match_for_event(
    text: str,
    matches: Sequence[tuple[int, int]],
    start: int,
    end: int,
    names: Sequence[tuple[int, int]],
    names_type: Callable[[str], bool],
    triggers: Sequence[tuple[int, int]] = (),
) -> int | None:
    """``next_match``'s index going on from the caret or selection [start, end), wrapping round, but of the first match
    whose word ``names_type`` (a trigger word of the schema) and that lies in none of ``names`` (the document's spans)
    nor ``triggers`` (the events' triggers: E there decides that event, no new one); when none does, of the first such
    word in an event's trigger (E decides that event, as Enter and E did: "st", Alt+E on a suggested "strike" goes on
    deciding it, not to "state"); then of the first in no span whose word is no closed-class word
    (``FUNCTION_WORDS``); None when no match is any. Each distinct word is asked once."""
    first = next_match(matches, start, end)
    if first is None:
        return None
    merged, made = merged_spans(names), merged_spans(triggers)
    starts, made_starts = [s for s, _ in merged], [s for s, _ in made]
    asked: dict[str, bool] = {}
    in_event: int | None = None  # the first trigger word of an event's trigger
    fallback: int | None = None  # the first word of no closed class
    for k in range(len(matches)):
        i = (first + k) % len(matches)
        s, e = matches[i]
        j = bisect_right(starts, s) - 1
        if j >= 0 and e <= merged[j][1]:
            continue
        word = word_around(text, s, e)
        if word not in asked:
            asked[word] = names_type(word)
        t = bisect_right(made_starts, s) - 1
        if asked[word] and not (t >= 0 and e <= made[t][1]):
            return i
        if asked[word] and in_event is None:
            in_event = i
        if fallback is None and word not in FUNCTION_WORDS:
            fallback = i
    return in_event if in_event is not None else fallback


def merged_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, those that overlap made one: a match lies in a span when it lies in its merged stretch."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
