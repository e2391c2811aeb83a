"""Names the NER read short or long, as arguments (annotator/suggest/arg_spans.py, ``span_of``): a person's name it cut
short ("goalkeeper Marcos Danilo Padilha", its PERSON "Marcos" alone) fills a role as the whole name, and in a project
the name is one suggestion, not the NER's "Marcos" beside it (annotator/suggest/writer.py, ``held_for_arguments``); a
name it ran into the common noun after it ("coast guard vessels", an ORG) is of the noun's kind."""

from __future__ import annotations

from annotator import edits
from spacy_support import ruler_pipeline
from annotator.preannotate import preannotate
from annotator.resources_path import resource_path
from annotator.schema import load_schema
from annotator.suggest.event_rules import RuleEventSuggester
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
from core_helpers import add_document

TEXT = "Brazilian goalkeeper Marcos Danilo Padilha died in a hospital."


def test_a_name_the_ner_cut_short_fills_the_role_whole(nlp):
    doc = nlp(TEXT)
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("Marcos", "PERSON")]  # the premise
    suggester = RuleEventSuggester(load_schema(resource_path("schemas/news.toml")))
    (die,) = [s for s in suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])]
    got = {(a.role, TEXT[a.start : a.end], a.label) for a in die.arguments}
    assert ("Victim", "Marcos Danilo Padilha", "PERSON") in got


def test_a_name_run_into_the_noun_after_it_is_of_the_noun_s_kind(nlp):
    text = "Ukraine withdrew its coast guard vessels from two ports in Crimea."
    doc = nlp(text)
    assert ("coast guard vessels", "ORG") in [(e.text, e.label_) for e in doc.ents]  # the premise
    suggester = RuleEventSuggester(load_schema(resource_path("schemas/news.toml")))
    found = suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    (moved,) = [s for s in found if s.type == "Movement:Transport"]
    got = {(a.role, text[a.start : a.end], a.label) for a in moved.arguments}
    assert ("Artifact", "coast guard vessels", "PRODUCT") in got


class Dies:
    """A stand-in event suggester: "died" a Life:Die whose Victim is the whole name, as the rule suggester gives it."""

    source = "fake:dies@1"

    def suggest(self, doc, entities):  # type: ignore[no-untyped-def]
        k = TEXT.index("Marcos")
        victim = ArgumentSuggestion("Victim", k, TEXT.index(" died"), "PERSON", 0.8)
        return [EventSuggestion("Life:Die", TEXT.index("died"), TEXT.index("died") + 4, 0.8, (victim,))]


def test_a_name_inside_a_wider_one_of_its_label_an_argument_takes_is_one_suggestion(project):
    """The NER's "Marcos" and the Victim's "Marcos Danilo Padilha" were two overlapping PERSON suggestions: one now,
    the whole name; where no event is written, the NER's as it read it."""
    pipe = ruler_pipeline([{"label": "PERSON", "pattern": "Marcos"}])
    doc = add_document(project, TEXT)
    preannotate(project, pipe, event_suggester=Dies())
    got = sorted((TEXT[e.start : e.end], e.label, e.state) for e in project.entities(doc))
    assert got == [("Marcos Danilo Padilha", "PERSON", "suggested")]
    (event,) = project.events(doc)
    edits.reject_event(project, event.id)
    preannotate(project, pipe, event_suggester=Dies())
    got = sorted((TEXT[e.start : e.end], e.label, e.state) for e in project.entities(doc))
    assert got == [("Marcos", "PERSON", "suggested")]
