"""model.meta_object: a document's stored meta as an object, None where a pass over the metas passes it over."""

from __future__ import annotations

from annotator.categories import CATEGORIES, category_counts
from annotator.model import meta_object


def test_a_stored_meta_as_an_object():
    assert meta_object('{"categories": ["sport"]}') == {"categories": ["sport"]}
    assert meta_object(None) == {} and meta_object("") == {}
    assert meta_object('{"categories": [') is None  # no JSON reader can read it
    assert meta_object('["sport"]') is None and meta_object("null") is None  # JSON, but no object


def test_a_meta_no_reader_can_read_is_passed_over_by_the_counts(project):
    from core_helpers import add_document

    good = add_document(project, "One text.", "a.txt")
    bad = add_document(project, "Another text.", "b.txt")
    with project.transaction():
        project.db.set_document_meta(good, f'{{"{CATEGORIES}": ["sport"]}}')
        project.db.set_document_meta(bad, f'{{"{CATEGORIES}": ["sport"')  # damaged: counted for nothing, no error
    assert category_counts(project)["sport"] == 1
