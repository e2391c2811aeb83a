"""Prodigy JSONL out and in."""

from __future__ import annotations

import orjson
import pytest

from project_support import new_project
from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats import readers, writers
from annotator.formats.loading import import_format
from annotator.formats.prodigy import read_prodigy
from annotator.formats.prodigy_out import write_prodigy
from annotator.store import Project
from annotator.teams.agreement import agreement
from tests.formats.conftest import TEXTS, assert_refused_whole, event_contents


def lines(path):
    return [orjson.loads(x) for x in path.read_bytes().splitlines()]


def test_registries():
    assert writers()["prodigy"] is write_prodigy and readers()["prodigy"] is read_prodigy


def test_export_tasks(sample, tmp_path):
    project, _ = sample
    report = write_prodigy(project, tmp_path / "t.jsonl")
    tasks = {t["meta"]["name"]: t for t in lines(tmp_path / "t.jsonl")}
    assert report.documents == 4 and set(tasks) == set(TEXTS)
    k = tasks["kabul.txt"]
    assert k["answer"] == "accept" and tasks["rocket.txt"]["answer"] == "accept"  # in progress, with decisions
    assert [s["label"] for s in tasks["rocket.txt"]["suggestions"]] == ["DATE"]  # undecided: beside the answer
    text = k["text"]
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in k["tokens"]) == text
    for s in k["spans"]:
        assert k["tokens"][s["token_start"]]["start"] == s["start"] and k["tokens"][s["token_end"]]["end"] == s["end"]
    assert sum(1 for s in k["spans"] if s["label"] == "Conflict:Attack") == 2
    assert len([s for s in k["spans"] if text[s["start"] : s["end"]] == "killed"]) == 2  # two types on "killed"
    die = [r for r in k["relations"] if r["head_span"]["label"] == "Life:Die"]
    assert {(r["label"], text[r["child_span"]["start"] : r["child_span"]["end"]]) for r in die} == {
        ("Agent", "Gunmen"),
        ("Victim", "three soldiers"),
        ("Place", "Kabul"),
        ("Time", "Friday"),
    }
    assert all(r["head"] == r["head_span"]["token_end"] for r in k["relations"])
    assert next(e for e in k["events"] if e["type"] == "Life:Injure")["attributes"]["modality"] == "Other"
    assert k["meta"]["source"] == "wire" and isinstance(k["_input_hash"], int)


def test_round_trip_through_prodigy(sample, tmp_path):
    project, ids = sample
    write_prodigy(project, tmp_path / "t.jsonl")
    fresh = new_project(tmp_path / "f.annotator", annotator="t")
    report = import_format(fresh, "prodigy", [tmp_path / "t.jsonl"])
    assert len(report.imported) == 4
    for name, doc_id in ids.items():
        new = dict((n, i) for n, i in report.imported)[name]
        assert fresh.document(new).status == project.document(doc_id).status
        assert {(e.start, e.end, e.label) for e in fresh.entities(new)} == {
            (e.start, e.end, e.label) for e in project.entities(doc_id) if e.state != "rejected"
        }

        assert event_contents(fresh, new) == event_contents(project, doc_id)
    fresh.close()


def test_accepted_answers_grouped_by_input_and_relations_become_events(tmp_path):
    text = "Gunmen killed three soldiers."
    base = {"text": text, "_input_hash": 1}
    rows = [
        {**base, "answer": "accept", "spans": [{"start": 0, "end": 6, "label": "PERSON", "text": "Gunmen"}]},
        {**base, "answer": "reject", "spans": [{"start": 7, "end": 13, "label": "ORG"}]},
        {
            **base,
            "answer": "accept",
            "spans": [{"start": 14, "end": 28, "label": "PERSON"}, {"start": 7, "end": 13, "label": "Life:Die"}],
            "relations": [
                {
                    "head": 1,
                    "child": 3,
                    "label": "Victim",
                    "head_span": {"start": 7, "end": 13, "label": "Life:Die"},
                    "child_span": {"start": 14, "end": 28, "label": "PERSON"},
                }
            ],
        },
        {"text": "Other text.", "answer": "ignore"},
    ]
    (tmp_path / "a.jsonl").write_bytes(b"\n".join(orjson.dumps(r) for r in rows))
    result = read_prodigy(tmp_path / "a.jsonl")
    assert len(result.documents) == 1
    doc = result.documents[0]
    assert sorted((e.start, e.end, e.label) for e in doc.entities) == [(0, 6, "PERSON"), (14, 28, "PERSON")]
    assert [(v.type, v.trigger_start, v.arguments[0][0]) for v in doc.events] == [("Life:Die", 7, "Victim")]
    assert doc.status == "annotated"
    assert "2 rejected or ignored answers left out" in result.warnings[0]


def test_answers_of_several_annotators_to_one_text_go_into_their_own_sets(tmp_path):
    """Prodigy with feed_overlap gives each annotator the same text (one _input_hash, _annotator_id per answer):
    their spans were merged into one document without a word and recorded as the importing user's (session 6), then
    merged with a warning (session 10), so alice's ORG and bob's PERSON on one word were two entities of one set.
    Now each annotator's answers go into a set of their own, as a Label Studio task's several annotations do."""
    text = "Acme hired Lee in Paris."
    base = {"text": text, "_input_hash": 7, "answer": "accept"}
    rows = [
        {**base, "_annotator_id": "news-alice", "spans": [{"start": 0, "end": 4, "label": "ORG"}]},
        {**base, "_annotator_id": "news-bob", "spans": [{"start": 0, "end": 4, "label": "PERSON"}]},
        {**base, "_annotator_id": "news-bob", "spans": [{"start": 18, "end": 23, "label": "GPE"}]},
        {"text": "Lee left.", "answer": "accept", "_annotator_id": "news-alice", "spans": []},
    ]
    (tmp_path / "a.jsonl").write_bytes(b"\n".join(orjson.dumps(r) for r in rows))
    result = read_prodigy(tmp_path / "a.jsonl")
    assert [(d.annotation_set, d.status) for d in result.documents] == [
        ("news-alice", "new"),  # the final set has no decision on it yet
        ("news-bob", "new"),
        (None, "annotated"),  # one annotator's answer: the import's set, as before
    ]
    assert any(
        "2 annotators (news-alice, news-bob) to one text are kept each in an annotation set" in n
        for n in (result.notes)
    )
    project = new_project(tmp_path / "p.annotator", annotator="importer")
    report = import_format(project, "prodigy", [tmp_path / "a.jsonl"])
    doc_id = project.document_ids()[0]
    assert [(e.label, e.annotator) for e in project.entities(doc_id, "news-alice")] == [("ORG", "news-alice")]
    assert sorted((e.label, e.annotator) for e in project.entities(doc_id, "news-bob")) == [
        ("GPE", "news-bob"),
        ("PERSON", "news-bob"),
    ]
    assert project.entities(doc_id, "main") == []
    assert "2 annotations in annotators' own sets (news-alice, news-bob)" in report.summary()
    pair = agreement(project)["pairs"][0]
    assert (pair["a"], pair["b"], pair["documents"]) == ("news-alice", "news-bob", 1)
    project.close()


def test_labels_the_schema_lacks_are_named_all_at_once(tmp_path):
    rows = [
        {"text": "Smad raised Id1.", "spans": [{"start": 0, "end": 4, "label": "GGP"}], "answer": "accept"},
        {"text": "Aspirin helps.", "spans": [{"start": 0, "end": 7, "label": "DRUG"}], "answer": "accept"},
        {"text": "Id2 too.", "spans": [{"start": 0, "end": 3, "label": "GGP"}], "answer": "accept"},
    ]
    (tmp_path / "a.jsonl").write_bytes(b"\n".join(orjson.dumps(r) for r in rows))
    with pytest.raises(ImportFileError) as info:
        read_prodigy(tmp_path / "a.jsonl")
    assert info.value.line == 1 and info.value.reason.startswith(
        "labels not in the project's schema 'news': GGP (2), DRUG (1); give the project a schema that has them"
    )


def test_relations_between_entities_go_back_out(tmp_path):
    """Prodigy's rel.manual links entities (Explosion's rel_component data: GGP -> GGP, 'Pos-Reg'): they were
    reported as not kept, so importing such a file to fix its spans and exporting it again lost every relation."""
    from annotator import edits

    text = "Acme hired Lee and Bo in Paris."

    def sp(s, e, label):
        return {"start": s, "end": e, "label": label}

    def rel(h, c, label):
        return {"head": 0, "child": 0, "head_span": h, "child_span": c, "label": label}

    acme, lee, bo = sp(0, 4, "ORG"), sp(11, 14, "PERSON"), sp(19, 21, "PERSON")
    task = {"text": text, "spans": [acme, lee, bo], "relations": [rel(acme, lee, "Employs"), rel(acme, bo, "Employs")]}
    task["answer"] = "accept"
    (tmp_path / "a.jsonl").write_bytes(orjson.dumps(task))
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "prodigy", [tmp_path / "a.jsonl"])
    assert not report.warnings and any("relations between entities" in n for n in report.notes), report.notes
    doc = project.document_ids()[0]
    bo_id = next(e.id for e in project.entities(doc) if e.start == 19)
    edits.delete_entity(project, bo_id)  # one end gone: that relation is left out, and said so
    out = write_prodigy(project, tmp_path / "out.jsonl")
    (task_out,) = lines(tmp_path / "out.jsonl")
    got = [
        (
            text[r["head_span"]["start"] : r["head_span"]["end"]],
            r["label"],
            text[r["child_span"]["start"] : r["child_span"]["end"]],
        )
        for r in task_out["relations"]
    ]
    assert got == [("Acme", "Employs", "Lee")] and "prodigy" not in task_out["meta"]
    r = task_out["relations"][0]
    assert (r["head"], r["child"]) == (r["head_span"]["token_end"], r["child_span"]["token_end"])
    assert "1 Prodigy relation left out (an end is gone)" in out.summary()
    again = new_project(tmp_path / "q.annotator", annotator="t")
    import_format(again, "prodigy", [tmp_path / "out.jsonl"])
    write_prodigy(again, tmp_path / "again.jsonl")
    assert lines(tmp_path / "again.jsonl")[0]["relations"] == task_out["relations"]
    project.close()
    again.close()


def test_a_relation_drawn_from_words_that_are_no_span_is_kept_and_goes_back_out(tmp_path):
    """rel.manual draws a relation from any token: its end is then no span, ``"label": null`` in ``head_span`` (as
    public scripts that turn a parse into rel.manual tasks write it). The whole file was refused ("relation 0
    head_span needs a label"); such a relation is kept for the way back (no entity made of the bare words), and one
    from a trigger to bare words is said (a role's filler is an entity)."""
    text = "Acme hired Dana after the attack in Oslo."

    def sp(word, label):
        s = text.index(word)
        k = len(text[:s].split())
        return {"start": s, "end": s + len(word), "token_start": k, "token_end": k, "label": label}

    def rel(h, c, label):
        return {"head": h["token_end"], "child": c["token_end"], "head_span": h, "child_span": c, "label": label}

    acme, dana, hired = sp("Acme", "ORG"), sp("Dana", "PERSON"), sp("hired", None)
    attack, oslo = sp("attack", "Conflict:Attack"), sp("Oslo", None)
    task = {
        "text": text,
        "spans": [acme, dana, attack],
        "relations": [rel(hired, dana, "theme"), rel(acme, hired, "agent"), rel(attack, oslo, "Place")],
        "answer": "accept",
    }
    (tmp_path / "a.jsonl").write_bytes(orjson.dumps(task))
    project = new_project(tmp_path / "p.annotator", annotator="t")
    report = import_format(project, "prodigy", [tmp_path / "a.jsonl"])
    doc = project.document_ids()[0]
    assert sorted(text[e.start : e.end] for e in project.entities(doc)) == ["Acme", "Dana"]
    (event,) = project.events(doc)
    assert (event.type, event.arguments) == ("Conflict:Attack", ())
    assert any("'Place' from the trigger Conflict:Attack" in w and "no span [36, 40)" in w for w in report.warnings)
    write_prodigy(project, tmp_path / "out.jsonl")
    (task_out,) = lines(tmp_path / "out.jsonl")
    got = sorted(
        (r["label"], text[r["head_span"]["start"] : r["head_span"]["end"]], r["head_span"]["label"], r["head"])
        for r in task_out["relations"]
        if r["label"] != "Place"
    )
    assert got == [("agent", "Acme", "ORG", 0), ("theme", "hired", None, 1)]
    project.close()


def test_utf16_offsets_are_remapped_when_the_span_text_says_so(tmp_path):
    text = "\U0001f600 Angela Merkel spoke."
    row = {
        "text": text,
        "answer": "accept",
        "spans": [{"start": 3, "end": 16, "label": "PERSON", "text": "Angela Merkel"}],
    }
    (tmp_path / "a.jsonl").write_bytes(orjson.dumps(row))
    result = read_prodigy(tmp_path / "a.jsonl")
    e = result.documents[0].entities[0]
    assert text[e.start : e.end] == "Angela Merkel" and "UTF-16" in result.notes[0] and not result.warnings


@pytest.mark.parametrize(
    "content, line, message",
    [
        (b'{"text": "abc", "spans": [{"start": 0, "end": 9, "label": "ORG"}]}', 1, "do not fit the text"),
        (b'{"text": "abc"}\n{"text": "ab', 2, "not valid JSON"),
        (
            b'{"text": "abc"}\n\n{"text": "abc", "spans": [{"start": 0, "end": 2, "label": "NOPE"}]}',
            3,
            "not in the project's schema",
        ),
        (b'{"text": "abc", "spans": [{"start": 0, "end": 2, "label": "ORG", "text": "bc"}]}', 1, "expected 'bc'"),
        (b'{"text": "abc", "answer": "maybe"}', 1, "unknown answer"),
        (b'{"text": "abc"}\n{"text": "\xe9t\xe9"}', 2, "not valid UTF-8"),
        (b'["abc"]', 1, "must be a JSON object"),
    ],
)
def test_broken_input_names_file_and_line_and_stores_nothing(tmp_path, content, line, message):
    assert_refused_whole(tmp_path, "prodigy", content, line, message)


def test_each_line_of_what_an_import_left_out_says_not_kept_once(tmp_path, capsys):
    # the command line puts "not kept: " before each reader's warning; the readers' own lines ended in "not kept"
    # too ("not kept: a.jsonl:1: document category 'ECONOMY' not kept"; categories are kept since session 13)
    from annotator.cli import main

    src = tmp_path / "a.jsonl"
    src.write_text(
        '{"text": "Stocks fell in Tokyo.", "spans": [], "answer": "reject", "_input_hash": 1}\n'
        '{"text": "Acme hired Lee.", "spans": [{"start": 0, "end": 4, "label": "ORG"}], "answer": "accept"}\n',
        encoding="utf-8",
    )
    main(["import", str(tmp_path / "p.annotator"), str(src)])
    lines = [x for x in capsys.readouterr().err.splitlines() if "not kept" in x]
    assert lines and all(x.count("not kept") == 1 for x in lines), lines


def test_a_models_span_keeps_its_score_in_and_out(tmp_path):
    # ner.teach's shape: a model's span with its score (and rank, source), the task's score in its meta
    text = "Gunmen attacked Mosul on Friday."
    task = {
        "text": text,
        "_input_hash": 7,
        "spans": [
            {"start": 16, "end": 21, "text": "Mosul", "label": "GPE", "score": 0.8125, "rank": 0, "source": "core"},
            {"start": 25, "end": 31, "text": "Friday", "label": "DATE"},
        ],
        "meta": {"score": 0.8125},
        "answer": "accept",
    }
    path = tmp_path / "teach.jsonl"
    path.write_bytes(orjson.dumps(task))
    (doc,) = read_prodigy(path).documents
    assert sorted((e.label, e.score) for e in doc.entities) == [("DATE", None), ("GPE", 0.8125)]
    p = tmp_path / "p.annotator"
    with Project(p) as project:
        import_format(project, "prodigy", [path])
        (doc_id,) = project.document_ids()
        assert sorted((e.label, e.score) for e in project.entities(doc_id)) == [("DATE", None), ("GPE", 0.8125)]
        out = tmp_path / "out.jsonl"
        write_prodigy(project, out)
    (back,) = lines(out)
    assert sorted((s["label"], s.get("score")) for s in back["spans"]) == [("DATE", None), ("GPE", 0.8125)]


def test_a_review_keeps_the_reviewers_version_and_each_sessions(tmp_path):
    """Prodigy's review recipe saves the reviewer's answer with the annotators' ``versions``, each with the
    ``sessions`` that gave it (as explosion/projects' spanruler_restaurant_reviews test_review.jsonl holds them): the
    versions were dropped without a word. Our own task in that shape, two sessions that differ."""
    text = "any bbq places open before 5 nearby"
    base = {"text": text, "_input_hash": 1, "answer": "accept", "_view_id": "ner_manual"}
    alice = {**base, "spans": [{"start": 4, "end": 7, "label": "ORG"}], "sessions": ["rr-alice"], "default": True}
    bob = {**base, "spans": [{"start": 29, "end": 35, "label": "GPE"}], "sessions": ["rr-bob", "rr-carol"]}
    review = {
        **base,
        "_annotator_id": "rr-review",
        "spans": [{"start": 4, "end": 7, "label": "ORG"}, {"start": 29, "end": 35, "label": "GPE"}],
        "sessions": ["rr-alice", "rr-bob", "rr-carol"],
        "versions": [alice, bob],
    }
    (tmp_path / "review.jsonl").write_bytes(orjson.dumps(review) + b"\n")
    project = new_project(tmp_path / "p.annotator", annotator="importer")
    report = import_format(project, "prodigy", [tmp_path / "review.jsonl"])
    (doc,) = project.document_ids()
    assert project.document(doc).status == "reviewed"

    def spans(aset: str) -> list[tuple[str, str | None]]:
        return sorted((e.label, e.annotator) for e in project.entities(doc, aset))

    assert spans("main") == [("GPE", "rr-review"), ("ORG", "rr-review")]
    assert spans("rr-alice") == [("ORG", "rr-alice")]
    assert spans("rr-bob") == [("GPE", "rr-bob")] and spans("rr-carol") == [("GPE", "rr-carol")]
    assert any("the versions of 3 sessions (rr-alice, rr-bob, rr-carol)" in n for n in report.notes)
    project.close()


def test_binary_answers_keep_their_rejected_spans_and_leave_the_text_in_progress(tmp_path):
    """ner.teach's answers (``_view_id`` ``ner``) each accept or reject the one span a model showed: the rejected ones
    were left out (counted), and a text with an accepted one came in ``annotated``, as if every entity of it were
    marked, which ``train`` takes whole. Our own answers in that shape."""
    text = "Apple hired Tim Cook in Cupertino."
    base = {"text": text, "_input_hash": 5, "_view_id": "ner"}
    rows = [
        {**base, "_task_hash": 1, "answer": "accept", "spans": [{"start": 0, "end": 5, "label": "ORG", "score": 0.8}]},
        {
            **base,
            "_task_hash": 2,
            "answer": "reject",
            "spans": [{"start": 24, "end": 33, "label": "PERSON", "score": 0.4}],
        },
        {**base, "_task_hash": 3, "answer": "ignore", "spans": [{"start": 12, "end": 20, "label": "ORG"}]},
        {
            "text": "Berlin is big.",
            "_view_id": "ner",
            "answer": "reject",
            "spans": [{"start": 0, "end": 6, "label": "PERSON"}],
        },
        {
            "text": "Rome is old.",
            "_view_id": "ner_manual",
            "answer": "reject",
            "spans": [{"start": 0, "end": 4, "label": "GPE"}],
        },
    ]
    (tmp_path / "teach.jsonl").write_bytes(b"\n".join(orjson.dumps(r) for r in rows))
    result = read_prodigy(tmp_path / "teach.jsonl")
    first, second = result.documents  # Rome's text was rejected whole (ner_manual): no document, as before
    assert first.status == "in_progress"
    assert sorted((e.label, e.state, e.score) for e in first.entities) == [
        ("ORG", "accepted", 0.8),
        ("PERSON", "rejected", 0.4),
    ]
    assert (second.status, [(e.label, e.state) for e in second.entities]) == ("in_progress", [("PERSON", "rejected")])
    assert any("2 binary answers rejecting the span it showed" in n for n in result.notes)
    assert any("2 rejected or ignored answers left out" in w for w in result.warnings)


def test_the_export_writes_each_annotators_set_as_a_review_version(tmp_path):
    """Several annotators' answers came in as sets of their own, and the Prodigy export wrote the final set alone:
    out and in again lost every annotator's. Now their sets go out as a review's ``versions``, read back into them."""
    text = "Acme hired Lee in Paris."
    base = {"text": text, "_input_hash": 7, "answer": "accept"}
    rows = [
        {**base, "_annotator_id": "news-alice", "spans": [{"start": 0, "end": 4, "label": "ORG"}]},
        {**base, "_annotator_id": "news-bob", "spans": [{"start": 0, "end": 4, "label": "PERSON"}]},
    ]
    (tmp_path / "a.jsonl").write_bytes(b"\n".join(orjson.dumps(r) for r in rows))
    p, q = tmp_path / "p.annotator", tmp_path / "q.annotator"
    out, again = tmp_path / "out.jsonl", tmp_path / "again.jsonl"
    assert main(["import", str(p), str(tmp_path / "a.jsonl")]) == 0
    assert main(["export", str(p), "-f", "prodigy", "-o", str(out)]) == 0
    (task,) = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert [(v["_annotator_id"], v["sessions"], v["answer"]) for v in task["versions"]] == [
        ("news-alice", ["news-alice"], "accept"),
        ("news-bob", ["news-bob"], "accept"),
    ]
    assert main(["import", str(q), str(out)]) == 0
    assert main(["export", str(q), "-f", "prodigy", "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()
    with Project(q, create=False) as project:
        (doc,) = project.document_ids()
        assert [e.label for e in project.entities(doc, "news-alice")] == ["ORG"]
        assert [e.label for e in project.entities(doc, "news-bob")] == ["PERSON"]


@pytest.mark.parametrize("bad", [[1, 2], {"a": 1}, True, 1.5])
def test_an_input_hash_that_is_no_number_is_a_one_line_refusal(tmp_path, bad):
    """Found by the fuzzing of the readers: a list as ``_input_hash`` crashed the reader (unhashable type: 'list')."""
    path = tmp_path / "answers.jsonl"
    path.write_bytes(
        orjson.dumps({"text": "Anna met Bo.", "_input_hash": bad, "answer": "accept", "spans": []}) + b"\n"
    )
    with pytest.raises(ImportFileError) as exc:
        read_prodigy(path)
    assert exc.value.line == 1 and "'_input_hash' must be a number" in str(exc.value)


def test_a_null_input_hash_groups_by_text(tmp_path):
    path = tmp_path / "answers.jsonl"
    rows = [{"text": t, "_input_hash": None, "answer": "accept", "spans": []} for t in ("Anna met Bo.", "Bo left.")]
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    assert [d.text for d in read_prodigy(path).documents] == ["Anna met Bo.", "Bo left."]


@pytest.mark.parametrize("bad", [1.5, 3, True])
def test_event_arguments_that_are_no_list_are_a_one_line_refusal(tmp_path, bad):
    """Found by the readers' fuzzing at RELIABILITY_SCALE=50: a number as an event's ``arguments`` crashed the reader
    ('float' object is not iterable)."""
    path = tmp_path / "answers.jsonl"
    event = {"type": "Contact:Meet", "start": 5, "end": 8, "arguments": bad}
    path.write_bytes(orjson.dumps({"text": "Anna met Bo.", "answer": "accept", "spans": [], "events": [event]}) + b"\n")
    with pytest.raises(ImportFileError) as exc:
        read_prodigy(path)
    assert exc.value.line == 1 and "event 0: 'arguments' must be a list" in str(exc.value)
