"""Event suggestions on seed documents against hand-written gold (tests/data/seed_gold, see its README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.schema import load_schema
from annotator.resources_path import resource_path
from annotator.suggest.event_rules import RuleEventSuggester

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "seed_gold"
NEWS = resource_path("schemas/news.toml")


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_is_well_formed(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (ROOT / "seeds" / gold["document"]).read_bytes().decode("utf-8")
    schema = load_schema(NEWS)
    assert gold["events"]
    for e in gold["events"]:
        etype = schema.event_type(e["type"])
        assert etype is not None, e["type"]
        assert text[e["trigger"][0] : e["trigger"][1]] == e["trigger_text"]
        for a in e["arguments"]:
            assert etype.role(a["role"]) is not None, (e["type"], a["role"])
            assert text[a["span"][0] : a["span"][1]] == a["text"]


def found_mentions(nlp, name: str) -> tuple[int, int]:
    """(gold mentions suggested with the right type and an overlapping trigger, gold mentions)."""
    gold = json.loads((GOLD / name.replace(".txt", ".json")).read_text(encoding="utf-8"))["events"]
    text = (ROOT / "seeds" / name).read_bytes().decode("utf-8")
    doc = nlp(text)
    suggested = RuleEventSuggester(load_schema(NEWS)).suggest(
        doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    )
    hits = sum(
        1
        for g in gold
        if any(
            s.type == g["type"] and s.trigger_start < g["trigger"][1] and g["trigger"][0] < s.trigger_end
            for s in suggested
        )
    )
    return hits, len(gold)


def test_seed_000_at_least_12_mentions_with_type_and_trigger(nlp):
    hits, total = found_mentions(nlp, "000_c5086996ec44ef81.txt")
    assert total >= 12
    assert hits >= 12, f"{hits} of {total}"


@pytest.mark.parametrize("name", ["002_airstrike_market.txt", "004_arrest_trial_sentence.txt"])
def test_other_seeds_half_of_the_mentions(nlp, name):
    hits, total = found_mentions(nlp, name)
    assert hits * 2 >= total, f"{hits} of {total}"


@pytest.mark.slow
def test_seed_004_gets_no_length_of_time_as_a_time(nlp):
    # "ending a trial that lasted almost two years", "a suspended sentence of two years", "for ten years"
    text = (ROOT / "seeds" / "004_arrest_trial_sentence.txt").read_bytes().decode("utf-8")
    doc = nlp(text)
    suggested = RuleEventSuggester(load_schema(NEWS)).suggest(
        doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    )
    times = {text[a.start : a.end] for s in suggested for a in s.arguments if a.role == "Time"}
    assert times and not times & {"almost two years", "two years", "ten years"}, times
