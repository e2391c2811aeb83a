"""A Prodigy task's spans and tokens placed on its text, for the reader (``prodigy``): a span object's offsets
checked against the text (UTF-16 units where the file's tasks count so; its tokens may confirm offsets its shown
``text`` does not) and its label (``task_span``), the spans that give their text (``texted_spans``, for telling
UTF-16 files), and the task's own tokens as the document's (``task_tokens``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.formats.reading import need
from annotator.formats.schema_names import SchemaNames
from annotator.formats.utf16_spans import fit_span
from annotator.tokens import sentence_starts


def task_span(
    text: str,
    s: Any,
    path: Path,
    line: int,
    what: str,
    remapped: list[str],
    bare: bool = False,
    names: SchemaNames | None = None,
    tokens: Any = None,
    utf16: bool = False,
) -> tuple[int, int, str]:
    """A span object's offsets (checked against the text) and label (as the schema names it, with ``names``);
    ``bare``: a relation's end, which may be words that are no span (rel.manual draws relations from any token: its
    ``head_span`` then has ``"label": null``); ``tokens``: the task's own, which may confirm offsets its ``text``
    does not; ``utf16``: the text's tasks count in UTF-16 units (``task_reads_utf16``), so a span that fits both ways is
    read as they are."""
    need(isinstance(s, dict), path, line, f"{what} must be an object")
    label = s.get("label")
    need((bare and label is None) or (isinstance(label, str) and label != ""), path, line, f"{what} needs a label")
    said = s.get("text") if isinstance(s.get("text"), str) else None
    # a span given by its tokens alone (a converter's, or a script's that writes token indices): its characters are
    # where the task's tokens put them, the one place its offsets would have come from
    if s.get("start") is None and s.get("end") is None:
        s = {**s, **dict(zip(("start", "end"), given_offsets(text, s, tokens)))}
    got = fit_span(text, s.get("start"), s.get("end"), said, utf16_first=utf16)
    if got is None and isinstance(s.get("text"), str) and tokens_confirm(text, s, tokens):
        # Prodigy places a span by its offsets and tokens; its "text" is only shown (a converter may leave a
        # word piece there: "Zulu" on the token "Zuluovia")
        got = (s["start"], s["end"], "")
        remapped.append(
            f"{path}:{line}: {what}: its text {s['text']!r} is not the text at its offsets "
            f"{text[s['start'] : s['end']]!r}; kept by its offsets, which its tokens confirm"
        )
    by_tokens = s.get("start") is None and s.get("end") is None and "token_start" in s
    need(
        got is not None,
        path,
        line,
        (
            f"{what} has token indices {s.get('token_start')!r}, {s.get('token_end')!r} and no offsets: they name no "
            "tokens of the task that fit the text"
            if by_tokens
            else f"{what} has offsets {s.get('start')!r}, {s.get('end')!r} that do not fit the text"
        )
        + (f" (expected {s['text']!r})" if isinstance(s.get("text"), str) else ""),
    )
    if got[2]:
        remapped.append(f"{path}:{line}: {what} offsets read as UTF-16 units")
    return got[0], got[1], names.region(label) if names is not None and label is not None else label


def texted_spans(tasks: Iterable[Any]) -> Iterator[tuple[Any, Any, str | None]]:
    """The offsets and text of each span of ``tasks`` that gives its text (its spans, suggestions and relations'
    ends), for ``task_reads_utf16``."""
    for task in tasks:
        if not isinstance(task, dict):
            continue
        given = [*(task.get("spans") or []), *(task.get("suggestions") or [])]
        given += [
            r.get(end)
            for r in task.get("relations") or []
            if isinstance(r, dict)
            for end in ("head_span", "child_span")
        ]
        for sp in given:
            if isinstance(sp, dict) and isinstance(sp.get("text"), str):
                yield sp.get("start"), sp.get("end"), sp["text"]


def given_offsets(text: str, s: dict[str, Any], tokens: Any) -> tuple[Any, Any]:
    """A span object's ``start`` and ``end`` as given, or, when it gives neither, where its tokens put it
    (``token_edges``), for what is kept of it before ``task_span`` checks it (an entity link's span)."""
    if s.get("start") is None and s.get("end") is None and (edges := token_edges(text, s, tokens)) is not None:
        return edges
    return s.get("start"), s.get("end")


def tokens_confirm(text: str, s: dict[str, Any], tokens: Any) -> bool:
    """Do the span's ``token_start`` and ``token_end`` name tokens of the task that fit the text and begin and end
    exactly at its ``start`` and ``end``?"""
    start, end = s.get("start"), s.get("end")
    edges = token_edges(text, s, tokens)
    if edges is None or type(start) is not int or type(end) is not int or edges != (start, end):
        return False
    # tokens that show their text, which the text has there: they outweigh the span's own shown text
    return all(isinstance(tokens[s[k]].get("text"), str) for k in ("token_start", "token_end"))


def token_edges(text: str, s: dict[str, Any], tokens: Any) -> tuple[int, int] | None:
    """The characters from the start of the span's ``token_start`` to the end of its ``token_end`` (both ends
    inclusive, as Prodigy counts them), when both name tokens of the task that fit the text; else None."""
    if not isinstance(tokens, list):
        return None
    first, last = s.get("token_start"), s.get("token_end")
    if type(first) is not int or type(last) is not int or not 0 <= first <= last < len(tokens):
        return None

    def fits(t: Any) -> bool:
        return (
            isinstance(t, dict)
            and type(t.get("start")) is int
            and type(t.get("end")) is int
            and 0 <= t["start"] <= t["end"] <= len(text)
            and (not isinstance(t.get("text"), str) or text[t["start"] : t["end"]] == t["text"])
        )

    a, b = tokens[first], tokens[last]
    if not (fits(a) and fits(b) and a["start"] < b["end"]):
        return None
    return a["start"], b["end"]


def task_tokens(
    text: str, task: dict[str, Any], path: Path, line: int, warnings: list[str]
) -> tuple[list[int], list[int], list[int]] | None:
    """A task's own tokens (``{"text", "start", "end", ...}``) as the document's tokens, sentences cut among them by
    the fallback's rule (``annotator.tokens.sentence_starts``: Prodigy keeps no sentences); None, said, when they do
    not fit the text."""
    given = task.get("tokens")
    if not isinstance(given, list) or not given:
        return None
    starts: list[int] = []
    ends: list[int] = []
    for k, t in enumerate(given):
        s, e = (t.get("start"), t.get("end")) if isinstance(t, dict) else (None, None)
        fits = (
            isinstance(s, int)
            and isinstance(e, int)
            and (ends[-1] if ends else 0) <= s <= e <= len(text)
            and (not isinstance(t.get("text"), str) or text[s:e] == t["text"])
        )
        if not fits:
            warnings.append(f"{path}:{line}: the task's tokens (token {k} does not fit the text; cut again here)")
            return None
        if s < e:
            starts.append(s)
            ends.append(e)
    return starts, ends, sentence_starts(text, starts, ends)
