"""The project's own DyGIE++ export, run through a model elsewhere (``dygie predict`` adds ``predicted_ner`` and
``predicted_events`` beside the input's fields) and imported back, lands on the SAME documents: DyGIE++ keeps no
text, so the reader rebuilds it from the tokens, which no longer matched the stored text and made a second copy of
every document. Matched by the ``doc_key`` the export wrote, else by the text's characters but whitespace; offsets
mapped onto the stored text; what the document lacks comes in as suggestions."""

from __future__ import annotations

import orjson

from annotator import edits
from annotator.cli import main
from annotator.store import Project

# two spaces, punctuation against words, a blank line: the rebuilt text ("Rebels attacked the convoy near Mosul ,
# ...") differs from the stored one everywhere after the first word
ATTACK = "Rebels  attacked the convoy near Mosul, killing 3.\n\nTroops moved to Safwan."
QUIET = "A quiet day in\tBasra; nothing moved."
NEW = {"doc_key": "not-ours", "sentences": [["Police", "arrived", "."]], "predicted_ner": [[[0, 0, "ORG", 2.0, 0.7]]]}


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def made(tmp_path) -> tuple[Project, int, int]:  # type: ignore[no-untyped-def]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "attack.txt").write_text(ATTACK, encoding="utf-8")
    (tmp_path / "in" / "quiet.txt").write_text(QUIET, encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / "in")]) == 0
    project = Project(p, create=False)
    attack, quiet = project.document_ids()
    ids = {
        w: edits.add_entity(project, attack, *at(ATTACK, w), label).result_id
        for w, label in (("Rebels", "PERSON"), ("convoy", "PRODUCT"), ("Mosul", "GPE"), ("Troops", "PERSON"))
    }
    event = edits.add_event(project, attack, "Conflict:Attack", *at(ATTACK, "attacked")).result_id
    edits.add_argument(project, event, "Attacker", ids["Rebels"])
    edits.add_argument(project, event, "Target", ids["convoy"])
    return project, attack, quiet


def predicted(tmp_path, project: Project) -> list[dict]:  # type: ignore[no-untyped-def]
    out = tmp_path / "export.jsonl"
    assert main(["export", str(project.path), "-f", "dygiepp", "-o", str(out)]) == 0
    lines = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    first, second = lines
    words = [w for s in first["sentences"] for w in s]
    k = words.index
    # what dygie predict adds: [first, last, label, logit, probability]; events' triggers [token, type, logit, prob]
    first["predicted_ner"] = [
        [[k("Mosul"), k("Mosul"), "GPE", 7.0, 0.98]],
        [[k("Troops"), k("Troops"), "PER", 6.0, 0.95], [k("Safwan"), k("Safwan"), "GPE", 5.0, 0.91]],
    ]
    first["predicted_events"] = [
        [[[k("attacked"), "Conflict.Attack", 4.0, 0.97], [k("Rebels"), k("Rebels"), "Attacker", 3.0, 0.9]]],
        [
            [
                [k("moved"), "Movement.Transport", 3.0, 0.8],
                [k("Troops"), k("Troops"), "Artifact", 2.0, 0.7],
                [k("Safwan"), k("Safwan"), "Destination", 2.0, 0.6],
            ]
        ],
    ]
    quiet_words = [w for s in second["sentences"] for w in s]
    second["doc_key"] = "renamed elsewhere"  # the key lost: matched by the text's characters
    second["predicted_ner"] = [[[quiet_words.index("Basra")] * 2 + ["GPE", 3.0, 0.66]]]
    return lines


def test_predictions_on_our_own_export_come_back_onto_the_same_documents(tmp_path, capsys):
    project, attack, quiet = made(tmp_path)
    lines = predicted(tmp_path, project)
    back = tmp_path / "predicted.jsonl"
    back.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in [*lines, NEW]))
    before = {(e.start, e.end, e.label, e.state) for e in project.entities(attack)}
    capsys.readouterr()
    assert main(["import", str(project.path), str(back)]) == 0
    err = capsys.readouterr().err
    assert (
        f"{back}: 2 documents of the file matched the project's (1 by name, 1 by their text's characters but "
        "whitespace)"
    ) in err
    assert "1 document matched none, imported as new: not-ours" in err
    # the export's relations key (empty lists) and dataset came back: not put on the stored documents, and said
    assert "what else 2 of them brought (DyGIE++'s dataset, relations, clusters) is not put on them" in err
    ids = project.document_ids()
    assert len(ids) == 3 and ids[:2] == [attack, quiet]  # no second copy of either
    assert project.document(attack).text == ATTACK  # the stored text, as it was
    got = {
        (ATTACK[e.start : e.end], e.label, e.state, e.score)
        for e in project.entities(attack)
        if (e.start, e.end, e.label, e.state) not in before
    }
    assert got == {("Safwan", "GPE", "suggested", 0.91)}  # Mosul and Troops were there: not again
    events = {(ATTACK[v.trigger_start : v.trigger_end], v.type, v.state, v.score) for v in project.events(attack)}
    assert events == {
        ("attacked", "Conflict:Attack", "added", None),  # the prediction repeats it: not a second event
        ("moved", "Movement:Transport", "suggested", 0.8),
    }
    (moved,) = [v for v in project.events(attack) if v.type == "Movement:Transport"]
    by_id = {e.id: (ATTACK[e.start : e.end], e.state) for e in project.entities(attack)}
    assert sorted((a.role, by_id[a.entity_id]) for a in moved.arguments) == [
        ("Artifact", ("Troops", "added")),  # the document's own Troops, not a copy
        ("Destination", ("Safwan", "suggested")),
    ]
    (basra,) = project.entities(quiet)  # its set was empty: the predictions came in as they are
    assert (QUIET[basra.start : basra.end], basra.label, basra.state, basra.score) == (
        "Basra",
        "GPE",
        "suggested",
        0.66,
    )
    capsys.readouterr()
    assert main(["import", str(project.path), str(back)]) == 0  # again: nothing new on the matched documents
    assert len(project.entities(attack)) == len(before) + 1 and len(project.events(attack)) == 2
    # ...which count as duplicates, not as documents annotated (the new one is a duplicate now too)
    assert capsys.readouterr().out.startswith("0 imported, 3 duplicates skipped")
    project.close()


def test_a_file_of_other_documents_is_imported_as_before_and_said(tmp_path, capsys):
    project, _attack, _quiet = made(tmp_path)
    path = tmp_path / "other.jsonl"
    path.write_bytes(orjson.dumps(NEW) + b"\n")
    capsys.readouterr()
    assert main(["import", str(project.path), str(path)]) == 0
    assert f"{path}: no document of the file is one of the project's (by name or by its text): all new" in (
        capsys.readouterr().err
    )
    assert len(project.document_ids()) == 3
    project.close()


def test_an_argument_on_an_entity_rejected_there_is_left_out_and_counted(tmp_path, capsys):
    project, attack, _quiet = made(tmp_path)
    (mosul,) = [e for e in project.entities(attack) if ATTACK[e.start : e.end] == "Mosul"]
    edits.set_entity_state(project, mosul.id, "rejected")
    first, second = predicted(tmp_path, project)
    words = [w for s in first["sentences"] for w in s]
    k = words.index
    first["predicted_events"] = [
        [[[k("killing"), "Life.Die", 3.0, 0.9], [k("Mosul"), k("Mosul"), "Place", 2.0, 0.8]]],
        [],
    ]
    back = tmp_path / "predicted.jsonl"
    back.write_bytes(orjson.dumps(first) + b"\n")
    capsys.readouterr()
    assert main(["import", str(project.path), str(back)]) == 0
    said = capsys.readouterr()
    assert "1 argument of suggested events left out (its entity was rejected on the document)" in said.out + said.err
    (die,) = [v for v in project.events(attack) if v.type == "Life:Die"]
    assert (die.state, die.arguments) == ("suggested", ())  # the event comes; Mosul, rejected, is not its Place
    mosuls = [e for e in project.entities(attack) if ATTACK[e.start : e.end] == "Mosul"]
    assert [(e.label, e.state) for e in mosuls] == [("GPE", "rejected")]  # and is not offered again
    project.close()
