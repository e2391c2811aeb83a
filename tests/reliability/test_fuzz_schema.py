"""Hostile schema files: the schema reader answers with a SchemaError naming the problem, or a correct Schema."""

from __future__ import annotations

import random
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import SchemaError
from annotator.resources_path import resource_path
from annotator.schema import Schema, parse_schema
from reliability_settings import RELIABLE, scaled

NEWS = resource_path("schemas/news.toml").read_text(encoding="utf-8")
COUNTED = {"inputs": 0, "parsed": 0, "refused": 0}


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    from reliability_settings import FIGURES

    FIGURES["fuzz_schema"] = dict(COUNTED)


def check(source: str) -> None:
    COUNTED["inputs"] += 1
    try:
        schema = parse_schema(source, "fuzz.toml")
    except SchemaError as exc:
        msg = str(exc)
        assert msg.startswith("fuzz.toml") and len(msg) > 15 and "Traceback" not in msg, msg
        COUNTED["refused"] += 1
        return
    assert isinstance(schema, Schema) and schema.entities
    names = set(schema.label_names)
    for t in schema.events:  # whatever was accepted is consistent
        for r in t.roles:
            assert set(r.labels) <= names
    for a in schema.attributes:
        assert a.default in a.values
    COUNTED["parsed"] += 1


@pytest.mark.slow  # 1.8 s: fuzzing, 150 random texts
@settings(RELIABLE, max_examples=scaled(150))
@given(st.text(max_size=300))
def test_random_text(source):
    check(source)


SMALL = """[schema]
name = "s"
[[entity]]
name = "PER"
color = "#aabbcc"
key = "p"
[[entity]]
name = "ORG"
[[attribute]]
name = "polarity"
values = ["Positive", "Negative"]
default = "Positive"
[[event]]
name = "Meet"
triggers = ["met"]
  [[event.role]]
  name = "Entity"
  labels = ["PER", "ORG"]
  multiplicity = "one_or_more"
"""

TOML_VALUES = st.sampled_from(
    [
        '""',
        '" "',
        '"PER"',
        '"Nope"',
        '"#zzzzzz"',
        '"ab"',
        "0",
        "-1",
        "99999999999999999999",
        "1e999",
        "nan",
        "true",
        "[]",
        '["PER"]',
        '["Nope"]',
        "[1, 2]",
        '[["PER"]]',
        "{}",
        "{a = 1}",
        '"one"',
        '"many"',
        "1979-05-27",
    ]
)


@pytest.mark.slow
@settings(RELIABLE, max_examples=scaled(200))
@given(data=st.data())
def test_valid_schema_with_hostile_values(data):
    """Replace the value of one to three ``key = value`` lines of a correct schema, or drop/duplicate lines."""
    lines = SMALL.splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        k = data.draw(st.integers(0, len(lines) - 1))
        how = data.draw(st.sampled_from(["value", "value", "drop", "dup", "swap"]))
        if how == "value" and "=" in lines[k]:
            key = lines[k].split("=")[0]
            lines[k] = f"{key}= {data.draw(TOML_VALUES)}"
        elif how == "drop":
            del lines[k]
        elif how == "dup":
            lines.insert(k, lines[k])
        else:
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[k], lines[j] = lines[j], lines[k]
        if not lines:
            lines = [""]
    check("\n".join(lines))


@pytest.mark.slow
@settings(RELIABLE, max_examples=scaled(60))
@given(seed=st.integers(0, 10**9), cut=st.floats(0, 1))
def test_news_schema_truncated_or_shuffled(seed, cut):
    rng = random.Random(seed)
    lines = NEWS.splitlines()
    if rng.random() < 0.5:
        check(NEWS[: int(len(NEWS) * cut)])
    else:
        k = rng.randrange(len(lines))
        j = rng.randrange(len(lines))
        lines[k], lines[j] = lines[j], lines[k]
        check("\n".join(lines))


@pytest.mark.parametrize(
    "source",
    [
        "a = " + "[" * 100_000 + "]" * 100_000,
        "a = " + "{b = " * 5_000 + "1" + "}" * 5_000,
        "[" + "a." * 20_000 + "b]",
        SMALL.replace('name = "s"', 'name = "' + "x" * 1_000_000 + '"'),
        SMALL + "\n".join(f'[[entity]]\nname = "L{k}"' for k in range(3000)),
        "\x00\x01\x02",
        "\ufeff" + SMALL,
        SMALL.replace('labels = ["PER", "ORG"]', 'labels = [["PER"], {x = 1}]'),
        SMALL.replace('triggers = ["met"]', "triggers = 5"),
        SMALL.replace("  [[event.role]]", "  [event.role]"),
        SMALL + "[[event]]\nname = 5\n",
        SMALL + '[[attribute]]\nname = "polarity"\nvalues = ["a"]\n',
    ],
    ids=[
        "deep-arrays",
        "deep-tables",
        "long-dotted-key",
        "huge-name",
        "many-labels",
        "control-chars",
        "bom",
        "labels-wrong-type",
        "triggers-int",
        "role-not-array",
        "event-name-int",
        "attribute-twice",
    ],
)
@pytest.mark.slow
def test_extreme_schemas(source):
    check(source)


def test_the_news_schema_still_parses():
    check(NEWS)
    assert COUNTED["parsed"] >= 1
    tomllib.loads(NEWS)
