"""A document with HTML-looking text, emoji, CJK and CRLF: shown literally, selected and highlighted right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QLabel
from ui_support import DOC_B
from ui_helpers import click_char, drag_select, entity_rows, find


def open_b(window, db):  # type: ignore[no-untyped-def]
    b = db.document_ids()[1]
    window.open_document(b)
    return b


def formats_at(view, u16: int):  # type: ignore[no-untyped-def]
    block = view.document().findBlock(u16)
    rel = u16 - block.position()
    ranges = block.layout().formats()
    return [QTextCharFormat(r.format) for r in ranges if r.start <= rel < r.start + r.length]


def test_html_shown_literally_and_crlf_keeps_offsets(window, db):
    open_b(window, db)
    v = window.view
    shown = v.toPlainText()
    assert shown.startswith("<b>x</b> said")
    assert shown.replace(" \n", "\r\n") == DOC_B  # CRLF shown as a space + line break: same length
    assert window.title.text().startswith("b.txt")
    for label in window.findChildren(QLabel):
        if label.text() and "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText


def test_highlights_sit_on_the_right_utf16_positions(window, db):
    open_b(window, db)
    v = window.view
    s, e = find(DOC_B, "李小龍")
    assert v.to16(s) == s + 1  # one emoji before it takes two UTF-16 units
    fm = formats_at(v, v.to16(s))
    assert fm and fm[0].background().color().isValid()
    assert not formats_at(v, v.to16(s) - 2)  # the space before is plain
    zs, _ = find(DOC_B, "Zoë")
    assert formats_at(v, v.to16(zs))


def test_select_cjk_after_emoji_and_label(qtbot, window, db):
    b = open_b(window, db)
    v = window.view
    s, e = find(DOC_B, "東京")
    drag_select(qtbot, v, s, e)
    assert v.selection_cp() == (s, e)
    qtbot.keyClick(v, "3")  # GPE
    got = entity_rows(db, b)[(s, e)]
    assert got.label == "GPE" and db.document(b).text[got.start : got.end] == "東京"
    # on the second line, after a CRLF and before a mathematical (astral) word
    s2, e2 = find(DOC_B, "here")
    v.select_cp(s2, e2)
    qtbot.keyClick(v, "o")  # ORDINAL key, just to label something there
    got = entity_rows(db, b)[(s2, e2)]
    assert db.document(b).text[got.start : got.end] == "here"
    assert formats_at(v, v.to16(s2))


def test_click_on_span_after_emoji_selects_it(qtbot, window, db):
    b = open_b(window, db)
    v = window.view
    s, e = find(DOC_B, "李小龍")
    click_char(qtbot, v, s + 1)
    assert window.controller.current_entity == entity_rows(db, b)[(s, e)].id
    tip = v.tooltip_at(s)
    assert "PERSON" in tip and "李小龍" in tip


def test_tooltip_escapes_document_text(qtbot, window, db):
    b = open_b(window, db)
    v = window.view
    v.select_cp(0, 8)  # "<b>x</b>"
    qtbot.keyClick(v, "c")  # CARDINAL
    tip = v.tooltip_at(1)
    assert "&lt;b&gt;x&lt;/b&gt;" in tip and "<b>x</b>" not in tip
    assert entity_rows(db, b)[(0, 8)].label == "CARDINAL"
