"""A role the suggestions fill and no finished document does (events-dev annotates no Time): how the annotators
work. Training leaves it out of its held-out scores and of the argument tuning, and the trained version does not
suggest it. Counted, every Time the rules fill was a wrong argument, so the learned "no Time" looked like a gain
that the annotators' own scorer (bench/events.py) never sees."""

from __future__ import annotations

import pytest

from annotator import edits
from annotator.learn import train as train_module
from annotator.learn import versions
from annotator.learn.data import GoldArgument, GoldEvent
from annotator.learn.event_model import TrainedEventSuggester
from annotator.learn.event_tuning import train_event_model
from annotator.learn.train import TrainOptions, train_project
from annotator.schema import default_schema
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion

ATTACK = "Conflict:Attack"
CITIES = ["Adana", "Mosul", "Kabul", "Aleppo", "Homs", "Basra", "Herat", "Sanaa"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday"]


def _text(k: int) -> str:
    return f"Rebels attacked the town of {CITIES[k]} on {DAYS[k]}, officials said."


def _at(text: str, word: str) -> tuple[int, int]:
    s = text.index(word)
    return s, s + len(word)


class _RulesWithTime:
    """The rules' Attack on 'attacked' with a right Attacker and Place, and a Time nobody annotates."""

    source = "rules-with-time"

    def __init__(self, *_schema) -> None:
        pass

    def suggest(self, doc, entities):
        text = doc.text
        if "attacked" not in text:
            return []
        day = text.split(" on ")[1].split(",")[0]
        args = (
            ArgumentSuggestion("Attacker", *_at(text, "Rebels"), "ORG"),
            ArgumentSuggestion("Place", *_at(text, text.split("town of ")[1].split(" ")[0]), "GPE"),
            ArgumentSuggestion("Time", *_at(text, day), "DATE"),
        )
        return [EventSuggestion(ATTACK, *_at(text, "attacked"), 0.9, args)]


def _gold(text: str) -> GoldEvent:
    city = text.split("town of ")[1].split(" ")[0]
    return GoldEvent(
        ATTACK,
        *_at(text, "attacked"),
        (GoldArgument("Attacker", *_at(text, "Rebels"), "ORG"), GoldArgument("Place", *_at(text, city), "GPE")),
    )


def test_unfilled_roles_need_the_rules_to_fill_them_and_nobody_else():
    from annotator.learn.argument_tuning import unfilled_roles

    gold = [[_gold(_text(k))] for k in range(3)]
    rules = _RulesWithTime()

    class _Doc:
        def __init__(self, text):
            self.text = text

    suggested = [rules.suggest(_Doc(_text(k)), []) for k in range(3)]
    assert unfilled_roles(gold, suggested) == {"Time"}
    assert unfilled_roles(gold, suggested[:2]) == set()  # filled twice by the rules: too little to say
    with_time = [[GoldEvent(ATTACK, 0, 1, (GoldArgument("Time", 0, 1, "DATE"),))], *gold[1:]]
    assert unfilled_roles(with_time, suggested) == set()  # one document fills it: the annotators do


def test_training_leaves_a_role_nobody_fills_out_of_its_measures_and_its_suggestions(nlp):
    schema = default_schema()
    prior = _RulesWithTime()
    examples = []
    for k in range(8):
        doc = nlp(_text(k))
        examples.append((doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents], [_gold(doc.text)]))
    model = train_event_model(examples, schema, prior, epochs=2)
    sugg = TrainedEventSuggester(model, schema, "trained:test@1", prior)
    for doc, ents, _gold_events in examples:
        (event,) = sugg.suggest(doc, ents)
        assert sorted(a.role for a in event.arguments) == ["Attacker", "Place"]
    assert model.unannotated_roles == {"Time"}
    # the rules' arguments are all right once Time is left out of the held-out measure (counted: F1 0.8)
    assert model.tuning["overall"]["arguments"]["prior_f1"] == 1.0


@pytest.mark.slow
def test_annotator_train_scores_and_suggests_without_the_role_nobody_fills(tmp_path, monkeypatch, nlp):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    monkeypatch.setattr(train_module, "default_prior", _RulesWithTime)
    project = Project(tmp_path / "p.annotator", annotator="tester")
    texts = [_text(k) for k in range(8)]
    report = import_documents(project, [IncomingDocument(text=t, name=f"d{k}") for k, t in enumerate(texts)])
    for (_name, doc_id), text in zip(report.imported, texts):
        g = _gold(text)
        vid = edits.add_event(project, doc_id, ATTACK, g.start, g.end).result_id
        for a in g.arguments:
            edits.add_argument(
                project, vid, a.role, edits.add_entity(project, doc_id, a.start, a.end, a.label).result_id
            )
        edits.set_status(project, doc_id, "reviewed")
    trained = train_project(project, TrainOptions(ner_epochs=0, event_epochs=2, rehearsal_words=0))
    # the rules (the current model) are scored as the annotators score them: their Time is not a wrong argument
    assert trained.scores["current"]["arguments"]["all"]["f1"] == 1.0
    assert "Time" not in trained.scores["current"]["arguments"]
    assert trained.unannotated_roles == ["Time"] and "Time" in trained.summary()
    suggester = versions.load_version_events(project, trained.version)
    doc = nlp(texts[0])
    events = suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    assert events and all(a.role != "Time" for v in events for a in v.arguments)
    project.close()
