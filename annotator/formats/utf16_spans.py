"""Offsets of browser tools, which count in UTF-16 units (an emoji is two), read as code points: one span by its
text (``fit_span``), a task's spans together (``task_reads_utf16``: a span whose text fits both ways is read as the
others), spans without text by the words they fit (``looks_utf16``), and the readers' notes of it said once for a
file (``utf16_said_once``). The Prodigy, doccano, Label Studio and OmniEvent readers use them. doccano's grapheme mode
counts grapheme clusters (session 29): ``offsets_reading`` weighs that reading too for spans without text, and
``graphemes_fit`` reads spans whose texts fit only so."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable

from annotator.graphemes import GraphemeMap
from annotator.offsets import Utf16Map
from annotator.wording import counted, first_named

# the per-line note a reader makes of offsets read as UTF-16 units: "{path}:{line}: {what} offsets read as UTF-16
# units" (what: "span 1", "result r3", or nothing for a whole line), said once for the file by ``utf16_said_once``
READ_AS_UTF16 = "offsets read as UTF-16 units"
READ_AS_GRAPHEMES = "offsets read as grapheme clusters"  # doccano's grapheme mode, said once a file as the other
CODE_POINTS, UTF16, GRAPHEMES = "", "utf16", "graphemes"  # the readings of ``offsets_reading``


def fit_span(
    text: str,
    start: Any,
    end: Any,
    span_text: str | None,
    u16: Utf16Map | None = None,
    utf16_first: bool = False,
) -> tuple[int, int, str] | None:
    """Offsets as code points: as given when they fit, else read as UTF-16 units (browser tools).

    ``utf16_first``: the task's other spans count in UTF-16 units (``task_reads_utf16``), so a span that fits both
    ways is read as they are. Returns (start, end, how) with how "" or "utf16", or None when neither reading fits.
    """
    if type(start) is not int or type(end) is not int:
        return None
    as_given = 0 <= start < end <= len(text) and (span_text is None or text[start:end] == span_text)
    if as_given and not utf16_first:
        return start, end, ""
    if text.isascii():
        return (start, end, "") if as_given else None
    u16 = u16 or Utf16Map(text)
    s, e = u16.exact_codepoint(start), u16.exact_codepoint(end)
    if s is not None and e is not None and 0 <= s < e <= len(text) and (span_text is None or text[s:e] == span_text):
        return s, e, "utf16" if (s, e) != (start, end) else ""
    return (start, end, "") if as_given else None  # None: inside a surrogate pair, or neither reading fits


def task_reads_utf16(text: str, spans: Iterable[tuple[Any, Any, str | None]]) -> bool:
    """Do a task's spans (start, end, their text) count in UTF-16 units: some fit only that way, none only as code
    points? A tool writes all its offsets one way, so a span that fits both (its text again as many characters on
    as there are emoji before it: the first 'ha' of '😀😀😀 ha ha' at 7-9, the second in code points) is then read
    as UTF-16 units, where read alone it took the code points, the wrong 'ha'."""
    if text.isascii():
        return False
    u16 = Utf16Map(text)
    only_u16 = False
    for start, end, said in spans:
        if said is None or type(start) is not int or type(end) is not int:
            continue
        as_cp = 0 <= start < end <= len(text) and text[start:end] == said
        s, e = u16.exact_codepoint(start), u16.exact_codepoint(end)
        as_u16 = s is not None and e is not None and 0 <= s < e <= len(text) and text[s:e] == said
        if as_cp and not as_u16:
            return False
        only_u16 = only_u16 or (as_u16 and not as_cp)
    return only_u16


def looks_utf16(text: str, spans: list[tuple[int, int]]) -> bool:
    """For offsets given without the span text: do they fit the text better as UTF-16 units?"""
    return offsets_reading(text, spans, graphemes=False) == UTF16


def offsets_reading(text: str, spans: list[tuple[int, int]], graphemes: bool = True) -> str:
    """For offsets given without the span text, how they count: ``CODE_POINTS`` (''), ``UTF16`` (browser tools) or,
    with ``graphemes``, ``GRAPHEMES`` (doccano's grapheme mode: an emoji with its skin tone one character).

    Scores clean spans under each reading; the best wins, a tie going to code points, then UTF-16 units. A span is
    clean when it holds a letter or digit, neither cuts a word at its ends, and does not begin or end with whitespace
    or a symbol such as an emoji or flag (Unicode categories So, Sk), which is where a misread offset lands.
    """
    if not spans or (text.isascii() and "\r\n" not in text):
        return CODE_POINTS
    u16 = Utf16Map(text)

    def clean(s: int, e: int) -> bool:
        if not 0 <= s < e <= len(text):
            return False
        piece = text[s:e]
        if piece != piece.strip() or not any(ch.isalnum() for ch in piece):
            return False
        if unicodedata.category(piece[0]) in ("So", "Sk") or unicodedata.category(piece[-1]) in ("So", "Sk"):
            return False
        cut_left = s > 0 and text[s - 1].isalnum() and text[s].isalnum()
        cut_right = e < len(text) and text[e - 1].isalnum() and text[e].isalnum()
        return not cut_left and not cut_right

    as_cp = sum(clean(s, e) for s, e in spans)
    as_u16 = 0
    for s, e in spans:
        cs, ce = u16.exact_codepoint(s), u16.exact_codepoint(e)
        if cs is None or ce is None:
            as_u16 = -1  # inside a surrogate pair: cannot be UTF-16
            break
        as_u16 += clean(cs, ce)
    best, how = (as_u16, UTF16) if as_u16 > as_cp else (as_cp, CODE_POINTS)
    if not graphemes or best == len(spans):
        return how  # every span clean already: no reading can do better (the clusters are not looked for)
    gmap = GraphemeMap(text)
    if gmap.identity():
        return how
    as_g = 0
    for s, e in spans:
        gs, ge = gmap.exact_codepoint(s), gmap.exact_codepoint(e)
        if gs is None or ge is None:
            return how  # past the clusters: not counted so
        as_g += clean(gs, ge)
    return GRAPHEMES if as_g > best else how


def graphemes_fit(
    text: str, spans: list[tuple[Any, Any, str | None]], told: bool = False
) -> list[tuple[int, int]] | None:
    """The spans (start, end, their text or None) read as grapheme clusters, as code points, when every text given
    fits that way (doccano's grapheme mode with the spans' texts: a span after '👍🏽' one character short of its
    word read either other way); None when one does not, or none gives its text (``told``: the reading is known,
    ``offsets_reading``'s, so no text is needed)."""
    gmap = GraphemeMap(text)
    if gmap.identity() or not (told or any(said is not None for _, _, said in spans)):
        return None
    out = []
    for start, end, said in spans:
        s, e = gmap.exact_codepoint(start), gmap.exact_codepoint(end)
        if s is None or e is None or not s < e or (said is not None and text[s:e] != said):
            return None
        out.append((s, e))
    return out


def utf16_said_once(
    path: Path | str, notes: list[str], item: str, unit: str = "task", why: str = "", reading: str = READ_AS_UTF16
) -> list[str]:
    """The per-line notes "{path}:{line}: [{what} ]offsets read as UTF-16 units[ (why)]" said once for the file,
    where the first stood, counted in ``item``s (``result``, ``span``, ``line``) of ``unit``s with the first lines: a
    file of tweets with emoji was a note a span (Prodigy), a line (doccano) or a result (Label Studio until session
    27), thousands for a corpus. ``why``: how they were told, where the notes do not say it. One note stays as it is."""
    said = re.compile(re.escape(f"{path}:") + r"(\d+): (?:.+ )?" + re.escape(reading) + r"( \(.+\))?")
    found = [(k, m) for k, n in enumerate(notes) if (m := said.fullmatch(n))]
    if len(found) < 2:
        return notes
    lines = [int(m.group(1)) for _, m in found]
    whys = {m.group(2) or (f" ({why})" if why else "") for _, m in found}
    shown = first_named([str(x) for x in dict.fromkeys(lines)], 5)
    many = len(set(lines)) > 1
    counts = counted(len(lines), item) + (f" of {counted(len(set(lines)), unit)}" if unit != item else "")
    one = f"{path}: {reading}{whys.pop() if len(whys) == 1 else ''} in {counts} (line{'s' if many else ''} {shown})"
    at = found[0][0]
    taken = {k for k, _ in found}
    rest = [n for k, n in enumerate(notes) if k not in taken]
    before = sum(1 for k in range(at) if k not in taken)
    return rest[:before] + [one] + rest[before:]
