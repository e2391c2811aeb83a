"""OneIE's predictions (its ``predict.py`` writes a line per sentence: ``doc_id``, ``sent_id``, ``tokens``,
``token_ids`` and ``graph`` with ``entities`` ``[start, end, type, mention type, score]``, ``triggers``, ``relations``
and ``roles`` ``[trigger index, entity index, role, score]``): such a file was refused ("each line must be a OneIE
sentence"), its graph never read. The lines are our own, in that shape."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.formats.detect import detect_format
from annotator.formats.oneie import read_oneie

TOKENS = ["Rebels", "attacked", "a", "convoy", "near", "Kabul", "."]
LINE = {
    "doc_id": "AFP_1",
    "sent_id": "AFP_1-0",
    "tokens": TOKENS,
    "token_ids": ["AFP_1:0-5", "AFP_1:7-14", "AFP_1:16-16", "AFP_1:18-23", "AFP_1:25-28", "AFP_1:30-34", "AFP_1:35-35"],
    "graph": {
        "entities": [[0, 1, "PER", "NOM", 0.75], [3, 4, "VEH", "NOM", 0.5], [5, 6, "GPE", "NAM", 0.875]],
        "triggers": [[1, 2, "Conflict:Attack", 0.625]],
        "relations": [[1, 2, "PHYS", 0.25]],
        "roles": [[0, 0, "Attacker", 0.5], [0, 2, "Place", 0.5]],
    },
}


def test_a_prediction_file_comes_in_as_suggestions_with_scores(tmp_path):
    src = tmp_path / "AFP_1.json"
    src.write_bytes(orjson.dumps(LINE) + b"\n")
    assert detect_format(src) == "oneie"
    result = read_oneie(src)
    (doc,) = result.documents
    assert doc.name == "AFP_1" and doc.text == "Rebels attacked a convoy near Kabul ."
    assert sorted((doc.text[e.start : e.end], e.label, e.state, e.score) for e in doc.entities) == [
        ("Kabul", "GPE", "suggested", 0.875),
        ("Rebels", "PERSON", "suggested", 0.75),
        ("convoy", "PRODUCT", "suggested", 0.5),
    ]
    (event,) = doc.events
    assert (event.type, event.state, event.score) == ("Conflict:Attack", "suggested", 0.625)
    words = {e.key: doc.text[e.start : e.end] for e in doc.entities}
    assert sorted((role, words[key]) for role, key in event.arguments) == [("Attacker", "Rebels"), ("Place", "Kabul")]
    assert any("1 line of OneIE's predictions ('graph')" in n for n in result.notes)
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(src)]) == 0
    out = tmp_path / "out.oneie.json"
    assert main(["export", str(p), "-f", "oneie", "-o", str(out), "--option", "names=aliases"]) == 0
    (back,) = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert [(m["text"], m["entity_type"], m["mention_type"]) for m in back["entity_mentions"]] == [
        ("Rebels", "PER", "NOM"),
        ("convoy", "VEH", "NOM"),
        ("Kabul", "GPE", "NAM"),
    ]
    assert [r["relation_type"] for r in back["relation_mentions"]] == ["PHYS"]
