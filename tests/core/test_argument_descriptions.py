"""A description said of a name through "is" stands for the name (annotator/suggest/arg_spans.py, ``resolve``): "Tom
Walker is a former Marine who traveled to Kabul" — the one who traveled is Tom Walker, also where the NER read the
description as a name of its own ("Marine" a NORP or an ORG); a common-noun description was read so already
(``_named``: "Mughniyah, who was a commander until he was killed")."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


@pytest.mark.slow
def test_a_description_the_ner_read_as_a_name_stands_for_the_subject_it_is_said_of(nlp):
    text = "Tom Walker is a former Marine who traveled to Kabul last year."
    (went,) = [s for s in suggested_events(nlp, text) if s.type == "Movement:Transport"]
    got = {(a.role, text[a.start : a.end]) for a in went.arguments}
    assert ("Artifact", "Tom Walker") in got and ("Artifact", "Marine") not in got, got


@pytest.mark.slow
def test_a_name_met_is_no_description_of_the_subject(nlp):
    """A guard: only a description after "is" is said of the subject; an object is someone else."""
    text = "Tom Walker met a former Marine who traveled to Kabul last year."
    (went,) = [s for s in suggested_events(nlp, text) if s.type == "Movement:Transport"]
    got = {(a.role, text[a.start : a.end]) for a in went.arguments}
    assert ("Artifact", "Tom Walker") not in got, got
