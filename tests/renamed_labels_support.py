"""A schema that names the pipeline's place, time and amount labels otherwise (``Place`` aliasing spaCy's ``GPE``,
``LOC`` and ``FAC``, ``Cash`` ``MONEY``, ``Measure`` ``QUANTITY``, ``Day`` ``DATE``, ``Clock`` ``TIME``), for the role
keys' tests (tests/core/test_keyflow_renamed_labels.py, tests/ui/test_keys_renamed_labels.py)."""

from __future__ import annotations

from annotator.schema import parse_schema

SCHEMA = parse_schema(
    """
[schema]
name = "own"
version = 1

[[entity]]
name = "Person"
aliases = ["PERSON"]

[[entity]]
name = "Place"
aliases = ["GPE", "LOC", "FAC"]

[[entity]]
name = "Cash"
aliases = ["MONEY"]

[[entity]]
name = "Measure"
aliases = ["QUANTITY"]

[[entity]]
name = "Day"
aliases = ["DATE"]

[[entity]]
name = "Clock"
aliases = ["TIME"]

[[event]]
name = "Contact:Meet"
triggers = ["met"]
  [[event.role]]
  name = "Entity"
  labels = ["Person", "Place"]
  [[event.role]]
  name = "Place"
  labels = ["Place"]
  [[event.role]]
  name = "Time"
  labels = ["Day", "Clock"]

[[event]]
name = "Justice:Fine"
triggers = ["fined"]
  [[event.role]]
  name = "Money"
  labels = ["Cash"]
"""
)
