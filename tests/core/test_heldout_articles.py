"""The blind held-out articles (``tests/data/heldout_articles.jsonl``, session 37, helper s37-held): every trigger's
and argument's offsets match the text, every type is one of events-dev's 8 and every role one its type takes, and the
file is what its marked source builds. The set is for measuring only (tests/data/heldout_articles.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from heldout_articles import JSONL, MARKED, ROLES, MarkupError, check_article, parse_article, parse_marked  # noqa: E402


def read_jsonl() -> list[dict]:
    return [json.loads(line) for line in JSONL.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_offset_type_and_role_of_the_held_out_articles_is_right() -> None:
    articles = read_jsonl()
    assert len(articles) == 20
    assert len({a["name"] for a in articles}) == 20
    for article in articles:
        check_article(article)
        for event in article["events"]:
            start, end = event["trigger"]
            assert article["text"][start:end] == event["trigger_text"]
            for arg in event["arguments"]:
                assert arg["role"] in ROLES[event["type"]]
                assert article["text"][arg["span"][0] : arg["span"][1]] == arg["text"]
    types = {e["type"] for a in articles for e in a["events"]}
    assert types == set(ROLES)  # each of the 8 types is measured


def test_the_jsonl_is_what_its_marked_source_builds() -> None:
    assert parse_marked(MARKED.read_text(encoding="utf-8")) == read_jsonl()


def test_a_marked_article_gives_code_point_offsets_of_the_plain_text() -> None:
    article = parse_article(
        "t",
        "Café {police|e1 Agent; e2 Attacker} [arrested|e1 Justice:Arrest-Jail] {a man|e1 Person}.\nThey [shot|e2 Conflict:Attack].",
    )
    assert article["text"] == "Café police arrested a man.\nThey shot."
    arrest, attack = article["events"]
    assert arrest["trigger"] == [12, 20] and arrest["trigger_text"] == "arrested"
    assert [(a["role"], a["span"]) for a in arrest["arguments"]] == [("Agent", [5, 11]), ("Person", [21, 26])]
    assert attack["type"] == "Conflict:Attack" and attack["arguments"] == [
        {"role": "Attacker", "span": [5, 11], "text": "police"}
    ]


@pytest.mark.parametrize(
    "marked",
    [
        "{police|e1 Victim} [arrested|e1 Justice:Arrest-Jail] him.",  # a role Arrest-Jail does not take
        "They [met|e1 Contact:Greet] yesterday.",  # not one of the 8 types
        "{police|e2 Agent} [arrested|e1 Justice:Arrest-Jail] him.",  # an argument of no event
        "They [met|e1 Contact:Meet yesterday.",  # a mark not closed
    ],
)
def test_a_wrong_mark_is_refused(marked: str) -> None:
    with pytest.raises(MarkupError):
        parse_article("bad", marked)


def test_an_offset_that_does_not_match_its_text_is_refused() -> None:
    article = read_jsonl()[0]
    event = dict(
        article["events"][0], trigger=[article["events"][0]["trigger"][0] + 1, article["events"][0]["trigger"][1]]
    )
    with pytest.raises(MarkupError):
        check_article(dict(article, events=[event]))


@pytest.mark.slow  # imports the rule suggester (spaCy): about a second
def test_the_events_bench_scores_another_file_whole_without_halves() -> None:
    from events import DATA, half_titles

    assert half_titles(JSONL) is None
    assert half_titles(DATA) is not None


@pytest.mark.slow  # imports the rule suggester (spaCy): about a second
def test_the_article_bootstrap_interval_holds_the_figure_and_is_exact_when_every_event_is_found() -> None:
    from events import bootstrap_interval, figures

    articles = read_jsonl()
    golds = [a["events"] for a in articles]
    assert bootstrap_interval(articles, golds, 50) == {"triggers": (1.0, 1.0), "arguments": (1.0, 1.0)}
    halved = [events[: len(events) // 2] for events in golds]  # half the events of each article found
    whole = figures(golds, halved)["triggers"]["all"]["f1"]
    low, high = bootstrap_interval(articles, halved, 200)["triggers"]
    assert low <= whole <= high and low < high < 1.0
