"""The blocker kinds read only where asked for (session 36, helper s36-cost): ``kinds_of_sides``,
``figurative_kinds``, ``pastime_kinds`` and ``measure_kinds`` run the test of a kind only when the kind is ``wanted``
(the suggester asks for its candidate types' blockers), and tell the same kinds as before for those asked. No
pipeline: the tests not asked for would fail on the ``None`` given for the token if they ran."""

from __future__ import annotations

import pytest

from annotator.suggest import figurative, measures, pastimes, trigger_sides
from annotator.suggest.kind_tests import KindTests


def _told(monkeypatch: pytest.MonkeyPatch, module: object, name: str, result: bool, ran: list[str]) -> None:
    def test(*_args: object) -> bool:
        ran.append(name)
        return result

    monkeypatch.setattr(module, name, test)


def test_only_the_kinds_wanted_are_tested(monkeypatch):
    ran: list[str] = []
    _told(monkeypatch, trigger_sides, "held_body", True, ran)
    _told(monkeypatch, figurative, "in_game", False, ran)
    _told(monkeypatch, pastimes, "died_of_feeling", True, ran)
    wanted = frozenset({"obj:body", "in:game", "of:feeling", "no such kind"})
    assert trigger_sides.kinds_of_sides(None, None, [], wanted) == {"obj:body", "of:feeling"}
    assert ran == ["held_body", "in_game", "died_of_feeling"]


def test_nothing_wanted_nothing_tested():
    # every test would read the token (None here): none runs
    assert trigger_sides.kinds_of_sides(None, None, [("subj", None)], frozenset()) == frozenset()
    assert figurative.figurative_kinds(None, [("obj", None)], frozenset()) == frozenset()
    assert pastimes.pastime_kinds(None, [], frozenset()) == frozenset()
    assert measures.measure_kinds(None, None, frozenset()) == frozenset()


def test_a_measure_wanted_alone(monkeypatch):
    ran: list[str] = []
    _told(monkeypatch, measures, "is_figure", True, ran)
    _told(monkeypatch, measures, "is_distance", True, ran)
    # the money kinds are not wanted: what the trigger gives is not read (the span, None, would fail)
    assert measures.measure_kinds(None, None, frozenset({"figure"})) == {"figure"}
    assert ran == ["is_figure"]


def test_every_kind_when_none_is_named(monkeypatch):
    ran: list[str] = []
    _told(monkeypatch, measures, "is_figure", False, ran)
    _told(monkeypatch, measures, "is_distance", True, ran)
    monkeypatch.setattr(measures, "money_kinds", lambda head, span: frozenset({"money:rate"}))
    assert measures.measure_kinds(None, None) == {"distance", "money:rate"}
    assert ran == ["is_distance", "is_figure"]


def test_a_table_runs_the_tests_of_the_kinds_wanted_in_its_order_kept_per_set():
    # session 43 (s43-cost): the tables are built once, and the tests of a set of kinds asked picked once per set
    ran: list[str] = []

    def told(kind: str, result: bool):  # noqa: ANN202 - a test that says it ran
        def test(*args: object) -> bool:
            ran.append(f"{kind}{args}")
            return result

        return (kind, test)

    table = KindTests(told("a", True), told("b", False), told("c", True), told("d", True))
    wanted = frozenset({"d", "a", "b", "no such kind"})
    assert table.kinds(wanted, 1, 2) == {"a", "d"}
    assert ran == ["a(1, 2)", "b(1, 2)", "d(1, 2)"]
    assert table.of(frozenset({"a", "b", "d", "no such kind"})) is table.of(wanted)  # an equal set: the same pick
    ran.clear()
    assert table.kinds(None, 3) == {"a", "c", "d"}  # None: every kind
    assert ran == ["a(3,)", "b(3,)", "c(3,)", "d(3,)"]
    ran.clear()
    asked = {"c"}  # a set that may change is read, not kept
    assert table.kinds(asked, 4) == {"c"}
    asked.add("a")
    assert table.kinds(asked, 5) == {"a", "c"}
    assert table.kinds(frozenset(), 6) == frozenset()
    assert ran == ["c(4,)", "a(5,)", "c(5,)"]


def _brain_dead(brain: bool):  # noqa: ANN202 - "The boy was (brain) dead after the crash", parsed by hand
    from spacy.tokens import Doc

    from tests.spacy_support import english_words

    words = "The boy was brain dead after the crash".split()
    keep = [i for i in range(len(words)) if brain or i != 3]
    heads = [1, 2, 2, 4, 2, 2, 7, 5]
    at = {old: new for new, old in enumerate(keep)}
    return Doc(
        english_words().vocab,
        words=[words[i] for i in keep],
        pos=["DET NOUN AUX NOUN ADJ ADP DET NOUN".split()[i] for i in keep],
        tags=["DT NN VBD NN JJ IN DT NN".split()[i] for i in keep],
        deps=["det nsubj ROOT npadvmod acomp prep det pobj".split()[i] for i in keep],
        heads=[at[heads[i]] for i in keep],
        lemmas=[words[i].lower().replace("was", "be") for i in keep],
        sent_starts=[i == 0 for i in range(len(keep))],
    )


def test_a_type_its_heads_words_block_has_no_roles_filled(monkeypatch):
    # session 43 (s43-cost): a type blocked by the trigger's own children ("brain dead": Life:Die blocks on "brain")
    # is dropped before its roles are filled, as it was dropped after; a type not blocked still has them filled
    from annotator.suggest import event_rules
    from tests.spacy_support import news_suggester

    filled: list[str] = []
    fill_roles = event_rules.fill_roles

    def recorded(event_type, *args):  # noqa: ANN001, ANN202
        filled.append(event_type.name)
        return fill_roles(event_type, *args)

    monkeypatch.setattr(event_rules, "fill_roles", recorded)
    assert news_suggester().suggest(_brain_dead(True), []) == []
    assert filled == []
    assert "Life:Die" in [s.type for s in news_suggester().suggest(_brain_dead(False), [])]
    assert filled == ["Life:Die"]
