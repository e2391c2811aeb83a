"""A schema of thousands of labels (issue 9 point 20): parsed once per open and never on an edit, and the legend
shows the labels that matter (keys, used in the document) instead of a widget per label."""

from __future__ import annotations

import annotator.schema as sch
import annotator.schema_cache as schema_cache
import annotator.store as store
from ui import commands as cmd
from ui.panels.legend import MAX_SHOWN
from ui_support import close_window, open_window


def test_many_labels_parsed_once_and_legend_bounded(qtbot, tmp_path, monkeypatch):
    from annotator.importing import IncomingDocument, import_documents

    n = 3000
    src = "[schema]\nname = 'big'\n" + "".join(
        f"[[entity]]\nname = 'L{i}'\n" + (f"key = '{i}'\n" if i < 5 else "") for i in range(n)
    )
    path = tmp_path / "big.annotator"
    with store.Project(path, schema=sch.parse_schema(src)) as p:
        import_documents(p, [IncomingDocument("Maria Lopez met John Smith in Paris.", "a.txt")])
    parses = []
    real = schema_cache.parse_schema
    monkeypatch.setattr(schema_cache, "parse_schema", lambda *a, **k: parses.append(1) or real(*a, **k))
    w = open_window(qtbot, path)
    try:
        assert len(parses) == 0  # read from the parsed copy stored with the project (annotator/schema_cache.py)
        assert list(w.legend.buttons) == ["L0", "L1", "L2", "L3", "L4"]  # the keyed ones; nothing used yet
        assert w.legend.more.isVisibleTo(w.legend) and f"{n - 5:,} more" in w.legend.more.text()
        assert w.controller.run(cmd.AddEntity, w.controller.doc.id, 0, 5, "L2500") is not None
        qtbot.waitUntil(lambda: "L2500" in w.legend.buttons)
        assert len(w.legend.buttons) == 6 <= MAX_SHOWN
        assert len(parses) == 0  # an edit parses nothing
    finally:
        close_window(w)
