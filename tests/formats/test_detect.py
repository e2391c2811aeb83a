"""``annotator import PROJECT PATH`` without ``--format``: inputs other tools made are read by their reader."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.formats.detect import detect_format
from annotator.store import Project


def test_plain_import_of_a_brat_folder_keeps_its_annotations(tmp_path, capsys):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text("[entities]\nPerson\n[relations]\n[events]\n[attributes]\n")
    (folder / "a.txt").write_text("Alice met Bob.")
    (folder / "a.ann").write_text("T1\tPerson 0 5\tAlice\nT2\tPerson 10 13\tBob\n")
    (folder / "README").write_text("brat folders carry other files; brat's reader passes them over")
    assert main(["import", str(tmp_path / "p.annotator"), str(folder)]) == 0
    err = capsys.readouterr().err
    assert f"{folder}: read as brat" in err
    with Project(tmp_path / "p.annotator", create=False) as project:
        doc = project.document_ids()[0]
        assert [(e.start, e.end, e.label) for e in project.entities(doc)] == [(0, 5, "Person"), (10, 13, "Person")]
        assert list(project.schema.label_names) == ["Person"]


def test_files_told_by_content(tmp_path):
    doccano = tmp_path / "doccano.jsonl"
    doccano.write_text(json.dumps({"text": "Alice met Bob.", "label": [[0, 5, "PERSON"]]}) + "\n")
    studio = tmp_path / "tasks.json"
    studio.write_text(json.dumps([{"id": 1, "data": {"text": "Alice"}, "annotations": []}], indent=2))
    prodigy = tmp_path / "answers.jsonl"
    prodigy.write_text(json.dumps({"text": "Alice", "_input_hash": 1, "answer": "accept"}) + "\n")
    simple = tmp_path / "simple.jsonl"
    simple.write_text(json.dumps({"text": "Alice", "spans": [{"start": 0, "end": 5, "label": "PERSON"}]}) + "\n")
    ann = tmp_path / "x.ann"
    ann.write_text("")
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps([{"id": 3, "data": {"text": "Alice"}}]))
    assert detect_format(bare) == "label_studio"
    assert [detect_format(p) for p in (doccano, studio, prodigy, simple, ann, tmp_path / "a.txt")] == [
        "doccano",
        "label_studio",
        "prodigy",
        None,
        "brat",
        None,
    ]


def test_plain_import_of_a_doccano_file_keeps_its_spans(tmp_path, capsys):
    doccano = tmp_path / "doccano.jsonl"
    doccano.write_text(json.dumps({"text": "Alice met Bob.", "label": [[0, 5, "PERSON"]]}) + "\n")
    odd = tmp_path / "table.csv"
    odd.write_text("a,b\n")
    assert main(["import", str(tmp_path / "p.annotator"), str(doccano), str(odd)]) == 0
    out = capsys.readouterr()
    # the counts read as English: it said "1 entities, 0 events, 0 duplicates skipped, 1 files skipped"
    assert "1 imported, 1 entity, 0 events, 0 duplicates skipped, 1 file skipped" in out.out
    assert "table.csv" in out.err
    with Project(tmp_path / "p.annotator", create=False) as project:
        doc = project.document_ids()[0]
        assert [(e.start, e.end, e.label) for e in project.entities(doc)] == [(0, 5, "PERSON")]


def test_a_brat_pair_given_as_files_is_one_annotated_document(tmp_path, capsys):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "annotation.conf").write_text("[entities]\nPerson\n[relations]\n[events]\n[attributes]\n")
    (folder / "a.txt").write_text("Alice met Bob.")
    (folder / "a.ann").write_text("T1\tPerson 0 5\tAlice\n")
    # the app's Import Files with both files selected, or only the text: the annotations come with it
    for given in ([folder / "a.txt", folder / "a.ann"], [folder / "a.txt"]):
        target = tmp_path / f"p{len(given)}.annotator"
        assert main(["import", str(target), *map(str, given)]) == 0
        assert "duplicate" not in capsys.readouterr().err
        with Project(target, create=False) as project:
            (doc,) = project.document_ids()
            assert [(e.start, e.end, e.label) for e in project.entities(doc)] == [(0, 5, "Person")]


def test_a_prodigy_export_under_any_name_is_read_as_prodigy(tmp_path, capsys):
    """``export -f prodigy`` writes where it is told (``corpus.prodigy``, split parts ``corpus.train``...): a plain
    import reads each as Prodigy, keeping its spans, as the skip message promises."""
    src = tmp_path / "src.jsonl"
    src.write_text(
        "".join(
            json.dumps(
                {
                    "name": f"d{i}",
                    "text": f"Alice met Bob {i}.",
                    "status": "reviewed",
                    "spans": [{"start": 0, "end": 5, "label": "PERSON"}],
                }
            )
            + "\n"
            for i in range(4)
        )
    )
    assert main(["import", str(tmp_path / "a.annotator"), str(src)]) == 0
    assert main(["export", str(tmp_path / "a.annotator"), "-f", "prodigy", "-o", str(tmp_path / "corpus.prodigy")]) == 0
    assert (
        main(
            [
                "export",
                str(tmp_path / "a.annotator"),
                "-f",
                "prodigy",
                "-o",
                str(tmp_path / "parts"),
                "--option",
                "split=train=0.5,dev=0.5",
            ]
        )
        == 0
    )
    outputs = [tmp_path / "corpus.prodigy", tmp_path / "parts.train", tmp_path / "parts.dev"]
    assert [detect_format(p) for p in outputs] == ["prodigy"] * 3
    capsys.readouterr()
    for n, path in enumerate(outputs):
        target = tmp_path / f"b{n}.annotator"
        assert main(["import", str(target), str(path)]) == 0
        assert f"{path}: read as Prodigy" in capsys.readouterr().err
        with Project(target, create=False) as project:
            assert project.document_ids()
            for doc in project.document_ids():
                assert [(e.start, e.end, e.label) for e in project.entities(doc)] == [(0, 5, "PERSON")]
