"""doccano's export dialog shows its relation extraction example as an object over several lines
(``backend/data_export/pipeline/examples.py``, ``ENTITY_AND_RELATION_JSONL``); such a file saved as ``.jsonl`` was
refused at its first line ("not valid JSON ...; is the line cut short?"). Objects written over several lines are read
one after another, as the DyGIE++, OneIE and OmniEvent readers read them. The text is our own."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project

TEXT = "Acme was founded in 1990 by Jane Roe."


def _line(text: str, org: str = "Acme") -> dict:
    def ent(k: int, word: str, label: str) -> dict:
        s = text.index(word)
        return {"id": k, "start_offset": s, "end_offset": s + len(word), "label": label}

    return {
        "text": text,
        "entities": [ent(0, org, "ORG"), ent(1, "1990", "DATE"), ent(2, "Jane Roe", "PERSON")],
        "relations": [
            {"id": 0, "from_id": 0, "to_id": 1, "type": "foundedAt"},
            {"id": 1, "from_id": 0, "to_id": 2, "type": "foundedBy"},
        ],
    }


def test_objects_over_several_lines_in_a_jsonl_file_are_read(tmp_path, capsys):
    src, p = tmp_path / "relations.jsonl", tmp_path / "p.annotator"
    other = TEXT.replace("Acme", "Initech")
    src.write_text(
        json.dumps(_line(TEXT), indent=4) + "\n" + json.dumps(_line(other, "Initech"), indent=4) + "\n",
        encoding="utf-8",
    )
    assert main(["import", str(p), str(src)]) == 0, capsys.readouterr().err
    out = tmp_path / "out.jsonl"
    assert main(["export", str(p), "-f", "doccano", "-o", str(out)]) == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [len(x["entities"]) for x in lines] == [3, 3]
    assert sorted(r["type"] for r in lines[0]["relations"]) == ["foundedAt", "foundedBy"]
    with Project(p, create=False) as project:
        assert len(project.document_ids()) == 2
