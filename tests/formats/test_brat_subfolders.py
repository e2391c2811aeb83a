"""A brat corpus of subfolders (brat's ``example-data/corpora/CoNLL-ST_2002``: ``annotation.conf`` at the top, the
documents in ``esp/`` and ``ned/``) came back flat: the import named each document by its file alone, so two
documents of one name in two folders could not be told apart, and the export wrote them all at the top. A document of
a subfolder is now named with it (``esp/doc-29.txt``, as the WebAnno reader names one) and the brat and WebAnno TSV
exports write it back into that folder (the confs stay at the top, where brat looks up the tree for them)."""

from __future__ import annotations

from pathlib import Path

from annotator import api

CONF = "[entities]\nORG\nPER\nLOC\nMISC\n[relations]\n[events]\n[attributes]\n"
DOCS = {
    "esp/doc-29": ("Juan Pérez vive en Madrid .", ["T1\tPER 0 10\tJuan Pérez", "T2\tLOC 19 25\tMadrid"]),
    "ned/doc-29": ("Jan de Vries woont in Utrecht .", ["T1\tPER 0 12\tJan de Vries", "T2\tLOC 22 29\tUtrecht"]),
    "ned/deep/doc-3": ("Ajax won .", ["T1\tORG 0 4\tAjax"]),
}


def corpus(root: Path) -> Path:
    root.mkdir()
    (root / "annotation.conf").write_text(CONF, encoding="utf-8")
    for name, (text, lines) in DOCS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
        (root / f"{name}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def names(project) -> list[str]:
    return sorted(project.document(d).name for d in project.document_ids())


def test_documents_of_subfolders_keep_their_folder_in_and_out(tmp_path):
    src = corpus(tmp_path / "conll2002")
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [src])
    assert names(first) == ["esp/doc-29.txt", "ned/deep/doc-3.txt", "ned/doc-29.txt"]
    api.export(first, tmp_path / "out", format="brat")
    out = tmp_path / "out"
    for name, (text, lines) in DOCS.items():
        assert (out / f"{name}.txt").read_text(encoding="utf-8") == text
        assert (out / f"{name}.ann").read_text(encoding="utf-8").splitlines() == lines
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["annotation.conf", "visual.conf"]
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [out])
    assert names(second) == names(first)


def test_the_webanno_export_writes_them_into_their_folders_too(tmp_path):
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [corpus(tmp_path / "conll2002")])
    api.export(project, tmp_path / "tsv", format="webanno")
    found = sorted(p.relative_to(tmp_path / "tsv").as_posix() for p in (tmp_path / "tsv").rglob("*.tsv"))
    assert found == ["esp/doc-29.txt.tsv", "ned/deep/doc-3.txt.tsv", "ned/doc-29.txt.tsv"]
    again = api.new_project(tmp_path / "b.annotator")
    api.import_files(again, [tmp_path / "tsv"])
    assert names(again) == names(project)


def test_a_name_that_climbs_out_stays_inside_the_export(project, tmp_path):
    from annotator.importing import IncomingDocument, import_documents

    import_documents(project, [IncomingDocument(text="Outside?", name="../../etc/x.txt")])
    import_documents(project, [IncomingDocument(text="Rooted.", name="/abs/y.txt")])
    api.export(project, tmp_path / "out", format="brat")
    found = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.txt"))
    assert found == ["abs/y.txt", "etc/x.txt"]
