"""Benchmark of deciding event suggestions by key on a long document: prints figures, asserts nothing.

The 100,000-word document of bench/gui.py (8,000 entities) with about 700 suggested events (as pre-annotating it
with the real pipeline gives: 705), in a 1366x740 window: Enter and X, one after the other, each timed until the
app is idle again (the text, the entity and event lists and the event editor updated), the next undecided event
selected (untimed) before each. Then the other keys (Tab, ], N, Space, Enter, X and a label key on a span,
Ctrl+Alt+1, Ctrl+Z, Ctrl+Shift+Z), 8 presses each from the middle of the document. Then Alt+1 (fill the event's first role, Entity, from the candidates) twice on each
of as many other events (the second press: the next candidate), each timed the same way. The document has its tokens
stored with sentences (a paragraph each), as after pre-annotation; with --raw it has none, as a document never
pre-annotated, and a full stop ends each paragraph (the app finds the same sentences by the one fallback,
annotator.tokens). The limit, measured in the
same run: what any app must do for such a key, i.e. the core's edit on the project file (one transaction,
with its fsync: the decision, or filling a role) and one repaint of the text view. The open is timed too (until the panels are filled), beside
bench/gui.py's limit for it (Qt alone). CPU time is the steadier figure on the shared machine.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/event_keys.py [KEYS] [--raw]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import orjson  # noqa: E402
import re  # noqa: E402
from bisect import bisect_left  # noqa: E402

from annotator.tokens import word_tokens  # noqa: E402
from gui import build_project, make_document, qt_limit, shown_window  # noqa: E402
from gui import settle as settle_window  # noqa: E402

TRIGGER = "talks"  # every EVERY-th occurrence becomes a suggested Contact:Meet with the next entity as its Entity
EVERY = 4


def raw_document() -> tuple[str, list[tuple[int, int, str, str]]]:
    """make_document's text with a full stop ending each paragraph (its spans moved along), as a real text has: the
    fallback's sentences are then the paragraphs, as the stored ones of the pre-annotated document are."""
    text, ents = make_document()
    breaks = [m.start() for m in re.finditer("\n", text)]
    moved = [(s + bisect_left(breaks, s), e + bisect_left(breaks, s), lab, st) for s, e, lab, st in ents]
    return text.replace("\n", ".\n"), moved


def build(path: Path, raw: bool) -> None:
    """The project of one long document: bench/gui.py's, or (``raw``) raw_document's."""
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    if not raw:
        build_project(path)
        return
    text, ents = raw_document()
    spans = [IncomingEntity(i, s, e, lab, st) for i, (s, e, lab, st) in enumerate(ents)]
    with Project(path, annotator="bench") as p:
        import_documents(p, [IncomingDocument(text, "long.txt", entities=spans)])


def add_events(path: Path, tokens: bool = True) -> int:
    """The suggested events; ``tokens``: the document's tokens and sentences stored, as pre-annotation stores them
    (else the document is raw_document's)."""
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    text, ents = make_document() if tokens else raw_document()
    starts = sorted((s, e, label) for s, e, label, _ in ents if label in ("PERSON", "ORG", "GPE"))
    found, pos, k = [], 0, 0
    while (pos := text.find(TRIGGER, pos + 1)) >= 0:
        k += 1
        if k % EVERY:
            continue
        nxt = next(((s, e, lab) for s, e, lab in starts if s > pos), None)
        args = (ArgumentSuggestion("Entity", nxt[0], nxt[1], nxt[2]),) if nxt and nxt[0] - pos < 400 else ()
        found.append(EventSuggestion("Contact:Meet", pos, pos + len(TRIGGER), 0.5, arguments=args))
    starts_, ends_ = word_tokens(text)
    lines = {0} | {m.end() for m in re.finditer("\n", text)}
    sentences = [k for k, s in enumerate(starts_) if s in lines]  # a paragraph a sentence
    with Project(path, annotator="bench") as p:
        doc = p.document_ids()[0]
        with p.transaction():  # a new document: no undecided suggestions to clear first
            write_events(p, doc, found, "rules:bench@1", WriteCounts())
            if tokens:
                p.db.conn.execute(  # as pre-annotation stores them
                    "INSERT INTO tokens (document_id, pipeline, starts, ends, sentence_starts) "
                    "VALUES (?, 'bench', ?, ?, ?)",
                    (doc, orjson.dumps(list(starts_)), orjson.dumps(list(ends_)), orjson.dumps(sentences)),
                )
    return len(found)


def other_keys(w, c, settle, rounds: int = 8) -> dict[str, tuple[str, list[float]]]:  # type: ignore[no-untyped-def]
    """The other keys, each pressed `rounds` times from the middle of the document (what it acts on selected untimed):
    name -> (what its limit is: "move" or "edit", CPU seconds of each press)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    w.windowHandle().requestActivate()  # the window's shortcuts (Ctrl+Z) work in the active window only
    deadline = time.perf_counter() + 5
    while QApplication.activeWindow() is not w and time.perf_counter() < deadline:
        QApplication.processEvents()
    mid = len(c.doc.text) // 2
    alt, ctrl, shift, plain = (
        Qt.KeyboardModifier.AltModifier,
        Qt.KeyboardModifier.ControlModifier,
        Qt.KeyboardModifier.ShiftModifier,
        Qt.KeyboardModifier.NoModifier,
    )

    def span() -> None:
        ent = min((e for e in c.entities.values() if e.start > mid and e.state == "suggested"), key=lambda e: e.start)
        c.select_event(None)
        c.select_entity(ent.id)

    def event() -> None:
        ev = (v for v in c.events.values() if v.trigger_start > mid and v.state == "suggested")
        w.edit_actions.select_event(min(ev, key=lambda v: v.trigger_start))

    def word() -> None:
        c.select_event(None)
        c.select_entity(None)
        pos = c.doc.text.index(f" {TRIGGER} ", mid) + 1
        w.view.select_cp(pos, pos + len(TRIGGER))

    cases = [
        ("Tab (next undecided)", "move", Qt.Key.Key_Tab, plain, span),
        ("] (next event)", "move", Qt.Key.Key_BracketRight, plain, event),
        ("N (next trigger word)", "move", Qt.Key.Key_N, plain, word),
        ("Space (span under the caret)", "move", Qt.Key.Key_Space, plain, span),
        ("Enter on a span", "edit", Qt.Key.Key_Return, plain, span),
        ("X on a span", "edit", Qt.Key.Key_X, plain, span),
        ("label key on a span", "edit", Qt.Key.Key_2, plain, span),
        ("Ctrl+Alt+1 (empty a role)", "edit", Qt.Key.Key_1, ctrl | alt, event),
        ("Ctrl+Z", "edit", Qt.Key.Key_Z, ctrl, lambda: None),
        ("Ctrl+Shift+Z", "edit", Qt.Key.Key_Z, ctrl | shift, lambda: None),
    ]
    out: dict[str, tuple[str, list[float]]] = {}
    for name, kind, key, mods, before in cases:
        cpu = []
        for _ in range(rounds):
            before()
            settle()
            t = time.process_time()
            QTest.keyClick(w.view, key, mods)
            settle()
            cpu.append(time.process_time() - t)
        out[name] = (kind, cpu)
    return out


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator import edits
    from annotator.store import Project

    args = [a for a in sys.argv[1:] if a != "--raw"]
    raw = "--raw" in sys.argv[1:]  # the document never pre-annotated: no stored tokens nor sentences
    keys = int(args[0]) if args else 20
    tmp = Path(tempfile.mkdtemp(prefix="event-keys-"))
    os.environ["ANNOTATOR_CONFIG_DIR"] = str(tmp)
    path = tmp / "long.annotator"
    build(path, raw)
    n_events = add_events(path, tokens=not raw)

    app, w = shown_window((1366, 740))  # the empty side panels built after its first paint, as a user's are

    def settle() -> None:
        settle_window(app, w)
        while w._panel_timer.isActive():  # the panels' refresh after an edit, too
            app.processEvents()

    t, t_cpu = time.perf_counter(), time.process_time()
    w.open_project(path)
    settle()  # the text painted and the panels filled (8,000 entities, the events, the legend)
    open_wall, open_cpu = time.perf_counter() - t, time.process_time() - t_cpu
    c = w.controller
    qt_wall, qt_cpu = qt_limit(app, c.doc.text, w.view.highlighter)
    w.view.setFocus()
    wall, cpu = [], []
    for i in range(keys):
        # the next undecided event selected, untimed (Enter moves on to the next undecided item: often a span)
        nxt = min((v for v in c.events.values() if v.state == "suggested"), key=lambda v: v.trigger_start)
        w.edit_actions.select_event(nxt)
        settle()
        key = Qt.Key.Key_Return if i % 2 == 0 else Qt.Key.Key_X
        t, t_cpu = time.perf_counter(), time.process_time()
        QTest.keyClick(w.view, key)
        settle()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - t_cpu)
    decided = sum(v.state != "suggested" for v in c.events.values())
    undecided = sorted(v.id for v in c.events.values() if v.state == "suggested")

    # Alt+1 twice on each of `keys` undecided events from the middle of the document (its first role: Entity)
    alt_wall: list[float] = []
    alt_cpu: list[float] = []
    middle = undecided[len(undecided) // 2 : len(undecided) // 2 + keys]
    for eid in middle:
        w.edit_actions.select_event(c.events[eid])
        settle()
        for _ in range(2):
            t, t_cpu = time.perf_counter(), time.process_time()
            QTest.keyClick(w.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
            settle()
            alt_wall.append(time.perf_counter() - t)
            alt_cpu.append(time.process_time() - t_cpu)
    filled = sum(any(a.role == "Entity" for a in c.events[eid].arguments) for eid in middle)
    others = other_keys(w, c, settle)
    c.close_project()

    # the limit: the same decisions by the core alone, then one repaint of the view with the document shown
    limit_cpu, limit_wall = [], []
    with Project(path, annotator="bench") as p:
        for i, eid in enumerate(undecided[-keys:]):
            t, t_cpu = time.perf_counter(), time.process_time()
            (edits.accept_event if i % 2 == 0 else edits.reject_event)(p, eid)
            limit_wall.append(time.perf_counter() - t)
            limit_cpu.append(time.process_time() - t_cpu)
        # the core filling a role: add an argument, then change its entity (as Alt+1, Alt+1 again)
        fill_cpu, fill_wall = [], []
        people = [e.id for e in p.entities(p.document_ids()[0]) if e.label == "PERSON" and e.state != "rejected"]
        for k, eid in enumerate(undecided[:keys]):
            t, t_cpu = time.perf_counter(), time.process_time()
            arg = edits.add_argument(p, eid, "Entity", people[2 * k]).result_id
            fill_wall.append(time.perf_counter() - t)
            fill_cpu.append(time.process_time() - t_cpu)
            t, t_cpu = time.perf_counter(), time.process_time()
            edits.change_argument(p, arg, entity_id=people[2 * k + 1])
            fill_wall.append(time.perf_counter() - t)
            fill_cpu.append(time.process_time() - t_cpu)
    w.open_project(path)
    settle()
    paint_cpu, paint_wall = [], []
    for _ in range(keys):
        t, t_cpu = time.perf_counter(), time.process_time()
        w.view.viewport().repaint()
        paint_wall.append(time.perf_counter() - t)
        paint_cpu.append(time.process_time() - t_cpu)
    c.close_project()
    w.close()

    def med(xs: list[float]) -> float:
        return sorted(xs)[len(xs) // 2]

    lim_cpu, lim_wall = med(limit_cpu) + med(paint_cpu), med(limit_wall) + med(paint_wall)
    print(
        f"{n_events} suggested events on a {len(make_document()[0]):,}-character document, 8,000 entities; "
        f"{keys} keys (Enter, X, ...), {decided} events decided; "
        + ("never pre-annotated: no stored tokens nor sentences" if raw else "tokens and sentences stored")
    )
    print(
        f"open until the panels are filled: {open_cpu * 1000:.0f} ms CPU ({open_wall * 1000:.0f} ms wall); limit, "
        f"same run: Qt alone (setPlainText, the same formats, one paint) {qt_cpu * 1000:.0f} ms CPU "
        f"({qt_wall * 1000:.0f} ms wall): {open_cpu / qt_cpu:.1f}x in CPU ({open_wall / qt_wall:.1f}x wall)"
    )
    print(
        f"Enter/X until the app is idle: median CPU {med(cpu) * 1000:.1f} ms (max {max(cpu) * 1000:.1f}), "
        f"wall {med(wall) * 1000:.1f} ms (max {max(wall) * 1000:.1f})"
    )
    print(
        f"  limit, same run: the core's decision {med(limit_cpu) * 1000:.1f} ms CPU ({med(limit_wall) * 1000:.1f} ms "
        f"wall, with its fsync) + one repaint of the view {med(paint_cpu) * 1000:.1f} ms CPU = "
        f"{lim_cpu * 1000:.1f} ms CPU, {lim_wall * 1000:.1f} ms wall; a key takes {med(cpu) / lim_cpu:.1f}x that "
        f"in CPU ({med(wall) / lim_wall:.1f}x wall)"
    )
    print("other keys, median CPU until the app is idle (limit, same run: a move one repaint, an edit the core's")
    print(f"  decision + one repaint; {med(paint_cpu) * 1000:.1f} / {lim_cpu * 1000:.1f} ms CPU):")
    for name, (kind, cpus) in others.items():
        limit = med(paint_cpu) if kind == "move" else lim_cpu
        print(f"  {name:<30} {med(cpus) * 1000:6.1f} ms (max {max(cpus) * 1000:5.1f})  {med(cpus) / limit:5.1f}x")
    fl_cpu, fl_wall = med(fill_cpu) + med(paint_cpu), med(fill_wall) + med(paint_wall)
    print(
        f"Alt+1 twice on {len(middle)} events ({filled} with the role filled) until the app is idle: median CPU "
        f"{med(alt_cpu) * 1000:.1f} ms (max {max(alt_cpu) * 1000:.1f}), wall {med(alt_wall) * 1000:.1f} ms "
        f"(max {max(alt_wall) * 1000:.1f})"
    )
    print(
        f"  limit, same run: the core's fill (add, change an argument) {med(fill_cpu) * 1000:.1f} ms CPU "
        f"({med(fill_wall) * 1000:.1f} ms wall) + one repaint {med(paint_cpu) * 1000:.1f} ms CPU = "
        f"{fl_cpu * 1000:.1f} ms CPU, {fl_wall * 1000:.1f} ms wall; a key takes {med(alt_cpu) / fl_cpu:.1f}x that "
        f"in CPU ({med(alt_wall) / fl_wall:.1f}x wall)"
    )


if __name__ == "__main__":
    main()
