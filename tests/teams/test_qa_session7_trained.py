"""Session 7's qa pass: a project pre-annotated with a trained version (suggestions of source trained:PROJECT@N), its
model quality, its merge into a team's file and the adjudication of it. Only spacy:... counted as the model's, so
`stats --model` said "(no suggestions)" with recall 0.000 for every label, and a merge carried none."""

from __future__ import annotations

from annotator import edits
from annotator.importing import IncomingDocument, import_documents
from annotator.teams.model_quality import model_quality, model_spans
from teams_data import DOC1, at

TRAINED = "trained:news@2"  # versions.source_of: what pre-annotation with version 2 of news.annotator writes


def _reviewed_after_trained(path):  # type: ignore[no-untyped-def]
    """alice's file: version 2's suggestions on doc1, two accepted, one relabelled, one rejected; reviewed."""
    from annotator.store import Project

    p = Project(path, annotator="alice")
    d1 = import_documents(p, [IncomingDocument(text=DOC1, name="doc1")]).imported[0][1]

    def suggest(words: str, label: str) -> int:
        return edits.add_entity(p, d1, *at(DOC1, words), label, state="suggested", source=TRAINED).result_id

    edits.accept_entity(p, suggest("John Smith", "PERSON"))
    edits.accept_entity(p, suggest("Paris", "GPE"))
    edits.relabel_entity(p, suggest("Berlin", "PERSON"), "GPE")
    edits.reject_entity(p, suggest("yesterday", "DATE"))
    edits.set_status(p, d1, "reviewed")
    return p, d1


def test_model_quality_counts_a_trained_versions_suggestions(tmp_path):
    p, d1 = _reviewed_after_trained(tmp_path / "alice.annotator")
    assert {(DOC1[s:e], label) for s, e, label, _src in model_spans(p, d1)} == {
        ("John Smith", "PERSON"),
        ("Paris", "GPE"),
        ("Berlin", "PERSON"),
        ("yesterday", "DATE"),
    }
    r = model_quality(p)
    overall = r["entities"]["overall"]
    assert (overall["tp"], overall["a"], overall["b"]) == (2, 3, 4)  # final 3 (John, Paris, Berlin GPE), model 4
    assert r["pipelines"] == {TRAINED: 4}
    p.close()


def test_merge_carries_a_trained_versions_suggestions(tmp_path):
    from annotator.store import Project
    from annotator.teams.merge import merge_projects

    p, _d1 = _reviewed_after_trained(tmp_path / "alice.annotator")
    own = model_quality(p)
    p.close()
    team = Project(tmp_path / "team.annotator", annotator="rita")
    merge_projects(team, [tmp_path / "alice.annotator"])
    merged = model_quality(team, "alice")
    assert merged["entities"] == own["entities"] and merged["entities"]["overall"]["b"] == 4
    team.close()


def test_adjudication_keeps_a_trained_versions_suggestion_it_does_not_take_as_rejected(project):
    """A model's suggestion that main holds and the reviewer's choice leaves out stays, rejected (what the model said
    is kept for model quality); one of a trained version was deleted as if a person had made it."""
    from annotator.teams import adjudication as adj
    from annotator.teams.differences import differences

    text = "Acme Corp hired Mary in Washington"
    doc = import_documents(project, [IncomingDocument(text=text, name="t")]).imported[0][1]
    for name, label in (("a", "GPE"), ("b", "LOC")):
        project.annotation_set, project.annotator = name, name
        edits.add_entity(project, doc, *at(text, "Washington"), label)
    project.annotation_set, project.annotator = "main", "rita"
    made = [
        edits.add_entity(project, doc, *at(text, "Washington"), label, state="suggested", source=TRAINED).result_id
        for label in ("PERSON", "ORG")
    ]
    for e in made:
        edits.accept_entity(project, e)  # someone accepted both in the final set before the sets were compared
    (d,) = differences(project, doc)
    adj.take(project, d, "a")
    kept = {e.id: (e.label, e.state) for e in project.entities(doc, "main")}
    assert kept == {made[0]: ("GPE", "accepted"), made[1]: ("ORG", "rejected")}
