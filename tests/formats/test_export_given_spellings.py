"""The doccano, Prodigy and DocBin exports write labels, event types and roles as the file a document came in with
spelt them (``PER``, ``Conflict.Attack``, ``attacker``), as the Label Studio export does: the readers match them to the
schema's names (``PERSON``, ``Conflict:Attack``, ``Attacker``; ``formats.schema_names``) and keep the file's spellings
with the document (``given_spellings``); the exports wrote the schema's names, which the pipeline the file came from
does not expect. The fixtures are our own, in each tool's shape."""

from __future__ import annotations

import json

import pytest

from annotator.store import Project
from tests.formats.conftest import cli_round_trip
from tests.formats.test_reader_schema_names import EXPECTED, TEXT, prodigy_task, spans_and_events
from spacy_support import english_vocab


def test_the_doccano_export_writes_the_labels_and_roles_as_the_line_spelt_them(tmp_path):
    line = {
        "id": 7,
        "text": TEXT,
        "entities": [
            {"id": 1, "start_offset": 0, "end_offset": 6, "label": "PER"},
            {"id": 2, "start_offset": 7, "end_offset": 15, "label": "Conflict.Attack"},
            {"id": 3, "start_offset": 16, "end_offset": 21, "label": "PER"},
            {"id": 4, "start_offset": 25, "end_offset": 30, "label": "GPE"},
        ],
        "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "attacker"}],
    }
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps(line) + "\n", encoding="utf-8")
    out, p2, again = cli_round_trip(tmp_path, f, "doccano")
    (got,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    by_id = {e["id"]: e for e in got["entities"]}
    assert sorted((TEXT[e["start_offset"] : e["end_offset"]], e["label"]) for e in got["entities"]) == [
        ("Kabul", "GPE"),
        ("Obama", "PER"),
        ("Rebels", "PER"),
        ("attacked", "Conflict.Attack"),
    ]
    assert [(by_id[r["from_id"]]["label"], r["type"], by_id[r["to_id"]]["label"]) for r in got["relations"]] == [
        ("Conflict.Attack", "attacker", "PER")
    ]
    assert again.read_bytes() == out.read_bytes()
    with Project(p2, create=False) as p:
        assert spans_and_events(p) == EXPECTED


def test_the_prodigy_export_writes_the_labels_and_roles_as_the_answers_spelt_them(tmp_path):
    f = tmp_path / "answers.jsonl"
    f.write_text(json.dumps(prodigy_task("Conflict.Attack", "attacker")) + "\n", encoding="utf-8")
    out, p2, again = cli_round_trip(tmp_path, f, "prodigy")
    (task,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((TEXT[s["start"] : s["end"]], s["label"]) for s in task["spans"]) == [
        ("Kabul", "GPE"),
        ("Obama", "PER"),
        ("Rebels", "PER"),
        ("attacked", "Conflict.Attack"),
    ]
    assert [(r["head_span"]["label"], r["label"], r["child_span"]["label"]) for r in task["relations"]] == [
        ("Conflict.Attack", "attacker", "PER")
    ]
    assert [(v["type"], [(a["role"], a["label"]) for a in v["arguments"]]) for v in task["events"]] == [
        ("Conflict.Attack", [("attacker", "PER")])
    ]
    assert again.read_bytes() == out.read_bytes()
    with Project(p2, create=False) as p:
        assert spans_and_events(p) == EXPECTED


def _docbin_out(path):  # type: ignore[no-untyped-def]
    from spacy.tokens import DocBin

    (doc,) = DocBin().from_disk(path).get_docs(english_vocab())
    return doc


@pytest.mark.slow  # spaCy Docs made, written and read back twice
def test_the_docbin_export_writes_the_labels_as_another_corpus_spelt_them(tmp_path):
    """A DocBin of another corpus (``doc.ents`` of ACE's ``PER``): its documents' tokens are stored, which the export's
    array path encodes; the labels go back as ``PER`` in ``doc.ents`` and ``doc.spans["sc"]``."""
    import spacy
    from spacy.tokens import DocBin

    doc = spacy.blank("en")(TEXT)
    doc.ents = [
        doc.char_span(0, 6, label="PER"),
        doc.char_span(16, 21, label="PER"),
        doc.char_span(25, 30, label="GPE"),
    ]
    f = tmp_path / "train.spacy"
    DocBin(docs=[doc]).to_disk(f)
    out, p2, again = cli_round_trip(tmp_path, f, "spacy")
    got = _docbin_out(out)
    assert [(s.text, s.label_) for s in got.ents] == [("Rebels", "PER"), ("Obama", "PER"), ("Kabul", "GPE")]
    assert [(s.text, s.label_) for s in got.spans["sc"]] == [("Rebels", "PER"), ("Obama", "PER"), ("Kabul", "GPE")]
    second = _docbin_out(again)
    assert [(s.text, s.label_) for s in second.ents] == [(s.text, s.label_) for s in got.ents]
    with Project(p2, create=False) as p:
        assert spans_and_events(p) == ([("Kabul", "GPE"), ("Obama", "PERSON"), ("Rebels", "PERSON")], [])


@pytest.mark.slow  # spaCy Docs made, written and read back twice
def test_the_docbin_export_writes_event_types_and_roles_as_the_docbin_spelt_them(tmp_path):
    """A DocBin in the export's own layout (entities with their infos, triggers with their events) whose labels, event
    type and role are spelt as ACE's: ``PER``, ``Conflict.Attack``, ``attacker`` go back so."""
    import spacy
    from spacy.tokens import DocBin

    doc = spacy.blank("en")(TEXT)
    ents = [doc.char_span(0, 6, label="PER"), doc.char_span(16, 21, label="PER"), doc.char_span(25, 30, label="GPE")]
    doc.ents = ents
    doc.spans["sc"] = ents
    doc.spans["sc"].attrs["entities"] = [{"id": k, "state": "accepted", "source": "ace"} for k in (1, 2, 3)]
    doc.spans["triggers"] = [doc.char_span(7, 15, label="Conflict.Attack")]
    doc.spans["triggers"].attrs["events"] = [
        {"id": 1, "type": "Conflict.Attack", "trigger": [7, 15], "arguments": [{"role": "attacker", "span": 0}]}
    ]
    f = tmp_path / "train.spacy"
    DocBin(docs=[doc], store_user_data=True).to_disk(f)
    out, p2, again = cli_round_trip(tmp_path, f, "spacy")
    got = _docbin_out(out)
    assert [(s.text, s.label_) for s in got.spans["sc"]] == [("Rebels", "PER"), ("Obama", "PER"), ("Kabul", "GPE")]
    assert [(s.text, s.label_) for s in got.spans["triggers"]] == [("attacked", "Conflict.Attack")]
    ((etype, roles),) = [
        (v["type"], [a["role"] for a in v["arguments"]]) for v in got.spans["triggers"].attrs["events"]
    ]
    assert (etype, roles) == ("Conflict.Attack", ["attacker"])
    second = _docbin_out(again)
    assert [(s.text, s.label_) for s in second.spans["triggers"]] == [("attacked", "Conflict.Attack")]
    with Project(p2, create=False) as p:
        assert spans_and_events(p) == EXPECTED


@pytest.mark.slow  # spaCy's own DocBin of the record path's Docs, as the other array-path tests
def test_the_docbin_array_path_writes_the_spellings_as_the_record_path_does(sample, tmp_path, monkeypatch):
    """Documents with stored tokens stay on the array path with their DocBin's own spellings (every other one here,
    so a chunk mixes them with the schema's names) and read back as spaCy's own DocBin of the record path's Docs (they
    went to the record path, about 6 times the CPU)."""
    from annotator.formats.docbin_plan import SHAPE
    from annotator.formats.records import ExportRequest
    from tests.formats.test_docbin_arrays import exported, names_encoded_as_arrays, reference, store_tokens

    project, _ = sample
    store_tokens(project)
    request = ExportRequest(states=("suggested", "accepted", "added"))
    encoded = names_encoded_as_arrays(monkeypatch)
    exported(project, tmp_path / "before.spacy", request)
    on_arrays = set(encoded)  # the documents the arrays cover without spellings
    encoded.clear()
    s = project.schema
    spellings = {
        "labels": {e.name: e.name.lower() for e in s.entities} | {t.name: t.name.replace(":", ".") for t in s.events},
        "roles": {r.name: r.name.lower() for t in s.events for r in t.roles},
    }
    project.db.conn.execute(
        "UPDATE documents SET meta = json_set(coalesce(meta, '{}'), ?, json(?)) WHERE id % 2 = 0",
        (f"$.{SHAPE}", json.dumps(spellings)),
    )
    project.db.conn.commit()
    theirs, _ = reference(project, request)
    ours, _ = exported(project, tmp_path / "c.spacy", request)
    assert ours == theirs
    assert len(on_arrays) > 1 and set(encoded) == on_arrays  # the spellings moved none of them to the record path
    assert "'person'" in repr(ours) and "'PERSON'" in repr(ours)  # spelt where the meta says, else the schema's


def test_the_conll_export_writes_the_tags_as_the_file_spelt_them(tmp_path):
    """CoNLL-2003's ``PER`` comes in as the news schema's ``PERSON`` and goes back as ``B-PER``: the export wrote
    ``B-PERSON``, a tag the tagger trained on the file does not have."""
    rows = [("Barack", "B-PER"), ("Obama", "I-PER"), ("visited", "O"), ("Kabul", "B-GPE"), (".", "O")]
    f = tmp_path / "train.conll"
    f.write_text("\n".join(f"{w} -X- _ {t}" for w, t in rows) + "\n\n", encoding="utf-8")
    out, p2, again = cli_round_trip(tmp_path, f, "conll")
    tags = [
        line.split()[-1] for line in out.read_text(encoding="utf-8").splitlines() if line and "DOCSTART" not in line
    ]
    assert tags == [t for _, t in rows]
    assert again.read_bytes() == out.read_bytes()
    with Project(p2, create=False) as p:
        assert spans_and_events(p) == ([("Barack Obama", "PERSON"), ("Kabul", "GPE")], [])
