"""A role's multiplicity as whether it is required and whether it is repeatable, read one way
(``schema_model.multiplicity_of``; session 40): brat's merge of two spellings of one type, its numbered roles
(``Theme``, ``Theme2``), a role spelt two ways in an export's conf, and the roles told from a file's events each wrote
the four names out again. brat's merge kept the "looser" of two by a ranking that put ``one_or_more`` above
``optional``: a role optional in one spelling and required in the other came out required, though the first type's
events may leave it empty."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from annotator.formats.brat_conf import conf_schema, write_annotation_conf
from annotator.formats.schema_names import spelt_schema
from annotator.formats.told_types import EventUses
from annotator.schema import parse_schema

MULTIPLICITIES = ("one", "optional", "one_or_more", "any")
BRAT_MARK = {"one": "", "optional": "?", "one_or_more": "+", "any": "*"}


def _two_spellings(first: str, second: str) -> str:
    return f"""
[schema]
name = "two"
version = 1

[[entity]]
name = "GPE"

[[event]]
name = "Conflict.Attack"
  [[event.role]]
  name = "Place"
  labels = ["GPE"]
  multiplicity = "{first}"

[[event]]
name = "Conflict:Attack"
  [[event.role]]
  name = "Place"
  labels = ["GPE"]
  multiplicity = "{second}"
"""


def _place_line(conf: str) -> str:
    (line,) = [x for x in conf.splitlines() if x.startswith("Conflict_Attack")]
    return line


def test_a_role_optional_in_one_spelling_and_required_in_the_other_is_required_in_neither_after_brat_s_merge():
    conf = write_annotation_conf(parse_schema(_two_spellings("optional", "one_or_more")))
    assert _place_line(conf) == "Conflict_Attack\tPlace*:GPE"
    conf = write_annotation_conf(parse_schema(_two_spellings("one_or_more", "optional")))
    assert _place_line(conf) == "Conflict_Attack\tPlace*:GPE"


@pytest.mark.parametrize(("first", "second"), list(itertools.product(MULTIPLICITIES, repeat=2)))
def test_brat_s_merge_of_two_spellings_requires_a_role_both_require_and_repeats_one_either_repeats(first, second):
    required = first in ("one", "one_or_more") and second in ("one", "one_or_more")
    repeatable = first in ("one_or_more", "any") or second in ("one_or_more", "any")
    expected = {(True, False): "one", (False, False): "optional", (True, True): "one_or_more", (False, True): "any"}
    mark = BRAT_MARK[expected[(required, repeatable)]]
    conf = write_annotation_conf(parse_schema(_two_spellings(first, second)))
    assert _place_line(conf) == f"Conflict_Attack\tPlace{mark}:GPE"


@pytest.mark.parametrize(("first", "second"), list(itertools.product(MULTIPLICITIES, repeat=2)))
def test_a_numbered_role_read_from_brat_s_conf_is_repeatable_and_required_where_either_number_is(first, second):
    conf = (
        "[entities]\nProtein\n[relations]\n[events]\n"
        f"Binding\tTheme{BRAT_MARK[first]}:Protein, Theme2{BRAT_MARK[second]}:Protein\n[attributes]\n"
    )
    schema, _ = conf_schema(conf, Path("annotation.conf"))
    (role,) = schema.event_type("Binding").roles
    required = first in ("one", "one_or_more") or second in ("one", "one_or_more")
    assert (role.name, role.multiplicity) == ("Theme", "one_or_more" if required else "any")


@pytest.mark.parametrize("multiplicity", MULTIPLICITIES)
def test_a_role_an_export_spells_two_ways_is_required_in_neither_and_keeps_its_repeats(multiplicity):
    schema = parse_schema(_two_spellings(multiplicity, multiplicity).replace('name = "Conflict:Attack"', 'name = "X"'))
    one_way = spelt_schema(schema, {}, {})
    two_ways = spelt_schema(schema, {}, {"Place": ["Place", "Location"]})
    assert one_way.event_type("Conflict.Attack").roles[0].multiplicity == multiplicity
    repeatable = multiplicity in ("one_or_more", "any")
    assert {r.multiplicity for r in two_ways.event_type("Conflict.Attack").roles} == {
        "any" if repeatable else "optional"
    }


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([["Place"], ["Place"]], "one"),  # in every event, once
        ([["Place"], []], "optional"),  # in some
        ([["Place", "Place"], ["Place"]], "one_or_more"),  # in every event, twice in one
        ([["Place", "Place"], []], "any"),  # in some, twice in one
    ],
)
def test_a_role_told_from_a_file_s_events_is_required_where_every_event_fills_it_and_repeatable_where_one_fills_it_twice(
    events, expected
):
    uses = EventUses()
    for roles in events:
        uses.add("Conflict:Attack", [(r, "GPE") for r in roles])
    (table,) = uses.tables()
    assert [(r["name"], r["multiplicity"]) for r in table["roles"]] == [("Place", expected)]
