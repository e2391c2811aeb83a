"""A schema grown by an import reads the TOML of its added tables alone, its own text's data read before (session 33):
the same schema as the whole text read, the same errors, and the whole text read whenever the parts could differ."""

from __future__ import annotations

import tomllib

import pytest

from annotator.errors import ImportFileError, SchemaError
from annotator.formats.schema_growth import grown_schema
from annotator.schema import default_schema, parse_schema

SMALL = """[schema]
name = "small"

[[entity]]
name = "PER"

[[event]]
name = "Meet"
[[event.role]]
name = "Who"
labels = ["PER"]
"""


def _read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every parse after this reads its whole text (what the schema did before session 33)."""
    from annotator import schema_toml

    monkeypatch.setattr(schema_toml, "_grown", lambda source, grown_from: None)


def _texts_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    loads = tomllib.loads

    def spy(text: str, **kwargs):  # type: ignore[no-untyped-def]
        read.append(text)
        return loads(text, **kwargs)

    monkeypatch.setattr(tomllib, "loads", spy)
    return read


def test_an_import_that_grows_the_news_schema_reads_only_its_own_tables(monkeypatch, tmp_path):
    news = default_schema()
    assert news.source is not None
    grown_schema(news, ["Warm"], [], tmp_path / "w.tsv", "w.tsv")  # an import before: the schema's own text read
    read = _texts_read(monkeypatch)
    grown = grown_schema(
        news, ["Landform"], [{"name": "Quake.Struck", "roles": [{"name": "Place", "labels": ["GPE"]}]}],
        tmp_path / "a.tsv", "a.tsv",
    )  # fmt: skip
    assert [e.name for e in grown.entities][-1] == "Landform" and grown.events[-1].name == "Quake.Struck"
    assert read and max(len(t) for t in read) < len(news.source) // 10, [len(t) for t in read]

    _read_whole(monkeypatch)
    assert grown.source is not None and grown.source.endswith(read[-1])
    assert grown.to_data() == parse_schema(grown.source, "the whole text").to_data()


# (the added text, whether it may be read alone): each gives what the whole text gives, a schema or the same error
ADDED = [
    ('[[entity]]\nname = "ORG"\n', True),
    ('# added\n\n[[entity]] # one more\nname = "ORG"\n[[event]]\nname = "Sue"\n', True),
    ('[[event]]\nname = "Sue"\n[[event.role]]\nname = "Plaintiff"\nlabels = ["PER"]\n', True),
    ('[[attribute]]\nname = "Mood"\nvalues = ["a", "b"]\n[[category]]\nname = "Sport"\n', True),
    ('[[entity]]\nname = "PER"\n', True),  # declared twice: the check's error, with the whole text's line
    ('[[entity]]\nname = "ORG"\ncolour = "#ffffff"\n', True),  # an unknown key, at the whole text's line
    ('description = "more"\n[[entity]]\nname = "ORG"\n', False),  # the text before's last table's key
    ('[[event.role]]\nname = "Where"\nlabels = ["PER"]\n', False),  # a role of the text before's last event
    ("[schema]\nversion = 2\n", False),  # a table the text before has: not valid TOML
    ('[[entity]]\nname = "ORG\n', False),  # not valid TOML: the line of the whole text
]


def _outcome(source: str, base: str | None) -> object:
    try:
        return parse_schema(source, "small + a.tsv", app_keys=False, grown_from=base).to_data()
    except SchemaError as exc:
        return str(exc)


@pytest.mark.parametrize("added, alone", ADDED)
def test_a_grown_text_gives_what_the_whole_text_gives(monkeypatch, added, alone):
    base = SMALL.replace('"small"', f'"small {len(added)}"')  # a text of its own: no parse of it cached before
    source = base + "\n" + added
    _outcome(base + '\n[[entity]]\nname = "WARM"\n', base)  # a growth before: the base's own text read
    read = _texts_read(monkeypatch)
    got = _outcome(source, base)
    assert (max(len(t) for t in read) < len(base)) is alone, [len(t) for t in read]
    _read_whole(monkeypatch)
    assert got == _outcome(source + "\n", base)  # the whole text read (another text: not cached)


def test_an_array_written_inline_is_not_added_to(monkeypatch):
    """``entity = [...]`` is an array TOML refuses more ``[[entity]]`` tables to: the whole text's error."""
    base = 'entity = [{name = "PER"}]\n\n[schema]\nname = "inline"\n'
    parse_schema(base, "inline")
    with pytest.raises(SchemaError, match="not valid TOML"):
        parse_schema(base + '\n[[entity]]\nname = "ORG"\n', "inline + a.tsv", grown_from=base)


def test_an_import_whose_tables_cannot_be_added_is_refused_with_the_whole_texts_line(monkeypatch, tmp_path):
    news = default_schema()
    assert news.source is not None
    grown_schema(news, ["Warm"], [], tmp_path / "w.tsv", "w.tsv")  # an import before: the schema's own text read

    def refusal() -> str:
        with pytest.raises(ImportFileError) as refused:
            grown_schema(news, [], [{"name": "Conflict:Attack"}], tmp_path / "a.tsv", "a.tsv")
        return str(refused.value)

    said = refusal()
    assert "news + a.tsv:" in said and "Conflict:Attack" in said
    _read_whole(monkeypatch)
    assert said == refusal()
