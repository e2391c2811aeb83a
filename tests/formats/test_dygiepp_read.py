"""DyGIE++ files in: DyGIE++'s own data (SciERC, ACE05-Event as its scripts write them) and ``dygie predict``'s output.

The lines are our own, in the shapes of dwadden/dygiepp's ``dygie/tests/fixtures`` (ace_event_coref_article.json:
``_sentence_start``, ``clusters``, ``event_clusters``; collate/ace-event/dev.json: ``sentence_start``, dotted ACE types
such as ``Movement.Transport``; scierc_article.json: relations and clusters, no events); such a file was "'text' must
be a non-empty string" (as .jsonl) or "not an annotator JSON export" (as .json, DyGIE++'s own naming)."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.detect import detect_format
from annotator.formats.dygiepp import read_dygiepp
from annotator.store import Project

# two sentences: "Rebels attacked the convoy near Mosul . The troops moved to Safwan ." and a coreference cluster
ACE_LINE = {
    "sentences": [
        ["Rebels", "attacked", "the", "convoy", "near", "Mosul", "."],
        ["The", "troops", "moved", "to", "Safwan", "."],
    ],
    "ner": [[[0, 0, "PER"], [3, 3, "VEH"], [5, 5, "GPE"]], [[8, 8, "PER"], [11, 11, "GPE"]]],
    "relations": [[[3, 3, 5, 5, "PHYS.Located"]], [[8, 8, 11, 11, "PHYS.Located"]]],
    "events": [
        [[[1, "Conflict.Attack"], [0, 0, "Attacker"], [3, 3, "Target"], [5, 5, "Place"]]],
        [[[9, "Movement.Transport"], [8, 8, "Artifact"], [11, 11, "Destination"], [12, 12, "Time"]]],
    ],
    "clusters": [[[0, 0], [8, 8]]],
    "event_clusters": [[[1, 1], [9, 9]]],
    "_sentence_start": [0, 7],
    "doc_key": "CNN_OUR_OWN.01",
    "dataset": "ace-event",
    "weight": 1.0,
}


# SciERC's shape (dygie/tests/fixtures/scierc_article.json): labels no news schema name matches
SCIERC_LINE = {
    "doc_key": "X96-1059",
    "sentences": [["We", "propose", "a", "parser", "for", "translation", "."]],
    "ner": [[[3, 3, "Method"], [5, 5, "Task"]]],
    "relations": [[[3, 3, 5, 5, "USED-FOR"]]],
}


def write_lines(path, *lines):
    path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    return path


def spans(project: Project, doc: int) -> list[tuple[str, str]]:
    text = project.document(doc).text
    return [(text[e.start : e.end], e.label) for e in project.entities(doc)]


def test_dygiepps_ace_data_imports_into_the_news_schema_by_its_names_and_goes_back_out(tmp_path, capsys):
    quiet = {"doc_key": "second", "sentences": [["A", "quiet", "day", "."], ["Nothing", "moved", "."]], "ner": [[], []]}
    path = write_lines(tmp_path / "dev.json", ACE_LINE, quiet)
    assert detect_format(path) == "dygiepp"
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    err = capsys.readouterr().err
    assert f"{path}: read as DyGIE++" in err
    # the argument on "." (tokens 12-12) names no entity of ner: said, not kept
    assert "not kept: " in err and "argument Time of Movement:Transport on tokens 12-12" in err
    # ACE's names as the news schema spells them: dotted types, PER and VEH by the schema's own aliases
    assert (
        f"note: {path}: names matched to the schema's (news): Conflict.Attack -> Conflict:Attack (1), "
        "Movement.Transport -> Movement:Transport (1), PER -> PERSON (2), VEH -> PRODUCT (1)"
    ) in err
    with Project(p, create=False) as project:
        first, _second = project.document_ids()
        doc = project.document(first)
        assert doc.name == "CNN_OUR_OWN.01"
        assert doc.text == "Rebels attacked the convoy near Mosul .\nThe troops moved to Safwan ."
        assert project.schema.name == "news"  # no schema told from the file: the news schema has every name
        assert spans(project, first) == [
            ("Rebels", "PERSON"),
            ("convoy", "PRODUCT"),
            ("Mosul", "GPE"),
            ("troops", "PERSON"),
            ("Safwan", "GPE"),
        ]
        by_id = {e.id: doc.text[e.start : e.end] for e in project.entities(first)}
        got = {
            (doc.text[v.trigger_start : v.trigger_end], v.type): sorted(
                (a.role, by_id[a.entity_id]) for a in v.arguments
            )
            for v in project.events(first)
        }
        assert got == {
            ("attacked", "Conflict:Attack"): [("Attacker", "Rebels"), ("Place", "Mosul"), ("Target", "convoy")],
            ("moved", "Movement:Transport"): [("Artifact", "troops"), ("Destination", "Safwan")],
        }
        assert doc.meta["weight"] == 1.0
    out = tmp_path / "out.jsonl"
    assert main(["export", str(p), "-f", "dygiepp", "-o", str(out)]) == 0
    back = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert back[0]["sentences"] == ACE_LINE["sentences"]
    assert back[0]["dataset"] == "ace-event"
    # the file's names go out as it spelt them (session 17: the project's, PERSON and PRODUCT, went out)
    assert [sorted(s) for s in back[0]["ner"]] == [sorted(s) for s in ACE_LINE["ner"]]
    assert back[0]["relations"] == ACE_LINE["relations"]
    assert back[0]["clusters"] == ACE_LINE["clusters"]
    assert back[0]["event_clusters"] == ACE_LINE["event_clusters"]
    assert back[0]["events"] == [
        [[[1, "Conflict.Attack"], [0, 0, "Attacker"], [3, 3, "Target"], [5, 5, "Place"]]],
        [[[9, "Movement.Transport"], [8, 8, "Artifact"], [11, 11, "Destination"]]],
    ]
    assert back[1]["relations"] == [[], []] and "clusters" not in back[1]


def test_a_relation_whose_end_was_deleted_is_left_out_and_reported(tmp_path):
    path = write_lines(tmp_path / "d.jsonl", ACE_LINE)
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        convoy = next(e for e in project.entities(doc) if e.label == "PRODUCT")
        from annotator import edits

        edits.delete_entity(project, convoy.id)
    report_out = tmp_path / "o.jsonl"
    with Project(p, create=False) as project:
        from annotator.formats import writers

        report = writers()["dygiepp"](project, report_out)
    assert "1 relation left out (an end is gone): CNN_OUR_OWN.01: PHYS.Located" in report.summary()
    (line,) = report_out.read_bytes().splitlines()
    assert orjson.loads(line)["relations"] == [[], [[8, 8, 11, 11, "PHYS.Located"]]]


def test_into_a_project_whose_schema_has_the_labels_nothing_is_told(tmp_path):
    line = {
        "doc_key": "news-1",
        "sentences": [["Gunmen", "attacked", "Kabul", "."]],
        "ner": [[[0, 0, "PERSON"], [2, 2, "GPE"]]],
        "events": [[[[1, "Conflict:Attack"], [0, 0, "Attacker"], [2, 2, "Place"]]]],
    }
    result = read_dygiepp(write_lines(tmp_path / "n.jsonl", line))  # the news schema has them all
    assert result.schema is None
    (doc,) = result.documents
    assert doc.tokens == ([0, 7, 16, 22], [6, 15, 21, 23], [0])


def test_a_project_with_documents_on_another_schema_refuses_the_file_naming_what_it_lacks(tmp_path, capsys):
    p = tmp_path / "p.annotator"
    (tmp_path / "a.txt").write_text("A first document.")
    assert main(["import", str(p), str(tmp_path / "a.txt")]) == 0
    capsys.readouterr()
    assert main(["import", str(p), "--format", "dygiepp", str(write_lines(tmp_path / "d.jsonl", SCIERC_LINE))]) == 1
    err = capsys.readouterr().err
    assert "the project's schema has no label Method" in err and "nothing was imported" in err
    assert "annotation.conf" not in err and "DyGIE++ files bring no schema" in err  # it named brat's file


def test_predictions_come_in_as_suggestions_with_their_scores(tmp_path):
    # ``dygie predict`` writes predicted_* beside the input's fields: [first, last, label, logit, probability]
    line = {
        "doc_key": "p1",
        "sentences": [["Rebels", "attacked", "Mosul", "."]],
        "ner": [[[0, 0, "PER"]]],
        "predicted_ner": [[[0, 0, "PER", 9.1, 0.99], [2, 2, "GPE", 4.2, 0.87]]],
        "predicted_events": [[[[1, "Conflict.Attack", 5.5, 0.93], [0, 0, "Attacker", 3.0, 0.8]]]],
        "predicted_relations": [[[0, 0, 2, 2, "PHYS.Located", 1.0, 0.6]]],
    }
    result = read_dygiepp(write_lines(tmp_path / "pred.jsonl", line))
    (doc,) = result.documents
    # a predicted entity keeps its probability as its score (the last of the five; the logit before it is not one)
    assert [(doc.text[e.start : e.end], e.label, e.state, e.score) for e in doc.entities] == [
        ("Rebels", "PERSON", "accepted", None),  # the prediction repeats it: one entity, as the input gave it
        ("Mosul", "GPE", "suggested", 0.87),
    ]
    (event,) = doc.events
    assert (event.type, event.state, event.score, event.arguments) == (
        "Conflict:Attack",
        "suggested",
        0.93,
        [("Attacker", (0, 0, "PERSON"))],
    )
    assert any("predicted_relations" in w for w in result.warnings)


def test_a_pretty_printed_document_is_read_and_bad_indices_refuse_with_the_line(tmp_path):
    pretty = tmp_path / "article_pretty.json"
    pretty.write_bytes(orjson.dumps(ACE_LINE, option=orjson.OPT_INDENT_2))
    assert detect_format(pretty) == "dygiepp"
    assert len(read_dygiepp(pretty).documents) == 1
    bad = write_lines(tmp_path / "bad.jsonl", ACE_LINE, {**ACE_LINE, "ner": [[[0, 20, "PER"]], []]})
    with pytest.raises(ImportFileError) as exc:
        read_dygiepp(bad)
    assert exc.value.line == 2 and "ner 0: tokens 0-20 are not in 0-12" in str(exc.value)
