"""Label Studio tasks with several annotations (several annotators, one annotator's several submissions, cancelled
ones, one marked ``ground_truth``) and predictions beside them (``model_version``, a prediction's own ``score``), as
Label Studio's JSON export writes them (its docs' task format; its test samples `humor_dataset_2_annotations.json`,
`three_tasks_two_gts.json`). The first annotation was taken silently, the others lost, a cancelled one skipped
unsaid, and predictions beside an annotation dropped unsaid. The tasks are our own."""

from __future__ import annotations

import orjson

from project_support import new_project
from annotator.cli import main
from annotator.formats.label_studio import read_label_studio
from annotator.formats.loading import import_format
from annotator.store import Project
from tests.formats.conftest import cli_round_trip
from annotator.teams.agreement import agreement
from annotator.teams.sets import annotator_sets, covered_documents

TEXT = "Rebels attacked Kabul on Monday."


def region(rid: str, word: str, label: str, **extra) -> dict:
    start = TEXT.index(word)
    return {
        "id": rid,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": start, "end": start + len(word), "text": word, "labels": [label]},
        **extra,
    }


def annotation(by, *regions, **extra) -> dict:
    return {"completed_by": by, "was_cancelled": False, "ground_truth": False, "result": list(regions), **extra}


OVERLAP = {  # two annotators, bob twice, carol cancelled, a model's prediction: no ground truth
    "id": 1,
    "data": {"text": TEXT},
    "annotations": [
        annotation({"email": "alice@example.org"}, region("a", "Kabul", "GPE"), updated_at="2026-11-02T10:00:00Z"),
        annotation(7, region("b", "Kabul", "ORG"), updated_at="2026-11-02T09:00:00Z"),
        annotation(7, region("c", "Kabul", "GPE"), region("d", "Monday", "DATE"), updated_at="2026-11-03T08:00:00Z"),
        {"completed_by": 9, "was_cancelled": True, "result": [region("e", "Rebels", "PERSON")]},
    ],
    "predictions": [{"model_version": "ner-3", "score": 0.6, "result": [region("p", "Kabul", "GPE")]}],
}
TRUTH = {  # two annotators, bob's marked ground truth
    "id": 2,
    "data": {"text": "Gunmen killed three soldiers in Herat."},
    "annotations": [
        annotation(
            "alice@example.org",
            {
                "id": "h",
                "type": "labels",
                "from_name": "label",
                "to_name": "text",
                "value": {"start": 32, "end": 37, "text": "Herat", "labels": ["ORG"]},
            },
        ),
        {
            **annotation(
                "bob",
                {
                    "id": "h",
                    "type": "labels",
                    "from_name": "label",
                    "to_name": "text",
                    "value": {"start": 32, "end": 37, "text": "Herat", "labels": ["GPE"]},
                },
            ),
            "ground_truth": True,
        },
    ],
}
ONE = {  # one annotator, a prediction beside the annotation
    "id": 3,
    "data": {"text": "Paris is big."},
    "annotations": [
        annotation(
            "alice@example.org",
            {
                "id": "x",
                "type": "labels",
                "from_name": "label",
                "to_name": "text",
                "value": {"start": 0, "end": 5, "text": "Paris", "labels": ["GPE"]},
            },
        )
    ],
    "predictions": [{"model_version": "ner-3", "result": []}],
}


def spans(project: Project, doc: int, aset: str) -> list[tuple]:
    text = project.document(doc).text
    return sorted((text[e.start : e.end], e.label, e.state, e.annotator) for e in project.entities(doc, aset))


def test_each_annotator_gets_a_set_and_the_prediction_is_the_main_sets_suggestion(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([OVERLAP]))
    project = new_project(tmp_path / "p.annotator", annotator="importer")
    report = import_format(project, "label_studio", [path])
    (doc,) = project.document_ids()
    assert spans(project, doc, "alice@example.org") == [("Kabul", "GPE", "accepted", "alice@example.org")]
    # bob's newest submission, not his first
    assert spans(project, doc, "label-studio user 7") == [
        ("Kabul", "GPE", "accepted", "label-studio user 7"),
        ("Monday", "DATE", "accepted", "label-studio user 7"),
    ]
    # no ground truth: the final set holds the model's prediction as a suggestion, with the prediction's own score
    (e,) = project.entities(doc, "main")
    assert (e.label, e.state, e.source, e.score) == ("GPE", "suggested", "label-studio:ner-3", 0.6)
    said = "\n".join(report.warnings)
    assert "1 cancelled annotation skipped (by label-studio user 9)" in said
    assert "label-studio user 7 gave 2 annotations; the newest (annotation 2) is kept, 1 other not" in said
    assert not any("annotation set of its own" in w for w in report.warnings)  # nothing lost: a note
    told = "\n".join(report.notes)
    assert "2 annotators are kept each in an annotation set of its own" in told and "annotator agree" in told
    assert project.entities(doc, "label-studio user 9") == []
    # the team's functions take the sets as they take merged ones
    pair = agreement(project)["pairs"][0]
    assert {pair["a"], pair["b"]} == {"alice@example.org", "label-studio user 7"}
    project.close()


def test_the_ground_truth_annotation_is_the_final_sets(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([TRUTH]))
    project = new_project(tmp_path / "p.annotator", annotator="importer")
    report = import_format(project, "label_studio", [path])
    (doc,) = project.document_ids()
    assert spans(project, doc, "main") == [("Herat", "GPE", "accepted", "bob")]
    assert spans(project, doc, "bob") == [("Herat", "GPE", "accepted", "bob")]
    assert spans(project, doc, "alice@example.org") == [("Herat", "ORG", "accepted", "alice@example.org")]
    assert any("the import's set takes bob's, marked ground truth" in n for n in report.notes)
    project.close()


def test_one_annotator_goes_into_the_imports_set_and_a_prediction_beside_it_is_said(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([ONE]))
    result = read_label_studio(path)
    (doc,) = result.documents
    assert doc.annotation_set is None and [(e.label, e.state) for e in doc.entities] == [("GPE", "accepted")]
    assert any("1 prediction (ner-3) not kept beside the annotation" in w for w in result.warnings)


def test_the_command_line_says_where_the_annotations_went(tmp_path, capsys):
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([OVERLAP, TRUTH]))
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    said = capsys.readouterr()
    err = said.out + said.err
    assert "2 imported" in err and "annotated (already in the project)" not in err
    assert "4 annotations in annotators' own sets (alice@example.org, bob, label-studio user 7)" in err
    assert main(["import", str(p), str(path)]) == 0  # again: nothing twice, each task one duplicate (it said 6)
    said = capsys.readouterr()
    assert "0 imported, 2 duplicates skipped" in said.out + said.err
    with Project(p, create=False) as project:
        assert sum(len(project.entities(d, "bob")) for d in project.document_ids()) == 1


def test_an_annotator_who_marked_nothing_covers_the_task(tmp_path):
    """carol found no entity where dave found one: her set covers the document, so agreement counts dave's as her
    miss (a set with no row there did not cover it, and the task was left out of the pair)."""
    task = {
        "id": 4,
        "data": {"text": TEXT},
        "annotations": [annotation("carol", id=11), annotation("dave", region("k", "Kabul", "GPE"), id=12)],
    }
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([task]))
    project = new_project(tmp_path / "p.annotator", annotator="importer")
    import_format(project, "label_studio", [path])
    (doc,) = project.document_ids()
    assert covered_documents(project, "carol") == {doc} and project.entities(doc, "carol") == []
    pair = agreement(project)["pairs"][0]
    assert pair["documents"] == 1, pair
    project.close()


def test_the_label_studio_export_writes_each_annotators_set_back(tmp_path):
    """The export wrote the final set alone: a Label Studio project imported with several annotators and exported
    again lost every annotator's work (and said the 'annotation_sets' record was a meta value left out)."""
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([OVERLAP, TRUTH]))
    out, q, again = cli_round_trip(tmp_path, path, "label_studio")
    first, second = orjson.loads(out.read_bytes())
    assert [a["completed_by"] for a in first["annotations"]] == [{"email": "alice@example.org"}, 7]
    assert first["predictions"][0]["model_version"] == "ner-3"  # no decision: the final set's suggestions
    assert [
        (a.get("completed_by"), a.get("created_username"), a.get("ground_truth")) for a in second["annotations"]
    ] == [
        (None, None, True),  # the final set's decision
        # an annotator's is no ground truth, which Label Studio's import takes a missing key for (session 43)
        ({"email": "alice@example.org"}, None, False),
        (None, "bob", False),  # no member's number or e-mail: Label Studio's import refuses a plain name there
    ]
    assert "annotation_sets" not in first["data"]
    assert again.read_bytes() == out.read_bytes()
    with Project(q, create=False) as project:
        one, two = project.document_ids()
        assert spans(project, one, "label-studio user 7") == [
            ("Kabul", "GPE", "accepted", "label-studio user 7"),
            ("Monday", "DATE", "accepted", "label-studio user 7"),
        ]
        assert [(e.label, e.state) for e in project.entities(two, "main")] == [("GPE", "accepted")]
        assert {s for s in project.annotation_sets()} == {"main", "alice@example.org", "bob", "label-studio user 7"}


def test_a_one_set_export_does_not_name_the_annotators_sets(tmp_path):
    """A doccano file holds one set: it carried the document's record of the annotators' sets, so a project that
    imported it 'had' sets alice and bob, empty, and agree compared them (zero items, kappa of '-'). Prodigy's export
    writes the sets themselves (a review's versions): they come back with what they hold."""
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([OVERLAP, TRUTH]))
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    with Project(p, create=False) as project:
        sets = annotator_sets(project)
        held = {s: sum(len(project.entities(d, s)) for d in project.document_ids()) for s in sets}
    for fmt, expected in (("doccano", {}), ("prodigy", held)):
        out, q = tmp_path / f"out-{fmt}.jsonl", tmp_path / f"{fmt}.annotator"
        assert main(["export", str(p), "-f", fmt, "-o", str(out)]) == 0
        assert (b"annotation_sets" in out.read_bytes()) is False
        assert main(["import", str(q), str(out)]) == 0
        with Project(q, create=False) as project:
            got = {s: sum(len(project.entities(d, s)) for d in project.document_ids()) for s in annotator_sets(project)}
            assert got == expected, fmt
