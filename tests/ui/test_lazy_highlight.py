"""Opening a long document highlights the blocks in view before the first paint and the others right after
(issue 15 point 2); scrolling onto a block not drawn yet draws it first."""

from __future__ import annotations

from ui_support import close_window, open_window, shown_window, window_settled

LINE = "Maria Lopez met John Smith in Paris on Monday."


def _one_document(tmp_path, name: str, lines: list[str], state=lambda k: "accepted") -> tuple:  # type: ignore[no-untyped-def]
    """A project ``name``.annotator of one document made of ``lines``, the "Paris" of each line a GPE span
    (``state(k)`` on line k); its path and the document's text."""
    from annotator.importing import IncomingDocument, IncomingEntity, import_documents
    from annotator.store import Project

    text = "\n".join(lines)
    ents, pos = [], 0
    for k, line in enumerate(lines):
        i = pos + line.index("Paris")
        ents.append(IncomingEntity(k, i, i + 5, "GPE", state(k)))
        pos += len(line) + 1
    path = tmp_path / f"{name}.annotator"
    with Project(path) as p:
        import_documents(p, [IncomingDocument(text, f"{name}.txt", entities=ents)])
    return path, text


def _each_paint(view, probe=lambda: None) -> list:  # type: ignore[no-untyped-def]
    """What ``probe()`` says at the end of each paint of ``view`` from now on (its labels are painted last)."""
    seen: list = []
    paint_labels = view.labels.paint
    view.labels.paint = lambda painter: (paint_labels(painter), seen.append(probe()))
    return seen


def test_long_document_highlights_visible_blocks_first(qtbot, tmp_path):
    path, _ = _one_document(tmp_path, "long", [f"{k} {LINE}" for k in range(600)])
    w = open_window(qtbot, path)
    try:
        h, v = w.view.highlighter, w.view
        shown = set(v.visible_blocks())
        assert shown and max(shown) < 100
        assert h.deferred and not (h.deferred & shown)  # what is in view is drawn; the rest waits
        assert h.blocks_highlighted < 150

        def formats(n: int) -> list:
            return v.document().findBlockByNumber(n).layout().formats()

        assert formats(min(shown)) and not formats(599)
        qtbot.waitUntil(lambda: not h.deferred)  # the rest follows without anything asked
        assert formats(599)
        assert len(h.items) == 600
    finally:
        close_window(w)


def test_scrolling_draws_waiting_blocks_first(qtbot, tmp_path):
    path, _ = _one_document(tmp_path, "scroll", [f"{k} Paris again." for k in range(2000)])
    w = open_window(qtbot, path)
    try:
        h, v = w.view.highlighter, w.view
        h._later.stop()  # hold the background steps: only scrolling may draw now
        bar = v.verticalScrollBar()
        bar.setValue(bar.maximum())
        end = v.visible_blocks()
        assert 1999 in end
        assert not (h.deferred & set(end))
        assert v.document().findBlockByNumber(1999).layout().formats()
    finally:
        close_window(w)


def test_blocks_out_of_view_are_formatted_without_repainting_the_view(qtbot, tmp_path):
    """After the first paint the blocks out of view get their formats without the view being repainted (nothing
    on screen changes; each step repainted the whole view before) and without being laid out: each is laid
    out once, with its formats, when it comes into view."""
    line = "Maria Lopez met John Smith in Paris on Monday and the talks went on."
    lines = [f"{k} {line}" for k in range(600)]
    path, _ = _one_document(tmp_path, "unlaid", lines, lambda k: "accepted" if k % 2 else "suggested")
    from PySide6.QtWidgets import QApplication

    flash = QApplication.cursorFlashTime()
    QApplication.setCursorFlashTime(0)  # no caret blinking: it would repaint the view
    w = open_window(qtbot, path)
    try:
        h, v = w.view.highlighter, w.view
        qtbot.waitUntil(lambda: not h.deferred)
        paints = _each_paint(v)
        v.load()  # the document shown again (as when it is opened)
        assert h.deferred
        qtbot.waitUntil(lambda: bool(paints))  # the first paint: the background formatting follows it
        qtbot.waitUntil(lambda: not h.deferred)
        window_settled(qtbot, w)
        QApplication.processEvents()  # a repaint the formatting asked for would be painted now
        assert len(paints) == 1  # hundreds of blocks formatted, nothing repainted
        far = v.document().findBlockByNumber(599)  # the last: in view at the end whatever the font's line height
        paris = [(far.text().index("Paris"), 5)]
        assert [(r.start, r.length) for r in far.layout().formats()] == paris
        assert far.layout().lineCount() == 0  # formatted, not laid out
        bar = v.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda: len(paints) > 1)
        assert 599 in v.visible_blocks()
        assert far.layout().lineCount() > 0  # laid out once shown, with its formats
        assert [(r.start, r.length) for r in far.layout().formats()] == paris
    finally:
        QApplication.setCursorFlashTime(flash)
        close_window(w)


def test_the_text_as_shown_and_its_block_separators_in_one_pass():
    from ui.highlighter import BLOCK_SEPARATORS, LONG_LINE, longest_line, view_text_and_breaks

    word = "Paris 東京😀 "
    for text in (
        "",
        "one line",
        "a\r\nb\rc\u2029d\n",
        "\n".join([word * 3] * 50),
        word * (3 * LONG_LINE // len(word)) + "\nshort\n" + "x" * (LONG_LINE + 5),  # broken at spaces, or not
    ):
        shown, breaks = view_text_and_breaks(text)
        assert len(shown) == len(text)
        assert breaks == [m.start() for m in BLOCK_SEPARATORS.finditer(shown)]
        lines = BLOCK_SEPARATORS.split(shown)
        assert longest_line(shown, breaks) == longest_line(shown) == max(len(x) for x in lines)
        if len(text) > LONG_LINE:
            assert max(len(x) for x in lines) <= LONG_LINE + 5  # the one line without a space stays whole


def test_formatting_blocks_just_above_the_view_repaints_it(qtbot, tmp_path):
    """Formatting the blocks waiting just above the view throws the layouts of the first blocks in view away (Qt's
    plain-text layout counts the changed range twice): the view is repainted then, and its blocks laid out again."""
    path, _ = _one_document(tmp_path, "middle", [f"{k} Paris again." for k in range(2000)])
    w = open_window(qtbot, path)
    try:
        h, v = w.view.highlighter, w.view
        h.resume = lambda: None  # hold the background steps (each paint starts them again)
        h._later.stop()
        bar = v.verticalScrollBar()
        scrolled = _each_paint(v)
        bar.setValue(bar.maximum() // 2)
        qtbot.waitUntil(lambda: bool(scrolled))  # painted where it scrolled to
        shown = [b for b in v.visible_blocks() if b not in h.deferred]
        above = sorted(b for b in h.deferred if b < min(shown))[-5:]
        assert above == list(range(min(shown) - 5, min(shown)))
        paints = _each_paint(v)
        h.highlight_now(above)
        qtbot.waitUntil(lambda: bool(paints))
        doc = v.document()
        assert all(doc.findBlockByNumber(b).layout().lineCount() > 0 for b in shown[2:-2])  # laid out again
        assert all(doc.findBlockByNumber(b).layout().formats() for b in above + shown)
    finally:
        close_window(w)


def test_only_the_spans_near_the_view_are_indexed_before_the_first_paint(qtbot, tmp_path):
    """A long document's first paint indexes the spans of the blocks it shows; the others are indexed right after
    it, or at once when something asks for them (an edit, a scroll, ``items``)."""
    path, _ = _one_document(tmp_path, "index", [f"{k} {LINE}" for k in range(600)])
    w = open_window(qtbot, path)
    try:
        h, v = w.view.highlighter, w.view
        qtbot.waitUntil(lambda: not h.deferred)
        seen = _each_paint(v, lambda: (len(h._items), len(v.labels.boxes)))
        v.load()  # the document shown again, as when it is opened
        qtbot.waitUntil(lambda: bool(seen))
        indexed, labels = seen[0]
        assert 0 < labels <= indexed < 100  # the first paint: the spans in view (with their labels), not 600
        assert len(h.items) == 600  # asked for: all of them
        qtbot.waitUntil(lambda: not h.deferred)
        assert v.document().findBlockByNumber(599).layout().formats()
    finally:
        close_window(w)


def test_a_long_document_reopened_at_its_place_is_shown_there_first(qtbot, tmp_path):
    """Reopened where it was left, a long document is set at that place before its first paint: the spans there
    are the ones indexed and formatted first (not those of its top, then all of them for the place)."""
    path, text = _one_document(tmp_path, "place", [f"{k} {LINE}" for k in range(600)])
    caret = text.index("500 Maria")
    w = open_window(qtbot, path)
    try:
        w.view.show_cp(caret)
        w.close()  # remembers the place
    finally:
        close_window(w)
    w = shown_window(qtbot, pipeline=None)
    h, v = w.view.highlighter, w.view
    seen = _each_paint(
        v, lambda: (len(h._items), v.textCursor().block().blockNumber(), v.textCursor().block().layout().formats())
    )
    try:
        assert w.open_project(path)
        qtbot.waitUntil(lambda: bool(seen))
        indexed, block, formats = seen[0]
        assert block == 500 and formats  # the first paint is at the place, highlighted
        assert indexed < 100  # with the spans near it indexed, not all 600
        assert v.to_cp(v.textCursor().position()) == caret
    finally:
        close_window(w)
