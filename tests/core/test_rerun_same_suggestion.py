"""A decision on a suggestion that a pre-annotation run elsewhere (the app's own Pre-annotate all, its pre-annotation
after an import, or ``annotator preannotate`` in a terminal) replaced by the very same suggestion before the view
learnt of it (the app polls every 1.5 s): a run deletes its undecided suggestions and writes them afresh with new ids,
so the key was refused, 'the PERSON span [0, 11) was deleted elsewhere … nothing was changed', and lost (session 18).
Now it goes to the same suggestion in its place (``shown.aimed_at``); anything else changed is refused as before."""

from __future__ import annotations

import pytest

from project_support import new_project
from spacy_support import ruler_pipeline
from annotator import edits, recorder
from annotator.errors import DeletedElsewhereError, StaleChangeError
from annotator.importing import IncomingDocument, import_documents
from annotator.preannotate import preannotate
from annotator.store import Project

TEXT = "Maria Lopez met John Smith in Paris."
PATTERNS = [
    {"label": "PERSON", "pattern": "Maria Lopez"},
    {"label": "PERSON", "pattern": "John Smith"},
    {"label": "GPE", "pattern": "Paris"},
]


@pytest.fixture
def project(tmp_path):
    with new_project(tmp_path / "p.annotator", annotator="ann") as p:
        import_documents(p, [IncomingDocument(TEXT, "a.txt")])
        preannotate(p, ruler_pipeline(PATTERNS))
        yield p


def _spans(p: Project) -> dict[tuple[int, int], object]:
    return {(e.start, e.end): e for e in p.entities(p.document_ids()[0])}


def _shown_then_rerun(p: Project, patterns=PATTERNS):  # type: ignore[no-untyped-def]
    """The span 'Maria Lopez' as the view showed it, then a run elsewhere (another connection) over the document."""
    shown = _spans(p)[(0, 11)]
    with Project(p.path, create=False, annotator="cli") as other:
        preannotate(other, ruler_pipeline(patterns))
    assert (0, 11) not in {(e.start, e.end) for e in p.entities(p.document_ids()[0]) if e.id == shown.id}
    return shown


@pytest.mark.parametrize(
    "decide, state, label, where",
    [
        (lambda p, e: edits.accept_entity(p, e.id, expected=e), "accepted", "PERSON", (0, 11)),
        (lambda p, e: edits.reject_entity(p, e.id, expected=e), "rejected", "PERSON", (0, 11)),
        (lambda p, e: edits.relabel_entity(p, e.id, "ORG", expected=e), "accepted", "ORG", (0, 11)),
        (lambda p, e: edits.resize_entity(p, e.id, 0, 5, expected=e), "accepted", "PERSON", (0, 5)),
    ],
)
def test_a_decision_on_a_suggestion_a_rerun_replaced_by_the_same_goes_to_it(project, decide, state, label, where):
    shown = _shown_then_rerun(project)
    change = decide(project, shown)  # on main: StaleChangeError '… was deleted elsewhere …'
    now = _spans(project)
    assert now[where].state == state and now[where].label == label
    assert now[where].id == change.result_id != shown.id
    assert now[where].annotator == "ann"
    recorder.undo(project, change)  # undone as any edit: the suggestion as the run left it
    assert _spans(project)[(0, 11)].state == "suggested"


def test_a_delete_of_a_suggestion_a_rerun_replaced_by_the_same_deletes_it(project):
    shown = _shown_then_rerun(project)
    edits.delete_entity(project, shown.id, expected=shown)
    assert (0, 11) not in _spans(project)


def test_a_suggestion_replaced_by_another_label_is_still_refused(project):
    other = [{**p, "label": "ORG"} if p["pattern"] == "Maria Lopez" else p for p in PATTERNS]
    shown = _shown_then_rerun(project, other)
    with pytest.raises(DeletedElsewhereError):
        edits.accept_entity(project, shown.id, expected=shown)
    assert _spans(project)[(0, 11)].label == "ORG" and _spans(project)[(0, 11)].state == "suggested"


def test_a_suggestion_replaced_then_decided_elsewhere_is_still_refused(project):
    shown = _shown_then_rerun(project)
    again = _spans(project)[(0, 11)]
    edits.reject_entity(project, again.id)  # the other window decided on the new one
    with pytest.raises(StaleChangeError):
        edits.accept_entity(project, shown.id, expected=shown)
    assert _spans(project)[(0, 11)].state == "rejected"


# -- events: Enter and X on an event suggestion a re-run replaced by the same (it said 'no event with id 7')


def _event_run(path, text: str, roles: tuple[str, ...] = ("Entity", "Place")) -> None:  # type: ignore[no-untyped-def]
    """A pre-annotation run's store of one Contact:Meet suggestion on 'met' (another connection), as ``store_parsed``
    makes it: the undecided cleared, then entities and events written afresh."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, clear_undecided, write_entities, write_events
    from text_support import word_span

    fillers = {"Entity": ("Maria Lopez", "PERSON"), "Place": ("Paris", "GPE")}
    args = tuple(ArgumentSuggestion(r, *word_span(text, fillers[r][0]), fillers[r][1]) for r in roles)
    meet = EventSuggestion("Contact:Meet", *word_span(text, "met"), 0.9, arguments=args)
    with Project(path, create=False, annotator="cli") as other:
        doc = other.document_ids()[0]
        counts = WriteCounts()
        with other.transaction():
            clear_undecided(other, doc, counts)
            write_entities(other, doc, [], "spacy:x@1", counts)
            write_events(other, doc, [meet], "rules:test@1", counts)


@pytest.mark.parametrize("decide, state", [(edits.accept_event, "accepted"), (edits.reject_event, "rejected")])
def test_a_decision_on_an_event_a_rerun_replaced_by_the_same_goes_to_it(project, decide, state):
    _event_run(project.path, TEXT)
    doc = project.document_ids()[0]
    (shown,) = project.events(doc)
    _event_run(project.path, TEXT)  # the same suggestion again, a new id
    change = decide(project, shown.id, expected=shown)  # on main: 'no event with id …' (and no expected= taken)
    (now,) = project.events(doc)
    assert now.id == change.result_id != shown.id and now.state == state


def test_an_event_replaced_with_other_roles_is_refused(project):
    _event_run(project.path, TEXT)
    doc = project.document_ids()[0]
    (shown,) = project.events(doc)
    _event_run(project.path, TEXT, roles=("Entity",))  # the run found no Place this time: not what was shown
    with pytest.raises(DeletedElsewhereError):
        edits.accept_event(project, shown.id, expected=shown)
    assert project.events(doc)[0].state == "suggested"
