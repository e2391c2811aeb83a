"""Merge's near-twin check (``merge_checks.TwinIndex``): every document differing from an earlier one in at most
NEAR_LIMIT characters in one place is found, the first such (in the order the documents came); documents that only
share a header and a footer are not paired."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.teams.merge import merge_projects
from annotator.teams.merge_checks import NEAR_LIMIT, TwinIndex, _difference

HEADER = "WASHINGTON (Wire) - The following report was filed by our correspondents on the ground today. "
FOOTER = " (Reporting by the desk; editing by the night shift. All rights reserved by the agency.)"


def _body(k: int) -> str:
    return " ".join(f"item{k}-{j}" for j in range(12))


def _project(path, annotator: str, docs: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    p = Project(path, annotator=annotator)
    import_documents(p, [IncomingDocument(text=t, name=n) for n, t in docs])
    return p


@pytest.mark.slow
def test_a_twin_behind_250_documents_of_the_same_header_and_footer_is_found(tmp_path):
    # 250 news items of one agency: the same first and last 32 characters; the last one is the twin of the
    # source's document (one word changed in the middle). The first-and-last-32 index compared 200 of them and
    # missed it.
    docs = [(f"d{k}.txt", HEADER + _body(k) + FOOTER) for k in range(250)]
    target = _project(tmp_path / "team.annotator", "rita", docs)
    twin_text = HEADER + _body(249).replace("item249-5", "item249-V") + FOOTER
    _project(tmp_path / "alice.annotator", "alice", [("story.txt", twin_text)]).close()
    report = merge_projects(target, [tmp_path / "alice.annotator"])
    (twin,) = report.sources[0].near_duplicates
    assert (twin.name, twin.other, twin.differing) == ("story.txt", "d249.txt", 1)
    assert twin.offset == twin_text.index("item249-V") + len("item249-")
    target.close()


def test_documents_sharing_only_a_header_and_footer_are_not_paired(tmp_path):
    target = _project(
        tmp_path / "team.annotator", "rita", [(f"d{k}.txt", HEADER + _body(k) + FOOTER) for k in range(30)]
    )
    _project(
        tmp_path / "alice.annotator", "alice", [(f"e{k}.txt", HEADER + _body(100 + k) + FOOTER) for k in range(30)]
    ).close()
    report = merge_projects(target, [tmp_path / "alice.annotator"])
    assert report.sources[0].near_duplicates == []
    assert len(report.sources[0].added_documents) == 30
    target.close()


def test_texts_differing_in_a_number_each_name_the_first_twin(tmp_path):
    # the reliability run's corpus: every text a near twin of every other; each is reported with the first
    text = "Rebels attacked a convoy near Kabul on Monday, officials said. Report number {k} of the day's events."
    _project(tmp_path / "alice.annotator", "alice", [(f"d{k}.txt", text.format(k=k)) for k in range(40)]).close()
    target = Project(tmp_path / "team.annotator", annotator="rita")
    report = merge_projects(target, [tmp_path / "alice.annotator"])
    twins = report.sources[0].near_duplicates
    assert [(t.name, t.other) for t in twins] == [(f"d{k}.txt", "d0.txt") for k in range(1, 40)]
    assert twins[-1].differing == 2  # '39' for '0'
    target.close()


def _naive_difference(a: str, b: str) -> tuple[int, int]:
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    s = 0
    while s < n - p and a[-1 - s] == b[-1 - s]:
        s += 1
    return max(len(a), len(b)) - p - s, p


TEXTS = st.text(alphabet="ab ", min_size=0, max_size=90)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(a=TEXTS, b=TEXTS)
def test_the_difference_is_the_characters_left_when_the_common_start_and_end_are_taken(a, b):
    assert _difference(a, b) == _naive_difference(a, b)


class _EagerIndex(TwinIndex):
    REFINE_AT = 1  # every bucket of two texts gets an index of its rests: the deep levels tried on small corpora


@pytest.mark.slow
@pytest.mark.parametrize("index_class", [TwinIndex, _EagerIndex], ids=["index", "index of rests"])
@settings(max_examples=150, deadline=None)
@given(
    base=st.lists(TEXTS, min_size=1, max_size=12),
    edits=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 89), st.integers(0, 14), TEXTS), max_size=12),
)
def test_the_index_finds_what_comparing_every_pair_finds(index_class, base, edits):
    # texts and near-copies of them (a stretch replaced), each checked against those added before it, as merge does
    texts = list(base)
    for which, at, cut, put in edits:
        t = texts[which % len(texts)]
        texts.append(t[:at] + put[: NEAR_LIMIT + 2] + t[at + cut :])
    index = index_class(lambda key: texts[key])  # type: ignore[index]
    for k, text in enumerate(texts):
        if text in texts[:k]:
            continue  # the same text: matched by its hash, never checked
        expected = next((j for j in range(k) if _naive_difference(text, texts[j])[0] <= NEAR_LIMIT), None)
        found = index.near(f"n{k}", text)
        if expected is None:
            assert found is None
        else:
            assert found is not None and found.other == f"n{expected}"
            assert (found.differing, found.offset) == _naive_difference(text, texts[expected])
        index.add_text(k, f"n{k}", text)


def _comparisons(monkeypatch, texts: list[str]) -> tuple[int, list[int | None]]:  # type: ignore[no-untyped-def]
    """The texts checked and added in order, as merge does: (pairs compared, each text's first twin or None)."""
    import annotator.teams.merge_checks as checks

    pairs = [0]
    real = checks._difference

    def counting(a: str, b: str) -> tuple[int, int]:
        pairs[0] += 1
        return real(a, b)

    monkeypatch.setattr(checks, "_difference", counting)
    index = TwinIndex(lambda key: texts[key])  # type: ignore[index]
    firsts = []
    for k, text in enumerate(texts):
        found = index.near(f"n{k}", text)
        firsts.append(None if found is None else int(found.other[1:]))
        index.add_text(k, f"n{k}", text)
    return pairs[0], firsts


def test_texts_sharing_more_than_half_their_text_are_not_compared_pairwise(monkeypatch):
    """One agency's items whose boilerplate is 3/4 of each: every item shared its first half with every other, and
    each was compared with all before it (2,000 of them: 52 s, growing as the square of their number)."""
    boiler = "KABUL (Wire) - The following report was filed by our correspondents on the ground. " * 8
    texts = [boiler + f"Item {k}: " + " ".join(f"w{k * 7 + j}" for j in range(30)) for k in range(400)]
    twin = texts[123].replace(f"w{123 * 7 + 5} ", "wX ")  # one word changed: a near twin of item 123
    pairs, firsts = _comparisons(monkeypatch, [*texts, twin])
    assert firsts == [None] * 400 + [123]
    assert pairs <= 3 * len(texts)  # 79,800 pairs before (each with all before it)


def test_short_texts_are_not_compared_pairwise(monkeypatch):
    """Sentences as documents (under 30 characters: one bucket on the grid of NEAR_LIMIT) were each compared with
    every earlier one of a length within NEAR_LIMIT."""
    texts = [f"Rebels took {k * 7919 % 10007:05} towns." for k in range(300)]  # 25 characters; 5 differ from each
    texts += ["Rebels took 00000 towns!"]  # a near twin of the first
    pairs, firsts = _comparisons(monkeypatch, texts)
    expected = [None if k == 0 else 0 for k in range(300)]  # 5 digits differ: all twins of the first
    assert firsts == expected + [0]
    fresh = [f"Rebels took {k:04}xxxxxxx{k:04} towns" for k in range(300)]  # 12 or more differ: none are twins
    pairs, firsts = _comparisons(monkeypatch, fresh)
    assert firsts == [None] * 300
    assert pairs <= 20 * len(fresh)  # 2,724: each text with the few of a bucket at each level; 44,850 pairs before


def _indexes(index: TwinIndex) -> list[TwinIndex]:
    """The index and every bucket's index under it."""
    return [index, *(sub for rests in index.rests.values() for sub in _indexes(rests))]


def test_each_text_is_indexed_once_a_level(monkeypatch):
    """At a step of 0 a text's start and end are both empty: one bucket, not two of the same texts, each with an
    index of their rests (sentences as documents were all indexed twice, every level down). (A step of 0 on the grid
    of NEAR_LIMIT goes on in an index of the same texts on a grid of 1: another grid.)"""
    texts = [f"Rebels took {k:05}xxxxxx{k:05} towns" for k in range(300)]  # bench/merge_twins.py's short corpus
    index = TwinIndex(lambda key: texts[key])  # type: ignore[index]
    for k, text in enumerate(texts):
        assert index.near(f"n{k}", text) is None
        index.add_text(k, f"n{k}", text)
    held = [(sub.grid, sub.cut, tuple(sub.outer)) for sub in _indexes(index)]
    assert len(held) == len(set(held)) > 2  # two indexes on one grid never hold the same texts cut alike


def test_texts_all_twins_of_the_first_are_compared_once_each(monkeypatch):
    """Texts differing in a number (the reliability run's corpus: every text a near twin of every other) met their
    first twin at once, yet each lookup searched every bucket's index down to the bottom, and each text was indexed
    at both ends a level (3,000 of them: 55 s of CPU, 0.19 s in session 13): a bucket gets an index of its rests
    only once its lookups compare more than REFINE_AT texts."""
    body = " ".join(["rebels attacked a convoy near the city while officials met leaders of the council"] * 4)
    texts = [f"Rebels attacked a convoy near Kabul. Report number {k}: {body}." for k in range(300)]
    pairs, firsts = _comparisons(monkeypatch, texts)
    assert firsts == [None] + [0] * 299
    assert pairs == 299  # each with the first
