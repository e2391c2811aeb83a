"""Whether a file's schema's attribute matches the project's (``schema_match._renames``): every value it gives one the
project's attribute takes, as ``rules.takes_value`` says (session 40: the match compared the value sets by hand)."""

from __future__ import annotations

import pytest

from annotator.formats.schema_match import _renames
from annotator.schema import parse_schema


def _schema(values: list[str]) -> str:
    quoted = ", ".join(f'"{v}"' for v in values)
    return f"""
[schema]
name = "s"
version = 1

[[entity]]
name = "PERSON"

[[attribute]]
name = "Modality"
values = [{quoted}]
default = "{values[0]}"
"""


@pytest.mark.parametrize(
    ("theirs", "matched"),
    [
        (["Asserted"], True),  # fewer values
        (["Asserted", "Other"], True),  # the same
        (["Other", "Asserted"], True),  # in another order
        (["Asserted", "Maybe"], False),  # a value the project's lacks
        (["asserted"], False),  # another spelling is another value
    ],
)
def test_a_file_s_attribute_matches_where_the_project_s_takes_every_value_it_gives(theirs, matched):
    mine = parse_schema(_schema(["Asserted", "Other"]))
    got = _renames(parse_schema(_schema(theirs)), mine)
    assert ("attribute Modality" not in got.unmatched) is matched


def test_a_file_s_attribute_the_project_lacks_is_unmatched():
    mine = parse_schema(_schema(["Asserted"]).replace('"Modality"', '"Genericity"'))
    assert "attribute Modality" in _renames(parse_schema(_schema(["Asserted"])), mine).unmatched
