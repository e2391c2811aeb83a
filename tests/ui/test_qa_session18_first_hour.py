"""Session 18's first-hour pass (docs/keyboard.md, round 11b): seeds 002 and 006 annotated by keys under Xvfb, then
trained, pre-annotated again and exported to JSON and brat from the app. Each test presses keys through the real
window, then reads what the project file (or the export) holds or what the window shows, and failed on main before
its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

TEXT = (
    "Ahmed Yousif said by telephone that the wounded arrived. Among the dead was a teacher who had gone to buy grain."
)


def test_brat_export_proposes_a_folder_of_its_own_not_the_documents_folder(qtbot, tmp_path, monkeypatch):
    """`scripts/app` imports `seeds/` into `seeds.annotator` beside it: Ctrl+E, "b" (brat) proposed the folder
    `seeds` (the project's name without its ending), the very folder the documents came from, and OK asked "The
    folder …/seeds already exists. Replace it with this export?". A folder format's folder is named by the format
    (`seeds.brat`, `seeds.webanno`), and going back to JSON gives `seeds.json` again; the documents' folder is left as
    it was."""
    from pathlib import Path

    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui.dialogs.export import ExportDialog
    from ui_support import close_window, open_window

    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(TEXT, encoding="utf-8")
    with Project(tmp_path / "seeds.annotator", annotator="setup") as p:
        import_documents(p, [IncomingDocument(TEXT, "a.txt")])
    seen: dict[str, str] = {}

    def answer(dlg: ExportDialog) -> int:
        dlg.format.setFocus()
        qtbot.keyClick(dlg.format, Qt.Key.Key_B)  # the key a person presses: the first format of that letter
        seen["brat"] = dlg.path.text()
        for name in ("webanno", "json", "brat"):
            dlg.set_format(name)
            seen[f"then {name}"] = dlg.path.text()
        if Path(seen["brat"]).exists():  # main's answer: the documents' folder (OK would ask to replace it)
            return 0
        dlg.accept()
        return 1

    monkeypatch.setattr(ExportDialog, "exec", answer)
    w = open_window(qtbot, Path("seeds.annotator"))
    try:
        w.actions_by_name["export"].trigger()
        qtbot.waitUntil(lambda: not w.workers, timeout=20000)
    finally:
        close_window(w)
    assert seen["brat"] == str(tmp_path / "seeds.brat")
    assert seen["then webanno"] == str(tmp_path / "seeds.webanno")
    assert seen["then json"] == str(tmp_path / "seeds.json")  # was seeds.webanno.json after WebAnno
    assert seen["then brat"] == str(tmp_path / "seeds.brat")
    assert sorted(p.name for p in (tmp_path / "seeds").iterdir()) == ["a.txt"]
    assert sorted(p.name for p in (tmp_path / "seeds.brat").iterdir()) == [
        "a.ann",
        "a.txt",
        "annotation.conf",
        "visual.conf",
    ]
