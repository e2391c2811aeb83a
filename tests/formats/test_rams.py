"""RAMS' document lines (``RAMS_1.0/data/*.jsonlines``: ``doc_key``, ``sentences`` of tokens, ``evt_triggers``,
``ent_spans`` typed by the roles they fill, ``gold_evt_links``, token indices of the document with inclusive ends,
AIDA's three-level types, roles ``evt090arg01victim``). Session 30: a ``.jsonlines`` file was "unknown kind of file",
and under ``.jsonl`` it was read as DyGIE++ (for its ``doc_key`` and ``sentences``): its text came in, its events and
arguments went to the document's meta without a word. Our own document, in the shape of the public files."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.detect import detect_format
from annotator.formats.oneie import read_oneie
from annotator.store import Project

SENTENCES = [
    ["Gunmen", "attacked", "a", "police", "station", "in", "Mosul", "on", "Friday", "."],
    ["Four", "officers", "died", "in", "the", "blast", ",", "a", "spokesman", "said", "."],
]
DIE = "life.die.deathcausedbyviolentevents"


def _line(links: list | None = None) -> dict:
    # document token indices, both ends inclusive: 'died' 12, 'officers' 11, 'Mosul' 6, 'Gunmen' 0
    given = links or [[[12, 12], [11, 11], "evt090arg01victim"], [[12, 12], [6, 6], "evt090arg04place"],
                      [[12, 12], [0, 0], "evt090arg02killer"]]  # fmt: skip
    return {
        "doc_key": "nw_RC00001",
        "language_id": "eng",
        "source_url": "http://example.org/a",
        "split": "dev",
        "sentences": SENTENCES,
        "evt_triggers": [[12, 12, [[DIE, 1.0]]]],
        "ent_spans": [
            [11, 11, [["evt090arg01victim", 1.0]]],
            [6, 6, [["evt090arg04place", 1.0]]],
            [0, 0, [["evt090arg02killer", 1.0]]],
        ],  # fmt: skip
        "gold_evt_links": given,
        "rel_triggers": [],
        "gold_rel_links": [],
    }


@pytest.mark.parametrize("ending", [".jsonlines", ".jsonl"])
def test_a_rams_document_comes_in_with_its_event_and_its_arguments_across_sentences(tmp_path, capsys, ending):
    src, p = tmp_path / f"dev{ending}", tmp_path / "p.annotator"
    src.write_bytes(orjson.dumps(_line()) + b"\n")
    assert detect_format(src) == "oneie"  # .jsonlines: None ("unknown kind of file"); .jsonl: dygiepp
    assert main(["import", str(p), str(src)]) == 0
    err = capsys.readouterr().err
    assert "RAMS keeps no original text" in err
    assert "event types read by their first two levels" in err and f"{DIE} (1)" in err
    with Project(p, create=False) as project:
        (doc_id,) = project.document_ids()
        doc = project.document(doc_id)
        assert doc.name == "nw_RC00001"
        assert doc.text == "\n".join(" ".join(s) for s in SENTENCES)
        assert (doc.meta["source_url"], doc.meta["split"]) == ("http://example.org/a", "dev")
        ents = {e.id: (doc.text[e.start : e.end], e.label) for e in project.entities(doc_id)}
        (event,) = project.events(doc_id)
        assert (event.type, doc.text[event.trigger_start : event.trigger_end]) == ("Life:Die", "died")
        assert sorted((a.role, *ents[a.entity_id]) for a in event.arguments) == [
            ("Place", "Mosul", "place"),
            ("Victim", "officers", "victim"),
            ("killer", "Gunmen", "killer"),  # no such role in the news schema: told
        ]
    out = tmp_path / "w.jsonl"  # out as WikiEvents: the three levels, the arguments in the sentence before
    assert main(["export", str(p), "-f", "wikievents", "-o", str(out)]) == 0
    (line,) = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    (v,) = line["event_mentions"]
    assert v["event_type"] == DIE
    assert sorted((a["role"], a["text"]) for a in v["arguments"]) == [
        ("killer", "Gunmen"),
        ("place", "Mosul"),
        ("victim", "officers"),
    ]


def test_a_link_to_no_trigger_refuses_the_file_with_its_line(tmp_path):
    src = tmp_path / "dev.jsonlines"
    bad = _line([[[3, 3], [11, 11], "evt090arg01victim"]])
    src.write_bytes(orjson.dumps(_line()) + b"\n" + orjson.dumps(bad) + b"\n")
    with pytest.raises(ImportFileError, match=r"dev\.jsonlines:2: gold_evt_links 0: no trigger at tokens \[3, 3\]"):
        read_oneie(src)
