"""The event panel's least width is measured from the one event type whose Roles box is widest: making a Roles box
for each of the news schema's 33 types took 0.26 s at every project opened (the window's and the tests' set-up)."""

from __future__ import annotations

import pytest

import annotator.schema as sch
import annotator.store as store
from annotator.model import Argument, Event
from ui.panels import event_editor
from ui_support import close_window, open_window

ROLE = "  [[event.role]]\n  name = '{}'\n  labels = ['PERSON']\n  multiplicity = 'optional'\n"


def _schema(types: dict[str, list[str]]) -> str:
    head = "[schema]\nname = 'widths'\n[[entity]]\nname = 'PERSON'\n"
    return head + "".join(
        f"[[event]]\nname = '{t}'\n" + "".join(ROLE.format(r) for r in roles) for t, roles in types.items()
    )


NINE_SHORT = {"Many": list("ABCDEFGHI"), "Long": ["Beneficiary"], "Few": ["B", "C"]}
ELEVEN = {"Short": ["A"], "Eleven": [f"R{i}" for i in range(11)], "Mid": ["Recipient"]}


def _every_box_width(ed, schema) -> int:  # type: ignore[no-untyped-def]
    """What the least width was before: the head, and a Roles box for every type of the schema."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    probe = QWidget()
    lay = QVBoxLayout(probe)
    lay.addLayout(ed._head(schema, None, ""))
    for etype in schema.events:
        args = tuple(Argument(-1 - i, -1, r.name, event_editor.PROBE_FILLER) for i, r in enumerate(etype.roles))
        lay.addWidget(ed._roles_group(Event(-1, -1, etype.name, 0, 0, {}, None, args)))
    m = lay.contentsMargins()
    width = lay.minimumSize().width() - m.left() - m.right()
    probe.deleteLater()
    return width


@pytest.mark.parametrize("source", [None, _schema(NINE_SHORT), _schema(ELEVEN)], ids=["news", "nine-short", "eleven"])
def test_least_width_makes_one_roles_box_and_is_the_widest_of_all(qtbot, tmp_path, monkeypatch, source):
    from annotator.importing import IncomingDocument, import_documents

    path = tmp_path / "w.annotator"
    schema = sch.parse_schema(source) if source else None
    with store.Project(path, schema=schema) if schema else store.Project(path) as p:
        import_documents(p, [IncomingDocument("Maria Lopez met John Smith in Paris.", "a.txt")])
    w = open_window(qtbot, path)
    try:
        ed, schema = w.event_editor, w.controller.schema
        assert len(schema.events) >= 3
        made: list[str] = []
        real = event_editor.EventEditor._roles_group
        monkeypatch.setattr(event_editor.EventEditor, "_roles_group", lambda s, ev: made.append(ev.type) or real(s, ev))
        ed._least_width_of = None
        event_editor._LEAST_WIDTHS.clear()
        least = ed._least_width(schema)
        assert len(made) == 1  # one Roles box made, not one per type
        monkeypatch.setattr(event_editor.EventEditor, "_roles_group", real)
        assert least == _every_box_width(ed, schema)  # and the width is what every type's box together needs
    finally:
        close_window(w)


def test_a_second_window_on_the_same_schema_measures_nothing(qtbot, project_path, tmp_path, monkeypatch):
    """The least width is kept per schema and font for the process: opening a project again (and every GUI test's
    window) measured it again, ~40 % of opening a window on the news schema."""
    import shutil

    first = open_window(qtbot, project_path)
    width = first.event_editor._least_width(first.controller.schema)
    close_window(first)
    measured: list[str] = []
    real = event_editor._widest_roles_type
    monkeypatch.setattr(event_editor, "_widest_roles_type", lambda schema: measured.append(schema.name) or real(schema))
    again = tmp_path / "again.annotator"
    shutil.copyfile(project_path, again)
    second = open_window(qtbot, again)
    try:
        assert second.event_editor._least_width(second.controller.schema) == width
        assert measured == []
    finally:
        close_window(second)


def test_a_second_window_of_the_same_width_measures_no_most_height(qtbot, project_path, tmp_path, monkeypatch):
    """The height the event panel is given at a first start (``EventEditor.most_height``: the head and a Roles box of
    the type of the most roles, made off screen) is kept per schema, width and font for the process: every new window
    made the probe again (~6-10 ms of CPU), every GUI test's window among them. What is kept is what a measure now
    gives."""
    import shutil

    first = open_window(qtbot, project_path)
    height = first.event_editor.most_height()
    close_window(first)
    made: list[str] = []
    real = event_editor.EventEditor._roles_group
    monkeypatch.setattr(event_editor.EventEditor, "_roles_group", lambda s, ev: made.append(ev.type) or real(s, ev))
    again = tmp_path / "again.annotator"
    shutil.copyfile(project_path, again)
    second = open_window(qtbot, again)  # its first start fits the event panel's split (``fit_event_split``)
    try:
        ed = second.event_editor
        assert second._split_fitted and made == []  # fitted without a Roles box made
        assert ed.most_height() == height and made == []
        event_editor._MOST_HEIGHTS.clear()
        assert ed.most_height() == height and len(made) == 1  # measured again: the same
    finally:
        close_window(second)
