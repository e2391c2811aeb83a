"""A training run says per trigger word what the new version suggests differently from the current model on the
held-out documents (issue 13, session 43): where the trained model takes a type from the rules, which words it
dropped or added, right and wrong. The scores per type said how much, never which words."""

from __future__ import annotations

import pytest

from annotator import edits
from annotator.learn import train as train_module
from annotator.learn.data import GoldEvent
from annotator.learn.report import changed_words, format_changed_words
from annotator.learn.scoring import tally_trigger_words
from annotator.learn.train import TrainOptions, TrainReport, train_project
from annotator.suggest.types import EventSuggestion

ATTACK, MEET = "Conflict:Attack", "Contact:Meet"


def _word(text: str):
    return lambda start, end: text[start:end].lower()


def test_trigger_words_are_counted_right_wrong_and_gold_by_the_one_matching_rule():
    text = "Rebels attacked and attacked again; leaders met."
    gold = [GoldEvent(ATTACK, 7, 15), GoldEvent(MEET, 44, 47)]
    # two suggestions on the one gold 'attacked' span: the first is right, the second has no gold left
    pred = [GoldEvent(ATTACK, 7, 15), GoldEvent(ATTACK, 7, 15), GoldEvent(ATTACK, 20, 28), GoldEvent(MEET, 0, 6)]
    counts = tally_trigger_words(gold, pred, _word(text), {}, types={ATTACK, MEET})
    assert counts == {(ATTACK, "attacked"): [1, 2, 1], (MEET, "rebels"): [0, 1, 0], (MEET, "met"): [0, 0, 1]}
    # a type left out of the scores is left out here too
    assert tally_trigger_words(gold, pred, _word(text), {}, types={MEET}) == {
        (MEET, "rebels"): [0, 1, 0],
        (MEET, "met"): [0, 0, 1],
    }


def test_only_the_words_suggested_differently_are_listed_the_largest_change_first():
    current = {(ATTACK, "attack"): [5, 3, 6], (MEET, "talk"): [0, 4, 0], (MEET, "meet"): [3, 1, 4]}
    new = {(ATTACK, "attack"): [4, 1, 6], (MEET, "meet"): [3, 1, 4], (MEET, "summit"): [1, 0, 1]}
    rows = changed_words(current, new)
    assert rows == [
        {"type": MEET, "word": "talk", "current": [0, 4], "new": [0, 0], "gold": 0},
        {"type": ATTACK, "word": "attack", "current": [5, 3], "new": [4, 1], "gold": 6},
        {"type": MEET, "word": "summit", "current": [0, 0], "new": [1, 0], "gold": 1},
    ]
    said = format_changed_words(rows).splitlines()
    assert said[0].startswith("trigger words the new version suggests differently on the held-out documents")
    assert said[2].split() == ["talk", MEET, "0", "/", "4", "0", "/", "0", "0", "(dropped)"]
    assert said[3].split() == ["attack", ATTACK, "5", "/", "3", "4", "/", "1", "6"]
    assert said[4].split()[-1] == "(added)"
    assert format_changed_words(rows, limit=1).splitlines()[-1] == "  (2 more words)"
    assert changed_words(current, current) == [] and format_changed_words([]) == ""


def test_the_run_s_summary_and_json_carry_the_words_under_the_held_out_table():
    rows = [{"type": MEET, "word": "talk", "current": [0, 4], "new": [0, 0], "gold": 0}]
    report = TrainReport(version=2, documents=8, held_out=8, folds=5, trigger_words=rows)
    head, _, table = report.summary().partition("\n")
    assert "talk" not in head  # the line stays the run and its verdict
    assert table.splitlines()[-1].split()[-1] == "(dropped)"
    assert report.to_data()["trigger_words"] == rows
    assert "trigger words" not in TrainReport(version=2, documents=8).summary()


CITIES = ["Adana", "Mosul", "Kabul", "Aleppo", "Homs", "Basra", "Herat", "Sanaa"]


def _text(k: int) -> str:
    return f"Rebels attacked the town of {CITIES[k]} on Monday, officials said."


class _Rules:
    """The rules' Attack on 'attacked' (no arguments)."""

    source = "rules-attacked"

    def __init__(self, *_schema) -> None:
        pass

    def suggest(self, doc, entities):
        start = doc.text.find("attacked")
        return [EventSuggestion(ATTACK, start, start + 8, 0.9, ())] if start >= 0 else []


class _Nothing:
    """A trained suggester that suggests nothing: every word the rules suggest is one it dropped."""

    def __init__(self, *_args) -> None:
        pass

    def suggest(self, doc, entities):
        return []


@pytest.mark.slow
def test_a_training_run_names_the_trigger_words_the_new_version_dropped(tmp_path, monkeypatch):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.learn import versions
    from annotator.store import Project

    monkeypatch.setattr(train_module, "default_prior", _Rules)
    monkeypatch.setattr(train_module, "TrainedEventSuggester", _Nothing)
    project = Project(tmp_path / "p.annotator", annotator="tester")
    texts = [_text(k) for k in range(6)]
    report = import_documents(project, [IncomingDocument(text=t, name=f"d{k}") for k, t in enumerate(texts)])
    for (_name, doc_id), text in zip(report.imported, texts):
        start = text.index("attacked")
        edits.add_event(project, doc_id, ATTACK, start, start + 8)
        edits.set_status(project, doc_id, "reviewed")
    trained = train_project(project, TrainOptions(ner_epochs=0, event_epochs=1, rehearsal_words=0))
    # every held-out 'attacked' (its lemma 'attack') the rules got right, the new version dropped
    assert trained.trigger_words == [{"type": ATTACK, "word": "attack", "current": [6, 0], "new": [0, 0], "gold": 6}]
    assert "(dropped)" in trained.summary()
    manifest = versions.list_versions(project)[-1]
    assert manifest.manifest["trigger_words"] == trained.trigger_words
    project.close()
