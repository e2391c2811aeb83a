"""The project's own CoNLL export imported back lands on the same documents (CoNLL keeps no text either: the reader
rebuilds it from the tokens, which matched no stored document, so every document came in a second time)."""

from __future__ import annotations

from annotator import edits
from annotator.cli import main
from annotator.store import Project

TEXT = "Rebels  attacked the convoy near Mosul, killing 3.\n\nTroops moved to Safwan."


def test_our_conll_export_comes_back_onto_its_documents(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / "a.txt")]) == 0
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        for word, label in (("Rebels", "PERSON"), ("Mosul", "GPE"), ("Safwan", "GPE")):
            start = TEXT.index(word)
            edits.add_entity(project, doc, start, start + len(word), label)
    out = tmp_path / "out.conll"
    assert main(["export", str(p), "-f", "conll", "-o", str(out)]) == 0
    with Project(p, create=False) as project:  # Safwan deleted after the export: the file still has it
        (safwan,) = [e for e in project.entities(doc) if TEXT[e.start : e.end] == "Safwan"]
        edits.delete_entity(project, safwan.id)
    capsys.readouterr()
    assert main(["import", str(p), str(out)]) == 0
    err = capsys.readouterr().err
    assert "1 document of the file matched the project's (1 by their text's characters but whitespace)" in err
    with Project(p, create=False) as project:
        assert project.document_ids() == [doc] and project.document(doc).text == TEXT
        got = sorted((TEXT[e.start : e.end], e.label, e.state) for e in project.entities(doc))
    # what it had is left as it is; what it lacks comes back as a suggestion, not as a decided entity
    assert got == [("Mosul", "GPE", "added"), ("Rebels", "PERSON", "added"), ("Safwan", "GPE", "suggested")]
