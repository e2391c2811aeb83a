"""Whether a DATE or TIME span says when something happened or only how long it lasted.

A Time argument places an event on the calendar: ACE's Time roles (Time-Within, Time-Starting, Time-Ending,
Time-Before, Time-After, ...) each relate the event to a time it happened in, began, ended or came before or after.
A bare length of time ("for three days", "a two-year war", "ended a trial that lasted almost two years") places
nothing, nor does an age ("a 20-year-old man"; "Zielinski, 58, was arrested", spaCy's DATE for an age set off by
commas after a name: ACE marks no time there); "two years ago", "three days later", "the past two weeks", "in two
days" are measured from a point and do.
The units of time, the number words and the words that measure from a point are closed classes of English, not
words of any event. The test reads the text alone (``is_length_of_time``), so the app's role keys, which read no
parse, and the suggester tell a length alike.
"""

from __future__ import annotations

import re
from typing import Any
from weakref import WeakKeyDictionary

UNITS = frozenset("second minute hour day night week fortnight month year decade century millennium".split())
# words that measure a length from a point, which makes it one: "two years ago", "three days later", "the past week"
_ANCHORS = frozenset(
    "ago later earlier before after since past last next this that these those coming previous following same "
    "recent early late mid".split()
)
# a length counted from now or from an event is a point too: "in two days", "within hours of the attack"
_POINT_PREPS = frozenset("in within after before by until till from since".split())
# the parts of a day and the clock: what makes a span a TIME rather than a DATE (OntoNotes, whose labels the schema's
# are: "Saturday morning", "about 10:30 a.m.", "that night"); a closed class of English, as the units are
_DAY_PARTS = frozenset("morning afternoon evening night tonight overnight midnight noon midday dawn dusk".split())
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d\s*[ap]\.m\.?|\d\s*[ap]m\b|o'clock", re.IGNORECASE)
_AGE = re.compile(r"\d{1,3}")  # a bare number of at most three digits: no year ("2023"), no date ("5/12")


def tells_time_of_day(words: str) -> bool:
    """Whether ``words`` name a part of a day or a clock time ("Saturday morning", "about 10:30 a.m.", "at noon")."""
    return bool(_CLOCK.search(words)) or any(w in _DAY_PARTS for w in re.findall(r"[a-z]+", words.lower()))


def is_apposed_age(text: str, start: int, end: int) -> bool:
    """Whether the span at [start, end) of ``text`` is a bare number set off by commas right after a word (or by a
    comma and the sentence's end): an age told in apposition ("Zielinski, 58, was arrested", "says Soler, 52."),
    which spaCy's pipeline often labels DATE. It says how old someone
    is, no time an event happened at. Text alone, so the app's role keys (no parse) and the suggester read it alike."""
    if not _AGE.fullmatch(text[start:end]):
        return False
    before = text[max(0, start - 40) : start].rstrip(" ")
    after = text[end : end + 3].lstrip(" ")
    return before.endswith(",") and before[:-1].rstrip(" ")[-1:].isalpha() and after[:1] in (",", ".", ";", "")


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands dozen "
    "dozens several few many some couple".split()
)  # a count of units: English's number words (and the vague counts), a closed class as the units are
_ORDINAL = re.compile(r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(st|nd|rd|th)")
# the names of the days and months, which place a span on the calendar ("Tuesday", "May 2023")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())
# words before a length that make it one told as such even when a point-word follows ("for weeks after the shooting")
_MEASURED = frozenset(("for", "of"))
_TOKEN = re.compile(r"[^\W\d_]+|\d[\d,.:]*(?:st|nd|rd|th)?")
_STARTS = ".!?\n\"“‘'(—"  # marks after which a capital starts a sentence (or a quote) and names nothing


def _unit(word: str) -> str | None:
    """The unit of time ``word`` names ("years" -> "year", "centuries" -> "century"), if any."""
    if word in UNITS:
        return word
    for plural, single in (("ies", "y"), ("ia", "ium"), ("s", "")):
        if word.endswith(plural) and word[: -len(plural)] + single in UNITS:
            return word[: -len(plural)] + single
    return None


def is_length_of_time(text: str, start: int, end: int) -> bool:
    """Whether the span at [start, end) of ``text`` says only how long something lasted ("ten years", "three months",
    "for two weeks", "almost two years", "a two-year war", "decades") or how old someone is ("Zielinski, 58,", "a
    20-year-old"), from the text alone: its last word a unit of time, counted or plural, and nothing that measures it
    from a point (not "two years ago", "last year", "the past two weeks", "in two days", "three days after the
    attack"), nor a day, a month, a year or an ordinal ("in 2019", "May 2023", "the first week", "day 77"). Neither is
    a time an event happened at (ACE's Time-Within). Text alone, so the role keys (no parse) and the suggester read it
    alike."""
    if is_apposed_age(text, start, end):
        return True  # "Zielinski, 58, was arrested": an age, no time
    words = [w.lower() for w in _TOKEN.findall(text[start:end])]
    if not words:
        return False
    if "old" in words and any(_unit(w) for w in words):
        return True  # an age ("a 20-year-old man", "three years old"): how long one has lived, no time
    unit = _unit(words[-1])
    if unit is None:
        return False  # "in 2019", "day 77", "Tuesday": no length's unit at the end
    if any(w in _CALENDAR or w in _ANCHORS or _ORDINAL.fullmatch(w) or len(w) == 4 and w.isdigit() for w in words):
        return False  # "the past two weeks", "last year", "the third straight year", "May 2023"
    if _names_something(text, start, end):
        return False  # "the so-called Obama years": a name's years, a point
    if re.search(r"-\s*" + re.escape(words[-1]) + r"$", text[start:end].lower()):
        return True  # "a two-year war", "24-year prison sentences": a length said of a thing, where it is told
    before = [w.lower() for w in _TOKEN.findall(text[max(0, start - 30) : start])]
    after = re.match(r"\s*([^\W\d_]+)", text[end : end + 30])
    measured = bool(before) and before[-1] in _MEASURED or words[0] in _MEASURED
    if after and after.group(1).lower() in _ANCHORS and not measured:
        return False  # "two years after the war", "just days after the election", "three days later"
    if before and before[-1] in _POINT_PREPS or words[0] in _POINT_PREPS:
        return False  # "in two days", "within hours": counted from now or from an event, a point
    if any(w[0].isdigit() or w in _NUMBER_WORDS for w in words):
        return True  # "ten years", "a 40-year period", "several hours"
    if any(w in _DETERMINERS for w in words):
        return False  # "the day", "that night": a point
    return words[-1] != unit  # "for days", "decades of war": a plural unit uncounted


_JOINED = re.compile(r"\s+(?:to|for)\s+")


def point_and_length(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two phrases of a DATE span the NER ran across a preposition ("was sentenced on Tuesday to eight years":
    spaCy's one DATE "Tuesday to eight years"), as (start, end) offsets into ``text``, the span's own words: a point
    on the calendar (a day, a month or a year) before "to" or "for", and a length of time after it (the Sentence,
    or how long it lasted), which no single time is ("from March to May", "2004 to 2007", "one to three years" are
    one each and stay whole); else None."""
    m = _JOINED.search(text)
    if m is None or _JOINED.search(text, m.end()) is not None:
        return None
    first = [w.lower() for w in _TOKEN.findall(text[: m.start()])]
    if not any(w in _CALENDAR or len(w) == 4 and w.isdigit() for w in first) or any(_unit(w) for w in first):
        return None
    if not is_length_of_time(text, m.end(), len(text)):
        return None
    return (0, m.start()), (m.end(), len(text))


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def is_weekday(word: str) -> bool:
    """Whether ``word`` is the name of a day of the week."""
    return word.lower() in _WEEKDAYS


def name_and_weekday(text: str, label: str) -> int | None:
    """Where the weekday starts in a name the NER ran into the day after it ("heading to Kyiv Monday": spaCy's one
    WORK_OF_ART "Kyiv Monday"; news writes the day bare after a place, "arrived in Kabul Tuesday"), as an offset into
    ``text``; else None. A name of several words before the day, a day inside a name ("Palm Sunday Mass"), a DATE, a
    TIME or an EVENT ("Bloody Sunday", "Super Tuesday") is left whole."""
    if label in ("DATE", "TIME", "EVENT"):
        return None
    words = text.split(" ")
    if len(words) != 2 or words[1].lower() not in _WEEKDAYS or not words[0][:1].isupper():
        return None
    if words[0].lower() in _CALENDAR or words[0].lower() in _WEEKDAYS:
        return None
    return len(words[0]) + 1


_DAY_WORDS = frozenset("yesterday today tomorrow".split())  # the days named from now, as the weekdays are


def day_and_part(first: str, first_label: str, gap: str, second: str, second_label: str) -> bool:
    """Whether a DATE (``first``) and a TIME (``second``) the NER read side by side, ``gap`` between them, are one
    time: a day ("Saturday", "yesterday", "Dec. 5") and a part of it or the clock right after it with one space
    between ("Saturday morning", "Wednesday evening", "Tuesday 10:30 a.m."), which OntoNotes, whose labels the
    schema's are, marks as one TIME and an event's Time is whole; a length ("three days") or a year before it is
    none, nor is a phrase a preposition or a comma parts ("on Saturday at 10:30 a.m.": two, as the text says)."""
    if first_label != "DATE" or second_label != "TIME" or gap != " " or not tells_time_of_day(second):
        return False
    words = [w.lower() for w in _TOKEN.findall(first)]
    if not words or any(_unit(w) for w in words) or tells_time_of_day(first):
        return False
    return any(w in _CALENDAR or w in _DAY_WORDS for w in words)


def _names_something(text: str, start: int, end: int) -> bool:
    """Whether a word of the span at [start, end) is written with a capital where no sentence or quote starts (a
    name: "the Obama years"); a span's first word after a full stop, a line break or a quote is not ("Decades of
    conflict", "“For three years")."""
    at_start = text[max(0, start - 3) : start].rstrip(" ")[-1:] in _STARTS or start == 0
    for i, m in enumerate(re.finditer(r"[^\W\d_]+", text[start:end])):
        if m.group()[0].isupper() and not (i == 0 and at_start):
            return True
    return False


# each Doc's answers of ``is_duration`` by span: a date is asked about by every trigger near it, for each type;
# weakly held, so no Doc is kept alive by it
_DURATIONS: WeakKeyDictionary = WeakKeyDictionary()


def is_duration(doc: Any, start: int, end: int) -> bool:
    """``is_length_of_time`` for the DATE/TIME span at [start, end) of a parsed ``doc`` (the suggester's), read from
    the words around the span, not ``doc.text``, which spaCy joins anew at each read (a whole article per span);
    answered once per span of a Doc."""
    known = _DURATIONS.get(doc)
    if known is None:
        known = _DURATIONS[doc] = {}
    told = known.get((start, end))
    if told is None:
        told = known[start, end] = _is_duration(doc, start, end)
    return told


def _is_duration(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    near = doc[max(0, span.start - 8) : span.end + 4]  # as much as the text's test looks at either side
    return is_length_of_time(near.text, start - near.start_char, end - near.start_char)
