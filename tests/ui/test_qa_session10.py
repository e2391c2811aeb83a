"""Session 10's QA pass (docs/keyboard.md): the app under a dark palette, larger fonts and scaled screens, and a new
user's first hour. Each test failed on main before its fix."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from ui_support import close_window, open_window


def _luminance(c: QColor) -> float:  # WCAG, written here so that the test does not lean on the code it checks
    def ch(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)))
    return (lb + 0.05) / (la + 0.05)


def ink_contrast(widget: QWidget) -> float:
    """How well the text drawn on ``widget`` stands out, as a person sees it: its pixels rendered, the background
    the most common colour, the ink the pixel farthest from it (WCAG ratio)."""
    img = widget.grab().toImage()
    counts = Counter(img.pixel(x, y) for x in range(0, img.width(), 1) for y in range(0, img.height(), 1))
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(_contrast(QColor.fromRgb(p), background) for p in counts)


def platform_dark_palette() -> QPalette:
    """A dark desktop's palette, as a platform theme (or ``-style fusion`` with a palette) gives it to the app."""
    p = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#353535"),
        (QPalette.ColorRole.WindowText, "#ffffff"),
        (QPalette.ColorRole.Base, "#2a2a2a"),
        (QPalette.ColorRole.AlternateBase, "#353535"),
        (QPalette.ColorRole.Text, "#ffffff"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#ffffff"),
        (QPalette.ColorRole.Highlight, "#2a82da"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
    ):
        p.setColor(role, QColor(color))
    return p


@pytest.fixture
def dark(qapp):  # type: ignore[no-untyped-def]
    """The application under a dark palette, its style applied as the app's start applies it; put back after."""
    import ui.style

    palette, sheet = qapp.palette(), qapp.styleSheet()
    qapp.setPalette(platform_dark_palette())
    ui.style.apply_style(qapp, True)
    yield qapp
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    getattr(ui.style, "_given", []).clear()


def test_under_a_dark_palette_the_title_legend_and_status_line_are_readable(qtbot, project_path, dark):
    """They were white on the light sheet's #fafaf8 (the palette's ink on the sheet's fixed background)."""
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        assert w.title.text()
        assert ink_contrast(w.title) >= 4.5
        button = next(iter(w.legend.buttons.values()))
        assert ink_contrast(button) >= 4.5
        w.message.setText("3 suggestions undecided in this document")
        assert ink_contrast(w.statusBar()) >= 4.5
    finally:
        close_window(w)


def test_under_a_dark_palette_the_text_is_light_on_dark_and_its_marks_stand_out(qtbot, project_path, dark):
    """The page follows the palette (it stayed white), entity fills keep the text readable, a suggestion's dashes
    stand out from its fill, a trigger's ink from the page, and the selected span's frame is seen."""
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        v = w.view
        shot = v.viewport().grab().toImage()
        background = QColor.fromRgb(Counter(shot.pixel(x, 5) for x in range(shot.width())).most_common(1)[0][0])
        assert background.lightness() < 80  # a dark page under a dark palette
        ink = v.palette().color(QPalette.ColorRole.Text)
        assert _contrast(ink, background) >= 4.5
        fmt = v.highlighter._format(("PERSON", "suggested"), None, None)
        fill = fmt.background().color()
        assert _contrast(ink, fill) >= 4.5
        assert _contrast(fmt.underlineColor(), fill) >= 3.0
        decided = v.highlighter._format(("GPE", "accepted"), None, None).background().color()
        assert _contrast(ink, decided) >= 4.5
        trigger = v.highlighter._format(None, None, "trigger-suggested").foreground().color()
        assert _contrast(trigger, background) >= 4.5
    finally:
        close_window(w)


def _with_an_attack(path) -> None:  # type: ignore[no-untyped-def]
    """DOC_A's "attacked" made a Conflict:Attack with NATO as its Attacker, in the project file."""
    from annotator import edits
    from annotator.store import Project
    from ui_support import DOC_A

    with Project(path, annotator="setup") as p:
        doc = p.document_ids()[0]
        nato = next(e.id for e in p.entities(doc) if DOC_A[e.start : e.end] == "NATO")
        start = DOC_A.index("attacked")
        ev = edits.add_event(p, doc, "Conflict:Attack", start, start + len("attacked")).result_id
        edits.add_argument(p, ev, "Attacker", nato)


def test_under_a_dark_palette_the_event_editor_reads(qtbot, project_path, dark):
    """The trigger's name (dark red), the arguments (dark blue), the role keys and hints (#555555) were drawn on
    the dark panel in the light theme's inks."""
    from PySide6.QtWidgets import QLabel

    from ui.wrapped import WrappedButton

    _with_an_attack(project_path)
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        c = w.controller
        ev = next(iter(c.events.values()))
        c.select_event(ev.id)
        qtbot.waitUntil(lambda: w.event_editor.event_id == ev.id)
        panel = w.event_editor.palette().color(QPalette.ColorRole.Window)
        assert panel.lightness() < 80
        labels = [lab for lab in w.event_editor.findChildren(QLabel) if not lab.isHidden() and lab.text().strip()]
        coloured = [lab for lab in labels if "color:" in lab.styleSheet()]
        assert len(coloured) >= 3  # the trigger, a role key or two, the hint
        for lab in coloured:
            lab.ensurePolished()
            ink = lab.palette().color(QPalette.ColorRole.WindowText)
            assert _contrast(ink, panel) >= 4.5, (lab.text(), ink.name(), panel.name())
        arguments = [b for b in w.event_editor.findChildren(WrappedButton) if not b.isHidden()]
        assert arguments  # NATO, drawn in the argument's ink
        assert ink_contrast(arguments[0]) >= 4.5
    finally:
        close_window(w)


def test_settings_theme_dark_and_back(qtbot, project_path, qapp):  # type: ignore[no-untyped-def]
    """Settings' Theme: Dark gives the app a dark palette and the text a dark page where the platform offers no
    dark theme; "As the system's" gives the palette back."""
    import ui.style

    palette, sheet = qapp.palette(), qapp.styleSheet()
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        w.settings.set("appearance", "dark")
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert QColor(w.view.highlighter.theme.paper).lightness() < 80
        from ui.theme import DARK

        table = w.documents.table  # the list's frame and current row follow at once (a sheet only with the keys)
        row = table.palette().color(QPalette.ColorRole.Highlight).name()
        assert row == DARK.idle_selection or DARK.selection in table.styleSheet()
        w.settings.set("appearance", "system")
        assert qapp.palette().color(QPalette.ColorRole.Window) == palette.color(QPalette.ColorRole.Window)
        assert QColor(w.view.highlighter.theme.paper).lightness() > 200
    finally:
        close_window(w)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)
        getattr(ui.style, "_given", []).clear()


def test_every_label_colour_keeps_the_text_readable_in_both_themes() -> None:
    """Whatever a schema's colours (the shipped schema's and the colour-blind palette), a span's fill keeps the
    text at 4.5:1 and its dashes at 3:1 in the light and the dark theme."""
    from annotator.schema import default_schema
    from ui import theme
    from ui.palette import COLORBLIND

    colors = [e.color for e in default_schema().entities] + COLORBLIND + ["#000080", "#ffff00", "#202020"]
    for t in (theme.LIGHT, theme.DARK):
        for c in colors:
            for decided in (True, False):
                fill = theme.span_fill(QColor(c), decided, t)
                assert _contrast(fill, QColor(t.ink)) >= 4.5, (t.dark, c, decided)
            fill = theme.span_fill(QColor(c), False, t)
            assert _contrast(theme.span_edge(QColor(c), fill, t), fill) >= 3.0, (t.dark, c)
        for ink, on in (
            (t.trigger, t.paper),
            (t.trigger, t.trigger_tint),
            (t.argument, t.paper),
            (t.muted, t.chrome),
            (t.error, t.header),
            (t.error, t.chrome),
            (t.mark_ink, t.trigger),
            (t.mark_ink, t.argument),
            (t.suggested_event, t.paper),
            (t.chrome_ink, t.header),
            (t.ink, t.idle_selection),
            (t.selection_ink, t.selection),
        ):
            assert _contrast(QColor(ink), QColor(on)) >= 4.5, (t.dark, ink, on)
        assert _contrast(QColor(t.selection), QColor(t.paper)) >= 3.0  # the frame of a list that has the keys
        for status in t.statuses.values():
            assert _contrast(QColor(status), QColor(t.paper)) >= 4.5


@pytest.fixture
def font14(qapp):  # type: ignore[no-untyped-def]
    """The application's font at 14 pt, as a desktop set to a larger font gives it; put back after."""
    from PySide6.QtGui import QFont

    was = QFont(qapp.font())
    big = QFont(was)
    big.setPointSizeF(14)
    qapp.setFont(big)
    yield qapp
    qapp.setFont(was)


def test_the_document_text_is_not_smaller_than_a_larger_application_font(qtbot, project_path, font14):
    """Settings' font size (the text's) stayed 12 pt under a 14 pt desktop font: the document read smaller than the
    menus and lists around it. Until one is chosen it is the application's when that is larger."""
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        assert w.settings.font_size >= 14
        assert w.view.font().pointSize() >= 14
        w.settings.set("font_size", 12)  # a size chosen is kept, smaller too
        assert w.view.font().pointSize() == 12
    finally:
        close_window(w)


def _shown_names(panel) -> list[str]:  # type: ignore[no-untyped-def]
    """The names as the list draws them: its delegate's text for each cell, elided by the view as Qt does."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    table = panel.table
    out = []
    for row in range(table.model().rowCount()):
        index = table.model().index(row, 0)
        option = QStyleOptionViewItem()
        option.rect = table.visualRect(index)
        option.widget = table
        option.font = table.font()
        table.itemDelegateForIndex(index).initStyleOption(option, index)
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        room = option.rect.width() - 2 * margin
        out.append(option.fontMetrics.elidedText(option.text, table.textElideMode(), room))
    return out


@pytest.mark.parametrize(
    "names",
    [
        [f"dev_{i:03d}_article.txt" for i in range(40)],  # a folder of articles: Qt's middle cut them all alike
        ["000_c5086996ec44ef81.txt", "001_state_visit_trade_agreement.txt", "002_airstrike_market.txt"],
    ],
)
@pytest.mark.parametrize("big_font", [False, True])
def test_document_names_stay_told_apart_in_the_least_panel(qtbot, qapp, names, big_font):  # type: ignore[no-untyped-def]
    """In the document list at its least width (a 1366 px screen, a 14 pt font) every name shown differs from the
    others: "dev_00…le.txt" 40 times, and "000…txt", "001_….txt" under 14 pt (a floor of 100 pixels)."""
    from PySide6.QtGui import QFont

    from ui.panels.document_widths import least_width
    from ui.panels.documents import DocumentPanel
    from ui_support import show_widget

    was = QFont(qapp.font())
    if big_font:
        big = QFont(was)
        big.setPointSizeF(14)
        qapp.setFont(big)
    try:
        panel = DocumentPanel()
        panel.resize(least_width(panel), 500)
        show_widget(qtbot, panel)
        rows = [
            {"id": i, "name": n, "status": "new", "entities": 0, "events": 0, "suggestions": 0}
            for i, n in enumerate(names)
        ]
        panel.set_rows(rows, 0)  # the columns fitted at once (fit_columns)
        shown = _shown_names(panel)
        assert len(set(shown)) == len(names), shown[:6]
        assert not [s for s in shown if s.count("…") > 1], shown  # cut once, not again by Qt
        assert all(len(s.replace("…", "")) >= 10 for s in shown), shown[:6]  # readable: not "000…txt"
    finally:
        qapp.setFont(was)


@pytest.mark.parametrize("size, points", [((1100, 740), 14), ((960, 520), 0)])
def test_the_legend_leaves_the_text_its_room(qtbot, qapp, project_path, size, points):  # type: ignore[no-untyped-def]
    """Under a 14 pt font the 18 labels took 8 rows, 40% of the text column (1366x768 under Xvfb), and 34% at
    1920x1080 scaled twice (960x540 for Qt), the text keeping 7 lines: the legend takes at most a fifth of the
    column, its other rows scroll."""
    from PySide6.QtGui import QFont

    was = QFont(qapp.font())
    if points:
        big = QFont(was)
        big.setPointSizeF(points)
        qapp.setFont(big)
    w = open_window(qtbot, project_path, size=size)
    try:
        column = w.view.parentWidget()
        legend = getattr(w, "legend_area", w.legend)
        qtbot.waitUntil(lambda: legend.height() > 0)
        assert legend.height() <= column.height() // 4, (legend.height(), column.height())
        assert w.view.height() >= column.height() * 0.6
        area = w.legend_area
        last = list(w.legend.buttons.values())[-1]
        area.ensureWidgetVisible(last)  # every label is still there, a scroll away
        from PySide6.QtCore import QPoint

        top = last.mapTo(area.viewport(), QPoint(0, 0)).y()
        assert 0 <= top and top + last.height() <= area.viewport().height()
        assert area.verticalScrollBar().maximum() > 0
        area.verticalScrollBar().setValue(0)
        for b in w.legend.buttons.values():  # no row cut at the edge: each label whole in sight or out of it
            y = b.mapTo(area.viewport(), QPoint(0, 0)).y()
            assert y + b.height() <= area.viewport().height() or y >= area.viewport().height(), b.text()
    finally:
        close_window(w)
        qapp.setFont(was)


def test_the_legend_shows_every_row_when_there_is_room(qtbot, project_path):
    """At the default font on 1366x740 the three rows of labels show whole, no scroll bar."""
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        area = w.legend_area
        assert area.verticalScrollBar().maximum() == 0
        assert area.height() >= w.legend.heightForWidth(area.viewport().width())
    finally:
        close_window(w)


LONG_NAME = "VOA_EN_NW_2009.12.09.416313_UNECA_Director_Says_Dangers_in_Guinea_are_Serious.txt"


def test_a_long_document_name_does_not_widen_the_window_past_a_small_screen(qtbot, tmp_path):
    """At 1920x1080 scaled twice (960x540 for Qt) the window was 986 px at its least and its right edge off the
    screen: the title's label asked for the whole name ("000_c5086996ec44ef81.txt  —  new", 362 px bold), so a
    longer name widened it more. The title is elided to its room, whole in its tooltip."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "long.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Nothing much happened on Monday.", LONG_NAME)])
    w = open_window(qtbot, path, size=(960, 520))
    try:
        assert LONG_NAME in w.title.toolTip() or LONG_NAME in w.title.text()
        assert w.minimumSizeHint().width() <= 960
        assert w.centralWidget().minimumSizeHint().width() <= 400
    finally:
        close_window(w)


def test_the_first_start_says_how_to_begin(qtbot):
    """Without a project (the first start) the window was empty and its status line said nothing."""
    from ui_support import shown_window

    w = shown_window(qtbot, size=(1366, 740))
    try:
        qtbot.waitUntil(lambda: w.panels_built)
        text = w.message.text()
        assert "New project" in text and "Open project" in text
    finally:
        close_window(w)


@pytest.mark.parametrize("when", ["loading", "running"])
def test_a_cancelled_pre_annotation_says_how_to_start_it_again(qtbot, tmp_path, when):  # type: ignore[no-untyped-def]
    """Alt+C on the pre-annotation that follows an import said "Pre-annotation: cancelled" and no more: a new user
    did not know where it is started again (Project > Pre-annotate all documents)."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui.workers import PreannotateWorker
    from ui_support import pattern_pipeline

    path = tmp_path / "p.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(f"Maria Lopez met John Smith {i}.", f"{i}.txt") for i in range(6)])
    said: list[str] = []

    def pipeline():  # type: ignore[no-untyped-def]
        if when == "loading":
            worker.cancel()
        return pattern_pipeline()

    worker = PreannotateWorker(path, pipeline=pipeline, batch_size=1)
    if when == "running":
        worker.progress.connect(lambda done, total, text: done >= 1 and worker.cancel())
    worker.done.connect(said.append)
    worker.run()  # here, not in a thread: what it says is the point
    assert said and "cancelled" in said[0]
    assert "Project > Pre-annotate all documents" in said[0], said[0]


def test_while_pre_annotation_runs_a_bare_document_is_not_said_to_be_decided(qtbot, tmp_path):
    """After the first import the pre-annotation ran and the first document, not reached yet, read "Every
    suggestion in this document is decided (Ctrl+Enter: mark it annotated)": a new user was told to mark a bare
    document annotated. It says the suggestions are coming."""
    import threading

    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui.main_window import MainWindow
    from ui.settings import AppSettings
    from ui_support import pattern_pipeline, show_widget

    path = tmp_path / "p.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met John Smith in Paris.", "a.txt")])
    release = threading.Event()

    def slow_pipeline():  # type: ignore[no-untyped-def]
        release.wait(20)  # the pipeline still loading
        return pattern_pipeline()

    settings = AppSettings()
    settings.set("annotator", "tester")
    w = show_widget(qtbot, MainWindow(settings, pipeline=slow_pipeline, auto_preannotate=False), (1366, 740))
    try:
        assert w.open_project(path)
        qtbot.waitUntil(lambda: not w.after_view_paint.pending)
        w.preannotate(only_new=True)
        text = w.message.text()
        assert "decided" not in text and "mark it annotated" not in text, text
        assert "Pre-annotation is running" in text
        release.set()
        qtbot.waitUntil(lambda: not w.workers, timeout=20000)
        assert "Pre-annotation: " in w.message.text()  # its summary when done
        qtbot.waitUntil(lambda: bool(w.controller.entities))  # its suggestions came
    finally:
        release.set()
        close_window(w)


def test_keyboard_shortcuts_give_the_descriptions_room_under_a_larger_font(qtbot, font14):
    """Help > Keyboard shortcuts was 640 px wide whatever the font: under 14 pt the keys' column took half of it and
    each description ran to three or four lines. It is about 90 characters wide (within the screen)."""
    from ui.dialogs.shortcuts import ShortcutsDialog
    from ui_support import show_widget

    dlg = show_widget(qtbot, ShortcutsDialog(None))
    room = dlg.screen().availableGeometry()
    assert dlg.width() <= room.width() and dlg.height() <= room.height()
    across = 90 * dlg.fontMetrics().averageCharWidth()  # about 90 characters, or all the screen gives
    assert dlg.width() >= min(across, room.width() - 40), (dlg.width(), across, room.width())


def test_a_document_never_pre_annotated_says_how_suggestions_are_made(qtbot, tmp_path):
    """After Alt+C on the first pre-annotation (or with it turned off in Settings) the documents it did not reach read
    "Every suggestion in this document is decided (Ctrl+Enter: mark it annotated)" at the next key: they say where
    suggestions are made."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import open_window

    path = tmp_path / "p.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met John Smith in Paris.", "a.txt")])
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        w.describe_current_entity()
        text = w.message.text()
        assert "mark it annotated" not in text, text
        assert "Project > Pre-annotate all documents" in text
    finally:
        close_window(w)


def test_the_documents_title_is_not_smaller_than_a_larger_application_font(qtbot, project_path, font14):
    """The title above the text was 13 pt bold whatever the font: under 14 pt it was smaller than the lists."""
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        assert w.title.fontInfo().pointSizeF() > 14
        assert w.title.fontInfo().bold()
    finally:
        close_window(w)


@pytest.mark.parametrize("short_by", [1, 3, 8, 30])
def test_the_title_short_of_its_width_is_elided(qtbot, project_path, font14, short_by):  # type: ignore[no-untyped-def]
    """Under Xvfb with a 14 pt font the title was drawn cut at its right edge ("000_c5086996ec44ef81.txt  —  ne|w"):
    given less than the width it asks for, it was fitted to the text's advance alone, and the last bold glyph's ink
    ran past it. Short of its width by any pixel it is elided ("…"), whole at its width."""
    w = open_window(qtbot, project_path, size=(1366, 740))
    try:
        t = w.title
        t.set_full_text("000_c5086996ec44ef81.txt  —  in progress")
        whole = t.sizeHint().width()
        t.setFixedWidth(whole)
        qtbot.waitUntil(lambda: t.width() == whole)
        assert t.text() == t.full_text
        t.setFixedWidth(whole - short_by)
        qtbot.waitUntil(lambda: t.width() == whole - short_by)
        assert "…" in t.text(), (t.text(), short_by)
    finally:
        close_window(w)
