"""What made each entity and event goes to Prodigy and back: the export wrote no source, so every span came back from
``prodigy`` (events from ``import``) and what a person made by hand came back ``accepted``, the pipeline's
suggestions indistinguishable from Prodigy's own. A span or event now carries its ``source`` (Prodigy keeps a span's
other keys), except the sources a Prodigy import gives, so a Prodigy file still goes back as it came."""

from __future__ import annotations

import orjson

from annotator.formats.prodigy import read_prodigy
from annotator.formats.prodigy_out import write_prodigy
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
from annotator.store import Project
from text_support import word_span as at

TEXT = "Gunmen attacked Mosul on Friday, police in Baghdad said."


def test_sources_and_hand_made_states_go_to_prodigy_and_back(tmp_path):
    def ent(key: str, word: str, label: str, state: str, source: str) -> IncomingEntity:
        s, e = at(TEXT, word)
        return IncomingEntity(key, s, e, label, state, source)

    s, e = at(TEXT, "attacked")
    doc = IncomingDocument(
        TEXT,
        "a.txt",
        status="in_progress",
        entities=[
            ent("gun", "Gunmen", "PERSON", "added", "human"),
            ent("mos", "Mosul", "GPE", "accepted", "spacy:en_core_web_sm@3.8.0"),
            ent("fri", "Friday", "DATE", "suggested", "spacy:en_core_web_sm@3.8.0"),
        ],
        events=[
            IncomingEvent("Conflict:Attack", s, e, {}, [("Attacker", "gun")], state="added", source="human"),
        ],
    )
    with Project(tmp_path / "a.annotator") as project:
        import_documents(project, [doc])
        write_prodigy(project, tmp_path / "out.jsonl")
    (task,) = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert {sp["label"]: sp.get("source") for sp in task["spans"]}["GPE"] == "spacy:en_core_web_sm@3.8.0"
    (back,) = read_prodigy(tmp_path / "out.jsonl").documents
    got = sorted((x.label, x.state, x.source) for x in back.entities)
    assert got == [
        ("DATE", "suggested", "spacy:en_core_web_sm@3.8.0"),
        ("GPE", "accepted", "spacy:en_core_web_sm@3.8.0"),
        ("PERSON", "added", "human"),
    ]
    assert [(v.type, v.state, v.source) for v in back.events] == [("Conflict:Attack", "added", "human")]
    # a Prodigy file's own spans carry no source of ours: it goes back as it came
    task = {
        "text": TEXT,
        "spans": [{"start": 16, "end": 21, "token_start": 2, "token_end": 2, "label": "GPE"}],
        "answer": "accept",
    }
    (tmp_path / "in.jsonl").write_bytes(orjson.dumps(task))
    (doc,) = read_prodigy(tmp_path / "in.jsonl").documents
    assert [(x.state, x.source) for x in doc.entities] == [("accepted", "prodigy")]
    with Project(tmp_path / "b.annotator") as project:
        import_documents(project, [doc])
        write_prodigy(project, tmp_path / "out.jsonl")
    (out,) = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert all("source" not in sp for sp in out["spans"])
