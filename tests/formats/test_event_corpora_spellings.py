"""The event corpora's exports (DyGIE++, OneIE, OmniEvent) wrote the schema's names (``PERSON``, ``Conflict:Attack``,
``Time``) for a document whose file spelt them otherwise (ACE's ``PER``, ``Conflict.Attack``, ``Time-Within``), where
every other export that names labels span by span writes the file's spellings (session 16's leftover). They write
each document's own now (``schema_names.written_names``, from ``GivenSpellings.of_meta``); ``names=schema`` the
schema's, ``names=aliases`` the first aliases, as before. The fixtures are our own, in DyGIE++'s ACE shape."""

from __future__ import annotations

import json

import orjson
import pytest

from annotator.cli import main
from tests.formats.test_dygiepp_aliases import LINE
from tests.formats.test_reader_schema_names import label_studio_task


def _labels(fmt: str, lines: list[dict]) -> set[str]:
    """Every entity label, event type and role of an export's lines."""
    if fmt == "dygiepp":
        (line,) = lines
        got = {x[2] for s in line["ner"] for x in s}
        for s in line["events"]:
            for ev in s:
                got |= {ev[0][1]} | {a[2] for a in ev[1:]}
        return got
    if fmt == "oneie":
        return {m["entity_type"] for x in lines for m in x["entity_mentions"]} | {
            n
            for x in lines
            for v in x["event_mentions"]
            for n in [v["event_type"], *(a["role"] for a in v["arguments"])]
        }
    return {e["type"] for x in lines for e in x["entities"]} | {
        n
        for x in lines
        for v in x["events"]
        for n in [v["type"], *(a["role"] for t in v["triggers"] for a in t["arguments"])]
    }


def _export(tmp_path, src, fmt: str, *options: str) -> set[str]:  # type: ignore[no-untyped-def]
    p = tmp_path / "p.annotator"
    if not p.exists():
        assert main(["import", str(p), str(src)]) == 0
    out = tmp_path / f"out-{fmt}-{len(options)}.jsonl"
    extra = [x for o in options for x in ("--option", o)]
    assert main(["export", str(p), "-f", fmt, "-o", str(out), *extra]) == 0
    text = out.read_text(encoding="utf-8")
    lines = json.loads(text) if fmt == "oneie" and text.startswith("[") else [json.loads(x) for x in text.splitlines()]
    return _labels(fmt, lines)


@pytest.mark.parametrize("fmt", ["dygiepp", "oneie", "omnievent"])
def test_an_ace_files_names_go_out_as_it_spelt_them(tmp_path, fmt):
    src = tmp_path / "ace.json"
    src.write_bytes(orjson.dumps(LINE) + b"\n")
    got = _export(tmp_path, src, fmt)
    assert {"PER", "Conflict.Attack", "Time-Within", "Attacker"} <= got, got
    assert not {"PERSON", "Conflict:Attack", "Time"} & got
    schema = _export(tmp_path, src, fmt, "names=schema")  # the schema's own, asked for
    assert {"PERSON", "Conflict:Attack", "Time"} <= schema and "PER" not in schema


def test_a_label_studio_tasks_names_go_to_dygiepp_as_it_spelt_them(tmp_path):
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps(label_studio_task("Conflict.Attack", "attacker")), encoding="utf-8")
    got = _export(tmp_path, src, "dygiepp")
    assert {"PER", "Conflict.Attack", "attacker"} <= got and "PERSON" not in got, got


def test_a_dygiepp_file_out_in_and_out_is_the_same_line(tmp_path):
    src = tmp_path / "ace.json"
    src.write_bytes(orjson.dumps(LINE) + b"\n")
    p, out, q, again = (tmp_path / n for n in ("p.annotator", "out.jsonl", "q.annotator", "again.jsonl"))
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "dygiepp", "-o", str(out)]) == 0
    assert main(["import", str(q), str(out)]) == 0
    assert main(["export", str(q), "-f", "dygiepp", "-o", str(again)]) == 0
    line = orjson.loads(out.read_bytes())
    assert line["ner"] == LINE["ner"] and line["events"] == LINE["events"]
    assert again.read_bytes() == out.read_bytes()
